//! Stage 2: one document's Markdown → HTML, plain text, headings, placed charts and link uses.
//!
//! pulldown-cmark parses; the event stream is then adjusted for white papers and for Japanese: heading ids
//! that keep Japanese, footnotes numbered per document with back-links, soft line breaks between Japanese
//! characters dropped, ```` ```chart ```` and ```` ```table ```` blocks replaced by figures and numbered tables,
//! Markdown tables under a caption line numbered (`captions`),
//! references that write their numbers (`@fig:`, `@tbl:`, `@chap:`, `@sec:`, `@kf:`), the first use
//! of each glossary term marked up, and the link and raw-HTML policies enforced (see `policy`).
//!
//! A document can be rendered two ways from one parse ([`render_pair`]): the events go through
//! `dual::Dual`, which makes every transformation decide what each way gets. Files by idea: the pass
//! (`transform`), the two ways (`dual`), headings, links and images, footnotes, code and chart blocks
//! (`blocks`), running text (`inline`), plain text (`plain_text`), merged text events (`events`).

mod blocks;
pub mod captions;
mod dual;
mod events;
mod footnotes;
pub mod headings;
mod inline;
mod line_join;
mod links;
mod plain_text;
pub mod policy;
mod state;
mod transform;

use std::path::Path;

use pulldown_cmark::{Event, Options, html};

use crate::diag::{Diagnostic, Position};
use dual::{Dual, Side, Way};
pub(crate) use events::merge_text;
pub use headings::Heading;
pub(crate) use inline::{Piece, split_text};
pub use inline::{RefError, RefKind, Reference};
pub(crate) use line_join::join_japanese_lines;
pub(crate) use state::{IdSet, TermsDone};
use transform::Renderer;

/// Words the Markdown stage writes itself, in the page's language (from the theme's strings).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Labels {
    /// Label of a footnote's back-link ("本文へ戻る" / "Back to text").
    pub back_to_text: String,
    /// Screen-reader text of a ticked task ("完了" / "done").
    pub task_done: String,
    /// Screen-reader text of an open task ("未完了" / "not done").
    pub task_open: String,
    /// Accessible name of a scrollable table ("表" / "Table").
    pub table: String,
}

/// A glossary term to mark at its first use.
#[derive(Clone, Debug)]
pub struct GlossaryTerm {
    /// The glossary id.
    pub id: String,
    /// The term as written in running text.
    pub term: String,
    /// Its expansion, for `<abbr title>`.
    pub title: String,
    /// Link to its definition.
    pub href: String,
}

/// What the Markdown stage needs from the rest of the site, for one page in one language. Look-ups take
/// `&mut self`, so a resolver can keep what it meets (errors, link targets) in plain fields, to be read
/// after rendering.
pub trait Resolve {
    /// The `<figure>` HTML of a chart defined in this page's `data.yaml`, or `None` if there is none.
    fn chart(&mut self, id: &str) -> Option<String>;
    /// The `<figure>` HTML of a numbered table defined in this page's `data.yaml`, or `None` if there is none.
    fn table(&mut self, id: &str) -> Option<String>;
    /// What a reference written `@<kind>:<target>` writes and where it links, or why it names nothing.
    fn reference(&mut self, kind: RefKind, target: &str) -> Result<Reference, RefError>;
    /// Where a link or image written in content goes, or why it is broken.
    fn link(&mut self, url: &str) -> Result<LinkTarget, LinkError>;
    /// Glossary terms to mark, longest first.
    fn glossary(&self) -> &[GlossaryTerm];
    /// Whether this is a section of the whole report (links to pages of the report go to their
    /// [`LinkTarget::in_report`] hrefs).
    fn single_page(&self) -> bool;
    /// The ids of the tables (`tables` true) or charts this page's `data.yaml` defines, for suggesting the
    /// one meant by a block that names none.
    fn defined(&self, _tables: bool) -> Vec<String> {
        Vec::new()
    }
}

/// One document to render.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The Markdown.
    pub markdown: &'a str,
    /// The file it came from (for diagnostics).
    pub path: &'a Path,
    /// The file's line on which the Markdown starts.
    pub first_line: usize,
    /// Prefix for heading and footnote ids, so several documents can share a page.
    pub id_prefix: &'a str,
    /// Levels to add to every heading (the whole-report page nests documents under section titles).
    pub heading_shift: u8,
    /// Words written by this stage.
    pub labels: &'a Labels,
}

/// Where a link written in content goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkTarget {
    /// Its href.
    pub href: String,
    /// For a page of the report: its href from the page's section of the whole report (`#cases-kobe-top`
    /// on the same part, else the part's address with that id; the variant then links there without
    /// resolving the link again).
    pub in_report: Option<String>,
}

/// Why a link written in content is broken or refused, in English and in Japanese (a clause, without a
/// full stop).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkError {
    /// Why, in English.
    pub why: String,
    /// Why, in Japanese.
    pub why_ja: String,
}

impl LinkError {
    /// The reason `why`, in Japanese `why_ja`.
    pub fn new(why: impl Into<String>, why_ja: impl Into<String>) -> LinkError {
        LinkError {
            why: why.into(),
            why_ja: why_ja.into(),
        }
    }
}

/// A link written in content, as resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkUse {
    /// The target as written.
    pub written: String,
    /// The href it became.
    pub href: String,
    /// Where it was written.
    pub position: Position,
}

/// The rendered document.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// The body HTML (without footnotes).
    pub html: String,
    /// The footnotes as an `<ol>`, empty when there are none.
    pub footnotes_html: String,
    /// The text without markup, every run of whitespace written as one space (for search and
    /// descriptions).
    pub text: String,
    /// `##` and deeper headings, in order.
    pub headings: Vec<Heading>,
    /// Ids of the charts placed, in order.
    pub charts: Vec<String>,
    /// Ids of the numbered tables placed, in order.
    pub tables: Vec<String>,
    /// Ids of the Markdown tables given a caption (`Table: … {#id}`), in order.
    pub captioned_tables: Vec<String>,
    /// Ids of the figures referred to with `@fig:`.
    pub figure_refs: Vec<String>,
    /// Ids of the glossary terms marked.
    pub glossary_used: Vec<String>,
    /// Links and images written in the content.
    pub links: Vec<LinkUse>,
    /// Problems that fail the build.
    pub errors: Vec<Diagnostic>,
    /// Problems that do not (an image without alt text).
    pub warnings: Vec<Diagnostic>,
}

/// The Markdown options hakusho uses.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders one document.
pub fn render(input: Input<'_>, resolve: &mut dyn Resolve) -> Rendered {
    run(input, resolve, None).0
}

/// Renders one document in two ways from a single pass: as `input` and as `variant`, which differs only in
/// its id prefix, heading shift or resolver (a page, and its section of the whole report). Each way gets
/// what rendering it alone would give; the variant keeps only its HTML and footnotes.
pub fn render_pair(
    input: Input<'_>,
    resolve: &mut dyn Resolve,
    variant: Input<'_>,
    variant_resolve: &mut dyn Resolve,
) -> (Rendered, Rendered) {
    assert_eq!(
        input.markdown.as_ptr(),
        variant.markdown.as_ptr(),
        "render_pair renders one document"
    );
    debug_assert!(
        input.path == variant.path
            && input.first_line == variant.first_line
            && input.labels == variant.labels,
        "render_pair renders one document, with one set of words"
    );
    let (first, second) = run(input, resolve, Some((variant, variant_resolve)));
    (first, second.unwrap_or_default())
}

fn run<'a>(
    input: Input<'a>,
    resolve: &mut dyn Resolve,
    variant: Option<(Input<'a>, &mut dyn Resolve)>,
) -> (Rendered, Option<Rendered>) {
    let page = Way { input, resolve };
    let variant = variant.map(|(input, resolve)| Way { input, resolve });
    // About one event for every 12 bytes of Markdown.
    let out = Dual::new(page, variant, input.markdown.len() / 12 + 16);
    let mut r = Renderer::new(input, out);
    r.transform(merge_text(input.markdown));
    r.finish_footnotes();
    let (events, variant) = r.out.finish();
    let variant = variant.map(|variant| Rendered {
        html: html_of(input.markdown, events.of(Side::Variant)),
        footnotes_html: r.footnotes_html(Side::Variant, variant.id_prefix),
        ..Rendered::default()
    });
    let page = Rendered {
        footnotes_html: r.footnotes_html(Side::Page, input.id_prefix),
        html: html_of(input.markdown, events.into_page().into_iter()),
        text: r.plain.into_string(),
        ..r.found
    };
    (page, variant)
}

/// The HTML of the events of `markdown`.
fn html_of<'e>(markdown: &str, events: impl Iterator<Item = Event<'e>>) -> String {
    let mut html_out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut html_out, events);
    html_out
}

#[cfg(test)]
mod tests;
