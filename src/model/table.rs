//! What a numbered table in `data.yaml` means, once validated: typed columns and rows of cells.

use super::chart::NumberScale;
use super::date::PartialDate;
use super::lang::Text;

/// What a column holds, and so how its cells are written and aligned.
#[derive(Clone, Debug, PartialEq)]
pub enum ColumnKind {
    /// Words, in both languages or one for both.
    Text,
    /// Numbers, formatted for the language and right-aligned; the unit goes into the header.
    Number {
        /// Unit of every number of the column (社 / companies); may be empty.
        unit: Option<Text>,
        /// How the numbers are written.
        scale: NumberScale,
    },
    /// Dates (2023, 2023-04, FY2023), written as the language writes them.
    Date,
}

impl ColumnKind {
    /// The names used in `data.yaml`.
    pub const NAMES: [&'static str; 3] = ["text", "number", "date"];
}

/// A column: its header and what it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header cell.
    pub header: Text,
    /// What the column holds.
    pub kind: ColumnKind,
}

/// One cell, of its column's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Nothing to show (`null` or `~` in data.yaml): written as a dash.
    Empty,
    /// Words.
    Text(Text),
    /// A finite number.
    Number(f64),
    /// A date.
    Date(PartialDate),
}

/// A validated table: every row has one cell per column, each of the column's kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Unique within its page.
    pub id: String,
    /// The caption, written above the table with its number.
    pub caption: Text,
    /// At least one column.
    pub columns: Vec<Column>,
    /// The rows, in the order given.
    pub rows: Vec<Vec<Cell>>,
    /// A note printed under the table.
    pub note: Option<Text>,
    /// Where the data comes from (at least one source).
    pub sources: Vec<super::citation::Citation>,
}
