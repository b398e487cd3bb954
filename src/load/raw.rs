//! As-written shapes shared by several files of `content/`, and the id rule they share.

use serde::Deserialize;

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
            ),
        );
    }
}
