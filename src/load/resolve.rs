//! Checks that need the whole site: chapters, taxonomy keys, source ids, unique chart ids, cover figures,
//! missing translations.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::model::data::CaseInfo;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind, TranslatedFrom, case_pdf_name};
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;
use crate::yaml::{Seg, Source};

/// Returns (errors, warnings). With `only`, the checks of each page's own facts and text are made for
/// those pages alone (an edit in `serve`); the checks across pages are always made for all. Positions come
/// from the texts kept at loading: no file is read again.
pub(crate) fn check_site(
    content: &Path,
    site: &Site,
    only: Option<&std::collections::BTreeSet<String>>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let site_yaml = Source::file(&site.config.file.path, &site.config.file.text);
    check_structure(content, site, &site_yaml, &mut errors);
    check_chart_ids(site, &mut errors);
    for page in &site.pages {
        if only.is_some_and(|ids| !ids.contains(&page.id)) {
            continue;
        }
        let data = data_source(page);
        if let Some(case) = &page.data.case {
            check_case(site, case, &data, &mut errors);
        }
        check_sources(site, page, &data, &mut errors);
        check_download_names(content, site, page, &mut errors);
        check_translation_versions(page, &mut warnings, &mut errors);
        check_texts(content, page, &mut warnings);
    }
    check_cover_figures(site, &site_yaml, &mut errors);
    (errors, warnings)
}

/// The pages the report needs and the folders it may not have: the cover, a folder per chapter of site.yaml,
/// no chapter folder missing from it, no two folders that look the same.
fn check_structure(
    content: &Path,
    site: &Site,
    site_yaml: &Source<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    if site.page("").is_none() {
        errors.push(
            Diagnostic::error(Code::Structure, content.join("index.ja.md"), "the report has no cover page")
                .with_help("create content/index.ja.md and/or content/index.en.md with the report's title and summary"),
        );
    }
    for (i, chapter) in site.config.chapters.iter().enumerate() {
        if site.page(&format!("chapters/{chapter}")).is_none() {
            errors.push(
                site_yaml
                    .error_at(Code::Structure, &[Seg::Key("chapters"), Seg::Index(i)], format!("the chapter `{chapter}` has no folder content/chapters/{chapter}/"))
                    .with_help("create the folder with index.ja.md and index.en.md, or remove the chapter from the list"),
            );
        }
    }
    for page in site.pages.iter().filter(|p| p.kind == PageKind::Chapter) {
        if !site.config.chapters.iter().any(|c| c == page.slug()) {
            errors.push(
                Diagnostic::error(Code::Structure, first_doc_path(page), format!("the chapter `{}` is not listed in site.yaml", page.slug()))
                    .with_help(format!("add `{}` to `chapters:` in content/site.yaml, where its position gives its number", page.slug())),
            );
        }
    }
    let mut lookalikes: HashMap<String, &Page> = HashMap::new();
    for page in &site.pages {
        let key: String = unicode_normalization::UnicodeNormalization::nfkc(page.id.as_str())
            .flat_map(char::to_lowercase)
            .collect();
        if let Some(other) = lookalikes.insert(key, page) {
            errors.push(
                Diagnostic::error(Code::Structure, first_doc_path(page), format!(
                    "the folder content/{} looks the same as content/{} (they differ only in letter width or case)",
                    page.id, other.id
                ))
                .with_help("rename one of them; readers could not tell the two addresses apart"),
            );
        }
    }
}

/// Chart and table ids are unique in the whole report (they name figures, tables and downloads).
fn check_chart_ids(site: &Site, errors: &mut Vec<Diagnostic>) {
    let mut ids: HashMap<&str, &Page> = HashMap::new();
    for page in &site.pages {
        let src = data_source(page);
        let charts = page
            .data
            .charts
            .iter()
            .map(|c| ("charts", "chart", c.id.as_str()));
        let tables = page
            .data
            .tables
            .iter()
            .map(|t| ("tables", "table", t.id.as_str()));
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (key, what, id) in charts.chain(tables) {
            let i = index.entry(key).or_insert(0);
            let at = [Seg::Key(key), Seg::Index(*i), Seg::Key("id")];
            *i += 1;
            match ids.insert(id, page) {
                Some(other) if !std::ptr::eq(other, page.as_ref()) => {
                    let other_path = super::shown_data_file(other);
                    errors.push(
                        src.error_at(
                            Code::DuplicateId,
                            &at,
                            format!("the {what} id `{id}` is already used in {other_path}"),
                        )
                        .with_help(super::UNIQUE_IDS),
                    );
                }
                _ => {}
            }
        }
    }
    super::captions::check_ids(site, &mut ids, errors);
}

/// A case's chapter is one of site.yaml's, and its taxonomy keys are defined in taxonomies.yaml.
fn check_case(site: &Site, case: &CaseInfo, data: &Source<'_>, errors: &mut Vec<Diagnostic>) {
    if !site.config.chapters.contains(&case.chapter) {
        let d = data.error_at(
            Code::UnknownReference,
            &[Seg::Key("chapter")],
            format!("`{}` is not a chapter of this report", case.chapter),
        );
        errors.push(
            match did_you_mean(
                &case.chapter,
                site.config.chapters.iter().map(String::as_str),
            ) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!(
                    "the chapters (site.yaml) are: {}",
                    site.config.chapters.join(", ")
                )),
            },
        );
    }
    for kind in TaxonomyKind::ALL {
        for (i, key) in case.keys(kind).iter().enumerate() {
            if site.taxonomies.term(kind, key).is_some() {
                continue;
            }
            let defined = site.taxonomies.terms(kind).iter().map(|t| t.key.as_str());
            let d = data.error_at(
                Code::UnknownReference,
                &[Seg::Key(kind.key()), Seg::Index(i)],
                format!(
                    "`{key}` is not defined in taxonomies.yaml under `{}`",
                    kind.key()
                ),
            );
            errors.push(match did_you_mean(key, defined) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!(
                    "add `{key}: {{ja: …, en: …}}` under `{}:` in content/taxonomies.yaml",
                    kind.key()
                )),
            });
        }
    }
    check_related(site, case, data, errors);
}

/// The related cases a case names are other cases of the report, each named once.
fn check_related(site: &Site, case: &CaseInfo, data: &Source<'_>, errors: &mut Vec<Diagnostic>) {
    let cases = || {
        site.pages
            .iter()
            .filter(|p| p.kind == PageKind::Case)
            .map(|p| p.slug())
    };
    for (i, slug) in case.related.iter().flatten().enumerate() {
        let at = [Seg::Key("related"), Seg::Index(i)];
        let own = data
            .path
            .parent()
            .and_then(|d| d.file_name())
            .is_some_and(|n| n == slug.as_str());
        let problem = if own {
            Some((
                "a case cannot be related to itself".to_string(),
                "remove it from `related`".to_string(),
            ))
        } else if case.related.iter().flatten().take(i).any(|s| s == slug) {
            Some((
                format!("`{slug}` is listed twice in `related`"),
                "list each related case once".to_string(),
            ))
        } else if site.page(&format!("cases/{slug}")).is_none() {
            let help = match did_you_mean(slug, cases()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => "name cases by their folder below content/cases/, e.g. `related: [kobe, tsuruoka]`".to_string(),
            };
            Some((
                format!("there is no case `{slug}` (content/cases/{slug}/)"),
                help,
            ))
        } else {
            None
        };
        if let Some((message, help)) = problem {
            errors.push(
                data.error_at(Code::UnknownReference, &at, message)
                    .with_help(help),
            );
        }
    }
}

/// The sources a page cites are defined in sources.yaml.
fn check_sources(site: &Site, page: &Page, data: &Source<'_>, errors: &mut Vec<Diagnostic>) {
    for (i, id) in page.data.sources.iter().enumerate() {
        if site.source(id).is_some() {
            continue;
        }
        let d = data.error_at(
            Code::UnknownReference,
            &[Seg::Key("sources"), Seg::Index(i)],
            format!("the source `{id}` is not defined in sources.yaml"),
        );
        errors.push(
            match did_you_mean(id, site.sources.iter().map(|s| s.id.as_str())) {
                Some(best) => d.with_help(format!("did you mean `{best}`?")),
                None => d.with_help(format!(
                    "add `{id}:` with its title, issuer and year to content/sources.yaml"
                )),
            },
        );
    }
}

/// No file of the page has the name of a chart's CSV download or of the case's PDF editions.
fn check_download_names(content: &Path, site: &Site, page: &Page, errors: &mut Vec<Diagnostic>) {
    // (file name, what hakusho writes under it, what the help calls it)
    let mut written: Vec<(String, String, &str)> = Vec::new();
    if site.config.pdf && page.kind == PageKind::Case {
        for lang in Lang::ALL {
            let what = format!("the case's PDF edition ({})", lang.code());
            written.push((case_pdf_name(&page.id, lang), what, "the PDF edition"));
        }
    }
    for chart in &page.data.charts {
        let what = format!("the CSV download of chart `{}`", chart.id);
        written.push((format!("{}.csv", chart.id), what, "the chart's data"));
    }
    for table in &page.data.tables {
        let what = format!("the CSV download of table `{}`", table.id);
        written.push((format!("{}.csv", table.id), what, "the table's data"));
    }
    for (name, what, help) in written {
        let taken = page
            .assets
            .iter()
            .any(|a| a.file_name().is_some_and(|n| n.to_string_lossy() == name));
        if taken {
            errors.push(
                Diagnostic::error(
                    Code::FileName,
                    content.join(&page.id).join(&name),
                    format!("this file has the name of {what}"),
                )
                .with_help(format!(
                    "rename the file; hakusho writes {help} under this name"
                )),
            );
        }
    }
}

/// Warnings about the texts: `TODO` placeholders left in, a language missing.
fn check_texts(content: &Path, page: &Page, warnings: &mut Vec<Diagnostic>) {
    for doc in Lang::ALL.iter().filter_map(|l| page.docs.get(*l).as_ref()) {
        warnings.extend(super::placeholders::warning(&doc.path, &doc.placeholders));
    }
    super::captions::check_languages(page, warnings);
    if let Some(file) = &page.data_file {
        let at = super::placeholders::positions(&file.text);
        warnings.extend(super::placeholders::warning(&file.path, &at));
    }
    for lang in Lang::ALL {
        if page.docs.get(lang).is_none() {
            let (_, other) = page.doc_for(lang);
            let missing = content
                .join(&page.id)
                .join(format!("index.{}.md", lang.code()));
            warnings.push(Diagnostic::warning(
                Code::Untranslated,
                missing,
                format!(
                    "untranslated: this page has no {} version; the {} text is shown there under a notice",
                    lang.name_in_english(),
                    other.name_in_english()
                ),
            )
            .ja(format!(
                "未翻訳：このページには{}版がありません。そこには{}の本文をお知らせ付きで表示します",
                lang_ja(lang),
                lang_ja(other)
            )));
        }
    }
}

/// Key figures on the cover name a page and one of its key figures.
fn check_cover_figures(site: &Site, site_yaml: &Source<'_>, errors: &mut Vec<Diagnostic>) {
    for (i, r) in site.config.cover_figures.iter().enumerate() {
        let found = site
            .page(&r.page)
            .map(|p| p.data.key_figures.iter().any(|k| k.id == r.id));
        let msg = match found {
            None => format!(
                "the cover figure `{}#{}` names a page that does not exist",
                r.page, r.id
            ),
            Some(false) => format!("the page `{}` has no key figure `{}`", r.page, r.id),
            Some(true) => continue,
        };
        errors.push(site_yaml.error_at(
            Code::UnknownReference,
            &[Seg::Key("cover"), Seg::Key("key_figures"), Seg::Index(i)],
            msg,
        ));
    }
}

/// A translation that names the version of its source it follows (`translated_from: ja@…`) is stale when
/// the source's text has changed since.
fn check_translation_versions(
    page: &Page,
    warnings: &mut Vec<Diagnostic>,
    errors: &mut Vec<Diagnostic>,
) {
    for lang in Lang::ALL {
        let Some(doc) = page.docs.get(lang) else {
            continue;
        };
        let Some(TranslatedFrom {
            lang: source_lang,
            version,
            position,
        }) = &doc.translated_from
        else {
            continue;
        };
        if *source_lang == lang {
            errors.push(
                Diagnostic::error(
                    Code::TranslationSource,
                    &doc.path,
                    "`translated_from` names the page's own language",
                )
                .with_help(format!(
                    "a translation into {} names its source language, e.g. `translated_from: {}@…`",
                    lang.code(),
                    lang.other().code()
                )),
            );
            continue;
        }
        let Some(source) = page.docs.get(*source_lang) else {
            warnings.push(Diagnostic::warning(
                Code::TranslationSource,
                &doc.path,
                format!(
                    "`translated_from` names index.{}.md, which does not exist",
                    source_lang.code()
                ),
            ));
            continue;
        };
        let current = source.version();
        if &current != version {
            warnings.push(
                Diagnostic::warning(Code::OutdatedTranslation,
                    &doc.path,
                    format!(
                        "outdated translation: it follows version {version} of index.{}.md, which has changed since (now {current})",
                        source_lang.code()
                    ),
                )
                .at_opt(*position)
                .with_help(format!(
                    "bring the translation up to date, then set `translated_from: {}@{current}`",
                    source_lang.code()
                ))
                .ja(format!(
                    "翻訳が古くなっています：index.{}.md の版 {version} に基づいていますが、その後変わりました（現在は {current}）",
                    source_lang.code()
                ))
                .ja_help(format!(
                    "翻訳を最新にしてから `translated_from: {}@{current}` と書いてください（`hakusho translated` でも書けます）",
                    source_lang.code()
                )),
            );
        }
    }
}

/// The page's data.yaml as loaded (an empty text for a page without one: nothing in it can be wrong).
fn data_source(page: &Page) -> Source<'_> {
    match &page.data_file {
        Some(file) => Source::file(&file.path, &file.text),
        None => Source::file(Path::new("data.yaml"), ""),
    }
}

fn first_doc_path(page: &Page) -> &Path {
    let (doc, _) = page.doc_for(Lang::Ja);
    &doc.path
}

/// A language's name in Japanese, for messages.
fn lang_ja(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "日本語",
        Lang::En => "英語",
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::model::text_file::TextFile;

    fn gone(path: &str, text: &str) -> TextFile {
        TextFile {
            path: Path::new("gone").join(path),
            text: text.into(),
        }
    }

    /// The files the findings are about no longer exist: their positions come from the texts kept at
    /// loading.
    #[test]
    fn positions_come_from_the_texts_kept_at_loading() {
        let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/minimal/content");
        let mut site = crate::load::load(&content, false).unwrap().site;
        site.config.chapters.push("two".into());
        site.config.file = gone("site.yaml", "title: x\n\nchapters: [one, two]\n");
        let pages = site
            .pages
            .iter()
            .map(|page| {
                let mut page = Page::clone(page);
                if page.id == "cases/alpha" {
                    page.data.sources.push("nope".into());
                    page.data_file =
                        Some(gone("data.yaml", "chapter: one\n\nsources: [doc1, nope]\n"));
                }
                Arc::new(page)
            })
            .collect();
        let site = site.with_pages(pages);
        let (errors, _) = check_site(Path::new("gone"), &site, None);
        let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "gone/site.yaml:3:17: error: the chapter `two` has no folder content/chapters/two/\n  help: create the folder with index.ja.md and index.en.md, or remove the chapter from the list",
                "gone/data.yaml:3:17: error: the source `nope` is not defined in sources.yaml\n  help: add `nope:` with its title, issuer and year to content/sources.yaml",
            ]
        );
    }
}
