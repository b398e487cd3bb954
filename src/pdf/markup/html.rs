//! Raw HTML in a document, as the PDF has it: the tags the site allows become their Typst counterparts
//! (the same split as for the HTML, [`split_raw_html`]), text stays text, comments go.

use crate::markdown::policy::{RawHtmlPiece, split_raw_html};

use super::Writer;

impl Writer<'_, '_> {
    /// Raw HTML: the allowed tags become their Typst counterparts; text stays text; comments go.
    pub(super) fn raw_html(&mut self, raw: &str) {
        for piece in split_raw_html(raw) {
            match piece {
                RawHtmlPiece::Tag(tag) => self.html_tag(&tag),
                RawHtmlPiece::Text(t) => {
                    if !self.in_rp() {
                        self.text_out(t);
                    }
                }
                RawHtmlPiece::Comment | RawHtmlPiece::Refused(_) => {}
            }
        }
    }

    fn html_tag(&mut self, tag: &str) {
        let name = tag
            .trim_start_matches('<')
            .trim_end_matches('>')
            .trim_end_matches('/')
            .trim();
        if let Some(closing) = name.strip_prefix('/') {
            if let Some(at) = self.html.iter().rposition(|(n, _)| n == closing) {
                while self.html.len() > at {
                    if let Some((_, close)) = self.html.pop() {
                        self.push(close);
                    }
                }
            }
            return;
        }
        let (open, close) = match name {
            "br" => {
                self.push("#linebreak();");
                return;
            }
            "wbr" => return,
            "sup" => ("#super[", "]"),
            "sub" => ("#sub[", "]"),
            "strong" | "b" => ("#strong[", "]"),
            "em" | "i" => ("#emph[", "]"),
            "u" => ("#underline[", "]"),
            "s" => ("#strike[", "]"),
            "small" => ("#text(size: 0.85em)[", "]"),
            "mark" => ("#highlight[", "]"),
            "kbd" => (
                "#box(stroke: 0.5pt, inset: (x: 2pt), outset: (y: 2pt))[",
                "]",
            ),
            // Ruby: the reading follows its base in parentheses; <rp> (for browsers without ruby) goes.
            "ruby" => ("[", "]"),
            "rt" => ("#text(size: 0.7em)[（", "）]"),
            "rp" => ("", ""),
            _ => return,
        };
        if self.too_deep() {
            return;
        }
        self.push(open);
        self.html.push((name.to_string(), close));
    }

    /// Closes the raw HTML tags still open at the end of a block.
    pub(super) fn close_html(&mut self) {
        while let Some((_, close)) = self.html.pop() {
            self.push(close);
        }
    }
}
