//! YAML for editors: serde_yaml for the data, with errors turned into `path:line:column` diagnostics that say
//! what was expected and suggest the key that was probably meant.

mod locate;

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::diag::{Code, Diagnostic, Position, did_you_mean};

pub use locate::Seg;
use locate::{Tree, find_duplicate_key, locate_key, locate_value};

/// YAML text and where it sits in its file.
#[derive(Clone, Copy, Debug)]
pub struct Source<'a> {
    /// The file, as shown to the user.
    pub path: &'a Path,
    /// The YAML text.
    pub text: &'a str,
    /// Lines of the file before `text` (front matter starts after the `---` line).
    pub line_offset: usize,
}

impl<'a> Source<'a> {
    /// A whole YAML file.
    pub fn file(path: &'a Path, text: &'a str) -> Source<'a> {
        Source {
            path,
            text,
            line_offset: 0,
        }
    }

    /// Position in the file of the value at `path` in the YAML, if it exists.
    pub fn value_position(&self, path: &[Seg<'_>]) -> Option<Position> {
        locate_value(self.text, path).map(|p| self.shift(p))
    }

    /// Position in the file of the key that ends `path` (or of the value, for a sequence index).
    pub fn key_position(&self, path: &[Seg<'_>]) -> Option<Position> {
        locate_key(self.text, path).map(|p| self.shift(p))
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

    /// The positions of many values in the file, for one parse of the YAML.
    pub fn positions(&self) -> Positions {
        Positions {
            tree: Tree::parse(self.text),
            line_offset: self.line_offset,
        }
    }

    fn shift(&self, p: Position) -> Position {
        Position {
            line: p.line + self.line_offset,
            column: p.column,
        }
    }
}

/// A YAML text parsed once for the positions of its values (see [`Source::positions`]).
#[derive(Debug)]
pub struct Positions {
    tree: Option<Tree>,
    line_offset: usize,
}

impl Positions {
    /// Position in the file of the value at `path`, if it exists.
    pub fn value(&self, path: &[Seg<'_>]) -> Option<Position> {
        let p = self.tree.as_ref()?.value(path)?;
        Some(Position {
            line: p.line + self.line_offset,
            column: p.column,
        })
    }
}

/// Deserializes `src` into `T`, reporting a problem as an editor-facing diagnostic.
pub fn parse<T: DeserializeOwned>(src: Source<'_>) -> Result<T, Diagnostic> {
    if src.text.trim().is_empty() {
        return Err(
            Diagnostic::error(Code::EmptyFile, src.path, "the file is empty")
                .at(src.line_offset + 1, 1),
        );
    }
    serde_yaml::from_str(src.text).map_err(|e| describe(src, &e))
}

/// Turns a serde_yaml error into a diagnostic with the right position and a useful hint.
fn describe(src: Source<'_>, err: &serde_yaml::Error) -> Diagnostic {
    let raw = err.to_string();
    let message = strip_position_suffix(&raw, src.line_offset);
    let mut position = err.location().map(|l| Position {
        line: l.line() + src.line_offset,
        column: l.column(),
    });
    if message.starts_with("duplicate") {
        if let Some((key, p)) = find_duplicate_key(src.text) {
            return Diagnostic::error(
                Code::DuplicateKey,
                src.path,
                format!("the key `{key}` is given twice"),
            )
            .at(p.line + src.line_offset, p.column)
            .with_help("remove one of them; YAML keys must be unique within a mapping");
        }
    }
    let code = if unknown_word(&message).is_some() {
        Code::UnknownKey
    } else if message.contains("missing field") {
        Code::MissingKey
    } else if message.contains("invalid type") || message.contains("invalid value") {
        Code::WrongType
    } else {
        Code::YamlSyntax
    };
    let mut diag = Diagnostic::error(code, src.path, tidy(&message));
    if let Some((word, expected)) = unknown_word(&message) {
        let candidates: Vec<&str> = expected.iter().map(String::as_str).collect();
        if let Some(best) = did_you_mean(&word, candidates.iter().copied()) {
            diag = diag.with_help(format!("did you mean `{best}`?"));
        } else if !candidates.is_empty() {
            diag = diag.with_help(format!(
                "the allowed keys are {}",
                candidates
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        // serde_yaml points unknown fields at the key already; keep that.
    }
    let tab_indented = err.location().is_some_and(|l| {
        src.text
            .lines()
            .nth(l.line().saturating_sub(1))
            .is_some_and(|line| line[..line.len() - line.trim_start().len()].contains('\t'))
    });
    if tab_indented {
        diag =
            diag.with_help("this line is indented with a tab; YAML needs spaces for indentation");
    } else if let Some(help) = syntax_help(&message) {
        diag = diag.with_help(help);
    }
    if message.contains("unknown language `") {
        diag = diag.with_help(
            "inside {ja: …, en: …} a comma ends the text: put a text that contains a comma in quotes, e.g. en: \"Kobe, Hyogo\"",
        );
    }
    if message.contains("expected f64")
        || message.contains("expected i64")
        || message.contains("expected i32")
    {
        diag = diag.with_help("write numbers plainly, without thousands separators, units or full-width digits: 12400");
    }
    if position.is_none() {
        position = Some(Position {
            line: src.line_offset + 1,
            column: 1,
        });
    }
    diag.at_opt(position)
}

/// serde_yaml appends " at line L column C" (positions in the YAML text, not the file) and libyaml adds
/// context such as ", while parsing a flow sequence at line L column C". The diagnostic carries the
/// position itself; the context is kept in words, with the file's line.
fn strip_position_suffix(message: &str, line_offset: usize) -> String {
    let (main, context) = match message.split_once(", while ") {
        Some((m, c)) => (m, Some(c)),
        None => (message, None),
    };
    let main = cut_position(main);
    let Some(context) = context else {
        return main.to_string();
    };
    let started = context
        .rfind(" at line ")
        .and_then(|i| context[i + 9..].split(' ').next()?.parse::<usize>().ok())
        .map(|l| l + line_offset);
    let what = match cut_position(context) {
        c if c.contains("flow sequence") => "a [ … ] list",
        c if c.contains("flow mapping") => "a { … } mapping",
        c if c.contains("block mapping") => "a mapping",
        c if c.contains("block collection") || c.contains("block sequence") => "a list",
        c if c.contains("quoted scalar") => "a quoted text",
        _ => return main.to_string(),
    };
    match started {
        Some(line) => format!("{main} (in {what} that starts on line {line})"),
        None => format!("{main} (in {what})"),
    }
}

fn cut_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => &message[..i],
        _ => message,
    }
}

/// A hint for libyaml's syntax errors.
fn syntax_help(message: &str) -> Option<&'static str> {
    if message.contains("expected ',' or ']'") {
        Some("close the list with ] and separate its items with commas")
    } else if message.contains("expected ',' or '}'") {
        Some("close the mapping with } and separate its entries with commas")
    } else if message.contains("mapping values are not allowed") {
        Some(
            "put a text that contains \": \" in quotes, and start the keys of one mapping in the same column",
        )
    } else if message.contains("cannot start any token") {
        Some(
            "YAML does not allow tabs for indentation, and some characters (@, `) cannot start a text: indent with spaces and quote such texts",
        )
    } else if message.contains("did not find expected key")
        || message.contains("could not find expected ':'")
    {
        Some(
            "check the indentation: entries of one mapping must start in the same column, and each needs `key: value`",
        )
    } else if message.contains("found unexpected end of stream") {
        Some("a quote or bracket is not closed")
    } else if message.contains("recursion limit") || message.contains("repetition limit") {
        Some("the YAML nests too deeply or repeats aliases too often; write the data out plainly")
    } else {
        None
    }
}

/// Makes serde's wording read better for editors. serde_yaml prefixes errors inside nested values with the
/// path (`charts[0].kind: unknown variant …`); the path is kept, quoted.
fn tidy(message: &str) -> String {
    let (path, rest) = split_path(message);
    let rest = match rest.strip_prefix("invalid type: ") {
        Some(found) => format!("wrong type: found {found}"),
        None => rest.to_string(),
    }
    .replace("expected f64", "expected a number")
    .replace("expected i64", "expected a whole number")
    .replace("expected i32", "expected a whole number");
    match path {
        Some(p) => format!("`{p}`: {rest}"),
        None => rest,
    }
}

fn split_path(message: &str) -> (Option<&str>, &str) {
    if let Some((head, rest)) = message.split_once(": ") {
        let path_like = !head.is_empty()
            && !head.contains(' ')
            && head
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.[]".contains(c));
        if path_like {
            return (Some(head), rest);
        }
    }
    (None, message)
}

/// From "unknown field `x`, expected one of `a`, `b`" (or "unknown variant"), the word and the choices.
fn unknown_word(message: &str) -> Option<(String, Vec<String>)> {
    let rest = message
        .strip_prefix("unknown field ")
        .or_else(|| message.strip_prefix("unknown variant "))
        .or_else(|| message.split_once(": unknown field ").map(|(_, r)| r))
        .or_else(|| message.split_once(": unknown variant ").map(|(_, r)| r))?;
    let mut quoted = rest.split('`').skip(1).step_by(2).map(str::to_string);
    let word = quoted.next()?;
    Some((word, quoted.collect()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Front {
        title: String,
        summary: Option<String>,
    }

    fn err(text: &str) -> String {
        parse::<Front>(Source {
            path: Path::new("a.md"),
            text,
            line_offset: 1,
        })
        .unwrap_err()
        .to_string()
    }

    #[test]
    fn unknown_key_gets_suggestion_and_position() {
        assert_eq!(
            err("title: x\ntitel: y\n"),
            "a.md:3:1: error: unknown field `titel`, expected `title` or `summary`\n  help: did you mean `title`?"
        );
    }

    #[test]
    fn duplicate_key_points_at_second() {
        assert_eq!(
            err("title: x\nsummary: y\ntitle: z\n"),
            "a.md:4:1: error: the key `title` is given twice\n  help: remove one of them; YAML keys must be unique within a mapping"
        );
    }

    #[test]
    fn missing_field_and_wrong_type() {
        assert_eq!(
            err("summary: y\n"),
            "a.md:2:1: error: missing field `title`"
        );
        assert_eq!(
            err("title: [1, 2]\n"),
            "a.md:2:8: error: `title`: wrong type: found sequence, expected a string"
        );
    }

    #[test]
    fn empty_file() {
        assert_eq!(err("  \n"), "a.md:2:1: error: the file is empty");
    }
}
