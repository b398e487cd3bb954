//! How the whole report is split into pages ("parts") so that a report of thousands of cases stays
//! readable: the contents (`/ja/report/`: the cover and the report's table of contents), one part per
//! chapter (`/ja/report/chapters/<slug>/`, the chapter and its cases) continued over
//! `/ja/report/chapters/<slug>/2/`, `/3/`, … when it holds more than [`DOCUMENTS_PER_PART`] documents, and a
//! last part, the appendix (`/ja/report/appendix/`: the pages outside chapters and every source).
//!
//! The split follows reading order and counts documents, never bytes, so both languages have the same parts.
//! It is made once per build ([`ReportParts::new`]) and every link into the report asks it which part holds
//! its target ([`super::context::Context::report_href`]).

use std::collections::HashMap;

use super::urls::page_path;
use crate::model::lang::Lang;
use crate::model::page::PageKind;
use crate::model::site::Site;

/// At most this many documents (a chapter and its cases) on one part of the whole report: about 1–2 MB of
/// HTML with cases of the usual length.
pub const DOCUMENTS_PER_PART: usize = 50;

/// The id of the last part (under the language): chapter parts are under `report/chapters/`, so no chapter
/// can take this address.
const APPENDIX: &str = "report/appendix";

/// One page of the whole report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportPart {
    /// Its id under the language: `report`, `report/chapters/hubs`, `report/chapters/hubs/2`,
    /// `report/appendix`.
    pub id: String,
    /// What it holds.
    pub kind: PartKind,
}

/// What a part of the whole report holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartKind {
    /// The cover and the table of contents.
    Contents,
    /// A chapter and its cases, or their continuation.
    Chapter {
        /// The chapter's number (1-based).
        number: usize,
        /// The chapter's page id (`chapters/hubs`).
        page_id: String,
        /// Which of the chapter's parts this is (1 for the first).
        piece: usize,
        /// How many parts the chapter has.
        pieces: usize,
    },
    /// The pages outside chapters and the sources.
    Appendix,
}

/// The parts of the whole report and which part holds each page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportParts {
    parts: Vec<ReportPart>,
    /// Part index of each page in the report, by page id.
    of_page: HashMap<String, usize>,
}

impl ReportParts {
    /// The parts of `site`'s report, from its reading order.
    pub fn new(site: &Site) -> ReportParts {
        let mut parts = vec![ReportPart {
            id: "report".to_string(),
            kind: PartKind::Contents,
        }];
        let mut of_page = HashMap::new();
        if let Some(cover) = site.page("") {
            of_page.insert(cover.id.clone(), 0);
        }
        for (number, chapter) in site.chapters() {
            let mut docs = vec![chapter];
            docs.extend(site.cases_of(chapter.slug()));
            let pieces = docs.len().div_ceil(DOCUMENTS_PER_PART);
            for (i, chunk) in docs.chunks(DOCUMENTS_PER_PART).enumerate() {
                let piece = i + 1;
                let id = match piece {
                    1 => format!("report/{}", chapter.id),
                    n => format!("report/{}/{n}", chapter.id),
                };
                for p in chunk {
                    of_page.insert(p.id.clone(), parts.len());
                }
                parts.push(ReportPart {
                    id,
                    kind: PartKind::Chapter {
                        number,
                        page_id: chapter.id.clone(),
                        piece,
                        pieces,
                    },
                });
            }
        }
        let appendix = parts.len();
        parts.push(ReportPart {
            id: APPENDIX.to_string(),
            kind: PartKind::Appendix,
        });
        for p in site.pages.iter().filter(|p| p.kind == PageKind::Other) {
            of_page.insert(p.id.clone(), appendix);
        }
        ReportParts { parts, of_page }
    }

    /// Every part, in reading order.
    pub fn parts(&self) -> &[ReportPart] {
        &self.parts
    }

    /// The index of the part holding the page `page_id`, if the report shows it.
    pub fn part_of(&self, page_id: &str) -> Option<usize> {
        self.of_page.get(page_id).copied()
    }

    /// The index of the part holding the sources (the last).
    pub fn appendix(&self) -> usize {
        self.parts.len() - 1
    }

    /// The site path of part `index` in `lang` (`ja/report/chapters/hubs/2/`).
    pub fn path(&self, lang: Lang, index: usize) -> String {
        page_path(lang, &self.parts[index].id)
    }

    /// The site path of the part holding `page_id` (the contents for a page outside the report).
    pub fn path_of(&self, lang: Lang, page_id: &str) -> String {
        self.path(lang, self.part_of(page_id).unwrap_or(0))
    }

    /// Whether `rest` (a site path after the language folder) is one of the files a part may be written to:
    /// `report/index.html`, `report/appendix/index.html`, `report/chapters/<slug>/index.html`,
    /// `report/chapters/<slug>/<n>/index.html`.
    pub fn is_part_file(rest: &str) -> bool {
        let Some(dir) = rest
            .strip_prefix("report/")
            .and_then(|r| r.strip_suffix("index.html"))
        else {
            return false;
        };
        if dir.is_empty() || dir == "appendix/" {
            return true;
        }
        let Some(chapter) = dir.strip_prefix("chapters/") else {
            return false;
        };
        match chapter.trim_end_matches('/').split('/').collect::<Vec<_>>()[..] {
            [slug] => !slug.is_empty(),
            [slug, n] => {
                !slug.is_empty()
                    && !n.is_empty()
                    && n.bytes().all(|b| b.is_ascii_digit())
                    && !n.starts_with('0')
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn part_files_are_recognised_by_their_shape() {
        for ok in [
            "report/index.html",
            "report/appendix/index.html",
            "report/chapters/hubs/index.html",
            "report/chapters/hubs/12/index.html",
        ] {
            assert!(ReportParts::is_part_file(ok), "{ok}");
        }
        for no in [
            "report/report-ja.pdf",
            "report/chapters/index.html",
            "report/chapters/hubs/x/index.html",
            "report/chapters/hubs/02/index.html",
            "report/chapters/hubs/2/3/index.html",
            "reports/index.html",
        ] {
            assert!(!ReportParts::is_part_file(no), "{no}");
        }
    }
}
