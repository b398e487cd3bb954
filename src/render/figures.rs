//! White-paper figure numbers: 図2-1 / Figure 2-1 (chapter and position), in reading order.

use std::collections::HashMap;

use crate::model::lang::{Lang, Localized, Text};
use crate::model::page::PageKind;
use crate::model::site::Site;

/// A numbered figure.
#[derive(Clone, Debug)]
pub struct FigureInfo {
    /// Chart id.
    pub id: String,
    /// Page that defines and shows it.
    pub page_id: String,
    /// Chapter number, for pages in a chapter.
    pub chapter: Option<usize>,
    /// Position within the chapter (or among pages outside chapters), 1-based.
    pub number: usize,
    /// The label in each language: 図2-1 / Figure 2-1.
    pub label: Localized<String>,
    /// The chart title.
    pub title: Text,
}

/// All figures of the report, in reading order.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// In reading order.
    pub list: Vec<FigureInfo>,
    by_id: HashMap<String, usize>,
}

impl Figures {
    /// The figure with chart id `id`.
    pub fn get(&self, id: &str) -> Option<&FigureInfo> {
        self.by_id.get(id).map(|&i| &self.list[i])
    }
}

/// Numbers every chart: within a chapter, the chapter page's charts first, then its cases in order, each in
/// the order of `charts` in `data.yaml`. Charts on pages outside chapters are numbered 図1, 図2, … after them.
pub fn number_figures(site: &Site) -> Figures {
    let mut figures = Figures::default();
    let mut counters: HashMap<Option<usize>, usize> = HashMap::new();
    for page in site.reading_order() {
        let chapter = match page.kind {
            PageKind::Chapter => site.chapter_number(page.slug()),
            PageKind::Case => page
                .data
                .case
                .as_ref()
                .and_then(|c| site.chapter_number(&c.chapter)),
            PageKind::Home | PageKind::Other => None,
        };
        for chart in &page.data.charts {
            let n = counters.entry(chapter).or_insert(0);
            *n += 1;
            let number = *n;
            let label = Localized::from_fn(|lang| label(lang, chapter, number));
            figures.by_id.insert(chart.id.clone(), figures.list.len());
            figures.list.push(FigureInfo {
                id: chart.id.clone(),
                page_id: page.id.clone(),
                chapter,
                number,
                label,
                title: chart.title.clone(),
            });
        }
    }
    figures
}

fn label(lang: Lang, chapter: Option<usize>, number: usize) -> String {
    match (lang, chapter) {
        (Lang::Ja, Some(c)) => format!("図{c}-{number}"),
        (Lang::Ja, None) => format!("図{number}"),
        (Lang::En, Some(c)) => format!("Figure {c}-{number}"),
        (Lang::En, None) => format!("Figure {number}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(label(Lang::Ja, Some(2), 1), "図2-1");
        assert_eq!(label(Lang::En, Some(2), 3), "Figure 2-3");
        assert_eq!(label(Lang::Ja, None, 4), "図4");
    }
}
