//! Typed views of the whole-report page (`report.html` and `partials/report_section.html`).

use serde::Serialize;

use super::views::{KeyFigureView, TimelineView};

/// One document of the whole report.
#[derive(Serialize)]
pub struct ReportSection {
    /// Anchor of the section (`cases-kobe-top`).
    pub id: String,
    /// What the document is: cover, chapter, case, page.
    pub kind: &'static str,
    /// 第2章, for chapters.
    pub kicker: Option<String>,
    /// Title.
    pub title: String,
    /// Heading level of the title (2 for chapters and pages, 3 for cases).
    pub level: u8,
    /// Summary.
    pub summary: Option<String>,
    /// Language of the text (differs when a translation is missing).
    pub lang: &'static str,
    /// Body HTML.
    pub body: String,
    /// Footnotes HTML.
    pub footnotes: String,
    /// Key figures.
    pub key_figures: Vec<KeyFigureView>,
    /// Timeline.
    pub timeline: Vec<TimelineView>,
}

/// What `partials/report_section.html` receives (with `t`, and `site` as the whole-report page has it).
#[derive(Serialize)]
pub struct ReportSectionContext {
    /// Language code.
    pub lang: &'static str,
    /// The document.
    pub s: ReportSection,
}
