//! Checks that need the whole site: chapters, taxonomy keys, source ids, unique chart ids, cover figures,
//! missing translations.

use std::collections::HashMap;
use std::path::Path;

use super::read::read_text;
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;
use crate::yaml::{Seg, Source};

/// Finds `TODO` in page text (long: a prebuilt searcher).
static TODO: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"TODO"));

/// Returns (errors, warnings). With `only`, the checks of each page's own facts and text are made for
/// those pages alone (an edit in `serve`); the checks across pages are always made for all.
pub(crate) fn check_site(
    content: &Path,
    site: &Site,
    only: Option<&std::collections::BTreeSet<String>>,
) -> (Vec<Diagnostic>, Vec<Diagnostic>) {
    let mut errors = Vec::new();
    let mut warnings = Vec::new();
    let site_yaml = content.join("site.yaml");
    let site_text = read_text(&site_yaml).unwrap_or_default();
    let site_src = Source::file(&site_yaml, &site_text);

    if site.page("").is_none() {
        errors.push(
            Diagnostic::error(Code::Structure, content.join("index.ja.md"), "the report has no cover page")
                .with_help("create content/index.ja.md and/or content/index.en.md with the report's title and summary"),
        );
    }
    for (i, chapter) in site.config.chapters.iter().enumerate() {
        if site.page(&format!("chapters/{chapter}")).is_none() {
            errors.push(
                site_src
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
    let mut chart_ids: HashMap<&str, &Page> = HashMap::new();
    for page in &site.pages {
        let src = LazySource::new(page.data_path.as_deref());
        for (i, chart) in page.data.charts.iter().enumerate() {
            if let Some(other) = chart_ids.insert(&chart.id, page) {
                let other_path = other
                    .data_path
                    .as_deref()
                    .map(crate::diag::display_path)
                    .unwrap_or_default();
                errors.push(
                    src.error_at(Code::DuplicateId, &[Seg::Key("charts"), Seg::Index(i), Seg::Key("id")], format!("the chart id `{}` is already used in {other_path}", chart.id))
                        .with_help("chart ids are unique in the whole report; prefix them with the page name, e.g. `kobe-companies`"),
                );
            }
        }
        if only.is_some_and(|ids| !ids.contains(&page.id)) {
            continue;
        }
        if let Some(case) = &page.data.case {
            if !site.config.chapters.contains(&case.chapter) {
                let mut d = src.error_at(
                    Code::UnknownReference,
                    &[Seg::Key("chapter")],
                    format!("`{}` is not a chapter of this report", case.chapter),
                );
                d = match did_you_mean(
                    &case.chapter,
                    site.config.chapters.iter().map(String::as_str),
                ) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => d.with_help(format!(
                        "the chapters (site.yaml) are: {}",
                        site.config.chapters.join(", ")
                    )),
                };
                errors.push(d);
            }
            for kind in TaxonomyKind::ALL {
                for (i, key) in case.keys(kind).iter().enumerate() {
                    if site.taxonomies.term(kind, key).is_none() {
                        let defined = site.taxonomies.terms(kind).iter().map(|t| t.key.as_str());
                        let d = src.error_at(
                            Code::UnknownReference,
                            &[Seg::Key(kind.key()), Seg::Index(i)],
                            format!(
                                "`{key}` is not defined in taxonomies.yaml under `{}`",
                                kind.key()
                            ),
                        );
                        errors.push(match did_you_mean(key, defined) {
                            Some(best) => d.with_help(format!("did you mean `{best}`?")),
                            None => d.with_help(format!("add `{key}: {{ja: …, en: …}}` under `{}:` in content/taxonomies.yaml", kind.key())),
                        });
                    }
                }
            }
        }
        for (i, id) in page.data.sources.iter().enumerate() {
            if site.source(id).is_none() {
                let d = src.error_at(
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
        for chart in &page.data.charts {
            let csv = format!("{}.csv", chart.id);
            if page
                .assets
                .iter()
                .any(|a| a.file_name().is_some_and(|n| n.to_string_lossy() == csv))
            {
                errors.push(
                    Diagnostic::error(
                        Code::FileName,
                        content.join(&page.id).join(&csv),
                        format!(
                            "this file has the name of the CSV download of chart `{}`",
                            chart.id
                        ),
                    )
                    .with_help("rename the file; hakusho writes the chart's data under this name"),
                );
            }
        }
        check_translation_versions(page, &mut warnings, &mut errors);
        for doc in Lang::ALL.iter().filter_map(|l| page.docs.get(*l).as_ref()) {
            if [
                doc.title.as_str(),
                doc.summary.as_deref().unwrap_or(""),
                doc.body.as_str(),
            ]
            .iter()
            .any(|t| TODO.find(t.as_bytes()).is_some())
            {
                warnings.push(
                    Diagnostic::warning(
                        Code::Todo,
                        &doc.path,
                        "the text still contains TODO placeholders",
                    )
                    .with_help("replace every TODO with the real text before publishing"),
                );
            }
        }
        for lang in Lang::ALL {
            if page.docs.get(lang).is_none() {
                let (_, other) = page.doc_for(lang);
                let missing = content
                    .join(&page.id)
                    .join(format!("index.{}.md", lang.code()));
                warnings.push(
                    Diagnostic::warning(Code::Untranslated,
                        missing,
                        format!(
                            "untranslated: this page has no {} version; the {} text is shown there under a notice",
                            language_name(lang),
                            language_name(other)
                        ),
                    ),
                );
            }
        }
    }
    for (i, r) in site.config.cover_figures.iter().enumerate() {
        let found = site
            .page(&r.page)
            .map(|p| p.data.key_figures.iter().any(|k| k.id == r.id));
        let msg = match found {
            None => Some(format!(
                "the cover figure `{}#{}` names a page that does not exist",
                r.page, r.id
            )),
            Some(false) => Some(format!(
                "the page `{}` has no key figure `{}`",
                r.page, r.id
            )),
            Some(true) => None,
        };
        if let Some(msg) = msg {
            errors.push(site_src.error_at(
                Code::UnknownReference,
                &[Seg::Key("cover"), Seg::Key("key_figures"), Seg::Index(i)],
                msg,
            ));
        }
    }
    (errors, warnings)
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
        let Some((source_lang, version)) = &doc.translated_from else {
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
                .at_opt(line_of_key(&doc.path, "translated_from"))
                .with_help(format!(
                    "bring the translation up to date, then set `translated_from: {}@{current}`",
                    source_lang.code()
                )),
            );
        }
    }
}

/// Where `key:` starts in a page file's front matter (read again only when a warning needs it).
fn line_of_key(path: &Path, key: &str) -> Option<crate::diag::Position> {
    let text = read_text(path).ok()?;
    let prefix = format!("{key}:");
    text.lines()
        .position(|l| l.starts_with(&prefix))
        .map(|i| crate::diag::Position {
            line: i + 1,
            column: 1,
        })
}

/// A data.yaml read again only when an error needs a position in it.
struct LazySource<'p> {
    path: Option<&'p Path>,
    text: std::cell::OnceCell<String>,
}

impl<'p> LazySource<'p> {
    fn new(path: Option<&'p Path>) -> Self {
        LazySource {
            path,
            text: std::cell::OnceCell::new(),
        }
    }

    fn error_at(&self, code: Code, at: &[Seg<'_>], message: impl Into<String>) -> Diagnostic {
        let path = self.path.unwrap_or(Path::new("data.yaml"));
        let text = self.text.get_or_init(|| {
            self.path
                .and_then(|p| read_text(p).ok())
                .unwrap_or_default()
        });
        Source::file(path, text).error_at(code, at, message)
    }
}

fn first_doc_path(page: &Page) -> &Path {
    let (doc, _) = page.doc_for(Lang::Ja);
    &doc.path
}

fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "Japanese",
        Lang::En => "English",
    }
}
