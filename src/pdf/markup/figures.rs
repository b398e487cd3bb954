//! Charts, code blocks and images in a document, as the PDF has them.

use super::super::escape::{push_string, push_text};
use super::{Open, Writer};

impl Writer<'_, '_> {
    /// A fenced block: a chart or table placed by ```` ```chart <id> ```` or ```` ```table <id> ````, other
    /// code as a raw block.
    pub(super) fn end_code(&mut self) {
        let Some(Open::Code { info, text }) = self.stack.pop() else {
            return;
        };
        let mut words = info.split_whitespace();
        let first = words.next();
        if first == Some("chart") || first == Some("table") {
            let id = words
                .next()
                .map(str::to_string)
                .unwrap_or_else(|| text.trim().to_string());
            let placed = if first == Some("chart") {
                self.targets.chart(&id)
            } else {
                self.targets.table(&id)
            };
            if let Some(figure) = placed {
                self.push(&figure);
                self.push("\n\n");
            }
            return;
        }
        self.push("#raw(block: true, ");
        if let Some(lang) = info.split_whitespace().next() {
            self.push("lang: ");
            push_string(&mut self.out.markup, lang);
            self.push(", ");
        }
        push_string(&mut self.out.markup, text.trim_end_matches('\n'));
        self.push(")\n\n");
    }

    /// An image as a box with its alt text (recorded when missing), or its alt text alone when the file
    /// is not in the edition.
    pub(super) fn end_image(&mut self) {
        let Some(Open::Image {
            dest,
            path,
            offset,
            alt,
        }) = self.stack.pop()
        else {
            return;
        };
        let alt = alt.trim();
        if alt.is_empty() {
            self.out.images_without_alt.push((offset, dest));
        }
        match path {
            Some(path) => {
                self.push("#box(image(");
                push_string(&mut self.out.markup, &path);
                self.push(", alt: ");
                push_string(&mut self.out.markup, alt);
                self.push(", width: 100%));");
            }
            None => push_text(&mut self.out.markup, alt),
        }
    }
}
