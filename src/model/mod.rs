//! Plain domain data: what the content means once loaded and validated. No I/O, no Tera, no YAML types.

pub mod chart;
pub mod citation;
pub mod data;
pub mod date;
mod date_text;
pub mod era;
pub mod identity;
pub mod lang;
pub mod page;
pub mod site;
pub mod table;
pub mod taxonomy;
pub mod text_file;
