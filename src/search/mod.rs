//! The search index: one per language, built from the rendered pages' text, written as a script
//! (`<lang>/search/search-index.js`) so that search also works opened from disk. The query runs in the
//! browser (`static/search.js`); [`query`] is the same algorithm in Rust, for tests.

pub mod tokenize;

use std::collections::BTreeMap;

use serde::Serialize;

use tokenize::{is_cjk_letter, normalize, tokens};

/// A page to index.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Title.
    pub title: String,
    /// Link from the search page.
    pub url: String,
    /// Summary.
    pub summary: String,
    /// Body text.
    pub text: String,
}

#[derive(Serialize)]
struct IndexFile<'a> {
    lang: &'a str,
    /// [title, url, summary, text] per page.
    docs: Vec<[&'a str; 4]>,
    /// token → page numbers, ascending.
    grams: BTreeMap<String, Vec<u32>>,
}

/// The index as a JavaScript file assigning `window.HAKUSHO_SEARCH_INDEX`. Text is JSON-encoded, with `<`
/// escaped so the script can never end early.
pub fn index_script(lang: &str, entries: &[Entry]) -> String {
    let normalized: Vec<String> = entries
        .iter()
        .map(|e| normalize(&format!("{} {} {}", e.title, e.summary, e.text)))
        .collect();
    let mut grams: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, text) in normalized.iter().enumerate() {
        for token in tokens(text) {
            let list = grams.entry(token).or_default();
            if list.last() != Some(&(i as u32)) {
                list.push(i as u32);
            }
        }
    }
    let file = IndexFile {
        lang,
        docs: entries
            .iter()
            .map(|e| {
                [
                    e.title.as_str(),
                    e.url.as_str(),
                    e.summary.as_str(),
                    e.text.as_str(),
                ]
            })
            .collect(),
        grams,
    };
    let json = serde_json::to_string(&file).unwrap_or_else(|_| "{}".into());
    let json = json
        .replace('<', "\\u003c")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029");
    format!("window.HAKUSHO_SEARCH_INDEX = {json};\n")
}

/// A search result: the page's position in `entries` and its score.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index into the entries.
    pub doc: usize,
    /// Higher is better.
    pub score: u32,
}

/// Finds the entries matching every word of `q`, best first (title matches weigh most, then summary, then
/// body), as `search.js` does.
pub fn query(entries: &[Entry], q: &str) -> Vec<Hit> {
    let terms: Vec<String> = normalize(q)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if terms.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (doc, e) in entries.iter().enumerate() {
        let (title, summary, text) = (
            normalize(&e.title),
            normalize(&e.summary),
            normalize(&e.text),
        );
        let mut score = 0;
        let mut all = true;
        for term in &terms {
            let s = 10 * count(&title, term) + 3 * count(&summary, term) + count(&text, term);
            if s == 0 {
                all = false;
                break;
            }
            score += s;
        }
        if all {
            hits.push(Hit { doc, score });
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
    hits
}

/// Occurrences of `term` in `text`: anywhere for CJK, at the start of a word for Latin (prefix search).
fn count(text: &str, term: &str) -> u32 {
    let latin_start = term.chars().next().is_some_and(|c| !is_cjk_letter(c));
    let mut n = 0;
    let mut from = 0;
    while let Some(i) = text[from..].find(term) {
        let at = from + i;
        let word_start = !latin_start
            || text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !tokenize::is_word_char(c));
        if word_start {
            n += 1;
        }
        from = at + term.len();
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, text: &str) -> Entry {
        Entry {
            title: title.into(),
            url: String::new(),
            summary: String::new(),
            text: text.into(),
        }
    }

    #[test]
    fn japanese_words_inside_running_text() {
        let docs = [
            entry("川崎", "量子コンピュータが稼働した。神戸とも連携。"),
            entry("神戸医療産業都市", "神戸では再生医療が進んだ。"),
        ];
        assert_eq!(query(&docs, "神戸")[0].doc, 1);
        assert_eq!(
            query(&docs, "再生医療")
                .iter()
                .map(|h| h.doc)
                .collect::<Vec<_>>(),
            vec![1]
        );
        assert_eq!(query(&docs, "量子")[0].doc, 0);
        assert!(query(&docs, "高専").is_empty());
    }

    #[test]
    fn english_is_case_insensitive_and_finds_prefixes() {
        let docs = [
            entry("Kobe Biomedical", "regenerative medicine"),
            entry("Kawasaki", "quantum computing near Kobe"),
        ];
        assert_eq!(
            query(&docs, "kobe")
                .iter()
                .map(|h| h.doc)
                .collect::<Vec<_>>(),
            vec![0, 1]
        );
        assert_eq!(query(&docs, "REGEN")[0].doc, 0);
        assert!(query(&docs, "obe").is_empty(), "not inside words");
        assert_eq!(query(&docs, "quantum kobe")[0].doc, 1);
    }

    #[test]
    fn the_script_cannot_be_broken_out_of() {
        let js = index_script("ja", &[entry("</script><script>alert(1)</script>", "x")]);
        assert!(!js.contains("</script>"));
        assert!(js.starts_with("window.HAKUSHO_SEARCH_INDEX = {"));
    }
}
