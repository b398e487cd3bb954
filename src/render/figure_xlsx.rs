//! A figure's data as an Excel workbook (`<chart id>-<lang>.xlsx`), laid out as Japanese white papers publish
//! their figure data: the figure's number and title, the unit, then the table (values as numbers, with
//! thousands separators), then the note, the sources and the report's address. Made with rust_xlsxwriter;
//! text is always written as text, never as a formula. The workbook's creation date is fixed (the page's
//! date, or 1980-01-01 as in reproducible archives), so the same content gives the same bytes.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatBorder, Url, Workbook};

use super::figure::header;
use crate::model::chart::{Chart, ChartKind};
use crate::model::date::PartialDate;
use crate::model::lang::Lang;

/// The words around the table.
pub(crate) struct XlsxText<'a> {
    /// 図2-3 and the title.
    pub heading: &'a str,
    /// The note.
    pub note: Option<&'a str>,
    /// 資料：… line.
    pub source: &'a str,
    /// The report's title.
    pub report: &'a str,
    /// The figure page's address.
    pub url: &'a str,
    /// The date the workbook says it was made.
    pub date: Option<PartialDate>,
}

/// The workbook's bytes, or what went wrong.
pub(crate) fn xlsx(chart: &Chart, lang: Lang, text: &XlsxText<'_>) -> Result<Vec<u8>, String> {
    let mut book = Workbook::new();
    let (y, m, d) = text.date.map(|d| d.first_day()).unwrap_or((1980, 1, 1));
    let made = ExcelDateTime::from_ymd(
        u16::try_from(y.clamp(1900, 9999)).unwrap_or(1980),
        m as u8,
        d as u8,
    )
    .map_err(|e| e.to_string())?;
    book.set_properties(
        &DocProperties::new()
            .set_title(text.heading)
            .set_author(text.report)
            .set_creation_datetime(&made),
    );
    let sheet = book.add_worksheet();
    sheet
        .set_name(match lang {
            Lang::Ja => "データ",
            Lang::En => "Data",
        })
        .map_err(|e| e.to_string())?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border_bottom(FormatBorder::Thin);
    let err = |e: rust_xlsxwriter::XlsxError| e.to_string();
    sheet
        .write_string_with_format(0, 0, text.heading, &bold)
        .map_err(err)?;
    let mut row = 1;
    // One unit for the table (a combo chart's two axes have theirs in the column headings).
    let unit = chart.unit.as_ref().map(|u| u.get(lang));
    if let Some(unit) = unit.filter(|u| !u.is_empty() && chart.kind != ChartKind::Combo) {
        let label = match lang {
            Lang::Ja => format!("単位：{unit}"),
            Lang::En => format!("Unit: {unit}"),
        };
        sheet.write_string(row, 0, label).map_err(err)?;
        row += 1;
    }
    row += 1;
    for (col, title) in header(chart, lang).iter().enumerate() {
        sheet
            .write_string_with_format(row, col as u16, title, &head)
            .map_err(err)?;
    }
    let formats: Vec<Format> = chart
        .series
        .iter()
        .map(|s| {
            let whole = s.values.iter().all(|v| v.fract() == 0.0);
            Format::new().set_num_format(if whole { "#,##0" } else { "#,##0.0##" })
        })
        .collect();
    for (i, category) in chart.categories.iter().enumerate() {
        row += 1;
        sheet
            .write_string(row, 0, category.get(lang))
            .map_err(err)?;
        for (col, (series, format)) in chart.series.iter().zip(&formats).enumerate() {
            sheet
                .write_number_with_format(row, col as u16 + 1, series.values[i], format)
                .map_err(err)?;
        }
    }
    row += 2;
    for line in text.note.into_iter().chain([text.source]) {
        sheet.write_string(row, 0, line).map_err(err)?;
        row += 1;
    }
    sheet
        .write_url_with_text(row, 0, Url::new(text.url), text.report)
        .map_err(err)?;
    let widest = chart
        .categories
        .iter()
        .map(|c| display_width(c.get(lang)))
        .max()
        .unwrap_or(8);
    sheet
        .set_column_width(0, (widest as f64 + 2.0).clamp(10.0, 60.0))
        .map_err(err)?;
    for col in 1..=chart.series.len() {
        sheet.set_column_width(col as u16, 16).map_err(err)?;
    }
    book.save_to_buffer().map_err(|e| e.to_string())
}

/// Columns a text takes in a spreadsheet: two for a wide (CJK) character, one otherwise.
fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) < 0x1100 { 1 } else { 2 })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::{Mark, NumberScale, Series};
    use crate::model::lang::Text;

    fn chart() -> Chart {
        Chart {
            id: "c".into(),
            kind: ChartKind::Bar,
            title: Text::same("t"),
            categories: vec![Text::same("2018"), Text::same("=cmd()")],
            series: vec![Series {
                name: Text {
                    ja: "企業数".into(),
                    en: "Companies".into(),
                },
                values: vec![350.0, 12.5],
                mark: Mark::Bar,
            }],
            unit: Some(Text::same("社")),
            value_title: None,
            category_title: None,
            right_axis: None,
            scale: NumberScale::Plain,
            note: None,
            sources: Vec::new(),
        }
    }

    fn text() -> XlsxText<'static> {
        XlsxText {
            heading: "図1-1 企業数",
            note: Some("注：年度末"),
            source: "資料：試験省",
            report: "試験報告書",
            url: "https://example.org/ja/figures/c/",
            date: None,
        }
    }

    #[test]
    fn a_workbook_the_same_each_time_and_one_per_language() {
        let a = xlsx(&chart(), Lang::Ja, &text()).unwrap();
        assert_eq!(&a[..2], b"PK");
        assert_eq!(a, xlsx(&chart(), Lang::Ja, &text()).unwrap());
        let b = xlsx(&chart(), Lang::En, &text()).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn wide_characters_count_twice() {
        assert_eq!(display_width("2018年"), 6);
        assert_eq!(display_width("abc"), 3);
    }
}
