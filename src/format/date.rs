//! Dates written for a language: `2016年4月` / `April 2016`, `2016年度` / `FY2016`.

use crate::model::date::PartialDate;
use crate::model::lang::Lang;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Writes a date at the precision it was given.
pub fn format_date(date: PartialDate, lang: Lang) -> String {
    match (lang, date) {
        (Lang::Ja, PartialDate::Year(y)) => format!("{y}年"),
        (Lang::Ja, PartialDate::FiscalYear(y)) => format!("{y}年度"),
        (Lang::Ja, PartialDate::Month(y, m)) => format!("{y}年{m}月"),
        (Lang::Ja, PartialDate::Day(y, m, d)) => format!("{y}年{m}月{d}日"),
        (Lang::En, PartialDate::Year(y)) => format!("{y}"),
        (Lang::En, PartialDate::FiscalYear(y)) => format!("FY{y}"),
        (Lang::En, PartialDate::Month(y, m)) => format!("{} {y}", month_name(m)),
        (Lang::En, PartialDate::Day(y, m, d)) => format!("{d} {} {y}", month_name(m)),
    }
}

fn month_name(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_at_each_precision() {
        let cases = [
            ("1998", "1998年", "1998"),
            ("FY2016", "2016年度", "FY2016"),
            ("2016-04", "2016年4月", "April 2016"),
            ("2024-12-27", "2024年12月27日", "27 December 2024"),
        ];
        for (input, ja, en) in cases {
            let date = PartialDate::parse(input).unwrap();
            assert_eq!(format_date(date, Lang::Ja), ja);
            assert_eq!(format_date(date, Lang::En), en);
        }
    }
}
