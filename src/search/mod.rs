//! The search index: one per language, built from the rendered pages' text, written as a script
//! (`<lang>/search/search-index.js`) so that search also works opened from disk. The query runs in the
//! browser (`static/search.js`); [`query`] is the same algorithm in Rust, for tests.

pub mod tokenize;

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use tokenize::{index_tokens, is_cjk_letter, normalize, pair_text};

/// A page to index.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// Title.
    pub title: Cow<'a, str>,
    /// Link from the search page.
    pub url: Cow<'a, str>,
    /// Summary.
    pub summary: Cow<'a, str>,
    /// Body text.
    pub text: Cow<'a, str>,
}

/// A fast hash for short keys (FxHash); the index is sorted before it is written, so order does not matter.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type FxMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// The index as a JavaScript file assigning `window.HAKUSHO_SEARCH_INDEX`:
/// `{"lang": …, "docs": [[title, url, summary, text], …], "grams": {token: [page numbers, ascending], …}}`.
/// Text is JSON-encoded with `<` escaped, so the script can never end early. Pages are tokenized in parallel.
pub fn index_script(lang: &str, entries: &[Entry<'_>]) -> String {
    // Pages are tokenized in parallel, a thousand at a time, so that the tokens of a large site are never
    // all held at once.
    let mut by_pair: FxMap<u64, Vec<u32>> = FxMap::default();
    let mut by_word: FxMap<String, Vec<u32>> = FxMap::default();
    for (chunk_no, chunk) in entries.chunks(1000).enumerate() {
        let per_doc: Vec<(Vec<u64>, Vec<String>)> = chunk
            .par_iter()
            .map(|e| {
                let (mut pairs, mut words) = index_tokens(&[&e.title, &e.summary, &e.text]);
                pairs.sort_unstable();
                pairs.dedup();
                words.sort_unstable();
                words.dedup();
                (pairs, words)
            })
            .collect();
        for (i, (pairs, words)) in per_doc.into_iter().enumerate() {
            let doc = (chunk_no * 1000 + i) as u32;
            for p in pairs {
                by_pair.entry(p).or_default().push(doc);
            }
            for w in words {
                by_word.entry(w).or_default().push(doc);
            }
        }
    }
    let mut grams: Vec<(String, &Vec<u32>)> = by_pair
        .iter()
        .map(|(k, v)| (pair_text(*k), v))
        .chain(by_word.iter().map(|(k, v)| (k.clone(), v)))
        .collect();
    grams.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let text_bytes: usize = entries
        .iter()
        .map(|e| e.text.len() + e.summary.len() + e.title.len() + e.url.len())
        .sum();
    let mut out = String::with_capacity(text_bytes * 3 / 2 + grams.len() * 24 + 64);
    out.push_str("window.HAKUSHO_SEARCH_INDEX = {\"lang\":");
    push_json(&mut out, lang);
    out.push_str(",\"docs\":[");
    for (i, e) in entries.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        for (j, field) in [&e.title, &e.url, &e.summary, &e.text]
            .into_iter()
            .enumerate()
        {
            if j > 0 {
                out.push(',');
            }
            push_json(&mut out, field);
        }
        out.push(']');
    }
    out.push_str("],\"grams\":{");
    for (i, (key, docs)) in grams.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_json(&mut out, key);
        out.push_str(":[");
        for (j, d) in docs.iter().enumerate() {
            if j > 0 {
                out.push(',');
            }
            out.push_str(itoa(*d, &mut [0u8; 10]));
        }
        out.push(']');
    }
    out.push_str("}};\n");
    out
}

/// A number as text without allocating.
fn itoa(mut n: u32, buf: &mut [u8; 10]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).unwrap_or("0")
}

/// A JSON string, with `<` and the JavaScript line separators escaped. Runs of ordinary text are copied
/// whole.
fn push_json(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '<' => "\\u003c",
            '\u{2028}' => "\\u2028",
            '\u{2029}' => "\\u2029",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            c if (c as u32) < 0x20 => {
                out.push_str(&s[start..i]);
                out.push_str(&format!("\\u{:04x}", c as u32));
                start = i + c.len_utf8();
                continue;
            }
            _ => continue,
        };
        out.push_str(&s[start..i]);
        out.push_str(escaped);
        start = i + c.len_utf8();
    }
    out.push_str(&s[start..]);
    out.push('"');
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
pub fn query(entries: &[Entry<'_>], q: &str) -> Vec<Hit> {
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

    fn entry(title: &str, text: &str) -> Entry<'static> {
        Entry {
            title: title.to_string().into(),
            url: "".into(),
            summary: "".into(),
            text: text.to_string().into(),
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
    fn the_index_is_json_with_sorted_postings() {
        let js = index_script(
            "ja",
            &[entry("神戸", "再生医療 \"q\" \\ \n"), entry("川崎", "神戸")],
        );
        let json = js
            .strip_prefix("window.HAKUSHO_SEARCH_INDEX = ")
            .unwrap()
            .trim_end()
            .strip_suffix(';')
            .unwrap();
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(v["grams"]["神戸"], serde_json::json!([0, 1]));
        assert_eq!(v["grams"]["再生"], serde_json::json!([0]));
        assert_eq!(v["docs"][0][3], "再生医療 \"q\" \\ \n");
        let keys: Vec<&String> = v["grams"].as_object().unwrap().keys().collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted);
    }

    #[test]
    fn the_script_cannot_be_broken_out_of() {
        let js = index_script("ja", &[entry("</script><script>alert(1)</script>", "x")]);
        assert!(!js.contains("</script>"));
        assert!(js.starts_with("window.HAKUSHO_SEARCH_INDEX = {"));
    }
}
