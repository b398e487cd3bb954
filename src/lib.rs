//! hakusho: a static site generator for bilingual (Japanese/English) white-paper style reports.
//!
//! The pipeline (`pipeline::build`) loads `content/` into a [`model::site::Site`], renders Markdown and
//! charts, renders pages through the theme, and hands the files to [`output`], the only module that writes.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod chart;
pub mod diag;
pub mod format;
pub mod load;
pub mod markdown;
pub mod model;
pub mod yaml;
