//! Numbered tables in `data.yaml`: the as-written shape, and validation into [`Table`].

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::citations::RawCitations;
use super::raw::{RawScale, check_id};
use super::text::{RawLabel, RawText, RawUnit};
use crate::diag::{Code, Diagnostic};
use crate::model::date::PartialDate;
use crate::model::lang::Text;
use crate::model::table::{Cell, Column, ColumnKind, Table};
use crate::yaml::{Seg, Source};

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTable {
    pub(crate) id: String,
    caption: RawText,
    columns: Vec<RawColumn>,
    rows: Vec<Vec<RawCell>>,
    note: Option<RawText>,
    pub(crate) source: Option<RawCitations>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawColumn {
    header: RawLabel,
    #[serde(rename = "type")]
    kind: Option<RawColumnKind>,
    unit: Option<RawUnit>,
    scale: Option<RawScale>,
}

#[derive(Debug, PartialEq, Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum RawColumnKind {
    Text,
    Number,
    Date,
}

/// A cell as YAML read it: which kind it must be is decided by its column.
#[derive(Debug, PartialEq)]
enum RawCell {
    Empty,
    Number(f64),
    Plain(String),
    Both(Text),
}

impl<'de> Deserialize<'de> for RawCell {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCell;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a cell: a number, a text, {ja: …, en: …}, or ~ for an empty cell")
            }
            fn visit_unit<E: de::Error>(self) -> Result<RawCell, E> {
                Ok(RawCell::Empty)
            }
            fn visit_none<E: de::Error>(self) -> Result<RawCell, E> {
                Ok(RawCell::Empty)
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawCell, E> {
                Ok(RawCell::Plain(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawCell, E> {
                Ok(RawCell::Number(v as f64))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawCell, E> {
                Ok(RawCell::Number(v as f64))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawCell, E> {
                Ok(RawCell::Number(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCell, E> {
                Ok(RawCell::Plain(v.to_string()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCell, A::Error> {
                let text = RawLabel::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawCell::Both(text.0))
            }
        }
        d.deserialize_any(V)
    }
}

/// Validates table `index` of a `data.yaml`. The source is checked by the caller.
pub(crate) fn resolve_table(
    src: &Source<'_>,
    index: usize,
    raw: RawTable,
) -> Result<Table, Vec<Diagnostic>> {
    let at = |rest: &[Seg<'static>]| -> Vec<Seg<'static>> {
        [Seg::Key("tables"), Seg::Index(index)]
            .into_iter()
            .chain(rest.iter().copied())
            .collect()
    };
    let mut errors = Vec::new();
    check_id(src, &mut errors, &raw.id, &at(&[Seg::Key("id")]));
    let id = raw.id.as_str();
    let columns = columns(src, &at, id, raw.columns, &mut errors);
    if raw.rows.is_empty() {
        errors.push(
            src.error_at(
                Code::TableData,
                &at(&[Seg::Key("rows")]),
                format!("table `{id}` has no rows"),
            )
            .with_help("give each row as a list with one cell per column, e.g. `- [Kobe, 362]`")
            .ja(format!("表 `{id}` に行がありません"))
            .ja_help(
                "各行を、列ごとに一つずつセルを並べたリストで書いてください。例：`- [Kobe, 362]`",
            ),
        );
    }
    let mut rows = Vec::with_capacity(raw.rows.len());
    for (r, raw_row) in raw.rows.into_iter().enumerate() {
        let row_at = at(&[Seg::Key("rows"), Seg::Index(r)]);
        if raw_row.len() != columns.len() && !columns.is_empty() {
            errors.push(
                src.error_at(
                    Code::TableData,
                    &row_at,
                    format!(
                        "row {} of table `{id}` has {} cells, but the table has {} columns",
                        r + 1,
                        raw_row.len(),
                        columns.len()
                    ),
                )
                .with_help("give one cell per column, in the order of `columns`; write ~ for a cell left empty")
                .ja(format!(
                    "表 `{id}` の {} 行目にはセルが {} 個ありますが、表の列は {} 列です",
                    r + 1,
                    raw_row.len(),
                    columns.len()
                ))
                .ja_help("`columns` の順に、列ごとに一つずつセルを書いてください。空のセルには ~ と書きます"),
            );
            continue;
        }
        let mut row = Vec::with_capacity(raw_row.len());
        for (c, (raw_cell, column)) in raw_row.into_iter().zip(&columns).enumerate() {
            let mut cell_at = row_at.clone();
            cell_at.push(Seg::Index(c));
            match cell(raw_cell, &column.kind) {
                Ok(cell) => row.push(cell),
                Err(problem) => {
                    let what = format!("row {}, column {} of table `{id}`", r + 1, c + 1);
                    let what_ja = format!("表 `{id}` の {} 行目 {} 列目", r + 1, c + 1);
                    errors.push(
                        src.error_at(
                            Code::TableData,
                            &cell_at,
                            format!("{what}: {}", problem.message),
                        )
                        .with_help(problem.help)
                        .ja(format!("{what_ja}：{}", problem.message_ja))
                        .ja_help(problem.help_ja),
                    );
                    row.push(Cell::Empty);
                }
            }
        }
        rows.push(row);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Table {
        id: raw.id,
        caption: raw.caption.0,
        columns,
        rows,
        note: raw.note.map(|n| n.0),
        sources: Vec::new(),
    })
}

/// The columns, each with its kind; `unit` and `scale` only where numbers are.
fn columns(
    src: &Source<'_>,
    at: &dyn Fn(&[Seg<'static>]) -> Vec<Seg<'static>>,
    id: &str,
    raw: Vec<RawColumn>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Column> {
    if raw.is_empty() {
        errors.push(
            src.error_at(Code::TableData, &at(&[Seg::Key("columns")]), format!("table `{id}` has no columns"))
                .with_help("list the columns, each with `header: {ja: …, en: …}` and `type: text`, `number` or `date`")
                .ja(format!("表 `{id}` に列がありません"))
                .ja_help("列を並べて書いてください。どの列にも `header: {ja: …, en: …}` と `type: text`、`number`、`date` のどれかを書きます"),
        );
    }
    let mut columns = Vec::with_capacity(raw.len());
    for (c, column) in raw.into_iter().enumerate() {
        let kind = column.kind.unwrap_or(RawColumnKind::Text);
        if kind != RawColumnKind::Number {
            for (key, given) in [
                ("unit", column.unit.is_some()),
                ("scale", column.scale.is_some()),
            ] {
                if given {
                    errors.push(
                        src.error_at_key(
                            Code::TableData,
                            &at(&[Seg::Key("columns"), Seg::Index(c), Seg::Key(key)]),
                            format!(
                                "`{key}` is only for number columns (column {} of table `{id}`)",
                                c + 1
                            ),
                        )
                        .with_help("add `type: number` to the column, or remove the key")
                        .ja(format!(
                            "`{key}` は数の列にだけ書けます（表 `{id}` の {} 列目）",
                            c + 1
                        ))
                        .ja_help("その列に `type: number` を加えるか、このキーを消してください"),
                    );
                }
            }
        }
        columns.push(Column {
            header: column.header.0,
            kind: match kind {
                RawColumnKind::Text => ColumnKind::Text,
                RawColumnKind::Number => ColumnKind::Number {
                    unit: column.unit.map(|u| u.0),
                    scale: RawScale::resolve(column.scale),
                },
                RawColumnKind::Date => ColumnKind::Date,
            },
        });
    }
    columns
}

/// What is wrong with a cell, and how to fix it, in English and Japanese.
struct CellProblem {
    message: String,
    help: String,
    message_ja: String,
    help_ja: String,
}

impl CellProblem {
    fn new((message, message_ja): (String, String), (help, help_ja): (&str, &str)) -> CellProblem {
        CellProblem {
            message,
            help: help.into(),
            message_ja,
            help_ja: help_ja.into(),
        }
    }
}

/// The cell of a column of `kind`, or what is wrong with it and how to fix it.
fn cell(raw: RawCell, kind: &ColumnKind) -> Result<Cell, CellProblem> {
    match (raw, kind) {
        (RawCell::Empty, _) => Ok(Cell::Empty),
        (RawCell::Number(v), ColumnKind::Number { .. }) if v.is_finite() => Ok(Cell::Number(v)),
        (RawCell::Number(_), ColumnKind::Number { .. }) => Err(CellProblem::new(
            (
                "the number is not finite".into(),
                "有限の数ではありません".into(),
            ),
            (
                "write a plain number, or ~ for a cell left empty",
                "ふつうの数を書いてください。空のセルには ~ と書きます",
            ),
        )),
        (RawCell::Plain(s), ColumnKind::Number { .. }) => {
            let (help, help_ja) = number_help(&s);
            Err(CellProblem {
                message: format!("\"{s}\" is not a number, and this is a number column"),
                help,
                message_ja: format!("\"{s}\" は数ではありませんが、ここは数の列です"),
                help_ja,
            })
        }
        (RawCell::Both(t), ColumnKind::Number { .. }) => Err(CellProblem::new(
            (
                format!(
                    "{{ja: {}, en: {}}} is not a number, and this is a number column",
                    t.ja, t.en
                ),
                format!(
                    "{{ja: {}, en: {}}} は数ではありませんが、ここは数の列です",
                    t.ja, t.en
                ),
            ),
            (
                "write the number once for both languages, e.g. 12400; the column's `unit` is written for each language",
                "数は両方の言語に共通で一度だけ、12400 のように書いてください。言語ごとの書き方は列の `unit` で決まります",
            ),
        )),
        (RawCell::Number(v), ColumnKind::Text) => Ok(Cell::Text(Text::same(plain_number(v)))),
        (RawCell::Plain(s), ColumnKind::Text) => Ok(Cell::Text(Text::same(s))),
        (RawCell::Both(t), ColumnKind::Text) => Ok(Cell::Text(t)),
        (RawCell::Number(v), ColumnKind::Date) => date(&plain_number(v)),
        (RawCell::Plain(s), ColumnKind::Date) => date(&s),
        (RawCell::Both(_), ColumnKind::Date) => Err(CellProblem::new(
            (
                "a date is written once for both languages".into(),
                "日付は両方の言語に共通で一度だけ書きます".into(),
            ),
            (
                "write it as 2023, 2023-04, 2023-04-01 or FY2023; each language's pages write it their way",
                "2023、2023-04、2023-04-01、FY2023 のように書いてください。各言語のページがそれぞれの書き方で表示します",
            ),
        )),
    }
}

fn date(text: &str) -> Result<Cell, CellProblem> {
    PartialDate::parse(text).map(Cell::Date).map_err(|e| {
        CellProblem::new(
            (e.en, e.ja),
            (
                "write a date in this column, or change the column's `type` to `text`",
                "この列には日付を書くか、列の `type` を `text` に変えてください",
            ),
        )
    })
}

/// The help for a text in a number column: the number without what was written around it (in English and
/// Japanese).
fn number_help(s: &str) -> (String, String) {
    let digits: String = s
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
        .collect();
    if !digits.is_empty() && digits.parse::<f64>().is_ok() && digits != s.trim() {
        (
            format!(
                "write the number alone, without separators or units: {digits} (the column's `unit` and `scale` say how it is shown)"
            ),
            format!(
                "区切りや単位を付けずに、数だけを {digits} のように書いてください（表示のしかたは列の `unit` と `scale` で決まります）"
            ),
        )
    } else {
        (
            "write a number, or ~ for a cell left empty; to show words in this column, change its `type` to `text`".into(),
            "数を書いてください。空のセルには ~ と書きます。この列に文を表示するなら、列の `type` を `text` に変えてください".into(),
        )
    }
}

fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_in_a_number_column_is_told_in_both_languages() {
        let kind = ColumnKind::Number {
            unit: None,
            scale: crate::model::chart::NumberScale::Plain,
        };
        let Err(p) = cell(RawCell::Plain("1,200社".into()), &kind) else {
            panic!("a text in a number column");
        };
        assert_eq!(
            p.message_ja,
            "\"1,200社\" は数ではありませんが、ここは数の列です"
        );
        assert_eq!(
            p.help_ja,
            "区切りや単位を付けずに、数だけを 1200 のように書いてください（表示のしかたは列の `unit` と `scale` で決まります）"
        );
        let Err(p) = cell(RawCell::Plain("2023-02-30".into()), &ColumnKind::Date) else {
            panic!("an impossible date");
        };
        assert_eq!(
            p.message,
            "`2023-02-30` is not a real date: month 2 of 2023 has 28 days"
        );
        assert_eq!(
            p.message_ja,
            "`2023-02-30` という日付はありません。2023年2月は 28 日までです"
        );
    }
}
