//! Diagnostics for editors: `path:line:column: what is wrong`, with a hint on how to fix it.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build fails.
    Error,
    /// The build goes on; `check` lists it.
    Warning,
}

/// Where in a file: 1-based line and column (columns count characters, so Japanese text is counted right).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

/// What kind of problem a diagnostic is: stable names that programs (and `check --format json`) can match on,
/// whatever the message says and in whichever language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    /// A file or folder cannot be read, created or written.
    Io,
    /// A file is not text hakusho can read: not UTF-8, a NUL byte, too large.
    NotText,
    /// A file or folder name that cannot be used (no language in a page file's name, a reserved address,
    /// characters an address cannot hold).
    FileName,
    /// A file or folder that hakusho ignores.
    Ignored,
    /// A symlink that is not followed.
    Symlink,
    /// YAML that cannot be parsed (indentation, quotes, brackets).
    YamlSyntax,
    /// A key that is not one of the allowed keys.
    UnknownKey,
    /// A key given twice in one mapping.
    DuplicateKey,
    /// A required key (or front matter field) is missing.
    MissingKey,
    /// A value of the wrong type (a list where a text is expected, …).
    WrongType,
    /// A value of the right type that is not allowed (a date that does not exist, an empty title, a bad id).
    InvalidValue,
    /// An empty file where content is expected.
    EmptyFile,
    /// A page file's front matter is missing or not closed.
    FrontMatter,
    /// An id used twice where ids must be unique (charts, key figures, glossary entries, sources).
    DuplicateId,
    /// A name that refers to nothing: a chapter, source, taxonomy term or key figure that is not defined.
    UnknownReference,
    /// Pages that do not fit together: no cover, a chapter not listed or without a folder, a case without
    /// data.yaml, folders that differ only in case or width.
    Structure,
    /// A page exists in one language only.
    Untranslated,
    /// A translation follows an older version of its source.
    OutdatedTranslation,
    /// `translated_from` that names no usable source.
    TranslationSource,
    /// Text still holding `TODO` placeholders.
    Todo,
    /// Chart data that cannot be drawn (lengths, counts, non-finite values).
    ChartData,
    /// A chart defined in data.yaml and placed nowhere.
    UnusedChart,
    /// A ```chart block that names no chart, or places one twice.
    ChartPlacement,
    /// Table data that does not fit its columns (row lengths, cells of the wrong kind).
    TableData,
    /// A table defined in data.yaml and placed nowhere.
    UnusedTable,
    /// A ```table block that names no table, or places one twice.
    TablePlacement,
    /// A link or image to a page or file that does not exist.
    BrokenLink,
    /// A link to an anchor that does not exist on its page.
    BrokenAnchor,
    /// A link scheme that is refused (`javascript:`, `data:`, …).
    RefusedLink,
    /// Raw HTML that is not allowed.
    RawHtml,
    /// An `@fig:`, `@tbl:`, `@chap:`, `@sec:` or `@kf:` reference that names nothing.
    BrokenReference,
    /// A footnote defined but never referenced, or referenced but never defined.
    Footnote,
    /// An image without alt text.
    MissingAltText,
    /// A key figure's number typed in a page's text instead of `@kf:`.
    TypedKeyFigure,
    /// A source of sources.yaml that no page cites.
    UncitedSource,
    /// A page or translation marked `draft: true`, left out of the build.
    Draft,
    /// A glossary term no page uses.
    UnusedGlossaryTerm,
    /// A theme template that cannot be parsed or rendered.
    Template,
    /// A theme file (strings, chart style, folder) that is wrong.
    Theme,
    /// The PDF edition cannot be made from the content as it is.
    Pdf,
    /// An output folder that may not be used or replaced, or a file the build cannot write there.
    Output,
    /// The build was interrupted.
    Interrupted,
    /// A command-line option or argument that cannot be used.
    Usage,
    /// The build produced warnings and `--deny-warnings` was given.
    DeniedWarnings,
}

impl Code {
    /// The code's stable name (`broken-link`), as `check --format json` prints it.
    pub fn name(self) -> &'static str {
        match self {
            Code::Io => "io",
            Code::NotText => "not-text",
            Code::FileName => "file-name",
            Code::Ignored => "ignored",
            Code::Symlink => "symlink",
            Code::YamlSyntax => "yaml-syntax",
            Code::UnknownKey => "unknown-key",
            Code::DuplicateKey => "duplicate-key",
            Code::MissingKey => "missing-key",
            Code::WrongType => "wrong-type",
            Code::InvalidValue => "invalid-value",
            Code::EmptyFile => "empty-file",
            Code::FrontMatter => "front-matter",
            Code::DuplicateId => "duplicate-id",
            Code::UnknownReference => "unknown-reference",
            Code::Structure => "structure",
            Code::Untranslated => "untranslated",
            Code::OutdatedTranslation => "outdated-translation",
            Code::TranslationSource => "translation-source",
            Code::Todo => "todo",
            Code::ChartData => "chart-data",
            Code::UnusedChart => "unused-chart",
            Code::ChartPlacement => "chart-placement",
            Code::TableData => "table-data",
            Code::UnusedTable => "unused-table",
            Code::TablePlacement => "table-placement",
            Code::BrokenLink => "broken-link",
            Code::BrokenAnchor => "broken-anchor",
            Code::RefusedLink => "refused-link",
            Code::RawHtml => "raw-html",
            Code::BrokenReference => "broken-reference",
            Code::Footnote => "footnote",
            Code::MissingAltText => "missing-alt-text",
            Code::TypedKeyFigure => "typed-key-figure",
            Code::UncitedSource => "uncited-source",
            Code::Draft => "draft",
            Code::UnusedGlossaryTerm => "unused-glossary-term",
            Code::Template => "template",
            Code::Theme => "theme",
            Code::Pdf => "pdf",
            Code::Output => "output",
            Code::Interrupted => "interrupted",
            Code::Usage => "usage",
            Code::DeniedWarnings => "denied-warnings",
        }
    }
}

/// A problem an editor can fix.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, as the user named it (e.g. `content/cases/kobe/data.yaml`); `None` for whole-build problems.
    pub path: Option<PathBuf>,
    /// Line and column, where the input has them.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can tell.
    pub help: Option<String>,
    /// What kind of problem it is.
    pub code: Code,
}

impl Diagnostic {
    /// An error of kind `code` in `path`.
    pub fn error(code: Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: Some(path.into()),
            position: None,
            message: message.into(),
            help: None,
            code,
        }
    }

    /// A warning of kind `code` in `path`.
    pub fn warning(code: Code, path: impl Into<PathBuf>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, path, message)
        }
    }

    /// An error that belongs to no file (a refused destination, an I/O failure outside content).
    pub fn general(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: None,
            position: None,
            message: message.into(),
            help: None,
            code,
        }
    }

    /// Adds a line and column.
    pub fn at(mut self, line: usize, column: usize) -> Diagnostic {
        self.position = Some(Position { line, column });
        self
    }

    /// Adds a line and column if known.
    pub fn at_opt(mut self, position: Option<Position>) -> Diagnostic {
        self.position = position;
        self
    }

    /// Adds a hint on how to fix it.
    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Whether this stops the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column` (or as much of it as is known).
    pub fn location(&self) -> String {
        let mut s = self.path.as_deref().map(display_path).unwrap_or_default();
        if let Some(p) = self.position {
            s.push_str(&format!(":{}:{}", p.line, p.column));
        }
        s
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: error: message` and, on the next line, `  help: …`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let location = terminal_safe(&self.location()).into_owned();
        let message = terminal_safe(&self.message);
        if location.is_empty() {
            write!(f, "{level}: {message}")?;
        } else {
            write!(f, "{location}: {level}: {message}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", terminal_safe(help))?;
        }
        Ok(())
    }
}

/// `text` as it may reach a terminal: control characters other than line breaks and tabs, and the characters
/// that reorder text on screen (bidirectional controls), written as `\u{1b}`, so that nothing from content
/// can move the cursor, change colours or hide text around it.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A path as shown to the user, with `/` separators.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The result of a stage that may report several problems at once.
pub type Result<T> = std::result::Result<T, Vec<Diagnostic>>;

/// Line and column (1-based, columns in characters) of a byte offset in `text`.
pub fn position_of(text: &str, byte_offset: usize) -> Position {
    let offset = byte_offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

/// Positions of many byte offsets in one text. Offsets asked in order (the usual case) continue from the
/// previous answer, so the text is scanned once in all; line starts are indexed only if an earlier offset
/// is asked after a later one.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Line, byte offset and column of the last answer.
    last: std::cell::Cell<(usize, usize, usize)>,
    /// Where each line starts, made on the first step backwards.
    starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        LineIndex {
            text,
            last: std::cell::Cell::new((1, 0, 1)),
            starts: std::cell::OnceCell::new(),
        }
    }

    /// Line and column (1-based, columns in characters) of a byte offset.
    pub fn position(&self, byte_offset: usize) -> Position {
        let mut offset = byte_offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (mut line, mut from, mut column) = self.last.get();
        if offset < from {
            // Back to the start of the line holding `offset`.
            let starts = self.starts.get_or_init(|| {
                let mut starts = vec![0];
                starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1));
                starts
            });
            line = starts.partition_point(|&s| s <= offset).max(1);
            from = starts[line - 1];
            column = 1;
        }
        let gap = &self.text[from..offset];
        match memchr::memrchr(b'\n', gap.as_bytes()) {
            Some(last_newline) => {
                line += memchr::memchr_iter(b'\n', gap.as_bytes()).count();
                column = gap[last_newline + 1..].chars().count() + 1;
            }
            None => column += gap.chars().count(),
        }
        self.last.set((line, offset, column));
        Position { line, column }
    }
}

/// The half-width (ASCII) form of a full-width letter, digit or sign (`３`, `Ａ`, `－`); other characters as
/// they are.
pub fn narrow(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // Upper-case and full-width letters (ＫＯＢＥ, Kobe) are compared as what the editor meant.
    let fold = |s: &str| -> String { s.chars().map(narrow).collect::<String>().to_lowercase() };
    let word_lower = fold(word);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word_lower, &fold(c)), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_path_line_column_and_help() {
        let d = Diagnostic::error(Code::UnknownKey, "content/a.md", "unknown field `titel`")
            .at(2, 1)
            .with_help("did you mean `title`?");
        assert_eq!(
            d.to_string(),
            "content/a.md:2:1: error: unknown field `titel`\n  help: did you mean `title`?"
        );
        assert_eq!(
            Diagnostic::general(Code::Io, "no content").to_string(),
            "error: no content"
        );
    }

    #[test]
    fn positions_count_characters() {
        let text = "一行目\n神戸: x\n";
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(position_of(text, x), Position { line: 2, column: 5 });
    }

    #[test]
    fn line_index_agrees_with_position_of() {
        let text = "一行目\n神戸: x\n\nend";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) {
                assert_eq!(
                    index.position(offset),
                    position_of(text, offset),
                    "{offset}"
                );
            }
        }
        // Backwards, and jumping about.
        for offset in (0..=text.len()).rev().chain([3, 17, 0, 12, 4]) {
            if text.is_char_boundary(offset) {
                assert_eq!(
                    index.position(offset),
                    position_of(text, offset),
                    "{offset}"
                );
            }
        }
    }

    #[test]
    fn nothing_from_content_reaches_the_terminal_raw() {
        assert_eq!(
            terminal_safe("plain 神戸\tand\nlines"),
            "plain 神戸\tand\nlines"
        );
        assert_eq!(
            terminal_safe("a\u{1b}[31mred\u{7}\r\u{202e}gnp.exe\u{0}"),
            "a\\u{1b}[31mred\\u{7}\\u{d}\\u{202e}gnp.exe\\u{0}"
        );
        let d = Diagnostic::error(
            Code::InvalidValue,
            Path::new("a\u{1b}b.yaml"),
            "bad \u{9b}2J",
        )
        .with_help("x\u{1b}]0;title\u{7}");
        assert_eq!(
            d.to_string(),
            "a\\u{1b}b.yaml: error: bad \\u{9b}2J\n  help: x\\u{1b}]0;title\\u{7}"
        );
    }

    #[test]
    fn suggestions_fold_case_and_width() {
        let ids = ["wp2023", "kobe-companies"];
        assert_eq!(did_you_mean("ｗｐ２０２３", ids), Some("wp2023"));
        assert_eq!(did_you_mean("WP2023", ids), Some("wp2023"));
        assert_eq!(
            did_you_mean("ＫＯＢＥ-companies", ids),
            Some("kobe-companies")
        );
    }

    #[test]
    fn suggestions_for_typos_only() {
        let keys = ["title", "summary", "date", "updated"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("sumary", keys), Some("summary"));
        assert_eq!(did_you_mean("Title", keys), Some("title"));
        assert_eq!(did_you_mean("colour", keys), None);
        assert_eq!(did_you_mean("x", keys), None);
    }
}
