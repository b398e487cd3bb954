//! What the `combo` and `donut` kinds ask of a chart record beyond every chart's checks: a combo chart has bars
//! and at least one line (`as: line`) read against its `right_axis`; a donut has one series of parts of a whole,
//! none below zero and not all zero. `as:` and `right_axis:` belong to combo charts only.

use crate::diag::{Code, Diagnostic};
use crate::model::chart::{ChartKind, Mark};
use crate::model::lang::Text;
use crate::yaml::{Seg, Source};

/// Paths into chart `.0` of a `data.yaml`.
pub(super) struct ChartAt(pub(super) usize);

impl ChartAt {
    pub(super) fn path(&self, rest: &[Seg<'static>]) -> Vec<Seg<'static>> {
        [Seg::Key("charts"), Seg::Index(self.0)]
            .into_iter()
            .chain(rest.iter().copied())
            .collect()
    }
}

/// What these checks read of a chart record as written.
pub(super) struct RawView<'a> {
    /// The chart's id.
    pub id: &'a str,
    /// Its kind.
    pub kind: ChartKind,
    /// Its category labels.
    pub categories: Vec<&'a Text>,
    /// Its series.
    pub series: Vec<SeriesView<'a>>,
    /// Whether it has a `right_axis`, and if so whether that says nothing (no unit, no title).
    pub right_axis: Option<bool>,
}

/// A series as written.
pub(super) struct SeriesView<'a> {
    /// Its name.
    pub name: &'a Text,
    /// Its values.
    pub values: &'a [f64],
    /// Its `as`, when given.
    pub mark: Option<Mark>,
}

/// Checks what `raw`'s kind asks of it, adding the errors to `errors`.
pub(super) fn check_kind(
    src: &Source<'_>,
    at: &ChartAt,
    raw: &RawView<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    if raw.kind == ChartKind::Combo {
        check_combo(src, at, raw, errors);
    } else {
        check_combo_keys_absent(src, at, raw, errors);
    }
    if raw.kind == ChartKind::Donut {
        check_donut(src, at, raw, errors);
    }
}

/// `as:` on a series and `right_axis:` mean something only in a combo chart.
fn check_combo_keys_absent(
    src: &Source<'_>,
    at: &ChartAt,
    raw: &RawView<'_>,
    errors: &mut Vec<Diagnostic>,
) {
    for (s, series) in raw.series.iter().enumerate() {
        if series.mark.is_some() {
            errors.push(
                src.error_at(
                    Code::ChartData,
                    &at.path(&[Seg::Key("series"), Seg::Index(s), Seg::Key("as")]),
                    format!(
                        "`as` of series {} in chart `{}` is only for `kind: combo` charts",
                        s + 1,
                        raw.id
                    ),
                )
                .with_help("remove `as`, or make the chart `kind: combo` with a `right_axis`")
                .ja(format!(
                    "図 `{}` の {} 番目の系列の `as` は、`kind: combo` の図でしか使えません",
                    raw.id,
                    s + 1
                ))
                .ja_help("`as` を消すか、図を `right_axis` のある `kind: combo` にしてください"),
            );
        }
    }
    if raw.right_axis.is_some() {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("right_axis")]),
                format!(
                    "the `right_axis` of chart `{}` is only for `kind: combo` charts",
                    raw.id
                ),
            )
            .with_help("remove `right_axis`, or make the chart `kind: combo` and mark its line series `as: line`")
            .ja(format!(
                "図 `{}` の `right_axis`（右軸）は、`kind: combo` の図でしか使えません",
                raw.id
            ))
            .ja_help("`right_axis` を消すか、図を `kind: combo` にして折れ線の系列に `as: line` を付けてください"),
        );
    }
}

/// Bars and lines, and a right axis saying what the lines measure.
fn check_combo(src: &Source<'_>, at: &ChartAt, raw: &RawView<'_>, errors: &mut Vec<Diagnostic>) {
    let is_line = |m: Option<Mark>| m == Some(Mark::Line);
    let lines: Vec<usize> = (0..raw.series.len())
        .filter(|&s| is_line(raw.series[s].mark))
        .collect();
    if raw.series.is_empty() {
        return;
    }
    let series_at = at.path(&[Seg::Key("series")]);
    if lines.is_empty() {
        errors.push(
            src.error_at(
                Code::ChartData,
                &series_at,
                format!("combo chart `{}` has no line series", raw.id),
            )
            .with_help(
                "mark the series read against the right axis with `as: line`, or use `kind: bar`",
            )
            .ja(format!(
                "図 `{}` は `combo` ですが、折れ線（`as: line`）の系列がありません",
                raw.id
            ))
            .ja_help("右軸で読む系列に `as: line` を付けるか、`kind: bar` にしてください"),
        );
    } else if lines.len() == raw.series.len() {
        errors.push(
            src.error_at(
                Code::ChartData,
                &series_at,
                format!("combo chart `{}` has no bar series", raw.id),
            )
            .with_help("leave `as` off the series drawn as bars, or use `kind: line`")
            .ja(format!(
                "図 `{}` は `combo` ですが、棒の系列がありません",
                raw.id
            ))
            .ja_help("棒で描く系列には `as` を付けないでください。すべて折れ線なら `kind: line` を使ってください"),
        );
    }
    match &raw.right_axis {
        None => {
            if let Some(&s) = lines.first() {
                errors.push(
                    src.error_at(
                        Code::ChartData,
                        &at.path(&[Seg::Key("series"), Seg::Index(s), Seg::Key("as")]),
                        format!(
                            "series {} ({}) of chart `{}` is a line on the right axis, but the chart has no `right_axis`",
                            s + 1,
                            raw.series[s].name.en,
                            raw.id
                        ),
                    )
                    .with_help("add to the chart `right_axis: {unit: '%', title: {ja: …, en: …}}`, saying what the line measures")
                    .ja(format!(
                        "図 `{}` の {} 番目の系列（{}）は右軸の折れ線ですが、図に `right_axis`（右軸）がありません",
                        raw.id,
                        s + 1,
                        raw.series[s].name.ja
                    ))
                    .ja_help("図に `right_axis: {unit: '%', title: {ja: …, en: …}}` を加え、折れ線が何を示すかを書いてください"),
                );
            }
        }
        Some(true) => errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("right_axis")]),
                format!(
                    "the `right_axis` of chart `{}` has neither `unit` nor `title`, so a reader cannot tell what it measures",
                    raw.id
                ),
            )
            .with_help("give its `unit` (e.g. `'%'`) or its `title`, or both")
            .ja(format!(
                "図 `{}` の `right_axis` に `unit` も `title` もないため、右軸が何を示すのか読み手に分かりません",
                raw.id
            ))
            .ja_help("`unit`（単位。例：`'%'`）か `title`（軸の名前）、またはその両方を書いてください"),
        ),
        Some(false) => {}
    }
}

/// The most slices a donut may have: as many as the palette has colours to tell them apart.
pub(crate) const MAX_SLICES: usize = 8;

/// One series of at most [`MAX_SLICES`] values; its values are amounts of zero or more, and not all zero.
fn check_donut(src: &Source<'_>, at: &ChartAt, raw: &RawView<'_>, errors: &mut Vec<Diagnostic>) {
    let n = raw.categories.len();
    if n > MAX_SLICES {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("categories")]),
                format!(
                    "donut chart `{}` has {n} slices; at most {MAX_SLICES} can be told apart by their colours",
                    raw.id
                ),
            )
            .with_help("group the smallest into one category such as `{ja: その他, en: Other}`, or use `hbar`")
            .ja(format!(
                "図 `{}` のドーナツグラフには扇形が {n} 個あります。色で見分けられるのは {MAX_SLICES} 個までです",
                raw.id
            ))
            .ja_help("小さいものを `{ja: その他, en: Other}` などの一つの項目にまとめるか、`hbar` を使ってください"),
        );
    }
    if raw.series.len() > 1 {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("series"), Seg::Index(1)]),
                format!(
                    "donut chart `{}` has {} series, but a donut shows one series as the parts of a whole",
                    raw.id,
                    raw.series.len()
                ),
            )
            .with_help("keep one series (its categories are the slices), or use `share` to compare several wholes")
            .ja(format!(
                "図 `{}` はドーナツグラフ（`donut`）で、一つの系列を全体の内訳として示しますが、系列が {} 個あります",
                raw.id,
                raw.series.len()
            ))
            .ja_help("系列を一つにする（項目がそれぞれの扇形になります）か、いくつかの全体を比べるには `share` を使ってください"),
        );
    }
    if !errors.is_empty() {
        return;
    }
    let Some(series) = raw.series.first() else {
        return;
    };
    let mut below = false;
    for (v, value) in series.values.iter().enumerate() {
        if *value < 0.0 {
            below = true;
            let category = raw.categories.get(v);
            errors.push(
                src.error_at(
                    Code::ChartData,
                    &at.path(&[
                        Seg::Key("series"),
                        Seg::Index(0),
                        Seg::Key("values"),
                        Seg::Index(v),
                    ]),
                    format!(
                        "value {} ({}) of donut chart `{}` is below zero, which a slice of a whole cannot be",
                        v + 1,
                        category.map_or("", |c| c.en.as_str()),
                        raw.id
                    ),
                )
                .with_help("give amounts of zero or more; for values below zero use `bar`")
                .ja(format!(
                    "図 `{}` の {} 番目の値（{}）が 0 未満です。全体の一部にはなりません",
                    raw.id,
                    v + 1,
                    category.map_or("", |c| c.ja.as_str())
                ))
                .ja_help("0 以上の量を書いてください。0 未満の値には `bar` を使ってください"),
            );
        }
    }
    if !below && series.values.iter().sum::<f64>() <= 0.0 {
        errors.push(
            src.error_at(
                Code::ChartData,
                &at.path(&[Seg::Key("series"), Seg::Index(0), Seg::Key("values")]),
                format!(
                    "the values of donut chart `{}` add up to zero, so there is no whole to divide",
                    raw.id
                ),
            )
            .with_help("give the amounts of the parts")
            .ja(format!(
                "図 `{}` の値の合計が 0 のため、内訳を示せません",
                raw.id
            ))
            .ja_help("それぞれの部分の量を書いてください"),
        );
    }
}
