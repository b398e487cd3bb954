//! Value axes: the range shown, "nice" tick values and the mapping from values to drawing units.
//!
//! Ticks are multiples of a step `m × 10ⁿ` with `m` in 1, 2, 2.5, 5, chosen as the smallest step that covers the
//! range in at most the number of intervals asked for (so 4 to 7 ticks with the default of 6). Steps never go
//! below 0.001, and 2.5 × 10ⁿ is used only when it has at most three decimals, because numbers are written with
//! at most three decimals (`format_number`): every tick label is then exact and distinct. All loops are bounded,
//! so degenerate data (one value, all equal, all zero, 1e12, 0.001) always gives a range in finite time.

/// The largest magnitude handled; larger values are clamped so that spans stay finite.
const LIMIT: f64 = 1e300;

/// Tick values along a value axis, and the range they span.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Ticks {
    /// The lowest tick (the start of the axis).
    pub lo: f64,
    /// The highest tick (the end of the axis).
    pub hi: f64,
    /// The distance between ticks.
    pub step: f64,
    /// The ticks, from `lo` to `hi`.
    pub values: Vec<f64>,
}

impl Ticks {
    /// Whether zero lies on the axis (a zero line is drawn).
    pub(super) fn spans_zero(&self) -> bool {
        self.lo <= 0.0 && self.hi >= 0.0
    }
}

/// Ticks for data from `min` to `max`. With `include_zero` (bars) the axis always reaches zero. A range of
/// zero width is widened: all zero gives 0 to 1, all equal to `v` gives about `v ± 10%`. For `whole` data
/// (counts: every value a whole number) every tick is a whole number too, never 2.5.
pub(crate) fn axis_ticks(
    min: f64,
    max: f64,
    include_zero: bool,
    max_intervals: usize,
    whole: bool,
) -> Ticks {
    let clean = |v: f64| {
        if v.is_finite() {
            v.clamp(-LIMIT, LIMIT)
        } else {
            0.0
        }
    };
    let (mut lo, mut hi) = (clean(min.min(max)), clean(max.max(min)));
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if hi - lo <= hi.abs().max(lo.abs()) * 1e-12 {
        if hi == 0.0 && lo == 0.0 {
            hi = 1.0;
        } else {
            let pad = hi.abs().max(lo.abs()) * 0.1;
            lo -= pad;
            hi += pad;
        }
    }
    nice_ticks(lo, hi, max_intervals, whole)
}

/// Whether a line chart's axis should start at zero: when the data are all on one side of zero and their
/// distance from zero is no more than their spread, starting at zero costs little and reads honestly; a flat
/// line (one point, all equal) is drawn against zero too.
pub(crate) fn line_includes_zero(min: f64, max: f64) -> bool {
    let spread = max - min;
    if spread <= 0.0 {
        true
    } else if min >= 0.0 {
        min <= spread
    } else if max <= 0.0 {
        -max <= spread
    } else {
        true
    }
}

/// The nicest ticks covering `lo..=hi` in at most `max_intervals` intervals (whole steps only if `whole`).
pub(crate) fn nice_ticks(lo: f64, hi: f64, max_intervals: usize, whole: bool) -> Ticks {
    let intervals = max_intervals.clamp(1, 20) as f64;
    let span = hi - lo;
    if !(span > 0.0 && span.is_finite()) {
        return fallback(lo, hi);
    }
    let first = ((span / intervals).log10().floor() as i32).clamp(-3, 300);
    for exp in first..=first + 2 {
        for m in [1.0, 2.0, 2.5, 5.0] {
            if m == 2.5 && exp < -2 {
                continue; // 0.0025 would need four decimals
            }
            let at = |k: f64| multiple(k, m, exp);
            let step = at(1.0);
            if whole && (step < 1.0 || step.fract() != 0.0) {
                continue;
            }
            let k0 = (lo / step + 1e-9).floor();
            let k1 = (hi / step - 1e-9).ceil().max(k0 + 1.0);
            if !(k0.is_finite() && k1.is_finite()) {
                continue;
            }
            if k1 - k0 <= intervals {
                let n = (k1 - k0) as usize;
                return Ticks {
                    lo: at(k0),
                    hi: at(k1),
                    step,
                    values: (0..=n).map(|i| at(k0 + i as f64)).collect(),
                };
            }
        }
    }
    fallback(lo, hi)
}

/// `k × m × 10^exp`, computed so that decimal ticks come out as the nearest float to the decimal (0.05, not
/// 0.05000000000000001): negative powers of ten divide by an exact power instead of multiplying by an inexact one.
fn multiple(k: f64, m: f64, exp: i32) -> f64 {
    let v = if exp < 0 {
        k * m / 10f64.powi(-exp)
    } else {
        k * m * 10f64.powi(exp)
    };
    if v == 0.0 { 0.0 } else { v }
}

fn fallback(lo: f64, hi: f64) -> Ticks {
    let (lo, hi) = if hi > lo && (hi - lo).is_finite() {
        (lo, hi)
    } else {
        (lo.min(0.0), lo.max(0.0) + 1.0)
    };
    Ticks {
        lo,
        hi,
        step: hi - lo,
        values: vec![lo, hi],
    }
}

/// A linear map from values to drawing units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Linear {
    d0: f64,
    d1: f64,
    r0: f64,
    r1: f64,
}

impl Linear {
    /// Maps `d0..d1` (values) onto `r0..r1` (drawing units; `r1 < r0` for an upward axis).
    pub(super) fn new(d0: f64, d1: f64, r0: f64, r1: f64) -> Linear {
        Linear { d0, d1, r0, r1 }
    }

    /// The position of `v`, rounded to the drawing grid.
    pub(super) fn map(&self, v: f64) -> f64 {
        let span = self.d1 - self.d0;
        if span == 0.0 || !span.is_finite() {
            return self.r0;
        }
        let t = ((v - self.d0) / span).clamp(-1.0, 2.0);
        (self.r0 + t * (self.r1 - self.r0)).round()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(t: &Ticks) {
        assert!(t.lo < t.hi, "{t:?}");
        assert!((2..=7).contains(&t.values.len()), "{t:?}");
        assert_eq!(t.values.first(), Some(&t.lo));
        assert_eq!(t.values.last(), Some(&t.hi));
        for pair in t.values.windows(2) {
            assert!(pair[1] > pair[0], "{t:?}");
        }
    }

    #[test]
    fn bar_axes_table() {
        // (min, max, lo, hi, step)
        let cases = [
            (350.0, 362.0, 0.0, 400.0, 100.0),
            (9400.0, 12400.0, 0.0, 12500.0, 2500.0),
            (0.0, 0.0, 0.0, 1.0, 0.2),
            (7.0, 7.0, 0.0, 8.0, 2.0),
            (5.0, 5.0, 0.0, 5.0, 1.0),
            (-30.0, -5.0, -30.0, 0.0, 5.0),
            (-40.0, 60.0, -40.0, 60.0, 20.0),
            (0.001, 0.001, 0.0, 0.001, 0.001),
            (0.0, 1e12, 0.0, 1e12, 2e11),
            (1.0, 1.0, 0.0, 1.0, 0.2),
            (14000.0, 370000.0, 0.0, 400000.0, 100000.0),
            (0.0, 0.25, 0.0, 0.25, 0.05),
        ];
        for (min, max, lo, hi, step) in cases {
            let t = axis_ticks(min, max, true, 6, false);
            check(&t);
            assert_eq!((t.lo, t.hi, t.step), (lo, hi, step), "{min}..{max}: {t:?}");
        }
    }

    #[test]
    fn line_axes_table() {
        let cases = [
            (350.0, 362.0, 350.0, 362.0, 2.0),
            (100.0, 100.0, 90.0, 110.0, 5.0),
            (-100.0, -100.0, -110.0, -90.0, 5.0),
            (0.001, 0.001, 0.0, 0.002, 0.001),
            (1e12, 1e12, 9e11, 1.1e12, 5e10),
        ];
        for (min, max, lo, hi, step) in cases {
            let t = axis_ticks(min, max, false, 6, false);
            check(&t);
            assert_eq!((t.lo, t.hi), (lo, hi), "{min}..{max}: {t:?}");
            assert!((t.step - step).abs() < step * 1e-9, "{min}..{max}: {t:?}");
        }
    }

    #[test]
    fn degenerate_input_never_hangs() {
        let values = [
            0.0,
            1e-300,
            -1e-300,
            1e-9,
            0.001,
            1.0,
            1e12,
            -1e12,
            1e300,
            -1e300,
            f64::MAX,
            f64::MIN,
            f64::NAN,
            f64::INFINITY,
        ];
        for &a in &values {
            for &b in &values {
                for zero in [true, false] {
                    for n in [0, 1, 2, 6, 100] {
                        let t = axis_ticks(a, b, zero, n, false);
                        assert!(
                            t.lo.is_finite() && t.hi.is_finite() && t.lo < t.hi,
                            "{a} {b}"
                        );
                        assert!(t.values.len() >= 2 && t.values.len() <= 21, "{a} {b} {t:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn fewer_intervals_when_asked() {
        let t = axis_ticks(0.0, 1e12, true, 2, false);
        assert_eq!(t.values, vec![0.0, 5e11, 1e12]);
        let t = axis_ticks(0.0, 1e12, true, 1, false);
        assert_eq!(t.values, vec![0.0, 1e12]);
    }

    #[test]
    fn tick_steps_have_at_most_three_decimals() {
        for max in [0.0001, 0.0004, 0.003, 0.007, 0.02, 0.06] {
            let t = axis_ticks(0.0, max, true, 6, false);
            let thousandths = t.step * 1000.0;
            assert!(
                (thousandths - thousandths.round()).abs() < 1e-6,
                "{max}: {t:?}"
            );
        }
    }

    #[test]
    fn zero_rule_for_lines() {
        assert!(line_includes_zero(5.0, 20.0));
        assert!(!line_includes_zero(350.0, 362.0));
        assert!(line_includes_zero(-5.0, 5.0));
        assert!(line_includes_zero(-20.0, -5.0));
        assert!(line_includes_zero(-100.0, -100.0));
        assert!(line_includes_zero(42.0, 42.0));
    }

    #[test]
    fn linear_maps_and_rounds() {
        let s = Linear::new(0.0, 400.0, 300.0, 100.0);
        assert_eq!(s.map(0.0), 300.0);
        assert_eq!(s.map(400.0), 100.0);
        assert_eq!(s.map(350.0), 125.0);
        assert_eq!(Linear::new(1.0, 1.0, 5.0, 9.0).map(3.0), 5.0);
    }

    #[test]
    fn counts_get_whole_ticks() {
        // 15 and 12 of something: 0, 5, 10, 15 rather than 0, 2.5, …, 15.
        assert_eq!(
            axis_ticks(12.0, 15.0, true, 6, true).values,
            [0.0, 5.0, 10.0, 15.0]
        );
        assert_eq!(axis_ticks(12.0, 15.0, true, 6, false).step, 2.5);
        for max in 1..=200 {
            for n in 1..=6 {
                let t = axis_ticks(0.0, f64::from(max), true, n, true);
                assert!(
                    t.values.iter().all(|v| v.fract() == 0.0),
                    "{max} in {n}: {:?}",
                    t.values
                );
                assert!(t.hi >= f64::from(max));
            }
        }
        assert_eq!(axis_ticks(0.0, 0.0, true, 6, true).values, [0.0, 1.0]);
        assert!(
            axis_ticks(1.0, 1.0, false, 6, true)
                .values
                .iter()
                .all(|v| v.fract() == 0.0)
        );
    }
}
