//! Horizontal bars: categories down the left, values along the bottom. Long labels read well here: they wrap
//! into a column at most 36% of the width, and a category's row grows to hold its lines, so the chart's height
//! grows with the number of categories and the length of their labels.
//!
//! From the top: legend (several series), the category-axis title over the label column, the rows, tick labels
//! and the value-axis title centred under the plot. Value labels sit after the end of each bar (before it for
//! negative values); the plot leaves room for them on both sides. The number of ticks is lowered until the tick
//! labels (which may be long, `1,000,000,000,000`) fit side by side.

use super::Ctx;
use super::canvas::{Anchor, Canvas, Label, LayerId, Rgb, Shape};
use super::layout::{FONT, LABEL_GAP, LINE, PAD, SMALL};
use super::legend::Legend;
use super::scale::{Linear, Ticks, axis_ticks};
use super::text::{max_width, one_line, text_width, wrap};
use super::words;

/// The widest the label column may be, as a share of the width.
const LABEL_COLUMN: f64 = 0.36;

/// Draws a horizontal bar chart.
pub(crate) fn draw(ctx: &Ctx<'_>) -> Canvas {
    let layout = Layout::new(ctx);
    let mut canvas = Canvas::new(ctx.width);
    canvas.height = layout.height;
    let layers = Layers {
        grid: canvas.layer("grid", Vec::new()),
        bars: canvas.layer("bars", Vec::new()),
        axis: canvas.layer("axis", Vec::new()),
        labels: canvas.layer("labels", Vec::new()),
        values: canvas.layer("values", Vec::new()),
    };
    let text = ctx.paint.text;
    layout.draw_axis(ctx, &mut canvas, &layers);
    layout.draw_rows(ctx, &mut canvas, &layers);
    layout.legend.draw(&mut canvas, layers.labels, text);
    layout.category_title.draw(&mut canvas, layers.labels, text);
    layout.value_title.draw(&mut canvas, layers.labels, text);
    canvas
}

/// The layers of the chart, bottom first.
struct Layers {
    grid: LayerId,
    bars: LayerId,
    axis: LayerId,
    labels: LayerId,
    values: LayerId,
}

/// Where everything goes.
struct Layout {
    /// The category labels, wrapped to the label column.
    column: LabelColumn,
    /// The value axis along the bottom.
    axis: ValueAxis,
    /// The thickness of one bar.
    bar: f64,
    /// The height of a category's bars together (one per series, 2 units apart).
    group: f64,
    legend: Legend,
    category_title: Title,
    /// The top and height of each category's row.
    rows: Vec<(f64, f64)>,
    /// The top of the first row.
    top: f64,
    /// The bottom of the last row.
    bottom: f64,
    /// The centre line of the tick labels.
    ticks_y: f64,
    value_title: Title,
    /// The height of the whole chart.
    height: f64,
}

impl Layout {
    /// Lays the chart out from the top: legend, category-axis title, rows, tick labels, value-axis title.
    fn new(ctx: &Ctx<'_>) -> Layout {
        let lh = FONT * LINE;
        let series = ctx.chart.series.len();
        let column = LabelColumn::new(ctx);
        let axis = ValueAxis::new(ctx, column.right + 10.0);
        let bar = if series == 1 { 20.0 } else { 14.0 };
        let group = series as f64 * bar + series.saturating_sub(1) as f64 * 2.0;

        let mut y = PAD;
        let legend = Legend::layout(&ctx.legend_items(), PAD, y, ctx.width - 2.0 * PAD);
        if legend.height > 0.0 {
            y += legend.height + 10.0;
        }
        let category_title = Title {
            lines: ctx
                .chart
                .category_title
                .as_ref()
                .map(|t| wrap(&one_line(t.get(ctx.lang)), ctx.width - 2.0 * PAD, FONT).lines)
                .unwrap_or_default(),
            x: PAD,
            top: y,
            anchor: Anchor::Start,
        };
        if !category_title.lines.is_empty() {
            y += category_title.lines.len() as f64 * lh + 4.0;
        }
        let top = y + 4.0;
        let (rows, bottom) = rows(&column.lines, group, top);
        let ticks_y = bottom + LABEL_GAP + lh / 2.0;
        y = bottom + LABEL_GAP + lh;
        let value_title = value_title(ctx, &axis, y + LABEL_GAP);
        if !value_title.lines.is_empty() {
            y = value_title.top + value_title.lines.len() as f64 * lh;
        }
        Layout {
            column,
            axis,
            bar,
            group,
            legend,
            category_title,
            rows,
            top,
            bottom,
            ticks_y,
            value_title,
            height: (y + PAD).ceil(),
        }
    }

    /// A grid line and a label per tick, and the zero line.
    fn draw_axis(&self, ctx: &Ctx<'_>, canvas: &mut Canvas, layers: &Layers) {
        let x = &self.axis.x;
        for (&t, label) in self.axis.ticks.values.iter().zip(&self.axis.labels) {
            let tx = x.map(t);
            canvas.push(
                layers.grid,
                Shape::Path {
                    points: vec![(tx, self.top), (tx, self.bottom)],
                    colour: ctx.paint.grid,
                    width: 1,
                },
            );
            canvas.text(
                layers.labels,
                Label::new(
                    tx,
                    self.ticks_y,
                    label.clone(),
                    FONT,
                    Anchor::Middle,
                    ctx.paint.text,
                ),
            );
        }
        let zero = x.map(0.0);
        canvas.push(
            layers.axis,
            Shape::Path {
                points: vec![(zero, self.top), (zero, self.bottom)],
                colour: ctx.paint.axis,
                width: 1,
            },
        );
    }

    /// Each category's row: its label, centred on the row, and its bars.
    fn draw_rows(&self, ctx: &Ctx<'_>, canvas: &mut Canvas, layers: &Layers) {
        let lh = FONT * LINE;
        for (i, &(row_top, row_h)) in self.rows.iter().enumerate() {
            let centre = row_top + row_h / 2.0;
            let lines = &self.column.lines[i];
            let k = lines.len() as f64;
            for (j, line) in lines.iter().enumerate() {
                let ly = centre + (j as f64 - (k - 1.0) / 2.0) * lh;
                canvas.text(
                    layers.labels,
                    Label::new(
                        self.column.right,
                        ly,
                        line.clone(),
                        FONT,
                        Anchor::End,
                        ctx.paint.text,
                    ),
                );
            }
            self.draw_bars(ctx, canvas, layers, i, centre);
        }
    }

    /// Category `i`'s bars, one per series, around the row centre line `centre`; each with its value after
    /// its end (before it for a negative value).
    fn draw_bars(
        &self,
        ctx: &Ctx<'_>,
        canvas: &mut Canvas,
        layers: &Layers,
        i: usize,
        centre: f64,
    ) {
        let zero = self.axis.x.map(0.0);
        for j in 0..ctx.chart.series.len() {
            let v = ctx.value(j, i);
            let b0 = centre - self.group / 2.0 + j as f64 * (self.bar + 2.0);
            let end = self.axis.x.map(v);
            if (end - zero).abs() >= 1.0 {
                canvas.push(
                    layers.bars,
                    Shape::Rect {
                        from: (zero.min(end), b0),
                        to: (zero.max(end), b0 + self.bar),
                        fill: ctx.paint.series(j),
                    },
                );
            }
            let (lx, anchor) = if v < 0.0 {
                (end - 4.0, Anchor::End)
            } else {
                (end + 4.0, Anchor::Start)
            };
            canvas.text(
                layers.values,
                Label::new(
                    lx,
                    b0 + self.bar / 2.0,
                    ctx.number(v),
                    SMALL,
                    anchor,
                    ctx.paint.text,
                ),
            );
        }
    }
}

/// The rows of the categories from `top` down, each tall enough for its bars and its label's lines; and the
/// bottom of the last.
fn rows(labels: &[Vec<String>], group: f64, top: f64) -> (Vec<(f64, f64)>, f64) {
    let lh = FONT * LINE;
    let mut rows = Vec::with_capacity(labels.len());
    let mut y = top;
    for lines in labels {
        let h = (group + 12.0).max(lines.len() as f64 * lh + 8.0);
        rows.push((y, h));
        y += h;
    }
    (rows, y)
}

/// The label column: the category labels wrapped into lines, right-aligned on its right edge.
struct LabelColumn {
    /// Each category's label, wrapped.
    lines: Vec<Vec<String>>,
    /// The right edge of the labels.
    right: f64,
}

impl LabelColumn {
    /// The labels wrapped to their natural width, kept between two characters and [`LABEL_COLUMN`].
    fn new(ctx: &Ctx<'_>) -> LabelColumn {
        let labels = ctx.category_labels();
        let natural = labels
            .iter()
            .flat_map(|l| l.lines().map(str::to_string).collect::<Vec<_>>())
            .map(|l| text_width(&l, FONT))
            .fold(0.0, f64::max);
        let column = natural.clamp(FONT * 2.0, LABEL_COLUMN * ctx.width);
        let lines: Vec<Vec<String>> = labels.iter().map(|l| wrap(l, column, FONT).lines).collect();
        let right = PAD + lines.iter().map(|l| max_width(l, FONT)).fold(0.0, f64::max);
        LabelColumn { lines, right }
    }
}

/// The value axis: its ticks with their labels, and where values go.
struct ValueAxis {
    ticks: Ticks,
    /// The tick labels.
    labels: Vec<String>,
    /// Value to x.
    x: Linear,
    /// The left end of the axis.
    x0: f64,
    /// The right end of the axis.
    x1: f64,
}

impl ValueAxis {
    /// The value axis from `plot_left` to the right edge, with room for the value labels at both ends.
    fn new(ctx: &Ctx<'_>, plot_left: f64) -> ValueAxis {
        let (min, max) = ctx.extent();
        let neg_room = value_label_room(ctx, |v| v < 0.0);
        let pos_room = value_label_room(ctx, |v| v >= 0.0);
        let x0 = plot_left + neg_room;
        let (ticks, labels, x1) = fit_ticks(ctx, min, max, x0, pos_room);
        let x = Linear::new(ticks.lo, ticks.hi, x0, x1);
        ValueAxis {
            ticks,
            labels,
            x,
            x0,
            x1,
        }
    }
}

/// The room the widest value label (with its gap from the bar) takes among the values `keep` selects.
fn value_label_room(ctx: &Ctx<'_>, keep: fn(f64) -> bool) -> f64 {
    let n = ctx.categories();
    (0..ctx.chart.series.len())
        .flat_map(|j| (0..n).map(move |i| (j, i)))
        .map(|(j, i)| ctx.value(j, i))
        .filter(|&v| keep(v))
        .map(|v| text_width(&ctx.number(v), SMALL) + 6.0)
        .fold(0.0, f64::max)
}

/// The value-axis title with its unit, centred under the axis from `top` down, wrapped so that it stays
/// inside the chart.
fn value_title(ctx: &Ctx<'_>, axis: &ValueAxis, top: f64) -> Title {
    let mid = (axis.x0 + axis.x1) / 2.0;
    let title_width = 2.0 * (mid - PAD).min(ctx.width - PAD - mid);
    Title {
        lines: words::value_axis_title(ctx.chart, ctx.lang)
            .map(|t| wrap(&t, title_width, FONT).lines)
            .unwrap_or_default(),
        x: mid,
        top,
        anchor: Anchor::Middle,
    }
}

/// An axis title: its lines from `top` down, hanging on `x` by `anchor`.
struct Title {
    lines: Vec<String>,
    x: f64,
    top: f64,
    anchor: Anchor,
}

impl Title {
    fn draw(&self, canvas: &mut Canvas, layer: LayerId, colour: Rgb) {
        let lh = FONT * LINE;
        for (i, line) in self.lines.iter().enumerate() {
            let ly = self.top + (i as f64 + 0.5) * lh;
            canvas.text(
                layer,
                Label::new(self.x, ly, line.clone(), FONT, self.anchor, colour),
            );
        }
    }
}

/// The ticks, their labels and the right end of the axis: as many ticks as fit side by side (at most 7).
fn fit_ticks(
    ctx: &Ctx<'_>,
    min: f64,
    max: f64,
    x0: f64,
    pos_room: f64,
) -> (Ticks, Vec<String>, f64) {
    let mut best = None;
    for intervals in (1..=6).rev() {
        let ticks = axis_ticks(min, max, true, intervals, ctx.whole());
        let labels: Vec<String> = ticks.values.iter().map(|&v| ctx.number(v)).collect();
        let widest = max_width(&labels, FONT);
        let last = labels.last().map_or(0.0, |l| text_width(l, FONT));
        let x1 = (ctx.width - PAD - pos_room.max(last / 2.0)).max(x0 + 40.0);
        let spacing = (x1 - x0) / (ticks.values.len().max(2) - 1) as f64;
        let fits = spacing >= widest + 8.0;
        best = Some((ticks, labels, x1));
        if fits {
            break;
        }
    }
    best.unwrap_or_else(|| {
        let ticks = axis_ticks(min, max, true, 1, ctx.whole());
        let labels = ticks.values.iter().map(|&v| ctx.number(v)).collect();
        (ticks, labels, ctx.width - PAD)
    })
}
