//! The typed views of where a page stands in the report (see `reading_nav`, which makes them).

use serde::Serialize;

/// The previous and next pages in reading order and the contents (`page.nav`).
#[derive(Serialize, Debug, PartialEq)]
pub struct PageNav {
    /// The page before this one (none on the cover).
    pub prev: Option<NavStep>,
    /// The page after this one (none on the last page).
    pub next: Option<NavStep>,
    /// Link to the contents: the cover's list of chapters and cases.
    pub contents: String,
}

/// A page before or after, as a link.
#[derive(Serialize, Debug, PartialEq)]
pub struct NavStep {
    /// 第2章 / Chapter 2 for a chapter.
    pub label: Option<String>,
    /// Its title.
    pub title: String,
    /// Link.
    pub url: String,
    /// Language of the title, when the page is not written in this one.
    pub lang: Option<&'static str>,
}

/// An entry of the whole-report page's table of contents.
#[derive(Serialize, Debug, PartialEq)]
pub struct TocEntry {
    /// 第2章 / Chapter 2 for a chapter.
    pub label: Option<String>,
    /// Title.
    pub title: String,
    /// Link to its place on the page (`#chapters-hubs-top`).
    pub url: String,
    /// What it is: chapter, case, page or section.
    pub kind: &'static str,
    /// Language of the title, when the page is not written in this one.
    pub lang: Option<&'static str>,
    /// What it holds: a chapter's sections and cases, another page's sections.
    pub children: Vec<TocEntry>,
}
