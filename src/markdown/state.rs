//! The transformer's state for what it is in the middle of: a code block, a heading, an image, a footnote's
//! definition, and the ids handed out so far. Kept apart from [`super::transform::Renderer`] so that the files
//! that transform each kind of event depend on it, and it on none of them.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{CowStr, HeadingLevel};

use super::GlossaryTerm;
use super::dual::{Events, Held};

/// The code block being transformed: its info string, where it was written, and its text so far.
pub(super) struct CodeBlock {
    pub(super) info: String,
    pub(super) range: Range<usize>,
    pub(super) body: String,
}

/// A heading being transformed: its start is pushed once its text, and so its id, is known.
pub(super) struct OpenHeading<'a> {
    pub(super) held: Held,
    pub(super) level: HeadingLevel,
    /// The id given with `{#id}`.
    pub(super) given: Option<CowStr<'a>>,
}

/// The image being transformed: its target and where it was written, and its alt text so far.
pub(super) struct ImageAlt {
    pub(super) dest: String,
    pub(super) offset: usize,
    pub(super) alt: String,
}

/// A footnote's definition, as rendered.
pub(super) struct Footnote<'a> {
    pub(super) label: String,
    pub(super) events: Events<'a>,
}

/// Which of a page's glossary terms have been marked, with the terms indexed by their first letter once
/// for the page: each character of the text is then looked up, not compared with every term (2,000 terms
/// that a page never uses once cost 2,000 comparisons for each of its characters).
#[derive(Clone, Debug, Default)]
pub(crate) struct TermsDone {
    done: Vec<bool>,
    /// How many are not marked yet.
    left: usize,
    /// The first letter and index of each term, sorted by letter and then in the glossary's order (which
    /// decides between terms that start alike).
    firsts: Vec<(char, usize)>,
}

impl TermsDone {
    /// None of `glossary`'s terms marked yet.
    pub(crate) fn new(glossary: &[GlossaryTerm]) -> TermsDone {
        let mut firsts: Vec<(char, usize)> = glossary
            .iter()
            .enumerate()
            .filter_map(|(index, t)| Some((t.term.chars().next()?, index)))
            .collect();
        firsts.sort_unstable();
        TermsDone {
            done: vec![false; glossary.len()],
            left: glossary.len(),
            firsts,
        }
    }

    /// Whether every term has been marked.
    pub(super) fn all_done(&self) -> bool {
        self.left == 0
    }

    /// Whether term `index` has been marked.
    #[cfg(test)]
    pub(crate) fn is_done(&self, index: usize) -> bool {
        self.done[index]
    }

    pub(super) fn mark(&mut self, index: usize) {
        if !self.done[index] {
            self.done[index] = true;
            self.left -= 1;
        }
    }

    /// The terms not yet marked that start with `c`, in the glossary's order.
    pub(super) fn starting_with(&self, c: char) -> impl Iterator<Item = usize> + '_ {
        let from = self.firsts.partition_point(|(first, _)| *first < c);
        self.firsts[from..]
            .iter()
            .take_while(move |(first, _)| *first == c)
            .map(|&(_, index)| index)
            .filter(|&index| !self.done[index])
    }
}

/// Hands out unique ids within one page.
#[derive(Debug, Default)]
pub(crate) struct IdSet {
    used: HashSet<String>,
    /// For each id asked for more than once, the first suffix not yet tried: every smaller one was taken
    /// when it was tried, and ids are never given back, so the search for a free one starts there. Without
    /// it, the n-th heading of the same text would try n suffixes (10,000 such headings: 50 million).
    next_suffix: HashMap<String, usize>,
}

impl IdSet {
    /// `wanted`, or `wanted-2`, `wanted-3`, … (the first that is free) if taken.
    pub(crate) fn unique(&mut self, wanted: String) -> String {
        if !self.used.contains(&wanted) {
            self.used.insert(wanted.clone());
            return wanted;
        }
        let next = self.next_suffix.entry(wanted.clone()).or_insert(2);
        loop {
            let candidate = format!("{wanted}-{next}");
            *next += 1;
            if self.used.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids = IdSet::default();
        assert_eq!(ids.unique("概要".into()), "概要");
        assert_eq!(ids.unique("概要".into()), "概要-2");
        assert_eq!(ids.unique("概要".into()), "概要-3");
        assert_eq!(ids.unique("概要-2".into()), "概要-2-2");
    }

    /// The first free suffix, as found by trying every one from 2 (the definition of `unique`).
    fn unique_by_trying(used: &mut HashSet<String>, wanted: String) -> String {
        if used.insert(wanted.clone()) {
            return wanted;
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|candidate| used.insert(candidate.clone()))
            .unwrap()
    }

    #[test]
    fn ids_are_those_found_by_trying_every_suffix() {
        // Ids that collide in every way: the same text, texts that look like suffixed ids, suffixed ids
        // asked before their base. Sequences drawn from a fixed seed, so that a failure repeats.
        let words = ["a", "a-2", "a-3", "a-2-2", "b", "a-10", "b-2", "a-4"];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..300 {
            let mut fast = IdSet::default();
            let mut slow = HashSet::new();
            for _ in 0..40 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let wanted = words[(seed % words.len() as u64) as usize].to_string();
                assert_eq!(
                    fast.unique(wanted.clone()),
                    unique_by_trying(&mut slow, wanted)
                );
            }
        }
    }

    #[test]
    fn many_headings_of_the_same_text_cost_one_try_each() {
        let mut ids = IdSet::default();
        for _ in 0..10_000 {
            ids.unique("概要".into());
        }
        assert_eq!(ids.unique("概要".into()), "概要-10001");
        assert_eq!(ids.next_suffix["概要"], 10_002);
    }
}
