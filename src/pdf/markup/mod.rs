//! One document's Markdown → Typst markup for the PDF editions, from the same parse and the same rules as
//! its HTML: heading ids that keep Japanese (so `#概要` links work), soft line breaks between Japanese
//! characters dropped, references (`@fig:`, `@tbl:`, …) and glossary terms found the same way, the same
//! raw-HTML tags.
//! Text is always written as string literals (see [`super::escape`]); what the document refers to (other
//! pages, figures, charts, images) is resolved by a [`Targets`].

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Tag, TagEnd};

use super::escape::{LINK_MARK, push_string, push_text};
use crate::markdown::headings::slugify;

use crate::markdown::{GlossaryTerm, IdSet, Piece, RefKind, TermsDone, merge_text, split_text};

/// Where a link leads in the PDF.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Dest {
    /// A place in this PDF, by its Typst label, if the PDF has it; else the address `fallback` (decided
    /// once the edition knows every label it defines).
    Inside {
        /// The label.
        label: String,
        /// The address on the site.
        fallback: String,
    },
    /// Anywhere else: an absolute address.
    Url(String),
}

/// What a document refers to, as the PDF edition it is part of has it.
pub(crate) trait Targets {
    /// The markup of the chart `id` of this page as a figure, if the page has it.
    fn chart(&mut self, id: &str) -> Option<String>;
    /// The markup of the numbered table `id` of this page, if the page has it.
    fn table(&mut self, id: &str) -> Option<String>;
    /// What the reference `@<kind>:<target>` writes (図2-1, 第2章, a heading, 約362社), how many bytes of
    /// the target it used, and where it leads; `None` when it names nothing (the HTML stage reports it).
    fn reference(&self, kind: RefKind, target: &str) -> Option<(String, usize, Dest)>;
    /// Where a link written in the document leads; `None` when it leads nowhere (the HTML stage reports it).
    fn link(&self, url: &str) -> Option<Dest>;
    /// The path in the PDF's files of an image written in the document.
    fn image(&mut self, url: &str) -> Option<String>;
    /// Glossary terms, longest first, and where each is explained in this PDF (if it is).
    fn glossary(&self) -> (&[GlossaryTerm], &HashMap<String, String>);
}

/// How a document is placed in its edition.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Placement<'a> {
    /// The level of the document's title in the PDF (its headings come below it).
    pub title_level: u8,
    /// Levels added to every heading (`##` is level 2 before).
    pub heading_shift: u8,
    /// Prefix of every label of the document (several documents share one PDF).
    pub prefix: &'a str,
    /// Whether its headings are listed in the table of contents (they are bookmarks in any case).
    pub outlined: bool,
    /// The number of the document's first link inside the PDF (links are numbered across the edition).
    pub first_link: usize,
}

/// A document written as Typst markup.
#[derive(Debug, Default)]
pub(crate) struct Written {
    /// The markup.
    pub markup: String,
    /// For stretches of the markup, where they came from in the Markdown: (start in the markup, offset in
    /// the Markdown), in order.
    pub origins: Vec<(usize, usize)>,
    /// Images without alt text (a tagged, accessible PDF needs one): where each was written in the
    /// Markdown, and its target as written.
    pub images_without_alt: Vec<(usize, String)>,
    /// Links inside the PDF, numbered from [`Placement::first_link`]: the label each leads to and the
    /// address on the site if the PDF lacks the label. The markup marks each with its number between
    /// [`LINK_MARK`]s.
    pub inside_links: Vec<(String, String)>,
    /// The labels the markup defines (headings).
    pub labels: Vec<String>,
}

/// Writes `markdown` placed by `placement`.
pub(crate) fn write(
    markdown: &str,
    placement: Placement<'_>,
    targets: &mut dyn Targets,
) -> Written {
    let (body, notes) = footnotes::split_footnotes(merge_text(markdown).collect());
    let mut w = Writer {
        placement,
        targets,
        notes,
        notes_written: HashMap::new(),
        out: Written::default(),
        ids: IdSet::default(),
        glossary_done: TermsDone::default(),
        stack: Vec::new(),
        html: Vec::new(),
        last_level: placement.title_level,
        tables: tables::Captions::new(markdown),
    };
    let (terms, _) = w.targets.glossary();
    w.glossary_done = TermsDone::new(terms);
    w.events(body);
    w.out
}

type Spanned<'m> = (Event<'m>, Range<usize>);

/// How deeply lists, quotes and inline markup nest in the PDF; deeper ones are written flat (Typst parses
/// markup to a limited depth, and no reader follows more).
const MAX_DEPTH: usize = 12;

/// What is open while writing.
#[derive(Debug)]
enum Open {
    /// A heading: the id given with `{#id}`, its text so far.
    Heading { given: Option<String>, text: String },
    /// An image: its target as written, its path (if it resolves), where it was written, its alt text so
    /// far.
    Image {
        dest: String,
        path: Option<String>,
        offset: usize,
        alt: String,
    },
    /// A code block: its info string and text so far.
    Code { info: String, text: String },
    /// A list or enumeration, a table, a table's head: closed with `)`.
    Call,
    /// Anything closed with `]`.
    Bracket,
    /// A link that leads nowhere: its text stays, unlinked.
    Plain,
}

struct Writer<'t, 'm> {
    placement: Placement<'t>,
    targets: &'t mut dyn Targets,
    notes: HashMap<String, Vec<Spanned<'m>>>,
    /// Footnotes written, by label, with their Typst labels (a second reference shows the same note).
    notes_written: HashMap<String, String>,
    out: Written,
    ids: IdSet,
    glossary_done: TermsDone,
    stack: Vec<Open>,
    /// Raw HTML tags open in the current block, with what closes each.
    html: Vec<(String, &'static str)>,
    /// The level of the last heading (headings never skip a level in a tagged PDF).
    last_level: u8,
    /// Caption lines and the tables under them.
    tables: tables::Captions<'m>,
}

impl<'m> Writer<'_, 'm> {
    fn events(&mut self, events: Vec<Spanned<'m>>) {
        for (event, range) in events {
            if self.caption_line(&event, range.clone()) {
                continue;
            }
            self.out.origins.push((self.out.markup.len(), range.start));
            self.event(event, range.start);
        }
        self.close_html();
    }

    fn push(&mut self, s: &str) {
        self.out.markup.push_str(s);
    }

    fn text_out(&mut self, text: &str) {
        // Text inside an image is its alt text; inside a heading it also makes the heading's id.
        for open in self.stack.iter_mut().rev() {
            match open {
                Open::Image { alt, .. } => {
                    alt.push_str(text);
                    return;
                }
                Open::Code { text: code, .. } => {
                    code.push_str(text);
                    return;
                }
                Open::Heading { text: heading, .. } => {
                    heading.push_str(text);
                    break;
                }
                _ => {}
            }
        }
        push_text(&mut self.out.markup, text);
    }

    fn in_image_or_code(&self) -> bool {
        matches!(
            self.stack.last(),
            Some(Open::Image { .. } | Open::Code { .. })
        )
    }

    fn event(&mut self, event: Event<'m>, offset: usize) {
        match event {
            Event::Start(tag) => self.start(tag, offset),
            Event::End(end) => self.end(end),
            Event::Text(text) => {
                if self.in_rp() {
                    // <rp> holds parentheses for browsers without ruby; the PDF adds its own.
                    return;
                }
                if self.in_image_or_code() || self.in_heading() {
                    self.text_out(&text);
                } else {
                    self.running_text(&text);
                }
            }
            Event::Code(code) => {
                if self.in_image_or_code() || self.in_heading() {
                    self.text_out(&code);
                    return;
                }
                self.push("#raw(");
                push_string(&mut self.out.markup, &code);
                self.push(");");
            }
            Event::Html(raw) | Event::InlineHtml(raw) => self.raw_html(&raw),
            Event::SoftBreak => self.text_out(" "),
            Event::HardBreak => self.push("#linebreak();"),
            Event::Rule => self.push("#line(length: 100%)\n\n"),
            Event::FootnoteReference(label) => self.footnote(&label),
            Event::TaskListMarker(done) => self.text_out(if done { "☑ " } else { "☐ " }),
            Event::InlineMath(m) | Event::DisplayMath(m) => self.text_out(&m),
        }
    }

    fn in_rp(&self) -> bool {
        self.html.iter().any(|(name, _)| name == "rp")
    }

    fn in_heading(&self) -> bool {
        self.stack.iter().any(|o| matches!(o, Open::Heading { .. }))
    }

    fn start(&mut self, tag: Tag<'m>, offset: usize) {
        match tag {
            Tag::Paragraph => {}
            Tag::Heading { level, id, .. } => {
                self.close_html();
                let level = self.level(level);
                let outlined = self.placement.outlined;
                self.push(&format!(
                    "#heading(level: {level}, outlined: {outlined}, bookmarked: true)["
                ));
                self.stack.push(Open::Heading {
                    given: id.map(|i| i.to_string()),
                    text: String::new(),
                });
            }
            Tag::BlockQuote(_) if self.too_deep() => self.stack.push(Open::Plain),
            Tag::BlockQuote(_) => {
                self.push("#quote(block: true)[");
                self.stack.push(Open::Bracket);
            }
            Tag::CodeBlock(kind) => {
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.stack.push(Open::Code {
                    info,
                    text: String::new(),
                });
            }
            Tag::List(_) | Tag::Item if self.too_deep() => {
                self.stack.push(Open::Plain);
                self.push(" ");
            }
            Tag::List(start) => {
                match start {
                    Some(n) => self.push(&format!("#enum(start: {n}, ")),
                    None => self.push("#list("),
                }
                self.stack.push(Open::Call);
            }
            Tag::Item => {
                self.push("[");
                self.stack.push(Open::Bracket);
            }
            Tag::Table(align) => self.start_table(&align),
            Tag::TableHead => {
                self.push("table.header(");
                self.stack.push(Open::Call);
            }
            Tag::TableRow => {}
            Tag::TableCell => {
                self.push("[");
                self.stack.push(Open::Bracket);
            }
            Tag::Emphasis => self.open_call("#emph["),
            Tag::Strong => self.open_call("#strong["),
            Tag::Strikethrough => self.open_call("#strike["),
            Tag::Superscript => self.open_call("#super["),
            Tag::Subscript => self.open_call("#sub["),
            Tag::Link { dest_url, .. } => match self.targets.link(&dest_url) {
                Some(dest) if !self.too_deep() => {
                    self.open_link(&dest);
                    self.stack.push(Open::Bracket);
                }
                _ => self.stack.push(Open::Plain),
            },
            Tag::Image { dest_url, .. } => {
                let path = self.targets.image(&dest_url);
                self.stack.push(Open::Image {
                    dest: dest_url.to_string(),
                    path,
                    offset,
                    alt: String::new(),
                });
            }
            Tag::FootnoteDefinition(_)
            | Tag::HtmlBlock
            | Tag::MetadataBlock(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => {}
        }
    }

    fn open_call(&mut self, call: &str) {
        if self.too_deep() {
            self.stack.push(Open::Plain);
            return;
        }
        self.push(call);
        self.stack.push(Open::Bracket);
    }

    /// Whether markup is nested as deeply as it may be.
    fn too_deep(&self) -> bool {
        let open = self
            .stack
            .iter()
            .filter(|o| matches!(o, Open::Call | Open::Bracket))
            .count();
        open + self.html.len() >= MAX_DEPTH
    }

    /// A heading's level in the PDF: shifted, and never more than one below the heading before it.
    fn level(&mut self, level: HeadingLevel) -> u8 {
        let wanted = (level as u8 + self.placement.heading_shift).min(6);
        let level = wanted.min(self.last_level + 1).max(1);
        self.last_level = level;
        level
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Paragraph => {
                self.close_html();
                self.push("\n\n");
            }
            TagEnd::Heading(_) => self.end_heading(),
            TagEnd::CodeBlock => self.end_code(),
            TagEnd::Image => self.end_image(),
            TagEnd::BlockQuote(_) => {
                self.close_html();
                self.pop();
                self.push("\n\n");
            }
            TagEnd::List(_) => {
                self.pop();
                self.push("\n\n");
            }
            TagEnd::Table => self.end_table(),
            TagEnd::Item | TagEnd::TableCell => {
                self.close_html();
                if self.pop() {
                    self.push(", ");
                }
            }
            TagEnd::TableHead => {
                if self.pop() {
                    self.push(", ");
                }
            }
            TagEnd::TableRow
            | TagEnd::FootnoteDefinition
            | TagEnd::HtmlBlock
            | TagEnd::MetadataBlock(_)
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => {}
            TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link => {
                self.pop();
            }
        }
    }

    /// Closes what the last start opened; whether it wrote markup to close.
    fn pop(&mut self) -> bool {
        match self.stack.pop() {
            Some(Open::Call) => self.push(")"),
            Some(Open::Bracket) => self.push("]"),
            _ => return false,
        }
        true
    }

    fn end_heading(&mut self) {
        self.close_html();
        let Some(Open::Heading { given, text, .. }) = self.stack.pop() else {
            return;
        };
        let text = text.trim();
        let wanted = match given.as_deref() {
            Some(g) if !g.trim().is_empty() => slugify(g),
            _ => slugify(text),
        };
        let id = self.ids.unique(wanted);
        self.push("] #label(");
        let label = format!("{}{id}", self.placement.prefix);
        push_string(&mut self.out.markup, &label);
        self.out.labels.push(label);
        self.push(")\n\n");
    }

    /// Opens a link to `dest`; its text follows, then `]`.
    fn open_link(&mut self, dest: &Dest) {
        match dest {
            Dest::Inside { label, fallback } => {
                let n = self.placement.first_link + self.out.inside_links.len();
                self.out
                    .inside_links
                    .push((label.clone(), fallback.clone()));
                self.push(&format!("#link({LINK_MARK}{n}{LINK_MARK})["));
            }
            Dest::Url(url) => {
                self.push("#link(");
                push_string(&mut self.out.markup, url);
                self.push(")[");
            }
        }
    }

    /// Running text: figure references and the first use of each glossary term become links.
    fn running_text(&mut self, text: &str) {
        let (terms, explained) = self.targets.glossary();
        let terms = terms.to_vec();
        let explained = explained.clone();
        for piece in split_text(text, &terms, &mut self.glossary_done) {
            match piece {
                Piece::Text(t) => self.text_out(t),
                Piece::Ref { kind, target, .. } => match self.targets.reference(kind, target) {
                    Some((text, used, dest)) => {
                        self.open_link(&dest);
                        push_text(&mut self.out.markup, &text);
                        self.push("]");
                        if let Some(rest) = target.get(used..).filter(|r| !r.is_empty()) {
                            self.text_out(rest);
                        }
                    }
                    None => self.text_out(&format!("{}{target}", kind.prefix())),
                },
                Piece::Term { index, text } => match explained.get(&terms[index].id) {
                    Some(label) => {
                        self.push("#link(label(");
                        push_string(&mut self.out.markup, label);
                        self.push("))[");
                        push_text(&mut self.out.markup, text);
                        self.push("]");
                    }
                    None => self.text_out(text),
                },
            }
        }
    }
}

mod figures;
mod footnotes;
mod html;
mod tables;

#[cfg(test)]
mod tests;
