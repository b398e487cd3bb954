//! The `donut` kind (ドーナツグラフ): the first series' values as slices of a ring, clockwise from twelve
//! o'clock in data order, with the total in the hole and a list of the slices beside the ring (under it on
//! phones): each slice's colour, name and share in per cent to one decimal.
//!
//! The list labels every slice, so no slice, however small, goes without its name and share, and no label can
//! overlap another; a slice also carries its share inside when the whole label fits within its piece of the
//! ring (white or dark text, whichever reads better on its colour). A 2-unit white gap separates the slices so
//! that they stay apart in greyscale. Values below zero (which `load` refuses) count as zero; when nothing is
//! left the ring is drawn empty in the grid colour and every share is 0.0 %.

use std::f64::consts::TAU;

use super::canvas::{Anchor, Canvas, Label, LayerId, Shape};
use super::layout::{FONT, LINE, PAD, SMALL, WIDTH};
use super::paint::WHITE;
use super::text::{max_width, text_width, wrap};
use super::{Ctx, words};
use crate::format::number::format_quantity;

/// Outer and inner radius of the ring, wide and narrow.
const RING: (f64, f64) = (120.0, 70.0);
const RING_NARROW: (f64, f64) = (112.0, 60.0);
/// Space between the ring and the list.
const LIST_GAP: f64 = 32.0;
const SWATCH: f64 = 12.0;
const SWATCH_GAP: f64 = 6.0;
const ROW_GAP: f64 = 6.0;
/// Space between a name and its share in the list.
const SHARE_GAP: f64 = 12.0;
/// The widest the list is beside the ring, so that each share stays near its name.
const LIST_MAX: f64 = 360.0;

/// Each value's share of the total in per cent, rounded to one decimal (all zero when the total is zero).
pub(crate) fn shares(values: &[f64]) -> Vec<f64> {
    let parts: Vec<f64> = values.iter().map(|v| part(*v)).collect();
    let total: f64 = parts.iter().sum();
    parts
        .iter()
        .map(|v| {
            if total > 0.0 {
                (v / total * 1000.0).round() / 10.0
            } else {
                0.0
            }
        })
        .collect()
}

/// A share written to one decimal: `12.5%`.
pub(crate) fn share_text(share: f64) -> String {
    format!("{share:.1}%")
}

/// A value as a part of the whole: below zero or not finite counts as nothing.
fn part(v: f64) -> f64 {
    if v.is_finite() { v.max(0.0) } else { 0.0 }
}

/// Draws a donut chart.
pub(crate) fn draw(ctx: &Ctx<'_>) -> Canvas {
    let narrow = ctx.width < WIDTH;
    let (outer, inner) = if narrow { RING_NARROW } else { RING };
    let n = ctx.categories();
    let values: Vec<f64> = (0..n).map(|i| part(ctx.value(0, i))).collect();
    let total: f64 = values.iter().sum();
    let shares = shares(&values);
    let lh = FONT * LINE;

    // The ring at the top left (top centre on phones), the list right of it (under it).
    let centre = if narrow {
        (ctx.width / 2.0, PAD + outer)
    } else {
        (PAD + outer + 8.0, PAD + outer)
    };
    let (list_x, list_top) = if narrow {
        (PAD, centre.1 + outer + LIST_GAP / 2.0)
    } else {
        (centre.0 + outer + LIST_GAP, PAD)
    };
    let list_w = (ctx.width - PAD - list_x).min(LIST_MAX);
    let list_right = list_x + list_w;
    let share_texts: Vec<String> = shares.iter().map(|s| share_text(*s)).collect();
    let share_w = max_width(&share_texts, FONT);
    let name_w = (list_w - SWATCH - SWATCH_GAP - SHARE_GAP - share_w).max(FONT * 4.0);
    let names: Vec<Vec<String>> = ctx
        .category_labels()
        .iter()
        .map(|l| wrap(&super::text::one_line(l), name_w, FONT).lines)
        .collect();
    let heights: Vec<f64> = names.iter().map(|l| l.len().max(1) as f64 * lh).collect();
    let list_h: f64 =
        heights.iter().sum::<f64>() + ROW_GAP * (heights.len().saturating_sub(1)) as f64;
    // Beside the ring, the list is centred on it when it is shorter.
    let list_top = if narrow {
        list_top
    } else {
        list_top + ((2.0 * outer - list_h) / 2.0).max(0.0)
    };

    let mut canvas = Canvas::new(ctx.width);
    canvas.height = (centre.1 + outer + PAD).max(list_top + list_h + PAD).ceil();
    let slices = canvas.layer("slices", Vec::new());
    let gaps = canvas.layer("gaps", Vec::new());
    let inside = canvas.layer("values", Vec::new());
    let list = canvas.layer("labels", Vec::new());

    if total <= 0.0 {
        canvas.push(
            slices,
            Shape::Polygon {
                points: sector(centre, inner, outer, 0.0, TAU),
                fill: ctx.paint.grid,
            },
        );
    }
    let mut start = 0.0;
    let mut bounds = Vec::new();
    for (i, &v) in values.iter().enumerate() {
        if total <= 0.0 || v <= 0.0 {
            continue;
        }
        let end = start + v / total * TAU;
        let fill = ctx.paint.series(i);
        canvas.push(
            slices,
            Shape::Polygon {
                points: sector(centre, inner, outer, start, end),
                fill,
            },
        );
        bounds.push(start);
        let text = &share_texts[i];
        if let Some(at) = inside_label(centre, inner, outer, start, end, text) {
            canvas.text(
                inside,
                Label::new(
                    at.0,
                    at.1,
                    text.clone(),
                    SMALL,
                    Anchor::Middle,
                    ctx.paint.label_on(fill),
                ),
            );
        }
        start = end;
    }
    if bounds.len() > 1 {
        for a in bounds {
            canvas.push(
                gaps,
                Shape::Path {
                    points: vec![point(centre, inner - 1.0, a), point(centre, outer + 1.0, a)],
                    colour: WHITE,
                    width: 2,
                },
            );
        }
    }
    draw_total(ctx, &mut canvas, list, centre, inner, total);

    let mut y = list_top;
    for (i, lines) in names.iter().enumerate() {
        let mid = y + lh / 2.0;
        canvas.push(
            list,
            Shape::Rect {
                from: (list_x, mid - SWATCH / 2.0),
                to: (list_x + SWATCH, mid + SWATCH / 2.0),
                fill: ctx.paint.series(i),
            },
        );
        for (k, line) in lines.iter().enumerate() {
            canvas.text(
                list,
                Label::new(
                    list_x + SWATCH + SWATCH_GAP,
                    mid + k as f64 * lh,
                    line.clone(),
                    FONT,
                    Anchor::Start,
                    ctx.paint.text,
                ),
            );
        }
        canvas.text(
            list,
            Label::new(
                list_right,
                mid,
                share_texts[i].clone(),
                FONT,
                Anchor::End,
                ctx.paint.text,
            ),
        );
        y += heights[i] + ROW_GAP;
    }
    canvas
}

/// 「合計」 / "Total" and the total with its unit in the hole, when they fit inside it.
fn draw_total(
    ctx: &Ctx<'_>,
    canvas: &mut Canvas,
    layer: LayerId,
    centre: (f64, f64),
    inner: f64,
    total: f64,
) {
    let lh = FONT * LINE;
    let unit = words::unit(ctx.chart, ctx.lang);
    let quantity = format_quantity(total, ctx.lang, ctx.chart.scale, &unit, None);
    let lines = [words::total(ctx.lang).to_string(), quantity];
    let fits = lines.iter().enumerate().all(|(k, line)| {
        let half_w = text_width(line, FONT) / 2.0 + 2.0;
        let y = (k as f64 - 0.5) * lh;
        let (y0, y1) = (y - lh / 2.0, y + lh / 2.0);
        [y0, y1]
            .iter()
            .all(|dy| (half_w * half_w + dy * dy).sqrt() <= inner - 4.0)
    });
    if !fits {
        return;
    }
    for (k, line) in lines.into_iter().enumerate() {
        canvas.text(
            layer,
            Label::new(
                centre.0,
                centre.1 + (k as f64 - 0.5) * lh,
                line,
                FONT,
                Anchor::Middle,
                ctx.paint.text,
            ),
        );
    }
}

/// The point at `radius` and `angle` (clockwise from twelve o'clock) around `centre`.
fn point(centre: (f64, f64), radius: f64, angle: f64) -> (f64, f64) {
    (
        centre.0 + radius * angle.sin(),
        centre.1 - radius * angle.cos(),
    )
}

/// The outline of the piece of ring between `inner` and `outer` from angle `a` to `b`: the outer arc forward,
/// the inner arc back, in steps of at most 2°.
fn sector(centre: (f64, f64), inner: f64, outer: f64, a: f64, b: f64) -> Vec<(f64, f64)> {
    let steps = (((b - a) / TAU * 180.0).ceil() as usize).max(1);
    let at = |k: usize| a + (b - a) * k as f64 / steps as f64;
    let mut points: Vec<(f64, f64)> = (0..=steps).map(|k| point(centre, outer, at(k))).collect();
    points.extend((0..=steps).rev().map(|k| point(centre, inner, at(k))));
    points
}

/// Where a slice's share goes inside it: on the slice's middle angle, at the radius nearest the middle of the
/// ring where the label's box (with a margin) lies wholly within the slice's piece of ring; `None` when no
/// radius gives room.
fn inside_label(
    centre: (f64, f64),
    inner: f64,
    outer: f64,
    a: f64,
    b: f64,
    text: &str,
) -> Option<(f64, f64)> {
    let mid = (a + b) / 2.0;
    let (hw, hh) = (text_width(text, SMALL) / 2.0 + 2.0, SMALL * 0.55 + 1.0);
    let corners = [(-hw, -hh), (hw, -hh), (-hw, hh), (hw, hh)];
    let fits = |at: (f64, f64)| {
        corners.iter().all(|(dx, dy)| {
            let (x, y) = (at.0 + dx - centre.0, at.1 + dy - centre.1);
            let r = (x * x + y * y).sqrt();
            // Clockwise from twelve o'clock, in 0..TAU.
            let angle = x.atan2(-y).rem_euclid(TAU);
            r >= inner + 1.0 && r <= outer - 1.0 && angle >= a + 0.01 && angle <= b - 0.01
        })
    };
    let middle = (inner + outer) / 2.0;
    let steps = ((outer - inner) / 2.0).ceil() as usize;
    (0..=steps)
        .flat_map(|k| [middle + k as f64, middle - k as f64])
        .map(|r| point(centre, r, mid))
        .find(|&at| fits(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_to_one_decimal_and_nothing_below_zero() {
        assert_eq!(shares(&[1.0, 2.0]), vec![33.3, 66.7]);
        assert_eq!(shares(&[5.0, -3.0, 5.0]), vec![50.0, 0.0, 50.0]);
        assert_eq!(shares(&[0.0, 0.0]), vec![0.0, 0.0]);
        assert_eq!(share_text(12.0), "12.0%");
    }

    #[test]
    fn small_slices_have_no_label_inside() {
        let c = (0.0, 0.0);
        for (a, b) in [(0.0, TAU / 2.0), (TAU / 2.0, TAU), (0.0, TAU), (1.0, 2.2)] {
            assert!(
                inside_label(c, 70.0, 120.0, a, b, "55.8%").is_some(),
                "{a}..{b}"
            );
        }
        assert!(inside_label(c, 70.0, 120.0, 0.0, TAU * 0.02, "2.0%").is_none());
    }
}
