//! The search index of the bundled report, queried with Japanese and English words.

use hakusho::search::{Entry, query};

use crate::harness::SiteTest;

/// Reads the entries back from `<lang>/search/search-index.js`.
fn entries(site: &SiteTest, lang: &str) -> Vec<Entry<'static>> {
    let js = site.output(&format!("{lang}/search/search-index.js"));
    let json = js
        .strip_prefix("window.HAKUSHO_SEARCH_INDEX = ")
        .and_then(|s| s.trim_end().strip_suffix(';'))
        .expect("index script shape");
    let value: serde_json::Value = serde_json::from_str(json).expect("index is JSON");
    assert_eq!(value["lang"], lang);
    assert_eq!(value.as_object().unwrap().len(), 2, "lang and docs");
    value["docs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| Entry {
            title: d[0].as_str().unwrap().to_string().into(),
            url: d[1].as_str().unwrap().to_string().into(),
            summary: d[2].as_str().unwrap().to_string().into(),
            text: d[3].as_str().unwrap().to_string().into(),
        })
        .collect()
}

fn first_url(entries: &[Entry], q: &str) -> String {
    let hits = query(entries, q);
    assert!(!hits.is_empty(), "{q} finds something");
    entries[hits[0].doc].url.to_string()
}

#[test]
fn japanese_words_find_their_cases_first() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let ja = entries(&site, "ja");
    assert_eq!(first_url(&ja, "神戸"), "/reports/2025/ja/cases/kobe/");
    assert_eq!(first_url(&ja, "高専"), "/reports/2025/ja/cases/kosen/");
    assert_eq!(first_url(&ja, "量子"), "/reports/2025/ja/cases/kawasaki/");
    assert_eq!(first_url(&ja, "鶴岡"), "/reports/2025/ja/cases/tsuruoka/");
    let regenerative: Vec<String> = query(&ja, "再生医療")
        .iter()
        .map(|h| ja[h.doc].url.to_string())
        .collect();
    assert!(
        regenerative.contains(&"/reports/2025/ja/cases/kobe/".to_string()),
        "{regenerative:?}"
    );
    assert!(query(&ja, "存在しない語句").is_empty());
}

#[test]
fn english_words_are_case_insensitive_prefixes() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let en = entries(&site, "en");
    assert_eq!(first_url(&en, "Kobe"), "/reports/2025/en/cases/kobe/");
    assert_eq!(first_url(&en, "kobe"), "/reports/2025/en/cases/kobe/");
    let kosen: Vec<String> = query(&en, "KOSEN")
        .iter()
        .take(2)
        .map(|h| en[h.doc].url.to_string())
        .collect();
    assert!(
        kosen.contains(&"/reports/2025/en/cases/kosen/".to_string()),
        "{kosen:?}"
    );
    assert_eq!(first_url(&en, "Tsuru"), "/reports/2025/en/cases/tsuruoka/");
    assert_eq!(
        first_url(&en, "quantum"),
        "/reports/2025/en/cases/kawasaki/"
    );
}

#[test]
fn the_index_is_well_under_the_size_of_the_html() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let html: usize = site
        .outputs_ending(".html")
        .iter()
        .map(|(_, t)| t.len())
        .sum();
    let index: usize = site
        .outputs_ending("search-index.js")
        .iter()
        .map(|(_, t)| t.len())
        .sum();
    assert!(index * 2 < html, "index {index} bytes vs html {html} bytes");
}
