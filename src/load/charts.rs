//! Chart records in `data.yaml`: the as-written shape, and validation into [`Chart`].

use serde::Deserialize;

use super::chart_kinds::{ChartAt, RawView, SeriesView};
use super::citations::RawCitations;
use super::raw::{RawScale, check_id};
use super::text::{RawLabel, RawText, RawUnit};
use crate::diag::{Code, Diagnostic};
use crate::model::chart::{Chart, ChartKind, Mark, RightAxis, Series};
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
    right_axis: Option<RawRightAxis>,
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
    Share,
    Line,
    Combo,
    Donut,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSeries {
    name: RawText,
    values: Vec<f64>,
    #[serde(rename = "as")]
    mark: Option<RawMark>,
}

/// How a series of a `combo` chart is drawn (`as: line`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawMark {
    Bar,
    Line,
}

/// The right value axis of a `combo` chart.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRightAxis {
    unit: Option<RawUnit>,
    title: Option<RawText>,
}

impl RawRightAxis {
    /// Whether it says nothing of what the axis measures (no unit, no title).
    fn is_blank(&self) -> bool {
        self.unit
            .as_ref()
            .is_none_or(|u| u.0.ja.trim().is_empty() && u.0.en.trim().is_empty())
            && self.title.is_none()
    }
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
    if raw.kind == RawKind::Share && errors.is_empty() {
        check_shares(src, &at, &raw, &mut errors);
    }
    super::chart_kinds::check_kind(src, &at, &view(&raw), &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(chart_of(raw))
}

/// A `share` chart shows parts of a whole: no value below zero, and something in each category.
fn check_shares(src: &Source<'_>, at: &ChartAt, raw: &RawChart, errors: &mut Vec<Diagnostic>) {
    let before = errors.len();
    for (s, series) in raw.series.iter().enumerate() {
        for (v, value) in series.values.iter().enumerate() {
            if *value < 0.0 {
                let path = at.path(&[
                    Seg::Key("series"),
                    Seg::Index(s),
                    Seg::Key("values"),
                    Seg::Index(v),
                ]);
                errors.push(
                    src.error_at(
                        Code::ChartData,
                        &path,
                        format!(
                            "value {} of series {} in chart `{}` is below zero, which a share of a whole cannot be",
                            v + 1,
                            s + 1,
                            raw.id
                        ),
                    )
                    .with_help("a `share` chart shows each category's parts of its total: give amounts of zero or more, or use `stacked` for values below zero")
                    .ja(format!(
                        "図 `{}` の {} 番目の系列の {} 番目の値が 0 未満です。構成比の一部にはなりません",
                        raw.id,
                        s + 1,
                        v + 1
                    ))
                    .ja_help("`share` の図は項目ごとの合計に占める割合を示します。0 以上の量を書くか、0 未満の値には `stacked` を使ってください"),
                );
            }
        }
    }
    if errors.len() > before {
        return;
    }
    for (c, category) in raw.categories.iter().enumerate() {
        let total: f64 = raw.series.iter().filter_map(|s| s.values.get(c)).sum();
        if total <= 0.0 {
            errors.push(
                src.error_at(
                    Code::ChartData,
                    &at.path(&[Seg::Key("categories"), Seg::Index(c)]),
                    format!(
                        "the values of `{}` in chart `{}` add up to zero, so they have no shares",
                        category.0.en, raw.id
                    ),
                )
                .with_help("leave the category out, or give its amounts")
                .ja(format!(
                    "図 `{}` の `{}` の値の合計が 0 のため、構成比を示せません",
                    raw.id, category.0.ja
                ))
                .ja_help("その項目を除くか、量を書いてください"),
            );
        }
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
            .with_help("give one label per value, e.g. `categories: [2018, 2023]`")
            .ja(format!(
                "図 `{}` に項目（`categories`）がありません",
                raw.id
            ))
            .ja_help("値ごとに一つずつ項目名を書いてください。例：`categories: [2018, 2023]`"),
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
            .with_help("group the data, or publish the full table as a separate file")
            .ja(format!(
                "図 `{}` には項目が {n} 個あります。読みやすく描けるのは {MAX_CATEGORIES} 個までです",
                raw.id
            ))
            .ja_help("データをまとめるか、表全体を別のファイルとして公開してください"),
        );
    }
    if raw.series.is_empty() {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("series")]),
                format!("chart `{}` has no series", raw.id),
            )
            .with_help("add at least one `- name: {ja: …, en: …}` with `values: [...]`")
            .ja(format!("図 `{}` に系列（`series`）がありません", raw.id))
            .ja_help(
                "`values: [...]` を持つ `- name: {ja: …, en: …}` を少なくとも一つ加えてください",
            ),
        );
    }
    if raw.series.len() > MAX_SERIES {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("series")]),
                format!(
                    "chart `{}` has {} series; at most {MAX_SERIES} can be told apart",
                    raw.id,
                    raw.series.len()
                ),
            )
            .ja(format!(
                "図 `{}` には系列が {} 個あります。見分けられるのは {MAX_SERIES} 個までです",
                raw.id,
                raw.series.len()
            )),
        );
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
        errors.push(
            src.error_at(
                Code::ChartData,
                &values_at,
                format!(
                    "series {} ({}) of chart `{}` has no values",
                    s + 1,
                    series.name.0.en,
                    raw.id
                ),
            )
            .ja(format!(
                "図 `{}` の {} 番目の系列（{}）に値がありません",
                raw.id,
                s + 1,
                series.name.0.ja
            )),
        );
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
            .with_help("give exactly one value per category, in the same order")
            .ja(format!(
                "図 `{}` の {} 番目の系列（{}）には値が {} 個ありますが、項目は {n} 個です",
                raw.id,
                s + 1,
                series.name.0.ja,
                series.values.len()
            ))
            .ja_help("項目ごとにちょうど一つずつ、同じ順で値を書いてください"),
        );
    }
    for (v, value) in series.values.iter().enumerate() {
        if !value.is_finite() {
            let mut p = values_at.clone();
            p.push(Seg::Index(v));
            errors.push(
                src.error_at(Code::ChartData, &p, format!("value {} of series {} in chart `{}` is not a finite number", v + 1, s + 1, raw.id))
                    .with_help("write a plain number; a missing value cannot be drawn: leave the category out or explain it in `note`")
                    .ja(format!("図 `{}` の {} 番目の系列の {} 番目の値は、有限の数ではありません", raw.id, s + 1, v + 1))
                    .ja_help("ふつうの数を書いてください。値のないものは描けないため、その項目を除くか、`note` で説明してください"),
            );
        }
    }
}

/// What the kind checks read of `raw`.
fn view(raw: &RawChart) -> RawView<'_> {
    RawView {
        id: &raw.id,
        kind: kind_of(&raw.kind),
        categories: raw.categories.iter().map(|c| &c.0).collect(),
        series: raw
            .series
            .iter()
            .map(|s| SeriesView {
                name: &s.name.0,
                values: &s.values,
                mark: s.mark.map(mark_of),
            })
            .collect(),
        right_axis: raw.right_axis.as_ref().map(RawRightAxis::is_blank),
    }
}

fn kind_of(kind: &RawKind) -> ChartKind {
    match kind {
        RawKind::Bar => ChartKind::Bar,
        RawKind::Hbar => ChartKind::HBar,
        RawKind::Stacked => ChartKind::Stacked,
        RawKind::Share => ChartKind::Share,
        RawKind::Line => ChartKind::Line,
        RawKind::Combo => ChartKind::Combo,
        RawKind::Donut => ChartKind::Donut,
    }
}

fn mark_of(mark: RawMark) -> Mark {
    match mark {
        RawMark::Bar => Mark::Bar,
        RawMark::Line => Mark::Line,
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
        right_axis,
        scale,
        note,
        source: _,
    } = raw;
    Chart {
        id,
        kind: kind_of(&kind),
        title: title.0,
        categories: categories.into_iter().map(|c| c.0).collect(),
        series: series
            .into_iter()
            .map(|s| Series {
                name: s.name.0,
                values: s.values,
                mark: s.mark.map_or(Mark::Bar, mark_of),
            })
            .collect(),
        unit: unit.map(|u| u.0),
        value_title: value_title.map(|t| t.0),
        category_title: category_title.map(|t| t.0),
        right_axis: right_axis.map(|a| RightAxis {
            unit: a.unit.map(|u| u.0),
            title: a.title.map(|t| t.0),
        }),
        scale: RawScale::resolve(scale),
        note: note.map(|t| t.0),
        sources: Vec::new(),
    }
}
