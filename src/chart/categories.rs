//! Category labels under vertical bars and line points, fitted so that they never overlap.
//!
//! Each label gets the distance between two categories (the pitch) less a gap. The first fit that works wins:
//! wrapped at 12 units into at most 3 lines, at most 4 lines, then at 11 into 4 lines, at 10 into 5 lines (Japanese
//! wraps between any two characters, so long Japanese labels usually fit here). A label with a word too long for
//! its slot (English, or many categories) is turned 90° instead: lines of at most [`ROTATED_LENGTH`] units stand
//! side by side, as many as the pitch holds (the rest cut with `…`), and with very many categories only every
//! k-th label is shown.

use super::canvas::{Anchor, Canvas, Label, LayerId, Rgb};
use super::layout::LINE;
use super::text::{max_width, truncate, wrap};

/// Horizontal space kept between neighbouring labels.
pub(crate) const GAP: f64 = 10.0;
/// The longest a rotated label line may be.
const ROTATED_LENGTH: f64 = 150.0;
const ROTATED_SIZE: f64 = 11.0;

/// Category labels fitted to their slots.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct CategoryLabels {
    /// Font size.
    pub size: f64,
    /// Turned 90°, read bottom to top.
    pub rotated: bool,
    /// The lines of each label (empty for labels not shown).
    pub lines: Vec<Vec<String>>,
    /// The height the labels take below the axis.
    pub height: f64,
}

impl CategoryLabels {
    /// Fits `labels`, whose centres are `pitch` apart, in text of at least `min_size` units.
    pub(super) fn fit(labels: &[String], pitch: f64, min_size: f64) -> CategoryLabels {
        let room = pitch - GAP;
        // Smaller text first takes more lines; below `min_size` it takes more lines at that size instead.
        let tries =
            [(12.0, 3), (12.0, 4), (11.0, 4), (10.0, 5)].map(|(size, lines): (f64, usize)| {
                (
                    f64::max(size, min_size),
                    if size < min_size { 5 } else { lines },
                )
            });
        for (size, max_lines) in tries {
            let wrapped: Vec<_> = labels.iter().map(|l| wrap(l, room, size)).collect();
            if wrapped
                .iter()
                .all(|w| !w.hard_broken && w.lines.len() <= max_lines)
            {
                let lines: Vec<Vec<String>> = wrapped.into_iter().map(|w| w.lines).collect();
                let most = lines.iter().map(Vec::len).max().unwrap_or(0);
                return CategoryLabels {
                    size,
                    rotated: false,
                    height: most as f64 * size * LINE,
                    lines,
                };
            }
        }
        Self::fit_rotated(labels, pitch, min_size)
    }

    fn fit_rotated(labels: &[String], pitch: f64, min_size: f64) -> CategoryLabels {
        let size = ROTATED_SIZE.max(min_size);
        let lh = size * LINE;
        let pitch = pitch.max(0.1);
        let every = ((lh + 1.0) / pitch).ceil().max(1.0) as usize;
        let room = pitch * every as f64 - 2.0;
        let max_lines = ((room / lh).floor() as usize).max(1);
        let lines: Vec<Vec<String>> = labels
            .iter()
            .enumerate()
            .map(|(i, label)| {
                if i % every != 0 {
                    return Vec::new();
                }
                let mut lines = wrap(label, ROTATED_LENGTH, size).lines;
                if lines.len() > max_lines {
                    let rest = lines[max_lines - 1..].join(" ");
                    lines.truncate(max_lines - 1);
                    lines.push(truncate(&rest, ROTATED_LENGTH, size));
                }
                lines
            })
            .collect();
        let height = lines.iter().map(|l| max_width(l, size)).fold(0.0, f64::max);
        CategoryLabels {
            size,
            rotated: true,
            lines,
            height,
        }
    }

    /// Draws the labels centred on `centres`, hanging from `top`.
    pub(super) fn draw(
        &self,
        canvas: &mut Canvas,
        layer: LayerId,
        centres: &[f64],
        top: f64,
        colour: Rgb,
    ) {
        let lh = self.size * LINE;
        for (lines, &cx) in self.lines.iter().zip(centres) {
            let k = lines.len() as f64;
            for (j, line) in lines.iter().enumerate() {
                let j = j as f64;
                let label = if self.rotated {
                    let mut label = Label::new(
                        cx + (j - (k - 1.0) / 2.0) * lh,
                        top,
                        line.clone(),
                        self.size,
                        Anchor::End,
                        colour,
                    );
                    label.rotated = true;
                    label
                } else {
                    Label::new(
                        cx,
                        top + (j + 0.5) * lh,
                        line.clone(),
                        self.size,
                        Anchor::Middle,
                        colour,
                    )
                };
                canvas.text(layer, label);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::text::text_width;

    fn labels(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_labels_stay_on_one_line() {
        let fit = CategoryLabels::fit(&labels(&["2018年7月", "令和5年版白書"]), 300.0, 0.0);
        assert!(!fit.rotated);
        assert_eq!(fit.size, 12.0);
        assert_eq!(
            fit.lines,
            vec![
                vec!["2018年7月".to_string()],
                vec!["令和5年版白書".to_string()]
            ]
        );
    }

    #[test]
    fn long_japanese_labels_wrap() {
        let long = "神戸医療産業都市への進出企業・団体数（令和5年版白書時点）";
        let fit = CategoryLabels::fit(&labels(&[long, long, long]), 200.0, 0.0);
        assert!(!fit.rotated);
        for lines in &fit.lines {
            assert!(lines.len() <= 3);
            for line in lines {
                assert!(text_width(line, fit.size) <= 200.0 - GAP);
            }
        }
    }

    #[test]
    fn crowded_labels_turn_and_thin_out() {
        let years: Vec<String> = (1990..2030).map(|y| y.to_string()).collect();
        let fit = CategoryLabels::fit(&years, 600.0 / 40.0, 0.0);
        assert!(fit.rotated);
        let shown = fit.lines.iter().filter(|l| !l.is_empty()).count();
        assert!((20..40).contains(&shown), "{shown}");
        let fit = CategoryLabels::fit(
            &labels(&["Upgrading research functions and industrial clusters"; 12]),
            50.0,
            0.0,
        );
        assert!(fit.rotated);
        assert!(fit.lines.iter().all(|l| l.len() <= 3));
        assert!(fit.height <= ROTATED_LENGTH);
    }

    #[test]
    fn a_smallest_size_is_kept_for_phones() {
        let long = "Upgrading research functions and industrial clusters";
        for pitch in [40.0, 80.0, 200.0] {
            let fit = CategoryLabels::fit(&labels(&[long, "令和5年版白書", "2018"]), pitch, 12.0);
            assert!(fit.size >= 12.0, "{pitch}: {}", fit.size);
        }
    }
}
