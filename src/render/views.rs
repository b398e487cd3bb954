//! Typed views the templates receive. Everything is already in the page's language and every link is
//! already an href for the page being rendered; templates only lay things out. (README, "Themes", lists
//! these fields.)

use serde::Serialize;

pub use super::map_view::MapView;

use crate::markdown::Heading;

/// The root of every template's context.
#[derive(Serialize)]
pub struct PageContext {
    /// Language code of the page (`ja`, `en`); the UI strings in that language come as `t` (see
    /// `Env::render`).
    pub lang: &'static str,
    // `site` (a [`SiteView`]) is added by `Env::render_with_site`, made once per language and chapter
    // where it can be.
    /// The page.
    pub page: PageView,
    /// Facts from data.yaml (key figures, timeline, sources), for any page that has them.
    pub facts: Option<FactsView>,
    /// Case-only information.
    pub case: Option<CaseView>,
    /// Chapter-only information.
    pub chapter: Option<ChapterView>,
    /// Cover-only information.
    pub home: Option<HomeView>,
    /// Generated list pages (cases, figures, glossary, sources, taxonomies).
    pub list: Option<ListView>,
    /// The whole report on one page.
    pub report: Option<ReportView>,
    /// A figure's own page.
    pub figure: Option<super::figure_views::FigurePageView>,
}

/// The report, as every page shows it.
#[derive(Serialize)]
pub struct SiteView {
    /// Report title.
    pub title: String,
    /// Subtitle.
    pub subtitle: Option<String>,
    /// Publisher.
    pub publisher: String,
    /// Link to the cover in this language.
    pub home_url: String,
    /// Link to the bilingual landing page.
    pub landing_url: String,
    /// Link to the theme's stylesheet.
    pub css_url: String,
    /// Link prefix for theme static files (`…/static/`).
    pub static_url: String,
    /// Link to the favicon.
    pub favicon_url: String,
    /// Link to the publisher's logo, when the theme has one (`static/logo.svg` or `static/logo.png`).
    pub logo_url: Option<String>,
    /// Chapters, for the navigation.
    pub chapters: Vec<NavItem>,
    /// Links to the report-wide pages.
    pub links: SiteLinks,
    /// Edition, dates, licence and contact.
    pub identity: super::identity::IdentityView,
}

/// Links to the generated pages of a language.
#[derive(Serialize)]
pub struct SiteLinks {
    /// All cases.
    pub cases: String,
    /// List of figures.
    pub figures: String,
    /// Glossary.
    pub glossary: String,
    /// Sources.
    pub sources: String,
    /// Regions index.
    pub regions: String,
    /// Fields index.
    pub fields: String,
    /// Programmes index.
    pub programmes: String,
    /// Search.
    pub search: String,
    /// The whole report on one page.
    pub report: String,
    /// Atom feed.
    pub feed: String,
    /// The page about the report (`content/about/`), when there is one.
    pub about: Option<String>,
}

/// An entry of the navigation.
#[derive(Serialize, Clone)]
pub struct NavItem {
    /// 第2章 / Chapter 2.
    pub label: String,
    /// The chapter title.
    pub title: String,
    /// Link.
    pub url: String,
    /// Whether the current page is this chapter or one of its cases.
    pub current: bool,
}

/// The page being rendered.
#[derive(Serialize)]
pub struct PageView {
    /// home, chapter, case, page, cases, figures, glossary, sources.
    pub kind: &'static str,
    /// Title.
    pub title: String,
    /// The `<title>` text (page title and report title).
    pub head_title: String,
    /// Summary, if any.
    pub summary: Option<String>,
    /// Meta description.
    pub description: String,
    /// Link to itself.
    pub url: String,
    /// Absolute canonical URL.
    pub canonical: String,
    /// Language of the text shown (differs from the page language on a fallback page).
    pub content_lang: &'static str,
    /// Whether the text is the other language's, shown because this one is missing.
    pub is_fallback: bool,
    /// Whether the text is a draft (`draft: true`), shown by `serve` and `build --drafts` only.
    pub is_draft: bool,
    /// Whether search engines should skip the page.
    pub noindex: bool,
    /// `rel=alternate hreflang` links, including `x-default`.
    pub alternates: Vec<Alternate>,
    /// The language switch.
    pub switch: LangSwitch,
    /// From the cover down to the parent.
    pub breadcrumbs: Vec<Link>,
    /// `##`/`###` headings.
    pub toc: Vec<Heading>,
    /// Body HTML.
    pub body: String,
    /// Footnotes `<ol>`, empty when none.
    pub footnotes: String,
    /// Publication date, formatted.
    pub date: Option<String>,
    /// Machine-readable publication date (YYYY-MM-DD).
    pub date_iso: Option<String>,
    /// Last update, formatted.
    pub updated: Option<String>,
    /// OpenGraph type: article or website.
    pub og_type: &'static str,
    /// OpenGraph locale: ja_JP or en_US.
    pub og_locale: &'static str,
    /// The PDF edition of this page (a case's own, or the whole report's), if there is one.
    pub pdf: Option<PdfView>,
    /// "Cite this", `citation_*` meta tags and schema.org JSON-LD.
    pub meta: super::meta_views::PageMeta,
    /// Previous and next pages in reading order and the contents (content pages only).
    pub nav: Option<super::nav_views::PageNav>,
}

/// A link to a PDF edition.
#[derive(Serialize)]
pub struct PdfView {
    /// Link.
    pub url: String,
    /// Its file name (for `download`).
    pub file: String,
    /// The link's text: PDF版（1.2 MB）.
    pub text: String,
}

/// An alternate-language link.
#[derive(Serialize)]
pub struct Alternate {
    /// `ja`, `en` or `x-default`.
    pub hreflang: &'static str,
    /// Absolute URL.
    pub href: String,
}

/// Where the language switch leads.
#[derive(Serialize)]
pub struct LangSwitch {
    /// Link to the same page in the other language.
    pub url: String,
    /// Its language code.
    pub lang: &'static str,
    /// Its language's own name (English / 日本語).
    pub label: String,
    /// This page's heading ids that the other page names otherwise, as JSON (see `reading_nav`).
    pub sections: Option<String>,
}

/// A titled link.
#[derive(Serialize, Clone)]
pub struct Link {
    /// Text.
    pub title: String,
    /// Href.
    pub url: String,
}

/// Facts from a page's data.yaml.
#[derive(Serialize, Default)]
pub struct FactsView {
    /// Key figures.
    pub key_figures: Vec<KeyFigureView>,
    /// Timeline.
    pub timeline: Vec<TimelineView>,
    /// The page's sources.
    pub sources: Vec<SourceView>,
}

/// A source a fact cites, with the place in it, linked to the source list.
#[derive(Serialize, Clone, Debug, PartialEq)]
pub struct CitationView {
    /// 文部科学省（2023年）p.166, or in full under figures and tables.
    pub text: String,
    /// Link to the source in the list.
    pub url: String,
}

/// A key figure, formatted.
#[derive(Serialize, Clone)]
pub struct KeyFigureView {
    /// What is counted.
    pub label: String,
    /// Number with unit and qualifier: 約608億円.
    pub value: String,
    /// When it holds.
    pub as_of: Option<String>,
    /// Its sources, short (issuer, year, place), as one text.
    pub source: String,
    /// Link to its first source in the page's source list.
    pub source_url: String,
    /// Each source, short, with its link.
    pub sources: Vec<CitationView>,
    /// For cover figures: the page it comes from.
    pub page: Option<Link>,
    /// Its anchor (`kf-<id>`), where `@kf:` references lead; none on cards of other pages' figures.
    pub anchor: Option<String>,
}

/// A timeline entry, formatted.
#[derive(Serialize)]
pub struct TimelineView {
    /// The date as the language writes it.
    pub date: String,
    /// Machine-readable date for `<time datetime>`.
    pub datetime: String,
    /// What happened.
    pub text: String,
    /// Its sources, short, as one text.
    pub source: String,
    /// Link to its first source in the page's list.
    pub source_url: String,
    /// Each source, short, with its link.
    pub sources: Vec<CitationView>,
}

/// A source document.
#[derive(Serialize, Clone)]
pub struct SourceView {
    /// Anchor id (`hk-source-<id>`).
    pub anchor: String,
    /// Title.
    pub title: String,
    /// Issuer.
    pub issuer: String,
    /// Year.
    pub year: i32,
    /// The full citation in the page's language.
    pub citation: String,
    /// Web address, if any.
    pub url: Option<String>,
    /// Pages citing it (on the sources page), each with what cites it there.
    pub cited_by: Vec<CitedBy>,
}

/// A page citing a source, and what on it cites the source (図2-1 p.166, a key figure, a timeline date).
#[derive(Serialize, Clone)]
pub struct CitedBy {
    /// The page's title.
    pub title: String,
    /// Link to it.
    pub url: String,
    /// What cites the source there, with the place in the source.
    pub what: Vec<String>,
}

/// Case-only facts.
#[derive(Serialize)]
pub struct CaseView {
    /// Where.
    pub location: Option<String>,
    /// The chapter it belongs to.
    pub chapter: Option<ChapterLink>,
    /// Taxonomy terms, per taxonomy.
    pub terms: Vec<TermGroup>,
    /// Cases sharing terms, best first.
    pub related: Vec<Card>,
}

/// A chapter as linked from elsewhere.
#[derive(Serialize, Clone)]
pub struct ChapterLink {
    /// 第2章.
    pub label: String,
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
}

/// The terms of one taxonomy a case is filed under.
#[derive(Serialize)]
pub struct TermGroup {
    /// Taxonomy name (地域 / Regions).
    pub name: String,
    /// Terms.
    pub terms: Vec<Link>,
}

/// A case in a list.
#[derive(Serialize, Clone)]
pub struct CaseCard {
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Link.
    pub url: String,
    /// Location.
    pub location: Option<String>,
    /// Language of title and summary (differs on fallback).
    pub lang: &'static str,
}

/// A [`CaseCard`] as the template value shown wherever the case is listed: made once per case and language
/// when links do not depend on the page (see [`super::context::case_card`]), and shared.
#[derive(Clone)]
pub struct Card(pub(crate) tera::Value);

impl Serialize for Card {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Tera takes its own values over as they are (its maps are shared, not copied).
        self.0.serialize(serializer)
    }
}

/// Chapter-only information.
#[derive(Serialize)]
pub struct ChapterView {
    /// 第2章 / Chapter 2.
    pub label: String,
    /// The chapter's cases.
    pub cases: Vec<Card>,
}

/// Cover-only information.
#[derive(Serialize)]
pub struct HomeView {
    /// Key figures chosen in site.yaml.
    pub key_figures: Vec<KeyFigureView>,
    /// Chapters with their cases.
    pub chapters: Vec<ChapterCard>,
    /// The map of Japan with the cases.
    pub map: Option<MapView>,
}

/// A chapter on the cover or the case list.
#[derive(Serialize)]
pub struct ChapterCard {
    /// 第2章.
    pub label: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: String,
    /// Link.
    pub url: String,
    /// Its cases.
    pub cases: Vec<Card>,
    /// Language of title and summary.
    pub lang: &'static str,
}

/// Generated list pages.
#[derive(Serialize, Default)]
pub struct ListView {
    /// Chapters with cases (case list).
    pub chapters: Vec<ChapterCard>,
    /// Figures grouped by chapter (list of figures).
    pub figure_groups: Vec<FigureGroup>,
    /// Glossary entries.
    pub glossary: Vec<GlossaryRow>,
    /// Sources with the pages citing them.
    pub sources: Vec<SourceView>,
    /// Taxonomy index: each term with its number of cases.
    pub terms: Vec<TermCount>,
    /// Term page: the cases filed under it.
    pub cases: Vec<Card>,
    /// Taxonomy pages: the taxonomy (地域 / Region).
    pub taxonomy: Option<Link>,
    /// Links to the three taxonomy indexes.
    pub taxonomies: Vec<Link>,
    /// The search page's scripts.
    pub search: Option<SearchView>,
    /// Regions index: the map of Japan.
    pub map: Option<MapView>,
}

/// What the search page loads.
#[derive(Serialize)]
pub struct SearchView {
    /// The language's index script.
    pub index_url: String,
    /// The search script.
    pub script_url: String,
}

/// A taxonomy term and how many cases are filed under it.
#[derive(Serialize)]
pub struct TermCount {
    /// Label.
    pub title: String,
    /// Link to the term page.
    pub url: String,
    /// Number of cases.
    pub count: usize,
}

/// Figures of one chapter.
#[derive(Serialize)]
pub struct FigureGroup {
    /// 第2章 …, or empty for figures outside chapters.
    pub heading: String,
    /// The figures.
    pub figures: Vec<FigureRow>,
    /// The numbered tables.
    pub tables: Vec<FigureRow>,
}

/// A line of the list of figures and tables.
#[derive(Serialize)]
pub struct FigureRow {
    /// 図2-1.
    pub label: String,
    /// Chart title.
    pub title: String,
    /// Link to the figure.
    pub url: String,
    /// The page showing it.
    pub page_title: String,
    /// The figure's own page, with its downloads (figures only).
    pub home_url: Option<String>,
}

/// A glossary entry.
#[derive(Serialize)]
pub struct GlossaryRow {
    /// Anchor.
    pub id: String,
    /// Term.
    pub term: String,
    /// Expansion.
    pub expansion: String,
    /// Definition.
    pub definition: String,
}

/// The whole report.
#[derive(Serialize)]
pub struct ReportView {
    /// Where the documents go: each is rendered on its own with `partials/report_section.html` (so a report
    /// of thousands of pages is rendered in parallel and written in pieces); write `{{ report.sections_here |
    /// safe }}` at that place.
    pub sections_here: String,
    /// Which part of the report this page is: `contents` (the first: the cover and the contents),
    /// `chapter` (a chapter and its cases, or their continuation) or `appendix` (the last: the other pages
    /// and the sources).
    pub part: &'static str,
    /// Every source of the report, on the last part (empty on the others).
    pub sources: Vec<SourceView>,
    /// The table of contents on the first part, chapters, cases and their sections (`##`), each linked to
    /// the part holding it (empty on the others).
    pub toc: Vec<super::nav_views::TocEntry>,
}
