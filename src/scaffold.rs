//! The commands that write content: `hakusho new case <slug>` (a new case folder with both languages and a
//! `data.yaml` whose comments show every field) and `hakusho translated <page>` (a translation's
//! `translated_from` brought up to its source's version). With `output`, the only places that write files;
//! `new` only creates new ones, `translated` changes one front-matter line.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::page::Document;

/// Creates `content/cases/<slug>/`; returns the files written.
pub fn new_case(content: &Path, slug: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    if let Some(problem) = load::walk::slug_problem(slug) {
        return Err(Diagnostic::general(
            Code::Usage,
            format!("`{slug}` cannot be a case name: {problem}"),
        )
        .with_help("use lowercase letters, digits and -, e.g. `hakusho new case sendai`"));
    }
    let (chapters, sources) = load::site_outline(content).map_err(|mut errors| {
        errors.truncate(1);
        errors
            .pop()
            .unwrap_or_else(|| Diagnostic::general(Code::Io, "the site cannot be read"))
    })?;
    let dir = content.join("cases").join(slug);
    if dir.exists() {
        return Err(
            Diagnostic::general(Code::Usage, format!("{} already exists", dir.display()))
                .with_help("choose another name, or edit the existing case"),
        );
    }
    let chapter = chapters
        .first()
        .cloned()
        .unwrap_or_else(|| "CHAPTER".into());
    let source = sources.first().cloned().unwrap_or_else(|| "SOURCE".into());
    let ja = ja_text(slug);
    let ja_version = crate::load::parse_document_text(&dir.join("index.ja.md"), &ja)
        .map(|d: Document| d.version())
        .unwrap_or_default();
    let files = [
        ("index.ja.md", ja),
        ("index.en.md", en_text(slug, &ja_version)),
        ("data.yaml", data_yaml(&chapter, &chapters, &source)),
    ];
    fs::create_dir_all(&dir).map_err(|e| {
        Diagnostic::general(Code::Io, format!("cannot create {}: {e}", dir.display()))
    })?;
    let mut written = Vec::new();
    for (name, text) in files {
        let path = dir.join(name);
        fs::write(&path, text).map_err(|e| {
            Diagnostic::general(Code::Io, format!("cannot write {}: {e}", path.display()))
        })?;
        written.push(path);
    }
    Ok(written)
}

fn ja_text(slug: &str) -> String {
    format!(
        "---\ntitle: TODO {slug} の事例名\nsummary: TODO 一、二文の要約（一覧・検索・フィードに使われる）。\ndate: 2026-01-01\n---\n\
## 概要\n\nTODO 本文を書く。見出しは ## から始める。事実は data.yaml に書き、出典を示す。\n\n\
<!-- 図を置くには次のように書く（data.yaml の charts に定義した id）:\n```chart\n{slug}-example\n```\n本文から図を参照するには @fig:{slug}-example と書く。 -->\n"
    )
}

fn en_text(slug: &str, ja_version: &str) -> String {
    format!(
        "---\ntitle: TODO name of the {slug} case\nsummary: TODO one or two sentences (used in lists, search and feeds).\ndate: 2026-01-01\n\
translated_from: ja@{ja_version}\n---\n## Overview\n\nTODO Write the text. Start headings at ##. Facts go in data.yaml, with their sources.\n"
    )
}

fn data_yaml(chapter: &str, chapters: &[String], source: &str) -> String {
    format!(
        "# Facts of this case, entered once for both languages. See README, \"Cases: data.yaml\".
# Words are given in both languages: {{ja: …, en: …}}. Quote texts that contain a comma or a colon.

chapter: {chapter}                  # required: one of {chapters}
# order: 1                         # position within the chapter (default: by folder name)
regions: []                        # keys from content/taxonomies.yaml, e.g. [hyogo]
fields: []                         # e.g. [medicine, life-science]
programmes: []                     # e.g. [research-complex]
# location: {{ja: 兵庫県神戸市, en: \"Kobe, Hyogo\"}}
sources: [{source}]                # ids from content/sources.yaml that this page cites

key_figures: []
# key_figures:
#   - id: companies                # lowercase letters, digits, -; unique in this page
#     label: {{ja: 進出企業・団体数, en: Companies and organisations}}
#     value: 362                   # a plain number: no commas, no units
#     unit: {{ja: 社, en: \"\"}}       # written after the number (ja) or after a space (en)
#     qualifier: about             # optional: about | at_least | over
#     scale: myriad                # optional: 万・億 in Japanese, million/billion in English
#     as_of: {{ja: 2023年時点, en: as of 2023}}
#     source: {source}

timeline: []
# timeline:
#   - date: \"1998\"                 # \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or \"FY2016\"
#     text: {{ja: 構想に着手, en: The project begins}}
#     source: {source}

charts: []
# charts:
#   - id: example-chart            # unique in the whole report
#     kind: bar                    # bar | hbar | stacked | line
#     title: {{ja: 進出企業数の推移, en: Companies over time}}
#     categories: [2018, 2023]     # or {{ja: …, en: …}} per label
#     series:
#       - name: {{ja: 企業数, en: Companies}}
#         values: [350, 362]
#     unit: {{ja: 社, en: companies}}
#     value_title: {{ja: 社数, en: Number}}
#     category_title: {{ja: 年, en: Year}}
#     note: {{ja: …, en: …}}
#     source: {source}
",
        chapters = chapters.join(", ")
    )
}

/// `hakusho translated <page>`: records in the translation's front matter (`translated_from: ja@…`) that it
/// now follows the current version of its source. `page` is the page's folder (`cases/kobe`, with or
/// without `content/`) or the translation's file. The translation is the file named, else the one already
/// naming its source, else the page's file in the language other than the site's default. Returns the file
/// changed, the line written and the line it replaced.
pub fn translated(
    content: &Path,
    page: &str,
) -> Result<(PathBuf, String, Option<String>), Diagnostic> {
    let usage = |message: String| {
        Diagnostic::general(Code::Usage, message)
            .with_help("name the page's folder below content/, e.g. `hakusho translated cases/kobe`, or its translation's file")
    };
    let content_prefix = format!("{}/", content.to_string_lossy().trim_end_matches('/'));
    let mut rel = page.trim_end_matches('/').to_string();
    if let Some(r) = rel.strip_prefix(&content_prefix) {
        rel = r.to_string();
    }
    let mut named: Option<crate::model::lang::Lang> = None;
    if let Some((dir, file)) = rel.rsplit_once('/').or(Some(("", rel.as_str())))
        && let Some(code) = file
            .strip_prefix("index.")
            .and_then(|f| f.strip_suffix(".md"))
    {
        named = Some(
            crate::model::lang::Lang::from_code(code)
                .ok_or_else(|| usage(format!("`{file}` is not a page file")))?,
        );
        rel = dir.to_string();
    }
    let dir = content.join(&rel);
    let read = |lang: crate::model::lang::Lang| -> Option<Result<(PathBuf, String, Document), Diagnostic>> {
        let path = dir.join(format!("index.{}.md", lang.code()));
        let text = fs::read_to_string(&path).ok()?;
        Some(
            load::parse_document_text(&path, &text)
                .map(|d| (path.clone(), text.clone(), d))
                .map_err(|mut e| e.remove(0)),
        )
    };
    use crate::model::lang::Lang;
    let docs: Vec<(Lang, (PathBuf, String, Document))> = Lang::ALL
        .into_iter()
        .filter_map(|l| read(l).map(|r| r.map(|d| (l, d))))
        .collect::<Result<_, _>>()?;
    if docs.is_empty() {
        return Err(usage(format!("there is no page file in {}", dir.display())));
    }
    if docs.len() == 1 {
        let (lang, _) = &docs[0];
        return Err(Diagnostic::general(
            Code::Usage,
            format!(
                "{} has only its {} file: there is nothing to translate from",
                dir.display(),
                lang.code()
            ),
        )
        .with_help("write the other language's index file first"));
    }
    let default = load::site_outline_default_language(content).unwrap_or(Lang::Ja);
    let target = named
        .or_else(|| {
            docs.iter()
                .find(|(_, (_, _, d))| d.translated_from.is_some())
                .map(|(l, _)| *l)
        })
        .unwrap_or(default.other());
    let source = target.other();
    let version = docs
        .iter()
        .find(|(l, _)| *l == source)
        .map(|(_, (_, _, d))| d.version())
        .unwrap_or_default();
    let (path, text, _) = docs
        .into_iter()
        .find(|(l, _)| *l == target)
        .map(|(_, d)| d)
        .ok_or_else(|| {
            usage(format!(
                "there is no index.{}.md in {}",
                target.code(),
                dir.display()
            ))
        })?;
    let line = format!("translated_from: {}@{version}", source.code());
    let (new_text, old) = with_front_matter_line(&text, "translated_from:", &line);
    fs::write(&path, new_text).map_err(|e| {
        Diagnostic::general(Code::Io, format!("cannot write {}: {e}", path.display()))
    })?;
    Ok((path, line, old))
}

/// `text` (a page file) with its front matter's line starting with `key` replaced by `line` (or `line`
/// added at the end of the front matter), and the line replaced.
fn with_front_matter_line(text: &str, key: &str, line: &str) -> (String, Option<String>) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.trim_end() == "---")
        .map(|(i, _)| i)
        .unwrap_or(1);
    let existing = (1..close).find(|&i| lines[i].starts_with(key));
    let old = existing.map(|i| lines[i].to_string());
    match existing {
        Some(i) => lines[i] = line,
        None => lines.insert(close, line),
    }
    (lines.join("\n"), old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_matter_line_is_replaced_or_added() {
        let (text, old) = with_front_matter_line(
            "---\ntitle: A\ntranslated_from: ja@00000000\n---\nBody with translated_from: x\n",
            "translated_from:",
            "translated_from: ja@1234abcd",
        );
        assert_eq!(
            text,
            "---\ntitle: A\ntranslated_from: ja@1234abcd\n---\nBody with translated_from: x\n"
        );
        assert_eq!(old.as_deref(), Some("translated_from: ja@00000000"));
        let (text, old) = with_front_matter_line(
            "---\ntitle: A\n---\nBody\n",
            "translated_from:",
            "translated_from: en@1",
        );
        assert_eq!(text, "---\ntitle: A\ntranslated_from: en@1\n---\nBody\n");
        assert_eq!(old, None);
    }
}
