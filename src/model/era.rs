//! Japanese eras (元号): the era a day falls in, and dates as Japanese documents write them (令和5年度,
//! 平成25年4月, R5, H25, 2023年度), read into the Gregorian [`PartialDate`] the rest of hakusho uses.

use super::date::{DateError, PartialDate, days_in_month};

/// One era: its name, the letter documents abbreviate it to (R5, H25) and its first day.
#[derive(Debug, PartialEq, Eq)]
pub struct Era {
    /// 令和.
    pub name: &'static str,
    /// `R`.
    pub letter: char,
    /// The first day, as `(year, month, day)`.
    pub start: (i32, u32, u32),
}

/// The modern eras, oldest first. Meiji is counted from the first day of its first year as the decree did
/// (Keiō 4, day 1 = 25 January 1868).
pub const ERAS: [Era; 5] = [
    Era {
        name: "明治",
        letter: 'M',
        start: (1868, 1, 25),
    },
    Era {
        name: "大正",
        letter: 'T',
        start: (1912, 7, 30),
    },
    Era {
        name: "昭和",
        letter: 'S',
        start: (1926, 12, 25),
    },
    Era {
        name: "平成",
        letter: 'H',
        start: (1989, 1, 8),
    },
    Era {
        name: "令和",
        letter: 'R',
        start: (2019, 5, 1),
    },
];

impl Era {
    /// The last day, if the era has ended.
    pub fn end(&self) -> Option<(i32, u32, u32)> {
        let i = ERAS.iter().position(|e| e == self)?;
        let (y, m, d) = ERAS.get(i + 1)?.start;
        Some(if d > 1 {
            (y, m, d - 1)
        } else if m > 1 {
            (y, m - 1, days_in_month(y, m - 1))
        } else {
            (y - 1, 12, 31)
        })
    }

    /// The Gregorian year of the era's year `n` (元年 = 1).
    pub fn gregorian(&self, n: i32) -> i32 {
        self.start.0 + n - 1
    }
}

/// The era in force on a day, with the era's year (1 = 元年); `None` before Meiji.
pub fn era_of(day: (i32, u32, u32)) -> Option<(&'static Era, i32)> {
    ERAS.iter()
        .rev()
        .find(|e| e.start <= day)
        .map(|e| (e, day.0 - e.start.0 + 1))
}

/// The era a date is named by: a year or a fiscal year by the era of its last calendar day (2019 and FY2019
/// are 令和元年, 令和元年度, as the government names them), a month by its first day, a day exactly.
pub fn era_for(date: PartialDate) -> Option<(&'static Era, i32)> {
    match date {
        PartialDate::Year(y) | PartialDate::FiscalYear(y) => era_of((y, 12, 31)),
        PartialDate::Month(y, m) => era_of((y, m, 1)),
        PartialDate::Day(y, m, d) => era_of((y, m, d)),
    }
}

/// An era year as written: 元 for the first, the number after.
pub fn era_year(n: i32) -> String {
    if n == 1 { "元".into() } else { n.to_string() }
}

/// Reads a date written the Japanese way: an era (令和, or its letter R) or none, a year (digits or 元), then
/// nothing, 年, 年度, 年M月 or 年M月D日; digits may be full-width. `None` when the text is not written that
/// way at all (then the caller's own message applies); otherwise the date or what is wrong with it.
pub fn parse_japanese(text: &str) -> Option<Result<PartialDate, DateError>> {
    let t: String = text.trim().chars().map(half_width_digit).collect();
    let split = t
        .find(|c: char| c.is_ascii_digit() || c == '元')
        .unwrap_or(t.len());
    let (prefix, rest) = t.split_at(split);
    let looks_like_era = (1..=3).contains(&prefix.chars().count())
        && prefix.chars().all(char::is_alphabetic)
        && !prefix.starts_with("FY");
    if prefix.is_empty() && !rest.contains('年') || !prefix.is_empty() && !looks_like_era {
        return None;
    }
    let era = if prefix.is_empty() {
        None
    } else {
        match find_era(prefix) {
            Some(e) => Some(e),
            None => return Some(Err(unknown_era(text, prefix))),
        }
    };
    Some(read(text, era, rest))
}

fn read(text: &str, era: Option<&'static Era>, rest: &str) -> Result<PartialDate, DateError> {
    let t = text.trim();
    let expected = || {
        DateError::new(
            format!(
                "`{t}` is not a date: Japanese dates are written 令和5年度, 令和5年4月, 令和5年4月1日, \
                 R5, H25 or 2023年度"
            ),
            format!(
                "`{t}` は日付ではありません。和暦の日付は 令和5年度、令和5年4月、令和5年4月1日、R5、H25、\
                 2023年度 のように書いてください"
            ),
        )
    };
    let (year_text, after) = split_number(rest);
    let n: i32 = if year_text == "元" {
        if era.is_none() {
            return Err(expected());
        }
        1
    } else {
        year_text.parse().map_err(|_| expected())?
    };
    let (kind, month, day) = suffix(after).ok_or_else(expected)?;
    let year = match era {
        None if year_text.len() == 4 => n,
        None => return Err(expected()),
        Some(e) => {
            if n == 0 {
                return Err(DateError::new(
                    format!(
                        "`{t}` is not a real date: era years count from 元年 (1); {}元年 is {}",
                        e.name, e.start.0
                    ),
                    format!(
                        "`{t}` という日付はありません。元号の年は元年（1年）から数えます。{}元年は {} 年です",
                        e.name, e.start.0
                    ),
                ));
            }
            e.gregorian(n)
        }
    };
    if !(1000..=9999).contains(&year) {
        return Err(expected());
    }
    let date = match (kind, month, day) {
        (Kind::FiscalYear, ..) => PartialDate::FiscalYear(year),
        (Kind::Year, None, _) => PartialDate::Year(year),
        (Kind::Year, Some(m), None) if (1..=12).contains(&m) => PartialDate::Month(year, m),
        (Kind::Year, Some(m), Some(d)) if (1..=12).contains(&m) => {
            if d == 0 || d > days_in_month(year, m) {
                return Err(super::date::no_such_day(t, year, m));
            }
            PartialDate::Day(year, m, d)
        }
        _ => {
            return Err(DateError::new(
                format!("`{t}` is not a real date: months run from 1 to 12"),
                format!("`{t}` という日付はありません。月は 1 から 12 までです"),
            ));
        }
    };
    if let Some(e) = era {
        within(t, e, date, after)?;
    }
    Ok(date)
}

/// Refuses an era date outside its era, saying how the same date is written.
fn within(t: &str, e: &Era, date: PartialDate, suffix: &str) -> Result<(), DateError> {
    let (first, last) = span(date);
    let ended = e.end().filter(|end| first > *end);
    let not_begun = last < e.start;
    if ended.is_none() && !not_begun {
        return Ok(());
    }
    let suffix = if suffix.is_empty() { "年" } else { suffix };
    let (right, right_ja) = match era_for(date) {
        Some((r, n)) => (
            format!("{}{}{suffix} or {date}", r.name, era_year(n)),
            format!("{}{}{suffix} か {date}", r.name, era_year(n)),
        ),
        None => (date.to_string(), date.to_string()),
    };
    let (why, why_ja) = match ended {
        Some((y, m, d)) => (
            format!(
                "{} ended on {y}-{m:02}-{d:02} ({}{}年{m}月{d}日)",
                e.name,
                e.name,
                y - e.start.0 + 1
            ),
            format!(
                "{}は {y}年{m}月{d}日（{}{}年{m}月{d}日）に終わっています",
                e.name,
                e.name,
                y - e.start.0 + 1
            ),
        ),
        None => {
            let (y, m, d) = e.start;
            (
                format!("{} began on {y}-{m:02}-{d:02}", e.name),
                format!("{}は {y}年{m}月{d}日に始まりました", e.name),
            )
        }
    };
    Err(DateError::new(
        format!("`{t}` is not a real date: {why}; write {right}"),
        format!("`{t}` という日付はありません。{why_ja}。{right_ja} と書いてください"),
    ))
}

/// The first and last day of a date's period.
fn span(date: PartialDate) -> ((i32, u32, u32), (i32, u32, u32)) {
    match date {
        PartialDate::Year(y) => ((y, 1, 1), (y, 12, 31)),
        PartialDate::FiscalYear(y) => ((y, 4, 1), (y + 1, 3, 31)),
        PartialDate::Month(y, m) => ((y, m, 1), (y, m, days_in_month(y, m))),
        PartialDate::Day(y, m, d) => ((y, m, d), (y, m, d)),
    }
}

#[derive(Clone, Copy)]
enum Kind {
    Year,
    FiscalYear,
}

/// What follows the year: nothing or 年 (a year), 年度 (a fiscal year), 年M月, 年M月D日.
fn suffix(s: &str) -> Option<(Kind, Option<u32>, Option<u32>)> {
    if s.is_empty() || s == "年" {
        return Some((Kind::Year, None, None));
    }
    if s == "年度" {
        return Some((Kind::FiscalYear, None, None));
    }
    let s = s.strip_prefix('年')?;
    let (m, s) = split_number(s);
    let m: u32 = m.parse().ok()?;
    let s = s.strip_prefix('月')?;
    if s.is_empty() {
        return Some((Kind::Year, Some(m), None));
    }
    let (d, s) = split_number(s);
    let d: u32 = d.parse().ok()?;
    (s == "日").then_some((Kind::Year, Some(m), Some(d)))
}

/// Splits the leading digits (or 元) from the rest.
fn split_number(s: &str) -> (&str, &str) {
    if let Some(rest) = s.strip_prefix('元') {
        return ("元", rest);
    }
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let digits = &s[..end];
    if digits.len() > 4 {
        return ("", s);
    }
    s.split_at(end)
}

fn find_era(prefix: &str) -> Option<&'static Era> {
    ERAS.iter().find(|e| {
        e.name == prefix || {
            let mut cs = prefix.chars();
            cs.next().map(|c| c.to_ascii_uppercase()) == Some(e.letter) && cs.next().is_none()
        }
    })
}

fn unknown_era(text: &str, prefix: &str) -> DateError {
    let near = ERAS
        .iter()
        .find(|e| prefix.chars().any(|c| e.name.contains(c)));
    let t = text.trim();
    DateError::new(
        format!(
            "`{t}` is not a date: `{prefix}` is not an era{}; eras are written 令和 (R), 平成 (H), \
             昭和 (S), 大正 (T) or 明治 (M), and Gregorian years as 2023, 2023-04 or FY2023",
            near.map(|e| format!(" (did you mean {}?)", e.name))
                .unwrap_or_default()
        ),
        format!(
            "`{t}` は日付ではありません。`{prefix}` という元号はありません{}。元号は 令和（R）、平成（H）、\
             昭和（S）、大正（T）、明治（M）と書き、西暦の年は 2023、2023-04、FY2023 のように書いてください",
            near.map(|e| format!("（{} のことですか？）", e.name))
                .unwrap_or_default()
        ),
    )
}

fn half_width_digit(c: char) -> char {
    match c {
        '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> PartialDate {
        match parse_japanese(s) {
            Some(Ok(d)) => d,
            other => panic!("{s}: {other:?}"),
        }
    }

    fn err(s: &str) -> String {
        match parse_japanese(s) {
            Some(Err(e)) => e.en,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn reads_era_forms_at_each_precision() {
        assert_eq!(ok("令和5年度"), PartialDate::FiscalYear(2023));
        assert_eq!(ok("令和５年度"), PartialDate::FiscalYear(2023));
        assert_eq!(ok("平成25年"), PartialDate::Year(2013));
        assert_eq!(ok("H25"), PartialDate::Year(2013));
        assert_eq!(ok("R5"), PartialDate::Year(2023));
        assert_eq!(ok("R5年度"), PartialDate::FiscalYear(2023));
        assert_eq!(ok("令和元年5月1日"), PartialDate::Day(2019, 5, 1));
        assert_eq!(ok("平成31年4月30日"), PartialDate::Day(2019, 4, 30));
        assert_eq!(ok("平成31年度"), PartialDate::FiscalYear(2019));
        assert_eq!(ok("昭和64年1月"), PartialDate::Month(1989, 1));
        assert_eq!(ok("平成元年1月8日"), PartialDate::Day(1989, 1, 8));
        assert_eq!(ok("2023年度"), PartialDate::FiscalYear(2023));
        assert_eq!(ok("2023年4月"), PartialDate::Month(2023, 4));
        assert_eq!(ok("明治6年"), PartialDate::Year(1873));
    }

    #[test]
    fn leaves_other_forms_to_the_caller() {
        for s in [
            "2023",
            "2023-04",
            "2016/04",
            "98",
            "about 2020",
            "FY2016",
            "FYR5",
        ] {
            assert!(parse_japanese(s).is_none(), "{s}");
        }
    }

    #[test]
    fn explains_what_is_wrong() {
        assert_eq!(
            err("平成32年度"),
            "`平成32年度` is not a real date: 平成 ended on 2019-04-30 (平成31年4月30日); write \
             令和2年度 or FY2020"
        );
        assert_eq!(
            err("平成31年5月1日"),
            "`平成31年5月1日` is not a real date: 平成 ended on 2019-04-30 (平成31年4月30日); write \
             令和元年5月1日 or 2019-05-01"
        );
        assert_eq!(
            err("令和元年4月"),
            "`令和元年4月` is not a real date: 令和 began on 2019-05-01; write 平成31年4月 or 2019-04"
        );
        assert_eq!(
            err("令和0年"),
            "`令和0年` is not a real date: era years count from 元年 (1); 令和元年 is 2019"
        );
        assert_eq!(
            err("令話5年"),
            "`令話5年` is not a date: `令話` is not an era (did you mean 令和?); eras are written \
             令和 (R), 平成 (H), 昭和 (S), 大正 (T) or 明治 (M), and Gregorian years as 2023, 2023-04 or \
             FY2023"
        );
        assert!(err("X5").contains("`X` is not an era; "));
        assert!(err("H32").ends_with("write 令和2年 or 2020"));
        assert_eq!(
            err("令和5年2月30日"),
            "`令和5年2月30日` is not a real date: month 2 of 2023 has 28 days"
        );
        assert_eq!(
            err("令和5年13月"),
            "`令和5年13月` is not a real date: months run from 1 to 12"
        );
        assert!(err("令和5年度末").starts_with("`令和5年度末` is not a date: Japanese dates"));
        assert!(err("23年度").starts_with("`23年度` is not a date"));
    }

    #[test]
    fn explains_what_is_wrong_in_japanese() {
        let ja = |s: &str| match parse_japanese(s) {
            Some(Err(e)) => e.ja,
            other => panic!("{s}: {other:?}"),
        };
        assert_eq!(
            ja("平成32年度"),
            "`平成32年度` という日付はありません。平成は 2019年4月30日（平成31年4月30日）に終わっています。\
             令和2年度 か FY2020 と書いてください"
        );
        assert_eq!(
            ja("令和元年4月"),
            "`令和元年4月` という日付はありません。令和は 2019年5月1日に始まりました。平成31年4月 か 2019-04 \
             と書いてください"
        );
        assert_eq!(
            ja("令話5年"),
            "`令話5年` は日付ではありません。`令話` という元号はありません（令和 のことですか？）。元号は \
             令和（R）、平成（H）、昭和（S）、大正（T）、明治（M）と書き、西暦の年は 2023、2023-04、FY2023 \
             のように書いてください"
        );
        assert_eq!(
            ja("令和5年2月30日"),
            "`令和5年2月30日` という日付はありません。2023年2月は 28 日までです"
        );
    }

    #[test]
    fn eras_end_the_day_before_the_next_begins() {
        assert_eq!(ERAS[3].end(), Some((2019, 4, 30)));
        assert_eq!(ERAS[2].end(), Some((1989, 1, 7)));
        assert_eq!(ERAS[4].end(), None);
        assert_eq!(
            era_for(PartialDate::FiscalYear(2019)).map(|(e, n)| (e.name, n)),
            Some(("令和", 1))
        );
        assert_eq!(
            era_for(PartialDate::Month(2019, 4)).map(|(e, n)| (e.name, n)),
            Some(("平成", 31))
        );
        assert_eq!(era_for(PartialDate::Year(1850)), None);
    }
}
