//! Lines with markers, one per series, on the frame of [`super::frame`].
//!
//! Series differ in three ways besides colour, so they can be told apart by colour-blind readers and in
//! greyscale print: the marker (circle, square, triangle, diamond), the dash pattern (solid, dashed, dotted,
//! dash-dot; set as `stroke-dasharray` on the series' `<g>`), and a direct label at the end of each line instead
//! of a legend, with the series' marker before its name. Direct labels are moved apart vertically when line ends
//! are close. A single series has no label (the figure caption names it) but shows its values over (under, at a
//! dip) the points when they fit. The value axis starts at zero unless the data sit far from it.

use super::Ctx;
use super::canvas::{Anchor, Canvas, Label, LayerId, Shape};
use super::frame::{Frame, FrameSpec, Spacing};
use super::layout::{FONT, LINE, PAD, SMALL, VALUE_ROOM, WIDTH};
use super::markers::{DASHES, marker};
use super::scale::line_includes_zero;
use super::text::{max_width, text_width, wrap};

/// The widest a direct label may be before it wraps (a seventh of the narrow drawing's width less, on phones).
const DIRECT_WIDTH: f64 = 140.0;
const DIRECT_WIDTH_NARROW: f64 = 96.0;
/// Space from the plot to a direct label's marker, and from the marker to the name.
const DIRECT_GAP: f64 = 10.0;
const MARKER_KEY: f64 = 14.0;
/// The most points whose values are written over them.
const MAX_VALUE_LABELS: usize = 12;

/// Draws a line chart.
pub(crate) fn draw(ctx: &Ctx<'_>) -> Canvas {
    let direct = direct_labels(ctx);
    let values = ValueLabels::plan(ctx);
    let frame = layout(ctx, &direct, &values);
    let mut canvas = Canvas::new(ctx.width);
    canvas.height = frame.height;
    let layers = Layers::new(&mut canvas, ctx.chart.series.len());
    frame.draw_grid(&mut canvas, layers.grid, ctx);
    frame.draw_axis(&mut canvas, layers.axis, ctx);
    let points = points(ctx, &frame);
    draw_lines(ctx, &mut canvas, &layers, &points);
    frame.draw_labels(&mut canvas, layers.labels, ctx);
    if values.show {
        draw_values(ctx, &frame, &mut canvas, layers.values, &points[0]);
    }
    if !direct.is_empty() {
        draw_direct_labels(ctx, &frame, &mut canvas, layers.labels, &direct, &points);
    }
    canvas
}

/// The layers of the chart, bottom first: one per series, so that each can carry its dash pattern.
struct Layers {
    grid: LayerId,
    axis: LayerId,
    lines: Vec<LayerId>,
    markers: LayerId,
    labels: LayerId,
    values: LayerId,
}

impl Layers {
    fn new(canvas: &mut Canvas, series: usize) -> Layers {
        let grid = canvas.layer("grid", Vec::new());
        let axis = canvas.layer("axis", Vec::new());
        let lines = (0..series)
            .map(|j| {
                let mut attrs = vec![("stroke-linejoin", "round".to_string())];
                let dash = DASHES[j % DASHES.len()];
                if !dash.is_empty() {
                    attrs.push(("stroke-dasharray", dash.to_string()));
                }
                canvas.layer(format!("series series-{}", j + 1), attrs)
            })
            .collect();
        Layers {
            grid,
            axis,
            lines,
            markers: canvas.layer("markers", Vec::new()),
            labels: canvas.layer("labels", Vec::new()),
            values: canvas.layer("values", Vec::new()),
        }
    }
}

/// The direct labels (several series): each series' name wrapped to [`DIRECT_WIDTH`]; none for one series.
fn direct_labels(ctx: &Ctx<'_>) -> Vec<Vec<String>> {
    if ctx.chart.series.len() > 1 {
        ctx.series_names()
            .iter()
            .map(|name| {
                let width = if ctx.width < WIDTH {
                    DIRECT_WIDTH_NARROW
                } else {
                    DIRECT_WIDTH
                };
                wrap(name, width, FONT).lines
            })
            .collect()
    } else {
        Vec::new()
    }
}

/// Whether a single series shows its values over the points, and the room they need.
struct ValueLabels {
    /// Whether the values are shown.
    show: bool,
    /// Whether a value goes under its point (at a dip), so the plot needs room under it.
    has_dip: bool,
    /// How far the end points must stay from the plot edges for their values.
    end_room: f64,
}

impl ValueLabels {
    /// Values are shown for a single series of at most [`MAX_VALUE_LABELS`] points.
    fn plan(ctx: &Ctx<'_>) -> ValueLabels {
        let n = ctx.categories();
        let show = ctx.chart.series.len() == 1 && (1..=MAX_VALUE_LABELS).contains(&n);
        let values_of_first: Vec<f64> = (0..n).map(|i| ctx.value(0, i)).collect();
        let has_dip = show && (1..n.saturating_sub(1)).any(|i| is_dip(&values_of_first, i));
        let end_room = if show {
            [0, n - 1]
                .iter()
                .map(|&i| text_width(&ctx.number(ctx.value(0, i)), SMALL) / 2.0 + 2.0)
                .fold(0.0, f64::max)
        } else {
            0.0
        };
        ValueLabels {
            show,
            has_dip,
            end_room,
        }
    }
}

/// The frame, with room right of the plot for the direct labels and above (and under, at a dip) it for the
/// value labels.
fn layout(ctx: &Ctx<'_>, direct: &[Vec<String>], values: &ValueLabels) -> Frame {
    let (min, max) = ctx.extent();
    let right = if direct.is_empty() {
        0.0
    } else {
        DIRECT_GAP
            + MARKER_KEY
            + direct
                .iter()
                .map(|l| max_width(l, FONT))
                .fold(0.0, f64::max)
    };
    let room = VALUE_ROOM + 6.0;
    Frame::layout(
        ctx,
        &FrameSpec {
            min,
            max,
            include_zero: line_includes_zero(min, max),
            legend: Vec::new(),
            right,
            above: room,
            below: if values.has_dip { room } else { 0.0 },
            spacing: Spacing::Edges,
            end_room: values.end_room,
            ticks: None,
            legend_lines: 0,
            right_title: None,
        },
    )
}

/// Each series' points.
fn points(ctx: &Ctx<'_>, frame: &Frame) -> Vec<Vec<(f64, f64)>> {
    (0..ctx.chart.series.len())
        .map(|j| {
            (0..ctx.categories())
                .map(|i| (frame.centres[i], frame.y.map(ctx.value(j, i))))
                .collect()
        })
        .collect()
}

/// Each series' line in its own layer, then the markers of all series over them.
fn draw_lines(ctx: &Ctx<'_>, canvas: &mut Canvas, layers: &Layers, points: &[Vec<(f64, f64)>]) {
    for (j, &layer) in layers.lines.iter().enumerate() {
        canvas.push(
            layer,
            Shape::Path {
                points: points[j].clone(),
                colour: ctx.paint.series(j),
                width: 2,
            },
        );
    }
    for (j, series) in points.iter().enumerate() {
        for &p in series {
            marker(canvas, layers.markers, j, p, ctx.paint.series(j));
        }
    }
}

/// The direct labels right of the plot, each at the height of its line's end, moved apart when they would
/// overlap; each has the series' marker before its name. The chart grows when they reach below it.
fn draw_direct_labels(
    ctx: &Ctx<'_>,
    frame: &Frame,
    canvas: &mut Canvas,
    layer: LayerId,
    direct: &[Vec<String>],
    points: &[Vec<(f64, f64)>],
) {
    let lh = FONT * LINE;
    let ends: Vec<f64> = points
        .iter()
        .map(|line| line.last().map_or(frame.bottom, |p| p.1))
        .collect();
    let heights: Vec<f64> = direct.iter().map(|l| l.len().max(1) as f64 * lh).collect();
    let centres = spread(&ends, &heights, frame.top - 6.0, frame.bottom + 6.0, 2.0);
    let x = frame.right + DIRECT_GAP;
    for (j, lines) in direct.iter().enumerate() {
        let top = centres[j] - heights[j] / 2.0;
        marker(
            canvas,
            layer,
            j,
            (x + 4.0, top + lh / 2.0),
            ctx.paint.series(j),
        );
        for (k, line) in lines.iter().enumerate() {
            let y = top + (k as f64 + 0.5) * lh;
            canvas.text(
                layer,
                Label::new(
                    x + MARKER_KEY,
                    y,
                    line.clone(),
                    FONT,
                    Anchor::Start,
                    ctx.paint.text,
                ),
            );
        }
        canvas.height = canvas.height.max((top + heights[j] + PAD).ceil());
    }
}

/// Values over the points of a single series (under a point lower than both neighbours), when all fit
/// between their neighbours.
fn draw_values(
    ctx: &Ctx<'_>,
    frame: &Frame,
    canvas: &mut Canvas,
    layer: LayerId,
    points: &[(f64, f64)],
) {
    let texts: Vec<String> = (0..points.len())
        .map(|i| ctx.number(ctx.value(0, i)))
        .collect();
    let room = if points.len() > 1 {
        frame.pitch - 4.0
    } else {
        frame.right - frame.left
    };
    if texts.iter().any(|t| text_width(t, SMALL) > room) {
        return;
    }
    let offset = 6.0 + SMALL * LINE / 2.0;
    let values: Vec<f64> = (0..points.len()).map(|i| ctx.value(0, i)).collect();
    for (i, (text, &(x, y))) in texts.into_iter().zip(points).enumerate() {
        let ly = if is_dip(&values, i) {
            y + offset
        } else {
            y - offset
        };
        canvas.text(
            layer,
            Label::new(x, ly, text, SMALL, Anchor::Middle, ctx.paint.text),
        );
    }
}

/// Whether value `i` is lower than both its neighbours (it has two).
fn is_dip(values: &[f64], i: usize) -> bool {
    i > 0 && i + 1 < values.len() && values[i - 1] > values[i] && values[i + 1] > values[i]
}

/// Centres for labels that want to sit at `wanted` with the given `heights`, moved apart so that none overlap
/// (with `gap` between them), kept within `lo..hi` when they can be; the order of the wanted positions is kept.
pub(crate) fn spread(wanted: &[f64], heights: &[f64], lo: f64, hi: f64, gap: f64) -> Vec<f64> {
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| wanted[a].total_cmp(&wanted[b]).then(a.cmp(&b)));
    let mut pos: Vec<f64> = wanted.to_vec();
    // Down: no label above the range or over the one before.
    let mut edge = lo;
    for &k in &order {
        pos[k] = pos[k].max(edge + heights[k] / 2.0);
        edge = pos[k] + heights[k] / 2.0 + gap;
    }
    // Up: back inside the range at the bottom, without passing the one after.
    let mut edge = hi;
    for &k in order.iter().rev() {
        pos[k] = pos[k].min(edge - heights[k] / 2.0);
        edge = pos[k] - heights[k] / 2.0 - gap;
    }
    // Down again: if the labels are taller than the range, overlap is worse than overflowing below it.
    let mut edge = lo;
    for &k in &order {
        pos[k] = pos[k].max(edge + heights[k] / 2.0);
        edge = pos[k] + heights[k] / 2.0 + gap;
    }
    pos
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_overlap(pos: &[f64], heights: &[f64]) -> bool {
        let mut spans: Vec<(f64, f64)> = pos
            .iter()
            .zip(heights)
            .map(|(p, h)| (p - h / 2.0, p + h / 2.0))
            .collect();
        spans.sort_by(|a, b| a.0.total_cmp(&b.0));
        spans.windows(2).all(|w| w[0].1 <= w[1].0 + 1e-9)
    }

    #[test]
    fn spread_moves_close_labels_apart() {
        let cases: [(&[f64], &[f64]); 4] = [
            (&[100.0, 200.0], &[15.0, 15.0]),
            (&[100.0, 101.0, 102.0], &[15.0, 30.0, 15.0]),
            (&[0.0, 0.0, 0.0, 0.0], &[15.0; 4]),
            (&[300.0, 300.0], &[15.0, 15.0]),
        ];
        for (wanted, heights) in cases {
            let pos = spread(wanted, heights, 0.0, 300.0, 2.0);
            assert!(no_overlap(&pos, heights), "{wanted:?} -> {pos:?}");
            assert!(
                pos.iter().zip(heights).all(|(p, h)| p - h / 2.0 >= 0.0),
                "{pos:?}"
            );
        }
        assert_eq!(
            spread(&[100.0, 200.0], &[15.0, 15.0], 0.0, 300.0, 2.0),
            vec![100.0, 200.0]
        );
        // Too many for the range: they overflow below rather than overlap.
        let pos = spread(&[10.0; 5], &[100.0; 5], 0.0, 300.0, 0.0);
        assert!(no_overlap(&pos, &[100.0; 5]));
    }
}
