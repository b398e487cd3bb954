//! The few words a chart adds to the editor's: kind names, the value-axis title with its unit, "total".

use crate::model::chart::{Chart, ChartKind};
use crate::model::lang::{Lang, Text};

use super::text::one_line;

/// The name of a kind of chart, as the text alternative starts.
pub(crate) fn kind_name(kind: ChartKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (ChartKind::Bar, Lang::Ja) => "棒グラフ",
        (ChartKind::Bar, Lang::En) => "Bar chart",
        (ChartKind::HBar, Lang::Ja) => "横棒グラフ",
        (ChartKind::HBar, Lang::En) => "Horizontal bar chart",
        (ChartKind::Stacked, Lang::Ja) => "積み上げ棒グラフ",
        (ChartKind::Stacked, Lang::En) => "Stacked bar chart",
        (ChartKind::Share, Lang::Ja) => "構成比の積み上げ棒グラフ",
        (ChartKind::Share, Lang::En) => "100% stacked bar chart",
        (ChartKind::Line, Lang::Ja) => "折れ線グラフ",
        (ChartKind::Line, Lang::En) => "Line chart",
        (ChartKind::Combo, Lang::Ja) => "棒と折れ線の複合グラフ",
        (ChartKind::Combo, Lang::En) => "Combined bar and line chart",
        (ChartKind::Donut, Lang::Ja) => "ドーナツグラフ",
        (ChartKind::Donut, Lang::En) => "Donut chart",
    }
}

/// The axis a series of a combo chart is read against, as the legend and the text alternative add it to the
/// series name: `（左軸）` / ` (left axis)`.
pub(crate) fn axis_note(right: bool, lang: Lang) -> &'static str {
    match (right, lang) {
        (false, Lang::Ja) => "（左軸）",
        (false, Lang::En) => " (left axis)",
        (true, Lang::Ja) => "（右軸）",
        (true, Lang::En) => " (right axis)",
    }
}

/// The right axis title of a combo chart with its unit in brackets, as [`value_axis_title`]; `None` when it has
/// neither.
pub(crate) fn right_axis_title(chart: &Chart, lang: Lang) -> Option<String> {
    let axis = chart.right_axis.as_ref()?;
    axis_title(axis.title.as_ref(), axis.unit.as_ref(), lang)
}

/// The unit of the right axis in `lang`, empty when there is none.
pub(crate) fn right_unit(chart: &Chart, lang: Lang) -> String {
    chart
        .right_axis
        .as_ref()
        .and_then(|a| a.unit.as_ref())
        .map(|t| one_line(t.get(lang)))
        .unwrap_or_default()
}

/// "Total", for the sums of a stacked chart.
pub(crate) fn total(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "合計",
        Lang::En => "Total",
    }
}

/// "Note", before the chart's note in the text alternative.
pub(crate) fn note(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "注：",
        Lang::En => "Note: ",
    }
}

/// The value axis title with the unit in brackets, Japanese style `社数（社）` or English `Number (companies)`;
/// the unit alone is bracketed too, `（社）`. `None` when the chart has neither.
pub(crate) fn value_axis_title(chart: &Chart, lang: Lang) -> Option<String> {
    axis_title(chart.value_title.as_ref(), chart.unit.as_ref(), lang)
}

/// An axis title with its unit in brackets (either may be absent; `None` when both are).
fn axis_title(title: Option<&Text>, unit: Option<&Text>, lang: Lang) -> Option<String> {
    let line = |t: Option<&Text>| t.map(|t| one_line(t.get(lang))).filter(|t| !t.is_empty());
    match (line(title), line(unit)) {
        (None, None) => None,
        (title, unit) => Some(crate::format::label::with_unit(
            &title.unwrap_or_default(),
            &unit.unwrap_or_default(),
            lang,
        )),
    }
}

/// The unit in `lang`, empty when there is none.
pub(crate) fn unit(chart: &Chart, lang: Lang) -> String {
    chart
        .unit
        .as_ref()
        .map(|t| one_line(t.get(lang)))
        .unwrap_or_default()
}
