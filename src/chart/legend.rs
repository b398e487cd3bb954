//! The legend of a bar chart with several series: a colour swatch and the series name per item, laid out in
//! rows from the left with our own text widths (plotters' legend box is sized by UTF-8 byte length, twice too
//! wide for Japanese). A name longer than the row wraps onto several lines. The series drawn as lines (in a
//! combo chart) have a short stroke with their marker as their key instead of a swatch.

use super::canvas::{Anchor, Canvas, Label, LayerId, Rgb, Shape};
use super::layout::{FONT, LINE};
use super::markers::marker;
use super::text::{text_width, wrap};

const SWATCH: f64 = 12.0;
const SWATCH_GAP: f64 = 6.0;
const ITEM_GAP: f64 = 20.0;
const ROW_GAP: f64 = 4.0;

/// A legend placed at a position.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Legend {
    items: Vec<PlacedItem>,
    /// The height of all rows.
    pub height: f64,
}

#[derive(Clone, Debug, PartialEq)]
struct PlacedItem {
    x: f64,
    y: f64,
    lines: Vec<String>,
    colour: Rgb,
    /// The line series' index (for its marker), when the item is a line.
    line: Option<usize>,
}

impl Legend {
    /// Lays out `items` (name and colour) from `(x, y)` in rows at most `width` wide.
    pub(super) fn layout(items: &[(String, Rgb)], x: f64, y: f64, width: f64) -> Legend {
        let lh = FONT * LINE;
        let text_room = (width - SWATCH - SWATCH_GAP).max(FONT);
        let mut placed = Vec::new();
        let (mut cx, mut row_top, mut row_h) = (x, y, 0.0f64);
        for (name, colour) in items {
            let lines = wrap(name, text_room, FONT).lines;
            let lines = if lines.is_empty() {
                vec![String::new()]
            } else {
                lines
            };
            let item_w = SWATCH
                + SWATCH_GAP
                + lines
                    .iter()
                    .map(|l| text_width(l, FONT))
                    .fold(0.0, f64::max);
            if cx > x && cx + item_w > x + width {
                cx = x;
                row_top += row_h + ROW_GAP;
                row_h = 0.0;
            }
            row_h = row_h.max(lines.len() as f64 * lh);
            placed.push(PlacedItem {
                x: cx,
                y: row_top,
                lines,
                colour: *colour,
                line: None,
            });
            cx += item_w + ITEM_GAP;
        }
        let height = if placed.is_empty() {
            0.0
        } else {
            row_top + row_h - y
        };
        Legend {
            items: placed,
            height,
        }
    }

    /// Gives the last `count` items the key of a line (a stroke with the marker of line 0, 1, …).
    pub(super) fn with_lines(mut self, count: usize) -> Legend {
        let from = self.items.len().saturating_sub(count);
        for (k, item) in self.items[from..].iter_mut().enumerate() {
            item.line = Some(k);
        }
        self
    }

    /// Draws the swatches and names.
    pub(super) fn draw(&self, canvas: &mut Canvas, layer: LayerId, text: Rgb) {
        let lh = FONT * LINE;
        for item in &self.items {
            let mid = item.y + lh / 2.0;
            match item.line {
                None => canvas.push(
                    layer,
                    Shape::Rect {
                        from: (item.x, mid - SWATCH / 2.0),
                        to: (item.x + SWATCH, mid + SWATCH / 2.0),
                        fill: item.colour,
                    },
                ),
                Some(k) => {
                    canvas.push(
                        layer,
                        Shape::Path {
                            points: vec![(item.x - 2.0, mid), (item.x + SWATCH + 2.0, mid)],
                            colour: item.colour,
                            width: 2,
                        },
                    );
                    marker(canvas, layer, k, (item.x + SWATCH / 2.0, mid), item.colour);
                }
            }
            for (i, line) in item.lines.iter().enumerate() {
                canvas.text(
                    layer,
                    Label::new(
                        item.x + SWATCH + SWATCH_GAP,
                        mid + i as f64 * lh,
                        line.clone(),
                        FONT,
                        Anchor::Start,
                        text,
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_flow_into_rows() {
        let c = Rgb(0, 0, 0);
        let items: Vec<(String, Rgb)> = ["神戸", "川崎", "鶴岡"]
            .iter()
            .map(|n| (n.to_string(), c))
            .collect();
        let one_row = Legend::layout(&items, 0.0, 0.0, 700.0);
        assert_eq!(one_row.items.iter().filter(|i| i.y == 0.0).count(), 3);
        let narrow = Legend::layout(&items, 0.0, 0.0, 60.0);
        assert_eq!(
            narrow.items.iter().map(|i| i.x).collect::<Vec<_>>(),
            vec![0.0; 3]
        );
        assert!(narrow.height > one_row.height * 2.5);
        assert_eq!(Legend::layout(&[], 0.0, 0.0, 100.0).height, 0.0);
    }
}
