//! The search index: one per language, built from the rendered pages' text, written as a script
//! (`<lang>/search/search-index.js`) so that search also works opened from disk. The query runs in the
//! browser (`static/search.js`); [`query`] is the same algorithm in Rust, for tests.
//!
//! The index holds each page's title, address, summary and plain text, nothing more: the query matches
//! Japanese words anywhere in running text (no dictionary, no word splitting) and Latin words by prefix, by
//! scanning the normalized text of every page. An inverted index of character pairs was tried: it was
//! half again as large as the text it indexed, took a quarter of a 20,000-page build, and only narrowed
//! down the pages that the scan then had to read anyway.

pub mod tokenize;

use std::borrow::Cow;

use tokenize::{is_cjk_letter, normalize};

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

/// The index as a JavaScript file assigning `window.HAKUSHO_SEARCH_INDEX`:
/// `{"lang": …, "docs": [[title, url, summary, text], …]}`. Text is JSON-encoded with `<` escaped, so the
/// script can never end early.
pub fn index_script(lang: &str, entries: &[Entry<'_>]) -> String {
    let mut out = Vec::new();
    write_index(lang, entries, &mut out).expect("writing to memory");
    String::from_utf8(out).expect("the index is UTF-8")
}

/// Writes [`index_script`] to `out`; returns its size in bytes.
pub fn write_index(
    lang: &str,
    entries: &[Entry<'_>],
    out: &mut dyn std::io::Write,
) -> std::io::Result<usize> {
    let mut index = IndexWriter::new(lang, out);
    for e in entries {
        index.push(e)?;
    }
    index.finish()
}

/// Writes [`index_script`] entry by entry, as the pages come, through one reused buffer: the whole index is
/// never held (nor fresh memory touched for it).
pub struct IndexWriter<'w> {
    out: &'w mut dyn std::io::Write,
    buf: String,
    size: usize,
    entries: usize,
}

impl<'w> IndexWriter<'w> {
    const FLUSH_AT: usize = 1 << 20;

    /// Starts the index of `lang`.
    pub fn new(lang: &str, out: &'w mut dyn std::io::Write) -> IndexWriter<'w> {
        let mut buf = String::with_capacity(Self::FLUSH_AT + (1 << 16));
        buf.push_str("window.HAKUSHO_SEARCH_INDEX = {\"lang\":");
        push_json(&mut buf, lang);
        buf.push_str(",\"docs\":[");
        IndexWriter {
            out,
            buf,
            size: 0,
            entries: 0,
        }
    }

    /// Adds the next page.
    pub fn push(&mut self, e: &Entry<'_>) -> std::io::Result<()> {
        if self.entries > 0 {
            self.buf.push_str(",\n");
        }
        self.entries += 1;
        self.buf.push('[');
        for (j, field) in [&e.title, &e.url, &e.summary, &e.text]
            .into_iter()
            .enumerate()
        {
            if j > 0 {
                self.buf.push(',');
            }
            push_json(&mut self.buf, field);
        }
        self.buf.push(']');
        if self.buf.len() >= Self::FLUSH_AT {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.write_all(self.buf.as_bytes())?;
        self.size += self.buf.len();
        self.buf.clear();
        Ok(())
    }

    /// Ends the index; returns its size in bytes.
    pub fn finish(mut self) -> std::io::Result<usize> {
        self.buf.push_str("]};\n");
        self.flush()?;
        Ok(self.size)
    }
}

/// Bytes [`push_json`] must look at: `"`, `\\`, `<`, control characters, and 0xE2 (which starts U+2028
/// and U+2029).
const JSON_SPECIAL: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = true;
        b += 1;
    }
    table[b'"' as usize] = true;
    table[b'\\' as usize] = true;
    table[b'<' as usize] = true;
    table[0xE2] = true;
    table
};

/// A JSON string, with `<` and the JavaScript line separators escaped. Runs of ordinary text are copied
/// whole; the scan is over bytes (every byte to escape is ASCII, or starts U+2028/U+2029).
fn push_json(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        // Blocks without a special byte are passed over with comparisons the compiler vectorises.
        while let Some(block) = bytes.get(i..i + 32) {
            let special = block.iter().fold(false, |any, &b| {
                any | (b < 0x20) | (b == b'"') | (b == b'\\') | (b == b'<') | (b == 0xE2)
            });
            if special {
                break;
            }
            i += 32;
        }
        while i < bytes.len() && !JSON_SPECIAL[bytes[i] as usize] {
            i += 1;
        }
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let (escaped, len): (Cow<'static, str>, usize) = match b {
            b'"' => ("\\\"".into(), 1),
            b'\\' => ("\\\\".into(), 1),
            b'<' => ("\\u003c".into(), 1),
            b'\n' => ("\\n".into(), 1),
            b'\r' => ("\\r".into(), 1),
            b'\t' => ("\\t".into(), 1),
            0..0x20 => (format!("\\u{b:04x}").into(), 1),
            0xE2 if bytes.get(i + 1) == Some(&0x80)
                && matches!(bytes.get(i + 2), Some(0xA8 | 0xA9)) =>
            {
                let last = if bytes[i + 2] == 0xA8 { "8" } else { "9" };
                (format!("\\u202{last}").into(), 3)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&s[start..i]);
        out.push_str(&escaped);
        i += len;
        start = i;
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
    fn the_index_is_json_with_every_page() {
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
        assert_eq!(v["lang"], "ja");
        assert_eq!(v["docs"][0][0], "神戸");
        assert_eq!(v["docs"][0][3], "再生医療 \"q\" \\ \n");
        assert_eq!(v["docs"][1][3], "神戸");
        assert_eq!(v.as_object().unwrap().len(), 2, "lang and docs only");
    }

    #[test]
    fn the_script_cannot_be_broken_out_of() {
        let js = index_script("ja", &[entry("</script><script>alert(1)</script>", "x")]);
        assert!(!js.contains("</script>"));
        assert!(js.starts_with("window.HAKUSHO_SEARCH_INDEX = {"));
    }

    #[test]
    fn json_escapes_what_javascript_needs() {
        let mut out = String::new();
        push_json(&mut out, "a\"b\\c<d\n\r\t\u{1}\u{2028}\u{2029}é神");
        assert_eq!(out, r#""a\"b\\c\u003cd\n\r\t\u0001\u2028\u2029é神""#);
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "a\"b\\c<d\n\r\t\u{1}\u{2028}\u{2029}é神");
    }

    #[test]
    fn json_of_long_text_reads_back_whatever_falls_in_a_block() {
        // Each special character at every offset of a run longer than the blocks passed over whole.
        let run = "地域の拠点とイノベーション regional innovation …—";
        for special in [
            "\"", "\\", "<", "\n", "\u{1f}", "\u{2028}", "\u{2029}", "…", "\u{7f}",
        ] {
            for at in 0..run.chars().count() {
                let mut text: String = run.repeat(3);
                let cut = text.char_indices().nth(at + 20).map(|(i, _)| i).unwrap();
                text.insert_str(cut, special);
                let mut out = String::new();
                push_json(&mut out, &text);
                assert!(!out.contains('<') && !out.contains('\u{2028}') && !out.contains('\n'));
                let back: String = serde_json::from_str(&out).unwrap();
                assert_eq!(back, text);
            }
        }
    }
}
