//! The typed views of a figure's own page (made by [`super::figure_page`]).

use serde::Serialize;

use super::meta_views::CiteView;

/// What a figure page shows beyond the figure.
#[derive(Serialize)]
pub struct FigurePageView {
    /// The figure (`partials/figure.html`), data table open.
    pub html: String,
    /// The files to download, in the order shown.
    pub downloads: Vec<Download>,
    /// Where the figure appears: its page, and the whole report.
    pub shown_in: Vec<Place>,
    /// "Cite this figure", with its BibTeX and RIS files.
    pub cite: CiteView,
}

/// A file to download.
#[derive(Serialize)]
pub struct Download {
    /// What it is (画像（PNG） / Image (PNG)).
    pub label: String,
    /// Link.
    pub url: String,
    /// File name.
    pub name: String,
    /// Size (`None` for a PNG `serve` draws when it is asked for).
    pub size: Option<String>,
}

/// A place where the figure appears.
#[derive(Serialize)]
pub struct Place {
    /// The page's title (or 報告書全文 / The whole report).
    pub title: String,
    /// Link to the figure there.
    pub url: String,
}
