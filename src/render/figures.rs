//! White-paper figure and table numbers: 図2-1 / Figure 2-1 and 表2-1 / Table 2-1 (chapter and position,
//! each in its own sequence), in reading order.

use std::collections::HashMap;

use crate::model::lang::{Lang, Localized, Text};
use crate::model::page::{Page, PageKind};
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

/// All figures and tables of the report, in reading order.
#[derive(Clone, Debug, Default)]
pub struct Figures {
    /// Figures (charts), in reading order.
    pub list: Vec<FigureInfo>,
    by_id: HashMap<String, usize>,
    /// Numbered tables, in reading order (their title is the caption).
    pub tables: Vec<FigureInfo>,
    table_by_id: HashMap<String, usize>,
}

impl Figures {
    /// The figure with chart id `id`.
    pub fn get(&self, id: &str) -> Option<&FigureInfo> {
        self.by_id.get(id).map(|&i| &self.list[i])
    }

    /// The numbered table with id `id`.
    pub fn table(&self, id: &str) -> Option<&FigureInfo> {
        self.table_by_id.get(id).map(|&i| &self.tables[i])
    }
}

/// Numbers every chart and every table: within a chapter, the chapter page's first, then its cases in
/// order, each in the order of `charts` (or `tables`) in `data.yaml`, a page's captioned Markdown tables
/// after its `tables`. Those on pages outside chapters are
/// numbered 図1, 図2, … (表1, 表2, …) after them. Figures and tables are counted apart.
pub fn number_figures(site: &Site) -> Figures {
    let mut figures = Figures::default();
    let mut counters: HashMap<Option<usize>, usize> = HashMap::new();
    let mut table_counters: HashMap<Option<usize>, usize> = HashMap::new();
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
            let label = Localized::from_fn(|lang| label(Kind::Figure, lang, chapter, number));
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
        let tables = page.data.tables.iter().map(|t| (&t.id, t.caption.clone()));
        for (id, caption) in tables.chain(captioned_tables(site, page)) {
            let n = table_counters.entry(chapter).or_insert(0);
            *n += 1;
            let number = *n;
            let label = Localized::from_fn(|lang| label(Kind::Table, lang, chapter, number));
            figures.table_by_id.insert(id.clone(), figures.tables.len());
            figures.tables.push(FigureInfo {
                id: id.clone(),
                page_id: page.id.clone(),
                chapter,
                number,
                label,
                title: caption,
            });
        }
    }
    figures
}

/// The Markdown tables of a page given a caption line, by id: in the order of the default language's text,
/// then those only the other language has; the caption in each language (the other's where one lacks it).
fn captioned_tables<'p>(site: &Site, page: &'p Page) -> Vec<(&'p String, Localized<String>)> {
    let first = site.config.default_language;
    let mut out: Vec<(&String, Localized<String>)> = Vec::new();
    for lang in [first, first.other()] {
        let Some(doc) = page.docs.get(lang) else {
            continue;
        };
        for t in &doc.tables {
            match out.iter_mut().find(|(id, _)| **id == t.id) {
                Some((_, caption)) => *caption.get_mut(lang) = t.caption.clone(),
                None => out.push((&t.id, Localized::from_fn(|_| t.caption.clone()))),
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Kind {
    Figure,
    Table,
}

fn label(kind: Kind, lang: Lang, chapter: Option<usize>, number: usize) -> String {
    let name = match (kind, lang) {
        (Kind::Figure, Lang::Ja) => "図",
        (Kind::Table, Lang::Ja) => "表",
        (Kind::Figure, Lang::En) => "Figure ",
        (Kind::Table, Lang::En) => "Table ",
    };
    match chapter {
        Some(c) => format!("{name}{c}-{number}"),
        None => format!("{name}{number}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_both_languages() {
        assert_eq!(label(Kind::Figure, Lang::Ja, Some(2), 1), "図2-1");
        assert_eq!(label(Kind::Figure, Lang::En, Some(2), 3), "Figure 2-3");
        assert_eq!(label(Kind::Figure, Lang::Ja, None, 4), "図4");
        assert_eq!(label(Kind::Table, Lang::Ja, Some(1), 2), "表1-2");
        assert_eq!(label(Kind::Table, Lang::En, None, 1), "Table 1");
    }
}
