//! Colours resolved from a [`ChartStyle`]: parsed once, with the built-in colour standing in for anything that
//! is not `#rrggbb` or `#rgb`, and the label colour that reads on each series colour.

use super::ChartStyle;
use super::canvas::Rgb;

/// The colours a chart is drawn with.
#[derive(Clone, Debug)]
pub(crate) struct Paint {
    series: Vec<Rgb>,
    /// Text: labels, titles, tick labels.
    pub text: Rgb,
    /// Axis and zero lines.
    pub axis: Rgb,
    /// Grid lines.
    pub grid: Rgb,
}

/// White, for labels on dark bars and outlines of markers.
pub(crate) const WHITE: Rgb = Rgb(255, 255, 255);

impl Paint {
    /// Resolves the style's colours.
    pub(super) fn new(style: &ChartStyle) -> Paint {
        let fallback = ChartStyle::default();
        let pick = |given: &str, default: &str| {
            parse_hex(given)
                .or_else(|| parse_hex(default))
                .unwrap_or(Rgb(0, 0, 0))
        };
        let mut series: Vec<Rgb> = style.palette.iter().filter_map(|c| parse_hex(c)).collect();
        if series.is_empty() {
            series = fallback
                .palette
                .iter()
                .filter_map(|c| parse_hex(c))
                .collect();
        }
        Paint {
            series,
            text: pick(&style.text_color, &fallback.text_color),
            axis: pick(&style.axis_color, &fallback.axis_color),
            grid: pick(&style.grid_color, &fallback.grid_color),
        }
    }

    /// The colour of series `i` (the palette repeats when there are more series than colours).
    pub(super) fn series(&self, i: usize) -> Rgb {
        self.series[i % self.series.len()]
    }

    /// The colour of a label drawn on top of `fill`: white on dark fills, the text colour on light ones.
    pub(super) fn label_on(&self, fill: Rgb) -> Rgb {
        if contrast(fill, WHITE) >= contrast(fill, self.text) {
            WHITE
        } else {
            self.text
        }
    }
}

/// Parses `#rrggbb` or `#rgb`.
pub(crate) fn parse_hex(s: &str) -> Option<Rgb> {
    let hex = s.trim().strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
    match hex.len() {
        6 => Some(Rgb(
            u8::from_str_radix(&hex[0..2], 16).ok()?,
            u8::from_str_radix(&hex[2..4], 16).ok()?,
            u8::from_str_radix(&hex[4..6], 16).ok()?,
        )),
        3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
        _ => None,
    }
}

/// WCAG relative luminance.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG contrast ratio between two colours.
pub(crate) fn contrast(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hex_colours() {
        assert_eq!(parse_hex("#0072B2"), Some(Rgb(0, 0x72, 0xB2)));
        assert_eq!(parse_hex("#fff"), Some(WHITE));
        assert_eq!(parse_hex("red"), None);
        assert_eq!(parse_hex("#12345"), None);
        assert_eq!(parse_hex("#ééé"), None);
    }

    #[test]
    fn labels_read_on_their_bars() {
        let paint = Paint::new(&ChartStyle::default());
        for i in 0..8 {
            let fill = paint.series(i);
            assert!(contrast(fill, paint.label_on(fill)) >= 3.0, "{fill:?}");
        }
    }

    #[test]
    fn bad_theme_colours_fall_back() {
        let style = ChartStyle {
            palette: vec!["nope".into()],
            text_color: "var(--x)".into(),
            ..ChartStyle::default()
        };
        let paint = Paint::new(&style);
        assert_eq!(paint.series(0), Rgb(0, 0x72, 0xB2));
        assert_eq!(
            paint.text,
            parse_hex(&ChartStyle::default().text_color).unwrap()
        );
    }
}
