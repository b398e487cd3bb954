//! The event stream as the rest of the stage wants it: adjacent text merged (pulldown-cmark splits text at
//! some characters), soft line breaks between Japanese characters dropped, heading levels moved down.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Parser};

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
/// between Japanese characters.
pub(super) fn merge_text<'m>(markdown: &'m str) -> Vec<(Event<'m>, Range<usize>)> {
    let mut out: Vec<(Event<'m>, Range<usize>)> = Vec::new();
    // Text is gathered and pushed once; a single piece is kept as it came (no copy), several are joined in
    // one buffer, so long runs of pieces stay linear in time.
    let mut pending: Option<(CowStr<'m>, Range<usize>)> = None;
    let flush = |out: &mut Vec<(Event<'m>, Range<usize>)>,
                 pending: &mut Option<(CowStr<'m>, Range<usize>)>| {
        if let Some((text, range)) = pending.take() {
            out.push((Event::Text(text), range));
        }
    };
    let mut iter = Parser::new_ext(markdown, options())
        .into_offset_iter()
        .peekable();
    while let Some((event, range)) = iter.next() {
        match event {
            Event::Text(text) => match pending.take() {
                Some((prev, r)) => {
                    let mut joined = match prev {
                        CowStr::Boxed(b) => b.into_string(),
                        other => other.to_string(),
                    };
                    joined.push_str(&text);
                    pending = Some((CowStr::Boxed(joined.into_boxed_str()), r.start..range.end));
                }
                None => pending = Some((text, range)),
            },
            Event::SoftBreak => {
                let before = pending.as_ref().and_then(|(t, _)| t.chars().next_back());
                let after = match iter.peek() {
                    Some((Event::Text(t), _)) => t.chars().next(),
                    _ => None,
                };
                if before.is_some_and(is_cjk) && after.is_some_and(is_cjk) {
                    continue;
                }
                flush(&mut out, &mut pending);
                out.push((Event::SoftBreak, range));
            }
            other => {
                flush(&mut out, &mut pending);
                out.push((other, range));
            }
        }
    }
    flush(&mut out, &mut pending);
    out
}
