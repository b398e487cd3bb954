//! Tests of `super::recover`.

use super::*;
use std::path::Path;

fn finding(code: Code) -> Diagnostic {
    Diagnostic::error(code, Path::new("data.yaml"), "x")
}

#[test]
fn an_unknown_key_blanks_its_entry_keeping_lines_and_columns() {
    let text = "a: 1\nbad: [1,\n  2]\nc: 3\n";
    let blank = after(text, 5, &finding(Code::UnknownKey)).unwrap();
    let out = apply(text, &blank);
    assert_eq!(out, "a: 1\n        \n    \nc: 3\n");
    assert_eq!(blank.key.as_deref(), Some("bad"));
}

#[test]
fn a_wrong_value_in_a_list_blanks_the_item() {
    let text = "charts:\n  - id: a\n    kind: pie\n  - id: b\n    kind: bar\n";
    let at = text.find("pie").unwrap();
    let blank = after(text, at, &finding(Code::InvalidValue)).unwrap();
    let out = apply(text, &blank);
    assert_eq!(
        out,
        "charts:\n         \n             \n  - id: b\n    kind: bar\n"
    );
    // The only item of its list: the list stays a list.
    let text = "charts:\n  - id: a\n    kind: pie\n";
    let blank = after(
        text,
        text.find("pie").unwrap(),
        &finding(Code::InvalidValue),
    )
    .unwrap();
    assert_eq!(apply(text, &blank), "charts:\n  []     \n             \n");
}

#[test]
fn flow_collections_lose_a_comma_with_the_entry() {
    let text = "location: {ja: 神戸, bad: x, en: Kobe}\n";
    let blank = after(text, text.find("bad").unwrap(), &finding(Code::UnknownKey)).unwrap();
    assert_eq!(
        apply(text, &blank),
        "location: {ja: 神戸,         en: Kobe}\n"
    );
    let text = "location: {ja: 神戸, bad: x}\n";
    let blank = after(text, text.find("bad").unwrap(), &finding(Code::UnknownKey)).unwrap();
    assert_eq!(apply(text, &blank), "location: {ja: 神戸        }\n");
    let text = "values: [1, x, 3]\n";
    let blank = after(text, text.find('x').unwrap(), &finding(Code::WrongType)).unwrap();
    assert_eq!(apply(text, &blank), "values: [1,    3]\n");
}

#[test]
fn a_missing_key_at_the_top_stops() {
    assert_eq!(after("a: 1\n", 0, &finding(Code::MissingKey)), None);
    assert_eq!(after("a: [1\n", 0, &finding(Code::YamlSyntax)), None);
}

#[test]
fn multibyte_text_is_blanked_by_characters() {
    let text = "title: 神戸\nbad: 医療\nz: 1\n";
    let blank = after(text, text.find("bad").unwrap(), &finding(Code::UnknownKey)).unwrap();
    assert_eq!(apply(text, &blank), "title: 神戸\n       \nz: 1\n");
}

/// parse_all agrees with parse on every document: the same value when it reads, the same first finding
/// when it does not; and every further finding is at a line of the document.
#[test]
fn parse_all_starts_where_parse_stops() {
    use crate::yaml::{Source, parse, parse_all};
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        title: String,
        #[serde(default)]
        items: Vec<Item>,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Item {
        id: String,
        kind: ItemKind,
        #[serde(default)]
        values: Vec<f64>,
    }
    #[derive(serde::Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum ItemKind {
        Bar,
        Line,
    }
    let keys = [
        "title", "items", "titel", "colour", "id", "kind", "values", "extra",
    ];
    let values = [
        "x", "bar", "pie", "[1, 2]", "[1, x]", "{a: 1}", "3", "神戸", "line",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut several = 0;
    for _ in 0..3000 {
        let mut doc = String::new();
        for _ in 0..1 + next(3) {
            let key = keys[next(keys.len())];
            if key == "items" && next(2) == 0 {
                doc.push_str("items:\n");
                for _ in 0..1 + next(3) {
                    let mut first = true;
                    for _ in 0..1 + next(4) {
                        let k = keys[next(keys.len())];
                        let v = values[next(values.len())];
                        doc.push_str(if first { "  - " } else { "    " });
                        doc.push_str(&format!("{k}: {v}\n"));
                        first = false;
                    }
                }
            } else {
                doc.push_str(&format!("{key}: {}\n", values[next(values.len())]));
            }
        }
        let src = Source::file(Path::new("a.yaml"), &doc);
        let lines = doc.lines().count();
        match (parse::<Doc>(&src), parse_all::<Doc>(&src)) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{doc}"),
            (Err(a), Err(all)) => {
                assert_eq!(all.first(), Some(&a), "{doc}");
                assert!(all.len() <= MAX_FINDINGS);
                several += usize::from(all.len() > 1);
                for d in &all {
                    if let Some(p) = d.position {
                        assert!(p.line <= lines + 1, "{doc}\n{d}");
                    }
                }
            }
            (a, b) => panic!("{doc}\nparse: {a:?}\nparse_all: {b:?}"),
        }
    }
    assert!(
        several > 300,
        "only {several} documents gave more than one finding"
    );
}
