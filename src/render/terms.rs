//! The taxonomy terms in use and their pages' addresses (shared by the taxonomy pages and the map).

use super::urls::page_path;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::taxonomy::{TaxonomyKind, Term};

/// The terms of a taxonomy that at least one case uses, with those cases in report order. Regions are
/// listed north to south (by prefecture code), those without a code (e.g. nationwide) last.
pub(crate) fn used_terms(
    site: &crate::model::site::Site,
    kind: TaxonomyKind,
) -> Vec<(&Term, Vec<&Page>)> {
    let order = site.reading_order();
    let mut used: Vec<(&Term, Vec<&Page>)> = site
        .taxonomies
        .terms(kind)
        .iter()
        .map(|term| {
            let cases: Vec<&Page> = order
                .iter()
                .copied()
                .filter(|p| {
                    p.data
                        .case
                        .as_ref()
                        .is_some_and(|c| c.keys(kind).contains(&term.key))
                })
                .collect();
            (term, cases)
        })
        .filter(|(_, cases)| !cases.is_empty())
        .collect();
    if kind == TaxonomyKind::Regions {
        used.sort_by_key(|(term, _)| term.code.unwrap_or(u8::MAX));
    }
    used
}

/// The site path of a term's page: `ja/regions/hyogo/`.
pub(crate) fn term_url(lang: Lang, kind: TaxonomyKind, key: &str) -> String {
    format!("{}{}/{key}/", page_path(lang, ""), kind.key())
}
