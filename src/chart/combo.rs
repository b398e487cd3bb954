//! The `combo` kind (棒と折れ線の複合): the bar series side by side on the left value axis, the line series
//! (`Mark::Line`) with markers and dash patterns on a right value axis with its own unit and title.
//!
//! Both axes start at zero and share the grid: each axis gets its own nice step (whole steps for counts), and
//! both are stretched to the same number of intervals below and above zero, so every grid line carries a tick
//! of each axis and zero is one line. The legend names every series with the axis it is read against
//! (「（左軸）」 / "(left axis)"); lines keep the markers and dashes of the `line` kind for colour-blind
//! readers and greyscale print. Data the loader refuses (no line, no bar) still draws: as bars, or as lines.

use super::bars::{self, Bars};
use super::canvas::{Anchor, Canvas, Label, Shape};
use super::frame::{FrameSpec, Spacing};
use super::layout::{FONT, LABEL_GAP, VALUE_ROOM};
use super::line;
use super::markers::{DASHES, marker};
use super::scale::{Linear, Ticks, axis_ticks};
use super::text::{max_width, text_width};
use super::{Ctx, words};
use crate::model::chart::{Chart, Mark};

/// Draws a combo chart.
pub(crate) fn draw(ctx: &Ctx<'_>) -> Canvas {
    let chart = ctx.chart;
    let (bar_ids, line_ids): (Vec<usize>, Vec<usize>) =
        (0..chart.series.len()).partition(|&j| chart.series[j].mark == Mark::Bar);
    if line_ids.is_empty() {
        return bars::draw(ctx, Bars::Grouped);
    }
    if bar_ids.is_empty() {
        return line::draw(ctx);
    }
    let pick = |ids: &[usize]| Chart {
        series: ids.iter().map(|&j| chart.series[j].clone()).collect(),
        ..chart.clone()
    };
    let (bar_chart, line_chart) = (pick(&bar_ids), pick(&line_ids));
    let sub = |chart| Ctx {
        chart,
        lang: ctx.lang,
        paint: ctx.paint.clone(),
        width: ctx.width,
        min_font: ctx.min_font,
    };
    let (bar_ctx, line_ctx) = (sub(&bar_chart), sub(&line_chart));
    let nb = bar_ids.len();

    let (left, right) = shared_ticks(&bar_ctx, &line_ctx);
    let right_labels: Vec<String> = right.values.iter().map(|&v| ctx.number(v)).collect();
    let legend = bar_ctx
        .series_names()
        .into_iter()
        .map(|n| n + words::axis_note(false, ctx.lang))
        .chain(
            line_ctx
                .series_names()
                .into_iter()
                .map(|n| n + words::axis_note(true, ctx.lang)),
        )
        .enumerate()
        .map(|(j, name)| (name, ctx.paint.series(j)))
        .collect();
    let frame = super::frame::Frame::layout(
        &bar_ctx,
        &FrameSpec {
            min: left.lo,
            max: left.hi,
            include_zero: true,
            legend,
            right: LABEL_GAP + max_width(&right_labels, FONT) + 2.0,
            above: VALUE_ROOM,
            below: if left.lo < 0.0 { VALUE_ROOM } else { 0.0 },
            spacing: Spacing::Slots,
            end_room: 0.0,
            ticks: Some(left),
            legend_lines: line_ids.len(),
            right_title: words::right_axis_title(chart, ctx.lang),
        },
    );
    let right_y = Linear::new(right.lo, right.hi, frame.bottom, frame.top);

    let mut canvas = Canvas::new(ctx.width);
    canvas.height = frame.height;
    let grid = canvas.layer("grid", Vec::new());
    let bar_layer = canvas.layer("bars", Vec::new());
    let axis = canvas.layer("axis", Vec::new());
    let line_layers: Vec<_> = (0..line_ids.len())
        .map(|k| {
            let mut attrs = vec![("stroke-linejoin", "round".to_string())];
            let dash = DASHES[k % DASHES.len()];
            if !dash.is_empty() {
                attrs.push(("stroke-dasharray", dash.to_string()));
            }
            canvas.layer(format!("series series-{}", nb + k + 1), attrs)
        })
        .collect();
    let markers = canvas.layer("markers", Vec::new());
    let labels = canvas.layer("labels", Vec::new());
    let values = canvas.layer("values", Vec::new());

    frame.draw_grid(&mut canvas, grid, ctx);
    bars::draw_grouped(&bar_ctx, &frame, &mut canvas, bar_layer, values);
    frame.draw_axis(&mut canvas, axis, ctx);
    let lines: Vec<Vec<(f64, f64)>> = (0..line_ids.len())
        .map(|k| {
            (0..ctx.categories())
                .map(|i| (frame.centres[i], right_y.map(line_ctx.value(k, i))))
                .collect()
        })
        .collect();
    // A bar's value under a line or a marker could not be read: it is left to the data table.
    canvas.retain(values, |shape| match shape {
        Shape::Text(label) => !lines.iter().any(|points| crosses(label, points)),
        _ => true,
    });
    for (k, (&layer, points)) in line_layers.iter().zip(lines).enumerate() {
        let colour = ctx.paint.series(nb + k);
        canvas.push(
            layer,
            Shape::Path {
                points: points.clone(),
                colour,
                width: 2,
            },
        );
        for p in points {
            marker(&mut canvas, markers, k, p, colour);
        }
    }
    frame.draw_labels(&mut canvas, labels, &bar_ctx);
    for (&t, label) in right.values.iter().zip(right_labels) {
        canvas.text(
            labels,
            Label::new(
                frame.right + LABEL_GAP,
                right_y.map(t),
                label,
                FONT,
                Anchor::Start,
                ctx.paint.text,
            ),
        );
    }
    canvas
}

/// Whether the line through `points` (with its markers) passes over `label`'s box: the box, grown by a
/// marker's size, holds a point of the line (checked every unit along it).
fn crosses(label: &Label, points: &[(f64, f64)]) -> bool {
    const MARKER: f64 = 7.0;
    let half = text_width(&label.text, label.size) / 2.0 + MARKER;
    let (x0, x1) = (label.x - half, label.x + half);
    let (y0, y1) = (
        label.y - label.size * 0.6 - MARKER,
        label.y + label.size * 0.6 + MARKER,
    );
    let inside = |(x, y): (f64, f64)| x >= x0 && x <= x1 && y >= y0 && y <= y1;
    points.iter().any(|&p| inside(p))
        || points.windows(2).any(|w| {
            let (a, b) = (w[0], w[1]);
            let steps = ((b.0 - a.0).abs() + (b.1 - a.1).abs())
                .ceil()
                .clamp(1.0, 10_000.0) as usize;
            (0..=steps).any(|s| {
                let t = s as f64 / steps as f64;
                let p = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
                // Only the line itself (not the marker room) counts between the points.
                p.0 >= x0 + MARKER - 2.0
                    && p.0 <= x1 - MARKER + 2.0
                    && p.1 >= y0 + MARKER - 2.0
                    && p.1 <= y1 - MARKER + 2.0
            })
        })
}

/// The ticks of the left (bars) and right (lines) axes: each with its own step, both reaching zero and both
/// stretched to the same number of intervals below and above zero, so that they share the grid lines.
fn shared_ticks(bars: &Ctx<'_>, lines: &Ctx<'_>) -> (Ticks, Ticks) {
    let ticks = |ctx: &Ctx<'_>| {
        let (min, max) = ctx.extent();
        axis_ticks(min, max, true, 6, ctx.whole())
    };
    let (left, right) = (ticks(bars), ticks(lines));
    let count = |v: f64, step: f64| (v / step).round().max(0.0) as usize;
    let below = count(-left.lo, left.step).max(count(-right.lo, right.step));
    let above = count(left.hi, left.step)
        .max(count(right.hi, right.step))
        .max(1);
    let stretch = |t: &Ticks| {
        let at = |k: usize| {
            let v = (k as f64 - below as f64) * t.step;
            if v == 0.0 { 0.0 } else { v }
        };
        Ticks {
            lo: at(0),
            hi: at(below + above),
            step: t.step,
            values: (0..=below + above).map(at).collect(),
        }
    };
    (stretch(&left), stretch(&right))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::ChartStyle;
    use crate::chart::paint::Paint;
    use crate::model::chart::{ChartKind, NumberScale, Series};
    use crate::model::lang::{Lang, Text};

    fn chart(bars: &[f64], lines: &[f64]) -> Chart {
        let t = |s: &str| Text {
            ja: s.into(),
            en: s.into(),
        };
        Chart {
            id: "c".into(),
            kind: ChartKind::Combo,
            title: t("t"),
            categories: (0..bars.len()).map(|i| t(&i.to_string())).collect(),
            series: vec![
                Series {
                    name: t("b"),
                    values: bars.to_vec(),
                    mark: Mark::Bar,
                },
                Series {
                    name: t("l"),
                    values: lines.to_vec(),
                    mark: Mark::Line,
                },
            ],
            unit: None,
            value_title: None,
            category_title: None,
            right_axis: None,
            scale: NumberScale::Plain,
            note: None,
            sources: Vec::new(),
        }
    }

    fn ticks_of(c: &Chart) -> (Ticks, Ticks) {
        let ctx = |chart| Ctx {
            chart,
            lang: Lang::En,
            paint: Paint::new(&ChartStyle::default()),
            width: 720.0,
            min_font: 0.0,
        };
        let bars = Chart {
            series: vec![c.series[0].clone()],
            ..c.clone()
        };
        let lines = Chart {
            series: vec![c.series[1].clone()],
            ..c.clone()
        };
        shared_ticks(&ctx(&bars), &ctx(&lines))
    }

    #[test]
    fn axes_share_the_grid_and_zero() {
        let (left, right) = ticks_of(&chart(&[120.0, 362.0], &[1.2, 2.5]));
        assert_eq!(left.values.len(), right.values.len());
        assert_eq!(left.lo, 0.0);
        assert_eq!(right.lo, 0.0);
        assert!(left.hi >= 362.0 && right.hi >= 2.5);
        // A rate below zero takes the bars' axis below zero too, at the same grid line.
        let (left, right) = ticks_of(&chart(&[120.0, 362.0], &[-1.5, 2.5]));
        assert_eq!(left.values.len(), right.values.len());
        let zero = |t: &Ticks| t.values.iter().position(|&v| v == 0.0);
        assert_eq!(zero(&left), zero(&right));
        assert!(right.lo <= -1.5);
        // Counts get whole ticks on their own axis.
        let (left, _) = ticks_of(&chart(&[3.0, 7.0], &[0.25, 0.5]));
        assert!(left.values.iter().all(|v| v.fract() == 0.0), "{left:?}");
    }
}
