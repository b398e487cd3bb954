//! The whole report as loaded: configuration, bibliography, taxonomies, glossary and pages.

use super::lang::{Lang, Text};
use super::page::{Page, PageKind};

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
    /// Year of issue.
    pub year: i32,
    /// Where to find it, if online.
    pub url: Option<String>,
}

/// The three taxonomies a case is filed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaxonomyKind {
    /// Region or prefecture.
    Regions,
    /// Field of science or industry.
    Fields,
    /// Government programme.
    Programmes,
}

impl TaxonomyKind {
    /// All taxonomies, in display order.
    pub const ALL: [TaxonomyKind; 3] = [
        TaxonomyKind::Regions,
        TaxonomyKind::Fields,
        TaxonomyKind::Programmes,
    ];

    /// The key in `taxonomies.yaml` and `data.yaml`, and the URL segment.
    pub fn key(self) -> &'static str {
        match self {
            TaxonomyKind::Regions => "regions",
            TaxonomyKind::Fields => "fields",
            TaxonomyKind::Programmes => "programmes",
        }
    }
}

/// One term of a taxonomy.
#[derive(Clone, Debug)]
pub struct Term {
    /// The key used in `data.yaml` and in the URL.
    pub key: String,
    /// Its label.
    pub label: Text,
}

/// Labels for every taxonomy key, in the order of `taxonomies.yaml`.
#[derive(Clone, Debug, Default)]
pub struct Taxonomies {
    /// Regions.
    pub regions: Vec<Term>,
    /// Fields.
    pub fields: Vec<Term>,
    /// Programmes.
    pub programmes: Vec<Term>,
}

impl Taxonomies {
    /// The terms of one taxonomy.
    pub fn terms(&self, kind: TaxonomyKind) -> &[Term] {
        match kind {
            TaxonomyKind::Regions => &self.regions,
            TaxonomyKind::Fields => &self.fields,
            TaxonomyKind::Programmes => &self.programmes,
        }
    }

    /// The term with `key`, if defined.
    pub fn term(&self, kind: TaxonomyKind, key: &str) -> Option<&Term> {
        self.terms(kind).iter().find(|t| t.key == key)
    }
}

/// A glossary entry.
#[derive(Clone, Debug)]
pub struct GlossaryEntry {
    /// The anchor on the glossary page.
    pub id: String,
    /// The term as written in running text.
    pub term: Text,
    /// What the acronym stands for.
    pub expansion: Text,
    /// What it is.
    pub definition: Text,
}

/// Everything in `content/`, loaded and validated.
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
    pub pages: Vec<std::sync::Arc<Page>>,
    /// Page positions by id, built on first use.
    pub index: std::sync::OnceLock<std::sync::Arc<std::collections::HashMap<String, usize>>>,
    /// The terms some case is filed under, built on first use.
    pub used_terms: std::sync::OnceLock<std::collections::HashSet<(TaxonomyKind, String)>>,
}

impl Site {
    /// A site of these parts, its lookups to be built on first use.
    pub fn new(
        config: SiteConfig,
        sources: Vec<Source>,
        taxonomies: Taxonomies,
        glossary: Vec<GlossaryEntry>,
        pages: Vec<std::sync::Arc<Page>>,
    ) -> Site {
        Site {
            config,
            sources,
            taxonomies,
            glossary,
            pages,
            index: std::sync::OnceLock::new(),
            used_terms: std::sync::OnceLock::new(),
        }
    }

    /// The same site with other pages (the site files cloned, the lookups to be built again).
    pub fn with_pages(&self, pages: Vec<std::sync::Arc<Page>>) -> Site {
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

    /// Whether some case is filed under the term `key` of `kind`.
    pub fn term_is_used(&self, kind: TaxonomyKind, key: &str) -> bool {
        self.used_terms
            .get_or_init(|| {
                let cases = self.pages.iter().filter_map(|p| p.data.case.as_ref());
                cases
                    .flat_map(|c| TaxonomyKind::ALL.map(|kind| (kind, c.keys(kind))))
                    .flat_map(|(kind, keys)| keys.iter().map(move |k| (kind, k.clone())))
                    .collect()
            })
            .contains(&(kind, key.to_string()))
    }

    /// Where the page with `id` is in `pages`.
    pub fn page_index(&self, id: &str) -> Option<usize> {
        let index = self.index.get_or_init(|| {
            std::sync::Arc::new(
                self.pages
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (p.id.clone(), i))
                    .collect(),
            )
        });
        index.get(id).copied()
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
