//! Markdown tables given a caption: a paragraph of one line, `Table: <caption> {#<id>}` (or `表: …`,
//! `表：…`), just above a table makes the table numbered in its page's table sequence, like the tables of
//! `data.yaml`. [`scan`] finds them without rendering (to number them before any page is rendered, and to
//! report mistakes at load); the renderers read each paragraph with [`caption_line`], so the two agree
//! (a test in `tests/random.rs` holds them to it).

use pulldown_cmark::{Event, Tag, TagEnd};

/// What starts a caption line.
const PREFIXES: [&str; 3] = ["Table:", "表:", "表："];

/// A paragraph read as a caption line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CaptionLine<'t> {
    /// `Table: <caption> {#<id>}`.
    Captioned {
        /// The caption, as written (plain text).
        caption: &'t str,
        /// The id.
        id: &'t str,
    },
    /// `Table: <caption>` with no `{#id}` (an error above a table; an ordinary paragraph elsewhere).
    NoId,
}

/// The source of a paragraph (`markdown[range]`) read as a caption line, if it is one.
pub(crate) fn caption_line(paragraph: &str) -> Option<CaptionLine<'_>> {
    // Called for every paragraph: the prefix is looked at before anything is scanned.
    let line = paragraph.trim_start();
    let rest = PREFIXES.iter().find_map(|p| line.strip_prefix(p))?;
    let rest = rest.trim_end();
    if rest.contains('\n') {
        return None;
    }
    let Some(open) = rest.rfind("{#").filter(|_| rest.ends_with('}')) else {
        return Some(CaptionLine::NoId);
    };
    let id = rest[open + 2..rest.len() - 1].trim();
    let caption = rest[..open].trim();
    if caption.is_empty() || id.is_empty() {
        return Some(CaptionLine::NoId);
    }
    Some(CaptionLine::Captioned { caption, id })
}

/// A captioned table found by [`scan`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Captioned {
    /// The id given with `{#id}`.
    pub id: String,
    /// The caption.
    pub caption: String,
    /// Byte offset of the caption line in the Markdown.
    pub offset: usize,
}

/// A mistake in a caption line: where (byte offset), what, and how to fix it, in English and in Japanese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptionError {
    /// Byte offset of the caption line in the Markdown.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// How to fix it, in Japanese.
    pub help_ja: String,
}

impl CaptionError {
    /// A caption with no table under it (at `offset`).
    fn no_table(offset: usize) -> CaptionError {
        CaptionError {
            offset,
            message: "this table caption has no table under it".into(),
            help: "put the caption line just above the table, with an empty line between them"
                .into(),
            message_ja: "この表題の行の下に表がありません".into(),
            help_ja: "表題の行は表のすぐ上に、空行を一行はさんで書いてください".into(),
        }
    }
}

/// The captioned tables of a document in order, and the mistakes in its caption lines: a caption with no
/// table under it, a table caption with no id, an id that is not allowed or is given twice.
pub fn scan(markdown: &str) -> (Vec<Captioned>, Vec<CaptionError>) {
    let mut found: Vec<Captioned> = Vec::new();
    let mut errors = Vec::new();
    if !may_have_caption(markdown) {
        return (found, errors);
    }
    let mut pending: Option<(CaptionLine<'_>, usize)> = None;
    let mut in_caption = false;
    for (event, range) in super::merge_text(markdown) {
        if in_caption {
            in_caption = !matches!(event, Event::End(TagEnd::Paragraph));
            continue;
        }
        let is_table = matches!(event, Event::Start(Tag::Table(_)));
        match (pending.take(), is_table) {
            (Some((CaptionLine::Captioned { caption, id }, offset)), true) => {
                if let Some(problem) = id_problem(id) {
                    errors.push(CaptionError {
                        offset,
                        message: format!("the table id `{id}` is not allowed: {}", problem.0),
                        help: "ids use lowercase letters a–z, digits and `-` (at most 64), e.g. `Table: 施策の規模 {#policy-scale}`".into(),
                        message_ja: format!("表の id `{id}` は使えません。{}", problem.1),
                        help_ja: "id に使えるのは半角の小文字 a–z、数字、`-` だけで、64 文字までです（例：`Table: 施策の規模 {#policy-scale}`）".into(),
                    });
                } else if found.iter().any(|f| f.id == id) {
                    errors.push(CaptionError {
                        offset,
                        message: format!("the table id `{id}` is given twice in this text"),
                        help: "give each captioned table its own id".into(),
                        message_ja: format!("表の id `{id}` がこの本文の中で二度使われています"),
                        help_ja: "表題を付けた表には、それぞれ別の id を付けてください".into(),
                    });
                } else {
                    found.push(Captioned {
                        id: id.to_string(),
                        caption: caption.to_string(),
                        offset,
                    });
                }
            }
            (Some((CaptionLine::Captioned { .. }, offset)), false) => {
                errors.push(CaptionError::no_table(offset))
            }
            (Some((CaptionLine::NoId, offset)), true) => errors.push(CaptionError {
                offset,
                message: "a table caption needs an id, so that the table can be numbered and referred to".into(),
                help: "end the line with the table's id: `Table: 施策の規模 {#policy-scale}`, referred to as @tbl:policy-scale".into(),
                message_ja: "表題には id が必要です。id があると表に番号が付き、参照できるようになります".into(),
                help_ja: "行の終わりに表の id を書いてください：`Table: 施策の規模 {#policy-scale}`（参照は @tbl:policy-scale）".into(),
            }),
            (Some((CaptionLine::NoId, _)), false) | (None, _) => {}
        }
        if let Event::Start(Tag::Paragraph) = event
            && let Some(line) = caption_line(&markdown[range.clone()])
        {
            pending = Some((line, range.start));
            in_caption = true;
        }
    }
    if let Some((CaptionLine::Captioned { .. }, offset)) = pending {
        errors.push(CaptionError::no_table(offset));
    }
    (found, errors)
}

/// Finds `Table:` (long: a prebuilt searcher; most documents have none, and are not parsed).
static TABLE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"Table:"));
/// Finds `表`, which a caption line's `表:` or `表：` starts with.
static HYO: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new("表".as_bytes()));

/// Whether `markdown` holds any of [`PREFIXES`] (a quick search: the common case is none).
fn may_have_caption(markdown: &str) -> bool {
    let bytes = markdown.as_bytes();
    TABLE.find(bytes).is_some()
        || HYO.find_iter(bytes).any(|at| {
            let rest = &markdown[at + "表".len()..];
            rest.starts_with(':') || rest.starts_with('：')
        })
}

/// Why `id` cannot be a table id (the rule of `data.yaml` ids), if it cannot.
/// What is wrong with a table id, in English and in Japanese.
fn id_problem(id: &str) -> Option<(&'static str, &'static str)> {
    if id.len() > 64 {
        return Some((
            "it is longer than 64 characters",
            "64 文字より長くなっています",
        ));
    }
    if id.starts_with('-')
        || !id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return Some((
            "use lowercase letters a–z, digits and `-`",
            "半角の小文字 a–z、数字、`-` を使ってください",
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caption_lines_are_read() {
        assert_eq!(
            caption_line("Table: 施策の規模 {#policy-scale}\n"),
            Some(CaptionLine::Captioned {
                caption: "施策の規模",
                id: "policy-scale"
            })
        );
        assert_eq!(
            caption_line("表：施策の規模{#s}"),
            Some(CaptionLine::Captioned {
                caption: "施策の規模",
                id: "s"
            })
        );
        assert_eq!(caption_line("Table: no id"), Some(CaptionLine::NoId));
        assert_eq!(caption_line("Table: {#only-id}"), Some(CaptionLine::NoId));
        assert_eq!(caption_line("Tables: x {#a}"), None);
        assert_eq!(caption_line("Table: two\nlines {#a}"), None);
        assert_eq!(caption_line("A Table: x {#a}"), None);
    }

    #[test]
    fn captioned_tables_and_mistakes_are_found_as_the_parser_reads_them() {
        let md = "Table: 規模 {#scale}\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n\
Table: no table {#lonely}\n\nText.\n\nTable: 無名\n\n| a |\n|---|\n| 1 |\n\n\
```\nTable: in code {#code}\n```\n\nTable: bad {#Bad}\n\n| a |\n|---|\n\n\
Table: again {#scale}\n\n| a |\n|---|\n\nTable: last {#end}";
        let (found, errors) = scan(md);
        assert_eq!(
            found,
            vec![Captioned {
                id: "scale".into(),
                caption: "規模".into(),
                offset: 0
            }]
        );
        let messages: Vec<(usize, &str)> = errors
            .iter()
            .map(|e| (md[..e.offset].matches('\n').count() + 1, e.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            vec![
                (7, "this table caption has no table under it"),
                (
                    11,
                    "a table caption needs an id, so that the table can be numbered and referred to"
                ),
                (
                    21,
                    "the table id `Bad` is not allowed: use lowercase letters a–z, digits and `-`"
                ),
                (26, "the table id `scale` is given twice in this text"),
                (31, "this table caption has no table under it"),
            ]
        );
        let japanese: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.message_ja.as_str(), e.help_ja.as_str()))
            .collect();
        assert_eq!(
            japanese[2],
            (
                "表の id `Bad` は使えません。半角の小文字 a–z、数字、`-` を使ってください",
                "id に使えるのは半角の小文字 a–z、数字、`-` だけで、64 文字までです（例：`Table: 施策の規模 {#policy-scale}`）"
            )
        );
        assert_eq!(
            japanese[4],
            (
                "この表題の行の下に表がありません",
                "表題の行は表のすぐ上に、空行を一行はさんで書いてください"
            )
        );
    }

    #[test]
    fn a_document_without_a_caption_is_not_parsed() {
        assert_eq!(scan("| a |\n|---|\n| 1 |\n"), (Vec::new(), Vec::new()));
        // The quick search finds each prefix, and only them.
        for (text, has) in [
            ("x Table: y", true),
            ("発表：x", true),
            ("表:", true),
            ("代表する。表す", false),
            ("Tables", false),
            ("", false),
        ] {
            assert_eq!(may_have_caption(text), has, "{text}");
            assert_eq!(
                may_have_caption(text),
                PREFIXES.iter().any(|p| text.contains(p)),
                "{text}"
            );
        }
    }
}
