//! Diagnostics for editors: `path:line:column: what is wrong`, with a hint on how to fix it.

mod controls;
mod language;
mod lines;
mod words;

pub use controls::{control_error, first_control, refuse_controls};
pub use language::MessageLanguage;
pub use lines::{LineIndex, position_of};
pub use words::{did_you_mean, narrow, terminal_safe};

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
    /// The message and help in Japanese, where they have been written (else the English is shown).
    pub japanese: Option<Box<Japanese>>,
}

/// A diagnostic's words in Japanese.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Japanese {
    /// What is wrong.
    pub message: Option<String>,
    /// How to fix it.
    pub help: Option<String>,
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
            japanese: None,
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
            japanese: None,
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

    /// Gives the message in Japanese.
    pub fn ja(mut self, message: impl Into<String>) -> Diagnostic {
        self.japanese_mut().message = Some(message.into());
        self
    }

    /// Gives the hint in Japanese.
    pub fn ja_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.japanese_mut().help = Some(help.into());
        self
    }

    fn japanese_mut(&mut self) -> &mut Japanese {
        self.japanese.get_or_insert_with(|| {
            Box::new(Japanese {
                message: None,
                help: None,
            })
        })
    }

    /// The message in `lang` (English where it has no Japanese yet).
    pub fn message_in(&self, lang: MessageLanguage) -> &str {
        match (
            lang,
            self.japanese.as_ref().and_then(|j| j.message.as_deref()),
        ) {
            (MessageLanguage::Japanese, Some(message)) => message,
            _ => &self.message,
        }
    }

    /// The hint in `lang` (English where it has no Japanese yet).
    pub fn help_in(&self, lang: MessageLanguage) -> Option<&str> {
        match (lang, self.japanese.as_ref().and_then(|j| j.help.as_deref())) {
            (MessageLanguage::Japanese, Some(help)) => Some(help),
            _ => self.help.as_deref(),
        }
    }

    /// "error" or "warning" in `lang`.
    pub fn level_in(&self, lang: MessageLanguage) -> &'static str {
        match self.severity {
            Severity::Error => lang.pick("error", "エラー"),
            Severity::Warning => lang.pick("warning", "警告"),
        }
    }

    /// The diagnostic as [`Display`](fmt::Display) writes it, in `lang`.
    pub fn display_in(&self, lang: MessageLanguage) -> String {
        let location = terminal_safe(&self.location()).into_owned();
        let message = terminal_safe(self.message_in(lang));
        let level = self.level_in(lang);
        let mut out = if location.is_empty() {
            format!("{level}: {message}")
        } else {
            format!("{location}: {level}: {message}")
        };
        if let Some(help) = self.help_in(lang) {
            out.push_str(&format!(
                "\n  {}: {}",
                lang.pick("help", "ヒント"),
                terminal_safe(help)
            ));
        }
        out
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
        f.write_str(&self.display_in(MessageLanguage::English))
    }
}

/// A path as shown to the user, with `/` separators.
pub fn display_path(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// The result of a stage that may report several problems at once.
pub type Result<T> = std::result::Result<T, Vec<Diagnostic>>;

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
}
