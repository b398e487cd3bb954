//! Where a fact comes from: a source of `sources.yaml`, and where in it.

use super::lang::{Lang, Text};

/// A place in a source document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Locator {
    /// A page or a range of pages: `166`, `166-167`.
    Page(String),
    /// A figure of the source, by its number there: `2-5-4`.
    Figure(String),
    /// A table of the source, by its number there: `2-5-3`.
    Table(String),
    /// Any other place, in words: 第1部第2章 / Part 1, Chapter 2.
    Section(Text),
}

impl Locator {
    /// As a white paper writes it after the source: p.166, pp.166–167, 図2-5-4, 表2-5-3 (Japanese); p. 166,
    /// pp. 166–167, Figure 2-5-4, Table 2-5-3 (English).
    pub fn written(&self, lang: Lang) -> String {
        match (self, lang) {
            (Locator::Page(p), _) => {
                let range = p.contains(['-', '–']);
                let p = p.replace('-', "–");
                match (lang, range) {
                    (Lang::Ja, false) => format!("p.{p}"),
                    (Lang::Ja, true) => format!("pp.{p}"),
                    (Lang::En, false) => format!("p. {p}"),
                    (Lang::En, true) => format!("pp. {p}"),
                }
            }
            (Locator::Figure(f), Lang::Ja) => format!("図{f}"),
            (Locator::Figure(f), Lang::En) => format!("Figure {f}"),
            (Locator::Table(t), Lang::Ja) => format!("表{t}"),
            (Locator::Table(t), Lang::En) => format!("Table {t}"),
            (Locator::Section(t), _) => t.get(lang).clone(),
        }
    }
}

/// One source a fact cites, with the place in it when given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citation {
    /// The source id (in `sources.yaml`, and listed in the page's `sources`).
    pub source: String,
    /// Where in the source.
    pub locator: Option<Locator>,
}

impl Citation {
    /// A citation of the whole source `id`.
    pub fn of(id: &str) -> Citation {
        Citation {
            source: id.to_string(),
            locator: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locators_as_white_papers_write_them() {
        assert_eq!(Locator::Page("166".into()).written(Lang::Ja), "p.166");
        assert_eq!(
            Locator::Page("166-167".into()).written(Lang::En),
            "pp. 166–167"
        );
        assert_eq!(Locator::Figure("2-5-4".into()).written(Lang::Ja), "図2-5-4");
        assert_eq!(
            Locator::Table("2-5-3".into()).written(Lang::En),
            "Table 2-5-3"
        );
    }
}
