//! What a chart record in `data.yaml` means, once validated; and how quantities (charts' and key figures') are
//! written: their scale and qualifier.

use super::lang::Text;

/// The kinds of chart hakusho draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    /// Vertical bars; grouped side by side when there are several series.
    Bar,
    /// Horizontal bars (long category labels read well); grouped when there are several series.
    HBar,
    /// Vertical bars with the series stacked on each other.
    Stacked,
    /// Lines with markers, one per series.
    Line,
    /// Vertical bars of 100 %, each category's series stacked as their shares of its total (構成比).
    Share,
    /// Bars on the left value axis and one or more lines on a right value axis (棒と折れ線の複合).
    Combo,
    /// A ring of one series' parts of a whole, each category a slice (ドーナツグラフ).
    Donut,
}

impl ChartKind {
    /// The name used in `data.yaml`.
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Bar => "bar",
            ChartKind::HBar => "hbar",
            ChartKind::Stacked => "stacked",
            ChartKind::Line => "line",
            ChartKind::Share => "share",
            ChartKind::Combo => "combo",
            ChartKind::Donut => "donut",
        }
    }

    /// All kinds, in the order the README lists them.
    pub const ALL: [ChartKind; 7] = [
        ChartKind::Bar,
        ChartKind::HBar,
        ChartKind::Stacked,
        ChartKind::Share,
        ChartKind::Line,
        ChartKind::Combo,
        ChartKind::Donut,
    ];
}

/// How large numbers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum NumberScale {
    /// Digits with thousands separators: 12,400.
    #[default]
    Plain,
    /// Japanese myriad units (万, 億, 兆) in Japanese; thousand/million/billion in English.
    Myriad,
}

/// A word that qualifies a quantity, as white papers write "約", "以上".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// 約 / about.
    About,
    /// 以上 / at least.
    AtLeast,
    /// 超 / more than.
    Over,
}

/// How a series is drawn in a `combo` chart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mark {
    /// Bars on the left value axis (and the only mark of the other kinds).
    #[default]
    Bar,
    /// A line with markers on the right value axis.
    Line,
}

/// One data series: a name and one value per category.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The series name shown in the legend or as a direct label.
    pub name: Text,
    /// One finite value per category.
    pub values: Vec<f64>,
    /// How it is drawn in a `combo` chart; [`Mark::Bar`] for every other kind.
    pub mark: Mark,
}

/// The right value axis of a `combo` chart, which its line series are read against.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct RightAxis {
    /// Unit of the line series' values (%, 倍 / per cent, times); may be empty.
    pub unit: Option<Text>,
    /// Title of the right axis.
    pub title: Option<Text>,
}

/// A validated chart: every series has one finite value per category, every text is in both languages.
#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    /// Unique id in the whole site.
    pub id: String,
    /// The kind of chart.
    pub kind: ChartKind,
    /// The title (the figure caption).
    pub title: Text,
    /// Category labels, one per value.
    pub categories: Vec<Text>,
    /// At least one series.
    pub series: Vec<Series>,
    /// Unit of the values (社, 人, 円 / companies, people, yen); may be empty.
    pub unit: Option<Text>,
    /// Title of the value axis.
    pub value_title: Option<Text>,
    /// Title of the category axis.
    pub category_title: Option<Text>,
    /// The right value axis (`combo` charts with line series only).
    pub right_axis: Option<RightAxis>,
    /// How numbers are written.
    pub scale: NumberScale,
    /// A note printed under the chart.
    pub note: Option<Text>,
    /// Where the data comes from (at least one source).
    pub sources: Vec<super::citation::Citation>,
}
