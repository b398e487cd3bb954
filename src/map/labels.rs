//! Where each mark's label goes: beside its mark if there is room, else further out with a leader line, never
//! over another label or mark and never outside the drawing.

/// A rectangle: x, y (top left), width, height.
pub(crate) type Rect = (f64, f64, f64, f64);

/// A placed label.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Placed {
    /// Where the text starts (x) and its baseline (y).
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// `start` or `end`.
    pub anchor: &'static str,
    /// The box the text takes.
    pub rect: Rect,
    /// A leader line from the mark to the label, when the label is away from it.
    pub leader: Option<(f64, f64)>,
}

/// The width of a text at `size`: full-width characters take 1 em, others about 0.6 em.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2E80 { 0.6 } else { 1.0 })
        .sum::<f64>()
        * size
}

fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

fn inside(a: Rect, bounds: (f64, f64)) -> bool {
    a.0 >= 0.0 && a.1 >= 0.0 && a.0 + a.2 <= bounds.0 && a.1 + a.3 <= bounds.1
}

/// Places a label for each mark (`(x, y)` and its text), in order, with text of `size` in a drawing of
/// `bounds` (width, height). Marks take a square of `2 * radius` that no label may cover.
pub(crate) fn place_labels(
    marks: &[((f64, f64), &str)],
    size: f64,
    radius: f64,
    bounds: (f64, f64),
) -> Vec<Placed> {
    let mut taken: Vec<Rect> = marks
        .iter()
        .map(|((x, y), _)| (x - radius, y - radius, 2.0 * radius, 2.0 * radius))
        .collect();
    let mut out = Vec::with_capacity(marks.len());
    for &((mx, my), text) in marks {
        let w = text_width(text, size);
        let h = size * 1.2;
        let gap = radius + size * 0.3;
        let mut chosen = None;
        // Beside the mark first (right, left, above, below), then ever further out with a leader line.
        'rings: for ring in 0..12 {
            let far = f64::from(ring) * size * 1.1;
            let candidates = [
                (mx + gap + far, my, "start"),
                (mx - gap - far, my, "end"),
                (mx + gap * 0.5, my - gap - far - h * 0.3, "start"),
                (mx + gap * 0.5, my + gap + far + h * 0.7, "start"),
                (mx - gap * 0.5, my - gap - far - h * 0.3, "end"),
                (mx - gap * 0.5, my + gap + far + h * 0.7, "end"),
                (mx + gap + far, my - far, "start"),
                (mx - gap - far, my + far, "end"),
            ];
            for (x, baseline, anchor) in candidates {
                let left = if anchor == "start" { x } else { x - w };
                let rect = (left, baseline - size * 0.88, w, h);
                if inside(rect, bounds) && !taken.iter().any(|t| overlaps(*t, rect)) {
                    let leader = (ring > 0).then(|| {
                        let lx = if anchor == "start" { left } else { left + w };
                        (lx, baseline - size * 0.35)
                    });
                    chosen = Some(Placed {
                        x,
                        y: baseline,
                        anchor,
                        rect,
                        leader,
                    });
                    break 'rings;
                }
            }
        }
        // With no room left anywhere, the label goes to the right of its mark regardless.
        let placed = chosen.unwrap_or_else(|| {
            let x = mx + gap;
            Placed {
                x,
                y: my,
                anchor: "start",
                rect: (x, my - size * 0.88, w, h),
                leader: None,
            }
        });
        taken.push(placed.rect);
        out.push(placed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_full_width_characters_as_one_em() {
        assert_eq!(text_width("神戸市", 10.0), 30.0);
        assert!((text_width("Kobe", 10.0) - 24.0).abs() < 1e-9);
    }

    #[test]
    fn a_lone_label_sits_right_of_its_mark() {
        let p = place_labels(&[((50.0, 50.0), "Kobe")], 10.0, 3.0, (200.0, 200.0));
        assert_eq!(p[0].anchor, "start");
        assert!(p[0].x > 50.0 && p[0].leader.is_none());
    }

    #[test]
    fn labels_of_close_marks_do_not_overlap_and_stay_inside() {
        // Kawasaki, Tokyo-like crowding: five marks within a few units.
        let marks: Vec<((f64, f64), &str)> = vec![
            ((100.0, 100.0), "Kawasaki"),
            ((102.0, 98.0), "Yokohama"),
            ((99.0, 103.0), "Sagamihara"),
            ((104.0, 101.0), "川崎市"),
            ((101.0, 97.0), "Chiba"),
        ];
        let bounds = (220.0, 200.0);
        let p = place_labels(&marks, 11.0, 3.0, bounds);
        for (i, a) in p.iter().enumerate() {
            assert!(inside(a.rect, bounds), "{a:?}");
            for b in &p[i + 1..] {
                assert!(!overlaps(a.rect, b.rect), "{a:?} and {b:?} overlap");
            }
            for ((x, y), _) in &marks {
                assert!(
                    !overlaps(a.rect, (x - 3.0, y - 3.0, 6.0, 6.0)),
                    "{a:?} covers a mark"
                );
            }
        }
    }

    #[test]
    fn marks_in_one_spot_get_leader_lines() {
        let names = [
            "A市", "B市", "C市", "D市", "E市", "F市", "G市", "H市", "I市", "J市",
        ];
        let marks: Vec<((f64, f64), &str)> = names.iter().map(|n| ((100.0, 100.0), *n)).collect();
        let p = place_labels(&marks, 11.0, 3.0, (200.0, 200.0));
        assert!(p.iter().any(|l| l.leader.is_some()), "{p:?}");
        for (i, a) in p.iter().enumerate() {
            for b in &p[i + 1..] {
                assert!(!overlaps(a.rect, b.rect), "{a:?} and {b:?} overlap");
            }
        }
    }

    #[test]
    fn a_mark_at_the_right_edge_is_labelled_to_its_left() {
        let p = place_labels(&[((195.0, 50.0), "Nemuro")], 10.0, 3.0, (200.0, 100.0));
        assert_eq!(p[0].anchor, "end");
    }
}
