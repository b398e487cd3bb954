//! Checks that need the whole site: chapters, taxonomy keys, source ids, unique chart ids, cover figures,
//! missing translations.

use std::collections::HashMap;
use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::model::identity::ContactLink;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind, TranslatedFrom, case_pdf_name};
use crate::model::site::Site;
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
            super::data_refs::check_case(site, case, &data, &mut errors);
        }
        super::data_refs::check_sources(site, page, &data, &mut errors);
        check_download_names(content, site, page, &mut errors);
        check_translation_versions(page, &mut warnings, &mut errors);
        check_texts(content, page, &mut warnings);
    }
    check_cover_figures(site, &site_yaml, &mut errors);
    check_contact_page(site, &site_yaml, &mut errors);
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
                .with_help("create content/index.ja.md and/or content/index.en.md with the report's title and summary")
                .ja("報告書に表紙のページがありません")
                .ja_help("報告書の題名と要約を書いた content/index.ja.md や content/index.en.md を作ってください"),
        );
    }
    for (i, chapter) in site.config.chapters.iter().enumerate() {
        if site.page(&format!("chapters/{chapter}")).is_none() {
            errors.push(
                site_yaml
                    .error_at(Code::Structure, &[Seg::Key("chapters"), Seg::Index(i)], format!("the chapter `{chapter}` has no folder content/chapters/{chapter}/"))
                    .with_help("create the folder with index.ja.md and index.en.md, or remove the chapter from the list")
                    .ja(format!("章 `{chapter}` のフォルダー content/chapters/{chapter}/ がありません"))
                    .ja_help("index.ja.md と index.en.md を入れたフォルダーを作るか、この章を一覧から消してください"),
            );
        }
    }
    for page in site.pages.iter().filter(|p| p.kind == PageKind::Chapter) {
        if !site.config.chapters.iter().any(|c| c == page.slug()) {
            errors.push(
                Diagnostic::error(Code::Structure, first_doc_path(page), format!("the chapter `{}` is not listed in site.yaml", page.slug()))
                    .with_help(format!("add `{}` to `chapters:` in content/site.yaml, where its position gives its number", page.slug()))
                    .ja(format!("章 `{}` が site.yaml にありません", page.slug()))
                    .ja_help(format!("content/site.yaml の `chapters:` に `{}` を加えてください。並んだ順番が章の番号になります", page.slug())),
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
                .with_help("rename one of them; readers could not tell the two addresses apart")
                .ja(format!(
                    "フォルダー content/{} は content/{} と同じに見えます（文字の全角・半角か大文字・小文字しか違いません）",
                    page.id, other.id
                ))
                .ja_help("どちらかの名前を変えてください。読者には二つのアドレスの見分けがつきません"),
            );
        }
    }
}

/// Chart and table ids are unique in the whole report (they name figures, tables and downloads).
fn check_chart_ids(site: &Site, errors: &mut Vec<Diagnostic>) {
    let mut ids: HashMap<&str, &Page> = HashMap::new();
    // Where each id was first given: its list and index in its data.yaml.
    let mut first_at: HashMap<&str, (&str, usize)> = HashMap::new();
    for page in &site.pages {
        let src = data_source(page);
        let charts = page
            .data
            .charts
            .iter()
            .map(|c| ("charts", ("chart", "図"), c.id.as_str()));
        let tables = page
            .data
            .tables
            .iter()
            .map(|t| ("tables", ("table", "表"), t.id.as_str()));
        let mut index: HashMap<&str, usize> = HashMap::new();
        for (key, (what, what_ja), id) in charts.chain(tables) {
            let i = index.entry(key).or_insert(0);
            let at = [Seg::Key(key), Seg::Index(*i), Seg::Key("id")];
            *i += 1;
            let first = first_at.entry(id).or_insert((key, *i - 1));
            match ids.insert(id, page) {
                Some(other) if !std::ptr::eq(other, page.as_ref()) => {
                    let other_path = match data_source(other).value_position(&[
                        Seg::Key(first.0),
                        Seg::Index(first.1),
                        Seg::Key("id"),
                    ]) {
                        Some(p) => {
                            format!("{}:{}:{}", super::shown_data_file(other), p.line, p.column)
                        }
                        None => super::shown_data_file(other),
                    };
                    errors.push(
                        src.error_at(
                            Code::DuplicateId,
                            &at,
                            format!("the {what} id `{id}` is already used in {other_path}"),
                        )
                        .with_help(super::UNIQUE_IDS)
                        .ja(format!(
                            "{what_ja}の id `{id}` は {other_path} ですでに使われています"
                        ))
                        .ja_help(super::UNIQUE_IDS_JA),
                    );
                }
                _ => {}
            }
        }
    }
    super::captions::check_ids(site, &mut ids, errors);
}

/// No file of the page has the name of a table's CSV download or of the case's PDF editions (a figure's
/// downloads are in its own folder, `figures/<chart id>/`).
fn check_download_names(content: &Path, site: &Site, page: &Page, errors: &mut Vec<Diagnostic>) {
    // (file name, what hakusho writes under it, what the help calls it; both in Japanese)
    let mut written: Vec<(String, String, &str, String, &str)> = Vec::new();
    if site.config.pdf && page.kind == PageKind::Case {
        for lang in Lang::ALL {
            let what = format!("the case's PDF edition ({})", lang.code());
            let what_ja = format!("事例の PDF 版（{}）", lang.name_in_japanese());
            let name = case_pdf_name(&page.id, lang);
            written.push((name, what, "the PDF edition", what_ja, "事例の PDF 版"));
        }
    }
    if matches!(page.kind, PageKind::Case | PageKind::Chapter) {
        for (lang, ext) in Lang::ALL.into_iter().flat_map(|l| [(l, "bib"), (l, "ris")]) {
            let name = format!("{}-{}.{ext}", page.slug(), lang.code());
            let what = format!("the page's citation file ({ext}, {})", lang.code());
            let what_ja = format!(
                "ページの引用情報のファイル（{ext}、{}）",
                lang.name_in_japanese()
            );
            written.push((name, what, "the citation", what_ja, "引用情報"));
        }
    }
    for table in &page.data.tables {
        let what = format!("the CSV download of table `{}`", table.id);
        let what_ja = format!("表 `{}` の CSV ダウンロード", table.id);
        let name = format!("{}.csv", table.id);
        written.push((name, what, "the table's data", what_ja, "表のデータ"));
    }
    for (name, what, help, what_ja, help_ja) in written {
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
                ))
                .ja(format!("このファイルは{what_ja}と同じ名前です"))
                .ja_help(format!(
                    "ファイルの名前を変えてください。hakusho はこの名前で{help_ja}を書き出します"
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
                lang.name_in_japanese(),
                other.name_in_japanese()
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
        let (msg, msg_ja) = match found {
            None => (
                format!(
                    "the cover figure `{}#{}` names a page that does not exist",
                    r.page, r.id
                ),
                format!(
                    "表紙の主要数値 `{}#{}` が指すページはありません",
                    r.page, r.id
                ),
            ),
            Some(false) => (
                format!("the page `{}` has no key figure `{}`", r.page, r.id),
                format!("ページ `{}` には主要数値 `{}` がありません", r.page, r.id),
            ),
            Some(true) => continue,
        };
        errors.push(
            site_yaml
                .error_at(
                    Code::UnknownReference,
                    &[Seg::Key("cover"), Seg::Key("key_figures"), Seg::Index(i)],
                    msg,
                )
                .ja(msg_ja),
        );
    }
}

/// `contact: {page: …}` in site.yaml names a page of the report.
fn check_contact_page(site: &Site, site_yaml: &Source<'_>, errors: &mut Vec<Diagnostic>) {
    let Some(ContactLink::Page(id)) = site
        .config
        .identity
        .contact
        .as_ref()
        .and_then(|c| c.link.as_ref())
    else {
        return;
    };
    if site.page(id).is_none() {
        errors.push(
            site_yaml
                .error_at(
                    Code::UnknownReference,
                    &[Seg::Key("contact"), Seg::Key("page")],
                    format!("the contact page `{id}` does not exist"),
                )
                .with_help("name a page folder under content/, e.g. `page: about`")
                .ja(format!("問い合わせ先のページ `{id}` はありません"))
                .ja_help("content/ の下のページのフォルダーを書いてください。例：`page: about`"),
        );
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
                .at_opt(*position)
                .with_help(format!(
                    "a translation into {} names its source language, e.g. `translated_from: {}@…`",
                    lang.code(),
                    lang.other().code()
                ))
                .ja("`translated_from` がこのページ自身の言語を指しています")
                .ja_help(format!(
                    "{}への翻訳には、翻訳元の言語を `translated_from: {}@…` のように書きます",
                    lang.name_in_japanese(),
                    lang.other().code()
                )),
            );
            continue;
        }
        let Some(source) = page.docs.get(*source_lang) else {
            warnings.push(
                Diagnostic::warning(
                    Code::TranslationSource,
                    &doc.path,
                    format!(
                        "`translated_from` names index.{}.md, which does not exist",
                        source_lang.code()
                    ),
                )
                .at_opt(*position)
                .ja(format!(
                    "`translated_from` が指す index.{}.md はありません",
                    source_lang.code()
                )),
            );
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
