//! Pages: a folder of `content/` with a document per language and optional facts.

use std::path::PathBuf;

use super::data::PageData;
use super::date::PartialDate;
use super::lang::{Lang, Localized};
use super::text_file::TextFile;
use crate::diag::Position;

/// What a page is, from where its folder sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PageKind {
    /// `content/index.<lang>.md`: the cover.
    Home,
    /// `content/chapters/<slug>/`.
    Chapter,
    /// `content/cases/<slug>/`.
    Case,
    /// Any other folder (about, methodology, …).
    Other,
}

/// One language's document: front matter and Markdown.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// The file it came from.
    pub path: PathBuf,
    /// Title (front matter `title`).
    pub title: String,
    /// One or two sentences (front matter `summary`).
    pub summary: Option<String>,
    /// Publication date.
    pub date: Option<PartialDate>,
    /// Last substantial update.
    pub updated: Option<PartialDate>,
    /// For a translation: the source language and the version of its text this translation follows.
    pub translated_from: Option<TranslatedFrom>,
    /// The Markdown after the front matter.
    pub body: String,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
    /// `draft: true`: left out of `build` (and so of lists, feeds, the sitemap and search), shown by `serve`.
    pub draft: bool,
    /// Where the file holds a `TODO` placeholder (anywhere: front matter, comments or text).
    pub placeholders: Vec<Position>,
    /// The Markdown tables given a caption line (`Table: … {#id}`), in order: numbered after the tables of
    /// `data.yaml`.
    pub tables: Vec<CaptionedTable>,
}

/// A Markdown table given a caption line.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptionedTable {
    /// The id given with `{#id}`: `@tbl:<id>` refers to it.
    pub id: String,
    /// The caption, in the document's language.
    pub caption: String,
    /// Where the caption line is in the file.
    pub position: Position,
}

/// `translated_from: ja@1a2b3c4d` in a translation's front matter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TranslatedFrom {
    /// The language translated from.
    pub lang: Lang,
    /// The version of the source's text the translation follows (8 lower-case hexadecimal digits).
    pub version: String,
    /// Where the key is in the page file.
    pub position: Option<Position>,
}

impl Document {
    /// A short fingerprint of the text (title, summary and body; trailing spaces and blank lines at the ends
    /// ignored). A translation records the fingerprint of the source it follows (`translated_from: ja@…`),
    /// so `check` can tell when the source has changed since.
    pub fn version(&self) -> String {
        let mut text = String::with_capacity(self.body.len() + 64);
        text.push_str(self.title.trim());
        text.push('\n');
        text.push_str(self.summary.as_deref().unwrap_or("").trim());
        text.push('\n');
        for line in self.body.trim().lines() {
            text.push_str(line.trim_end());
            text.push('\n');
        }
        // FNV-1a, 64 bits: stable across machines and versions.
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in text.bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        format!("{:08x}", hash >> 32)
    }
}

/// A page: a content folder.
#[derive(Clone, Debug, PartialEq)]
pub struct Page {
    /// The folder path relative to `content/`, with `/` separators; empty for the cover.
    pub id: String,
    /// What the page is.
    pub kind: PageKind,
    /// The document in each language; at least one is present.
    pub docs: Localized<Option<Document>>,
    /// Facts from `data.yaml` (empty when there is none).
    pub data: PageData,
    /// The page's `data.yaml` as loaded, if it has one.
    pub data_file: Option<TextFile>,
    /// Other files in the folder (images, …), relative to `content/`.
    pub assets: Vec<PathBuf>,
}

impl Page {
    /// The document shown at `lang`'s URL: the page's own, or the other language's as a fallback.
    /// The returned language is the document's own.
    pub fn doc_for(&self, lang: Lang) -> (&Document, Lang) {
        match (self.docs.get(lang), self.docs.get(lang.other())) {
            (Some(doc), _) => (doc, lang),
            (None, Some(doc)) => (doc, lang.other()),
            (None, None) => unreachable!("a page is only made from at least one document"),
        }
    }

    /// The folder's last path segment (the slug).
    pub fn slug(&self) -> &str {
        self.id.rsplit('/').next().unwrap_or("")
    }
}

/// The file name of the PDF edition of the case with page id `case` in `lang`, written beside its page:
/// `kobe-ja.pdf`.
pub fn case_pdf_name(case: &str, lang: Lang) -> String {
    let slug = case.rsplit('/').next().unwrap_or(case);
    format!("{slug}-{}.pdf", lang.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> Document {
        Document {
            path: PathBuf::from("a.md"),
            title: "神戸".into(),
            summary: None,
            date: None,
            updated: None,
            translated_from: None,
            body: body.into(),
            body_line: 4,
            draft: false,
            placeholders: Vec::new(),
            tables: Vec::new(),
        }
    }

    #[test]
    fn version_ignores_trailing_space_and_changes_with_text() {
        assert_eq!(doc("本文。\n").version(), doc("本文。  \n\n").version());
        assert_ne!(doc("本文。").version(), doc("本文です。").version());
        assert_eq!(doc("x").version().len(), 8);
    }
}
