//! hakusho: a static site generator for bilingual (Japanese/English) white-paper style reports.
//!
//! [`pipeline::build`] loads `content/` into a [`model::site::Site`] ([`load`]), draws the charts
//! ([`chart`]), renders Markdown ([`markdown`]) and pages through the theme ([`render`]), and hands the files
//! to [`output`], the only module that writes. The library never prints; the binary does.
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![warn(missing_docs, unreachable_pub)]

pub mod card;
pub mod chart;
pub mod check;
pub mod diag;
pub mod format;
pub mod load;
pub mod map;
pub mod markdown;
pub mod model;
pub mod output;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod pipeline;
pub mod progress;
pub mod raster;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod theme;
pub mod yaml;
