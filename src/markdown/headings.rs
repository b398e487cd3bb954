//! Headings: anchors that keep Japanese as written (`## 概要` → `#概要`), unique within a page, prefixed
//! and moved down as each way wants; `##` and deeper recorded for the table of contents.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Tag, TagEnd};

use super::events::shifted;
use super::state::OpenHeading;
use super::transform::Renderer;

/// Prefixes the theme uses for its own ids; a heading that would start with one gets `s-` in front.
const RESERVED_PREFIXES: [&str; 6] = ["hk-", "fig-", "tbl-", "kf-", "fn-", "fnref-"];

/// A heading of the page, for the table of contents.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Heading {
    /// 2 for `##`, 3 for `###`, …
    pub level: u8,
    /// The anchor id.
    pub id: String,
    /// The heading's text.
    pub text: String,
}

/// The anchor for a heading's text: letters and digits of any script kept, ASCII lower-cased, spaces to
/// `-`, punctuation dropped. Never a romanised reading.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || !c.is_ascii() && c.is_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.extend(c.to_lowercase());
            }
        } else if c.is_whitespace() || c == '-' || c == '\u{3000}' {
            dash = true;
        }
    }
    if out.is_empty() {
        out.push_str("section");
    }
    if RESERVED_PREFIXES.iter().any(|p| out.starts_with(p)) {
        out.insert_str(0, "s-");
    }
    out
}

/// The `##` and deeper headings of `markdown` with the ids and texts rendering gives them, without
/// rendering it (for references to sections of pages not yet rendered). The suite checks that the two agree.
pub fn outline(markdown: &str) -> Vec<Heading> {
    let mut ids = super::IdSet::default();
    let mut out = Vec::new();
    let mut open: Option<(HeadingLevel, Option<CowStr<'_>>, String)> = None;
    for (event, _) in super::merge_text(markdown) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => open = Some((level, id, String::new())),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, text)) = open.as_mut() {
                    text.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, given, text)) = open.take() {
                    let text = text.trim().to_string();
                    let wanted = match given.as_deref() {
                        Some(given) if !given.trim().is_empty() => slugify(given),
                        _ => slugify(&text),
                    };
                    let id = ids.unique(wanted);
                    if level as u8 >= 2 {
                        out.push(Heading {
                            level: level as u8,
                            id,
                            text,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    out
}

impl<'a> Renderer<'a, '_> {
    pub(super) fn start_heading(&mut self, level: HeadingLevel, given: Option<CowStr<'a>>) {
        let held = self.out.hold();
        self.heading = Some(OpenHeading { held, level, given });
    }

    /// Pushes the heading's start, with its id, and end; records it for the table of contents.
    pub(super) fn end_heading(&mut self, level: HeadingLevel) {
        if let Some(open) = self.heading.take() {
            self.heading_start(open);
        }
        self.out
            .each(|way| Event::End(TagEnd::Heading(shifted(level, way.input.heading_shift))));
        self.plain.gap();
    }

    fn heading_start(&mut self, open: OpenHeading<'a>) {
        let OpenHeading { held, level, given } = open;
        let mut text: String = self
            .out
            .after(&held)
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        if text.trim().len() != text.len() {
            text = text.trim().to_string();
        }
        let wanted = match given.as_deref() {
            Some(given) if !given.trim().is_empty() => slugify(given),
            _ => slugify(&text),
        };
        let unique = self.ids.unique(wanted);
        self.out.fill(held, |way| {
            Event::Start(Tag::Heading {
                level: shifted(level, way.input.heading_shift),
                id: Some([way.input.id_prefix, &unique].concat().into()),
                classes: Vec::new(),
                attrs: Vec::new(),
            })
        });
        if level as u8 >= 2 {
            self.found.headings.push(Heading {
                level: level as u8,
                id: [self.out.page().input.id_prefix, &unique].concat(),
                text,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_japanese_and_drops_punctuation() {
        let cases = [
            ("概要", "概要"),
            ("拠点の形成と発展", "拠点の形成と発展"),
            ("「体内病院」の実現へ", "体内病院の実現へ"),
            ("1. はじめに", "1-はじめに"),
            ("How the Hub Formed", "how-the-hub-formed"),
            ("COI-NEXT と JST", "coi-next-と-jst"),
            ("神戸　医療", "神戸-医療"),
            ("!!!", "section"),
            ("fig-1", "s-fig-1"),
        ];
        for (input, want) in cases {
            assert_eq!(slugify(input), want, "{input}");
        }
    }
}
