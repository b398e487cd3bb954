//! The search index of the bundled report, read back from its files and queried as the search page does:
//! Japanese and English words, figure and table numbers, glossary terms, folded spellings.

use hakusho::search::query::Index;

use crate::harness::SiteTest;

/// Reads one language's index back from `<lang>/search/`.
fn index(site: &SiteTest, lang: &str) -> Index {
    let prefix = format!("{lang}/search/");
    let files: Vec<(String, String)> = site
        .outputs_ending(".js")
        .into_iter()
        .filter_map(|(path, text)| Some((path.strip_prefix(&prefix)?.to_string(), text)))
        .collect();
    assert!(
        files.iter().any(|(n, _)| n == "search-index.js"),
        "{files:?}"
    );
    Index::read(files.iter().map(|(n, t)| (n.as_str(), t.as_str())))
}

fn urls(ix: &Index, q: &str) -> Vec<String> {
    ix.query(q)
        .iter()
        .map(|h| ix.docs[h.doc].url.clone())
        .collect()
}

fn first_url(ix: &Index, q: &str) -> String {
    let found = urls(ix, q);
    assert!(!found.is_empty(), "{q} finds something");
    found[0].clone()
}

fn first(ix: &Index, q: &str) -> (String, String) {
    let hits = ix.query(q);
    assert!(!hits.is_empty(), "{q} finds something");
    let d = &ix.docs[hits[0].doc];
    (d.kind.clone(), d.title.clone())
}

#[test]
fn japanese_words_find_their_cases_first() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let ja = index(&site, "ja");
    assert_eq!(first_url(&ja, "神戸"), "/reports/2025/ja/cases/kobe/");
    // A glossary term: its entry first, then the page about it.
    assert_eq!(
        urls(&ja, "高専")[..2],
        [
            "/reports/2025/ja/glossary/#kosen",
            "/reports/2025/ja/cases/kosen/"
        ]
    );
    assert_eq!(first_url(&ja, "量子"), "/reports/2025/ja/cases/kawasaki/");
    assert_eq!(first_url(&ja, "鶴岡"), "/reports/2025/ja/cases/tsuruoka/");
    assert!(urls(&ja, "再生医療").contains(&"/reports/2025/ja/cases/kobe/".to_string()));
    assert!(ja.query("存在しない語句").is_empty());
}

#[test]
fn english_words_fold_case_prefixes_hyphens_and_typos() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let en = index(&site, "en");
    assert_eq!(first_url(&en, "Kobe"), "/reports/2025/en/cases/kobe/");
    assert_eq!(first_url(&en, "kobe"), "/reports/2025/en/cases/kobe/");
    let kosen: Vec<String> = urls(&en, "KOSEN").into_iter().take(2).collect();
    assert!(
        kosen.contains(&"/reports/2025/en/cases/kosen/".to_string()),
        "{kosen:?}"
    );
    assert_eq!(first_url(&en, "Tsuru"), "/reports/2025/en/cases/tsuruoka/");
    assert_eq!(
        first_url(&en, "quantum"),
        "/reports/2025/en/cases/kawasaki/"
    );
    assert_eq!(
        first_url(&en, "quantun"),
        "/reports/2025/en/cases/kawasaki/"
    );
    let startup = urls(&en, "startup");
    assert!(!startup.is_empty());
    assert_eq!(startup, urls(&en, "start-up"));
    assert_eq!(startup, urls(&en, "startups"));
}

#[test]
fn figures_and_tables_are_found_by_number() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let (ja, en) = (index(&site, "ja"), index(&site, "en"));
    for q in ["図2-1", "図 2-1", "図２－１"] {
        let (kind, title) = first(&ja, q);
        assert_eq!(kind, "figure", "{q}");
        assert!(title.starts_with("図2-1 "), "{q}: {title}");
    }
    let (kind, title) = first(&en, "Figure 2-1");
    assert_eq!(kind, "figure");
    assert!(title.starts_with("Figure 2-1 "), "{title}");
    let (kind, title) = first(&ja, "表1-1");
    assert_eq!(kind, "table");
    assert!(title.starts_with("表1-1 "), "{title}");
    let (kind, _) = first(&en, "Table 1-1");
    assert_eq!(kind, "table");
}

#[test]
fn glossary_terms_taxonomy_terms_and_key_figures_are_entries() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let ja = index(&site, "ja");
    for kind in [
        "glossary",
        "term",
        "keyfigure",
        "case",
        "chapter",
        "figure",
        "table",
    ] {
        assert!(ja.docs.iter().any(|d| d.kind == kind), "{kind}");
    }
    let glossary = ja.docs.iter().find(|d| d.kind == "glossary").unwrap();
    let (kind, title) = first(&ja, &glossary.title);
    assert_eq!(
        (kind.as_str(), title.as_str()),
        ("glossary", glossary.title.as_str())
    );
}

#[test]
fn no_reference_markup_is_indexed() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    for lang in ["ja", "en"] {
        let ix = index(&site, lang);
        for d in &ix.docs {
            for markup in ["@fig:", "@tbl:", "@chap:", "@sec:", "@kf:"] {
                assert!(!d.text.contains(markup), "{lang} {}: {markup}", d.url);
                assert!(!d.summary.contains(markup), "{lang} {}: {markup}", d.url);
            }
        }
        assert!(
            ix.terms.keys().all(|t| !t.contains("overviewuniversity")),
            "{lang}: chart ids"
        );
    }
    // The about page writes @fig:overview-university-startups: its text has the number instead.
    let ja = index(&site, "ja");
    let about = ja
        .docs
        .iter()
        .find(|d| d.url.ends_with("/ja/about/"))
        .unwrap();
    assert!(about.text.contains("たとえば 図"), "{}", &about.text[..200]);
}

#[test]
fn a_query_reads_a_small_part_of_the_index() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let html: usize = site
        .outputs_ending(".html")
        .iter()
        .map(|(_, t)| t.len())
        .sum();
    let index: usize = site
        .outputs_ending(".js")
        .iter()
        .filter(|(p, _)| p.contains("/search/"))
        .map(|(_, t)| t.len())
        .sum();
    assert!(index * 2 < html, "index {index} bytes vs html {html} bytes");
}
