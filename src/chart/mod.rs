//! Charts drawn as SVG at build time: one standalone, accessible SVG document per chart and language.
//!
//! [`render_svg`] lays the chart out itself (text widths estimated for Japanese and English in `text.rs`, nice
//! ticks in `scale.rs`), draws it with plotters' SVG backend (`canvas.rs`) and wraps it in a document with a
//! `viewBox`, `role="img"`, `<title>` and `<desc>` (`svg.rs`). The kinds live in `bars.rs` (vertical, stacked
//! and share), `hbar.rs`, `line.rs` and `combo.rs` (bars and lines on two axes), on the shared vertical frame of
//! `frame.rs`, and `donut.rs`. [`text_alternative`]
//! (`describe.rs`) gives the chart and all its values as one paragraph.
//!
//! The output depends only on the chart, the language and the style: no fonts are read, nothing is measured on
//! the machine, no maps are iterated, so the same input gives the same bytes everywhere.

mod bars;
mod canvas;
mod card;
mod categories;
mod combo;
mod describe;
mod donut;
mod frame;
mod hbar;
mod layout;
mod legend;
mod line;
mod markers;
mod paint;
mod scale;
mod share;
mod svg;
mod text;
mod words;

pub use card::{CardText, card_svg};

use crate::format::number::format_number;
use crate::model::chart::{Chart, ChartKind};
use crate::model::lang::Lang;

use canvas::Rgb;
use paint::Paint;

/// Colours and fonts of charts. The theme fills it; [`Default`] gives the built-in look.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartStyle {
    /// Series colours as `#rrggbb` (or `#rgb`), used in order and repeated when there are more series. Anything
    /// else is ignored; an empty list means the default palette.
    pub palette: Vec<String>,
    /// The CSS `font-family` list, set once on the `<svg>` element.
    pub font_family: String,
    /// Colour of all text, as `#rrggbb`.
    pub text_color: String,
    /// Colour of the axis and zero lines, as `#rrggbb`.
    pub axis_color: String,
    /// Colour of the grid lines, as `#rrggbb`.
    pub grid_color: String,
}

impl Default for ChartStyle {
    /// The Okabe–Ito colours, ordered so that the first three also differ in lightness (blue L*46, orange L*71,
    /// black) and survive greyscale printing; a font list that covers Japanese on macOS, Windows and Linux.
    fn default() -> Self {
        ChartStyle {
            palette: [
                "#0072b2", "#e69f00", "#000000", "#56b4e9", "#d55e00", "#009e73", "#cc79a7",
                "#f0e442",
            ]
            .iter()
            .map(|c| c.to_string())
            .collect(),
            font_family: "'Hiragino Sans','Hiragino Kaku Gothic ProN','Yu Gothic','Meiryo',\
                          'Noto Sans CJK JP','Noto Sans JP',sans-serif"
                .to_string(),
            text_color: "#333333".to_string(),
            axis_color: "#555555".to_string(),
            grid_color: "#dddddd".to_string(),
        }
    }
}

/// The chart as a standalone SVG document for `lang` (starts with `<svg`, no XML declaration, so it can be
/// inlined in HTML as-is and also served as a file). Ids inside are prefixed with `chart-<chart.id>-<lang code>-`
/// so several charts (and both languages) can sit in one HTML page without id clashes.
pub fn render_svg(chart: &Chart, lang: Lang, style: &ChartStyle) -> String {
    draw(chart, lang, style, false)
}

/// The chart drawn for phones: [`layout::NARROW_WIDTH`] units wide with no text under
/// [`layout::NARROW_MIN_FONT`] units, so that at 320 to 375 px every bar, label and value shows without
/// sideways scrolling; vertical bars with more than [`NARROW_MAX_COLUMNS`] categories or bars are laid across
/// (horizontal bars), where long labels wrap and values have room. Its ids are prefixed `chart-<id>-<lang>-narrow-`, so it can sit
/// beside the wide one (CSS shows one of the two).
pub fn render_svg_narrow(chart: &Chart, lang: Lang, style: &ChartStyle) -> String {
    draw(chart, lang, style, true)
}

/// The most categories, and the most bars in all, of vertical bars drawn as columns on a phone.
pub const NARROW_MAX_COLUMNS: usize = 4;
const NARROW_MAX_BARS: usize = 6;

fn draw(chart: &Chart, lang: Lang, style: &ChartStyle, narrow: bool) -> String {
    let ctx = Ctx {
        chart,
        lang,
        paint: Paint::new(style),
        width: if narrow {
            layout::NARROW_WIDTH
        } else {
            layout::WIDTH
        },
        min_font: if narrow { layout::NARROW_MIN_FONT } else { 0.0 },
    };
    let kind = match chart.kind {
        ChartKind::Bar
            if narrow
                && (chart.categories.len() > NARROW_MAX_COLUMNS
                    || chart.categories.len() * chart.series.len() > NARROW_MAX_BARS) =>
        {
            ChartKind::HBar
        }
        kind => kind,
    };
    let shares;
    let ctx = if kind == ChartKind::Share {
        shares = share::shares(chart);
        Ctx {
            chart: &shares,
            ..ctx
        }
    } else {
        ctx
    };
    let canvas = match kind {
        ChartKind::Bar => bars::draw(&ctx, bars::Bars::Grouped),
        ChartKind::Stacked => bars::draw(&ctx, bars::Bars::Stacked),
        ChartKind::Share => bars::draw(&ctx, bars::Bars::Share),
        ChartKind::HBar => hbar::draw(&ctx),
        ChartKind::Line => line::draw(&ctx),
        ChartKind::Combo => combo::draw(&ctx),
        ChartKind::Donut => donut::draw(&ctx),
    };
    svg::document(
        &canvas,
        chart,
        lang,
        style,
        &text_alternative(chart, lang),
        narrow,
    )
}

/// A one-paragraph text alternative in `lang` describing the chart and all its values (used in `<desc>` and by
/// screen readers), e.g. 「棒グラフ：進出企業・団体数の推移。2018年7月 350社、令和5年版白書 362社。」 /
/// "Bar chart: Companies and organisations located in the cluster. Jul 2018: 350 companies; 2023 White Paper:
/// 362 companies."
pub fn text_alternative(chart: &Chart, lang: Lang) -> String {
    describe::describe(chart, lang)
}

/// Each value's share of their total in per cent, rounded to one decimal, as a donut shows them (values below
/// zero count as nothing; all zero when nothing is left).
pub fn donut_shares(values: &[f64]) -> Vec<f64> {
    donut::shares(values)
}

/// What every kind needs while drawing: the chart, the language and the colours.
pub(crate) struct Ctx<'a> {
    chart: &'a Chart,
    lang: Lang,
    paint: Paint,
    /// The width of the drawing: [`layout::WIDTH`], or [`layout::NARROW_WIDTH`] for phones.
    width: f64,
    /// The smallest font size allowed (0 for the wide drawing).
    min_font: f64,
}

impl Ctx<'_> {
    /// A number written for the language and the chart's scale.
    fn number(&self, value: f64) -> String {
        format_number(value, self.lang, self.chart.scale)
    }

    /// The number of categories.
    fn categories(&self) -> usize {
        self.chart.categories.len()
    }

    /// The category labels in the language (line breaks kept: they force a break when wrapping).
    fn category_labels(&self) -> Vec<String> {
        self.chart
            .categories
            .iter()
            .map(|c| c.get(self.lang).trim().to_string())
            .collect()
    }

    /// The series names in the language.
    fn series_names(&self) -> Vec<String> {
        self.chart
            .series
            .iter()
            .map(|s| text::one_line(s.name.get(self.lang)))
            .collect()
    }

    /// The legend items, each series' name and colour, when there are several series; none for one series.
    fn legend_items(&self) -> Vec<(String, Rgb)> {
        if self.chart.series.len() < 2 {
            return Vec::new();
        }
        self.series_names()
            .into_iter()
            .enumerate()
            .map(|(j, name)| (name, self.paint.series(j)))
            .collect()
    }

    /// Value `i` of series `s`; a missing or non-finite value (never accepted from content) counts as zero.
    fn value(&self, s: usize, i: usize) -> f64 {
        self.chart
            .series
            .get(s)
            .and_then(|series| series.values.get(i))
            .copied()
            .filter(|v| v.is_finite())
            .unwrap_or(0.0)
    }

    /// Whether every value is a whole number (a count), so that the axis has whole ticks only.
    fn whole(&self) -> bool {
        self.chart
            .series
            .iter()
            .flat_map(|s| s.values.iter())
            .all(|v| v.fract() == 0.0)
    }

    /// The smallest and largest value of all series (0, 0 when there are none).
    fn extent(&self) -> (f64, f64) {
        let mut extent: Option<(f64, f64)> = None;
        for s in 0..self.chart.series.len() {
            for i in 0..self.categories() {
                let v = self.value(s, i);
                extent = Some(match extent {
                    None => (v, v),
                    Some((lo, hi)) => (lo.min(v), hi.max(v)),
                });
            }
        }
        extent.unwrap_or((0.0, 0.0))
    }
}
