//! A page's `data.yaml`: the as-written shape, and its validation into [`PageData`].

pub(super) mod quick;

use std::path::Path;

use serde::Deserialize;

use super::charts::{RawChart, resolve_chart};
use super::raw::{RawScale, check_id};
use super::text::{RawText, RawUnit};
use crate::diag::{Code, Diagnostic};
use crate::model::chart::Qualifier;
use crate::model::data::{CaseInfo, KeyFigure, PageData, TimelineEntry};
use crate::model::date::PartialDate;
use crate::model::page::PageKind;
use crate::yaml::{self, Seg, Source};

/// `data.yaml` as written.
///
/// The common shape of a case's data is filled without serde, by [`quick::parse`]: a serde attribute added
/// here (`default`, `deserialize_with`, `rename`, …), or a field, needs the same change in `quick.rs`. Debug
/// builds parse every document the quick way accepts with serde as well, and stop if the two differ.
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPageData {
    pub chapter: Option<String>,
    pub order: Option<i64>,
    pub regions: Option<Vec<String>>,
    pub fields: Option<Vec<String>>,
    pub programmes: Option<Vec<String>>,
    pub location: Option<RawText>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub key_figures: Vec<RawKeyFigure>,
    #[serde(default)]
    pub timeline: Vec<RawTimelineEntry>,
    #[serde(default)]
    pub charts: Vec<RawChart>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKeyFigure {
    id: String,
    label: RawText,
    value: f64,
    #[serde(default)]
    unit: RawUnit,
    qualifier: Option<RawQualifier>,
    scale: Option<RawScale>,
    as_of: Option<RawText>,
    source: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawQualifier {
    About,
    AtLeast,
    Over,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTimelineEntry {
    date: DateValue,
    text: RawText,
    source: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(untagged)]
enum DateValue {
    Text(String),
    Year(i64),
}

/// Keys only a case may have.
const CASE_KEYS: [&str; 6] = [
    "chapter",
    "order",
    "regions",
    "fields",
    "programmes",
    "location",
];

/// Parses and validates `data.yaml` for a page of `kind`. Checks that need the whole site (taxonomy keys,
/// source ids, chart ids) are done later, in `resolve`.
pub(crate) fn parse_page_data(
    path: &Path,
    text: &str,
    kind: PageKind,
) -> Result<PageData, Vec<Diagnostic>> {
    let src = Source::file(path, text);
    let raw: RawPageData = match quick::parse(text) {
        Some(raw) => raw,
        None => yaml::parse(src).map_err(|d| vec![d])?,
    };
    let mut errors = Vec::new();
    let case = if kind == PageKind::Case {
        match raw.chapter {
            Some(chapter) => Some(CaseInfo {
                chapter,
                order: raw.order,
                regions: raw.regions.unwrap_or_default(),
                fields: raw.fields.unwrap_or_default(),
                programmes: raw.programmes.unwrap_or_default(),
                location: raw.location.map(|t| t.0),
            }),
            None => {
                errors.push(
                    Diagnostic::error(Code::MissingKey, path, "missing field `chapter`")
                        .at(1, 1)
                        .with_help("say which chapter the case belongs to, e.g. `chapter: hubs` (a folder in content/chapters/ listed in site.yaml)"),
                );
                None
            }
        }
    } else {
        let given = [
            raw.chapter.is_some(),
            raw.order.is_some(),
            raw.regions.is_some(),
            raw.fields.is_some(),
            raw.programmes.is_some(),
            raw.location.is_some(),
        ];
        for (key, _) in CASE_KEYS.iter().zip(given).filter(|(_, g)| *g) {
            errors.push(
                src.error_at_key(
                    Code::UnknownKey,
                    &[Seg::Key(key)],
                    format!("`{key}` is only for cases (folders in content/cases/)"),
                )
                .with_help("remove it, or move this page into content/cases/"),
            );
        }
        None
    };
    if raw.sources.is_empty()
        && (kind == PageKind::Case || !raw.key_figures.is_empty() || !raw.charts.is_empty())
    {
        errors.push(
            Diagnostic::error(Code::MissingKey, path, "missing field `sources`")
                .at(1, 1)
                .with_help("list the ids (from content/sources.yaml) of the documents this page cites: `sources: [wp2023]`"),
        );
    }
    for (i, id) in raw.sources.iter().enumerate() {
        if raw.sources[..i].contains(id) {
            errors.push(src.error_at(
                Code::DuplicateId,
                &[Seg::Key("sources"), Seg::Index(i)],
                format!("the source `{id}` is listed twice"),
            ));
        }
    }
    let cites = |errors: &mut Vec<Diagnostic>,
                 source: Option<String>,
                 at: &[Seg<'_>],
                 what: &str|
     -> String {
        match source {
            Some(s) if raw.sources.contains(&s) => s,
            Some(s) => {
                let mut at_source = at.to_vec();
                at_source.push(Seg::Key("source"));
                let mut d = src.error_at(
                    Code::UnknownReference,
                    &at_source,
                    format!("{what} cites `{s}`, which is not in this page's `sources`"),
                );
                d = match crate::diag::did_you_mean(&s, raw.sources.iter().map(String::as_str)) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")),
                    None => d.with_help(format!("add `{s}` to `sources` at the top of data.yaml (ids are defined in content/sources.yaml)")),
                };
                errors.push(d);
                s
            }
            None => {
                errors.push(
                    src.error_at(Code::MissingKey, at, format!("{what} has no `source`"))
                        .with_help("every fact names where it comes from: add `source: <id>` with an id from this page's `sources`"),
                );
                String::new()
            }
        }
    };
    let mut key_figures = Vec::new();
    for (i, kf) in raw.key_figures.into_iter().enumerate() {
        let at = [Seg::Key("key_figures"), Seg::Index(i)];
        check_id(&src, &mut errors, &kf.id, &[at[0], at[1], Seg::Key("id")]);
        if key_figures.iter().any(|k: &KeyFigure| k.id == kf.id) {
            errors.push(src.error_at(
                Code::DuplicateId,
                &[at[0], at[1], Seg::Key("id")],
                format!("the key figure id `{}` is used twice in this page", kf.id),
            ));
        }
        if !kf.value.is_finite() {
            errors.push(src.error_at(
                Code::InvalidValue,
                &[at[0], at[1], Seg::Key("value")],
                "the value must be a finite number (not .nan or .inf)",
            ));
        }
        let source = cites(
            &mut errors,
            kf.source,
            &at,
            &format!("key figure `{}`", kf.id),
        );
        key_figures.push(KeyFigure {
            id: kf.id,
            label: kf.label.0,
            value: kf.value,
            unit: kf.unit.0,
            qualifier: kf.qualifier.map(|q| match q {
                RawQualifier::About => Qualifier::About,
                RawQualifier::AtLeast => Qualifier::AtLeast,
                RawQualifier::Over => Qualifier::Over,
            }),
            scale: RawScale::resolve(kf.scale),
            as_of: kf.as_of.map(|t| t.0),
            source,
        });
    }
    let mut timeline = Vec::new();
    for (i, entry) in raw.timeline.into_iter().enumerate() {
        let at = [Seg::Key("timeline"), Seg::Index(i)];
        let text = match &entry.date {
            DateValue::Text(s) => s.clone(),
            DateValue::Year(y) => y.to_string(),
        };
        let date = match PartialDate::parse(&text) {
            Ok(d) => d,
            Err(msg) => {
                errors.push(src.error_at(
                    Code::InvalidValue,
                    &[at[0], at[1], Seg::Key("date")],
                    msg,
                ));
                PartialDate::Year(0)
            }
        };
        let source = cites(
            &mut errors,
            entry.source,
            &at,
            &format!("timeline entry {}", i + 1),
        );
        timeline.push(TimelineEntry {
            date,
            text: entry.text.0,
            source,
        });
    }
    let mut charts = Vec::new();
    for (i, raw_chart) in raw.charts.into_iter().enumerate() {
        let at = [Seg::Key("charts"), Seg::Index(i)];
        let id = raw_chart.id.clone();
        let source = raw_chart.source.clone();
        match resolve_chart(&src, i, raw_chart) {
            Ok(mut chart) => {
                chart.source = cites(&mut errors, source, &at, &format!("chart `{id}`"));
                if charts
                    .iter()
                    .any(|c: &crate::model::chart::Chart| c.id == chart.id)
                {
                    errors.push(src.error_at(
                        Code::DuplicateId,
                        &[at[0], at[1], Seg::Key("id")],
                        format!("the chart id `{id}` is used twice in this page"),
                    ));
                }
                charts.push(chart);
            }
            Err(mut errs) => {
                cites(&mut errors, source, &at, &format!("chart `{id}`"));
                errors.append(&mut errs);
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PageData {
        case,
        sources: raw.sources,
        key_figures,
        timeline,
        charts,
    })
}
