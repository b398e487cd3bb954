//! The whole report as loaded: configuration, bibliography, taxonomies, glossary and pages.

use std::collections::HashMap;
use std::sync::Arc;

use super::date::DateStyle;
use super::identity::Identity;
use super::lang::{Lang, Text};
use super::page::{Page, PageKind};
use super::taxonomy::{Taxonomies, TaxonomyKind};
use super::text_file::TextFile;
use crate::diag::Position;

/// Where the site will be published: `https://example.org/reports/2025/` → origin `https://example.org`,
/// path `/reports/2025/`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaseUrl {
    /// Scheme and host, without a trailing slash.
    pub origin: String,
    /// The path prefix, starting and ending with `/`.
    pub path: String,
}

impl BaseUrl {
    /// The absolute URL of a site path such as `ja/cases/kobe/`.
    pub fn absolute(&self, site_path: &str) -> String {
        format!("{}{}{}", self.origin, self.path, site_path)
    }
}

/// A key figure named by `<page folder>#<id>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FigureRef {
    /// The page id (folder relative to `content/`).
    pub page: String,
    /// The key figure id in that page's `data.yaml`.
    pub id: String,
}

/// `content/site.yaml`, resolved.
#[derive(Clone, Debug)]
pub struct SiteConfig {
    /// The report's title.
    pub title: Text,
    /// A line under the title.
    pub subtitle: Option<Text>,
    /// Who publishes the report.
    pub publisher: Text,
    /// Where the site is published.
    pub base_url: BaseUrl,
    /// The language for `x-default` and listed first on the landing page.
    pub default_language: Lang,
    /// Theme folder name under `themes/`.
    pub theme: String,
    /// Chapter folder names in order; chapter n is `chapters[n - 1]`.
    pub chapters: Vec<String>,
    /// Key figures shown on the cover.
    pub cover_figures: Vec<FigureRef>,
    /// Whether the PDF editions are made (`pdf:` in site.yaml; on unless switched off).
    pub pdf: bool,
    /// How the Japanese pages write dates (`japanese_dates:`; Gregorian unless asked).
    pub japanese_dates: DateStyle,
    /// Edition, dates, licence and contact.
    pub identity: Identity,
    /// Whether HTML, SVG and script files beside pages are published (`allow_active_files:`; off unless
    /// asked, see README, "Policies").
    pub allow_active_files: bool,
    /// `site.yaml` as loaded, to place findings about it.
    pub file: TextFile,
}

/// A document the report cites.
#[derive(Clone, Debug)]
pub struct Source {
    /// The id pages use.
    pub id: String,
    /// Its title.
    pub title: Text,
    /// Who issued it.
    pub issuer: Text,
    /// The issuer's short name (文部科学省, MEXT), for the short citations under key figures and timeline
    /// entries; the issuer when absent.
    pub short: Option<Text>,
    /// Year of issue.
    pub year: i32,
    /// Where to find it, if online.
    pub url: Option<String>,
    /// Where its id is in `sources.yaml`.
    pub position: Option<Position>,
}

/// A glossary entry.
#[derive(Clone, Debug)]
pub struct GlossaryEntry {
    /// The anchor on the glossary page.
    pub id: String,
    /// The term as written in running text.
    pub term: Text,
    /// How the Japanese term is read (kana), for sorting in 五十音 order.
    pub reading: Option<String>,
    /// What the acronym stands for.
    pub expansion: Text,
    /// What it is.
    pub definition: Text,
    /// Where its `term` is in `glossary.yaml`, to place findings about the entry.
    pub term_position: Option<Position>,
}

/// Everything in `content/`, loaded and validated. Plain data: made by [`Site::new`] (which also indexes the
/// pages by id) and never changed afterwards.
#[derive(Clone, Debug)]
pub struct Site {
    /// `site.yaml`.
    pub config: SiteConfig,
    /// `sources.yaml`, in file order.
    pub sources: Vec<Source>,
    /// `taxonomies.yaml`.
    pub taxonomies: Taxonomies,
    /// `glossary.yaml`, in file order.
    pub glossary: Vec<GlossaryEntry>,
    /// Every page, sorted by id.
    pub pages: Vec<Arc<Page>>,
    /// Where each page id is in `pages`.
    index: HashMap<String, usize>,
}

impl Site {
    /// A site of these parts, with its pages indexed by id.
    pub fn new(
        config: SiteConfig,
        sources: Vec<Source>,
        taxonomies: Taxonomies,
        glossary: Vec<GlossaryEntry>,
        pages: Vec<Arc<Page>>,
    ) -> Site {
        let index = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        Site {
            config,
            sources,
            taxonomies,
            glossary,
            pages,
            index,
        }
    }

    /// The same site with other pages (the site files cloned, the pages indexed again).
    pub fn with_pages(&self, pages: Vec<Arc<Page>>) -> Site {
        Site::new(
            self.config.clone(),
            self.sources.clone(),
            self.taxonomies.clone(),
            self.glossary.clone(),
            pages,
        )
    }

    /// The page with `id`.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.page_index(id).map(|i| &*self.pages[i])
    }

    /// Where the page with `id` is in `pages`.
    pub fn page_index(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// Whether some case is filed under the term `key` of `kind`. Computed on each call; it stops at the first
    /// case filed under the term, so a term in use is found quickly.
    pub fn term_is_used(&self, kind: TaxonomyKind, key: &str) -> bool {
        self.pages
            .iter()
            .filter_map(|p| p.data.case.as_ref())
            .any(|c| c.keys(kind).iter().any(|k| k == key))
    }

    /// The chapter pages in report order, with their numbers (1-based).
    pub fn chapters(&self) -> Vec<(usize, &Page)> {
        self.config
            .chapters
            .iter()
            .enumerate()
            .filter_map(|(i, slug)| self.page(&format!("chapters/{slug}")).map(|p| (i + 1, p)))
            .collect()
    }

    /// The number of a chapter slug (1-based).
    pub fn chapter_number(&self, slug: &str) -> Option<usize> {
        self.config
            .chapters
            .iter()
            .position(|c| c == slug)
            .map(|i| i + 1)
    }

    /// The cases of a chapter, by `order` and then folder name.
    pub fn cases_of(&self, chapter_slug: &str) -> Vec<&Page> {
        let mut cases: Vec<&Page> = self
            .pages
            .iter()
            .map(|p| &**p)
            .filter(|p| {
                p.data
                    .case
                    .as_ref()
                    .is_some_and(|c| c.chapter == chapter_slug)
            })
            .collect();
        cases.sort_by(|a, b| {
            let key = |p: &Page| {
                p.data
                    .case
                    .as_ref()
                    .and_then(|c| c.order)
                    .unwrap_or(i64::MAX)
            };
            key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id))
        });
        cases
    }

    /// Every page in the order a reader of the printed report meets them: the cover, each chapter followed
    /// by its cases, then the other pages by folder name.
    pub fn reading_order(&self) -> Vec<&Page> {
        let mut out: Vec<&Page> = Vec::with_capacity(self.pages.len());
        out.extend(self.page(""));
        for (_, chapter) in self.chapters() {
            out.push(chapter);
            out.extend(self.cases_of(chapter.slug()));
        }
        out.extend(
            self.pages
                .iter()
                .map(|p| &**p)
                .filter(|p| p.kind == PageKind::Other),
        );
        out
    }

    /// The source with `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
