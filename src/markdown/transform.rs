//! The event pass: each event pulldown-cmark gives (text merged, see `events`) is handed to a method for
//! its kind, which writes the page's findings and pushes the events for both ways through [`Dual`].
//! Headings, links and images, footnotes, code and chart blocks, and running text have their own files;
//! tables, task markers and raw HTML are here.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::captions::{CaptionLine, caption_line};
use super::dual::{Dual, Mark};
use super::plain_text::PlainText;
use super::policy::{RawHtmlPiece, split_raw_html};
use super::state::{CodeBlock, Footnote, IdSet, ImageAlt, OpenHeading, TermsDone};
use super::{Input, Labels, RefKind, Rendered};
use crate::diag::{Code, Diagnostic, LineIndex, Position};
use crate::format::escape::escape_html;

/// Renders one document, in one or two ways, from one pass over its events.
pub(super) struct Renderer<'a, 'r> {
    /// The file the Markdown came from.
    pub(super) path: &'a Path,
    /// The file's line on which the Markdown starts.
    first_line: usize,
    /// Words written by this stage.
    pub(super) labels: &'a Labels,
    /// The events, for both ways.
    pub(super) out: Dual<'a, 'r>,
    /// What the page's way finds: everything but its HTML.
    pub(super) found: Rendered,
    /// The page's plain text.
    pub(super) plain: PlainText,
    /// Heading ids handed out.
    pub(super) ids: IdSet,
    /// Which of the page's glossary terms have been marked.
    pub(super) glossary_done: TermsDone,
    /// Footnote definitions, as rendered.
    pub(super) footnotes: Vec<Footnote<'a>>,
    /// Footnote labels in order of first reference, with how many times each was referenced.
    pub(super) footnote_refs: Vec<(String, usize)>,
    /// Where each label is in `footnote_refs`.
    pub(super) footnote_numbers: HashMap<String, usize>,
    /// Line starts of the Markdown, for positions.
    lines: LineIndex<'a>,
    /// How many links the pass is in.
    pub(super) links_open: usize,
    /// The heading the pass is in.
    pub(super) heading: Option<OpenHeading<'a>>,
    /// The footnote definition the pass is in: its label and where its events start.
    pub(super) footnote: Option<(String, Mark)>,
    /// The code block the pass is in.
    pub(super) code: Option<CodeBlock>,
    /// The image the pass is in.
    pub(super) image: Option<ImageAlt>,
    /// The Markdown.
    source: &'a str,
    /// A caption line read (its id and caption), waiting for its table.
    caption: Option<(String, String)>,
    /// Whether the pass is in a caption line (whose events are left out).
    in_caption: bool,
    /// Whether the table the pass is in has a caption (and so a `<figure>` to close).
    captioned: bool,
}

impl<'a, 'r> Renderer<'a, 'r> {
    /// A renderer of the document of `input`, writing `out` (which holds each way's id prefix, heading
    /// shift and resolver).
    pub(super) fn new(input: Input<'a>, out: Dual<'a, 'r>) -> Self {
        let Input {
            markdown,
            path,
            first_line,
            labels,
            id_prefix: _,
            heading_shift: _,
        } = input;
        Renderer {
            path,
            first_line,
            labels,
            glossary_done: TermsDone::new(out.page_glossary()),
            out,
            found: Rendered::default(),
            plain: PlainText::with_capacity(markdown.len()),
            ids: IdSet::default(),
            footnotes: Vec::new(),
            footnote_refs: Vec::new(),
            footnote_numbers: HashMap::new(),
            lines: LineIndex::new(markdown),
            links_open: 0,
            heading: None,
            footnote: None,
            code: None,
            image: None,
            source: markdown,
            caption: None,
            in_caption: false,
            captioned: false,
        }
    }

    /// Transforms the events of the document.
    pub(super) fn transform(&mut self, events: impl Iterator<Item = (Event<'a>, Range<usize>)>) {
        for (event, range) in events {
            if self.code.is_some() {
                self.in_code_block(event);
                continue;
            }
            if self.in_caption {
                self.in_caption = !matches!(event, Event::End(TagEnd::Paragraph));
                continue;
            }
            match event {
                Event::Start(tag) => self.start(tag, range),
                Event::End(end) => self.end(end),
                Event::FootnoteReference(label) => self.footnote_reference(&label),
                Event::TaskListMarker(done) => self.task_marker(done),
                Event::Html(raw) | Event::InlineHtml(raw) => self.raw_html(&raw, range.start),
                Event::Text(text) => self.text(text, range.start),
                Event::Code(code) => {
                    self.plain.push(&code);
                    self.out.same(Event::Code(code));
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.plain.gap();
                    self.out.same(event);
                }
                other => self.out.same(other),
            }
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        // A caption line is for the table just under it, or nothing.
        let caption = self.caption.take();
        match tag {
            Tag::Heading { level, id, .. } => self.start_heading(level, id),
            Tag::FootnoteDefinition(label) => self.start_footnote(&label),
            Tag::CodeBlock(kind) => self.start_code_block(kind, range),
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => self.start_link(link_type, &dest_url, title, id, range.start),
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            } => self.start_image(link_type, &dest_url, title, id, range.start),
            Tag::Paragraph => {
                if let Some(CaptionLine::Captioned { caption, id }) =
                    caption_line(&self.source[range])
                {
                    self.caption = Some((id.to_string(), caption.to_string()));
                    self.in_caption = true;
                } else {
                    self.out.same(Event::Start(Tag::Paragraph));
                }
            }
            Tag::Table(align) => {
                match caption {
                    Some((id, caption)) => self.start_captioned_table(id, &caption),
                    None => self.out.same(Event::Html(
                        format!(
                            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">",
                            escape_html(&self.labels.table)
                        )
                        .into(),
                    )),
                }
                self.out.same(Event::Start(Tag::Table(align)));
            }
            other => self.out.same(Event::Start(other)),
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(level) => self.end_heading(level),
            TagEnd::FootnoteDefinition => self.end_footnote(),
            TagEnd::Link => self.end_link(),
            TagEnd::Image => self.end_image(),
            TagEnd::Table => {
                self.out.same(Event::End(TagEnd::Table));
                let close = if std::mem::take(&mut self.captioned) {
                    "</div>\n</figure>\n"
                } else {
                    "</div>\n"
                };
                self.out.same(Event::Html(close.into()));
            }
            TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::BlockQuote(_) => {
                self.plain.gap();
                self.out.same(Event::End(end));
            }
            other => self.out.same(Event::End(other)),
        }
    }

    /// Opens the `<figure>` of a Markdown table given a caption: numbered like the tables of `data.yaml`
    /// (the number is what `@tbl:<id>` writes), captioned above, each way with its own id prefix.
    fn start_captioned_table(&mut self, id: String, caption: &str) {
        let label = self
            .out
            .page()
            .resolve
            .reference(RefKind::Table, &id)
            .map(|r| r.text)
            .unwrap_or_default();
        self.plain.push(&label);
        self.plain.push(" ");
        self.plain.push(caption);
        self.plain.gap();
        let (label, caption) = (escape_html(&label), escape_html(caption));
        self.out.each(|way| {
            let anchor = format!("{}tbl-{id}", way.input.id_prefix);
            Event::Html(
                format!(
                    "<figure class=\"numbered-table\" id=\"{anchor}\" aria-labelledby=\"{anchor}-caption\">\n  \
<figcaption id=\"{anchor}-caption\"><span class=\"figure-label\">{label}</span> {caption}</figcaption>\n  \
<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{anchor}-caption\">"
                )
                .into(),
            )
        });
        self.found.captioned_tables.push(id);
        self.captioned = true;
    }

    fn task_marker(&mut self, done: bool) {
        let label = if done {
            &self.labels.task_done
        } else {
            &self.labels.task_open
        };
        self.out.same(Event::InlineHtml(
            format!(
                "<span class=\"task\" aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{}</span> ",
                if done { "☑" } else { "☐" },
                escape_html(label)
            )
            .into(),
        ));
    }

    /// Raw HTML as the policy lets it through: allowed tags kept, text escaped, the rest refused.
    fn raw_html(&mut self, raw: &str, offset: usize) {
        let mut html_out = String::new();
        for piece in split_raw_html(raw) {
            match piece {
                RawHtmlPiece::Tag(tag) => html_out.push_str(&tag),
                RawHtmlPiece::Comment => {}
                RawHtmlPiece::Text(t) => html_out.push_str(&escape_html(t)),
                RawHtmlPiece::Refused(tag) => {
                    let shown: String = tag.chars().take(60).collect();
                    self.error(Code::RawHtml,
                        offset,
                        (
                            format!("raw HTML is not allowed: `{shown}`"),
                            format!("HTML をそのまま書くことはできません：`{shown}`"),
                        ),
                        Some((
                            "write Markdown instead; only these tags, without attributes, may be written as HTML: <br> <wbr> <sup> <sub> <strong> <em> <b> <i> <u> <s> <small> <mark> <ruby> <rt> <rp> <kbd>",
                            "代わりに Markdown で書いてください。HTML で書けるのは次のタグだけで、属性は付けられません：<br> <wbr> <sup> <sub> <strong> <em> <b> <i> <u> <s> <small> <mark> <ruby> <rt> <rp> <kbd>",
                        )),
                    );
                }
            }
        }
        if !html_out.is_empty() {
            self.out.same(Event::InlineHtml(html_out.into()));
        }
    }

    /// Text: running text is searched for figure references and glossary terms; text in links, headings
    /// and alt text is kept as it is.
    fn text(&mut self, text: CowStr<'a>, offset: usize) {
        // A control character written as a character reference (`&#27;`): refused as one written as itself
        // is when the file is read (see README, "Policies").
        if let Some((_, c)) = crate::diag::first_control(&text) {
            let p = self.position(offset);
            let d = crate::diag::control_error(self.path, p.line, p.column, c, true);
            self.found.errors.push(d);
        }
        if let Some(image) = self.image.as_mut() {
            image.alt.push_str(&text);
        }
        if self.heading.is_some() {
            self.no_reference_in_heading(&text, offset);
        }
        if self.links_open > 0 || self.heading.is_some() || self.image.is_some() {
            self.plain.push(&text);
            self.out.same(Event::Text(text));
        } else {
            self.running_text(text, offset);
        }
    }

    /// The position in the file of a byte offset in the Markdown.
    pub(super) fn position(&self, offset: usize) -> Position {
        let p = self.lines.position(offset);
        Position {
            line: p.line + self.first_line - 1,
            column: p.column,
        }
    }

    /// Records an error at a byte offset in the Markdown: its message and hint, each in English and in
    /// Japanese.
    pub(super) fn error(
        &mut self,
        code: Code,
        offset: usize,
        (message, message_ja): (String, String),
        help: Option<(&str, &str)>,
    ) {
        let mut d = Diagnostic::error(code, self.path, message)
            .at_opt(Some(self.position(offset)))
            .ja(message_ja);
        if let Some((h, h_ja)) = help {
            d = d.with_help(h).ja_help(h_ja);
        }
        self.found.errors.push(d);
    }
}
