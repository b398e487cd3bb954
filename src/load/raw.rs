//! As-written shapes shared by several files of `content/`, and the id rule they share.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};

use crate::diag::{Code, Diagnostic};
use crate::model::chart::NumberScale;
use crate::yaml::{Seg, Source};

/// `scale:` in key figures and charts.
#[derive(Debug, PartialEq, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawScale {
    Plain,
    Myriad,
}

impl RawScale {
    pub(crate) fn resolve(scale: Option<RawScale>) -> NumberScale {
        match scale {
            None | Some(RawScale::Plain) => NumberScale::Plain,
            Some(RawScale::Myriad) => NumberScale::Myriad,
        }
    }
}

/// A date as written (`date:` and `updated:` in front matter, a timeline entry's `date:`), as YAML read it:
/// `2025-03-31` is a text to YAML, `2025` a number and `2025.0` a decimal number. Whichever it is, it is kept as
/// text for `PartialDate::parse` to accept or to explain at the date's position; only a list or a mapping is
/// refused here. `front_matter/quick.rs` fills it too.
#[derive(Debug, PartialEq)]
pub(crate) struct DateText(pub String);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = DateText;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date: 2025, 2025-03, 2025-03-31, FY2024 or 令和6年度")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<DateText, E> {
                Ok(DateText(format!("{v:?}")))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<DateText, E> {
                Ok(DateText(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Ids of key figures, charts and glossary entries: lowercase ASCII letters, digits and `-`, as they become URL fragments.
pub(crate) fn check_id(src: &Source<'_>, errors: &mut Vec<Diagnostic>, id: &str, at: &[Seg<'_>]) {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-');
    if !ok {
        errors.push(
            src.error_at(
                Code::InvalidValue,
                at,
                format!("the id `{id}` is not allowed"),
            )
            .with_help(
                "ids use lowercase letters a–z, digits and `-` (at most 64), e.g. `kobe-companies`",
            )
            .ja(format!("id `{id}` は使えません"))
            .ja_help(
                "id には半角の小文字 a–z、数字、`-` を使います（64 文字まで）。例：`kobe-companies`",
            ),
        );
    }
}
