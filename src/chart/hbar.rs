//! Horizontal bars: categories down the left, values along the bottom. Long labels read well here: they wrap
//! into a column at most 36% of the width, and a category's row grows to hold its lines, so the chart's height
//! grows with the number of categories and the length of their labels.
//!
//! From the top: legend (several series), the category-axis title over the label column, the rows, tick labels
//! and the value-axis title centred under the plot. Value labels sit after the end of each bar (before it for
//! negative values); the plot leaves room for them on both sides. The number of ticks is lowered until the tick
//! labels (which may be long, `1,000,000,000,000`) fit side by side.

use super::Ctx;
use super::canvas::{Anchor, Canvas, Label, Shape};
use super::layout::{FONT, LABEL_GAP, LINE, PAD, SMALL, WIDTH};
use super::legend::Legend;
use super::scale::{Linear, Ticks, axis_ticks};
use super::text::{max_width, one_line, text_width, wrap};
use super::words;

/// The widest the label column may be.
const LABEL_COLUMN: f64 = WIDTH * 0.36;

/// Draws a horizontal bar chart.
pub(crate) fn draw(ctx: &Ctx<'_>) -> Canvas {
    let lh = FONT * LINE;
    let series = ctx.chart.series.len();
    let n = ctx.categories();
    let text = ctx.paint.text;

    // The label column.
    let labels = ctx.category_labels();
    let natural = labels
        .iter()
        .flat_map(|l| l.lines().map(str::to_string).collect::<Vec<_>>())
        .map(|l| text_width(&l, FONT))
        .fold(0.0, f64::max);
    let column = natural.clamp(FONT * 2.0, LABEL_COLUMN);
    let wrapped: Vec<Vec<String>> = labels.iter().map(|l| wrap(l, column, FONT).lines).collect();
    let label_right = PAD
        + wrapped
            .iter()
            .map(|l| max_width(l, FONT))
            .fold(0.0, f64::max);
    let plot_left = label_right + 10.0;

    // The value axis, with room for the value labels at both ends.
    let (min, max) = ctx.extent();
    let widths = |keep: fn(f64) -> bool| {
        (0..series)
            .flat_map(|j| (0..n).map(move |i| (j, i)))
            .map(|(j, i)| ctx.value(j, i))
            .filter(|&v| keep(v))
            .map(|v| text_width(&ctx.number(v), SMALL) + 6.0)
            .fold(0.0, f64::max)
    };
    let neg_room = widths(|v| v < 0.0);
    let pos_room = widths(|v| v >= 0.0);
    let x0 = plot_left + neg_room;
    let (ticks, tick_labels, x1) = fit_ticks(ctx, min, max, x0, pos_room);
    let x = Linear::new(ticks.lo, ticks.hi, x0, x1);

    // Rows, top to bottom.
    let bar_t = if series == 1 { 20.0 } else { 14.0 };
    let group_h = series as f64 * bar_t + series.saturating_sub(1) as f64 * 2.0;
    let mut y = PAD;
    let legend = Legend::layout(&ctx.legend_items(), PAD, y, WIDTH - 2.0 * PAD);
    if legend.height > 0.0 {
        y += legend.height + 10.0;
    }
    let category_title = ctx
        .chart
        .category_title
        .as_ref()
        .map(|t| wrap(&one_line(t.get(ctx.lang)), WIDTH - 2.0 * PAD, FONT).lines)
        .unwrap_or_default();
    let category_title_top = y;
    if !category_title.is_empty() {
        y += category_title.len() as f64 * lh + 4.0;
    }
    let top = y + 4.0;
    let mut rows = Vec::with_capacity(n);
    y = top;
    for lines in &wrapped {
        let h = (group_h + 12.0).max(lines.len() as f64 * lh + 8.0);
        rows.push((y, h));
        y += h;
    }
    let bottom = y;
    let ticks_y = bottom + LABEL_GAP + lh / 2.0;
    y = bottom + LABEL_GAP + lh;
    let mid = (x0 + x1) / 2.0;
    let title_width = 2.0 * (mid - PAD).min(WIDTH - PAD - mid);
    let value_title = words::value_axis_title(ctx.chart, ctx.lang)
        .map(|t| wrap(&t, title_width, FONT).lines)
        .unwrap_or_default();
    let value_title_top = y + LABEL_GAP;
    if !value_title.is_empty() {
        y = value_title_top + value_title.len() as f64 * lh;
    }

    let mut canvas = Canvas::new(WIDTH);
    canvas.height = (y + PAD).ceil();
    let grid = canvas.layer("grid", Vec::new());
    let bars = canvas.layer("bars", Vec::new());
    let axis = canvas.layer("axis", Vec::new());
    let label_layer = canvas.layer("labels", Vec::new());
    let values = canvas.layer("values", Vec::new());

    for (&t, label) in ticks.values.iter().zip(&tick_labels) {
        let tx = x.map(t);
        canvas.push(
            grid,
            Shape::Path {
                points: vec![(tx, top), (tx, bottom)],
                colour: ctx.paint.grid,
                width: 1,
            },
        );
        canvas.text(
            label_layer,
            Label::new(tx, ticks_y, label.clone(), FONT, Anchor::Middle, text),
        );
    }
    let zero = x.map(0.0);
    canvas.push(
        axis,
        Shape::Path {
            points: vec![(zero, top), (zero, bottom)],
            colour: ctx.paint.axis,
            width: 1,
        },
    );

    for (i, &(row_top, row_h)) in rows.iter().enumerate() {
        let centre = row_top + row_h / 2.0;
        let lines = &wrapped[i];
        let k = lines.len() as f64;
        for (j, line) in lines.iter().enumerate() {
            let ly = centre + (j as f64 - (k - 1.0) / 2.0) * lh;
            canvas.text(
                label_layer,
                Label::new(label_right, ly, line.clone(), FONT, Anchor::End, text),
            );
        }
        for j in 0..series {
            let v = ctx.value(j, i);
            let b0 = centre - group_h / 2.0 + j as f64 * (bar_t + 2.0);
            let end = x.map(v);
            if (end - zero).abs() >= 1.0 {
                canvas.push(
                    bars,
                    Shape::Rect {
                        from: (zero.min(end), b0),
                        to: (zero.max(end), b0 + bar_t),
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
                values,
                Label::new(lx, b0 + bar_t / 2.0, ctx.number(v), SMALL, anchor, text),
            );
        }
    }

    legend.draw(&mut canvas, label_layer, text);
    for (i, line) in category_title.iter().enumerate() {
        let ly = category_title_top + (i as f64 + 0.5) * lh;
        canvas.text(
            label_layer,
            Label::new(PAD, ly, line.clone(), FONT, Anchor::Start, text),
        );
    }
    for (i, line) in value_title.iter().enumerate() {
        let ly = value_title_top + (i as f64 + 0.5) * lh;
        canvas.text(
            label_layer,
            Label::new(mid, ly, line.clone(), FONT, Anchor::Middle, text),
        );
    }
    canvas
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
        let ticks = axis_ticks(min, max, true, intervals);
        let labels: Vec<String> = ticks.values.iter().map(|&v| ctx.number(v)).collect();
        let widest = max_width(&labels, FONT);
        let last = labels.last().map_or(0.0, |l| text_width(l, FONT));
        let x1 = (WIDTH - PAD - pos_room.max(last / 2.0)).max(x0 + 40.0);
        let spacing = (x1 - x0) / (ticks.values.len().max(2) - 1) as f64;
        let fits = spacing >= widest + 8.0;
        best = Some((ticks, labels, x1));
        if fits {
            break;
        }
    }
    best.unwrap_or_else(|| {
        let ticks = axis_ticks(min, max, true, 1);
        let labels = ticks.values.iter().map(|&v| ctx.number(v)).collect();
        (ticks, labels, WIDTH - PAD)
    })
}
