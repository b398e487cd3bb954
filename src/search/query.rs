//! The query, as `static/search.js` runs it, over an index read back from its files (for tests).
//!
//! A query is words (Latin terms, runs of Japanese) and quoted phrases; an entry matches when it has every
//! word. A Latin word of three letters or more also matches the terms it begins (at half weight); one of five
//! letters or more that matches nothing matches the terms one edit away whose shard it can name (a third of
//! the weight). A run of Japanese matches the entries that have all its pairs of characters. Ranking: title
//! 16, headings 6, summary 6, text 2 for each field the word is in, plus up to 7 for how often, summed over
//! the words (see [`weight`]). Phrases, and runs of three characters or more, are checked on the entry's
//! text.

use std::collections::{BTreeSet, HashMap};

use super::Field;
use super::tokenize::{Token, shard_key, shard_of, squash, tokens};

/// An entry as the document shards hold it.
#[derive(Clone, Debug, PartialEq)]
pub struct Doc {
    /// Title.
    pub title: String,
    /// Link.
    pub url: String,
    /// Kind (see [`super::kind`]).
    pub kind: String,
    /// Summary.
    pub summary: String,
    /// Text.
    pub text: String,
}

/// A search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    /// Index of the entry.
    pub doc: usize,
    /// Higher is better.
    pub score: u32,
}

/// An index read back from its files.
#[derive(Debug, Default)]
pub struct Index {
    /// The number of term shards.
    pub shards: u32,
    /// Term → postings (entry, how often << 4 | fields).
    pub terms: HashMap<String, Vec<(usize, u8)>>,
    /// Every entry.
    pub docs: Vec<Doc>,
}

/// The JSON a script `…=<json>;` assigns after `marker`.
fn assigned<'a>(script: &'a str, marker: &str) -> Option<&'a str> {
    let at = script.find(marker)?;
    let rest = &script[at + marker.len()..];
    let rest = &rest[rest.find('=')? + 1..];
    rest.trim_end().strip_suffix(';')
}

impl Index {
    /// Reads the files of one language's index (name in `<lang>/search/`, content).
    pub fn read<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Index {
        let mut index = Index::default();
        let mut shards: Vec<(usize, Vec<Doc>)> = Vec::new();
        for (name, script) in files {
            if name == super::META_FILE {
                let meta: serde_json::Value =
                    serde_json::from_str(assigned(script, ".meta").expect("meta")).expect("JSON");
                index.shards = meta["terms"].as_u64().expect("terms") as u32;
            } else if name.starts_with("t/") {
                let map: HashMap<String, String> =
                    serde_json::from_str(assigned(script, ".t[").expect("shard")).expect("JSON");
                for (term, list) in map {
                    let mut doc = 0;
                    let postings = list
                        .split(',')
                        .map(|p| {
                            let n = u32::from_str_radix(p, 36).expect("base 36");
                            doc += (n >> 7) as usize;
                            (doc, (n & 127) as u8)
                        })
                        .collect();
                    index.terms.insert(term, postings);
                }
            } else if let Some(n) = name.strip_prefix("d/").and_then(|n| n.strip_suffix(".js")) {
                let docs: Vec<[String; 5]> =
                    serde_json::from_str(assigned(script, ".d[").expect("shard")).expect("JSON");
                let docs = docs
                    .into_iter()
                    .map(|[title, url, kind, summary, text]| Doc {
                        title,
                        url,
                        kind,
                        summary,
                        text,
                    })
                    .collect();
                shards.push((n.parse().expect("shard number"), docs));
            }
        }
        shards.sort_by_key(|(n, _)| *n);
        index.docs = shards.into_iter().flat_map(|(_, d)| d).collect();
        index
    }

    /// The entries matching `q`, best first.
    pub fn query(&self, q: &str) -> Vec<Hit> {
        let (words, checks) = parse(q);
        if words.is_empty() {
            return Vec::new();
        }
        let mut scores: Option<HashMap<usize, u32>> = None;
        for word in &words {
            let found = self.word(word);
            scores = Some(match scores {
                None => found,
                Some(before) => before
                    .into_iter()
                    .filter_map(|(d, s)| found.get(&d).map(|f| (d, s + f)))
                    .collect(),
            });
        }
        let mut hits: Vec<Hit> = scores
            .unwrap_or_default()
            .into_iter()
            .filter(|(d, _)| {
                let doc = &self.docs[*d];
                let text = squash(&format!("{} {} {}", doc.title, doc.summary, doc.text));
                checks.iter().all(|c| text.contains(c.as_str()))
            })
            .map(|(doc, score)| Hit { doc, score })
            .collect();
        hits.sort_by(|a, b| b.score.cmp(&a.score).then(a.doc.cmp(&b.doc)));
        hits
    }

    /// Entry → score for one word of the query.
    fn word(&self, word: &Token) -> HashMap<usize, u32> {
        let mut out: HashMap<usize, u32> = HashMap::new();
        let add = |out: &mut HashMap<usize, u32>, postings: &[(usize, u8)], times: u32| {
            for &(d, f) in postings {
                let s = weight(f) * times;
                let best = out.entry(d).or_insert(0);
                *best = (*best).max(s);
            }
        };
        match word {
            Token::Word(w) => {
                let shard = shard_of(shard_key(w), self.shards);
                for (term, postings) in &self.terms {
                    if term == w {
                        add(&mut out, postings, 6);
                    } else if w.chars().count() >= 3
                        && term.starts_with(w.as_str())
                        && shard_of(shard_key(term), self.shards) == shard
                    {
                        add(&mut out, postings, 3);
                    }
                }
                if out.is_empty() && w.chars().count() >= 5 && w.chars().all(char::is_alphabetic) {
                    let shards: BTreeSet<u32> = typo_keys(w)
                        .iter()
                        .map(|k| shard_of(k, self.shards))
                        .collect();
                    for (term, postings) in &self.terms {
                        if shards.contains(&shard_of(shard_key(term), self.shards))
                            && one_edit(w, term)
                        {
                            add(&mut out, postings, 2);
                        }
                    }
                }
                out
            }
            Token::Run(r) => {
                let chars: Vec<char> = r.chars().collect();
                let grams: Vec<String> = if chars.len() == 1 {
                    vec![r.clone()]
                } else {
                    chars.windows(2).map(|w| w.iter().collect()).collect()
                };
                // Every pair must be there; the entry counts at its weakest field.
                let mut result: Option<HashMap<usize, u32>> = None;
                for g in &grams {
                    let found: HashMap<usize, u32> = self
                        .terms
                        .get(g)
                        .map(|p| p.iter().map(|&(d, f)| (d, weight(f) * 6)).collect())
                        .unwrap_or_default();
                    result = Some(match result {
                        None => found,
                        Some(before) => before
                            .into_iter()
                            .filter_map(|(d, s)| found.get(&d).map(|f| (d, s.min(*f))))
                            .collect(),
                    });
                }
                result.unwrap_or_default()
            }
        }
    }
}

/// The weight of a posting: title 16, headings 6, summary 6, text 2, added up over the fields it is in,
/// plus how often (0 for once … 7 for 65 times or more).
fn weight(posting: u8) -> u32 {
    let has = |f: Field| u32::from(posting >> f as u8 & 1);
    16 * has(Field::Title)
        + 6 * has(Field::Heading)
        + 6 * has(Field::Summary)
        + 2 * has(Field::Body)
        + u32::from(posting >> 4)
}

/// The words of a query, and the texts to check on an entry (quoted phrases, runs of three characters or
/// more), squashed.
pub fn parse(q: &str) -> (Vec<Token>, Vec<String>) {
    let mut checks = Vec::new();
    let mut quoted = false;
    for piece in q.split(['"', '“', '”', '「', '」']) {
        if quoted && !squash(piece).is_empty() {
            checks.push(squash(piece));
        }
        quoted = !quoted;
    }
    let words = tokens(q);
    for w in &words {
        if let Token::Run(r) = w
            && r.chars().count() >= 3
        {
            checks.push(squash(r));
        }
    }
    (words, checks)
}

/// The shard keys of the terms one edit away from `w` that search can find: those that begin like it,
/// or like it with one of its first three letters left out, or its first two letters swapped.
pub fn typo_keys(w: &str) -> Vec<String> {
    let chars: Vec<char> = w.chars().collect();
    let key = |cs: &[char]| cs.iter().take(3).collect::<String>();
    let mut keys = vec![key(&chars)];
    for i in 0..3.min(chars.len()) {
        let mut cs = chars.clone();
        cs.remove(i);
        keys.push(key(&cs));
    }
    if chars.len() >= 2 {
        let mut cs = chars.clone();
        cs.swap(0, 1);
        keys.push(key(&cs));
        let mut cs = chars.clone();
        cs.swap(1, 2.min(chars.len() - 1));
        keys.push(key(&cs));
    }
    keys.sort();
    keys.dedup();
    keys
}

/// Whether `a` and `b` are one edit apart (a letter changed, added, left out, or two neighbours swapped).
pub fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let start = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[start..], &b[start..]);
    match ra.len().cmp(&rb.len()) {
        std::cmp::Ordering::Equal => {
            ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        std::cmp::Ordering::Less => ra == &rb[1..],
        std::cmp::Ordering::Greater => &ra[1..] == rb,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Entry, index_files, kind};
    use super::*;

    fn entry(title: &str, text: &str) -> Entry<'static> {
        Entry {
            title: title.to_string().into(),
            url: format!("{title}/").into(),
            kind: kind::PAGE,
            summary: "".into(),
            headings: "".into(),
            text: text.to_string().into(),
        }
    }

    fn index(entries: &[Entry<'_>]) -> Index {
        let files = index_files("ja", entries);
        Index::read(
            files
                .iter()
                .map(|(n, b)| (n.as_str(), std::str::from_utf8(b).unwrap())),
        )
    }

    fn found(index: &Index, q: &str) -> Vec<usize> {
        index.query(q).iter().map(|h| h.doc).collect()
    }

    #[test]
    fn japanese_words_inside_running_text() {
        let ix = index(&[
            entry("川崎", "量子コンピュータが稼働した。神戸とも連携。"),
            entry("神戸医療産業都市", "神戸では再生医療が進んだ。"),
        ]);
        assert_eq!(found(&ix, "神戸"), [1, 0]);
        assert_eq!(found(&ix, "再生医療"), [1]);
        assert_eq!(found(&ix, "量子"), [0]);
        assert_eq!(found(&ix, "こんぴゅーた"), [0], "hiragana finds katakana");
        assert!(found(&ix, "高専").is_empty());
        assert!(
            found(&ix, "医療都市").is_empty(),
            "pairs found, the run is not"
        );
    }

    #[test]
    fn english_folds_case_hyphens_plurals_and_prefixes() {
        let ix = index(&[
            entry("Kobe Biomedical", "regenerative medicine and start-ups"),
            entry("Kawasaki", "quantum computing near Kobe; a startup"),
        ]);
        assert_eq!(found(&ix, "kobe"), [0, 1]);
        assert_eq!(found(&ix, "REGEN"), [0]);
        assert!(found(&ix, "obe").is_empty(), "not inside words");
        assert_eq!(found(&ix, "quantum kobe"), [1]);
        for q in ["startup", "start-up", "startups"] {
            assert_eq!(found(&ix, q), [0, 1], "{q}");
        }
    }

    #[test]
    fn typos_of_long_words_and_phrases() {
        let ix = index(&[
            entry("Innovation", "regional innovation hubs"),
            entry("Other", "innovation that is regional"),
        ]);
        assert_eq!(found(&ix, "inovation"), [0, 1]);
        assert_eq!(found(&ix, "innovaton"), [0, 1]);
        assert_eq!(found(&ix, "ninovation"), [0, 1]);
        assert!(
            found(&ix, "hubz").is_empty(),
            "short words need to be right"
        );
        assert_eq!(found(&ix, "\"regional innovation\""), [0]);
        assert_eq!(found(&ix, "regional innovation"), [0, 1]);
    }

    #[test]
    fn titles_rank_first() {
        let ix = index(&[entry("Other", "about Kobe"), entry("Kobe", "the city")]);
        assert_eq!(found(&ix, "kobe"), [1, 0]);
    }

    #[test]
    fn one_edit_apart() {
        assert!(one_edit("innovation", "inovation"));
        assert!(one_edit("innovation", "innovatoin"));
        assert!(one_edit("innovation", "innovatiom"));
        assert!(!one_edit("innovation", "innovation"));
        assert!(!one_edit("innovation", "inovatoin"));
    }
}
