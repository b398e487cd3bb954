//! The event stream as the rest of the stage wants it: adjacent text merged (pulldown-cmark splits text at
//! some characters), soft line breaks between Japanese characters dropped, heading levels moved down.

use std::iter::Peekable;
use std::ops::Range;

use pulldown_cmark::{CowStr, DefaultBrokenLinkCallback, Event, OffsetIter, Parser};

use super::inline::is_cjk;
use super::options;

/// A heading level moved down by `shift`, at most to `<h6>`.
pub(super) fn shifted(
    level: pulldown_cmark::HeadingLevel,
    shift: u8,
) -> pulldown_cmark::HeadingLevel {
    let n = (level as usize + shift as usize).min(6);
    pulldown_cmark::HeadingLevel::try_from(n).unwrap_or(pulldown_cmark::HeadingLevel::H6)
}

/// Parses and merges adjacent text (pulldown-cmark splits text at some characters), dropping soft breaks
/// between Japanese characters; events are handed on as they are parsed, with their source ranges.
pub(crate) fn merge_text(markdown: &str) -> MergedText<'_> {
    MergedText {
        parser: Parser::new_ext(markdown, options())
            .into_offset_iter()
            .peekable(),
        pending: None,
        queued: None,
    }
}

/// The events of [`merge_text`].
pub(crate) struct MergedText<'m> {
    parser: Peekable<OffsetIter<'m, DefaultBrokenLinkCallback>>,
    /// Text gathered and not yet handed on: a single piece is kept as it came (no copy), several are
    /// joined in one buffer, so long runs of pieces stay linear in time.
    pending: Option<(CowStr<'m>, Range<usize>)>,
    /// The event that ended the pending text, handed on after it.
    queued: Option<(Event<'m>, Range<usize>)>,
}

impl<'m> Iterator for MergedText<'m> {
    type Item = (Event<'m>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(event) = self.queued.take() {
            return Some(event);
        }
        loop {
            let Some((event, range)) = self.parser.next() else {
                return self.flush();
            };
            match event {
                Event::Text(text) => match self.pending.take() {
                    Some((prev, r)) => {
                        let mut joined = match prev {
                            CowStr::Boxed(b) => b.into_string(),
                            other => other.to_string(),
                        };
                        joined.push_str(&text);
                        self.pending =
                            Some((CowStr::Boxed(joined.into_boxed_str()), r.start..range.end));
                    }
                    None => self.pending = Some((text, range)),
                },
                Event::SoftBreak => {
                    let before = self
                        .pending
                        .as_ref()
                        .and_then(|(t, _)| t.chars().next_back());
                    let after = match self.parser.peek() {
                        Some((Event::Text(t), _)) => t.chars().next(),
                        _ => None,
                    };
                    if before.is_some_and(is_cjk) && after.is_some_and(is_cjk) {
                        continue;
                    }
                    return self.hand_on(Event::SoftBreak, range);
                }
                other => return self.hand_on(other, range),
            }
        }
    }
}

impl<'m> MergedText<'m> {
    /// The pending text, if any.
    fn flush(&mut self) -> Option<(Event<'m>, Range<usize>)> {
        self.pending
            .take()
            .map(|(text, range)| (Event::Text(text), range))
    }

    /// `event`, after the pending text if there is any.
    fn hand_on(
        &mut self,
        event: Event<'m>,
        range: Range<usize>,
    ) -> Option<(Event<'m>, Range<usize>)> {
        match self.flush() {
            Some(text) => {
                self.queued = Some((event, range));
                Some(text)
            }
            None => Some((event, range)),
        }
    }
}
