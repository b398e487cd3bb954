//! `hakusho new case <slug>`: a case folder with both languages and a `data.yaml` whose comments show every
//! field.

use std::path::{Path, PathBuf};

use super::{check_slug, outline, page_files, refuse_existing, unknown_chapter, write_new};
use crate::diag::Diagnostic;

/// Creates `content/cases/<slug>/`, in `chapter` if given (else the first chapter, marked as a
/// placeholder); `today` is the placeholder date. Returns the files written.
pub fn new_case(
    content: &Path,
    slug: &str,
    chapter: Option<&str>,
    today: &str,
) -> Result<Vec<PathBuf>, Diagnostic> {
    check_slug(slug, "a case name", "hakusho new case sendai")?;
    let (chapters, sources) = outline(content)?;
    if let Some(chapter) = chapter
        && !chapters.iter().any(|c| c == chapter)
    {
        return Err(unknown_chapter(chapter, "", &chapters));
    }
    let dir = content.join("cases").join(slug);
    refuse_existing(
        &dir,
        "choose another name, or edit the existing case",
        "別の名前にするか、すでにある事例を編集してください",
    )?;
    let mut files = page_files(&dir, ja_text(slug, today), |v| en_text(slug, today, v));
    files.push(("data.yaml", data_yaml(chapter, &chapters, &sources)));
    write_new(content, &dir, &files)
}

fn ja_text(slug: &str, today: &str) -> String {
    format!(
        "---\ntitle: TODO {slug} の事例名\nsummary: TODO 一、二文の要約（一覧・検索・フィードに使われる）。\n\
date: {today}  # TODO 公開日に直す（作成した日が入っている）\n---\n\
## 概要\n\nTODO 本文を書く。見出しは ## から始める。事実は data.yaml に書き、出典を示す。\n\n\
<!-- 図を置くには次のように書く（data.yaml の charts に定義した id）:\n```chart\n{slug}-example\n```\n本文から図を参照するには @fig:{slug}-example と書く。 -->\n"
    )
}

fn en_text(slug: &str, today: &str, ja_version: &str) -> String {
    format!(
        "---\ntitle: TODO name of the {slug} case\nsummary: TODO one or two sentences (used in lists, search and feeds).\n\
date: {today}  # TODO the publication date (the day this file was made is a placeholder)\n\
translated_from: ja@{ja_version}\n---\n## Overview\n\nTODO Write the text. Start headings at ##. Facts go in data.yaml, with their sources.\n"
    )
}

fn data_yaml(chapter: Option<&str>, chapters: &[String], sources: &[String]) -> String {
    let chapters_list = chapters.join(", ");
    let chapter_line = match chapter {
        Some(c) => format!("chapter: {c}                  # required: one of {chapters_list}"),
        None => format!(
            "chapter: {}                  # TODO required: the chapter of this case, one of {chapters_list}",
            chapters.first().map_or("CHAPTER", String::as_str)
        ),
    };
    let source = sources.first().map_or("SOURCE", String::as_str);
    format!(
        "# Facts of this case, entered once for both languages. See README, \"Cases: data.yaml\".
# Words are given in both languages: {{ja: …, en: …}}. Quote texts that contain a comma or a colon.

{chapter_line}
# order: 1                         # position within the chapter (default: by folder name)
regions: []                        # keys from content/taxonomies.yaml, e.g. [hyogo]
fields: []                         # e.g. [medicine, life-science]
programmes: []                     # e.g. [research-complex]
# location: {{ja: 兵庫県神戸市, en: \"Kobe, Hyogo\"}}
sources: [{source}]                # TODO the ids from content/sources.yaml that this page cites

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
#   - date: \"1998\"                 # \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\", \"FY2016\" or an era: 平成28年度
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

tables: []
# tables:                          # placed in the text with a ```table block, like a chart
#   - id: example-table
#     caption: {{ja: 主な指標, en: Main indicators}}
#     columns:
#       - header: {{ja: 指標, en: Indicator}}
#       - header: {{ja: 数, en: Number}}
#         type: number             # text (default) | number | date
#     rows:
#       - [{{ja: 企業数, en: Companies}}, 362]
#     source: {source}
"
    )
}
