//! Related cases: for every case, those its editor chose (`related:` in data.yaml), or up to four cases
//! sharing the most taxonomy terms with it, best first, then in report order. Computed once per build through an index from each combination of terms to the cases
//! filed under all of them (in report order): a case looks up the combinations of its own terms, largest
//! first, and needs only the first few cases of each. The cost grows with the number of cases times the
//! combinations of one case's terms, never with the square of the number of cases.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::page::{Page, PageKind};
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;

/// How many related cases a case shows.
pub const SHOWN: usize = 4;

/// At most this many terms of a case (the first in taxonomy order) count for relatedness, so that its
/// combinations stay few (2¹² at most).
pub const MAX_TERMS: usize = 12;

type Term<'s> = (TaxonomyKind, &'s str);

/// Related case ids per case id.
pub fn related_cases(site: &Site) -> HashMap<String, Vec<String>> {
    let order: Vec<&Page> = site
        .reading_order()
        .into_iter()
        .filter(|p| p.kind == PageKind::Case)
        .collect();
    let terms: Vec<Vec<Term<'_>>> = order.iter().map(|p| terms_of(p)).collect();
    let mut by_terms: HashMap<Vec<Term<'_>>, Vec<usize>> = HashMap::new();
    for (i, own) in terms.iter().enumerate() {
        for mask in 1..1u32 << own.len() {
            by_terms.entry(subset(own, mask)).or_default().push(i);
        }
    }
    (0..order.len())
        .into_par_iter()
        .map(|i| {
            let chosen = order[i].data.case.as_ref().and_then(|c| c.related.as_ref());
            let related = match chosen {
                Some(slugs) => slugs
                    .iter()
                    .map(|s| format!("cases/{s}"))
                    .filter(|id| site.page(id).is_some())
                    .collect(),
                None => best(i, &terms[i], &by_terms)
                    .into_iter()
                    .map(|j| order[j].id.clone())
                    .collect(),
            };
            (order[i].id.clone(), related)
        })
        .collect()
}

/// A case's terms, sorted, without repeats, at most [`MAX_TERMS`].
fn terms_of(page: &Page) -> Vec<Term<'_>> {
    let mut terms: Vec<Term<'_>> = page
        .data
        .case
        .as_ref()
        .map(|c| c.terms().collect())
        .unwrap_or_default();
    terms.sort_unstable();
    terms.dedup();
    terms.truncate(MAX_TERMS);
    terms
}

/// The terms of `terms` picked by the bits of `mask`.
fn subset<'s>(terms: &[Term<'s>], mask: u32) -> Vec<Term<'s>> {
    terms
        .iter()
        .enumerate()
        .filter(|(b, _)| mask & (1 << b) != 0)
        .map(|(_, t)| *t)
        .collect()
}

/// The related cases of case `i`: those sharing the most terms first, then in report order. Every case
/// sharing exactly `m` terms with `i` is filed under one `m`-term combination of `i`'s terms, and every
/// case sharing more was already taken when the `m`-term combinations are read (or the list was full).
fn best(i: usize, own: &[Term<'_>], by_terms: &HashMap<Vec<Term<'_>>, Vec<usize>>) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::with_capacity(SHOWN);
    for size in (1..=own.len()).rev() {
        if chosen.len() == SHOWN {
            break;
        }
        // Enough of each list's head to skip `i` itself and the cases already chosen.
        let look = SHOWN + 1 + chosen.len();
        let mut candidates: Vec<usize> = (1..1u32 << own.len())
            .filter(|mask| mask.count_ones() as usize == size)
            .filter_map(|mask| by_terms.get(&subset(own, mask)))
            .flat_map(|cases| cases.iter().take(look).copied())
            .filter(|j| *j != i && !chosen.contains(j))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        chosen.extend(candidates.into_iter().take(SHOWN - chosen.len()));
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::{CaseInfo, PageData};
    use crate::model::lang::Localized;
    use crate::model::page::{Document, Page};
    use crate::model::site::Site;

    fn case(id: &str, fields: &[&str]) -> Page {
        Page {
            id: format!("cases/{id}"),
            kind: PageKind::Case,
            docs: Localized {
                ja: Some(Document {
                    path: "x".into(),
                    title: id.into(),
                    summary: None,
                    date: None,
                    updated: None,
                    translated_from: None,
                    body: String::new(),
                    body_line: 1,
                    draft: false,
                    placeholders: Vec::new(),
                    tables: Vec::new(),
                }),
                en: None,
            },
            data: PageData {
                case: Some(CaseInfo {
                    chapter: "c".into(),
                    order: None,
                    regions: Vec::new(),
                    fields: fields.iter().map(|f| f.to_string()).collect(),
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

    /// The definition, case by case against every other case.
    fn brute_force(terms: &[Vec<Term<'_>>]) -> Vec<Vec<usize>> {
        (0..terms.len())
            .map(|i| {
                let mut scored: Vec<(usize, usize)> = (0..terms.len())
                    .filter(|&j| j != i)
                    .map(|j| (terms[i].iter().filter(|t| terms[j].contains(t)).count(), j))
                    .filter(|(shared, _)| *shared > 0)
                    .collect();
                scored.sort_by_key(|&(shared, j)| (std::cmp::Reverse(shared), j));
                scored.into_iter().take(SHOWN).map(|(_, j)| j).collect()
            })
            .collect()
    }

    #[test]
    fn the_index_finds_what_comparing_every_pair_finds() {
        let keys = ["a", "b", "c", "d", "e", "f", "g"];
        let kinds = TaxonomyKind::ALL;
        // A fixed pseudo-random filing of 300 cases under 0 to 5 terms.
        let mut seed = 12345u64;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        let terms: Vec<Vec<Term<'_>>> = (0..300)
            .map(|_| {
                let mut t: Vec<Term<'_>> = (0..next(6))
                    .map(|_| (kinds[next(kinds.len())], keys[next(keys.len())]))
                    .collect();
                t.sort_unstable();
                t.dedup();
                t
            })
            .collect();
        let mut by_terms: HashMap<Vec<Term<'_>>, Vec<usize>> = HashMap::new();
        for (i, own) in terms.iter().enumerate() {
            for mask in 1..1u32 << own.len() {
                by_terms.entry(subset(own, mask)).or_default().push(i);
            }
        }
        let fast: Vec<Vec<usize>> = (0..terms.len())
            .map(|i| best(i, &terms[i], &by_terms))
            .collect();
        assert_eq!(fast, brute_force(&terms));
    }

    #[test]
    fn most_shared_terms_first_then_report_order() {
        let mut chapter = case("c", &[]);
        chapter.id = "chapters/c".into();
        chapter.kind = PageKind::Chapter;
        chapter.data.case = None;
        let pages = vec![
            chapter,
            case("a", &["x", "y"]),
            case("b", &["x"]),
            case("c", &["x", "y"]),
            case("d", &["z"]),
            case("e", &["y"]),
        ];
        let site = Site::of_pages(&["c"], pages);
        let related = related_cases(&site);
        assert_eq!(related["cases/a"], vec!["cases/c", "cases/b", "cases/e"]);
        assert!(related["cases/d"].is_empty());
    }
}
