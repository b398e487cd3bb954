//! The typed views of what a page says about itself: "Cite this", `citation_*` meta tags, JSON-LD (made
//! by [`super::page_meta`]).

use serde::Serialize;

/// What a page says about itself (empty on generated pages).
#[derive(Serialize, Clone, Debug, Default)]
pub struct PageMeta {
    /// The "Cite this" block (cases and chapters).
    pub cite: Option<CiteView>,
    /// `citation_*` meta tags.
    pub tags: Vec<MetaTag>,
    /// schema.org JSON-LD, safe inside `<script>` (content pages).
    pub json_ld: Option<String>,
    /// The title card shown when the page is shared.
    pub og_image: Option<OgImage>,
}

/// A title card as `og:image`.
#[derive(Serialize, Clone, Debug)]
pub struct OgImage {
    /// Its absolute address.
    pub url: String,
    /// What it shows, as text.
    pub alt: String,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

/// The visible "Cite this" block.
#[derive(Serialize, Clone, Debug)]
pub struct CiteView {
    /// この事例を引用する / Cite this case.
    pub heading: String,
    /// The citation in the page's language (SIST 02 in Japanese, APA-like in English).
    pub text: String,
    /// The BibTeX and RIS downloads.
    pub downloads: Vec<CiteDownload>,
}

/// A citation file to download.
#[derive(Serialize, Clone, Debug)]
pub struct CiteDownload {
    /// BibTeX / RIS.
    pub label: String,
    /// Link.
    pub url: String,
    /// File name (for `download`).
    pub file: String,
    /// Its media type.
    pub media_type: &'static str,
}

/// A `<meta name content>` pair.
#[derive(Serialize, Clone, Debug)]
pub struct MetaTag {
    /// `citation_title`, …
    pub name: &'static str,
    /// Its value.
    pub content: String,
}
