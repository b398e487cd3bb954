//! YAML for editors: serde_yaml for the data, with errors turned into `path:line:column` diagnostics that say
//! what was expected and suggest the key that was probably meant. yaml_serde's messages are read in one place
//! (`messages`); our own deserializers' findings travel as values (`own`); positions are the editor's lines and
//! columns, found from the byte offset in the text as loaded (libyaml counts lines its own way).

mod invisible;
mod locate;
mod messages;
pub(crate) mod own;
mod recover;
pub use recover::parse_all;

use std::path::Path;
use std::sync::{Arc, OnceLock};

use serde::de::DeserializeOwned;

use crate::diag::{Code, Diagnostic, Position, did_you_mean, position_of};
use messages::{Context, Message, Reading};

pub use locate::Seg;
use locate::Tree;

/// YAML text and where it sits in its file.
///
/// The positions of its values are found from one parse of the text, made when the first is asked for and
/// shared by the clones of this source: a file with thousands of errors is parsed once, not once per error.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    /// The file, as shown to the user.
    pub path: &'a Path,
    /// The YAML text.
    pub text: &'a str,
    /// Lines of the file before `text` (front matter starts after the `---` line).
    pub line_offset: usize,
    /// The structure of `text` with the position of every value, parsed when first needed.
    tree: Arc<OnceLock<Option<Tree>>>,
}

impl<'a> Source<'a> {
    /// A whole YAML file.
    pub fn file(path: &'a Path, text: &'a str) -> Source<'a> {
        Source::new(path, text, 0)
    }

    /// YAML that starts after `line_offset` lines of its file (front matter).
    pub fn new(path: &'a Path, text: &'a str, line_offset: usize) -> Source<'a> {
        Source {
            path,
            text,
            line_offset,
            tree: Arc::default(),
        }
    }

    /// The same file with another text (a part of it, or the text repaired), keeping its place in the file.
    pub fn with_text<'b>(&self, text: &'b str) -> Source<'b>
    where
        'a: 'b,
    {
        Source::new(self.path, text, self.line_offset)
    }

    fn tree(&self) -> Option<&Tree> {
        self.tree.get_or_init(|| Tree::parse(self.text)).as_ref()
    }

    /// Position in the file of the value at `path` in the YAML, if it exists.
    pub fn value_position(&self, path: &[Seg<'_>]) -> Option<Position> {
        self.tree()?.value(path).map(|p| self.shift(p))
    }

    /// Position in the file of the key that ends `path` (or of the value, for a sequence index).
    pub fn key_position(&self, path: &[Seg<'_>]) -> Option<Position> {
        self.tree()?.key(path).map(|p| self.shift(p))
    }

    /// An error at the value at `path` (or at the nearest existing parent).
    pub fn error_at(&self, code: Code, path: &[Seg<'_>], message: impl Into<String>) -> Diagnostic {
        let position = (0..=path.len())
            .rev()
            .find_map(|n| self.value_position(&path[..n]));
        Diagnostic::error(code, self.path, message).at_opt(position)
    }

    /// An error at the key that ends `path`.
    pub fn error_at_key(
        &self,
        code: Code,
        path: &[Seg<'_>],
        message: impl Into<String>,
    ) -> Diagnostic {
        let position = self.key_position(path).or_else(|| {
            (0..path.len())
                .rev()
                .find_map(|n| self.value_position(&path[..n]))
        });
        Diagnostic::error(code, self.path, message).at_opt(position)
    }

    /// The editor's position (line and column in the file) of byte `at` of the YAML text.
    fn position_at(&self, at: usize) -> Position {
        self.shift(position_of(self.text, floor_char_boundary(self.text, at)))
    }

    fn shift(&self, p: Position) -> Position {
        Position {
            line: p.line + self.line_offset,
            column: p.column,
        }
    }
}

/// Deserializes `src` into `T`, reporting a problem as an editor-facing diagnostic.
pub fn parse<T: DeserializeOwned>(src: &Source<'_>) -> Result<T, Diagnostic> {
    if src.text.trim().is_empty() {
        return Err(
            Diagnostic::error(Code::EmptyFile, src.path, "the file is empty")
                .at(src.line_offset + 1, 1)
                .ja("ファイルが空です"),
        );
    }
    serde_yaml::from_str(src.text).map_err(|e| describe(src, &e))
}

/// Turns a serde_yaml error into a diagnostic at the editor's line and column, with a useful hint.
pub(super) fn describe(src: &Source<'_>, err: &serde_yaml::Error) -> Diagnostic {
    let text = err.to_string();
    let message = Message::split(&text);
    // libyaml counts U+0085, U+2028 and U+2029 as line breaks, editors do not: the position is found again
    // from the byte offset.
    let at = err.location().map_or(0, |l| l.index());
    let reading = match own::Finding::read(message.main) {
        Some(finding) => Reading::of_finding(finding),
        None => messages::read(message.main),
    };
    // Where the trouble started: libyaml's context (a key being read), if it says.
    let context_start = message
        .context_line
        .and_then(|line| libyaml_line_start(src.text, line));
    let from = context_start.map_or(at, |start| start.min(at));
    // The lines libyaml speaks of, counted its way: one that starts after a character editors do not show
    // as a line break is the cause (unless it is inside quotes, where YAML only folds it into the text).
    let in_quotes = message.context == Some(Context::QuotedText);
    let libyaml_lines = [err.location().map(|l| l.line()), message.context_line]
        .map(|line| line.filter(|_| !in_quotes));
    let hidden_break = libyaml_lines
        .into_iter()
        .flatten()
        .filter_map(|line| libyaml_line_start(src.text, line))
        .find_map(|start| {
            src.text[..start]
                .chars()
                .next_back()
                .filter(|c| is_hidden_break(*c))
                .map(|c| start - c.len_utf8())
        });
    if let Some(diag) = cause(src, &reading, from, at, hidden_break) {
        return diag;
    }
    let mut words = reading.message;
    let mut words_ja = reading.message_ja;
    if let Some(context) = message.context {
        let what = context.words();
        let what_ja = context.words_ja();
        let line = context_start.map(|start| src.position_at(start).line);
        words = match line {
            Some(line) => format!("{words} (in {what} that starts on line {line})"),
            None => format!("{words} (in {what})"),
        };
        words_ja = words_ja.map(|w| match line {
            Some(line) => format!("{w}（{line} 行目から始まる{what_ja}の中）"),
            None => format!("{w}（{what_ja}の中）"),
        });
    }
    if let Some(path) = message.path {
        words = format!("`{path}`: {words}");
        words_ja = words_ja.map(|w| format!("`{path}`: {w}"));
    }
    if let Some(original) = &reading.original {
        words_ja = words_ja.map(|w| format!("{w}（読み取りの説明：{original}）"));
    }
    if let Some(diag) = invisible::diagnose(src, reading.code, reading.unknown.as_ref(), &words, at)
    {
        return diag;
    }
    let position = src.position_at(at);
    let mut diag =
        Diagnostic::error(reading.code, src.path, words).at(position.line, position.column);
    if let Some(message) = words_ja {
        diag = diag.ja(message);
    }
    if let Some(help) = reading.help {
        diag = diag.with_help(help);
    }
    if let Some(help) = reading.help_ja {
        diag = diag.ja_help(help);
    }
    if let Some(unknown) = reading.unknown {
        let allowed: Vec<&str> = unknown.allowed.iter().map(String::as_str).collect();
        if let Some(best) = did_you_mean(&unknown.word, allowed.iter().copied()) {
            diag = diag
                .with_help(format!("did you mean `{best}`?"))
                .ja_help(format!("`{best}` のことですか？"));
        } else if !allowed.is_empty() {
            let listed: Vec<String> = allowed.iter().map(|c| format!("`{c}`")).collect();
            let kind_ja = if unknown.what == "keys" {
                "キー"
            } else {
                "値"
            };
            diag = diag
                .with_help(format!(
                    "the allowed {} are {}",
                    unknown.what,
                    listed.join(", ")
                ))
                .ja_help(format!("使える{kind_ja}は {} です", listed.join("、")));
        }
    }
    // A colon inside `{ja: …, en: …}`: libyaml stops at it, as if a comma were missing.
    let at_char = floor_char_boundary(src.text, at);
    if reading_flow_stop(&diag.message) && src.text[at_char..].starts_with(':') {
        let word = src.text[..at_char]
            .rsplit([' ', '{', ',', '\n'])
            .next()
            .unwrap_or("");
        diag = if matches!(word, "ja" | "en") {
            diag.with_help(format!("a comma is missing before `{word}:`: separate the entries with commas, {{ja: …, en: …}}"))
                .ja_help(format!("`{word}:` の前のコンマが抜けています。{{ja: …, en: …}} のように、項目をコンマで区切ってください"))
        } else {
            diag.with_help("inside {ja: …, en: …} a `:` after a word starts a new key: put a text that contains a colon in quotes, e.g. ja: \"神戸: 医療産業都市\"")
                .ja_help("{ja: …, en: …} の中では、語の後の `:` が新しいキーの始まりと読まれます。コロンを含む文は引用符で囲んでください。例：ja: \"神戸: 医療産業都市\"")
        };
    }
    let line = line_at(src.text, at);
    if line[..line.len() - line.trim_start().len()].contains('\t') {
        diag = diag
            .with_help("this line is indented with a tab; YAML needs spaces for indentation")
            .ja_help(
                "この行はタブでインデントされています。YAML のインデントには半角スペースを使ってください",
            );
    }
    diag
}

/// Whether libyaml stopped in a `{ … }` mapping where it wanted a `,` or `}`.
fn reading_flow_stop(message: &str) -> bool {
    message.starts_with("did not find expected ',' or '}'")
}

/// A better account of the problem, when the text shows its cause: a key given twice, a `key:value` without a
/// space, an invisible character that YAML reads as a line break.
fn cause(
    src: &Source<'_>,
    reading: &Reading,
    from: usize,
    at: usize,
    hidden_break: Option<usize>,
) -> Option<Diagnostic> {
    if reading.code == Code::DuplicateKey
        && let Some((key, p, first)) = src.tree().and_then(Tree::duplicate_key)
    {
        let first = first.line + src.line_offset;
        return Some(
            Diagnostic::error(
                Code::DuplicateKey,
                src.path,
                format!("the key `{key}` is given twice (first at line {first})"),
            )
            .at(p.line + src.line_offset, p.column)
            .with_help("remove one of them; YAML keys must be unique within a mapping")
            .ja(format!(
                "キー `{key}` が2回書かれています（最初は {first} 行目）"
            ))
            .ja_help("どちらかを消してください。同じ並びの中でキーは一度しか書けません"),
        );
    }
    if reading.maybe_missing_space
        && let Some(diag) = missing_space(src, from, at)
    {
        return Some(diag);
    }
    hidden_break.map(|i| line_separator(src, i))
}

/// Characters YAML 1.1 (libyaml) reads as line breaks and editors do not, with their names (in English and
/// Japanese).
const LINE_SEPARATORS: [(char, &str, &str); 3] = [
    ('\u{85}', "next-line character", "改行の制御文字"),
    ('\u{2028}', "line separator", "行区切り文字"),
    ('\u{2029}', "paragraph separator", "段落区切り文字"),
];

/// The character at byte `at`, which YAML reads as a line break and an editor does not show as one.
fn line_separator(src: &Source<'_>, at: usize) -> Diagnostic {
    let c = src.text[at..].chars().next().unwrap_or('\u{85}');
    let (name, name_ja) = LINE_SEPARATORS
        .iter()
        .find(|(s, _, _)| *s == c)
        .map_or(("line break", "改行"), |(_, name, ja)| (*name, *ja));
    let p = src.position_at(at);
    Diagnostic::error(
        Code::YamlSyntax,
        src.path,
        format!(
            "this line holds an invisible {name} (U+{:04X}), which YAML reads as a line break",
            u32::from(c)
        ),
    )
    .at(p.line, p.column)
    .with_help("delete it; it often comes with text copied from a PDF or a word processor")
    .ja(format!(
        "この行には見えない{name_ja}（U+{:04X}）があり、YAML はそれを改行として読みます",
        u32::from(c)
    ))
    .ja_help("消してください。PDF やワープロから写した文によく紛れ込みます")
}

fn is_hidden_break(c: char) -> bool {
    LINE_SEPARATORS.iter().any(|(s, _, _)| *s == c)
}

/// Where the line holding byte `at` ends (its `\n`, or the end of the text).
fn line_end(text: &str, at: usize) -> usize {
    let at = floor_char_boundary(text, at);
    text[at..].find('\n').map_or(text.len(), |i| at + i)
}

/// The line of `text` holding byte `at`.
fn line_at(text: &str, at: usize) -> &str {
    let at = floor_char_boundary(text, at);
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    &text[start..end]
}

fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Where libyaml's line `line` (1-based, counting U+0085, U+2028 and U+2029 as line breaks as YAML 1.1 does)
/// starts in `text`.
fn libyaml_line_start(text: &str, line: usize) -> Option<usize> {
    if line <= 1 {
        return Some(0);
    }
    let mut seen = 1;
    for (i, c) in text.char_indices() {
        if matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}') {
            seen += 1;
            if seen == line {
                return Some(i + c.len_utf8());
            }
        }
    }
    None
}

/// A `key:value` without a space after the colon, between bytes `from` and `to` of the text (from `from` on its
/// own line, from the start of each following one): YAML reads it as one text, so the mapping it was meant to be
/// is missing.
fn missing_space(src: &Source<'_>, from: usize, to: usize) -> Option<Diagnostic> {
    let from = floor_char_boundary(src.text, from);
    let end = line_end(src.text, to);
    let mut start = from;
    for line in src.text[from..end].split('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let rest = &line[indent..];
        let key_len = rest
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-')
            .count();
        let after = rest[key_len..].strip_prefix(':');
        if key_len > 0 && after.is_some_and(|a| a.starts_with(|c: char| !c.is_whitespace())) {
            let (key, value) = (&rest[..key_len], after.unwrap_or_default());
            let value = value.split_whitespace().next().unwrap_or_default();
            let p = src.position_at(start + indent + key_len + 1);
            return Some(
                Diagnostic::error(
                    Code::YamlSyntax,
                    src.path,
                    format!("a space is needed after the colon in `{key}:{value}`"),
                )
                .at(p.line, p.column)
                .with_help(format!(
                    "without the space YAML reads the line as one text, not as `{key}` and its value: write `{key}: {value}`"
                ))
                .ja(format!("`{key}:{value}` のコロンの後に半角スペースが必要です"))
                .ja_help(format!(
                    "スペースがないと、YAML はこの行を `{key}` とその値ではなく一つの文として読みます。`{key}: {value}` と書いてください"
                )),
            );
        }
        start += line.len() + 1;
    }
    None
}

#[cfg(test)]
mod tests;
