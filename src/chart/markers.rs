//! What tells the series of a line apart besides colour: its marker (circle, square, triangle, diamond) and its
//! dash pattern (solid, dashed, dotted, dash-dot), by series; used by lines, combo charts and their legends.

use super::canvas::{Canvas, LayerId, Rgb, Shape};
use super::paint::WHITE;

/// Dash patterns, by series.
pub(super) const DASHES: [&str; 4] = ["", "6 4", "2 3", "8 3 2 3"];

/// Draws series `j`'s marker at `p`, on a white halo so crossing lines do not hide it.
pub(super) fn marker(canvas: &mut Canvas, layer: LayerId, j: usize, p: (f64, f64), fill: Rgb) {
    // Whole units from a whole centre, so that the shapes stay symmetric on plotters' integer grid; the halo
    // is 2 units larger all round.
    let (x, y) = (p.0.round(), p.1.round());
    for (grow, colour) in [(2.0, WHITE), (0.0, fill)] {
        let shape = match j % 4 {
            0 => Shape::Circle {
                centre: (x, y),
                radius: 4.0 + grow,
                fill: colour,
            },
            1 => Shape::Rect {
                from: (x - 4.0 - grow, y - 4.0 - grow),
                to: (x + 4.0 + grow, y + 4.0 + grow),
                fill: colour,
            },
            2 => Shape::Polygon {
                points: vec![
                    (x, y - 5.0 - grow),
                    (x + 5.0 + grow, y + 4.0 + grow / 2.0),
                    (x - 5.0 - grow, y + 4.0 + grow / 2.0),
                ],
                fill: colour,
            },
            _ => Shape::Polygon {
                points: vec![
                    (x, y - 5.0 - grow),
                    (x + 5.0 + grow, y),
                    (x, y + 5.0 + grow),
                    (x - 5.0 - grow, y),
                ],
                fill: colour,
            },
        };
        canvas.push(layer, shape);
    }
}
