//! Dates written for a language: `2016年4月` / `April 2016`, `2016年度` / `FY2016`; on Japanese pages also
//! with the era as `site.yaml` asks (`令和5年度`, `2023（令和5）年度`).

use crate::model::date::{DateStyle, PartialDate};
use crate::model::era::{era_for, era_year};
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

/// Writes a date at the precision it was given; Japanese in `style` (a date before the Meiji era is
/// written the Gregorian way in every style), English always Gregorian.
pub fn format_date(date: PartialDate, lang: Lang, style: DateStyle) -> String {
    match lang {
        Lang::En => english(date),
        Lang::Ja => {
            let era = era_for(date).map(|(e, n)| format!("{}{}", e.name, era_year(n)));
            let year = match (style, era) {
                (DateStyle::Era, Some(era)) => era,
                (DateStyle::Both, Some(era)) => format!("{}（{era}）", date.year()),
                _ => date.year().to_string(),
            };
            match date {
                PartialDate::Year(_) => format!("{year}年"),
                PartialDate::FiscalYear(_) => format!("{year}年度"),
                PartialDate::Month(_, m) => format!("{year}年{m}月"),
                PartialDate::Day(_, m, d) => format!("{year}年{m}月{d}日"),
            }
        }
    }
}

fn english(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => format!("{y}"),
        PartialDate::FiscalYear(y) => format!("FY{y}"),
        PartialDate::Month(y, m) => format!("{} {y}", month_name(m)),
        PartialDate::Day(y, m, d) => format!("{d} {} {y}", month_name(m)),
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
            assert_eq!(format_date(date, Lang::Ja, DateStyle::Gregorian), ja);
            for style in [DateStyle::Gregorian, DateStyle::Era, DateStyle::Both] {
                assert_eq!(format_date(date, Lang::En, style), en);
            }
        }
    }

    #[test]
    fn japanese_with_the_era() {
        let cases = [
            ("FY2023", "令和5年度", "2023（令和5）年度"),
            ("2013", "平成25年", "2013（平成25）年"),
            ("FY2019", "令和元年度", "2019（令和元）年度"),
            ("2019", "令和元年", "2019（令和元）年"),
            ("2019-04", "平成31年4月", "2019（平成31）年4月"),
            ("2019-05-01", "令和元年5月1日", "2019（令和元）年5月1日"),
            ("1989-01-07", "昭和64年1月7日", "1989（昭和64）年1月7日"),
            ("FY1988", "昭和63年度", "1988（昭和63）年度"),
            ("1850", "1850年", "1850年"),
        ];
        for (input, era, both) in cases {
            let date = PartialDate::parse(input).unwrap();
            assert_eq!(format_date(date, Lang::Ja, DateStyle::Era), era, "{input}");
            assert_eq!(
                format_date(date, Lang::Ja, DateStyle::Both),
                both,
                "{input}"
            );
        }
    }

    #[test]
    fn an_era_date_read_and_written_again_is_the_same_date() {
        for y in 1873..2100 {
            for date in [
                PartialDate::Year(y),
                PartialDate::FiscalYear(y),
                PartialDate::Month(y, 1),
                PartialDate::Month(y, 5),
                PartialDate::Day(y, 12, 31),
                PartialDate::Day(y, 1, 7),
            ] {
                let written = format_date(date, Lang::Ja, DateStyle::Era);
                assert_eq!(PartialDate::parse(&written), Ok(date), "{written}");
            }
        }
    }
}
