//! What a rendered page read besides its own page, recorded while it renders. `serve` renders again exactly
//! the pages that read something an edit changed, instead of following rules written by hand about which
//! pages show which (see `serve::session`).
//!
//! Everything a page job reads of other pages goes through a function that records it: the shared values
//! (cards, the site header, related cases, chapter links; see [`super::shared`]), and the resolver of its
//! Markdown (figure numbers, link targets). Site files (site.yaml, sources, taxonomies, glossary) and the
//! theme are read by every page; a change to them renders everything again.

use std::collections::HashSet;

/// One thing a page read of others.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    /// What other pages show of the page at this index of `site.pages`: anything but its documents' text
    /// (titles, summaries, dates, languages, facts, location, taxonomy terms, order, chapter).
    Listing(usize),
    /// Which cases the chapter with this number holds, and in which order.
    CasesOf(usize),
    /// The related cases of the case at this page index.
    Related(usize),
    /// The number and label of the figure of this chart id.
    Figure(String),
    /// The number, caption and page of the numbered table of this id.
    Table(String),
    /// The headings of the page at this index of `site.pages` (a `@sec:` reference writes one).
    Outline(usize),
    /// Which taxonomy terms some case is filed under (a term's page exists only then).
    TermsInUse,
}

/// The dependencies of one page as it renders, when they are wanted (`serve` wants them; a build, which
/// renders everything once, does not keep them).
#[derive(Clone, Debug)]
pub(crate) struct Deps {
    list: Vec<Dep>,
    recording: bool,
}

impl Deps {
    /// Dependencies recorded if `recording`, else dropped as they come.
    pub(crate) fn new(recording: bool) -> Deps {
        Deps {
            list: Vec::new(),
            recording,
        }
    }

    /// Records that the page read `dep`.
    pub(crate) fn add(&mut self, dep: Dep) {
        if self.recording {
            self.list.push(dep);
        }
    }

    /// Records each of `deps`.
    pub(crate) fn extend(&mut self, deps: impl IntoIterator<Item = Dep>) {
        if self.recording {
            self.list.extend(deps);
        }
    }

    /// The recorded dependencies, sorted and without repeats.
    pub(crate) fn finish(mut self) -> Box<[Dep]> {
        self.list.sort_unstable();
        self.list.dedup();
        self.list.into_boxed_slice()
    }
}

/// Whether any of `deps` is among `changed`.
pub fn touches(deps: &[Dep], changed: &HashSet<Dep>) -> bool {
    !changed.is_empty() && deps.iter().any(|d| changed.contains(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recorded_dependencies_are_sorted_once() {
        let mut deps = Deps::new(true);
        deps.extend([Dep::Listing(3), Dep::CasesOf(1), Dep::Listing(3)]);
        deps.add(Dep::Figure("a".into()));
        let deps = deps.finish();
        assert_eq!(
            &*deps,
            &[Dep::Listing(3), Dep::CasesOf(1), Dep::Figure("a".into())]
        );
        assert!(touches(&deps, &HashSet::from([Dep::CasesOf(1)])));
        assert!(!touches(&deps, &HashSet::from([Dep::CasesOf(2)])));
        assert!(!touches(&deps, &HashSet::new()));
    }
}
