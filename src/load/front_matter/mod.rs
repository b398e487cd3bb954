//! A page file: YAML front matter between `---` lines, then Markdown.

pub(super) mod quick;

use std::path::Path;

use serde::Deserialize;

use super::raw::DateText;

use crate::diag::{Code, Diagnostic, LineIndex, Position};
use crate::model::date::PartialDate;
use crate::model::lang::Lang;
use crate::model::page::{CaptionedTable, Document, TranslatedFrom};
use crate::yaml::{self, Seg, Source};

/// The front matter as written.
///
/// The common shape of front matter is filled without serde, by [`quick::parse`]: a serde attribute added
/// here (`default`, `deserialize_with`, `rename`, …), or a field, needs the same change in `quick.rs`. Debug
/// builds parse every document the quick way accepts with serde as well, and stop if the two differ.
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFrontMatter {
    pub title: Option<String>,
    pub summary: Option<String>,
    pub date: Option<DateText>,
    pub updated: Option<DateText>,
    pub translated_from: Option<String>,
    pub draft: Option<bool>,
}

/// Splits and parses a page file. `needs_summary` is set for cases and chapters.
pub(crate) fn parse_document(
    path: &Path,
    text: String,
    needs_summary: bool,
) -> Result<Document, Vec<Diagnostic>> {
    let (yaml_text, body, body_line) = split(path, &text).map_err(|d| vec![d])?;
    // The body is the end of the file: kept in the file's own buffer, without a copy.
    let body_start = text.len() - body.len();
    let src = Source::new(path, yaml_text, 1);
    if yaml_text.trim().is_empty() {
        return Err(vec![
            Diagnostic::error(Code::FrontMatter, path, "the front matter is empty")
                .at(2, 1)
                .with_help("give at least `title: …` between the --- lines")
                .ja("フロントマター（--- の行に挟まれた部分）が空です")
                .ja_help("--- の行のあいだに、少なくとも `title: …` を書いてください"),
        ]);
    }
    let (raw, quick) = match quick::parse(yaml_text) {
        Some(raw) => (raw, true),
        None => (yaml::parse_all(&src)?, false),
    };
    let mut errors = Vec::new();
    let title = match raw.title.map(|t| t.trim().to_string()) {
        Some(t) if !t.is_empty() => t,
        Some(_) => {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key("title")],
                    "the title is empty",
                )
                .ja("題名（title）が空です"),
            );
            String::new()
        }
        None => {
            errors.push(
                Diagnostic::error(
                    Code::MissingKey,
                    path,
                    "missing field `title` in the front matter",
                )
                .at(2, 1)
                .with_help("add `title: …` between the --- lines")
                .ja("フロントマターにキー `title` がありません")
                .ja_help("--- の行のあいだに `title: …` を加えてください"),
            );
            String::new()
        }
    };
    let summary = raw
        .summary
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty());
    if needs_summary && summary.is_none() {
        errors.push(
            Diagnostic::error(Code::MissingKey, path, "missing field `summary` in the front matter")
                .at(2, 1)
                .with_help("cases and chapters need a one- or two-sentence `summary: …` for lists, search and feeds")
                .ja("フロントマターにキー `summary` がありません")
                .ja_help("事例と章には、一覧・検索・フィードに使う一、二文の `summary: …` が必要です"),
        );
    }
    let mut date_field = |name: &'static str, value: Option<DateText>| {
        let value = value?;
        match PartialDate::parse(&value.0) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(
                    src.error_at(
                        Code::InvalidValue,
                        &[Seg::Key(name)],
                        format!("`{name}`: {}", e.en),
                    )
                    .ja(format!("`{name}`: {}", e.ja)),
                );
                None
            }
        }
    };
    let date = date_field("date", raw.date);
    let updated = date_field("updated", raw.updated);
    let translated_from = match raw.translated_from.as_deref().map(parse_translated_from) {
        None => None,
        Some(Ok((lang, version))) => Some(TranslatedFrom {
            lang,
            version,
            position: key_position(&src, quick, "translated_from"),
        }),
        Some(Err((msg, msg_ja))) => {
            errors.push(
                src.error_at(Code::InvalidValue, &[Seg::Key("translated_from")], msg)
                    .with_help("write the source language and the version `hakusho check` shows, e.g. `translated_from: ja@1a2b3c4d`")
                    .ja(msg_ja)
                    .ja_help("翻訳元の言語と、`hakusho check` が示す版を書いてください。例：`translated_from: ja@1a2b3c4d`"),
            );
            None
        }
    };
    let tables = captioned_tables(path, &text[body_start..], body_line, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let placeholders = super::placeholders::positions(&text);
    let mut body = text;
    body.drain(..body_start);
    Ok(Document {
        path: path.to_path_buf(),
        title,
        summary,
        date,
        updated,
        translated_from,
        body,
        body_line,
        draft: raw.draft.unwrap_or(false),
        placeholders,
        tables,
    })
}

/// The Markdown tables of `body` given a caption line, with the mistakes in caption lines as errors.
fn captioned_tables(
    path: &Path,
    body: &str,
    body_line: usize,
    errors: &mut Vec<Diagnostic>,
) -> Vec<CaptionedTable> {
    let (found, mistakes) = crate::markdown::captions::scan(body);
    if found.is_empty() && mistakes.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(body);
    let at = |offset: usize| {
        let p = lines.position(offset);
        Position {
            line: p.line + body_line - 1,
            column: p.column,
        }
    };
    for m in mistakes {
        let p = at(m.offset);
        errors.push(
            Diagnostic::error(Code::TablePlacement, path, m.message)
                .at(p.line, p.column)
                .with_help(m.help)
                .ja(m.message_ja)
                .ja_help(m.help_ja),
        );
    }
    found
        .into_iter()
        .map(|c| CaptionedTable {
            position: at(c.offset),
            id: c.id,
            caption: c.caption,
        })
        .collect()
}

/// Where a top-level `key` is in the file. Front matter the quick way accepted has one `key: value` per line,
/// so a look at the lines finds it; otherwise the position parser is asked.
fn key_position(src: &Source<'_>, quick: bool, key: &str) -> Option<Position> {
    if !quick {
        return src.key_position(&[Seg::Key(key)]);
    }
    src.text
        .split('\n')
        .position(|line| line.strip_prefix(key).is_some_and(|r| r.starts_with(':')))
        .map(|i| Position {
            line: src.line_offset + i + 1,
            column: 1,
        })
}

/// `ja@1a2b3c4d` → (Japanese, "1a2b3c4d").
/// `ja@1a2b3c4d` read, or what is wrong with it (in English and Japanese).
fn parse_translated_from(value: &str) -> Result<(Lang, String), (String, String)> {
    let (lang, version) = value.split_once('@').ok_or_else(|| {
        (
            format!("`translated_from: {value}` should be <language>@<version>"),
            format!("`translated_from: {value}` は <言語>@<版> の形で書いてください"),
        )
    })?;
    let lang = Lang::from_code(lang.trim()).ok_or_else(|| {
        (
            format!("`{lang}` is not a language of this report"),
            format!("`{lang}` はこの報告書の言語ではありません"),
        )
    })?;
    let version = version.trim();
    if version.len() != 8 || !version.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err((
            format!("`{version}` is not a text version (8 hexadecimal digits)"),
            format!("`{version}` は本文の版（16進数の8桁）ではありません"),
        ));
    }
    Ok((lang, version.to_ascii_lowercase()))
}

/// Returns the YAML, the Markdown body, and the 1-based line where the body starts.
fn split<'t>(path: &Path, text: &'t str) -> Result<(&'t str, &'t str, usize), Diagnostic> {
    let Some(rest) = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))
    else {
        let (help, help_ja) = if text.trim_start().starts_with("---") {
            (
                "the first line must be exactly `---`, with nothing before it",
                "1行目は `---` だけにしてください（前に何も置かない）",
            )
        } else {
            (
                "start the file with a line `---`, then `title: …`, then a line `---`, then the text",
                "ファイルの最初に `---` の行、`title: …`、`---` の行を書き、その後に本文を書いてください",
            )
        };
        return Err(
            Diagnostic::error(Code::FrontMatter, path, "the file has no front matter")
                .at(1, 1)
                .with_help(help)
                .ja("ファイルにフロントマター（--- の行に挟まれた題名などの部分）がありません")
                .ja_help(help_ja),
        );
    };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = yaml.matches('\n').count() + 3;
            return Ok((yaml, body, body_line));
        }
        offset += line.len();
    }
    Err(
        Diagnostic::error(Code::FrontMatter, path, "the front matter is not closed")
            .at(1, 1)
            .with_help("end the front matter with a line `---` before the text")
            .ja("フロントマターが閉じていません")
            .ja_help("本文の前に `---` の行を書いて、フロントマターを閉じてください"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Document, String> {
        parse_document(Path::new("p/index.ja.md"), text.to_string(), true).map_err(|e| {
            e.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    #[test]
    fn splits_front_matter_and_body() {
        let doc = parse("---\ntitle: 神戸\nsummary: 概要\ndate: 2025-03-31\n---\n本文\n").unwrap();
        assert_eq!(doc.title, "神戸");
        assert_eq!(doc.body, "本文\n");
        assert_eq!(doc.body_line, 6);
        assert_eq!(doc.date, Some(PartialDate::Day(2025, 3, 31)));
    }

    #[test]
    fn explains_missing_and_unclosed_front_matter() {
        assert_eq!(
            parse("# 神戸\n").unwrap_err(),
            "p/index.ja.md:1:1: error: the file has no front matter\n  help: start the file with a line `---`, then `title: …`, then a line `---`, then the text"
        );
        assert_eq!(
            parse("---\ntitle: a\n").unwrap_err(),
            "p/index.ja.md:1:1: error: the front matter is not closed\n  help: end the front matter with a line `---` before the text"
        );
    }

    #[test]
    fn reports_every_problem() {
        assert_eq!(
            parse("---\ntitle: ''\ndate: 2023-02-30\n---\n").unwrap_err(),
            "p/index.ja.md:2:8: error: the title is empty\n\
             p/index.ja.md:2:1: error: missing field `summary` in the front matter\n  help: cases and chapters need a one- or two-sentence `summary: …` for lists, search and feeds\n\
             p/index.ja.md:3:7: error: `date`: `2023-02-30` is not a real date: month 2 of 2023 has 28 days"
        );
    }

    #[test]
    fn keeps_where_translated_from_is() {
        for (text, line) in [
            (
                "---\ntitle: a\nsummary: b\ntranslated_from: ja@1a2b3c4d\n---\n",
                4,
            ),
            // Not the common shape (a comment): found by the position parser.
            (
                "---\ntitle: a # c\nsummary: b\n\ntranslated_from: ja@1a2b3c4d\n---\n",
                5,
            ),
        ] {
            let doc = parse(text).unwrap();
            assert_eq!(
                doc.translated_from,
                Some(TranslatedFrom {
                    lang: Lang::Ja,
                    version: "1a2b3c4d".into(),
                    position: Some(Position { line, column: 1 }),
                }),
                "{text:?}"
            );
        }
    }
}
