//! What our own deserializers find wrong (`load/text.rs`: a text without both languages; `load/site_files.rs`:
//! an id given twice), as values. serde passes an error on as a message only, so a [`Finding`] is written into
//! the message behind a mark, and [`Finding::read`] takes it out again: its code and hint travel as data and are
//! never recognised by their words.

use serde::de;

use crate::diag::Code;

/// Starts a finding inside a message. A control character: serde's and libyaml's messages never start with
/// one, and our messages put it first.
const MARK: char = '\u{1}';
/// Ends the code and the hint.
const END: char = '\u{2}';

/// A problem one of our deserializers found in a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Finding {
    /// What kind of problem it is.
    pub code: Code,
    /// What is wrong, in editors' words.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// What is wrong, in Japanese.
    pub message_ja: Option<String>,
    /// How to fix it, in Japanese.
    pub help_ja: Option<String>,
}

impl Finding {
    /// A finding of kind `code`.
    pub(crate) fn new(code: Code, message: impl Into<String>) -> Finding {
        Finding {
            code,
            message: message.into(),
            help: None,
            message_ja: None,
            help_ja: None,
        }
    }

    /// With a hint on how to fix it.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// With the message in Japanese.
    pub(crate) fn ja(mut self, message: impl Into<String>) -> Finding {
        self.message_ja = Some(message.into());
        self
    }

    /// With the hint in Japanese.
    pub(crate) fn ja_help(mut self, help: impl Into<String>) -> Finding {
        self.help_ja = Some(help.into());
        self
    }

    /// The finding as the error of a deserializer; yaml_serde adds where it happened. The message comes last,
    /// so that yaml_serde's words around it stay where they are.
    pub(crate) fn into_error<E: de::Error>(self) -> E {
        let [help, message_ja, help_ja] =
            [&self.help, &self.message_ja, &self.help_ja].map(|s| s.as_deref().unwrap_or(""));
        E::custom(format!(
            "{MARK}{}{END}{help}{END}{message_ja}{END}{help_ja}{END}{}",
            tag(self.code),
            self.message
        ))
    }

    /// The finding written into `message` (from which yaml_serde's path and position are removed), if there is
    /// one.
    pub(crate) fn read(message: &str) -> Option<Finding> {
        let rest = message.strip_prefix(MARK)?;
        let mut parts = rest.splitn(5, END);
        let code = code_of(parts.next()?.chars().next()?);
        let given = |s: &str| (!s.is_empty()).then(|| s.to_string());
        let help = given(parts.next()?);
        let message_ja = given(parts.next()?);
        let help_ja = given(parts.next()?);
        let message = parts.next()?;
        Some(Finding {
            code,
            message: message.to_string(),
            help,
            message_ja,
            help_ja,
        })
    }
}

/// The codes our deserializers report, one letter each.
fn tag(code: Code) -> char {
    match code {
        Code::WrongType => 'T',
        Code::UnknownKey => 'K',
        Code::MissingKey => 'M',
        Code::DuplicateKey => 'D',
        Code::InvalidValue => 'V',
        _ => 'S',
    }
}

fn code_of(tag: char) -> Code {
    match tag {
        'T' => Code::WrongType,
        'K' => Code::UnknownKey,
        'M' => Code::MissingKey,
        'D' => Code::DuplicateKey,
        'V' => Code::InvalidValue,
        _ => Code::YamlSyntax,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_survives_the_trip_through_a_message() {
        for code in [
            Code::WrongType,
            Code::UnknownKey,
            Code::MissingKey,
            Code::DuplicateKey,
            Code::InvalidValue,
            Code::YamlSyntax,
        ] {
            assert_eq!(code_of(tag(code)), code);
            let finding = Finding::new(code, "the text `a: b` is wrong")
                .with_help("quote it")
                .ja("文 `a: b` が違います")
                .ja_help("引用符で囲んでください");
            let error: serde::de::value::Error = finding.clone().into_error();
            assert_eq!(Finding::read(&error.to_string()), Some(finding));
        }
        let plain = Finding::new(Code::MissingKey, "x");
        let error: serde::de::value::Error = plain.clone().into_error();
        assert_eq!(Finding::read(&error.to_string()), Some(plain));
        assert_eq!(Finding::read("unknown field `a`"), None);
    }
}
