//! The search index: one per language under `<lang>/search/`, built from the rendered pages and from
//! what the report numbers and defines (figures, tables, glossary entries, taxonomy terms, key figures), and
//! written as scripts so that search also works opened from disk. It is split so that a query reads only
//! what it needs:
//!
//! - `search-index.js` describes the index: the number of entries and of term shards, and where each
//!   document shard starts;
//! - `t/<n>.js`, the term shards: each term's postings (the entries that have it, and in which field),
//!   a term's shard chosen by a hash of its first characters ([`tokenize::shard_of`]);
//! - `d/<n>.js`, the document shards: the title, address, kind, summary and text of consecutive entries,
//!   loaded only for the results shown (for their snippets, and to check phrases).
//!
//! Each script adds its part to `window.HAKUSHO_SEARCH`. The query runs in the browser
//! (`static/search.js`); [`query::Index`] is the same algorithm in Rust, for tests.

pub mod index;
pub mod query;
pub mod tokenize;

use std::borrow::Cow;

pub use index::{IndexBuilder, META_FILE, Prepared, prepare};

/// What an entry is, as the results label it.
pub mod kind {
    /// A case page.
    pub const CASE: &str = "case";
    /// A chapter page.
    pub const CHAPTER: &str = "chapter";
    /// A numbered figure.
    pub const FIGURE: &str = "figure";
    /// A numbered table.
    pub const TABLE: &str = "table";
    /// A glossary entry.
    pub const GLOSSARY: &str = "glossary";
    /// A taxonomy term (a region, a field).
    pub const TERM: &str = "term";
    /// A key figure of a page.
    pub const KEY_FIGURE: &str = "keyfigure";
    /// Any other page.
    pub const PAGE: &str = "page";
}

/// Where in an entry a term was found; a match in a better field ranks higher.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Running text.
    Body = 0,
    /// The summary.
    Summary = 1,
    /// Headings, and words that belong to the entry (the glossary terms a page uses).
    Heading = 2,
    /// The title.
    Title = 3,
}

/// An entry of the index.
#[derive(Clone, Debug)]
pub struct Entry<'a> {
    /// Title.
    pub title: Cow<'a, str>,
    /// Link from the search page.
    pub url: Cow<'a, str>,
    /// What it is (see [`kind`]).
    pub kind: &'static str,
    /// Summary.
    pub summary: Cow<'a, str>,
    /// Headings and words that belong to it, indexed but not shown.
    pub headings: Cow<'a, str>,
    /// Body text.
    pub text: Cow<'a, str>,
}

/// The whole index of `lang` made of `entries`: (file name in `<lang>/search/`, bytes).
pub fn index_files(lang: &str, entries: &[Entry<'_>]) -> Vec<(String, Vec<u8>)> {
    let mut builder = IndexBuilder::new(lang);
    let mut files: Vec<(String, Vec<u8>)> =
        entries.iter().filter_map(|e| builder.push(e)).collect();
    files.extend(builder.finish());
    files
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
pub(crate) fn push_json(out: &mut String, s: &str) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
