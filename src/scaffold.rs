//! `hakusho new case <slug>`: a new case folder with both languages and a `data.yaml` whose comments show
//! every field. The only place besides `output` that writes files, and it only creates new ones.

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
