//! The frame of the vertical charts (bar, stacked, line): everything but the data.
//!
//! From the top: the legend (bars with several series), the value-axis title with its unit, left-aligned as
//! Japanese white papers put 「（社）」 over the axis, the plot with tick labels on the left and horizontal grid
//! lines, the category labels under the plot, and the category-axis title centred under them. The left margin is
//! as wide as the widest tick label; the plot is [`PLOT_HEIGHT`] high; the height of the whole chart follows from
//! the legend rows and from how many lines the category labels need.

use super::Ctx;
use super::canvas::{Anchor, Canvas, Label, LayerId, Rgb, Shape};
use super::categories::{CategoryLabels, GAP};
use super::layout::{FONT, LABEL_GAP, LINE, PAD, PLOT_HEIGHT};
use super::legend::Legend;
use super::scale::{Linear, Ticks, axis_ticks};
use super::text::{max_width, one_line, text_width, wrap};
use super::words;

/// How categories are spread along the plot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Spacing {
    /// Each category has an equal slot and sits in its middle (bars).
    Slots,
    /// The first and last categories sit near the plot edges (lines), so the line fills the plot.
    Edges,
}

/// What a kind asks of the frame.
#[derive(Clone, Debug)]
pub(crate) struct FrameSpec {
    /// The smallest value to show.
    pub min: f64,
    /// The largest value to show.
    pub max: f64,
    /// Whether the value axis must reach zero.
    pub include_zero: bool,
    /// Legend items (name and colour); empty for no legend.
    pub legend: Vec<(String, Rgb)>,
    /// How many of the last legend items are lines (a combo chart's), keyed by a stroke and marker.
    pub legend_lines: usize,
    /// Room kept right of the plot (for direct labels).
    pub right: f64,
    /// Room kept above the plot (for value labels).
    pub above: f64,
    /// Room kept below the plot before the category labels (for value labels under negative bars).
    pub below: f64,
    /// How categories are spread.
    pub spacing: Spacing,
    /// With [`Spacing::Edges`], how far the end points must stay from the plot edges (for labels centred on
    /// them); the category labels are taken into account by the frame itself.
    pub end_room: f64,
    /// Ticks chosen by the kind (a combo chart's, aligned with its right axis) instead of from `min`..`max`.
    pub ticks: Option<Ticks>,
    /// A title over the right end of the plot (a combo chart's right axis), right-aligned.
    pub right_title: Option<String>,
}

/// The laid-out frame.
#[derive(Clone, Debug)]
pub(crate) struct Frame {
    /// Left edge of the plot.
    pub left: f64,
    /// Right edge of the plot.
    pub right: f64,
    /// Top of the plot (the highest tick).
    pub top: f64,
    /// Bottom of the plot (the lowest tick).
    pub bottom: f64,
    /// The ticks of the value axis.
    pub ticks: Ticks,
    /// Value to y.
    pub y: Linear,
    /// The x of each category.
    pub centres: Vec<f64>,
    /// The distance between categories (the slot width for bars).
    pub pitch: f64,
    /// The height of the whole chart.
    pub height: f64,
    tick_labels: Vec<String>,
    legend: Legend,
    title: Vec<String>,
    title_top: f64,
    right_title: Vec<String>,
    right_title_top: f64,
    categories: CategoryLabels,
    categories_top: f64,
    category_title: Vec<String>,
    category_title_top: f64,
}

impl Frame {
    /// Lays the frame out for `ctx`'s chart.
    pub(super) fn layout(ctx: &Ctx<'_>, spec: &FrameSpec) -> Frame {
        let lh = FONT * LINE;
        let ticks = spec
            .ticks
            .clone()
            .unwrap_or_else(|| axis_ticks(spec.min, spec.max, spec.include_zero, 6, ctx.whole()));
        let tick_labels: Vec<String> = ticks.values.iter().map(|&v| ctx.number(v)).collect();
        let left = PAD + max_width(&tick_labels, FONT) + LABEL_GAP + 2.0;
        let right = (ctx.width - PAD - spec.right).max(left + 40.0);

        let mut y = PAD;
        let legend = Legend::layout(&spec.legend, PAD, y, ctx.width - 2.0 * PAD)
            .with_lines(spec.legend_lines);
        if legend.height > 0.0 {
            y += legend.height + 10.0;
        }
        let full = ctx.width - 2.0 * PAD;
        let title_of = |t: &str, width: f64| wrap(t, width, FONT).lines;
        let left_title = words::value_axis_title(ctx.chart, ctx.lang);
        // The two axis titles share a row when both fit on one line side by side, else the right one follows.
        let side_by_side = match (&left_title, &spec.right_title) {
            (Some(l), Some(r)) => text_width(l, FONT) + text_width(r, FONT) + 2.0 * GAP <= full,
            _ => false,
        };
        let title = left_title.map(|t| title_of(&t, full)).unwrap_or_default();
        let right_title = spec
            .right_title
            .as_ref()
            .map(|t| title_of(t, full))
            .unwrap_or_default();
        let title_top = y;
        let title_rows = if side_by_side {
            title.len().max(right_title.len())
        } else {
            title.len() + right_title.len()
        };
        let right_title_top = if side_by_side {
            y
        } else {
            y + title.len() as f64 * lh
        };
        if title_rows > 0 {
            y += title_rows as f64 * lh + 4.0;
        }
        let top = y + spec.above.max(FONT / 2.0 + 2.0);
        let bottom = top + PLOT_HEIGHT;

        let labels = ctx.category_labels();
        // Lines: bring the end points in far enough for their labels to stay inside the plot.
        let inset = [labels.first(), labels.last()]
            .into_iter()
            .flatten()
            .map(|l| text_width(&one_line(l), FONT) / 2.0 + GAP / 2.0)
            .fold(spec.end_room.max(28.0), f64::max);
        let (centres, pitch) = centres(labels.len(), left, right, spec.spacing, inset);
        let room = match spec.spacing {
            Spacing::Slots => pitch,
            Spacing::Edges => pitch.min(2.0 * (centres.first().copied().unwrap_or(left) - left)),
        };
        let categories = CategoryLabels::fit(&labels, room, ctx.min_font);
        let categories_top = bottom + spec.below.max(FONT / 2.0) + LABEL_GAP;
        y = categories_top + categories.height;

        let category_title = ctx
            .chart
            .category_title
            .as_ref()
            .map(|t| wrap(&one_line(t.get(ctx.lang)), right - left, FONT).lines)
            .unwrap_or_default();
        let category_title_top = y + LABEL_GAP;
        if !category_title.is_empty() {
            y = category_title_top + category_title.len() as f64 * lh;
        }

        Frame {
            left,
            right,
            top,
            bottom,
            y: Linear::new(ticks.lo, ticks.hi, bottom, top),
            ticks,
            centres,
            pitch,
            height: (y + PAD).ceil(),
            tick_labels,
            legend,
            title,
            title_top,
            right_title,
            right_title_top,
            categories,
            categories_top,
            category_title,
            category_title_top,
        }
    }

    /// The y of the value axis' base: zero when the axis spans it, else the bottom of the plot.
    pub(super) fn base(&self) -> f64 {
        if self.ticks.spans_zero() {
            self.y.map(0.0)
        } else {
            self.bottom
        }
    }

    /// Horizontal grid lines at the ticks.
    pub(super) fn draw_grid(&self, canvas: &mut Canvas, layer: LayerId, ctx: &Ctx<'_>) {
        for &t in &self.ticks.values {
            let y = self.y.map(t);
            canvas.push(
                layer,
                Shape::Path {
                    points: vec![(self.left, y), (self.right, y)],
                    colour: ctx.paint.grid,
                    width: 1,
                },
            );
        }
    }

    /// The zero line (or the bottom axis line when zero is off the axis), drawn over the data.
    pub(super) fn draw_axis(&self, canvas: &mut Canvas, layer: LayerId, ctx: &Ctx<'_>) {
        let y = self.base();
        canvas.push(
            layer,
            Shape::Path {
                points: vec![(self.left, y), (self.right, y)],
                colour: ctx.paint.axis,
                width: 1,
            },
        );
    }

    /// Tick labels, legend, axis titles and category labels.
    pub(super) fn draw_labels(&self, canvas: &mut Canvas, layer: LayerId, ctx: &Ctx<'_>) {
        let lh = FONT * LINE;
        let text = ctx.paint.text;
        for (&t, label) in self.ticks.values.iter().zip(&self.tick_labels) {
            canvas.text(
                layer,
                Label::new(
                    self.left - LABEL_GAP,
                    self.y.map(t),
                    label.clone(),
                    FONT,
                    Anchor::End,
                    text,
                ),
            );
        }
        self.legend.draw(canvas, layer, text);
        for (i, line) in self.title.iter().enumerate() {
            let y = self.title_top + (i as f64 + 0.5) * lh;
            canvas.text(
                layer,
                Label::new(PAD, y, line.clone(), FONT, Anchor::Start, text),
            );
        }
        for (i, line) in self.right_title.iter().enumerate() {
            let y = self.right_title_top + (i as f64 + 0.5) * lh;
            canvas.text(
                layer,
                Label::new(ctx.width - PAD, y, line.clone(), FONT, Anchor::End, text),
            );
        }
        self.categories
            .draw(canvas, layer, &self.centres, self.categories_top, text);
        let mid = (self.left + self.right) / 2.0;
        for (i, line) in self.category_title.iter().enumerate() {
            let y = self.category_title_top + (i as f64 + 0.5) * lh;
            canvas.text(
                layer,
                Label::new(mid, y, line.clone(), FONT, Anchor::Middle, text),
            );
        }
    }
}

/// The x of each of `n` categories between `left` and `right`, and the distance between them. With
/// [`Spacing::Edges`] the end points are `inset` in from the edges, but never further than equal slots put them.
pub(crate) fn centres(
    n: usize,
    left: f64,
    right: f64,
    spacing: Spacing,
    inset: f64,
) -> (Vec<f64>, f64) {
    let width = right - left;
    if n == 0 {
        return (Vec::new(), width);
    }
    match spacing {
        Spacing::Edges if n > 1 => {
            let inset = (width / (2.0 * n as f64)).min(inset);
            let pitch = (width - 2.0 * inset) / (n - 1) as f64;
            (
                (0..n).map(|i| left + inset + i as f64 * pitch).collect(),
                pitch,
            )
        }
        _ => {
            let pitch = width / n as f64;
            (
                (0..n).map(|i| left + (i as f64 + 0.5) * pitch).collect(),
                pitch,
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_and_edges() {
        let (c, p) = centres(4, 0.0, 400.0, Spacing::Slots, 28.0);
        assert_eq!((c, p), (vec![50.0, 150.0, 250.0, 350.0], 100.0));
        let (c, p) = centres(3, 0.0, 456.0, Spacing::Edges, 28.0);
        assert_eq!((c, p), (vec![28.0, 228.0, 428.0], 200.0));
        let (c, p) = centres(2, 0.0, 400.0, Spacing::Edges, 500.0);
        assert_eq!((c, p), (vec![100.0, 300.0], 200.0));
        let (c, _) = centres(1, 0.0, 400.0, Spacing::Edges, 28.0);
        assert_eq!(c, vec![200.0]);
        assert!(centres(0, 0.0, 400.0, Spacing::Slots, 28.0).0.is_empty());
    }
}
