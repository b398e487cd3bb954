//! What rendering a page leaves for the steps after it: its text and section for the whole outputs, its
//! anchors and links for the checks, its files, and what it read of other pages (for `serve`).

use super::deps::Dep;
use super::targets::Target;
use crate::diag::Diagnostic;
use crate::markdown::LinkUse;
use crate::model::lang::Lang;

/// A content page as rendered in one language.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// Page id.
    pub page_id: String,
    /// The URL language.
    pub lang: Lang,
    /// Whether the text shown is the other language's.
    pub is_fallback: bool,
    /// Title shown.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Plain text of the body, for the search index; taken away when the index is written as the pages
    /// render (a full build), kept when it is written later (`serve`).
    pub text: Option<String>,
    /// The text of its headings, for the search index.
    pub headings: String,
    /// The first 200 characters of the text (for feeds, when the page has no summary).
    pub excerpt: String,
    /// Ids of everything that can be linked to on the page.
    pub anchors: Anchors,
    /// Links written in content: (as written, resolved target, position) for anchor checks.
    pub links: Vec<(LinkUse, Target)>,
    /// Glossary ids marked on the page.
    pub glossary_used: Vec<String>,
    /// Problems found in the page's text that do not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// The files written for this page (its HTML, CSVs, assets).
    pub files: Vec<String>,
    /// The page's section of the whole-report page (HTML); taken away or kept like the text.
    pub report_section: Option<Vec<u8>>,
    /// What the page read of other pages while rendering, sorted (when asked for: see [`super::pages`]).
    pub deps: Box<[Dep]>,
}

/// The ids of a rendered page (everything a `#fragment` can point at), kept in one string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchors(String);

impl Anchors {
    /// Whether the page has an element with id `id`.
    pub fn contains(&self, id: &str) -> bool {
        !self.0.is_empty() && self.0.split('\0').any(|a| a == id)
    }

    /// Every id of the page.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.0.split('\0').filter(|a| !a.is_empty())
    }
}

/// Every `id="…"` in an HTML page.
pub(crate) fn collect_ids(html: &[u8]) -> Anchors {
    let mut ids = String::new();
    let mut rest = html;
    let id_attribute = memchr::memmem::Finder::new(b" id=\"");
    while let Some(i) = id_attribute.find(rest) {
        rest = &rest[i + 5..];
        let Some(end) = memchr::memchr(b'"', rest) else {
            break;
        };
        let raw = String::from_utf8_lossy(&rest[..end]);
        if !ids.is_empty() {
            ids.push('\0');
        }
        if raw.contains('&') {
            ids.push_str(
                &raw.replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'"),
            );
        } else {
            ids.push_str(&raw);
        }
        rest = &rest[end..];
    }
    Anchors(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_collected_unescaped() {
        let ids = collect_ids(
            "<h2 id=\"概要\">概要</h2><p data-id=\"no\"><a id=\"a&amp;b\" href=\"#x\">x</a>"
                .as_bytes(),
        );
        assert!(ids.contains("概要"));
        assert!(ids.contains("a&b"));
        assert!(!ids.contains("no"));
        assert!(!ids.contains("a&amp;b"));
        assert!(!ids.contains(""));
        assert!(!collect_ids(b"<p>none</p>").contains(""));
    }
}
