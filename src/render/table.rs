//! A numbered table as a `<figure>` captioned above (through the theme's `partials/table.html`), and as CSV.

use serde::Serialize;

use super::citations::{figure_line, joined};
use super::context::Context;
use super::figure::{CsvCell, plain_number, push_row};
use super::figures::FigureInfo;
use super::views::CitationView;
use crate::diag::Diagnostic;
use crate::format::date::format_date;
use crate::format::label::with_unit;
use crate::format::number::format_number;
use crate::model::date::DateStyle;
use crate::model::lang::Lang;
use crate::model::table::{Cell, ColumnKind, Table};

/// What `partials/table.html` receives.
#[derive(Serialize)]
pub(crate) struct TableContext {
    /// Language code (the UI strings come as `t`).
    pub lang: &'static str,
    /// The table.
    pub table: TableView,
}

/// A numbered table, formatted for one language.
#[derive(Serialize)]
pub(crate) struct TableView {
    /// Anchor id (`tbl-<table id>`).
    pub anchor: String,
    /// 表2-1.
    pub label: String,
    /// The caption.
    pub caption: String,
    /// The header row.
    pub head: Vec<CellView>,
    /// The rows.
    pub rows: Vec<Vec<CellView>>,
    /// Note under the table.
    pub note: Option<String>,
    /// 資料：… line.
    pub source: String,
    /// Link to the first source's entry.
    pub source_url: String,
    /// Each source of the line, with its link.
    pub sources: Vec<CitationView>,
    /// Link to the CSV.
    pub csv_url: String,
    /// CSV file name.
    pub csv_name: String,
}

/// One cell, written for the language.
#[derive(Serialize, Debug, PartialEq)]
pub struct CellView {
    /// The text.
    pub text: String,
    /// A number (right-aligned).
    pub numeric: bool,
    /// The row's header cell (the first cell of a row, when the first column holds words).
    pub header: bool,
}

/// The table's HTML on the page at site path `from`.
pub(crate) fn table_html(
    ctx: &Context<'_>,
    table: &Table,
    info: &FigureInfo,
    lang: Lang,
    from: &str,
    id_prefix: &str,
) -> Result<String, Diagnostic> {
    let csv_name = format!("{}.csv", table.id);
    let page_dir = super::urls::page_path(lang, &info.page_id);
    let (head, rows) = cells(table, lang, ctx.site.config.japanese_dates);
    let sources = figure_line(ctx, lang, &table.sources, |id| {
        ctx.urls.href(from, &format!("{page_dir}#hk-source-{id}"))
    });
    let view = TableContext {
        lang: lang.code(),
        table: TableView {
            anchor: format!("{id_prefix}tbl-{}", table.id),
            label: info.label.get(lang).clone(),
            caption: table.caption.get(lang).clone(),
            head,
            rows,
            note: table.note.as_ref().map(|n| n.get(lang).clone()),
            source: joined(ctx, lang, &sources),
            source_url: sources.first().map(|s| s.url.clone()).unwrap_or_default(),
            sources,
            csv_url: ctx.urls.href(from, &format!("{page_dir}{csv_name}")),
            csv_name,
        },
    };
    ctx.render("partials/table.html", &view, &format!("table {}", table.id))
}

/// The header row and the rows, written for `lang`.
pub(crate) fn cells(
    table: &Table,
    lang: Lang,
    dates: DateStyle,
) -> (Vec<CellView>, Vec<Vec<CellView>>) {
    let head = table
        .columns
        .iter()
        .map(|c| CellView {
            text: header(&c.header.get(lang).clone(), &c.kind, lang),
            numeric: matches!(c.kind, ColumnKind::Number { .. }),
            header: true,
        })
        .collect();
    let row_headers = table
        .columns
        .first()
        .is_some_and(|c| c.kind == ColumnKind::Text);
    let rows = table
        .rows
        .iter()
        .map(|row| {
            row.iter()
                .zip(&table.columns)
                .enumerate()
                .map(|(i, (cell, column))| CellView {
                    text: cell_text(cell, &column.kind, lang, dates),
                    numeric: matches!(cell, Cell::Number(_)),
                    header: i == 0 && row_headers,
                })
                .collect()
        })
        .collect();
    (head, rows)
}

/// A header with its column's unit: 企業数（社） / Companies (companies).
fn header(text: &str, kind: &ColumnKind, lang: Lang) -> String {
    match kind {
        ColumnKind::Number { unit: Some(u), .. } => with_unit(text, u.get(lang), lang),
        _ => text.to_string(),
    }
}

/// A cell as the language writes it; an empty cell is a dash.
fn cell_text(cell: &Cell, kind: &ColumnKind, lang: Lang, dates: DateStyle) -> String {
    match (cell, kind) {
        (Cell::Empty, _) => "—".to_string(),
        (Cell::Text(t), _) => t.get(lang).clone(),
        (Cell::Number(v), ColumnKind::Number { scale, .. }) => format_number(*v, lang, *scale),
        (Cell::Number(v), _) => plain_number(*v),
        (Cell::Date(d), _) => format_date(*d, lang, dates),
    }
}

/// The table as CSV (UTF-8 with a byte-order mark, as charts' data): headers with units, numbers plain,
/// dates in their Gregorian form whatever the input (2021, FY2021, 2021-04), empty cells empty.
pub(crate) fn csv(table: &Table, lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let head: Vec<CsvCell> = table
        .columns
        .iter()
        .map(|c| CsvCell::Text(header(c.header.get(lang), &c.kind, lang)))
        .collect();
    push_row(&mut out, &head);
    for row in &table.rows {
        let cells: Vec<CsvCell> = row
            .iter()
            .map(|cell| match cell {
                Cell::Empty => CsvCell::Text(String::new()),
                Cell::Text(t) => CsvCell::Text(t.get(lang).clone()),
                Cell::Number(v) => CsvCell::Number(*v),
                Cell::Date(d) => CsvCell::Text(d.to_string()),
            })
            .collect();
        push_row(&mut out, &cells);
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::NumberScale;
    use crate::model::date::PartialDate;
    use crate::model::lang::Text;
    use crate::model::table::Column;

    fn table() -> Table {
        Table {
            id: "t".into(),
            caption: Text::same("c"),
            columns: vec![
                Column {
                    header: Text {
                        ja: "地域".into(),
                        en: "Region".into(),
                    },
                    kind: ColumnKind::Text,
                },
                Column {
                    header: Text {
                        ja: "研究者".into(),
                        en: "Researchers".into(),
                    },
                    kind: ColumnKind::Number {
                        unit: Some(Text {
                            ja: "人".into(),
                            en: "people".into(),
                        }),
                        scale: NumberScale::Myriad,
                    },
                },
                Column {
                    header: Text::same("時点"),
                    kind: ColumnKind::Date,
                },
            ],
            rows: vec![
                vec![
                    Cell::Text(Text {
                        ja: "神奈川, 県".into(),
                        en: "=Kanagawa".into(),
                    }),
                    Cell::Number(14000.0),
                    Cell::Date(PartialDate::FiscalYear(2021)),
                ],
                vec![Cell::Text(Text::same("x")), Cell::Empty, Cell::Empty],
            ],
            note: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn cells_are_written_for_each_language() {
        let (head, rows) = cells(&table(), Lang::Ja, DateStyle::Gregorian);
        assert_eq!(head[1].text, "研究者（人）");
        assert!(head[1].numeric && !head[0].numeric);
        assert_eq!(rows[0][0].text, "神奈川, 県");
        assert!(rows[0][0].header && !rows[0][1].header);
        assert_eq!(rows[0][1].text, "1万4,000");
        assert!(rows[0][1].numeric);
        assert_eq!(rows[0][2].text, "2021年度");
        assert_eq!(rows[1][1].text, "—");
        let (_, rows) = cells(&table(), Lang::En, DateStyle::Era);
        assert_eq!(rows[0][1].text, "14,000");
        assert_eq!(rows[0][2].text, "FY2021");
    }

    #[test]
    fn csv_has_plain_numbers_and_is_safe() {
        let ja = String::from_utf8(csv(&table(), Lang::Ja)).unwrap();
        assert_eq!(
            ja,
            "\u{FEFF}地域,研究者（人）,時点\r\n\"神奈川, 県\",14000,FY2021\r\nx,,\r\n"
        );
        let en = String::from_utf8(csv(&table(), Lang::En)).unwrap();
        assert!(en.contains("'=Kanagawa,14000,FY2021\r\n"), "{en}");
    }
}
