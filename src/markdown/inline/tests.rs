//! Tests of `super` (inline text: references and glossary terms).

use super::*;

fn terms(list: &[&str]) -> Vec<GlossaryTerm> {
    list.iter()
        .map(|t| GlossaryTerm {
            id: String::new(),
            term: t.to_string(),
            title: String::new(),
            href: String::new(),
        })
        .collect()
}

#[test]
fn figure_references() {
    let mut done = TermsDone::default();
    assert_eq!(
        split_text("@fig:kobe-companies に示す。", &[], &mut done),
        vec![
            Piece::Ref {
                kind: RefKind::Figure,
                target: "kobe-companies",
                at: 0
            },
            Piece::Text(" に示す。")
        ]
    );
    assert_eq!(
        split_text("see @fig:a-b-.", &[], &mut done),
        vec![
            Piece::Text("see "),
            Piece::Ref {
                kind: RefKind::Figure,
                target: "a-b",
                at: 4
            },
            Piece::Text("-.")
        ]
    );
    assert_eq!(
        split_text("mail@fig:", &[], &mut done),
        vec![Piece::Text("mail@fig:")]
    );
}

#[test]
fn every_kind_of_reference_and_where_it_ends() {
    let done = TermsDone::default();
    let refs = |text: &'static str| -> Vec<(RefKind, &'static str)> {
        split_text(text, &[], &mut TermsDone::default())
            .into_iter()
            .filter_map(|p| match p {
                Piece::Ref { kind, target, .. } => Some((kind, target)),
                _ => None,
            })
            .collect()
    };
    assert_eq!(
        refs("@tbl:kobe-counts。"),
        [(RefKind::Table, "kobe-counts")]
    );
    assert_eq!(
        refs("（@tbl:cases/kobe#kobe-counts）"),
        [(RefKind::Table, "cases/kobe#kobe-counts")]
    );
    assert_eq!(refs("@chap:hubs で"), [(RefKind::Chapter, "hubs")]);
    assert_eq!(refs("see @chap:hubs."), [(RefKind::Chapter, "hubs")]);
    assert_eq!(
        refs("@sec:#概要を参照。"),
        [(RefKind::Section, "#概要を参照")]
    );
    assert_eq!(
        refs("(@sec:cases/kobe#how-it-began)"),
        [(RefKind::Section, "cases/kobe#how-it-began")]
    );
    assert_eq!(refs("@kf:companies社"), [(RefKind::KeyFigure, "companies")]);
    assert_eq!(
        refs("@kf:cases/kobe#companies, and"),
        [(RefKind::KeyFigure, "cases/kobe#companies")]
    );
    assert_eq!(refs("@sec: @kf:# @tbl:- a@b.c"), []);
    assert!(is_plain("mail me at a@b.c", &done));
    assert!(!is_plain("x @kf:a", &done));
}

#[test]
fn glossary_terms_once_and_whole_words() {
    let g = terms(&["COI-NEXT", "COI", "高専"]);
    let mut done = TermsDone::new(&g);
    let pieces = split_text("COINSとCOI-NEXTとCOI、高専とCOI", &g, &mut done);
    assert_eq!(
        pieces,
        vec![
            Piece::Text("COINSと"),
            Piece::Term {
                index: 0,
                text: "COI-NEXT"
            },
            Piece::Text("と"),
            Piece::Term {
                index: 1,
                text: "COI"
            },
            Piece::Text("、"),
            Piece::Term {
                index: 2,
                text: "高専"
            },
            Piece::Text("とCOI"),
        ]
    );
    assert!((0..3).all(|i| done.is_done(i)));
}

#[test]
fn cjk_detection() {
    assert!(is_cjk('神'));
    assert!(is_cjk('。'));
    assert!(is_cjk('カ'));
    assert!(!is_cjk('a'));
    assert!(!is_cjk(' '));
}

/// Finding terms costs a lookup per character, not a comparison with every term: 4,000 terms that the text
/// never uses, over 400,000 characters, took 1.6 billion comparisons before.
#[test]
fn unused_terms_cost_a_lookup_per_character() {
    let glossary: Vec<GlossaryTerm> = (0..4000)
        .map(|i| GlossaryTerm {
            id: format!("t{i}"),
            term: format!("{}{i}", char::from_u32(0x4E00 + i).unwrap()),
            title: String::new(),
            href: String::new(),
        })
        .collect();
    let text = "これは用語を含まない本文である。".repeat(25_000);
    let mut done = TermsDone::new(&glossary);
    let started = std::time::Instant::now();
    let pieces = split_text(&text, &glossary, &mut done);
    let took = started.elapsed();
    assert!(matches!(pieces.as_slice(), [Piece::Text(_)]));
    assert!(took < std::time::Duration::from_secs(4), "took {took:?}");
}
