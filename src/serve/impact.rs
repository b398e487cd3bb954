//! What an edit changed that pages show of each other, worked out by comparing the prepared site before and
//! after: the pages whose listing changed (anything but their text), chapters whose cases changed, cases
//! whose related cases changed, figures whose number or title changed. Each rendered page recorded what it
//! read of others (`render::Dep`); the pages to render again are those that read something changed.

use std::collections::{BTreeSet, HashSet};

use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;
use crate::pipeline::Prepared;
use crate::render::Dep;

/// What other pages may show differently after an edit.
#[derive(Debug, Default)]
pub(crate) struct Impact {
    /// Everything pages read of each other that changed.
    pub changed: HashSet<Dep>,
}

impl Impact {
    /// Whether the generated pages (lists, taxonomy pages, the sitemap) must be made again: they show every
    /// page's listing, every chapter's cases and every figure.
    pub(crate) fn lists(&self) -> bool {
        !self.changed.is_empty()
    }
}

/// The impact of the edit of the page folders `ids` from `old` to `new`; `None` when pages were added or
/// removed, a page's files (assets) changed, or charts or tables were added, removed or renamed: then everything is
/// rendered again.
pub(crate) fn impact(old: &Prepared, new: &Prepared, ids: &BTreeSet<String>) -> Option<Impact> {
    let mut impact = Impact::default();
    for id in ids {
        match (old.site.page(id), new.site.page(id)) {
            (None, None) => {}
            (Some(a), Some(b)) if a.assets == b.assets && chart_ids(a) == chart_ids(b) => {
                if !same_listing(a, b) {
                    impact
                        .changed
                        .insert(Dep::Listing(new.site.page_index(id)?));
                }
            }
            _ => return None,
        }
    }
    if !impact.changed.is_empty() {
        // A listing (a case's chapter, order or taxonomy terms) decides which cases a chapter holds and
        // which cases are related.
        for (n, slug) in new.site.config.chapters.iter().enumerate() {
            if ids_of(old.site.cases_of(slug)) != ids_of(new.site.cases_of(slug)) {
                impact.changed.insert(Dep::CasesOf(n + 1));
            }
        }
        if terms_in_use(&old.site) != terms_in_use(&new.site) {
            impact.changed.insert(Dep::TermsInUse);
        }
        for (i, page) in new.site.pages.iter().enumerate() {
            if page.kind == PageKind::Case
                && old.shared.related(&old.site, &page.id)
                    != new.shared.related(&new.site, &page.id)
            {
                impact.changed.insert(Dep::Related(i));
            }
        }
    }
    for info in &new.figures.list {
        let same = old.figures.get(&info.id).is_some_and(|o| {
            o.label == info.label && o.title == info.title && o.page_id == info.page_id
        });
        if !same {
            impact.changed.insert(Dep::Figure(info.id.clone()));
        }
    }
    for info in &new.figures.tables {
        let same = old.figures.table(&info.id).is_some_and(|o| {
            o.label == info.label && o.title == info.title && o.page_id == info.page_id
        });
        if !same {
            impact.changed.insert(Dep::Table(info.id.clone()));
        }
    }
    // The headings of an edited page, as `@sec:` references elsewhere write them.
    for id in ids {
        let key = |lang| (id.clone(), lang);
        if Lang::ALL
            .iter()
            .any(|&l| old.outlines.get(&key(l)) != new.outlines.get(&key(l)))
        {
            impact
                .changed
                .insert(Dep::Outline(new.site.page_index(id)?));
        }
    }
    Some(impact)
}

/// Every (taxonomy, term) some case is filed under.
fn terms_in_use(site: &Site) -> BTreeSet<(TaxonomyKind, &str)> {
    site.pages
        .iter()
        .filter_map(|p| p.data.case.as_ref())
        .flat_map(|c| c.terms())
        .collect()
}

/// The ids of the page's charts and tables.
fn chart_ids(page: &Page) -> Vec<&str> {
    let charts = page.data.charts.iter().map(|c| c.id.as_str());
    charts
        .chain(page.data.tables.iter().map(|t| t.id.as_str()))
        .collect()
}

fn ids_of(pages: Vec<&Page>) -> Vec<&str> {
    pages.into_iter().map(|p| p.id.as_str()).collect()
}

/// What other pages show of a document.
type ListedDoc<'p> = (
    &'p std::path::PathBuf,
    &'p String,
    &'p Option<String>,
    Option<crate::model::date::PartialDate>,
    Option<crate::model::date::PartialDate>,
    &'p Option<crate::model::page::TranslatedFrom>,
);

/// Whether two versions of a page show the same to other pages: the same everything but their text
/// (what [`Dep::Listing`] stands for).
fn same_listing(a: &Page, b: &Page) -> bool {
    fn listing(p: &Page) -> [Option<ListedDoc<'_>>; 2] {
        Lang::ALL.map(|lang| {
            p.docs.get(lang).as_ref().map(|d| {
                (
                    &d.path,
                    &d.title,
                    &d.summary,
                    d.date,
                    d.updated,
                    &d.translated_from,
                )
            })
        })
    }
    a.kind == b.kind
        && a.data == b.data
        && a.data_file.as_ref().map(|f| &f.path) == b.data_file.as_ref().map(|f| &f.path)
        && listing(a) == listing(b)
}
