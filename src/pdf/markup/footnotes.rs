//! Footnotes in the PDF: definitions taken out of the document's flow, each written as Typst's footnote
//! where it is first referred to, and referred to by its label after that.

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::super::escape::push_string;
use super::{Spanned, Writer};

/// The document's events without footnote definitions, and each definition's events by label.
pub(super) fn split_footnotes(
    events: Vec<Spanned<'_>>,
) -> (Vec<Spanned<'_>>, HashMap<String, Vec<Spanned<'_>>>) {
    let mut body = Vec::new();
    let mut notes: HashMap<String, Vec<Spanned<'_>>> = HashMap::new();
    let mut current: Option<(String, Vec<Spanned<'_>>)> = None;
    for (event, range) in events {
        match (&event, current.as_mut()) {
            (Event::Start(Tag::FootnoteDefinition(label)), None) => {
                current = Some((label.to_string(), Vec::new()));
            }
            (Event::End(TagEnd::FootnoteDefinition), Some(_)) => {
                if let Some((label, events)) = current.take() {
                    notes.entry(label).or_insert(events);
                }
            }
            (_, Some((_, events))) => events.push((event, range)),
            (_, None) => body.push((event, range)),
        }
    }
    (body, notes)
}

impl Writer<'_, '_> {
    pub(super) fn footnote(&mut self, label: &str) {
        if let Some(typst_label) = self.notes_written.get(label) {
            let call = format!(
                "#footnote(label({}));",
                super::super::escape::string(typst_label)
            );
            self.push(&call);
            return;
        }
        let Some(events) = self.notes.remove(label) else {
            self.text_out(&format!("[^{label}]"));
            return;
        };
        let typst_label = format!("{}fn-{label}", self.placement.prefix);
        self.notes_written
            .insert(label.to_string(), typst_label.clone());
        self.push("#footnote[");
        let html = std::mem::take(&mut self.html);
        self.events(events);
        self.html = html;
        let trimmed = self.out.markup.trim_end().len();
        self.out.markup.truncate(trimmed);
        self.push("] #label(");
        push_string(&mut self.out.markup, &typst_label);
        self.push(")");
    }
}
