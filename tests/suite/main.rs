//! Integration tests: each builds a small fixture site with the real binary and asserts what the user sees.
//! See tests/README.md for how to add one.

mod cases;
mod harness;

mod bilingual;
mod build;
mod cards;
mod citing;
mod editor;
mod errors;
mod figure_pages;
mod glossary;
mod hostile;
mod incremental;
mod languages;
mod languages_cli;
mod map;
mod navigation;
#[cfg(feature = "pdf")]
mod pdf;
#[cfg(feature = "pdf")]
mod pdf_read;
mod publishing;
mod report_parts;
mod safety;
mod scaffolds;
mod search;
mod serve;
mod serve_limits;
mod sharing;
mod workbench;
