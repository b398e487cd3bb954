//! Running text: `@fig:<id>` references and the first use of glossary terms, found without a dictionary
//! and marked up as links for each way.

use pulldown_cmark::{CowStr, Event};

use super::GlossaryTerm;
use super::transform::Renderer;
use crate::diag::Code;
use crate::format::escape::escape_html;

/// A piece of running text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Plain text.
    Text(&'t str),
    /// `@fig:<id>`, with its byte offset in the text.
    FigureRef { id: &'t str, at: usize },
    /// The first use of glossary term `index`.
    Term { index: usize, text: &'t str },
}

/// Whether `c` is Japanese (or other CJK) script or full-width punctuation, between which a line break is
/// not a space.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3000..=0x303F   // CJK symbols and punctuation
        | 0x3040..=0x30FF // hiragana, katakana
        | 0x31F0..=0x31FF // katakana extensions
        | 0x3400..=0x4DBF // CJK extension A
        | 0x4E00..=0x9FFF // CJK unified ideographs
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFF00..=0xFFEF // full-width forms
        | 0x20000..=0x2FA1F)
}

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// Whether `text` has nothing to mark up: no figure reference, and every glossary term already `done`.
fn is_plain(text: &str, done: &[bool]) -> bool {
    static FIGURE_REF: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
        std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"@fig:"));
    // Most text has no `@` at all: one quick byte search before the pattern search.
    done.iter().all(|d| *d)
        && (memchr::memchr(b'@', text.as_bytes()).is_none()
            || FIGURE_REF.find(text.as_bytes()).is_none())
}

/// Splits `text` into plain text, figure references and first uses of glossary terms. `done[i]` is set when
/// term `i` is used, so each term is marked once per page. Terms are tried in the given order (longest
/// first), so `COI-NEXT` wins over `COI`.
pub(crate) fn split_text<'t>(
    text: &'t str,
    glossary: &[GlossaryTerm],
    done: &mut [bool],
) -> Vec<Piece<'t>> {
    if is_plain(text, done) {
        return vec![Piece::Text(text)];
    }
    let firsts: Vec<char> = glossary
        .iter()
        .zip(done.iter())
        .filter(|(_, d)| !**d)
        .filter_map(|(t, _)| t.term.chars().next())
        .collect();
    let mut pieces = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if let Some(after) = rest.strip_prefix("@fig:") {
            let len = after
                .bytes()
                .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'-')
                .count();
            let id = after[..len].trim_end_matches('-');
            if !id.is_empty() {
                if plain_start < i {
                    pieces.push(Piece::Text(&text[plain_start..i]));
                }
                pieces.push(Piece::FigureRef { id, at: i });
                i += 5 + id.len();
                plain_start = i;
                continue;
            }
        }
        if firsts.contains(&c) {
            let found = glossary.iter().enumerate().find(|(index, t)| {
                !done[*index]
                    && !t.term.is_empty()
                    && rest.starts_with(&t.term)
                    && at_boundary(text, i, t.term.len())
            });
            if let Some((index, term)) = found {
                done[index] = true;
                if plain_start < i {
                    pieces.push(Piece::Text(&text[plain_start..i]));
                }
                pieces.push(Piece::Term {
                    index,
                    text: &text[i..i + term.term.len()],
                });
                i += term.term.len();
                plain_start = i;
                continue;
            }
        }
        i += c.len_utf8();
    }
    if plain_start < text.len() {
        pieces.push(Piece::Text(&text[plain_start..]));
    }
    pieces
}

/// A Latin-script term must not be part of a longer word (`COI` is not in `COINS` or `COI-NEXT`).
fn at_boundary(text: &str, start: usize, len: usize) -> bool {
    let term = &text[start..start + len];
    let before: Vec<char> = text[..start].chars().rev().take(2).collect();
    let after: Vec<char> = text[start + len..].chars().take(2).collect();
    let first_word = term.chars().next().is_some_and(is_word);
    let last_word = term.chars().next_back().is_some_and(is_word);
    let joined = |cs: &[char]| match cs {
        [c, ..] if is_word(*c) => true,
        ['-', c, ..] if is_word(*c) => true,
        _ => false,
    };
    !((first_word && joined(&before)) || (last_word && joined(&after)))
}

impl<'a> Renderer<'a, '_> {
    /// Running text: figure references and glossary terms become links, the rest stays text.
    pub(super) fn running_text(&mut self, text: CowStr<'a>, offset: usize) {
        self.undefined_footnotes(&text, offset);
        if is_plain(&text, &self.glossary_done) {
            // Nothing to mark up: the text goes on as it came, without a copy.
            self.out.same(Event::Text(text));
            return;
        }
        let pieces = split_text(&text, self.out.page_glossary(), &mut self.glossary_done);
        if let [Piece::Text(t)] = pieces.as_slice()
            && t.len() == text.len()
        {
            // Nothing to mark up: the text goes on as it came, without a copy.
            self.out.same(Event::Text(text));
            return;
        }
        for piece in pieces {
            match piece {
                Piece::Text(t) => self.out.same(Event::Text(t.to_string().into())),
                Piece::FigureRef { id, at } => self.figure_ref(id, offset + at),
                Piece::Term { index, text } => {
                    let id = self.out.page_glossary()[index].id.clone();
                    self.found.glossary_used.push(id);
                    self.out
                        .each(|way| term_use(way.resolve.glossary().get(index), text));
                }
            }
        }
    }

    /// A reference to the figure `id` (written at `offset`): a link to it in each way.
    fn figure_ref(&mut self, id: &str, offset: usize) {
        match self.out.page().resolve.figure(id) {
            Some(figure) => {
                self.found.figure_refs.push(id.to_string());
                self.out.both(figure_ref(Some(figure), id), |way| {
                    figure_ref(way.resolve.figure(id), id)
                });
            }
            None => {
                self.error(
                    Code::BrokenReference,
                    offset,
                    format!("the figure reference @fig:{id} names no chart"),
                    Some("use the id of a chart defined in a data.yaml of this report"),
                );
                self.out.same(Event::Text(format!("@fig:{id}").into()));
            }
        }
    }
}

/// The link of a `@fig:` reference, or the reference as written if the figure is unknown.
fn figure_ref<'a>(figure: Option<(String, String)>, id: &str) -> Event<'a> {
    match figure {
        Some((label, href)) => Event::InlineHtml(
            format!(
                "<a class=\"xref\" href=\"{}\">{}</a>",
                escape_html(&href),
                escape_html(&label)
            )
            .into(),
        ),
        None => Event::Text(format!("@fig:{id}").into()),
    }
}

/// The marked first use of a glossary term, or the text as written if there is no such term.
fn term_use<'a>(term: Option<&GlossaryTerm>, text: &str) -> Event<'a> {
    match term {
        Some(term) => Event::InlineHtml(
            format!(
                "<a class=\"term\" href=\"{}\"><abbr title=\"{}\">{}</abbr></a>",
                escape_html(&term.href),
                escape_html(&term.title),
                escape_html(text)
            )
            .into(),
        ),
        None => Event::Text(text.to_string().into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[&str]) -> Vec<GlossaryTerm> {
        list.iter()
            .map(|t| GlossaryTerm {
                id: String::new(),
                term: t.to_string(),
                title: String::new(),
                href: String::new(),
            })
            .collect()
    }

    #[test]
    fn figure_references() {
        let mut done = [];
        assert_eq!(
            split_text("@fig:kobe-companies に示す。", &[], &mut done),
            vec![
                Piece::FigureRef {
                    id: "kobe-companies",
                    at: 0
                },
                Piece::Text(" に示す。")
            ]
        );
        assert_eq!(
            split_text("see @fig:a-b-.", &[], &mut done),
            vec![
                Piece::Text("see "),
                Piece::FigureRef { id: "a-b", at: 4 },
                Piece::Text("-.")
            ]
        );
        assert_eq!(
            split_text("mail@fig:", &[], &mut done),
            vec![Piece::Text("mail@fig:")]
        );
    }

    #[test]
    fn glossary_terms_once_and_whole_words() {
        let g = terms(&["COI-NEXT", "COI", "高専"]);
        let mut done = [false; 3];
        let pieces = split_text("COINSとCOI-NEXTとCOI、高専とCOI", &g, &mut done);
        assert_eq!(
            pieces,
            vec![
                Piece::Text("COINSと"),
                Piece::Term {
                    index: 0,
                    text: "COI-NEXT"
                },
                Piece::Text("と"),
                Piece::Term {
                    index: 1,
                    text: "COI"
                },
                Piece::Text("、"),
                Piece::Term {
                    index: 2,
                    text: "高専"
                },
                Piece::Text("とCOI"),
            ]
        );
        assert_eq!(done, [true; 3]);
    }

    #[test]
    fn cjk_detection() {
        assert!(is_cjk('神'));
        assert!(is_cjk('。'));
        assert!(is_cjk('カ'));
        assert!(!is_cjk('a'));
        assert!(!is_cjk(' '));
    }
}
