//! Key figures typed by hand in a page's text: the number goes stale when data.yaml changes, where
//! `@kf:<id>` would follow it.

use crate::diag::{Code, Diagnostic, position_of};
use crate::format::number::format_number;
use crate::model::lang::Lang;
use crate::model::page::Document;
use crate::model::page::Page;

/// A warning for each place where one of `page`'s key figures is written out in `doc` (the page's text in `lang`) as the page
/// would write it (362社, 1万2,400人; 12,400 people): number and unit, or, without a unit, a number of four
/// digits or more (a bare 20 or 362 is too often something else).
pub fn typed_key_figures(page: &Page, doc: &Document, lang: Lang) -> Vec<Diagnostic> {
    let mut warnings = Vec::new();
    for k in &page.data.key_figures {
        let number = format_number(k.value, lang, k.scale);
        let unit = k.unit.get(lang);
        if unit.is_empty() && k.value.abs() < 1000.0 {
            continue;
        }
        let typed = match (lang, unit.is_empty()) {
            (_, true) => number,
            (Lang::Ja, false) => format!("{number}{unit}"),
            (Lang::En, false) => format!("{number} {unit}"),
        };
        let found = doc.body.match_indices(&typed).filter(|(at, _)| {
            let before = doc.body[..*at].chars().next_back();
            let after = doc.body[at + typed.len()..].chars().next();
            !before.is_some_and(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && !after
                    .is_some_and(|c| c.is_ascii_digit() || (unit.is_empty() && c.is_alphanumeric()))
        });
        for (at, _) in found {
            let p = position_of(&doc.body, at);
            warnings.push(
                Diagnostic::warning(
                    Code::TypedKeyFigure,
                    &doc.path,
                    format!(
                        "the key figure `{}` ({typed}) is typed by hand; it will not follow data.yaml",
                        k.id
                    ),
                )
                .at(p.line + doc.body_line - 1, p.column)
                .with_help(format!(
                    "write @kf:{} instead: it writes the number from data.yaml, linked to its card",
                    k.id
                ))
                .ja(format!(
                    "主要数値 `{}`（{typed}）が手で書かれています。data.yaml を直しても、この数字は変わりません",
                    k.id
                ))
                .ja_help(format!(
                    "代わりに @kf:{} と書いてください。data.yaml の数字が書き込まれ、主要数値のカードへのリンクになります",
                    k.id
                )),
            );
        }
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::NumberScale;
    use crate::model::data::{KeyFigure, PageData};
    use crate::model::lang::{Localized, Text};
    use crate::model::page::PageKind;
    use std::path::PathBuf;

    fn page(value: f64, unit: (&str, &str)) -> Page {
        Page {
            id: "cases/a".into(),
            kind: PageKind::Case,
            docs: Localized::default(),
            data: PageData {
                key_figures: vec![KeyFigure {
                    id: "companies".into(),
                    label: Text::same("l"),
                    value,
                    unit: Text {
                        ja: unit.0.into(),
                        en: unit.1.into(),
                    },
                    qualifier: None,
                    scale: NumberScale::Myriad,
                    as_of: None,
                    sources: Vec::new(),
                }],
                ..PageData::default()
            },
            data_file: None,
            assets: Vec::new(),
        }
    }

    fn doc(body: &str) -> Document {
        Document {
            path: PathBuf::from("content/cases/a/index.ja.md"),
            title: "t".into(),
            summary: None,
            date: None,
            updated: None,
            translated_from: None,
            body: body.into(),
            body_line: 5,
            draft: false,
            placeholders: Vec::new(),
            tables: Vec::new(),
        }
    }

    #[test]
    fn the_number_with_its_unit_is_found_where_it_stands_alone() {
        let p = page(12400.0, ("人", "people"));
        let w = typed_key_figures(&p, &doc("本文。\n雇用者は1万2,400人に達した。"), Lang::Ja);
        assert_eq!(w.len(), 1);
        assert_eq!(
            w[0].to_string(),
            "content/cases/a/index.ja.md:6:5: warning: the key figure `companies` (1万2,400人) is typed by hand; it will not follow data.yaml\n  help: write @kf:companies instead: it writes the number from data.yaml, linked to its card"
        );
        assert!(typed_key_figures(&p, &doc("11万2,400人、@kf:companies。"), Lang::Ja).is_empty());
        let en = typed_key_figures(&p, &doc("It employs 12,400 people."), Lang::En);
        assert_eq!(en.len(), 1);
        // Without a unit, only numbers of four digits or more.
        let bare = page(362.0, ("社", ""));
        assert!(typed_key_figures(&bare, &doc("362 companies"), Lang::En).is_empty());
    }
}
