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
    /// The pages in reading order ([`Site::reading_order`]), as places in `pages`.
    order: Vec<usize>,
    /// Each page's place in `order`, by its place in `pages` (`None`: outside the reading order).
    place: Vec<Option<usize>>,
    /// The cases filed under each chapter slug, by `order` and then folder name, as places in `pages`.
    cases: HashMap<String, Vec<usize>>,
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
        let index: HashMap<String, usize> = pages
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.clone(), i))
            .collect();
        let cases = cases_by_chapter(&pages);
        let order = reading_order(&config, &pages, &index, &cases);
        let mut place = vec![None; pages.len()];
        for (at, &i) in order.iter().enumerate() {
            place[i] = Some(at);
        }
        Site {
            config,
            sources,
            taxonomies,
            glossary,
            pages,
            index,
            order,
            place,
            cases,
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
        self.cases.get(chapter_slug).map_or_else(Vec::new, |cases| {
            cases.iter().map(|&i| &*self.pages[i]).collect()
        })
    }

    /// Every page in the order a reader of the printed report meets them: the cover, each chapter followed
    /// by its cases, then the other pages. Pages outside it: chapters not listed in `site.yaml` and their cases.
    pub fn reading_order(&self) -> Vec<&Page> {
        self.order.iter().map(|&i| &*self.pages[i]).collect()
    }

    /// Where the page with `id` is in reading order.
    pub fn reading_place(&self, id: &str) -> Option<usize> {
        self.place[self.page_index(id)?]
    }

    /// The page at `place` in reading order.
    pub fn reading_at(&self, place: usize) -> Option<&Page> {
        self.order.get(place).map(|&i| &*self.pages[i])
    }

    /// The source with `id`.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

/// The cases of each chapter slug, by `order` and then folder name, as places in `pages`.
fn cases_by_chapter(pages: &[Arc<Page>]) -> HashMap<String, Vec<usize>> {
    let mut cases: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in pages.iter().enumerate() {
        if let Some(c) = &p.data.case {
            cases.entry(c.chapter.clone()).or_default().push(i);
        }
    }
    for list in cases.values_mut() {
        let key = |i: usize| {
            let p = &pages[i];
            let order = p.data.case.as_ref().and_then(|c| c.order);
            (order.unwrap_or(i64::MAX), &p.id)
        };
        list.sort_by(|&a, &b| key(a).cmp(&key(b)));
    }
    cases
}

/// The reading order (see [`Site::reading_order`]) as places in `pages`.
fn reading_order(
    config: &SiteConfig,
    pages: &[Arc<Page>],
    index: &HashMap<String, usize>,
    cases: &HashMap<String, Vec<usize>>,
) -> Vec<usize> {
    let mut out = Vec::with_capacity(pages.len());
    out.extend(index.get(""));
    for slug in &config.chapters {
        if let Some(&chapter) = index.get(&format!("chapters/{slug}")) {
            out.push(chapter);
            out.extend(cases.get(slug).into_iter().flatten());
        }
    }
    out.extend((0..pages.len()).filter(|&i| pages[i].kind == PageKind::Other));
    out
}

#[cfg(test)]
impl Site {
    /// A site of `pages` (sorted by id here) with the chapters `chapters` and nothing else, for tests.
    pub(crate) fn of_pages(chapters: &[&str], mut pages: Vec<Page>) -> Site {
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        let config = SiteConfig {
            title: Text::same("t"),
            subtitle: None,
            publisher: Text::same("p"),
            base_url: BaseUrl {
                origin: "https://x".into(),
                path: "/".into(),
            },
            default_language: Lang::Ja,
            theme: "default".into(),
            chapters: chapters.iter().map(|c| c.to_string()).collect(),
            cover_figures: Vec::new(),
            pdf: false,
            japanese_dates: Default::default(),
            identity: Default::default(),
            allow_active_files: false,
            file: TextFile {
                path: "site.yaml".into(),
                text: "".into(),
            },
        };
        let pages = pages.into_iter().map(Arc::new).collect();
        Site::new(config, Vec::new(), Taxonomies::default(), Vec::new(), pages)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::{CaseInfo, PageData};
    use crate::model::lang::Localized;

    fn page(id: &str, kind: PageKind, case: Option<(&str, Option<i64>)>) -> Page {
        Page {
            id: id.into(),
            kind,
            docs: Localized { ja: None, en: None },
            data: PageData {
                case: case.map(|(chapter, order)| CaseInfo {
                    chapter: chapter.into(),
                    order,
                    regions: Vec::new(),
                    fields: Vec::new(),
                    programmes: Vec::new(),
                    location: None,
                    related: None,
                    point: None,
                }),
                ..PageData::default()
            },
            data_file: None,
            assets: Vec::new(),
        }
    }

    /// The reading order and each chapter's cases as defined: every page compared, sorted on each call.
    fn by_definition(site: &Site) -> (Vec<&str>, Vec<Vec<&str>>) {
        let cases_of = |slug: &str| {
            let mut cases: Vec<&Page> = site
                .pages
                .iter()
                .map(|p| &**p)
                .filter(|p| p.data.case.as_ref().is_some_and(|c| c.chapter == slug))
                .collect();
            let key = |p: &Page| {
                p.data
                    .case
                    .as_ref()
                    .and_then(|c| c.order)
                    .unwrap_or(i64::MAX)
            };
            cases.sort_by(|a, b| key(a).cmp(&key(b)).then_with(|| a.id.cmp(&b.id)));
            cases.into_iter().map(|p| p.id.as_str()).collect::<Vec<_>>()
        };
        let mut order: Vec<&str> = site.page("").map(|p| p.id.as_str()).into_iter().collect();
        for (_, chapter) in site.chapters() {
            order.push(&chapter.id);
            order.extend(cases_of(chapter.slug()));
        }
        order.extend(
            site.pages
                .iter()
                .filter(|p| p.kind == PageKind::Other)
                .map(|p| p.id.as_str()),
        );
        let slugs = ["a", "b", "c", "d"];
        (order, slugs.iter().map(|s| cases_of(s)).collect())
    }

    #[test]
    fn the_reading_order_made_once_is_the_one_defined() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for round in 0..200 {
            let slugs = ["a", "b", "c", "d"];
            let mut pages = Vec::new();
            if next(2) == 0 {
                pages.push(page("", PageKind::Home, None));
            }
            for slug in slugs {
                if next(3) > 0 {
                    pages.push(page(&format!("chapters/{slug}"), PageKind::Chapter, None));
                }
            }
            for i in 0..next(30) {
                // Cases of chapters that may be missing or unlisted, with orders that tie.
                let chapter = slugs[next(4) as usize];
                let order = (next(3) > 0).then(|| next(5) as i64 - 2);
                pages.push(page(
                    &format!("cases/k{i}"),
                    PageKind::Case,
                    Some((chapter, order)),
                ));
            }
            for i in 0..next(4) {
                pages.push(page(&format!("p{i}"), PageKind::Other, None));
            }
            let listed: Vec<&str> = slugs.iter().copied().filter(|_| next(4) > 0).collect();
            let site = Site::of_pages(&listed, pages);
            let (order, cases) = by_definition(&site);
            let made: Vec<&str> = site.reading_order().iter().map(|p| p.id.as_str()).collect();
            assert_eq!(made, order, "round {round}");
            for (slug, cases) in slugs.iter().zip(cases) {
                let made: Vec<&str> = site.cases_of(slug).iter().map(|p| p.id.as_str()).collect();
                assert_eq!(made, cases, "round {round}, chapter {slug}");
            }
            for (at, id) in order.iter().enumerate() {
                assert_eq!(site.reading_place(id), Some(at));
                assert_eq!(site.reading_at(at).map(|p| p.id.as_str()), Some(*id));
            }
            let outside = site
                .pages
                .iter()
                .filter(|p| !order.contains(&p.id.as_str()));
            for p in outside {
                assert_eq!(site.reading_place(&p.id), None, "round {round}");
            }
        }
    }
}
