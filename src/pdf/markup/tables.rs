//! Tables in a document, as the PDF has them: a Markdown table as a Typst `table`, and one under a caption
//! line (`Table: <caption> {#id}`, read as the HTML stage reads it) as a numbered table, captioned above,
//! labelled `tbl-<id>` so `@tbl:` references inside the PDF lead to it.

use std::ops::Range;

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::super::escape::push_string;
use super::{Open, Writer};
use crate::markdown::RefKind;
use crate::markdown::captions::{CaptionLine, caption_line};

/// The caption lines of a document and the tables under them.
pub(super) struct Captions<'m> {
    /// The Markdown.
    source: &'m str,
    /// A caption line read (its id and caption), waiting for its table.
    pending: Option<(String, String)>,
    /// Whether the writer is in a caption line (whose events are left out).
    in_line: bool,
    /// Whether the table being written has a caption (and so a figure to close).
    open: bool,
}

impl<'m> Captions<'m> {
    pub(super) fn new(source: &'m str) -> Self {
        Captions {
            source,
            pending: None,
            in_line: false,
            open: false,
        }
    }
}

impl Writer<'_, '_> {
    /// Takes the events of a caption line (true: the event is used up), and forgets a caption that no
    /// table follows.
    pub(super) fn caption_line(&mut self, event: &Event<'_>, range: Range<usize>) -> bool {
        let captions = &mut self.tables;
        if captions.in_line {
            captions.in_line = !matches!(event, Event::End(TagEnd::Paragraph));
            return true;
        }
        match event {
            Event::Start(Tag::Paragraph) => {
                captions.pending = None;
                if let Some(CaptionLine::Captioned { caption, id }) =
                    caption_line(&captions.source[range])
                {
                    captions.pending = Some((id.to_string(), caption.to_string()));
                    captions.in_line = true;
                    return true;
                }
            }
            Event::Start(Tag::Table(_)) => {}
            Event::Start(_) => captions.pending = None,
            _ => {}
        }
        false
    }

    pub(super) fn start_table(&mut self, align: &[Alignment]) {
        if let Some((id, caption)) = self.tables.pending.take() {
            let number = self
                .targets
                .reference(RefKind::Table, &id)
                .map(|(text, _, _)| text)
                .unwrap_or_default();
            let anchor = format!("tbl-{id}");
            self.push("#captioned-table(number: ");
            push_string(&mut self.out.markup, &number);
            self.push(", caption: ");
            push_string(&mut self.out.markup, &caption);
            self.push(", anchor: ");
            push_string(&mut self.out.markup, &anchor);
            self.push(")[");
            self.out.labels.push(anchor);
            self.tables.open = true;
        }
        let aligns: Vec<&str> = align
            .iter()
            .map(|a| match a {
                Alignment::None | Alignment::Left => "left",
                Alignment::Center => "center",
                Alignment::Right => "right",
            })
            .collect();
        self.push(&format!(
            "#table(columns: {}, align: ({},), ",
            aligns.len().max(1),
            aligns.join(", ")
        ));
        self.stack.push(Open::Call);
    }

    pub(super) fn end_table(&mut self) {
        self.pop();
        if std::mem::take(&mut self.tables.open) {
            self.push("]");
        }
        self.push("\n\n");
    }
}
