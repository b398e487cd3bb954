//! Building one language's index as the entries come: each entry's terms go into postings held until the
//! end (term → the entries that have it and in which field), its text into the current document shard,
//! written out whole as soon as it is full. [`IndexBuilder::finish`] writes the term shards and the small
//! script that describes the index.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::tokenize::{normalize, normalized_terms, shard_key, shard_of};
use super::{Entry, Field, push_json};

/// The bytes of document text a document shard is filled to (the last entry may go past).
pub const DOC_SHARD_BYTES: usize = 16 * 1024;
/// The bytes of postings a term shard is aimed at.
pub const TERM_SHARD_BYTES: usize = 24 * 1024;
/// The most term shards (a power of two).
pub const MAX_TERM_SHARDS: u32 = 1 << 14;

/// The name of the script that describes the index, in `<lang>/search/`.
pub const META_FILE: &str = "search-index.js";

/// The start of every index script: the registry that the scripts fill in.
const REGISTRY: &str =
    "var HAKUSHO_SEARCH=window.HAKUSHO_SEARCH=window.HAKUSHO_SEARCH||{t:{},d:{}};";

/// A fast hash for short terms (the multiply-rotate hash of rustc's FxHasher); the index's keys are its own.
#[derive(Default)]
struct TermHasher(u64);

impl Hasher for TermHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl TermHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type Terms<V> = HashMap<String, V, BuildHasherDefault<TermHasher>>;

/// An entry made ready for the index, which needs no other entry: its terms, each with how often and in
/// which fields it occurs, and its document (title, address, kind, summary, text) as JSON. Pages are
/// prepared in their own jobs, in parallel, and only [`IndexBuilder::push_prepared`] is left to the writer.
#[derive(Debug)]
pub struct Prepared {
    /// The terms, one after the other.
    terms: String,
    /// Each term's end in `terms`, with how often (three bits, in eight steps) << 4 | the fields it is in
    /// (one bit each).
    ends: Vec<(u32, u8)>,
    doc: String,
}

/// Prepares `e` for the index.
pub fn prepare(e: &Entry<'_>) -> Prepared {
    let fields = [
        (Field::Body, &e.text),
        (Field::Summary, &e.summary),
        (Field::Heading, &e.headings),
        (Field::Title, &e.title),
    ];
    let norms = fields.map(|(_, text)| normalize(text));
    // Term → the fields it is in and occurrences; the characters and pairs are slices of `norms`.
    let mut seen: HashMap<Cow<'_, str>, (u8, u32), BuildHasherDefault<TermHasher>> =
        HashMap::with_capacity_and_hasher(norms[0].len() / 2, Default::default());
    for ((field, _), norm) in fields.iter().zip(&norms) {
        let bit = 1 << *field as u8;
        normalized_terms(norm, |t| match seen.get_mut(&*t) {
            Some((fields, n)) => {
                *fields |= bit;
                *n += 1;
            }
            None => {
                seen.insert(t, (bit, 1));
            }
        });
    }
    let mut terms = String::with_capacity(seen.keys().map(|t| t.len()).sum());
    let ends = seen
        .into_iter()
        .map(|(term, (fields, n))| {
            terms.push_str(&term);
            // How often, in eight steps: 1, 2, 3-4, 5-8, … 65 times or more.
            let often = (u32::BITS - (n - 1).leading_zeros()).min(7) as u8;
            (terms.len() as u32, often << 4 | fields)
        })
        .collect();
    let mut doc = String::with_capacity(e.text.len() + e.summary.len() + e.title.len() + 64);
    doc.push('[');
    for (i, field) in [&*e.title, &*e.url, e.kind, &*e.summary, &*e.text]
        .into_iter()
        .enumerate()
    {
        if i > 0 {
            doc.push(',');
        }
        push_json(&mut doc, field);
    }
    doc.push(']');
    Prepared { terms, ends, doc }
}

/// A term's postings, written as they come: the entries in order, each as (gap from the one before << 7 | how
/// often << 4 | fields) in base 36, joined by commas.
struct Postings {
    written: String,
    last: u32,
}

/// One language's index being built.
pub struct IndexBuilder {
    lang: String,
    /// Each term's postings as written in its term shard, and the last entry in them.
    postings: Terms<Postings>,
    docs: u32,
    /// The first entry of each document shard.
    doc_starts: Vec<u32>,
    /// The document shard being filled.
    doc_shard: String,
}

impl IndexBuilder {
    /// Starts the index of `lang`.
    pub fn new(lang: &str) -> IndexBuilder {
        IndexBuilder {
            lang: lang.to_string(),
            postings: Terms::default(),
            docs: 0,
            doc_starts: Vec::new(),
            doc_shard: String::new(),
        }
    }

    /// Adds the next entry; returns the files of a document shard just filled.
    pub fn push(&mut self, e: &Entry<'_>) -> Option<(String, Vec<u8>)> {
        self.push_prepared(prepare(e))
    }

    /// Adds the next entry, prepared with [`prepare`]; returns the files of a document shard just filled.
    pub fn push_prepared(&mut self, e: Prepared) -> Option<(String, Vec<u8>)> {
        let doc = self.docs;
        self.docs += 1;
        let mut start = 0;
        for (end, bits) in e.ends {
            let term = &e.terms[start..end as usize];
            start = end as usize;
            let bits = u32::from(bits);
            match self.postings.get_mut(term) {
                Some(p) => {
                    p.written.push(',');
                    push_base36(&mut p.written, (doc - p.last) << 7 | bits);
                    p.last = doc;
                }
                None => {
                    let mut written = String::new();
                    push_base36(&mut written, doc << 7 | bits);
                    self.postings
                        .insert(term.to_string(), Postings { written, last: doc });
                }
            }
        }
        if self.doc_shard.is_empty() {
            self.doc_starts.push(doc);
            self.doc_shard.push('[');
        } else {
            self.doc_shard.push_str(",\n");
        }
        self.doc_shard.push_str(&e.doc);
        (self.doc_shard.len() >= DOC_SHARD_BYTES).then(|| self.close_doc_shard())
    }

    fn close_doc_shard(&mut self) -> (String, Vec<u8>) {
        let n = self.doc_starts.len() - 1;
        let body = std::mem::take(&mut self.doc_shard);
        let script = format!("{REGISTRY}HAKUSHO_SEARCH.d[{n}]={body}];\n");
        (format!("d/{n}.js"), script.into_bytes())
    }

    /// Ends the index: the last document shard, the term shards and the script describing the index,
    /// as (file name in `<lang>/search/`, bytes).
    pub fn finish(mut self) -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        if !self.doc_shard.is_empty() {
            files.push(self.close_doc_shard());
        }
        let total: usize = self
            .postings
            .iter()
            .map(|(t, p)| t.len() + p.written.len() + 6)
            .sum();
        let shards = (total / TERM_SHARD_BYTES)
            .max(1)
            .next_power_of_two()
            .min(MAX_TERM_SHARDS as usize) as u32;
        // Each shard's terms in order, written one shard at a time (the postings are moved, not copied).
        let mut by_shard: Vec<Vec<(String, String)>> = (0..shards).map(|_| Vec::new()).collect();
        for (term, p) in self.postings.drain() {
            by_shard[shard_of(shard_key(&term), shards) as usize].push((term, p.written));
        }
        for (n, mut terms) in by_shard.into_iter().enumerate() {
            terms.sort_unstable();
            let mut body = String::with_capacity(
                REGISTRY.len()
                    + 32
                    + terms
                        .iter()
                        .map(|(t, p)| t.len() + p.len() + 6)
                        .sum::<usize>(),
            );
            body.push_str(REGISTRY);
            body.push_str(&format!("HAKUSHO_SEARCH.t[{n}]={{"));
            for (i, (term, list)) in terms.into_iter().enumerate() {
                if i > 0 {
                    body.push(',');
                }
                push_json(&mut body, &term);
                body.push(':');
                push_json(&mut body, &list);
            }
            body.push_str("};\n");
            files.push((format!("t/{n}.js"), body.into_bytes()));
        }
        let mut starts = String::new();
        let mut last = 0;
        for (i, &s) in self.doc_starts.iter().enumerate() {
            if i > 0 {
                starts.push(',');
            }
            push_base36(&mut starts, s - last);
            last = s;
        }
        let mut meta = format!("{REGISTRY}HAKUSHO_SEARCH.meta={{\"lang\":");
        push_json(&mut meta, &self.lang);
        meta.push_str(&format!(
            ",\"docs\":{},\"terms\":{shards},\"starts\":\"{starts}\"}};\n",
            self.docs
        ));
        files.push((META_FILE.to_string(), meta.into_bytes()));
        files
    }
}

fn push_base36(out: &mut String, mut n: u32) {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut buf = [0u8; 8];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = DIGITS[(n % 36) as usize];
        n /= 36;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).expect("ASCII digits"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base36() {
        let mut s = String::new();
        for n in [0, 35, 36, 1295, u32::MAX] {
            push_base36(&mut s, n);
            s.push(' ');
        }
        assert_eq!(s, "0 z 10 zz 1z141z3 ");
    }
}
