//! Chart records in `data.yaml`: the as-written shape, and validation into [`Chart`].

use serde::Deserialize;

use super::citations::RawCitations;
use super::raw::{RawScale, check_id};
use super::text::{RawLabel, RawText, RawUnit};
use crate::diag::{Code, Diagnostic};
use crate::model::chart::{Chart, ChartKind, Series};
use crate::yaml::{Seg, Source};

/// The most categories a chart may have: more cannot be drawn readably.
pub(crate) const MAX_CATEGORIES: usize = 200;
/// The most series a chart may have.
pub(crate) const MAX_SERIES: usize = 12;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawChart {
    pub(crate) id: String,
    kind: RawKind,
    title: RawText,
    categories: Vec<RawLabel>,
    series: Vec<RawSeries>,
    unit: Option<RawUnit>,
    value_title: Option<RawText>,
    category_title: Option<RawText>,
    scale: Option<RawScale>,
    note: Option<RawText>,
    pub(crate) source: Option<RawCitations>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawKind {
    Bar,
    Hbar,
    Stacked,
    Line,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    name: RawText,
    values: Vec<f64>,
}

/// Validates chart `index` of a `data.yaml`. The source is checked by the caller.
pub(crate) fn resolve_chart(
    src: &Source<'_>,
    index: usize,
    raw: RawChart,
) -> Result<Chart, Vec<Diagnostic>> {
    let at = ChartAt(index);
    let mut errors = Vec::new();
    check_id(src, &mut errors, &raw.id, &at.path(&[Seg::Key("id")]));
    check_sizes(src, &at, &raw, &mut errors);
    for (s, series) in raw.series.iter().enumerate() {
        check_series(src, &at, &raw, s, series, &mut errors);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(chart_of(raw))
}

/// Paths into chart `.0` of a `data.yaml`.
struct ChartAt(usize);

impl ChartAt {
    fn path(&self, rest: &[Seg<'static>]) -> Vec<Seg<'static>> {
        [Seg::Key("charts"), Seg::Index(self.0)]
            .into_iter()
            .chain(rest.iter().copied())
            .collect()
    }
}

/// At least one category and one series, and not more than can be drawn.
fn check_sizes(src: &Source<'_>, at: &ChartAt, raw: &RawChart, errors: &mut Vec<Diagnostic>) {
    let n = raw.categories.len();
    if n == 0 {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("categories")]),
                format!("chart `{}` has no categories", raw.id),
            )
            .with_help("give one label per value, e.g. `categories: [2018, 2023]`"),
        );
    }
    if n > MAX_CATEGORIES {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("categories")]),
                format!(
                    "chart `{}` has {n} categories; at most {MAX_CATEGORIES} can be drawn readably",
                    raw.id
                ),
            )
            .with_help("group the data, or publish the full table as a separate file"),
        );
    }
    if raw.series.is_empty() {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("series")]),
                format!("chart `{}` has no series", raw.id),
            )
            .with_help("add at least one `- name: {ja: …, en: …}` with `values: [...]`"),
        );
    }
    if raw.series.len() > MAX_SERIES {
        errors.push(src.error_at(
            Code::ChartData,
            &at.path(&[Seg::Key("series")]),
            format!(
                "chart `{}` has {} series; at most {MAX_SERIES} can be told apart",
                raw.id,
                raw.series.len()
            ),
        ));
    }
}

/// One finite value per category in series `s`.
fn check_series(
    src: &Source<'_>,
    at: &ChartAt,
    raw: &RawChart,
    s: usize,
    series: &RawSeries,
    errors: &mut Vec<Diagnostic>,
) {
    let n = raw.categories.len();
    let values_at = at.path(&[Seg::Key("series"), Seg::Index(s), Seg::Key("values")]);
    if series.values.is_empty() {
        errors.push(src.error_at(
            Code::ChartData,
            &values_at,
            format!(
                "series {} ({}) of chart `{}` has no values",
                s + 1,
                series.name.0.en,
                raw.id
            ),
        ));
    } else if series.values.len() != n && n > 0 {
        errors.push(
            src.error_at(
                Code::ChartData,
                &values_at,
                format!(
                    "series {} ({}) of chart `{}` has {} values but there are {n} categories",
                    s + 1,
                    series.name.0.en,
                    raw.id,
                    series.values.len()
                ),
            )
            .with_help("give exactly one value per category, in the same order"),
        );
    }
    for (v, value) in series.values.iter().enumerate() {
        if !value.is_finite() {
            let mut p = values_at.clone();
            p.push(Seg::Index(v));
            errors.push(
                src.error_at(Code::ChartData, &p, format!("value {} of series {} in chart `{}` is not a finite number", v + 1, s + 1, raw.id))
                    .with_help("write a plain number; a missing value cannot be drawn: leave the category out or explain it in `note`"),
            );
        }
    }
}

/// The validated chart (its source filled in by the caller).
fn chart_of(raw: RawChart) -> Chart {
    let RawChart {
        id,
        kind,
        title,
        categories,
        series,
        unit,
        value_title,
        category_title,
        scale,
        note,
        source: _,
    } = raw;
    Chart {
        id,
        kind: match kind {
            RawKind::Bar => ChartKind::Bar,
            RawKind::Hbar => ChartKind::HBar,
            RawKind::Stacked => ChartKind::Stacked,
            RawKind::Line => ChartKind::Line,
        },
        title: title.0,
        categories: categories.into_iter().map(|c| c.0).collect(),
        series: series
            .into_iter()
            .map(|s| Series {
                name: s.name.0,
                values: s.values,
            })
            .collect(),
        unit: unit.map(|u| u.0),
        value_title: value_title.map(|t| t.0),
        category_title: category_title.map(|t| t.0),
        scale: RawScale::resolve(scale),
        note: note.map(|t| t.0),
        sources: Vec::new(),
    }
}
