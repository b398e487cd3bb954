//! Every mistake of a file at once: after serde stops at the first mistake of the schema (an unknown key, a
//! wrong value, a missing key), the entry or list item it is in is blanked out (each of its characters made a
//! space, line breaks kept, so every other line and column stays where the editor sees it) and the text read
//! again, until it reads or a mistake of another kind (YAML syntax) stops it. A value refused in a list
//! item (a chart of an unknown kind) blanks that item, so that it leads to no further findings of its own;
//! the keys it blanks are remembered, so that "missing key" is not said of a key that was there but wrong.

use saphyr_parser::{Event, Parser, Span};

use serde::de::DeserializeOwned;

use super::Source;
use crate::diag::{Code, Diagnostic};

/// A control character written as an escape in a double-quoted string (`"\x1b"`, `"\u0007"`): the text
/// itself was checked when the file was read, the strings YAML makes of it are checked here, at the start of
/// the string that holds one.
fn escaped_control(src: &Source<'_>) -> Option<Diagnostic> {
    // Escapes need a backslash; U+0085 is the one control character YAML takes as it is in a scalar.
    if !src.text.contains(['\\', '\u{85}']) {
        return None;
    }
    for (event, span) in Parser::new_from_str(src.text).map_while(Result::ok) {
        if let Event::Scalar(value, ..) = event
            && let Some((_, c)) = crate::diag::first_control(&value)
        {
            let byte = src
                .text
                .char_indices()
                .nth(span.start.index())
                .map_or(src.text.len(), |(b, _)| b);
            let p = crate::diag::position_of(src.text, byte);
            return Some(crate::diag::control_error(
                src.path,
                p.line + src.line_offset,
                p.column,
                c,
                !src.text.contains(c),
            ));
        }
    }
    None
}

/// Deserializes `src` into `T` and reports every mistake of the schema in it at once (unknown keys, wrong
/// values, missing keys, up to [`MAX_FINDINGS`]), each at its own line and column; a YAML syntax
/// error is reported alone, as the rest of the file cannot be read with certainty.
pub fn parse_all<T: DeserializeOwned>(src: &Source<'_>) -> Result<T, Vec<Diagnostic>> {
    if src.text.trim().is_empty() {
        return super::parse(src).map_err(|d| vec![d]);
    }
    let mut text = std::borrow::Cow::Borrowed(src.text);
    let mut found: Vec<Diagnostic> = Vec::new();
    let mut blanked_keys: Vec<String> = Vec::new();
    loop {
        let err = match serde_yaml::from_str::<T>(&text) {
            // Checked once the text reads: where YAML itself objects (a U+0085 that breaks a line), its own
            // words say more.
            Ok(value) if found.is_empty() => {
                return match escaped_control(src) {
                    Some(diag) => Err(vec![diag]),
                    None => Ok(value),
                };
            }
            Ok(_) => break,
            Err(err) => err,
        };
        let finding = super::describe(&src.with_text(&text), &err);
        let schema = matches!(
            finding.code,
            Code::UnknownKey
                | Code::DuplicateKey
                | Code::WrongType
                | Code::InvalidValue
                | Code::MissingKey
        );
        if !found.is_empty() && !schema {
            break; // Made by the blanking, or hidden by the first mistake: not the editor's to read.
        }
        let said_of_blanked = finding.code == Code::MissingKey
            && blanked_keys
                .iter()
                .any(|k| finding.message.contains(&format!("`{k}`")));
        if found.contains(&finding) {
            break;
        }
        if !said_of_blanked {
            found.push(finding.clone());
        }
        if found.len() >= MAX_FINDINGS {
            break;
        }
        let Some(at) = err.location().map(|l| l.index()) else {
            break;
        };
        let Some(blank) = after(&text, at, &finding) else {
            break;
        };
        if blank.start >= blank.end {
            break;
        }
        blanked_keys.extend(blank.key.clone());
        text = std::borrow::Cow::Owned(apply(&text, &blank));
    }
    Err(found)
}

/// The most findings reported for one file.
pub(crate) const MAX_FINDINGS: usize = 30;

/// A node's extent in the text (byte offsets), and its children.
#[derive(Debug)]
struct Node {
    start: usize,
    end: usize,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Leaf,
    Seq(Vec<Node>),
    /// Each entry: the key's start and text, and the value.
    Map(Vec<(usize, String, Node)>),
}

/// What to blank after a finding, if the file can be read on.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Blank {
    /// Byte range.
    pub start: usize,
    pub end: usize,
    /// What to write at its start instead (`[]` or `{}` when the entry or item was the only one, so that the
    /// list or mapping stays one), the rest being spaces.
    pub keep: &'static str,
    /// The key blanked, if an entry was.
    pub key: Option<String>,
}

/// Where to go on after `finding` at byte `at` of `text`; `None` when reading should stop.
pub(super) fn after(text: &str, at: usize, finding: &Diagnostic) -> Option<Blank> {
    let root = tree(text)?;
    let whole_item = match finding.code {
        Code::UnknownKey | Code::DuplicateKey => false,
        Code::WrongType | Code::InvalidValue | Code::MissingKey => true,
        _ => return None,
    };
    if whole_item && let Some(blank) = innermost_item(text, &root, at) {
        return Some(blank);
    }
    if finding.code == Code::MissingKey {
        return None; // A key missing at the top: nothing smaller to leave out.
    }
    innermost_entry(text, &root, at)
}

/// Whether the collection starting at byte `start` is written in flow style (`[…]`, `{…}`).
fn is_flow(text: &str, start: usize) -> bool {
    matches!(text.as_bytes().get(start), Some(b'[' | b'{'))
}

/// Widens `start..end` to take the separator with it: in block style the `- ` before an item; in flow style
/// the comma after it (or before it, for the last one).
fn widen(text: &str, start: usize, end: usize, flow: bool, item: bool) -> (usize, usize) {
    let b = text.as_bytes();
    let back = |from: usize| {
        let mut i = from;
        while i > 0 && b[i - 1] == b' ' {
            i -= 1;
        }
        i
    };
    let forward = |from: usize| {
        let mut i = from;
        while i < b.len() && b[i] == b' ' {
            i += 1;
        }
        i
    };
    if !flow {
        let before = back(start);
        return if item && before > 0 && b[before - 1] == b'-' {
            (before - 1, end)
        } else {
            (start, end)
        };
    }
    let after = forward(end);
    if b.get(after) == Some(&b',') {
        return (start, after + 1);
    }
    let before = back(start);
    if before > 0 && b[before - 1] == b',' {
        return (before - 1, end);
    }
    (start, end)
}

/// `text` with `blank` made spaces (one per character, line breaks kept).
pub(super) fn apply(text: &str, blank: &Blank) -> String {
    let mut out = String::with_capacity(text.len());
    out.push_str(&text[..blank.start]);
    out.push_str(blank.keep);
    let mut skip = blank.keep.chars().count();
    for c in text[blank.start..blank.end].chars() {
        if c == '\n' || c == '\r' {
            out.push(c);
        } else if skip > 0 {
            skip -= 1;
        } else {
            out.push(' ');
        }
    }
    out.push_str(&text[blank.end..]);
    out
}

/// The innermost list item that holds `at`.
fn innermost_item(text: &str, node: &Node, at: usize) -> Option<Blank> {
    let children: Vec<&Node> = match &node.kind {
        Kind::Leaf => return None,
        Kind::Seq(items) => items.iter().collect(),
        Kind::Map(entries) => entries.iter().map(|(_, _, v)| v).collect(),
    };
    let inner = children
        .iter()
        .find(|c| c.start <= at && at < c.end.max(c.start + 1))
        .and_then(|c| innermost_item(text, c, at));
    if inner.is_some() {
        return inner;
    }
    if let Kind::Seq(items) = &node.kind {
        let item = items
            .iter()
            .find(|c| c.start <= at && at < c.end.max(c.start + 1))?;
        let flow = is_flow(text, node.start);
        let (start, end) = widen(text, item.start, item.end, flow, true);
        return Some(Blank {
            start,
            end,
            keep: if items.len() == 1 && !flow { "[]" } else { "" },
            key: None,
        });
    }
    None
}

/// The innermost mapping entry (key and value) that holds `at`.
fn innermost_entry(text: &str, node: &Node, at: usize) -> Option<Blank> {
    match &node.kind {
        Kind::Leaf => None,
        Kind::Seq(items) => items.iter().find_map(|c| innermost_entry(text, c, at)),
        Kind::Map(entries) => {
            let (key_start, key, value) = entries
                .iter()
                .find(|(k, _, v)| *k <= at && at < v.end.max(k + 1))?;
            innermost_entry(text, value, at).or_else(|| {
                let flow = is_flow(text, node.start);
                let end = value.end.max(*key_start + key.len());
                let (start, end) = widen(text, *key_start, end, flow, false);
                Some(Blank {
                    start,
                    end,
                    keep: if entries.len() == 1 && !flow {
                        "{}"
                    } else {
                        ""
                    },
                    key: Some(key.clone()),
                })
            })
        }
    }
}

const MAX_DEPTH: usize = 256;

/// The text's structure with byte extents; `None` if saphyr cannot read it.
fn tree(text: &str) -> Option<Node> {
    // saphyr counts characters; serde and the blanking count bytes.
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let byte = |span_index: usize| bytes.get(span_index).copied().unwrap_or(text.len());
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    loop {
        match events.next()? {
            (Event::StreamStart | Event::DocumentStart(_), _) => continue,
            (event, span) => return build(event, span, &mut events, &byte, 0),
        }
    }
}

fn build<'i>(
    event: Event<'i>,
    span: Span,
    events: &mut impl Iterator<Item = (Event<'i>, Span)>,
    byte: &impl Fn(usize) -> usize,
    depth: usize,
) -> Option<Node> {
    if depth > MAX_DEPTH {
        return None;
    }
    let start = byte(span.start.index());
    let mut end = byte(span.end.index());
    let kind = match event {
        Event::SequenceStart(..) => {
            let mut items = Vec::new();
            loop {
                match events.next()? {
                    (Event::SequenceEnd, s) => {
                        end = end.max(byte(s.end.index()));
                        break;
                    }
                    (e, s) => items.push(build(e, s, events, byte, depth + 1)?),
                }
            }
            end = items.iter().map(|n| n.end).fold(end, usize::max);
            Kind::Seq(items)
        }
        Event::MappingStart(..) => {
            let mut entries = Vec::new();
            loop {
                let (key_event, key_span) = events.next()?;
                let key = match key_event {
                    Event::MappingEnd => {
                        end = end.max(byte(key_span.end.index()));
                        break;
                    }
                    Event::Scalar(value, ..) => value.into_owned(),
                    other => {
                        build(other, key_span, events, byte, depth + 1)?;
                        String::new()
                    }
                };
                let (value_event, value_span) = events.next()?;
                let value = build(value_event, value_span, events, byte, depth + 1)?;
                entries.push((byte(key_span.start.index()), key, value));
            }
            end = entries.iter().map(|(_, _, v)| v.end).fold(end, usize::max);
            Kind::Map(entries)
        }
        Event::Scalar(..) | Event::Alias(_) => Kind::Leaf,
        _ => return None,
    };
    Some(Node { start, end, kind })
}

#[cfg(test)]
mod tests;
