//! Heading anchors that keep Japanese as written (`## 概要` → `#概要`), unique within a page.

use std::collections::HashSet;

/// Prefixes the theme uses for its own ids; a heading that would start with one gets `s-` in front.
const RESERVED_PREFIXES: [&str; 4] = ["hk-", "fig-", "fn-", "fnref-"];

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

/// Hands out unique ids within one page.
#[derive(Debug, Default)]
pub struct IdSet {
    used: HashSet<String>,
}

impl IdSet {
    /// `wanted`, or `wanted-2`, `wanted-3`, … if taken.
    pub fn unique(&mut self, wanted: String) -> String {
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

    #[test]
    fn ids_are_unique() {
        let mut ids = IdSet::default();
        assert_eq!(ids.unique("概要".into()), "概要");
        assert_eq!(ids.unique("概要".into()), "概要-2");
        assert_eq!(ids.unique("概要".into()), "概要-3");
        assert_eq!(ids.unique("概要-2".into()), "概要-2-2");
    }
}
