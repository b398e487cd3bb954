//! Numbers written for a language.
//!
//! The choices (documented in the README, "Numbers and dates"):
//! - Both languages group thousands with a comma: `12,400`. Negative numbers use the minus sign `−` (U+2212).
//! - Decimals are kept as entered, up to three places, without trailing zeros: `10.6`, `0.125`.
//! - With [`NumberScale::Myriad`], Japanese writes the exact value in myriad units, omitting empty groups:
//!   `60800000000` → `608億`, `25451` → `2万5,451`, `120000000` → `1億2,000万`; English writes millions and
//!   billions with up to three significant decimals: `60.8 billion`, `1.2 million`, and smaller numbers plainly.
//! - A unit follows the number directly in Japanese (`362社`) and after a space in English (`12,400 people`).
//! - Qualifiers: about → `約` / `about`, at least → `以上` / `at least`, over → `超` / `more than`.

use crate::model::chart::{NumberScale, Qualifier};
use crate::model::lang::Lang;

const MINUS: char = '\u{2212}';

/// Writes `value` for `lang` with the given scale. Non-finite values (never accepted from content) are
/// written as `–`.
pub fn format_number(value: f64, lang: Lang, scale: NumberScale) -> String {
    if !value.is_finite() {
        return "–".to_string();
    }
    let sign = if value < 0.0 && value != 0.0 {
        MINUS.to_string()
    } else {
        String::new()
    };
    let abs = value.abs();
    let body = match (scale, lang) {
        (NumberScale::Plain, _) => plain(abs),
        (NumberScale::Myriad, Lang::Ja) => myriad_ja(abs),
        (NumberScale::Myriad, Lang::En) => short_scale_en(abs),
    };
    if body == "0" {
        return body;
    }
    sign + &body
}

/// Writes a quantity: number, unit and qualifier, as a sentence in `lang` would.
pub fn format_quantity(
    value: f64,
    lang: Lang,
    scale: NumberScale,
    unit: &str,
    qualifier: Option<Qualifier>,
) -> String {
    let number = format_number(value, lang, scale);
    match lang {
        Lang::Ja => {
            let core = format!("{number}{unit}");
            match qualifier {
                None => core,
                Some(Qualifier::About) => format!("約{core}"),
                Some(Qualifier::AtLeast) => format!("{core}以上"),
                Some(Qualifier::Over) => format!("{core}超"),
            }
        }
        Lang::En => {
            let core = if unit.is_empty() {
                number
            } else {
                format!("{number} {unit}")
            };
            match qualifier {
                None => core,
                Some(Qualifier::About) => format!("about {core}"),
                Some(Qualifier::AtLeast) => format!("at least {core}"),
                Some(Qualifier::Over) => format!("more than {core}"),
            }
        }
    }
}

/// Digits with thousands separators and up to three decimals, trailing zeros removed.
fn plain(abs: f64) -> String {
    let fixed = format!("{abs:.3}");
    let (int_part, frac_part) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let frac = frac_part.trim_end_matches('0');
    let grouped = group_thousands(int_part);
    if frac.is_empty() {
        grouped
    } else {
        format!("{grouped}.{frac}")
    }
}

fn group_thousands(digits: &str) -> String {
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Exact myriad notation: 兆, 億, 万 groups of four digits, empty groups left out.
fn myriad_ja(abs: f64) -> String {
    if !(10_000.0..1e20).contains(&abs) {
        return plain(abs);
    }
    let mut n = abs.round() as u128;
    let units = ["", "万", "億", "兆", "京"];
    let mut groups = Vec::new();
    for unit in units {
        groups.push(((n % 10_000) as u64, unit));
        n /= 10_000;
        if n == 0 {
            break;
        }
    }
    let mut out = String::new();
    for (value, unit) in groups.iter().rev() {
        if *value == 0 {
            continue;
        }
        out.push_str(&group_thousands(&value.to_string()));
        out.push_str(unit);
    }
    if out.is_empty() { "0".to_string() } else { out }
}

/// English short scale for large numbers; smaller numbers plainly.
fn short_scale_en(abs: f64) -> String {
    for (threshold, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if abs >= threshold {
            return format!("{} {word}", plain(round_to(abs / threshold, 3)));
        }
    }
    plain(abs)
}

fn round_to(value: f64, places: i32) -> f64 {
    let factor = 10f64.powi(places);
    (value * factor).round() / factor
}

#[cfg(test)]
mod tests {
    use super::*;
    use NumberScale::{Myriad, Plain};

    #[test]
    fn plain_numbers_in_both_languages() {
        let cases = [
            (0.0, "0"),
            (7.0, "7"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (12400.0, "12,400"),
            (1234567.0, "1,234,567"),
            (10.6, "10.6"),
            (0.125, "0.125"),
            (2.5000, "2.5"),
            (-1500.0, "−1,500"),
            (-0.0, "0"),
        ];
        for (value, want) in cases {
            assert_eq!(format_number(value, Lang::Ja, Plain), want, "{value}");
            assert_eq!(format_number(value, Lang::En, Plain), want, "{value}");
        }
    }

    #[test]
    fn myriad_units_in_japanese() {
        let cases = [
            (9999.0, "9,999"),
            (10_000.0, "1万"),
            (25_451.0, "2万5,451"),
            (60_800_000_000.0, "608億"),
            (120_000_000.0, "1億2,000万"),
            (1_000_000_000_000.0, "1兆"),
            (-30_000.0, "−3万"),
        ];
        for (value, want) in cases {
            assert_eq!(format_number(value, Lang::Ja, Myriad), want, "{value}");
        }
    }

    #[test]
    fn short_scale_in_english() {
        let cases = [
            (13_832.0, "13,832"),
            (1_200_000.0, "1.2 million"),
            (60_800_000_000.0, "60.8 billion"),
            (1_234_567_890.0, "1.235 billion"),
        ];
        for (value, want) in cases {
            assert_eq!(format_number(value, Lang::En, Myriad), want, "{value}");
        }
    }

    #[test]
    fn quantities_with_units_and_qualifiers() {
        assert_eq!(format_quantity(362.0, Lang::Ja, Plain, "社", None), "362社");
        assert_eq!(
            format_quantity(12400.0, Lang::En, Plain, "people", None),
            "12,400 people"
        );
        assert_eq!(format_quantity(362.0, Lang::En, Plain, "", None), "362");
        assert_eq!(
            format_quantity(60.8e9, Lang::Ja, Myriad, "円", Some(Qualifier::About)),
            "約608億円"
        );
        assert_eq!(
            format_quantity(60.8e9, Lang::En, Myriad, "yen", Some(Qualifier::About)),
            "about 60.8 billion yen"
        );
        assert_eq!(
            format_quantity(550.0, Lang::Ja, Plain, "機関", Some(Qualifier::AtLeast)),
            "550機関以上"
        );
        assert_eq!(
            format_quantity(
                550.0,
                Lang::En,
                Plain,
                "institutions",
                Some(Qualifier::Over)
            ),
            "more than 550 institutions"
        );
    }

    #[test]
    fn non_finite_values_do_not_panic() {
        assert_eq!(format_number(f64::NAN, Lang::Ja, Plain), "–");
        assert_eq!(format_number(f64::INFINITY, Lang::En, Myriad), "–");
        assert!(!format_number(1e30, Lang::Ja, Myriad).is_empty());
    }
}
