//! Stage 1: `content/` on disk → a validated [`Site`]. Collects every error before failing.

mod active;
mod base_url;
mod captions;
mod chart_kinds;
mod charts;
mod citations;
mod data_refs;
mod drafts;
pub(crate) mod file_kind;
mod front_matter;
mod identity;
mod names;
mod page_data;
mod placeholders;
#[cfg(test)]
mod plain_words;
#[cfg(test)]
mod quick_fuzz;
mod raw;
mod read;
mod resolve;
mod site_files;
mod tables;
mod taxonomies;
mod text;
pub(crate) mod walk;

use std::path::Path;

use rayon::prelude::*;

use crate::diag::{Code, Diagnostic};
use crate::model::data::PageData;
use crate::model::lang::{Lang, Localized};
use crate::model::page::{Page, PageKind};
use crate::model::site::Site;
use crate::model::text_file::TextFile;

/// Reloads the page folders `ids` (added, changed or removed) and checks the whole site again; everything
/// else is taken from `previous`. For `serve`, where one edit must not re-read thousands of files.
pub fn reload(
    content: &Path,
    previous: &Site,
    ids: &std::collections::BTreeSet<String>,
    with_drafts: bool,
) -> Result<Loaded, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let mut fresh = Vec::new();
    for id in ids {
        let found = walk::walk_folder(content, id);
        errors.extend(found.errors);
        errors.extend(active::refuse_active(
            content,
            &found.pages,
            previous.config.allow_active_files,
        ));
        warnings.extend(found.warnings);
        for page in found.pages.into_iter().filter(|p| &p.id == id) {
            match load_page(content, page) {
                Ok(p) => fresh.push(p),
                Err(mut e) => errors.append(&mut e),
            }
        }
    }
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    let mut pages: Vec<std::sync::Arc<Page>> = previous
        .pages
        .iter()
        .filter(|p| !ids.contains(&p.id))
        .cloned()
        .collect();
    let fresh = drafts::drafts_left_out(fresh, with_drafts, &mut warnings);
    pages.extend(fresh.into_iter().map(std::sync::Arc::new));
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    let site = previous.with_pages(pages);
    let (mut check_errors, mut check_warnings) = resolve::check_site(content, &site, Some(ids));
    if !check_errors.is_empty() {
        check_errors.sort();
        check_errors.dedup();
        return Err(check_errors);
    }
    warnings.append(&mut check_warnings);
    warnings.sort();
    Ok(Loaded { site, warnings })
}

/// The default language of site.yaml, for commands that edit content.
pub fn site_outline_default_language(content: &Path) -> Option<Lang> {
    let mut errors = Vec::new();
    read_and(
        &content.join("site.yaml"),
        &mut errors,
        site_files::parse_site_config,
    )
    .map(|c| c.default_language)
}

/// The chapter list of site.yaml and the source ids of sources.yaml, for scaffolding.
pub fn site_outline(content: &Path) -> Result<(Vec<String>, Vec<String>), Vec<Diagnostic>> {
    let site_yaml = content.join("site.yaml");
    let mut errors = Vec::new();
    let config = read_and(&site_yaml, &mut errors, site_files::parse_site_config);
    let sources = optional(
        content,
        "sources.yaml",
        &mut errors,
        site_files::parse_sources,
    );
    match (config, sources) {
        (Some(c), Some(s)) => Ok((c.chapters, s.into_iter().map(|s| s.id).collect())),
        _ => Err(errors),
    }
}

/// The `chapters:` of a `site.yaml` text, as `load` reads them.
pub fn site_chapters(path: &Path, text: &str) -> Result<Vec<String>, Vec<Diagnostic>> {
    site_files::parse_site_config(path, text).map(|c| c.chapters)
}

/// Parses a page file's text (front matter and Markdown) as `load` would (a summary not required).
pub fn parse_document_text(
    path: &Path,
    text: &str,
) -> Result<crate::model::page::Document, Vec<Diagnostic>> {
    front_matter::parse_document(path, text.to_string(), false)
}

/// Splits a base URL into origin and path (for `--base-url`).
pub fn parse_base_url(url: &str) -> Result<crate::model::site::BaseUrl, String> {
    base_url::parse_base_url(url)
}

/// [`parse_base_url`] with what is wrong in English and in Japanese (`(english, japanese)`), for `--base-url`'s
/// message in the editor's language.
pub fn parse_base_url_in_both(url: &str) -> Result<crate::model::site::BaseUrl, (String, String)> {
    base_url::base_url(url).map_err(|p| (p.en, p.ja))
}

/// Decodes a text file's bytes as UTF-8 (BOM and CR removed), or says where it is not UTF-8.
pub fn decode_text(path: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    read::decode(path, bytes)
}

/// The loaded site and what the editor should know about it.
#[derive(Debug)]
pub struct Loaded {
    /// The site.
    pub site: Site,
    /// Problems that do not stop the build (a missing translation, an ignored file).
    pub warnings: Vec<Diagnostic>,
}

/// Loads and validates everything under `content`.
pub fn load(content: &Path, with_drafts: bool) -> Result<Loaded, Vec<Diagnostic>> {
    let site_yaml = content.join("site.yaml");
    if !site_yaml.exists() {
        let (help, help_ja) = if content.is_dir() {
            (
                "create content/site.yaml (see README, \"site.yaml\"), or pass --content with the folder that holds it",
                "content/site.yaml を作るか（README の「site.yaml」）、site.yaml のあるフォルダーを --content で指定してください",
            )
        } else {
            (
                "pass --content with the folder that holds site.yaml",
                "site.yaml のあるフォルダーを --content で指定してください",
            )
        };
        return Err(vec![
            Diagnostic::error(
                Code::MissingKey,
                &site_yaml,
                "the site configuration file was not found",
            )
            .with_help(help)
            .ja("サイトの設定ファイル（site.yaml）が見つかりません")
            .ja_help(help_ja),
        ]);
    }
    let mut errors = Vec::new();
    let config = read_and(&site_yaml, &mut errors, site_files::parse_site_config);
    let sources = optional(
        content,
        "sources.yaml",
        &mut errors,
        site_files::parse_sources,
    );
    let taxonomies = optional(
        content,
        "taxonomies.yaml",
        &mut errors,
        taxonomies::parse_taxonomies,
    );
    let glossary = optional(
        content,
        "glossary.yaml",
        &mut errors,
        site_files::parse_glossary,
    );
    let found = walk::walk(content);
    errors.extend(found.errors);
    let allow_active = config.as_ref().is_some_and(|c| c.allow_active_files);
    errors.extend(active::refuse_active(content, &found.pages, allow_active));
    let mut warnings = found.warnings;
    let results: Vec<Result<Page, Vec<Diagnostic>>> = found
        .pages
        .into_par_iter()
        .map(|p| load_page(content, p))
        .collect();
    let mut loaded = Vec::new();
    for r in results {
        match r {
            Ok(page) => loaded.push(page),
            Err(mut e) => errors.append(&mut e),
        }
    }
    let pages: Vec<_> = drafts::drafts_left_out(loaded, with_drafts, &mut warnings)
        .into_iter()
        .map(std::sync::Arc::new)
        .collect();
    let (Some(config), Some(sources), Some(taxonomies), Some(glossary)) =
        (config, sources, taxonomies, glossary)
    else {
        errors.sort();
        return Err(errors);
    };
    if !errors.is_empty() {
        // Cross-file checks on a partly loaded site would only report consequences of these errors.
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    let site = Site::new(config, sources, taxonomies, glossary, pages);
    let (mut check_errors, mut check_warnings) = resolve::check_site(content, &site, None);
    errors.append(&mut check_errors);
    warnings.append(&mut check_warnings);
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    warnings.sort();
    Ok(Loaded { site, warnings })
}

fn read_and<T>(
    path: &Path,
    errors: &mut Vec<Diagnostic>,
    parse: impl FnOnce(&Path, &str) -> Result<T, Vec<Diagnostic>>,
) -> Option<T> {
    let text = match read::read_text(path) {
        Ok(t) => t,
        Err(d) => {
            errors.push(d);
            return None;
        }
    };
    match parse(path, &text) {
        Ok(v) => Some(v),
        Err(mut e) => {
            errors.append(&mut e);
            None
        }
    }
}

fn optional<T: Default>(
    content: &Path,
    name: &str,
    errors: &mut Vec<Diagnostic>,
    parse: impl FnOnce(&Path, &str) -> Result<T, Vec<Diagnostic>>,
) -> Option<T> {
    let path = content.join(name);
    if path.exists() {
        read_and(&path, errors, parse)
    } else {
        Some(T::default())
    }
}

/// How to fix an id used twice.
pub(super) const UNIQUE_IDS: &str = "chart and table ids are unique in the whole report; prefix them with the page name, e.g. `kobe-companies`";
/// The same in Japanese.
pub(super) const UNIQUE_IDS_JA: &str = "図と表の id は報告書全体で一つずつです。`kobe-companies` のように、ページの名前を前に付けてください";

/// A page's `data.yaml` as shown in messages (empty if it has none).
pub(super) fn shown_data_file(page: &Page) -> String {
    page.data_file
        .as_ref()
        .map(|f| crate::diag::display_path(&f.path))
        .unwrap_or_default()
}

/// The kind of page at folder `id`, or why a page cannot be there (in English and Japanese).
fn kind_of(id: &str) -> Result<PageKind, (String, String)> {
    let parts: Vec<&str> = if id.is_empty() {
        Vec::new()
    } else {
        id.split('/').collect()
    };
    match parts.as_slice() {
        [] => Ok(PageKind::Home),
        ["cases", _] => Ok(PageKind::Case),
        ["chapters", _] => Ok(PageKind::Chapter),
        ["cases"] | ["chapters"] => Err((
            format!(
                "/{id}/ is generated by hakusho; put each page in its own folder, e.g. content/{id}/<name>/"
            ),
            format!(
                "/{id}/ は hakusho が作るページです。ページはそれぞれ content/{id}/<name>/ のように自分のフォルダーに入れてください"
            ),
        )),
        ["cases" | "chapters", ..] => Err((
            format!(
                "pages in content/{}/ must be folders directly inside it, e.g. content/{}/<name>/",
                parts[0], parts[0]
            ),
            format!(
                "content/{}/ のページは、content/{}/<name>/ のように、そのすぐ下のフォルダーにしてください",
                parts[0], parts[0]
            ),
        )),
        _ => Ok(PageKind::Other),
    }
}

fn load_page(content: &Path, found: walk::FoundPage) -> Result<Page, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let kind = match kind_of(&found.id) {
        Ok(k) => k,
        Err((msg, msg_ja)) => {
            let at = found
                .docs
                .values()
                .next()
                .cloned()
                .unwrap_or_else(|| content.join(&found.id));
            return Err(vec![Diagnostic::error(Code::Structure, at, msg).ja(msg_ja)]);
        }
    };
    let needs_summary = matches!(kind, PageKind::Case | PageKind::Chapter);
    let mut docs = Localized::<Option<_>>::default();
    for (lang, path) in &found.docs {
        let text = match read::read_text(path) {
            Ok(t) => t,
            Err(d) => {
                errors.push(d);
                continue;
            }
        };
        match front_matter::parse_document(path, text, needs_summary) {
            Ok(doc) => *docs.get_mut(*lang) = Some(doc),
            Err(mut e) => errors.append(&mut e),
        }
    }
    let (data, data_file) = match &found.data {
        Some(path) => match read::read_text(path) {
            Ok(text) => match page_data::parse_page_data(path, &text, kind) {
                Ok(d) => (
                    d,
                    Some(TextFile {
                        path: path.clone(),
                        text: text.into(),
                    }),
                ),
                Err(mut e) => {
                    errors.append(&mut e);
                    (PageData::default(), None)
                }
            },
            Err(d) => {
                errors.push(d);
                (PageData::default(), None)
            }
        },
        None if kind == PageKind::Case => {
            errors.push(
                Diagnostic::error(Code::Structure, content.join(&found.id).join("data.yaml"), "a case needs a data.yaml with its facts")
                    .with_help("create it with at least `chapter:` and `sources:` (see README, \"Cases: data.yaml\"), or run `hakusho new case <slug>`")
                    .ja("事例には、事実を書いた data.yaml が必要です")
                    .ja_help("少なくとも `chapter:` と `sources:` を書いて作るか（README の「Cases: data.yaml」）、`hakusho new case <slug>` を実行してください"),
            );
            (PageData::default(), None)
        }
        None => (PageData::default(), None),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    debug_assert!(Lang::ALL.iter().any(|l| docs.get(*l).is_some()));
    Ok(Page {
        id: found.id,
        kind,
        docs,
        data,
        data_file,
        assets: found.assets,
    })
}
