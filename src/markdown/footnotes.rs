//! Footnotes: numbered by first reference, ids prefixed per document (several documents share the
//! whole-report page), back-links from each note, and a warning for references to notes never written.

use pulldown_cmark::{Event, html};

use super::Renderer;
use crate::diag::Diagnostic;
use crate::format::escape::escape_html;

impl<'a> Renderer<'a, '_> {
    pub(super) fn footnote_ref(&mut self, label: &str) -> Event<'a> {
        let p = self.input.id_prefix;
        let (n, k) = match self.footnote_refs.iter().position(|(l, _)| l == label) {
            Some(i) => {
                self.footnote_refs[i].1 += 1;
                (i + 1, self.footnote_refs[i].1)
            }
            None => {
                self.footnote_refs.push((label.to_string(), 1));
                (self.footnote_refs.len(), 1)
            }
        };
        let ref_id = if k == 1 {
            format!("{p}fnref-{n}")
        } else {
            format!("{p}fnref-{n}-{k}")
        };
        Event::InlineHtml(
            format!(
                "<sup class=\"fn-ref\"><a href=\"#{p}fn-{n}\" id=\"{ref_id}\" role=\"doc-noteref\">{n}</a></sup>"
            )
            .into(),
        )
    }

    pub(super) fn finish_footnotes(&mut self) {
        if self.footnotes.is_empty() {
            return;
        }
        let p = self.input.id_prefix.to_string();
        let mut defs = std::mem::take(&mut self.footnotes);
        let mut html_out = String::from("<ol class=\"footnotes-list\">\n");
        let order: Vec<String> = self.footnote_refs.iter().map(|(l, _)| l.clone()).collect();
        for (n, label) in order.iter().enumerate() {
            let n = n + 1;
            let Some(i) = defs.iter().position(|(l, _)| l == label) else {
                continue;
            };
            let (_, body) = defs.remove(i);
            html_out.push_str(&format!("<li id=\"{p}fn-{n}\">"));
            html::push_html(&mut html_out, body.into_iter());
            html_out.push_str(&format!(
                "<a href=\"#{p}fnref-{n}\" class=\"fn-back\" role=\"doc-backlink\" aria-label=\"{}\">↩</a></li>\n",
                escape_html(&self.input.labels.back_to_text)
            ));
        }
        html_out.push_str("</ol>\n");
        for (label, _) in defs {
            let d = Diagnostic::warning(
                self.input.path,
                format!("the footnote `[^{label}]` is defined but never referenced"),
            )
            .with_help(format!(
                "refer to it in the text with [^{label}], or remove it"
            ));
            self.out.warnings.push(d);
        }
        self.out.footnotes_html = html_out;
    }

    /// `[^x]` left as text means the footnote `x` has no definition.
    pub(super) fn undefined_footnotes(&mut self, text: &str, offset: usize) {
        let mut from = 0;
        // `[` is looked for alone (a fast byte search); most are not followed by `^`.
        while let Some(i) = text[from..].find('[') {
            let start = from + i;
            if text.as_bytes().get(start + 1) != Some(&b'^') {
                from = start + 1;
                continue;
            }
            let rest = &text[start + 2..];
            match rest.find(']') {
                Some(end) if end > 0 && !rest[..end].contains(char::is_whitespace) => {
                    let label = &rest[..end];
                    let d = Diagnostic::warning(
                        self.input.path,
                        format!("the footnote `[^{label}]` has no definition, so it shows as text"),
                    )
                    .at_opt(Some(self.position(offset + start)))
                    .with_help(format!(
                        "add a line `[^{label}]: …` below the paragraph, or remove the reference"
                    ));
                    self.out.warnings.push(d);
                    from = start + 2 + end;
                }
                _ => from = start + 2,
            }
        }
    }
}
