//! Editors read every message: none may show Rust or serde words (`struct RawFrontMatter`, `untagged enum`,
//! `as u128`, `variant`, …). Each shape of wrong YAML, in each kind of file, is fed to the parser that reads
//! that file; every message and hint is checked. The messages the README shows are checked whole.

use std::path::Path;

use crate::diag::{Diagnostic, MessageLanguage};
use crate::model::page::PageKind;

/// Words of Rust and serde that must not reach an editor (outside quoted values and backticked names).
const RUST_WORDS: [&str; 27] = [
    "struct",
    "enum",
    "variant",
    "untagged",
    "u8",
    "u16",
    "u32",
    "u64",
    "u128",
    "usize",
    "i8",
    "i16",
    "i32",
    "i64",
    "i128",
    "isize",
    "f32",
    "f64",
    "Option",
    "Some",
    "None",
    "Vec",
    "String",
    "newtype",
    "tuple",
    "unit",
    "identifier",
];

/// The words of `message` outside `…` and "…", that are Rust's or serde's.
fn rust_words(message: &str) -> Vec<String> {
    let mut outside = String::new();
    let mut quote = None;
    for c in message.chars() {
        match (quote, c) {
            (None, '`' | '"') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, c) => outside.push(c),
            _ => {}
        }
    }
    outside
        .split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| RUST_WORDS.contains(w) || w.to_lowercase().contains("serde") || camel_case(w))
        .map(str::to_string)
        .collect()
}
/// A Rust type's name: an upper-case letter after a lower-case one (`DateText`, `RawPageData`).
fn camel_case(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    chars
        .windows(2)
        .any(|w| w[0].is_lowercase() && w[1].is_uppercase())
}

#[test]
fn the_check_finds_what_editors_used_to_see() {
    for (message, words) in [
        (
            "wrong type: found string \"title:Kobe summary\", expected struct RawFrontMatter",
            &["struct", "RawFrontMatter"][..],
        ),
        (
            "data did not match any variant of untagged enum DateText",
            &["variant", "untagged", "enum", "DateText"],
        ),
        (
            "`order`: wrong type: found integer `99999999999999999999` as u128, expected i64",
            &["u128", "i64"],
        ),
        (
            "`charts[0].kind`: unknown variant `pie`, expected one of `bar`",
            &["variant"],
        ),
        ("found unit value, expected f64", &["unit", "f64"]),
        ("`key_figures[0].unit`: the value \"Option\" is fine", &[]),
    ] {
        assert_eq!(rust_words(message), words, "{message}");
    }
}

fn shown(found: Vec<Diagnostic>) -> Vec<String> {
    found.iter().map(ToString::to_string).collect()
}

fn front_found(yaml: &str) -> Vec<Diagnostic> {
    let text = format!("---\n{yaml}\n---\nbody\n");
    super::front_matter::parse_document(Path::new("p.md"), text, true)
        .err()
        .unwrap_or_default()
}

fn front(yaml: &str) -> Vec<String> {
    shown(front_found(yaml))
}

fn data_found(yaml: &str) -> Vec<Diagnostic> {
    super::page_data::parse_page_data(Path::new("data.yaml"), yaml, PageKind::Case)
        .err()
        .unwrap_or_default()
}

fn data(yaml: &str) -> Vec<String> {
    shown(data_found(yaml))
}

fn file_found(name: &str, yaml: &str) -> Vec<Diagnostic> {
    let p = Path::new(name);
    let r = match name {
        "site.yaml" => super::site_files::parse_site_config(p, yaml).map(|_| ()),
        "sources.yaml" => super::site_files::parse_sources(p, yaml).map(|_| ()),
        "taxonomies.yaml" => super::taxonomies::parse_taxonomies(p, yaml).map(|_| ()),
        _ => super::site_files::parse_glossary(p, yaml).map(|_| ()),
    };
    r.err().unwrap_or_default()
}

/// A case with one key figure, edited by [`KEY_FIGURE_EDITS`].
const KEY_FIGURE: &str = "chapter: one\nsources: [d]\nkey_figures:\n  - id: a\n    label: {ja: a, en: b}\n    value: 1\n    source: d\n";
/// A case with one chart, edited by [`CHART_EDITS`].
const CHART: &str = "chapter: one\nsources: [d]\ncharts:\n  - id: c\n    kind: bar\n    title: {ja: a, en: b}\n    categories: [a]\n    series:\n      - name: {ja: a, en: b}\n        values: [1]\n    source: d\n";
/// A `site.yaml`, edited by [`SITE_EDITS`].
const SITE: &str =
    "title: {ja: a, en: b}\npublisher: {ja: a, en: b}\nbase_url: https://x/\nchapters: [one]\n";

/// Front matter (between the `---` lines).
const FRONT_MATTER: &[&str] = &[
    "title:Kobe",
    "title:Kobe\nsummary: x",
    "summary: x\ntitle:Kobe",
    "summary: x\ntitle:Kobe\ndate: 2025",
    "title: a\nsummary: b\n\ndate: 2025.0",
    "title: a\nsummary: b\ndate: [2025]",
    "title: a\nsummary: b\ndate: {a: b}",
    "title: a\nsummary: b\ndate: true",
    "title: a\nsummary: b\ndate: 2025-03-31T10:00:00Z",
    "title: [a]",
    "title: {ja: x}",
    "- a\n- b",
    "just text",
    "title: &a x\nsummary: *b",
    "titel: x",
    "title: a\ntitle: b",
    "title: a\nsummary: b\ntranslated_from: [a]",
    "title: a\u{85}b\nsummary: x",
    "title: \"a\u{2028}b\"\nsummary: x\ndate: 2025-13-01",
    "title: a\u{2029}b\nsummary: x",
    "summary: x\u{85}y\ntitle: a: b",
    "title: a\n\tsummary: b",
    "title: \"a\nsummary: b",
    "title: [a\nsummary: b",
    "title: @x",
    "<<: {title: a}\nsummary: b",
    "title: a\nsummary: b\ndate: 99999999999999999999",
];

/// A case's `data.yaml`.
const DATA_YAML: &[&str] = &[
    "chapter:one",
    "chapter:one\nsources: [d]",
    "chapter: one\nsources: [d]\norder: 99999999999999999999",
    "chapter: one\nsources: [d]\norder: 9223372036854775808",
    "chapter: one\nsources: [d]\norder: -99999999999999999999",
    "chapter: one\nsources: [d]\norder: 1.5",
    "chapter: one\nsources: [d]\norder: abc",
    "chapter: one\nsources: [d]\norder: [1]",
    "chapter: one\nsources: [d]\norder: true",
    "chapter: one\nsources: [d]\nregions: hyogo",
    "chapter: one\nsources: [d]\nregions: {a: b}",
    "chapter: one\nsources: d",
    "chapter: [one]\nsources: [d]",
    "chapter: {a: b}\nsources: [d]",
    "chapter: one\nsources: [d]\nlocation: Kobe",
    "chapter: one\nsources: [d]\nlocation: {ja: a}",
    "chapter: one\nsources: [d]\nlocation: {ja: a, fr: b}",
    "chapter: one\nsources: [d]\nlocation: {ja: Kobe, Hyogo, en: x}",
    "chapter: one\nsources: [d]\nlocation: {ja: a, ja: b, en: c}",
    "chapter: one\nsources: [d]\nlocation: {ja: '', en: b}",
    "chapter: one\nsources: [d]\nlocation: {ja: [a], en: b}",
    "chapter: one\nsources: [d]\nlocation: [a]",
    "chapter: one\nsources: [d]\nkey_figures: x",
    "chapter: one\nsources: [d]\nkey_figures: [x]",
    "chapter: one\nchapter: two\nsources: [d]",
    "chapter: one\nsources: [d]\ntimeline:\n  - date: 2025.5\n    text: {ja: a, en: b}\n    source: d",
    "chapter: one\nsources: [d]\ntimeline:\n  - date: [1]\n    text: {ja: a, en: b}\n    source: d",
    "chapter: one\nsources: [d]\ntimeline: {a: b}",
    "chapter: one\nsources: [d]\ntimeline:\n  - text: {ja: a, en: b}\n    source: d",
];

/// Edits of a key figure ([`KEY_FIGURE`]).
const KEY_FIGURE_EDITS: &[(&str, &str)] = &[
    ("value: 1", "value: 1,200"),
    ("value: 1", "value: [1]"),
    ("value: 1", "value: 1e400"),
    ("value: 1", "value: true"),
    ("value: 1", "value: ~"),
    ("value: 1", "value: 1\n    qualifier: approx"),
    ("value: 1", "value: 1\n    qualifier: [a]"),
    ("value: 1", "value: 1\n    qualifier: {about: 1}"),
    ("value: 1", "value: 1\n    qualifier: !about x"),
    ("value: 1", "value: 1\n    scale: big"),
    ("value: 1", "value: 1\n    unit: [a]"),
    ("value: 1", "value: 1\n    colour: red"),
    ("label: {ja: a, en: b}", "label: x"),
    ("label: {ja: a, en: b}", "label: 12"),
];

/// Edits of a chart ([`CHART`]).
const CHART_EDITS: &[(&str, &str)] = &[
    ("kind: bar", "kind: pie"),
    ("kind: bar", "kind: [bar]"),
    ("kind: bar", "kind: {bar: 1}"),
    ("kind: bar", "kind: !bar x"),
    ("kind: bar", "kind: ~"),
    ("kind: bar", "kind: 1"),
    ("categories: [a]", "categories: a"),
    ("categories: [a]", "categories: [[a]]"),
    ("values: [1]", "values: [a]"),
    ("values: [1]", "values: 1"),
    ("values: [1]", "values: [１]"),
    ("  - id: c\n    kind: bar\n", "  - kind: bar\n"),
    ("      - name: {ja: a, en: b}\n", "      - nam: x\n"),
];

/// Edits of `site.yaml` ([`SITE`]).
const SITE_EDITS: &[(&str, &str)] = &[
    ("title: {ja: a, en: b}", "title: x"),
    ("chapters: [one]", "chapters: one"),
    ("chapters: [one]", "chapters: [one]\ncover: x"),
    (
        "chapters: [one]",
        "chapters: [one]\ncover: {key_figures: x}",
    ),
    ("chapters: [one]", "chapters: [one]\ncover: {figures: x}"),
    ("base_url: https://x/", "base_url: [x]"),
    ("base_url: https://x/", ""),
    ("chapters: [one]", "chapters: [one]\ntheme: [x]"),
    ("chapters: [one]", "chapters: [one]\ndefault_language: 1"),
];

/// `sources.yaml`.
const SOURCES: &[&str] = &[
    "- a",
    "d: x",
    "d: {title: {ja: a, en: b}, issuer: {ja: a, en: b}, year: 2023.5}",
    "d: {title: {ja: a, en: b}, issuer: {ja: a, en: b}, year: 99999999999}",
    "d: {title: {ja: a, en: b}, issuer: {ja: a, en: b}, year: abc}",
    "d: {title: {ja: a, en: b}, issuer: {ja: a, en: b}, year: 2023, url: [x]}",
    "d: {title: {ja: a, en: b}, issuer: {ja: a, en: b}, year: 2023}\nd: {title: {ja: a, en: b}, issuer: {ja: a, en: b}, year: 2023}",
    "[a]: x",
];

/// `taxonomies.yaml`.
const TAXONOMIES: &[&str] = &[
    "regions: [a]",
    "regions: {a: x}",
    "regions: x",
    "colours: {}",
    "- a",
];

/// `glossary.yaml`.
const GLOSSARY: &[&str] = &[
    "id: a",
    "- x",
    "- id: a\n  term: [x]\n  definition: {ja: a, en: b}",
    "- id: a\n  term: x\n  definition: {ja: a, en: b}\n  extra: 1",
    "- id: a\n  term: x",
];

/// What every shape of wrong YAML above gives, for each kind of file.
fn every_mistake() -> Vec<(String, Vec<Diagnostic>)> {
    let mut all = Vec::new();
    for y in FRONT_MATTER {
        all.push((y.to_string(), front_found(y)));
    }
    for y in DATA_YAML {
        all.push((y.to_string(), data_found(y)));
    }
    for (from, to) in KEY_FIGURE_EDITS {
        let y = KEY_FIGURE.replace(from, to);
        all.push((y.clone(), data_found(&y)));
    }
    for (from, to) in CHART_EDITS {
        let y = CHART.replace(from, to);
        all.push((y.clone(), data_found(&y)));
    }
    for (from, to) in SITE_EDITS {
        let y = SITE.replace(from, to);
        all.push((y.clone(), file_found("site.yaml", &y)));
    }
    for (name, texts) in [
        ("sources.yaml", SOURCES),
        ("taxonomies.yaml", TAXONOMIES),
        ("glossary.yaml", GLOSSARY),
    ] {
        for y in texts {
            all.push((y.to_string(), file_found(name, y)));
        }
    }
    all
}

#[test]
fn no_rust_or_serde_words_reach_an_editor() {
    let mut checked = 0;
    for (what, found) in every_mistake() {
        assert!(!found.is_empty(), "{what:?} should be refused");
        for m in shown(found) {
            let words = rust_words(&m);
            assert!(words.is_empty(), "{what:?} gives {m:?}, with {words:?}");
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
}

/// Every message and hint of every shape of wrong YAML is written in Japanese too (kana: a Japanese sentence
/// has some, where an English one quoting Japanese content has none of its own).
#[test]
fn every_message_and_hint_is_in_japanese() {
    let japanese = |s: &str| s.chars().any(|c| ('\u{3041}'..='\u{30ff}').contains(&c));
    for (what, found) in every_mistake() {
        for d in found {
            let message = d.message_in(MessageLanguage::Japanese);
            assert!(
                d.japanese.as_ref().is_some_and(|j| j.message.is_some()) && japanese(message),
                "{what:?}: {message}"
            );
            if d.help.is_some() {
                let help = d.help_in(MessageLanguage::Japanese).unwrap_or_default();
                assert!(
                    d.japanese.as_ref().is_some_and(|j| j.help.is_some()) && japanese(help),
                    "{what:?}: {help}"
                );
            }
        }
    }
}

/// A libyaml message in Japanese: what happened in plain words, where the trouble started, and libyaml's
/// own words at the end.
#[test]
fn library_words_stay_at_the_end_of_the_japanese() {
    let ja = |found: Vec<Diagnostic>| -> Vec<String> {
        found
            .iter()
            .map(|d| d.display_in(MessageLanguage::Japanese))
            .collect()
    };
    assert_eq!(
        ja(front_found("title: \"a\u{85}b\nsummary: x")),
        [
            "p.md:4:1: エラー: ファイルが途中で終わっています（2 行目から始まる引用符で囲んだ文の中）\
          （読み取りの説明：found unexpected end of stream）\n  ヒント: 閉じていない引用符かかっこがあります"
        ]
    );
    assert_eq!(
        ja(front_found("title: @x")),
        [
            "p.md:2:8: エラー: 値の始めに使えない文字があります（読み取りの説明：found character that cannot \
          start any token）\n  ヒント: YAML ではタブでインデントできません。また @ や ` で始まる文は書けません。\
          インデントには半角スペースを使い、そのような文は引用符で囲んでください"
        ]
    );
    assert_eq!(
        ja(front_found("title: a\nsummary: b\n\ndate: 2025.0")),
        [
            "p.md:5:7: エラー: `date`: `2025.0` は日付ではありません。日付は 2025、2025-03、2025-03-31、\
          FY2024（年度）、または元号で（令和6年度、R6）書いてください"
        ]
    );
}

/// The messages for the commonest mistakes, whole, at the value's line and column (the file's line: front
/// matter starts on line 2).
#[test]
fn plain_messages_at_the_value() {
    let cases: [(Vec<String>, &str); 11] = [
        (
            front("title:Kobe\nsummary: x"),
            "p.md:2:7: error: a space is needed after the colon in `title:Kobe`\n  help: without the space YAML reads the line as one text, not as `title` and its value: write `title: Kobe`",
        ),
        (
            front("summary: x\ntitle:Kobe\ndate: 2025"),
            "p.md:3:7: error: a space is needed after the colon in `title:Kobe`\n  help: without the space YAML reads the line as one text, not as `title` and its value: write `title: Kobe`",
        ),
        (
            front("title: a\nsummary: b\n\ndate: 2025.0"),
            "p.md:5:7: error: `date`: `2025.0` is not a date: dates are written 2025, 2025-03, 2025-03-31, FY2024 (a fiscal year) or with an era (令和6年度, R6)",
        ),
        (
            data("chapter: one\nsources: [d]\norder: 99999999999999999999"),
            "data.yaml:3:8: error: `order`: the number 99999999999999999999 is too large\n  help: write a whole number from -9223372036854775808 to 9223372036854775807",
        ),
        (
            data("chapter:one\nsources: [d]"),
            "data.yaml:1:9: error: a space is needed after the colon in `chapter:one`\n  help: without the space YAML reads the line as one text, not as `chapter` and its value: write `chapter: one`",
        ),
        (
            front("title: a\u{85}b\nsummary: x"),
            "p.md:2:9: error: this line holds an invisible next-line character (U+0085), which YAML reads as a line break\n  help: delete it; it often comes with text copied from a PDF or a word processor",
        ),
        (
            front("summary: x\ntitle: 神戸\u{2028}市"),
            "p.md:3:10: error: this line holds an invisible line separator (U+2028), which YAML reads as a line break\n  help: delete it; it often comes with text copied from a PDF or a word processor",
        ),
        (
            front("title: a\u{2029}b\nsummary: x"),
            "p.md:2:9: error: this line holds an invisible paragraph separator (U+2029), which YAML reads as a line break\n  help: delete it; it often comes with text copied from a PDF or a word processor",
        ),
        // A separator inside quotes is no error, and does not move the line of a later one.
        (
            front("summary: \"a\u{85}b\u{2028}c\"\ntitle: a: b"),
            "p.md:3:9: error: mapping values are not allowed in this context\n  help: put a text that contains \": \" in quotes, and start the keys of one mapping in the same column",
        ),
        (
            front("title: \"a\u{85}b\nsummary: x"),
            "p.md:4:1: error: found unexpected end of stream (in a quoted text that starts on line 2)\n  help: a quote or bracket is not closed",
        ),
        (
            front("summary: \"a\u{2029}b\"\n\ntitle: [x]"),
            "p.md:4:8: error: `title`: wrong type: found sequence, expected a string",
        ),
    ];
    for (messages, expected) in cases {
        assert_eq!(messages, [expected]);
    }
}
