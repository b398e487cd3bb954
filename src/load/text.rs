//! The as-written shapes of words in two languages: `{ja: …, en: …}`, or (for labels) one string for both.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::diag::Code;
use crate::model::lang::Text;
use crate::yaml::own::Finding;

/// The hint for an unknown language inside `{ja: …, en: …}`: usually a comma in a text without quotes.
const COMMA_IN_TEXT: &str = "inside {ja: …, en: …} a comma ends the text: put a text that contains a comma in quotes, e.g. en: \"Kobe, Hyogo\"";
/// The same hint in Japanese.
const COMMA_IN_TEXT_JA: &str = "{ja: …, en: …} の中では、コンマ（,）で文が終わります。コンマを含む文は引用符で囲んでください。例：en: \"Kobe, Hyogo\"";

/// `{ja: …, en: …}`, both required and non-empty.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawText(pub Text);

/// Like [`RawText`], but one plain string or number stands for both languages (category labels).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RawLabel(pub Text);

/// Like [`RawText`], but an empty string is allowed (units: `{ja: 社, en: ""}`).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub(crate) struct RawUnit(pub Text);

struct TextVisitor {
    allow_plain: bool,
    allow_empty: bool,
}

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.allow_plain {
            f.write_str("a text in both languages, {ja: …, en: …}, or one text for both")
        } else {
            f.write_str("a text in both languages, {ja: …, en: …}")
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
        if self.allow_plain {
            Ok(Text::same(v))
        } else {
            Err(Finding::new(
                Code::WrongType,
                format!(
                    "expected a text in both languages, written {{ja: …, en: …}}, found the plain text \"{v}\""
                ),
            )
            .ja(format!(
                "ここには両方の言語の文を {{ja: …, en: …}} の形で書きます。書かれているのは一つの文 \"{v}\" だけです"
            ))
            .into_error())
        }
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
        self.visit_str(&v.to_string())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
        let mut ja: Option<String> = None;
        let mut en: Option<String> = None;
        while let Some(key) = map.next_key::<String>()? {
            let slot = match key.as_str() {
                "ja" => &mut ja,
                "en" => &mut en,
                other => {
                    return Err(Finding::new(
                        Code::UnknownKey,
                        format!("unknown language `{other}`, expected `ja` or `en`"),
                    )
                    .with_help(COMMA_IN_TEXT)
                    .ja(format!(
                        "`{other}` という言語はありません。`ja` か `en` を書いてください"
                    ))
                    .ja_help(COMMA_IN_TEXT_JA)
                    .into_error());
                }
            };
            if slot.is_some() {
                return Err(Finding::new(
                    Code::DuplicateKey,
                    format!("the key `{key}` is given twice"),
                )
                .ja(format!("キー `{key}` が2回書かれています"))
                .into_error());
            }
            let value: StringOrNumber = map.next_value()?;
            *slot = Some(value.0);
        }
        both_texts(ja, en, self.allow_empty)
    }
}

/// The text once both languages are read: each must be given and (unless `allow_empty`) not blank.
pub(super) fn both_texts<E: de::Error>(
    ja: Option<String>,
    en: Option<String>,
    allow_empty: bool,
) -> Result<Text, E> {
    let missing = |what, what_ja| {
        Finding::new(Code::MissingKey, what)
            .ja(what_ja)
            .into_error()
    };
    let ja = ja.ok_or_else(|| {
        missing(
            "the Japanese text (`ja`) is missing",
            "日本語の文（`ja`）がありません",
        )
    })?;
    let en = en.ok_or_else(|| {
        missing(
            "the English text (`en`) is missing",
            "英語の文（`en`）がありません",
        )
    })?;
    if !allow_empty {
        let empty = |what, what_ja| {
            Err(Finding::new(Code::InvalidValue, what)
                .ja(what_ja)
                .into_error())
        };
        if ja.trim().is_empty() {
            return empty(
                "the Japanese text (`ja`) is empty",
                "日本語の文（`ja`）が空です",
            );
        }
        if en.trim().is_empty() {
            return empty(
                "the English text (`en`) is empty",
                "英語の文（`en`）が空です",
            );
        }
    }
    Ok(Text { ja, en })
}

/// A scalar read as text (so `ja: 2018` is the text "2018").
pub(super) struct StringOrNumber(pub String);

impl<'de> Deserialize<'de> for StringOrNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = String;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a text")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<String, E> {
                Ok(v.to_string())
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<String, E> {
                Ok(v.to_string())
            }
        }
        d.deserialize_any(V).map(StringOrNumber)
    }
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor {
            allow_plain: false,
            allow_empty: false,
        })
        .map(RawText)
    }
}

impl<'de> Deserialize<'de> for RawLabel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor {
            allow_plain: true,
            allow_empty: false,
        })
        .map(RawLabel)
    }
}

impl<'de> Deserialize<'de> for RawUnit {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TextVisitor {
            allow_plain: true,
            allow_empty: true,
        })
        .map(RawUnit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_required() {
        let t: RawText = serde_yaml::from_str("{ja: 神戸, en: Kobe}").unwrap();
        assert_eq!(t.0.ja, "神戸");
        let e = serde_yaml::from_str::<RawText>("{ja: 神戸}").unwrap_err();
        assert!(
            e.to_string().contains("the English text (`en`) is missing"),
            "{e}"
        );
        let e = serde_yaml::from_str::<RawText>("神戸").unwrap_err();
        assert!(e.to_string().contains("{ja: …, en: …}"), "{e}");
        let e = serde_yaml::from_str::<RawText>("{ja: 神戸, fr: Kobé}").unwrap_err();
        assert!(e.to_string().contains("unknown language `fr`"), "{e}");
    }

    #[test]
    fn labels_may_be_plain() {
        let t: RawLabel = serde_yaml::from_str("2018").unwrap();
        assert_eq!(t.0, Text::same("2018"));
        let u: RawUnit = serde_yaml::from_str("{ja: 社, en: ''}").unwrap();
        assert_eq!(u.0.en, "");
    }
}
