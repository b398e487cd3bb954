//! Related cases: for every case, up to four cases sharing the most taxonomy terms with it, best first, then
//! in report order. Computed once per build through an inverted index (term → cases), so the cost grows with
//! the number of shared terms, not with the square of the number of cases.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::model::page::PageKind;
use crate::model::site::{Site, TaxonomyKind};

/// How many related cases a case shows.
pub const SHOWN: usize = 4;

/// Related case ids per case id.
pub fn related_cases(site: &Site) -> HashMap<String, Vec<String>> {
    let order: Vec<&crate::model::page::Page> = site
        .reading_order()
        .into_iter()
        .filter(|p| p.kind == PageKind::Case)
        .collect();
    let terms_of = |i: usize| -> Vec<(TaxonomyKind, &str)> {
        order[i]
            .data
            .case
            .as_ref()
            .map(|c| c.terms().collect())
            .unwrap_or_default()
    };
    let mut by_term: HashMap<(TaxonomyKind, &str), Vec<usize>> = HashMap::new();
    for i in 0..order.len() {
        for term in terms_of(i) {
            let list = by_term.entry(term).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }
    // Per thread: a count per case and the list of cases touched, reset after each case.
    (0..order.len())
        .into_par_iter()
        .map_init(
            || (vec![0u32; order.len()], Vec::<usize>::new()),
            |(counts, touched), i| {
                let mut terms = terms_of(i);
                terms.sort_unstable();
                terms.dedup();
                for term in terms {
                    for &j in &by_term[&term] {
                        if j != i {
                            if counts[j] == 0 {
                                touched.push(j);
                            }
                            counts[j] += 1;
                        }
                    }
                }
                // The best few, most shared terms first, then report order.
                let mut best: Vec<(u32, usize)> = Vec::with_capacity(SHOWN + 1);
                for &j in touched.iter() {
                    let candidate = (counts[j], j);
                    let better =
                        |a: &(u32, usize), b: &(u32, usize)| a.0 > b.0 || (a.0 == b.0 && a.1 < b.1);
                    if best.len() < SHOWN || better(&candidate, &best[best.len() - 1]) {
                        let at = best
                            .iter()
                            .position(|b| better(&candidate, b))
                            .unwrap_or(best.len());
                        best.insert(at, candidate);
                        best.truncate(SHOWN);
                    }
                }
                for &j in touched.iter() {
                    counts[j] = 0;
                }
                touched.clear();
                (
                    order[i].id.clone(),
                    best.into_iter().map(|(_, j)| order[j].id.clone()).collect(),
                )
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::data::{CaseInfo, PageData};
    use crate::model::lang::{Localized, Text};
    use crate::model::page::{Document, Page};
    use crate::model::site::{BaseUrl, SiteConfig, Taxonomies};

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
                }),
                ..PageData::default()
            },
            data_path: None,
            assets: Vec::new(),
        }
    }

    #[test]
    fn most_shared_terms_first_then_report_order() {
        let mut chapter = case("c", &[]);
        chapter.id = "chapters/c".into();
        chapter.kind = PageKind::Chapter;
        chapter.data.case = None;
        let mut pages = vec![
            chapter,
            case("a", &["x", "y"]),
            case("b", &["x"]),
            case("c", &["x", "y"]),
            case("d", &["z"]),
            case("e", &["y"]),
        ];
        pages.sort_by(|a, b| a.id.cmp(&b.id));
        let site = Site {
            config: SiteConfig {
                title: Text::same("t"),
                subtitle: None,
                publisher: Text::same("p"),
                base_url: BaseUrl {
                    origin: "https://x".into(),
                    path: "/".into(),
                },
                default_language: crate::model::lang::Lang::Ja,
                theme: "default".into(),
                chapters: vec!["c".into()],
                cover_figures: Vec::new(),
            },
            sources: Vec::new(),
            taxonomies: Taxonomies::default(),
            glossary: Vec::new(),
            pages: pages.into_iter().map(std::sync::Arc::new).collect(),
            index: std::sync::OnceLock::new(),
        };
        let related = related_cases(&site);
        assert_eq!(related["cases/a"], vec!["cases/c", "cases/b", "cases/e"]);
        assert!(related["cases/d"].is_empty());
    }
}
