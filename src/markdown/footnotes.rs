//! Footnotes: numbered by first reference, ids prefixed per document (several documents share the
//! whole-report page), back-links from each note, and a warning for references to notes never written.
//! A note's definition keeps its events for both ways until the list of notes is written for each.

use std::collections::HashMap;

use pulldown_cmark::{Event, html};

use super::dual::Side;
use super::state::Footnote;
use super::transform::Renderer;
use crate::diag::{Code, Diagnostic};
use crate::format::escape::escape_html;

/// The mark of a footnote reference: note `n`, its `k`-th reference.
fn footnote_ref<'a>(prefix: &str, n: usize, k: usize) -> Event<'a> {
    let n = n.to_string();
    let k = (k > 1).then(|| k.to_string());
    let html = [
        "<sup class=\"fn-ref\"><a href=\"#",
        prefix,
        "fn-",
        &n,
        "\" id=\"",
        prefix,
        "fnref-",
        &n,
        if k.is_some() { "-" } else { "" },
        k.as_deref().unwrap_or(""),
        "\" role=\"doc-noteref\">",
        &n,
        "</a></sup>",
    ]
    .concat();
    Event::InlineHtml(html.into())
}

/// Where the first definition of each label is in `footnotes` (a second one is never shown).
fn first_definitions<'f>(footnotes: &'f [Footnote<'_>]) -> HashMap<&'f str, usize> {
    let mut first = HashMap::with_capacity(footnotes.len());
    for (i, note) in footnotes.iter().enumerate() {
        first.entry(note.label.as_str()).or_insert(i);
    }
    first
}

impl<'a> Renderer<'a, '_> {
    /// Pushes the mark of a reference to the note `label`.
    pub(super) fn footnote_reference(&mut self, label: &str) {
        let (n, k) = self.footnote_number(label);
        self.out.each(|way| footnote_ref(way.input.id_prefix, n, k));
    }

    pub(super) fn start_footnote(&mut self, label: &str) {
        self.footnote = Some((label.to_string(), self.out.mark()));
    }

    /// Takes the note's events out of the text, to be written in the list of notes.
    pub(super) fn end_footnote(&mut self) {
        if let Some((label, start)) = self.footnote.take() {
            let events = self.out.take_since(start);
            self.footnotes.push(Footnote { label, events });
        }
    }

    /// The number of the note `label` (by first reference) and how many times it has now been referenced.
    fn footnote_number(&mut self, label: &str) -> (usize, usize) {
        match self.footnote_numbers.get(label) {
            Some(&i) => {
                self.footnote_refs[i].1 += 1;
                (i + 1, self.footnote_refs[i].1)
            }
            None => {
                self.footnote_numbers
                    .insert(label.to_string(), self.footnote_refs.len());
                self.footnote_refs.push((label.to_string(), 1));
                (self.footnote_refs.len(), 1)
            }
        }
    }

    /// The footnotes as an `<ol>`, in order of first reference, for one way (`side`, with ids prefixed
    /// `prefix`); empty when there are none.
    pub(super) fn footnotes_html(&self, side: Side, prefix: &str) -> String {
        if self.footnotes.is_empty() {
            return String::new();
        }
        let p = prefix;
        let notes = first_definitions(&self.footnotes);
        let mut html_out = String::from("<ol class=\"footnotes-list\">\n");
        for (n, (label, _)) in self.footnote_refs.iter().enumerate() {
            let n = n + 1;
            let Some(note) = notes.get(label.as_str()).map(|&i| &self.footnotes[i]) else {
                continue;
            };
            html_out.push_str(&format!("<li id=\"{p}fn-{n}\">"));
            html::push_html(&mut html_out, note.events.of(side));
            html_out.push_str(&format!(
                "<a href=\"#{p}fnref-{n}\" class=\"fn-back\" role=\"doc-backlink\" aria-label=\"{}\">↩</a></li>\n",
                escape_html(&self.labels.back_to_text)
            ));
        }
        html_out.push_str("</ol>\n");
        html_out
    }

    /// Warns of footnotes defined but never referenced.
    pub(super) fn finish_footnotes(&mut self) {
        let first_definitions = first_definitions(&self.footnotes);
        for (i, note) in self.footnotes.iter().enumerate() {
            // The first definition of a referenced label is shown; a second one never is.
            let first = first_definitions.get(note.label.as_str()) == Some(&i);
            if first && self.footnote_numbers.contains_key(&note.label) {
                continue;
            }
            let label = &note.label;
            let d = Diagnostic::warning(
                Code::Footnote,
                self.path,
                format!("the footnote `[^{label}]` is defined but never referenced"),
            )
            .with_help(format!(
                "refer to it in the text with [^{label}], or remove it"
            ))
            .ja(format!(
                "脚注 `[^{label}]` は定義されていますが、本文のどこからも参照されていません"
            ))
            .ja_help(format!(
                "本文に [^{label}] と書いて参照するか、脚注を削除してください"
            ));
            self.found.warnings.push(d);
        }
    }

    /// `[^x]` left as text means the footnote `x` has no definition.
    pub(super) fn undefined_footnotes(&mut self, text: &str, offset: usize) {
        static MARK: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
            std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"[^"));
        if memchr::memchr(b'[', text.as_bytes()).is_none() {
            return;
        }
        let mut from = 0;
        while let Some(i) = MARK.find(&text.as_bytes()[from..]) {
            let start = from + i;
            let rest = &text[start + 2..];
            match rest.find(']') {
                Some(end) if end > 0 && !rest[..end].contains(char::is_whitespace) => {
                    let label = &rest[..end];
                    let d = Diagnostic::warning(
                        Code::Footnote,
                        self.path,
                        format!("the footnote `[^{label}]` has no definition, so it shows as text"),
                    )
                    .at_opt(Some(self.position(offset + start)))
                    .with_help(format!(
                        "add a line `[^{label}]: …` below the paragraph, or remove the reference"
                    ))
                    .ja(format!(
                        "脚注 `[^{label}]` に定義がないため、そのまま文字として表示されます"
                    ))
                    .ja_help(format!(
                        "段落の下に `[^{label}]: …` の行を加えるか、参照を削除してください"
                    ));
                    self.found.warnings.push(d);
                    from = start + 2 + end;
                }
                _ => from = start + 2,
            }
        }
    }
}
