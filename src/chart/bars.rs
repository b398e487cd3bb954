//! Vertical bars: grouped side by side (`bar`) or stacked (`stacked`), on the frame of [`super::frame`].
//!
//! Bars are drawn one `Rectangle` per bar in data order (never plotters' `Histogram`, whose order is not
//! deterministic) from the zero line, so negative values hang below it. Each group takes 60% (one series) or 80%
//! of its slot. Value labels sit above a bar (below a negative one) when every label fits its bar's width at 11
//! units, else at 10 units, each label only if it fits. Stacked segments carry their value inside when the
//! segment is tall and wide enough, in white or dark text, whichever reads better on the segment's colour, and
//! a 1-unit gap separates segments so they stay apart in greyscale; the stack's net total goes above it (below it when negative).

use super::Ctx;
use super::canvas::{Anchor, Canvas, Label, LayerId, Shape};
use super::frame::{Frame, FrameSpec, Spacing};
use super::layout::{LINE, SMALL, VALUE_ROOM};
use super::text::text_width;

/// How the series of a bar chart stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Bars {
    /// Side by side.
    Grouped,
    /// On each other, with the total above.
    Stacked,
    /// On each other as shares of 100 % (the values are already per cent), without totals.
    Share,
}

/// Draws a bar chart, stacked or grouped.
pub(crate) fn draw(ctx: &Ctx<'_>, bars_kind: Bars) -> Canvas {
    let (min, max) = match bars_kind {
        Bars::Grouped => ctx.extent(),
        Bars::Stacked => stacked_extent(ctx),
        Bars::Share => (0.0, 100.0),
    };
    let frame = Frame::layout(
        ctx,
        &FrameSpec {
            min,
            max,
            include_zero: true,
            legend: ctx.legend_items(),
            right: 0.0,
            above: VALUE_ROOM,
            below: if min < 0.0 { VALUE_ROOM } else { 0.0 },
            spacing: Spacing::Slots,
            end_room: 0.0,
            ticks: None,
            legend_lines: 0,
            right_title: None,
        },
    );
    let mut canvas = Canvas::new(ctx.width);
    canvas.height = frame.height;
    let grid = canvas.layer("grid", Vec::new());
    let bars = canvas.layer("bars", Vec::new());
    let axis = canvas.layer("axis", Vec::new());
    let labels = canvas.layer("labels", Vec::new());
    let values = canvas.layer("values", Vec::new());
    frame.draw_grid(&mut canvas, grid, ctx);
    match bars_kind {
        Bars::Grouped => draw_grouped(ctx, &frame, &mut canvas, bars, values),
        Bars::Stacked => draw_stacked(ctx, &frame, &mut canvas, bars, values, true),
        Bars::Share => draw_stacked(ctx, &frame, &mut canvas, bars, values, false),
    }
    frame.draw_axis(&mut canvas, axis, ctx);
    frame.draw_labels(&mut canvas, labels, ctx);
    canvas
}

/// The lowest sum of negative values and the highest sum of positive values over the categories.
fn stacked_extent(ctx: &Ctx<'_>) -> (f64, f64) {
    let (mut min, mut max) = (0.0f64, 0.0f64);
    for i in 0..ctx.categories() {
        let (neg, pos) = stack_sums(ctx, i);
        min = min.min(neg);
        max = max.max(pos);
    }
    (min, max)
}

fn stack_sums(ctx: &Ctx<'_>, i: usize) -> (f64, f64) {
    let (mut neg, mut pos) = (0.0, 0.0);
    for j in 0..ctx.chart.series.len() {
        let v = ctx.value(j, i);
        if v < 0.0 {
            neg += v;
        } else {
            pos += v;
        }
    }
    (neg, pos)
}

fn rect(
    canvas: &mut Canvas,
    layer: LayerId,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
    fill: super::canvas::Rgb,
) {
    if (y0.round() - y1.round()).abs() >= 1.0 && x1 - x0 >= 0.5 {
        canvas.push(
            layer,
            Shape::Rect {
                from: (x0, y0),
                to: (x1, y1),
                fill,
            },
        );
    }
}

/// The centre line of a value label next to the end of a bar at `end` (above it for positive values).
fn label_y(end: f64, positive: bool) -> f64 {
    let half = SMALL * LINE / 2.0 + 1.0;
    if positive { end - half } else { end + half }
}

pub(super) fn draw_grouped(
    ctx: &Ctx<'_>,
    frame: &Frame,
    canvas: &mut Canvas,
    bars: LayerId,
    values: LayerId,
) {
    let series = ctx.chart.series.len().max(1);
    let share = if series == 1 { 0.6 } else { 0.8 };
    let cap = if series == 1 { 80.0 } else { 48.0 };
    let bar_w = (frame.pitch * share / series as f64).min(cap);
    let gap = if bar_w >= 8.0 { 1.0 } else { 0.0 };
    let room = if series == 1 {
        frame.pitch - 4.0
    } else {
        bar_w + 2.0
    };
    let base = frame.base();

    let all: Vec<(usize, usize, f64)> = (0..ctx.categories())
        .flat_map(|i| (0..ctx.chart.series.len()).map(move |j| (i, j)))
        .map(|(i, j)| (i, j, ctx.value(j, i)))
        .collect();
    let size = if all
        .iter()
        .all(|&(_, _, v)| text_width(&ctx.number(v), SMALL) <= room)
    {
        SMALL
    } else {
        ctx.min_font.max(10.0)
    };
    for &(i, j, v) in &all {
        let x0 = frame.centres[i] - bar_w * series as f64 / 2.0 + j as f64 * bar_w;
        let end = frame.y.map(v);
        rect(
            canvas,
            bars,
            x0 + gap,
            x0 + bar_w - gap,
            end,
            base,
            ctx.paint.series(j),
        );
        let text = ctx.number(v);
        if text_width(&text, size) <= room {
            canvas.text(
                values,
                Label::new(
                    x0 + bar_w / 2.0,
                    label_y(end, v >= 0.0),
                    text,
                    size,
                    Anchor::Middle,
                    ctx.paint.text,
                ),
            );
        }
    }
}

fn draw_stacked(
    ctx: &Ctx<'_>,
    frame: &Frame,
    canvas: &mut Canvas,
    bars: LayerId,
    values: LayerId,
    totals: bool,
) {
    let series = ctx.chart.series.len();
    let bar_w = (frame.pitch * 0.6).min(80.0);
    for i in 0..ctx.categories() {
        let cx = frame.centres[i];
        let (x0, x1) = (cx - bar_w / 2.0, cx + bar_w / 2.0);
        let (mut pos, mut neg) = (0.0, 0.0);
        for j in 0..series {
            let v = ctx.value(j, i);
            let from = if v < 0.0 { neg } else { pos };
            let to = from + v;
            if v < 0.0 {
                neg = to;
            } else {
                pos = to;
            }
            let (ya, yb) = (frame.y.map(from), frame.y.map(to));
            // A 1-unit gap from the segment below (above, for negative values) keeps segments apart.
            let ya_gap = match (from == 0.0, v < 0.0) {
                (true, _) => ya,
                (false, true) => ya + 1.0,
                (false, false) => ya - 1.0,
            };
            let fill = ctx.paint.series(j);
            rect(canvas, bars, x0, x1, ya_gap, yb, fill);
            let text = ctx.number(v);
            let fits = (ya - yb).abs() >= SMALL + 4.0 && text_width(&text, SMALL) <= bar_w - 4.0;
            if fits && series > 1 {
                canvas.text(
                    values,
                    Label::new(
                        cx,
                        (ya + yb) / 2.0,
                        text,
                        SMALL,
                        Anchor::Middle,
                        ctx.paint.label_on(fill),
                    ),
                );
            }
        }
        // The net total above the stack (below it when negative); with one series, the value.
        if !totals {
            continue;
        }
        let (neg, pos) = stack_sums(ctx, i);
        let total = neg + pos;
        let text = ctx.number(total);
        if text_width(&text, SMALL) <= frame.pitch - 4.0 {
            let positive = total >= 0.0;
            let end = frame.y.map(if positive { pos } else { neg });
            canvas.text(
                values,
                Label::new(
                    cx,
                    label_y(end, positive),
                    text,
                    SMALL,
                    Anchor::Middle,
                    ctx.paint.text,
                ),
            );
        }
    }
}
