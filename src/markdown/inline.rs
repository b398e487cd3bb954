//! Running text: references that write their numbers (`@fig:`, `@tbl:`, `@chap:`, `@sec:`, `@kf:`) and
//! the first use of glossary terms, found without a dictionary and marked up as links for each way.

use pulldown_cmark::{CowStr, Event};

use super::GlossaryTerm;
use super::state::TermsDone;
use super::transform::Renderer;
use crate::diag::Code;
use crate::format::escape::escape_html;

/// What a reference in running text names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    /// `@fig:<id>`: a chart, written as its number (図2-1).
    Figure,
    /// `@tbl:<id>` or `@tbl:<page>#<id>`: a numbered table (表2-1).
    Table,
    /// `@chap:<slug>`: a chapter (第2章).
    Chapter,
    /// `@sec:<page>#<anchor>` or `@sec:#<anchor>`: a section, written as its heading.
    Section,
    /// `@kf:<id>` or `@kf:<page>#<id>`: a key figure, written as its quantity (約362社).
    KeyFigure,
}

impl RefKind {
    /// Every kind.
    pub const ALL: [RefKind; 5] = [
        RefKind::Figure,
        RefKind::Table,
        RefKind::Chapter,
        RefKind::Section,
        RefKind::KeyFigure,
    ];

    /// How a reference of this kind starts.
    pub fn prefix(self) -> &'static str {
        match self {
            RefKind::Figure => "@fig:",
            RefKind::Table => "@tbl:",
            RefKind::Chapter => "@chap:",
            RefKind::Section => "@sec:",
            RefKind::KeyFigure => "@kf:",
        }
    }

    /// The target written after the prefix at the start of `after`, as long as it can be: ids are
    /// lower-case letters, digits and `-`; pages add `/` and `_` and end at `#`; a section's anchor is
    /// letters and digits of any script, `-` and `_` (its resolver takes the longest anchor it knows at
    /// the start, so `@sec:#概要を参照` works).
    pub(crate) fn target_of(self, after: &str) -> &str {
        let id_byte = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-';
        let page_byte = |b: u8| id_byte(b) || b == b'/' || b == b'_';
        let len = match self {
            RefKind::Figure | RefKind::Chapter => after.bytes().take_while(|b| id_byte(*b)).count(),
            RefKind::Table | RefKind::KeyFigure => {
                let page = after.bytes().take_while(|b| page_byte(*b)).count();
                match after[page..].strip_prefix('#') {
                    Some(rest) => page + 1 + rest.bytes().take_while(|b| id_byte(*b)).count(),
                    None => after.bytes().take_while(|b| id_byte(*b)).count(),
                }
            }
            RefKind::Section => {
                let page = after.bytes().take_while(|b| page_byte(*b)).count();
                match after[page..].strip_prefix('#') {
                    Some(rest) => {
                        page + 1
                            + rest
                                .chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
                                .map(char::len_utf8)
                                .sum::<usize>()
                    }
                    None => page,
                }
            }
        };
        after[..len].trim_end_matches(['-', '/', '#'])
    }
}

/// A reference found in running text, resolved: the words it writes and where they link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// What the reference writes: 図2-1, 表1-1, 第2章, the section's heading, 約362社.
    pub text: String,
    /// Where it links.
    pub href: String,
    /// More about the target for the theme and for readers (a chapter's title), as the link's title.
    pub title: Option<String>,
    /// How many bytes of the target as written it used (a section anchor may be followed by text).
    pub used: usize,
}

/// Why a reference names nothing: the message and how to fix it, in English and in Japanese.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RefError {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
    /// What is wrong, in Japanese.
    pub message_ja: String,
    /// How to fix it, in Japanese.
    pub help_ja: String,
}

/// A piece of running text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece<'t> {
    /// Plain text.
    Text(&'t str),
    /// A reference (`@fig:<id>`, `@tbl:…`, …): its kind, its target as written and the byte offset of its
    /// `@` in the text.
    Ref {
        kind: RefKind,
        target: &'t str,
        at: usize,
    },
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

/// Whether `text` has nothing to mark up: no reference, and every glossary term already `done`.
fn is_plain(text: &str, done: &TermsDone) -> bool {
    // Most text has no `@` at all: one quick byte search.
    done.all_done()
        && memchr::memchr_iter(b'@', text.as_bytes()).all(|at| reference_at(&text[at..]).is_none())
}

/// The reference starting `rest` (which starts with `@`), if there is one: its kind and target.
fn reference_at(rest: &str) -> Option<(RefKind, &str)> {
    let kind = RefKind::ALL
        .into_iter()
        .find(|k| rest.starts_with(k.prefix()))?;
    let target = kind.target_of(&rest[kind.prefix().len()..]);
    (!target.is_empty()).then_some((kind, target))
}

/// Splits `text` into plain text, figure references and first uses of glossary terms. Term `i` is marked in
/// `done` when
/// it is used, so each term is marked once per page. Terms are tried in the given order (longest
/// first), so `COI-NEXT` wins over `COI`.
pub(crate) fn split_text<'t>(
    text: &'t str,
    glossary: &[GlossaryTerm],
    done: &mut TermsDone,
) -> Vec<Piece<'t>> {
    if is_plain(text, done) {
        return vec![Piece::Text(text)];
    }
    let mut pieces = Vec::new();
    let mut plain_start = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '@'
            && let Some((kind, target)) = reference_at(rest)
        {
            if plain_start < i {
                pieces.push(Piece::Text(&text[plain_start..i]));
            }
            pieces.push(Piece::Ref {
                kind,
                target,
                at: i,
            });
            i += kind.prefix().len() + target.len();
            plain_start = i;
            continue;
        }
        let found = done
            .starting_with(c)
            .map(|index| (index, &glossary[index]))
            .find(|(_, t)| rest.starts_with(&t.term) && at_boundary(text, i, t.term.len()));
        if let Some((index, term)) = found {
            done.mark(index);
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
            self.plain.push(&text);
            self.out.same(Event::Text(text));
            return;
        }
        let pieces = split_text(&text, self.out.page_glossary(), &mut self.glossary_done);
        if let [Piece::Text(t)] = pieces.as_slice()
            && t.len() == text.len()
        {
            // Nothing to mark up: the text goes on as it came, without a copy.
            self.plain.push(&text);
            self.out.same(Event::Text(text));
            return;
        }
        for piece in pieces {
            match piece {
                Piece::Text(t) => {
                    self.plain.push(t);
                    self.out.same(Event::Text(t.to_string().into()))
                }
                Piece::Ref { kind, target, at } => self.reference(kind, target, offset + at),
                Piece::Term { index, text } => {
                    self.plain.push(text);
                    let id = self.out.page_glossary()[index].id.clone();
                    self.found.glossary_used.push(id);
                    self.out
                        .each(|way| term_use(way.resolve.glossary().get(index), text));
                }
            }
        }
    }

    /// A reference of `kind` to `target` (written at `offset`): a link in each way, or an error.
    /// A reference in a heading's text is an error: headings keep their text as typed (it is also their
    /// anchor and their line in the contents), so readers would see `@kf:…`.
    pub(super) fn no_reference_in_heading(&mut self, text: &str, offset: usize) {
        let found = memchr::memchr_iter(b'@', text.as_bytes())
            .find_map(|at| reference_at(&text[at..]).map(|(kind, target)| (at, kind, target)));
        if let Some((at, kind, target)) = found {
            let prefix = kind.prefix();
            self.error(
                Code::UnknownReference,
                offset + at,
                (
                    format!(
                        "`{prefix}{target}` is in a heading, where references are not written: readers would see it as typed"
                    ),
                    format!(
                        "見出しの中の `{prefix}{target}` は参照として書き換えられません。読者には書いたとおりに見えます"
                    ),
                ),
                Some((
                    "write the words in the heading (its text is also its anchor and its line in the contents), and the reference in the text under it",
                    "見出しには言葉を書き（見出しの文はアンカーと目次の行にもなります）、参照はその下の本文に書いてください",
                )),
            );
        }
    }

    fn reference(&mut self, kind: RefKind, target: &str, offset: usize) {
        match self.out.page().resolve.reference(kind, target) {
            Ok(found) => {
                if kind == RefKind::Figure {
                    self.found.figure_refs.push(target.to_string());
                }
                let rest = &target[found.used.min(target.len())..];
                let written = format!("{}{target}", kind.prefix());
                // Search and descriptions read the words the reference writes (図2-1), not its markup.
                self.plain.push(&found.text);
                self.out.both(reference_link(Ok(&found), &written), |way| {
                    reference_link(way.resolve.reference(kind, target).as_ref(), &written)
                });
                if !rest.is_empty() {
                    self.plain.push(rest);
                    self.out.same(Event::Text(rest.to_string().into()));
                }
            }
            Err(e) => {
                self.error(
                    Code::BrokenReference,
                    offset,
                    (e.message, e.message_ja),
                    Some((&e.help, &e.help_ja)),
                );
                let written = format!("{}{target}", kind.prefix());
                self.out.same(Event::Text(written.into()));
            }
        }
    }
}

/// The link a resolved reference writes, or the reference as `written` when it names nothing (the page's
/// way reports the error).
fn reference_link<'a>(found: Result<&Reference, &RefError>, written: &str) -> Event<'a> {
    match found {
        Ok(r) => {
            let title = r
                .title
                .as_ref()
                .map(|t| format!(" title=\"{}\"", escape_html(t)))
                .unwrap_or_default();
            Event::InlineHtml(
                format!(
                    "<a class=\"xref\" href=\"{}\"{title}>{}</a>",
                    escape_html(&r.href),
                    escape_html(&r.text)
                )
                .into(),
            )
        }
        Err(_) => Event::Text(written.to_string().into()),
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
mod tests;
