//! Writing numbers and dates for a language. Pure functions, used by charts and templates alike.

pub mod date;
pub mod escape;
pub mod label;
pub mod number;
pub mod size;
