//! Reading a date as content writes it: Gregorian (`2023`, `2023-04`, `2023-04-01`, `FY2023`) or as Japanese
//! documents write it (`令和5年度`, `H25`; see [`super::era`]).

use super::date::{DateError, PartialDate, days_in_month};

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, `FYYYYY` or a date as Japanese documents write it (令和5年度,
    /// 平成25年4月, R5, 2023年度; see [`super::era`]). Returns a message saying what was expected.
    pub fn parse(text: &str) -> Result<PartialDate, DateError> {
        if let Some(read) = super::era::parse_japanese(text) {
            return read;
        }
        let t = text.trim();
        let bad = || {
            DateError::new(
                format!(
                    "`{t}` is not a date: dates are written 2025, 2025-03, 2025-03-31, FY2024 (a fiscal \
                     year) or with an era (令和6年度, R6)"
                ),
                format!(
                    "`{t}` は日付ではありません。日付は 2025、2025-03、2025-03-31、FY2024（年度）、\
                     または元号で（令和6年度、R6）書いてください"
                ),
            )
        };
        if let Some(rest) = t.strip_prefix("FY") {
            return year(rest).map(PartialDate::FiscalYear).ok_or_else(bad);
        }
        let parts: Vec<&str> = t.split('-').collect();
        match parts.as_slice() {
            [y] => year(y).map(PartialDate::Year).ok_or_else(bad),
            [y, m] => {
                let y = year(y).ok_or_else(bad)?;
                let m = month(m).ok_or_else(bad)?;
                Ok(PartialDate::Month(y, m))
            }
            [y, m, d] => {
                let y = year(y).ok_or_else(bad)?;
                let m = month(m).ok_or_else(bad)?;
                let d = two_digits(d).ok_or_else(bad)?;
                if d == 0 || d > days_in_month(y, m) {
                    return Err(super::date::no_such_day(t, y, m));
                }
                Ok(PartialDate::Day(y, m, d))
            }
            _ => Err(bad()),
        }
    }
}

fn year(s: &str) -> Option<i32> {
    (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn two_digits(s: &str) -> Option<u32> {
    (s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn month(s: &str) -> Option<u32> {
    two_digits(s).filter(|m| (1..=12).contains(m))
}
