//! The transformer's state for what it is in the middle of: a code block, a heading, an image, a footnote's
//! definition, and the ids handed out so far. Kept apart from [`super::transform::Renderer`] so that the files
//! that transform each kind of event depend on it, and it on none of them.

use std::collections::HashSet;
use std::ops::Range;

use pulldown_cmark::{CowStr, HeadingLevel};

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

/// Hands out unique ids within one page.
#[derive(Debug, Default)]
pub(crate) struct IdSet {
    used: HashSet<String>,
}

impl IdSet {
    /// `wanted`, or `wanted-2`, `wanted-3`, … if taken.
    pub(crate) fn unique(&mut self, wanted: String) -> String {
        if !self.used.contains(&wanted) {
            self.used.insert(wanted.clone());
            return wanted;
        }
        (2..)
            .map(|n| format!("{wanted}-{n}"))
            .find(|candidate| self.used.insert(candidate.clone()))
            .unwrap_or_default()
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
}
