//! Dates as reports give them: a year, a month, a day, or a fiscal year.

use std::fmt;

/// A date with the precision the source gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    /// A calendar year: `1998`.
    Year(i32),
    /// A Japanese fiscal year (April to March): `FY2016`.
    FiscalYear(i32),
    /// A month: `2016-04`.
    Month(i32, u32),
    /// A day: `2016-04-01`.
    Day(i32, u32, u32),
}

/// Why a text is not a date, in English and in Japanese (for the editor's message).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// In English.
    pub en: String,
    /// In Japanese.
    pub ja: String,
}

impl DateError {
    /// The same problem told in both languages.
    pub(crate) fn new(en: String, ja: String) -> DateError {
        DateError { en, ja }
    }
}

/// How the Japanese pages write dates (`japanese_dates:` in `site.yaml`): 2023年度, 令和5年度 or
/// 2023（令和5）年度. English pages always write them the Gregorian way (FY2023).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateStyle {
    /// 2023年度.
    #[default]
    Gregorian,
    /// 令和5年度.
    Era,
    /// 2023（令和5）年度.
    Both,
}

impl DateStyle {
    /// The names `site.yaml` accepts, in the order of the variants.
    pub const NAMES: [&'static str; 3] = ["gregorian", "era", "both"];

    /// The style a name in `site.yaml` stands for.
    pub fn from_name(name: &str) -> Option<DateStyle> {
        match name {
            "gregorian" => Some(DateStyle::Gregorian),
            "era" => Some(DateStyle::Era),
            "both" => Some(DateStyle::Both),
            _ => None,
        }
    }
}

impl PartialDate {
    /// The calendar year the date falls in (a fiscal year counts as its starting year).
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::FiscalYear(y) => y,
            PartialDate::Month(y, _) | PartialDate::Day(y, _, _) => y,
        }
    }

    /// The first day of the period, as `(year, month, day)`; a fiscal year starts on 1 April.
    pub fn first_day(self) -> (i32, u32, u32) {
        match self {
            PartialDate::Year(y) => (y, 1, 1),
            PartialDate::FiscalYear(y) => (y, 4, 1),
            PartialDate::Month(y, m) => (y, m, 1),
            PartialDate::Day(y, m, d) => (y, m, d),
        }
    }
}

impl fmt::Display for PartialDate {
    /// The date as written in content (`FY2016`, `2016-04`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            PartialDate::Year(y) => write!(f, "{y:04}"),
            PartialDate::FiscalYear(y) => write!(f, "FY{y:04}"),
            PartialDate::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            PartialDate::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
        }
    }
}

pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The error for a day past the end of its month (or day 0).
pub(super) fn no_such_day(t: &str, y: i32, m: u32) -> DateError {
    let days = days_in_month(y, m);
    DateError::new(
        format!("`{t}` is not a real date: month {m} of {y} has {days} days"),
        format!("`{t}` という日付はありません。{y}年{m}月は {days} 日までです"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(PartialDate::parse("1998"), Ok(PartialDate::Year(1998)));
        assert_eq!(
            PartialDate::parse("FY2016"),
            Ok(PartialDate::FiscalYear(2016))
        );
        assert_eq!(
            PartialDate::parse("2016-04"),
            Ok(PartialDate::Month(2016, 4))
        );
        assert_eq!(
            PartialDate::parse("2024-02-29"),
            Ok(PartialDate::Day(2024, 2, 29))
        );
    }

    #[test]
    fn refuses_impossible_and_malformed_dates() {
        for bad in [
            "2023-02-29",
            "2023-13",
            "98",
            "2016/04",
            "FY16",
            "",
            "2016-4",
            "2016-04-31",
        ] {
            assert!(PartialDate::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            PartialDate::parse("2023-02-30").unwrap_err(),
            DateError::new(
                "`2023-02-30` is not a real date: month 2 of 2023 has 28 days".into(),
                "`2023-02-30` という日付はありません。2023年2月は 28 日までです".into()
            )
        );
        let e = PartialDate::parse("2025.0").unwrap_err();
        assert_eq!(
            e.en,
            "`2025.0` is not a date: dates are written 2025, 2025-03, 2025-03-31, FY2024 (a fiscal year) or \
             with an era (令和6年度, R6)"
        );
        assert_eq!(
            e.ja,
            "`2025.0` は日付ではありません。日付は 2025、2025-03、2025-03-31、FY2024（年度）、または元号で\
             （令和6年度、R6）書いてください"
        );
    }

    #[test]
    fn displays_as_written() {
        for s in ["1998", "FY2016", "2016-04", "2016-04-01"] {
            assert_eq!(PartialDate::parse(s).unwrap().to_string(), s);
        }
    }
}
