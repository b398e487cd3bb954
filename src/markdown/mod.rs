//! Stage 2: one document's Markdown → HTML, plain text, headings, placed charts and link uses.
//!
//! pulldown-cmark parses; the event stream is then adjusted for white papers and for Japanese: heading ids
//! that keep Japanese, footnotes numbered per document with back-links, soft line breaks between Japanese
//! characters dropped, ```` ```chart ```` blocks replaced by figures, `@fig:<id>` references, the first use
//! of each glossary term marked up, and the link and raw-HTML policies enforced (see `policy`).

mod events;
mod footnotes;
pub mod headings;
mod inline;
pub mod policy;

use std::ops::Range;
use std::path::Path;
use std::sync::LazyLock;

use memchr::memmem::Finder;
use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Tag, TagEnd, html};

use crate::diag::{Code, Diagnostic, LineIndex, Position};
use crate::format::escape::escape_html;
use events::{merge_text, shifted};
use footnotes::footnote_ref;
pub use headings::Heading;
use headings::{IdSet, slugify};
use inline::split_text;
use policy::{RawHtmlPiece, refused_url, split_raw_html};

/// Words the Markdown stage writes itself, in the page's language (from the theme's strings).
#[derive(Clone, Debug, Default)]
pub struct Labels {
    /// Label of a footnote's back-link ("本文へ戻る" / "Back to text").
    pub back_to_text: String,
    /// Screen-reader text of a ticked task ("完了" / "done").
    pub task_done: String,
    /// Screen-reader text of an open task ("未完了" / "not done").
    pub task_open: String,
    /// Accessible name of a scrollable table ("表" / "Table").
    pub table: String,
}

/// A glossary term to mark at its first use.
#[derive(Clone, Debug)]
pub struct GlossaryTerm {
    /// The glossary id.
    pub id: String,
    /// The term as written in running text.
    pub term: String,
    /// Its expansion, for `<abbr title>`.
    pub title: String,
    /// Link to its definition.
    pub href: String,
}

/// What the Markdown stage needs from the rest of the site, for one page in one language.
pub trait Resolve {
    /// The `<figure>` HTML of a chart defined in this page's `data.yaml`, or `None` if there is none.
    fn chart(&self, id: &str) -> Option<String>;
    /// The label (図2-1) and href of a figure anywhere in the report.
    fn figure(&self, id: &str) -> Option<(String, String)>;
    /// Where a link or image written in content goes, or why it is broken.
    fn link(&self, url: &str) -> Result<LinkTarget, String>;
    /// Glossary terms to mark, longest first.
    fn glossary(&self) -> &[GlossaryTerm];
    /// Whether every document is on the one page (links to pages of the report go to their
    /// [`LinkTarget::in_report`] ids).
    fn single_page(&self) -> bool;
}

/// One document to render.
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    /// The Markdown.
    pub markdown: &'a str,
    /// The file it came from (for diagnostics).
    pub path: &'a Path,
    /// The file's line on which the Markdown starts.
    pub first_line: usize,
    /// Prefix for heading and footnote ids, so several documents can share a page.
    pub id_prefix: &'a str,
    /// Levels to add to every heading (the whole-report page nests documents under section titles).
    pub heading_shift: u8,
    /// Words written by this stage.
    pub labels: &'a Labels,
}

/// Where a link written in content goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkTarget {
    /// Its href.
    pub href: String,
    /// For a page of the report: the id it has on a page holding every document (the variant then links
    /// there without resolving the link again).
    pub in_report: Option<String>,
}

/// A link written in content, as resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkUse {
    /// The target as written.
    pub written: String,
    /// The href it became.
    pub href: String,
    /// Where it was written.
    pub position: Position,
}

/// The rendered document.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// The body HTML (without footnotes).
    pub html: String,
    /// The footnotes as an `<ol>`, empty when there are none.
    pub footnotes_html: String,
    /// The text without markup, every run of whitespace written as one space (for search and
    /// descriptions).
    pub text: String,
    /// `##` and deeper headings, in order.
    pub headings: Vec<Heading>,
    /// Ids of the charts placed, in order.
    pub charts: Vec<String>,
    /// Ids of the figures referred to with `@fig:`.
    pub figure_refs: Vec<String>,
    /// Ids of the glossary terms marked.
    pub glossary_used: Vec<String>,
    /// Links and images written in the content.
    pub links: Vec<LinkUse>,
    /// Problems that fail the build.
    pub errors: Vec<Diagnostic>,
    /// Problems that do not (an image without alt text).
    pub warnings: Vec<Diagnostic>,
}

/// The Markdown options hakusho uses.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders one document.
pub fn render(input: Input<'_>, resolve: &dyn Resolve) -> Rendered {
    run(input, resolve, None).0
}

/// Renders one document in two ways from a single pass: as `input` and as `variant`, which differs only in
/// its id prefix, heading shift or resolver (a page, and its section of the whole report). The variant's
/// events are the page's with the few that differ replaced (headings, links, images, figures, footnote
/// marks, glossary terms); it keeps only its HTML and footnotes.
pub fn render_pair(
    input: Input<'_>,
    resolve: &dyn Resolve,
    variant: Input<'_>,
    variant_resolve: &dyn Resolve,
) -> (Rendered, Rendered) {
    assert_eq!(
        input.markdown.as_ptr(),
        variant.markdown.as_ptr(),
        "render_pair renders one document"
    );
    let (first, second) = run(input, resolve, Some((variant, variant_resolve)));
    (first, second.unwrap_or_default())
}

fn run<'a>(
    input: Input<'a>,
    resolve: &dyn Resolve,
    variant: Option<(Input<'a>, &dyn Resolve)>,
) -> (Rendered, Option<Rendered>) {
    let mut r = Renderer {
        input,
        resolve,
        variant: variant.map(|(input, resolve)| Variant {
            input,
            resolve,
            patches: Vec::new(),
        }),
        out: Rendered {
            text: String::with_capacity(input.markdown.len()),
            ..Rendered::default()
        },
        ids: IdSet::default(),
        glossary_done: vec![false; resolve.glossary().len()],
        footnotes: Vec::new(),
        footnote_refs: Vec::new(),
        lines: LineIndex::new(input.markdown),
        text_space: false,
    };
    let main = r.transform(merge_text(input.markdown));
    let variant = r.variant.take().map(|mut v| {
        v.patches.sort_by_key(|(i, _)| *i);
        let mut html_out = String::with_capacity(input.markdown.len() * 3 / 2);
        html::push_html(
            &mut html_out,
            patched(&main, std::mem::take(&mut v.patches)),
        );
        Rendered {
            html: html_out,
            footnotes_html: r.footnotes_html(Some(&v)),
            ..Rendered::default()
        }
    });
    let mut html_out = String::with_capacity(input.markdown.len() * 3 / 2);
    html::push_html(&mut html_out, main.into_iter());
    r.out.html = html_out;
    r.out.footnotes_html = r.footnotes_html(None);
    r.finish_footnotes();
    (r.out, variant)
}

/// `events` with the events at the patches' indices replaced (patches sorted by index). The others are
/// lent, not copied (see [`lent`]).
fn patched<'e, 'a>(
    events: &'e [Event<'a>],
    patches: Vec<(usize, Event<'a>)>,
) -> impl Iterator<Item = Event<'e>> + 'e
where
    'a: 'e,
{
    let mut patches = patches.into_iter().peekable();
    events.iter().enumerate().map(move |(i, event)| {
        let mut replaced = None;
        while let Some((_, e)) = patches.next_if(|(at, _)| *at == i) {
            replaced = Some(e);
        }
        replaced.unwrap_or_else(|| lent(event))
    })
}

/// The same event with its text borrowed from `event` (a clone would copy each merged run of text).
fn lent<'e>(event: &'e Event<'_>) -> Event<'e> {
    let lend = |s: &'e CowStr<'_>| CowStr::Borrowed(s.as_ref());
    match event {
        Event::Text(t) => Event::Text(lend(t)),
        Event::Code(t) => Event::Code(lend(t)),
        Event::Html(t) => Event::Html(lend(t)),
        Event::InlineHtml(t) => Event::InlineHtml(lend(t)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type: *link_type,
            dest_url: lend(dest_url),
            title: lend(title),
            id: lend(id),
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type: *link_type,
            dest_url: lend(dest_url),
            title: lend(title),
            id: lend(id),
        }),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) if classes.is_empty() && attrs.is_empty() => Event::Start(Tag::Heading {
            level: *level,
            id: id.as_ref().map(lend),
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        other => other.clone(),
    }
}

/// The second way of rendering a document (see [`render_pair`]).
struct Variant<'a, 'r> {
    input: Input<'a>,
    resolve: &'r dyn Resolve,
    /// Events of the variant that differ from the page's, by index in the page's events.
    patches: Vec<(usize, Event<'a>)>,
}

pub(crate) struct Renderer<'a, 'r> {
    input: Input<'a>,
    resolve: &'r dyn Resolve,
    /// The variant rendered alongside, if any.
    variant: Option<Variant<'a, 'r>>,
    out: Rendered,
    ids: IdSet,
    glossary_done: Vec<bool>,
    /// Footnote definitions: label, rendered events and the variant's patches to them.
    footnotes: Vec<Footnote<'a>>,
    /// Footnote labels in order of first reference, with how many times each was referenced.
    footnote_refs: Vec<(String, usize)>,
    /// Line starts of the Markdown, for positions.
    lines: LineIndex<'a>,
    /// Whether the plain text wants a space before its next word.
    text_space: bool,
}

/// A footnote's definition, as rendered.
struct Footnote<'a> {
    label: String,
    events: Vec<Event<'a>>,
    /// The variant's patches, by index in `events`.
    patches: Vec<(usize, Event<'a>)>,
}

/// Bytes that may start a whitespace character in UTF-8 (see [`whitespace_len`]).
const MAY_START_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let starts: [u8; 10] = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// The length in bytes of the whitespace character at the start of `bytes` (as `char::is_whitespace`), or 0.
fn whitespace_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] => 3,
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] => 3,
        [0xE2, 0x81, 0x9F, ..] => 3,
        [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// Bytes that may start a whitespace character other than a space, or be part of a run of them: a text
/// without them, double spaces, an ideographic space and spaces at its ends is already collapsed.
const MAY_START_OTHER_WHITESPACE: [bool; 256] = {
    let mut table = MAY_START_WHITESPACE;
    table[b' ' as usize] = false;
    table[0xE3] = false;
    table
};

/// Whether `text` is one word or words between single spaces, so that [`Renderer::push_text`] keeps it as
/// it is (most running text): one pass the compiler vectorises rules out everything else; only text with a
/// suspect byte is looked at closely.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(b' '), _) | (_, Some(b' ')) => return false,
        (None, _) => return true,
        _ => {}
    }
    // Suspect: a byte that may start other whitespace, two spaces, or the start of U+3000 (E3 80 80).
    let suspect = |b: u8| (b < 0x20) | (b == 0xC2) | (b == 0xE1) | (b == 0xE2);
    let triples = bytes
        .iter()
        .zip(&bytes[1..])
        .zip(bytes.get(2..).unwrap_or_default());
    let flagged = triples.fold(false, |any, ((&b, &b1), &b2)| {
        any | suspect(b)
            | ((b == b' ') & (b1 == b' '))
            | ((b == 0xE3) & (b1 == 0x80) & (b2 == 0x80))
    });
    // The last two bytes start no triple (and end in no space, see above).
    let tail = &bytes[bytes.len().saturating_sub(2)..];
    if !flagged && !tail.iter().any(|&b| suspect(b)) {
        return true;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if MAY_START_OTHER_WHITESPACE[b as usize] && whitespace_len(&bytes[i..]) > 0 {
            return false;
        }
    }
    static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"  "));
    static IDEOGRAPHIC_SPACE: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new("\u{3000}".as_bytes()));
    DOUBLE_SPACE.find(bytes).is_none() && IDEOGRAPHIC_SPACE.find(bytes).is_none()
}

/// Where the transformer is, for what text may become.
#[derive(Default, Clone, Copy)]
struct Context {
    link: usize,
    heading: bool,
    image: bool,
}

impl<'a> Renderer<'a, '_> {
    fn position(&self, offset: usize) -> Position {
        let p = self.lines.position(offset);
        Position {
            line: p.line + self.input.first_line - 1,
            column: p.column,
        }
    }

    fn error(&mut self, code: Code, offset: usize, message: String, help: Option<&str>) {
        let mut d =
            Diagnostic::error(code, self.input.path, message).at_opt(Some(self.position(offset)));
        if let Some(h) = help {
            d = d.with_help(h);
        }
        self.out.errors.push(d);
    }

    /// Adds running text to the plain text, whitespace runs as one space.
    fn push_text(&mut self, text: &str) {
        // Text next to inline markup often starts or ends with a space (`The **bold** text`).
        let inner = text.trim_matches(' ');
        if is_collapsed(inner) {
            if text.starts_with(' ') {
                self.text_gap();
            }
            self.push_word(inner);
            if text.ends_with(' ') {
                self.text_gap();
            }
            return;
        }
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !MAY_START_WHITESPACE[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let len = whitespace_len(&bytes[i..]);
            if len == 0 {
                i += 1;
                continue;
            }
            self.push_word(&text[start..i]);
            self.text_gap();
            i += len;
            start = i;
        }
        self.push_word(&text[start..]);
    }

    fn push_word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if std::mem::take(&mut self.text_space) && !self.out.text.is_empty() {
            self.out.text.push(' ');
        }
        self.out.text.push_str(word);
    }

    /// A break in the plain text (between blocks, at line breaks): one space before the next word.
    fn text_gap(&mut self) {
        self.text_space = true;
    }

    fn transform(
        &mut self,
        events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
    ) -> Vec<Event<'a>> {
        // About one event for every 12 bytes of Markdown.
        let mut out: Vec<Event<'a>> = Vec::with_capacity(self.input.markdown.len() / 12 + 16);
        let mut ctx = Context::default();
        let mut heading_start: Option<(usize, HeadingLevel)> = None;
        let mut footnote: Option<(String, usize)> = None;
        let mut code_block: Option<(String, Range<usize>, String)> = None;
        let mut image_alt: Option<(String, usize, String)> = None;
        for (event, range) in events {
            if let Some((_, _, body)) = code_block.as_mut() {
                match event {
                    Event::Text(t) => {
                        body.push_str(&t);
                        continue;
                    }
                    Event::End(TagEnd::CodeBlock) => {
                        let (info, start, body) = code_block.take().unwrap_or_default();
                        self.code_block(&mut out, &info, start, body);
                        continue;
                    }
                    _ => continue,
                }
            }
            match event {
                Event::Start(Tag::Heading { level, id, .. }) => {
                    ctx.heading = true;
                    heading_start = Some((out.len(), level));
                    out.push(Event::Start(Tag::Heading {
                        level: shifted(level, self.input.heading_shift),
                        id,
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    }));
                }
                Event::End(TagEnd::Heading(level)) => {
                    ctx.heading = false;
                    if let Some((start, level)) = heading_start.take() {
                        self.finish_heading(&mut out, start, level);
                    }
                    out.push(Event::End(TagEnd::Heading(shifted(
                        level,
                        self.input.heading_shift,
                    ))));
                    self.patch(out.len() - 1, |v| {
                        Event::End(TagEnd::Heading(shifted(level, v.input.heading_shift)))
                    });
                    self.text_gap();
                }
                Event::Start(Tag::FootnoteDefinition(label)) => {
                    footnote = Some((label.to_string(), out.len()));
                }
                Event::End(TagEnd::FootnoteDefinition) => {
                    if let Some((label, start)) = footnote.take() {
                        let events: Vec<Event<'a>> = out.drain(start..).collect();
                        let patches = match self.variant.as_mut() {
                            // Patches are made in order, those of the note last.
                            Some(v) => {
                                let note = v.patches.partition_point(|(i, _)| *i < start);
                                let mut inside = v.patches.split_off(note);
                                inside.iter_mut().for_each(|(i, _)| *i -= start);
                                inside
                            }
                            None => Vec::new(),
                        };
                        self.footnotes.push(Footnote {
                            label,
                            events,
                            patches,
                        });
                    }
                }
                Event::FootnoteReference(label) => {
                    let (n, k) = self.footnote_number(&label);
                    out.push(footnote_ref(self.input.id_prefix, n, k));
                    self.patch(out.len() - 1, |v| footnote_ref(v.input.id_prefix, n, k));
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let info = match kind {
                        CodeBlockKind::Fenced(info) => info.to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    code_block = Some((info, range, String::new()));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    ctx.link += 1;
                    self.push_target(&mut out, &dest_url, range.start, |dest_url| Tag::Link {
                        link_type,
                        dest_url,
                        title: title.clone(),
                        id: id.clone(),
                    });
                }
                Event::End(TagEnd::Link) => {
                    ctx.link = ctx.link.saturating_sub(1);
                    out.push(Event::End(TagEnd::Link));
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    ctx.image = true;
                    self.push_target(&mut out, &dest_url, range.start, |dest_url| Tag::Image {
                        link_type,
                        dest_url,
                        title: title.clone(),
                        id: id.clone(),
                    });
                    image_alt = Some((dest_url.to_string(), range.start, String::new()));
                }
                Event::End(TagEnd::Image) => {
                    ctx.image = false;
                    if let Some((dest, offset, alt)) = image_alt.take() {
                        if alt.trim().is_empty() {
                            let d = Diagnostic::warning(Code::MissingAltText,
                                self.input.path,
                                format!("the image `{dest}` has no alt text"),
                            )
                            .at_opt(Some(self.position(offset)))
                            .with_help("describe the image in the brackets: ![神戸医療産業都市の航空写真](photo.jpg)");
                            self.out.warnings.push(d);
                        }
                    }
                    out.push(Event::End(TagEnd::Image));
                }
                Event::Start(Tag::Table(align)) => {
                    out.push(Event::Html(
                        format!(
                            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\">",
                            escape_html(&self.input.labels.table)
                        )
                        .into(),
                    ));
                    out.push(Event::Start(Tag::Table(align)));
                }
                Event::End(TagEnd::Table) => {
                    out.push(Event::End(TagEnd::Table));
                    out.push(Event::Html("</div>\n".into()));
                }
                Event::TaskListMarker(done) => {
                    let label = if done {
                        &self.input.labels.task_done
                    } else {
                        &self.input.labels.task_open
                    };
                    out.push(Event::InlineHtml(
                        format!(
                            "<span class=\"task\" aria-hidden=\"true\">{}</span><span class=\"visually-hidden\">{}</span> ",
                            if done { "☑" } else { "☐" },
                            escape_html(label)
                        )
                        .into(),
                    ));
                }
                Event::Html(raw) | Event::InlineHtml(raw) => {
                    let html = self.raw_html(&raw, range.start);
                    if !html.is_empty() {
                        out.push(Event::InlineHtml(html.into()));
                    }
                }
                Event::Text(text) => {
                    if let Some((_, _, alt)) = image_alt.as_mut() {
                        alt.push_str(&text);
                    }
                    self.push_text(&text);
                    if ctx.link > 0 || ctx.heading || ctx.image {
                        out.push(Event::Text(text));
                    } else {
                        self.text(&mut out, text, range.start);
                    }
                }
                Event::Code(code) => {
                    self.push_text(&code);
                    out.push(Event::Code(code));
                }
                Event::End(
                    end @ (TagEnd::Paragraph
                    | TagEnd::Item
                    | TagEnd::TableCell
                    | TagEnd::BlockQuote(_)),
                ) => {
                    self.text_gap();
                    out.push(Event::End(end));
                }
                Event::SoftBreak | Event::HardBreak => {
                    self.text_gap();
                    out.push(event);
                }
                other => out.push(other),
            }
        }
        out
    }

    /// Records that the variant shows what `make` returns in place of the page's event at index `at`.
    fn patch(&mut self, at: usize, make: impl FnOnce(&Variant<'a, '_>) -> Event<'a>) {
        if let Some(v) = self.variant.as_mut() {
            let event = make(v);
            v.patches.push((at, event));
        }
    }

    /// Gives the heading starting at `out[start]` its id and records it for the table of contents.
    fn finish_heading(&mut self, out: &mut [Event<'a>], start: usize, tag_level: HeadingLevel) {
        let level = tag_level as u8;
        let mut text: String = out[start + 1..]
            .iter()
            .filter_map(|e| match e {
                Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                _ => None,
            })
            .collect();
        if text.trim().len() != text.len() {
            text = text.trim().to_string();
        }
        if let Event::Start(Tag::Heading { id, .. }) = &mut out[start] {
            let wanted = match id.as_deref() {
                Some(given) if !given.trim().is_empty() => slugify(given),
                _ => slugify(&text),
            };
            let unique_id = self.ids.unique(wanted);
            let unique = [self.input.id_prefix, &unique_id].concat();
            *id = Some(unique.clone().into());
            self.patch(start, |v| {
                Event::Start(Tag::Heading {
                    level: shifted(tag_level, v.input.heading_shift),
                    id: Some([v.input.id_prefix, &unique_id].concat().into()),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                })
            });
            if level >= 2 {
                self.out.headings.push(Heading {
                    level,
                    id: unique,
                    text,
                });
            }
        }
    }

    fn code_block(
        &mut self,
        out: &mut Vec<Event<'a>>,
        info: &str,
        range: Range<usize>,
        body: String,
    ) {
        let mut words = info.split_whitespace();
        if words.next() != Some("chart") {
            let lang = info.split_whitespace().next().unwrap_or("");
            let class = if lang.is_empty() {
                String::new()
            } else {
                format!(" class=\"language-{}\"", escape_html(lang))
            };
            self.push_text(&body);
            out.push(Event::Html(
                format!("<pre><code{class}>{}</code></pre>\n", escape_html(&body)).into(),
            ));
            return;
        }
        let id = words
            .next()
            .map(str::to_string)
            .unwrap_or_else(|| body.trim().to_string());
        if id.is_empty() || id.contains(char::is_whitespace) {
            self.error(
                Code::ChartPlacement,
                range.start,
                "a chart block must hold exactly one chart id".into(),
                Some("write ```chart, then the chart's id on its own line, then ```"),
            );
            return;
        }
        if self.out.charts.contains(&id) {
            self.error(
                Code::ChartPlacement,
                range.start,
                format!("the chart `{id}` is placed twice on this page"),
                Some("place each chart once; refer to it elsewhere with @fig:<id>"),
            );
            return;
        }
        match self.resolve.chart(&id) {
            Some(figure) => {
                out.push(Event::Html(figure.into()));
                self.patch(out.len() - 1, |v| {
                    Event::Html(v.resolve.chart(&id).unwrap_or_default().into())
                });
                self.out.charts.push(id);
            }
            None => self.error(Code::ChartPlacement,
                range.start,
                format!("there is no chart `{id}` in this page's data.yaml"),
                Some("define it under `charts:` in the data.yaml next to this file, or correct the id"),
            ),
        }
    }

    /// Pushes the start of a link or image (`tag` given its target), its target resolved for the page and,
    /// as a patch, for the variant.
    fn push_target(
        &mut self,
        out: &mut Vec<Event<'a>>,
        written: &str,
        offset: usize,
        tag: impl Fn(CowStr<'a>) -> Tag<'a>,
    ) {
        let dest = self.target(written, offset);
        self.patch(out.len(), |v| {
            Event::Start(tag(variant_target(v.resolve, written, &dest).into()))
        });
        out.push(Event::Start(tag(dest.0.into())));
    }

    /// Checks and resolves a link or image target; also says whether it is inside the report (and where
    /// on a page holding every document).
    fn target(&mut self, url: &str, offset: usize) -> (String, Option<Option<String>>) {
        if let Some(why) = refused_url(url) {
            self.error(Code::RefusedLink,
                offset,
                format!("{why}: `{url}`"),
                Some("link with https://, http://, mailto: or tel:, or to a page of the report (/cases/kobe/)"),
            );
            return ("#".to_string(), None);
        }
        let external = ["http:", "https:", "mailto:", "tel:"].iter().any(|s| {
            url.get(..s.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(s))
        });
        if external {
            return (url.to_string(), None);
        }
        match self.resolve.link(url) {
            Ok(LinkTarget { href, in_report }) => {
                self.out.links.push(LinkUse {
                    written: url.to_string(),
                    href: href.clone(),
                    position: self.position(offset),
                });
                (href, Some(in_report))
            }
            Err(why) => {
                self.error(
                    Code::BrokenLink,
                    offset,
                    format!("broken link `{url}`: {why}"),
                    None,
                );
                ("#".to_string(), Some(None))
            }
        }
    }

    fn raw_html(&mut self, raw: &str, offset: usize) -> String {
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
                        format!("raw HTML is not allowed: `{shown}`"),
                        Some("write Markdown instead; only these tags, without attributes, may be written as HTML: <br> <wbr> <sup> <sub> <strong> <em> <b> <i> <u> <s> <small> <mark> <ruby> <rt> <rp> <kbd>"),
                    );
                }
            }
        }
        html_out
    }

    /// Running text: figure references and glossary terms become links, the rest stays text.
    fn text(&mut self, out: &mut Vec<Event<'a>>, text: CowStr<'a>, offset: usize) {
        self.undefined_footnotes(&text, offset);
        if inline::is_plain(&text, &self.glossary_done) {
            // Nothing to mark up: the text goes on as it came, without a copy.
            out.push(Event::Text(text));
            return;
        }
        let glossary = self.resolve.glossary();
        let pieces = split_text(&text, glossary, &mut self.glossary_done);
        if let [inline::Piece::Text(t)] = pieces.as_slice() {
            if t.len() == text.len() {
                // Nothing to mark up: the text goes on as it came, without a copy.
                out.push(Event::Text(text));
                return;
            }
        }
        for piece in pieces {
            match piece {
                inline::Piece::Text(t) => out.push(Event::Text(t.to_string().into())),
                inline::Piece::FigureRef { id, at } => match self.resolve.figure(id) {
                    Some(figure) => {
                        self.out.figure_refs.push(id.to_string());
                        out.push(figure_ref(Some(figure), id));
                        self.patch(out.len() - 1, |v| figure_ref(v.resolve.figure(id), id));
                    }
                    None => {
                        self.error(
                            Code::BrokenReference,
                            offset + at,
                            format!("the figure reference @fig:{id} names no chart"),
                            Some("use the id of a chart defined in a data.yaml of this report"),
                        );
                        out.push(Event::Text(format!("@fig:{id}").into()));
                    }
                },
                inline::Piece::Term { index, text } => {
                    self.out.glossary_used.push(glossary[index].id.clone());
                    out.push(term_use(glossary.get(index), text));
                    self.patch(out.len() - 1, |v| {
                        term_use(v.resolve.glossary().get(index), text)
                    });
                }
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

/// A link or image target for the variant, given what it became for the page: refused and external
/// targets stay as they are, targets inside the report are resolved by the variant (broken ones as `#`).
/// The variant's target of a link whose target on the page is `page_dest` (see [`Renderer::target`]).
fn variant_target(
    resolve: &dyn Resolve,
    written: &str,
    page_dest: &(String, Option<Option<String>>),
) -> String {
    match page_dest {
        (dest, None) => dest.clone(),
        (_, Some(Some(in_report))) if resolve.single_page() => ["#", in_report].concat(),
        (_, Some(_)) => resolve
            .link(written)
            .map(|t| t.href)
            .unwrap_or_else(|_| "#".to_string()),
    }
}

#[cfg(test)]
mod tests;
