//! Finding where a value sits in YAML text, for errors found after deserializing (an unknown source id,
//! a series of the wrong length). Parsed only when a position is needed, so the happy path pays nothing.
//! The parser (saphyr, YAML 1.2) counts only LF and CR as line breaks, as editors do.

use saphyr_parser::{Event, Parser, Span};

use crate::diag::Position;

/// One step of a path into a YAML document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seg<'a> {
    /// A mapping key.
    Key(&'a str),
    /// A sequence index (0-based).
    Index(usize),
}

const MAX_DEPTH: usize = 256;

#[derive(Debug)]
struct Node {
    at: Position,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Leaf,
    Seq(Vec<Node>),
    Map(Vec<(String, Position, Node)>),
}

/// A YAML document's structure with the position of every key and value: parsed once, asked many times.
#[derive(Debug)]
pub(super) struct Tree {
    root: Node,
}

impl Tree {
    /// Parses `text`; `None` if it is not YAML the position parser can read.
    pub(super) fn parse(text: &str) -> Option<Tree> {
        parse(text).map(|root| Tree { root })
    }

    /// Position of the value at `path` (the document root for an empty path).
    pub(super) fn value(&self, path: &[Seg<'_>]) -> Option<Position> {
        walk(&self.root, path).map(|n| n.at)
    }

    /// Position of the key that ends `path`; for an index, the position of the element.
    pub(super) fn key(&self, path: &[Seg<'_>]) -> Option<Position> {
        let (last, parent) = path.split_last()?;
        let parent = walk(&self.root, parent)?;
        match (last, &parent.kind) {
            (Seg::Key(k), Kind::Map(entries)) => entries
                .iter()
                .find(|(key, _, _)| key == k)
                .map(|(_, at, _)| *at),
            (Seg::Index(i), Kind::Seq(items)) => items.get(*i).map(|n| n.at),
            _ => None,
        }
    }

    /// The first key given twice in one mapping, at its second occurrence, and where it was first given.
    pub(super) fn duplicate_key(&self) -> Option<(String, Position, Position)> {
        fn visit(node: &Node) -> Option<(String, Position, Position)> {
            match &node.kind {
                Kind::Leaf => None,
                Kind::Seq(items) => items.iter().find_map(visit),
                Kind::Map(entries) => {
                    // One pass with the keys seen so far: a mapping of 100,000 keys costs no more
                    // than reading it.
                    let mut seen = std::collections::HashMap::with_capacity(entries.len());
                    for (key, at, _) in entries {
                        if let Some(first) = seen.insert(key.as_str(), *at) {
                            return Some((key.clone(), *at, first));
                        }
                    }
                    entries.iter().find_map(|(_, _, v)| visit(v))
                }
            }
        }
        visit(&self.root)
    }
}

/// Position of the value at `path` (the document root for an empty path).
#[cfg(test)]
pub(super) fn locate_value(text: &str, path: &[Seg<'_>]) -> Option<Position> {
    Tree::parse(text)?.value(path)
}

/// Position of the key that ends `path`; for an index, the position of the element.
#[cfg(test)]
pub(super) fn locate_key(text: &str, path: &[Seg<'_>]) -> Option<Position> {
    Tree::parse(text)?.key(path)
}

/// The first key given twice in one mapping, at its second occurrence, and where it was first given.
#[cfg(test)]
pub(super) fn find_duplicate_key(text: &str) -> Option<(String, Position, Position)> {
    Tree::parse(text)?.duplicate_key()
}

fn walk<'n>(mut node: &'n Node, path: &[Seg<'_>]) -> Option<&'n Node> {
    for seg in path {
        node = match (seg, &node.kind) {
            (Seg::Key(k), Kind::Map(entries)) => &entries.iter().find(|(key, _, _)| key == k)?.2,
            (Seg::Index(i), Kind::Seq(items)) => items.get(*i)?,
            _ => return None,
        };
    }
    Some(node)
}

fn parse(text: &str) -> Option<Node> {
    let mut events = Parser::new_from_str(text).map_while(Result::ok);
    loop {
        match events.next()? {
            (Event::StreamStart | Event::DocumentStart(_), _) => continue,
            (event, span) => return build(event, span, &mut events, 0),
        }
    }
}

fn position(span: &Span) -> Position {
    Position {
        line: span.start.line(),
        column: span.start.col() + 1,
    }
}

fn build<'i>(
    event: Event<'i>,
    span: Span,
    events: &mut impl Iterator<Item = (Event<'i>, Span)>,
    depth: usize,
) -> Option<Node> {
    if depth > MAX_DEPTH {
        return None;
    }
    let at = position(&span);
    let kind = match event {
        Event::SequenceStart(..) => {
            let mut items = Vec::new();
            loop {
                match events.next()? {
                    (Event::SequenceEnd, _) => break,
                    (e, s) => items.push(build(e, s, events, depth + 1)?),
                }
            }
            Kind::Seq(items)
        }
        Event::MappingStart(..) => {
            let mut entries = Vec::new();
            loop {
                let (key_event, key_span) = events.next()?;
                let key = match key_event {
                    Event::MappingEnd => break,
                    Event::Scalar(value, ..) => value.into_owned(),
                    other => {
                        // A complex key: skip it, keep the structure.
                        build(other, key_span, events, depth + 1)?;
                        String::new()
                    }
                };
                let (value_event, value_span) = events.next()?;
                let value = build(value_event, value_span, events, depth + 1)?;
                entries.push((key, position(&key_span), value));
            }
            Kind::Map(entries)
        }
        Event::Scalar(..) | Event::Alias(_) => Kind::Leaf,
        _ => return None,
    };
    Some(Node { at, kind })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "\
charts:
  - id: a
    series:
      - name: {ja: 甲, en: A}
        values: [1, 2, 3]
  - id: b
title: x
title: y
";

    #[test]
    fn finds_nested_values_and_keys() {
        let path = [
            Seg::Key("charts"),
            Seg::Index(0),
            Seg::Key("series"),
            Seg::Index(0),
            Seg::Key("values"),
        ];
        assert_eq!(
            locate_value(DOC, &path),
            Some(Position {
                line: 5,
                column: 17
            })
        );
        assert_eq!(
            locate_key(DOC, &path),
            Some(Position { line: 5, column: 9 })
        );
        assert_eq!(
            locate_value(DOC, &[Seg::Key("charts"), Seg::Index(1), Seg::Key("id")]),
            Some(Position { line: 6, column: 9 })
        );
        assert_eq!(locate_value(DOC, &[Seg::Key("nope")]), None);
    }

    #[test]
    fn finds_duplicate_keys() {
        assert_eq!(
            find_duplicate_key(DOC),
            Some((
                "title".to_string(),
                Position { line: 8, column: 1 },
                Position { line: 7, column: 1 }
            ))
        );
    }

    #[test]
    fn broken_yaml_gives_none() {
        assert_eq!(locate_value("a: [1, 2", &[Seg::Key("a")]), None);
    }

    /// A file with thousands of errors is parsed once for all their positions, not once for each: 10,000
    /// positions in a file of 10,000 entries (about 400 KB) took minutes when each parsed the file.
    #[test]
    fn many_positions_in_one_file_cost_one_parse() {
        let n = 10_000;
        let text: String = (0..n)
            .map(|i| {
                format!("- date: \"1998\"\n  text: {{ja: 構想{i}, en: Step {i}}}\n  source: s{i}\n")
            })
            .collect();
        let src = super::super::Source::file(std::path::Path::new("data.yaml"), &text);
        let started = std::time::Instant::now();
        for i in 0..n {
            let at = src
                .clone()
                .value_position(&[Seg::Index(i), Seg::Key("source")]);
            assert_eq!(
                at,
                Some(Position {
                    line: 3 * i + 3,
                    column: 11
                })
            );
        }
        let took = started.elapsed();
        assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
    }

    /// Duplicate keys are found in one pass over a mapping: 100,000 keys took minutes when each key was
    /// compared with every key before it.
    #[test]
    fn a_duplicate_among_many_keys_is_found_in_one_pass() {
        let n = 100_000;
        let mut text: String = (0..n).map(|i| format!("k{i}: {i}\n")).collect();
        text.push_str("k7: again\n");
        let started = std::time::Instant::now();
        let found = find_duplicate_key(&text);
        let took = started.elapsed();
        assert_eq!(
            found,
            Some((
                "k7".to_string(),
                Position {
                    line: n + 1,
                    column: 1
                },
                Position { line: 8, column: 1 }
            ))
        );
        assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
    }
}
