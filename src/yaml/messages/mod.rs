//! What yaml_serde's messages mean, in editors' words. yaml_serde reports a problem as text only (serde's
//! messages, with the Rust type a value was read into, and libyaml's), so this is the one place that reads the
//! shape of that text: tables from message shapes to a [`Code`], plain words and a hint, each shape tested
//! below. A crate upgrade that rewords a message fails these tests instead of silently losing a hint. Our own
//! deserializers' problems do not come through here: they are values (see `own.rs`).

mod syntax;
mod words;

use super::own::Finding;
use crate::diag::Code;
use syntax::{LIBYAML, MISSING_COLON, UNREADABLE_JA, YAML_SERDE};
use words::{
    Kind, expected_kind, expected_words, expected_words_ja, found_words, found_words_ja,
    whole_number,
};

/// yaml_serde's message taken apart: the path to the value (`charts[0].kind`), the message, and libyaml's
/// context (what was being read, and on which of its lines).
pub(super) struct Message<'m> {
    /// Where the value is (`charts[0].kind`).
    pub path: Option<&'m str>,
    /// The message itself, without position.
    pub main: &'m str,
    /// What libyaml was reading.
    pub context: Option<Context>,
    /// The line (libyaml's count) where libyaml's context starts.
    pub context_line: Option<usize>,
}

/// What libyaml was reading when it found the problem.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Context {
    FlowList,
    FlowMapping,
    Mapping,
    List,
    QuotedText,
}

impl Context {
    /// The context in editors' words.
    pub(super) fn words(self) -> &'static str {
        match self {
            Context::FlowList => "a [ … ] list",
            Context::FlowMapping => "a { … } mapping",
            Context::Mapping => "a mapping",
            Context::List => "a list",
            Context::QuotedText => "a quoted text",
        }
    }

    /// The context in Japanese (after 始まる: a space before half-width text).
    pub(super) fn words_ja(self) -> &'static str {
        match self {
            Context::FlowList => " [ … ] のリスト",
            Context::FlowMapping => " { … } のかっこ",
            Context::Mapping => "`キー: 値` の並び",
            Context::List => "リスト",
            Context::QuotedText => "引用符で囲んだ文",
        }
    }
}

impl<'m> Message<'m> {
    /// serde_yaml appends " at line L column C" (positions in the YAML text, counted as libyaml counts them)
    /// and libyaml adds context such as ", while parsing a flow sequence at line L column C".
    pub(super) fn split(message: &'m str) -> Message<'m> {
        let (main, context) = match message.split_once(", while ") {
            Some((m, c)) => (m, Some(c)),
            None => (message, None),
        };
        let (path, main) = split_path(cut_position(main));
        let context_line = context.and_then(|c| {
            let i = c.rfind(" at line ")?;
            c[i + 9..].split(' ').next()?.parse::<usize>().ok()
        });
        let context = context.and_then(|c| match cut_position(c) {
            c if c.contains("flow sequence") => Some(Context::FlowList),
            c if c.contains("flow mapping") => Some(Context::FlowMapping),
            c if c.contains("block mapping") => Some(Context::Mapping),
            c if c.contains("block collection") || c.contains("block sequence") => {
                Some(Context::List)
            }
            c if c.contains("quoted scalar") => Some(Context::QuotedText),
            _ => None,
        });
        Message {
            path,
            main,
            context,
            context_line,
        }
    }
}

fn cut_position(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => &message[..i],
        _ => match message.rfind(" at position ") {
            Some(i) => &message[..i],
            None => message,
        },
    }
}

/// serde_yaml prefixes errors inside nested values with the path (`charts[0].kind: unknown variant …`); in a
/// list at the top of the file the path starts with `.`, which is dropped.
fn split_path(message: &str) -> (Option<&str>, &str) {
    if let Some((head, rest)) = message.split_once(": ") {
        let path_like = !head.is_empty()
            && head
                .chars()
                .all(|c| c.is_alphanumeric() || "_-.[]".contains(c));
        if path_like {
            let path = head.strip_prefix('.').unwrap_or(head);
            return ((!path.is_empty()).then_some(path), rest);
        }
    }
    (None, message)
}

/// A message read.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Reading {
    pub code: Code,
    /// What is wrong, without Rust or serde words.
    pub message: String,
    pub help: Option<String>,
    /// A word that is not one of the allowed ones, and the allowed ones (to suggest the closest).
    pub unknown: Option<Unknown>,
    /// The problem may be a `key:value` without a space after the colon, which YAML reads as one text.
    pub maybe_missing_space: bool,
    /// The message in Japanese, where it has been written.
    pub message_ja: Option<String>,
    /// The hint in Japanese.
    pub help_ja: Option<String>,
    /// The library's own words, kept at the end of the Japanese message (libyaml's message is the English one).
    pub original: Option<String>,
}

/// A key or value that is not one of the allowed ones.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Unknown {
    pub word: String,
    pub allowed: Vec<String>,
    /// `keys` or `values`, for the hint listing them.
    pub what: &'static str,
}

impl Reading {
    fn new(code: Code, message: impl Into<String>) -> Reading {
        Reading {
            code,
            message: message.into(),
            help: None,
            unknown: None,
            maybe_missing_space: false,
            message_ja: None,
            help_ja: None,
            original: None,
        }
    }

    fn ja(mut self, message: impl Into<String>) -> Reading {
        self.message_ja = Some(message.into());
        self
    }

    fn ja_help(mut self, help: impl Into<String>) -> Reading {
        self.help_ja = Some(help.into());
        self
    }

    /// One of our own deserializers' findings, as it is.
    pub(super) fn of_finding(finding: Finding) -> Reading {
        Reading {
            code: finding.code,
            message: finding.message,
            help: finding.help,
            unknown: None,
            maybe_missing_space: false,
            message_ja: finding.message_ja,
            help_ja: finding.help_ja,
            original: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Reading {
        self.help = Some(help.into());
        self
    }
}

/// Reads one of yaml_serde's messages, without the path in front and the position behind.
pub(super) fn read(message: &str) -> Reading {
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        return wrong(rest, "wrong type", Code::WrongType);
    }
    if let Some(rest) = message.strip_prefix("invalid value: ") {
        return wrong(rest, "wrong value", Code::InvalidValue);
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "?"));
        return Reading::new(
            Code::WrongType,
            format!(
                "wrong number of entries: found {found}, expected {}",
                expected_words(expected)
            ),
        )
        .ja(format!(
            "項目の数が違います：{found} 個ありますが、{}が必要です",
            spaced(expected_words_ja(expected))
        ));
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let mut reading = Reading::new(Code::UnknownKey, message);
        reading.unknown = unknown(rest, "keys");
        if let Some(u) = &reading.unknown {
            reading.message_ja = Some(format!("キー `{}` はここでは使えません", u.word));
        }
        return reading;
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let mut reading = Reading::new(Code::InvalidValue, format!("unknown value {rest}"));
        reading.unknown = unknown(rest, "values");
        if let Some(u) = &reading.unknown {
            reading.message_ja = Some(format!("値 `{}` はここでは使えません", u.word));
        }
        return reading;
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return Reading::new(Code::MissingKey, message).ja(format!("キー {field} がありません"));
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return Reading::new(
            Code::DuplicateKey,
            format!("the key {field} is given twice"),
        )
        .ja(format!("キー {field} が2回書かれています"));
    }
    if message.starts_with("data did not match any variant of untagged enum ") {
        return Reading::new(Code::WrongType, "the value has the wrong form")
            .ja("値の形が違います");
    }
    if let Some(own) = YAML_SERDE.iter().find(|o| message.starts_with(o.shape)) {
        let mut reading = Reading::new(own.code, own.words).ja(own.words_ja);
        reading.help = own.help.map(str::to_string);
        reading.help_ja = own.help_ja.map(str::to_string);
        return reading;
    }
    let mut reading = Reading::new(Code::YamlSyntax, message);
    reading.original = Some(message.to_string());
    match LIBYAML.iter().find(|l| message.contains(l.shape)) {
        Some(libyaml) => {
            reading.message_ja = Some(libyaml.words_ja.to_string());
            reading.help = libyaml.help.map(str::to_string);
            reading.help_ja = libyaml.help_ja.map(str::to_string);
        }
        None => reading.message_ja = Some(UNREADABLE_JA.to_string()),
    }
    reading.maybe_missing_space = MISSING_COLON.iter().any(|shape| message.contains(shape));
    reading
}

/// "{found}, expected {expected}", after "invalid type: " or "invalid value: ".
fn wrong(rest: &str, what: &str, code: Code) -> Reading {
    let (found, expected) = rest.rsplit_once(", expected ").unwrap_or((rest, "?"));
    let (expected_kind, range) = expected_kind(expected);
    if let (Some(number), Some(range)) = (whole_number(found), range) {
        // serde says "invalid type: integer `…` as u128" or "invalid value: integer `…`, expected i64".
        let size = if number.starts_with('-') {
            "small"
        } else {
            "large"
        };
        return Reading::new(
            Code::InvalidValue,
            format!("the number {number} is too {size}"),
        )
        .help(format!("write a whole number from {range}"))
        .ja(format!(
            "数 {number} は{}すぎます",
            if size == "small" { "小さ" } else { "大き" }
        ))
        .ja_help(format!(
            "{} の整数を書いてください",
            range.replace(" to ", "～")
        ));
    }
    let what_ja = if code == Code::WrongType {
        "型が違います"
    } else {
        "値が違います"
    };
    let mut reading = Reading::new(
        code,
        format!(
            "{what}: found {}, expected {}",
            found_words(found),
            expected_words(expected)
        ),
    )
    .ja(format!(
        "{what_ja}：{}が書かれていますが、{}が必要です",
        spaced(found_words_ja(found)),
        spaced(expected_words_ja(expected))
    ));
    if expected_kind == Kind::Mapping && found.starts_with("string ") {
        reading.maybe_missing_space = true;
    }
    if expected_kind == Kind::Number {
        reading = reading
            .help(
                "write numbers plainly, without thousands separators, units or full-width digits: 12400",
            )
            .ja_help("数は、桁区切りのコンマや単位、全角数字を付けずに 12400 のように書いてください");
    }
    if expected == "a sequence" {
        reading = reading
            .help(
                "write a list in brackets, [hyogo] or [hyogo, osaka], or one entry per line starting with `- `",
            )
            .ja_help("リストは [hyogo] や [hyogo, osaka] のように角かっこで囲むか、1行に1項目ずつ `- ` で始めて書いてください");
    }
    reading
}

/// `words` ready to be followed by Japanese: a space after half-width text (`true か false が`).
fn spaced(mut words: String) -> String {
    if words.ends_with(|c: char| c.is_ascii() && c != ' ') {
        words.push(' ');
    }
    words
}

/// From "`x`, expected one of `a`, `b`" (or "expected `a` or `b`", "expected `a`", "there are no …"), the word
/// and the allowed ones.
fn unknown(rest: &str, what: &'static str) -> Option<Unknown> {
    let mut quoted = rest.split('`').skip(1).step_by(2).map(str::to_string);
    let word = quoted.next()?;
    Some(Unknown {
        word,
        allowed: quoted.collect(),
        what,
    })
}

#[cfg(test)]
mod tests;
