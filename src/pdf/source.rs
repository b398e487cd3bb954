//! The Typst source of one edition: calls of the layout's functions (see `themes/default/pdf/layout.typ`)
//! with the report's data as string literals, and each document's Markdown as markup.

use super::escape::{push_string, push_text};
use super::links;
use super::markup::{self, Placement, Written};
use super::placed::Placed;
use super::targets::{
    DocTargets, Edition, FIGURES_LABEL, GLOSSARY_LABEL, SOURCES_LABEL, glossary_label, push_array,
    source_label,
};
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::render::urls::doc_prefix;
use crate::render::{key_figure, source_view, timeline_entry};

/// An edition's main file and what it needs besides.
#[derive(Default)]
pub(crate) struct Main {
    pub text: String,
    /// Each document's place in `text`.
    pub placed: Vec<Placed>,
    /// Images the documents show: (path in the PDF's files, path below `content/`).
    pub images: Vec<(String, String)>,
    /// Images without alt text: (page id, language of the document, offset in its Markdown, target).
    pub images_without_alt: Vec<(String, Lang, usize, String)>,
    /// Links inside the PDF: (label, address on the site), by number (see [`Written::inside_links`]).
    links: Vec<(String, String)>,
    /// Every label the edition defines.
    labels: std::collections::HashSet<String>,
}

impl Main {
    fn call(&mut self, name: &str, args: &[(&str, Arg<'_>)]) {
        self.text.push('#');
        self.text.push_str(name);
        self.text.push('(');
        for (key, value) in args {
            self.text.push_str(key);
            self.text.push_str(": ");
            match value {
                Arg::Str(s) => push_string(&mut self.text, s),
                Arg::Raw(r) => self.text.push_str(r),
                Arg::None => self.text.push_str("none"),
            }
            self.text.push_str(", ");
        }
        self.text.push_str(")\n\n");
    }

    /// A heading with a label, in markup.
    fn heading(&mut self, level: u8, text: &str, label: &str) {
        self.labels.insert(label.to_string());
        self.text.push_str(&format!("#heading(level: {level})["));
        push_text(&mut self.text, text);
        self.text.push_str("] #label(");
        push_string(&mut self.text, label);
        self.text.push_str(")\n\n");
    }

    /// A document's Markdown, as markup.
    fn document(&mut self, edition: &Edition<'_>, page: &Page, placement: Placement<'_>) {
        let (doc, doc_lang) = page.doc_for(edition.lang);
        let mut targets = DocTargets {
            edition,
            page,
            images: Vec::new(),
            figures: Vec::new(),
        };
        let placement = Placement {
            first_link: self.links.len(),
            ..placement
        };
        let Written {
            markup,
            origins,
            images_without_alt,
            inside_links,
            labels,
        } = markup::write(&doc.body, placement, &mut targets);
        self.images.append(&mut targets.images);
        self.links.extend(inside_links);
        self.labels.extend(labels);
        self.labels.extend(targets.figures);
        self.images_without_alt.extend(
            images_without_alt
                .into_iter()
                .map(|(at, dest)| (page.id.clone(), doc_lang, at, dest)),
        );
        let foreign = doc_lang != edition.lang;
        if foreign {
            self.text
                .push_str(&format!("#text(lang: \"{}\")[", doc_lang.code()));
        }
        self.placed.push(Placed {
            start: self.text.len(),
            len: markup.len(),
            page: page.id.clone(),
            doc_lang,
            origins,
        });
        self.text.push_str(&markup);
        if foreign {
            self.text.push(']');
        }
        self.text.push_str("\n\n");
    }
}

/// An argument of a layout call.
enum Arg<'a> {
    /// A string literal.
    Str(&'a str),
    /// Typst code as it is (made here, never from content).
    Raw(String),
    /// `none`.
    None,
}

fn opt(s: Option<&String>) -> Arg<'_> {
    s.map_or(Arg::None, |s| Arg::Str(s))
}

/// The main file of the edition of `pages` (the whole report when `whole`).
pub(crate) fn main(edition: &Edition<'_>, pages: &[&Page]) -> Main {
    let ctx = edition.ctx;
    let lang = edition.lang;
    let cfg = &ctx.site.config;
    let mut m = Main::default();
    m.text.push_str("#import \"/layout.typ\": *\n");
    let title = cfg.title.get(lang);
    let running = if edition.whole {
        title.clone()
    } else {
        pages
            .first()
            .map(|p| p.doc_for(lang).0.title.clone())
            .unwrap_or_default()
    };
    m.text.push_str("#show: edition.with(");
    for (key, value) in [
        ("lang", lang.code()),
        ("title", document_title(edition, pages).as_str()),
        ("running", running.as_str()),
        ("author", cfg.publisher.get(lang).as_str()),
    ] {
        m.text.push_str(key);
        m.text.push_str(": ");
        push_string(&mut m.text, value);
        m.text.push_str(", ");
    }
    m.text
        .push_str(&format!("title-page: {})\n\n", edition.whole));
    let date = ctx
        .site
        .page("")
        .and_then(|cover| cover.doc_for(lang).0.date)
        .map(|d| ctx.date(lang, d));
    if edition.whole {
        m.call(
            "title-page",
            &[
                ("title", Arg::Str(title)),
                ("subtitle", opt(cfg.subtitle.as_ref().map(|s| s.get(lang)))),
                ("publisher", Arg::Str(cfg.publisher.get(lang))),
                ("date", opt(date.as_ref())),
            ],
        );
        m.call(
            "contents",
            &[("title", Arg::Str(&ctx.t(lang, "toc_title")))],
        );
    }
    for page in pages {
        page_section(&mut m, edition, page);
    }
    if edition.whole {
        back_matter(&mut m, edition);
    }
    m.text = links::resolve(
        &std::mem::take(&mut m.text),
        &m.links,
        &m.labels,
        &mut m.placed,
    );
    m
}

/// The PDF's title: the report's, or for a case the case's and the report's.
fn document_title(edition: &Edition<'_>, pages: &[&Page]) -> String {
    let title = edition.ctx.site.config.title.get(edition.lang);
    match (edition.whole, pages.first()) {
        (false, Some(page)) => format!("{} | {title}", page.doc_for(edition.lang).0.title),
        _ => title.clone(),
    }
}

/// One page of the report: its title, lead, facts, text and sources.
fn page_section(m: &mut Main, edition: &Edition<'_>, page: &Page) {
    let ctx = edition.ctx;
    let lang = edition.lang;
    let (doc, doc_lang) = page.doc_for(lang);
    // In the whole report chapters (and the cover and other pages) are level 1 and cases level 2; in a
    // case's own PDF the case is level 1.
    let title_level = if edition.whole && page.kind == PageKind::Case {
        2
    } else {
        1
    };
    let title = match page.kind {
        PageKind::Home => ctx.t(lang, "pdf_introduction"),
        PageKind::Chapter => match ctx.site.chapter_number(page.slug()) {
            Some(n) => format!("{}　{}", ctx.chapter_label(lang, n), doc.title),
            None => doc.title.clone(),
        },
        _ => doc.title.clone(),
    };
    if !edition.whole && page.kind == PageKind::Case {
        let chapter = page.data.case.as_ref().and_then(|c| {
            let n = ctx.site.chapter_number(&c.chapter)?;
            let chapter = ctx.site.page(&format!("chapters/{}", c.chapter))?;
            Some(format!(
                "{}　{}",
                ctx.chapter_label(lang, n),
                chapter.doc_for(lang).0.title
            ))
        });
        m.call(
            "kicker",
            &[
                ("report", Arg::Str(ctx.site.config.title.get(lang))),
                ("chapter", opt(chapter.as_ref())),
            ],
        );
    }
    if edition.whole && page.kind == PageKind::Case {
        m.call("case-start", &[]);
    }
    m.heading(title_level, &title, &Edition::top_label(&page.id));
    if doc_lang != lang {
        m.call(
            "notice",
            &[("text-content", Arg::Str(&ctx.t(lang, "fallback_notice")))],
        );
    }
    let mut meta = Vec::new();
    if let Some(case) = &page.data.case
        && let Some(loc) = &case.location
    {
        let colon = if lang == Lang::Ja { "：" } else { ": " };
        meta.push(format!(
            "{}{colon}{}",
            ctx.t(lang, "location_label"),
            loc.get(lang)
        ));
    }
    if page.kind != PageKind::Home {
        let mut args = vec![("summary", opt(doc.summary.as_ref()))];
        let meta_array = {
            let mut s = String::new();
            push_array(&mut s, &meta);
            s
        };
        args.push(("meta", Arg::Raw(meta_array)));
        m.call("lead", &args);
    }
    facts(m, edition, page);
    let placement = Placement {
        title_level,
        heading_shift: title_level - 1,
        prefix: &doc_prefix(&page.id),
        outlined: !edition.whole,
        first_link: 0,
    };
    m.document(edition, page, placement);
    if !page.data.sources.is_empty() && !edition.whole {
        page_sources(m, edition, page);
    }
}

/// Key figures and timeline of a page.
fn facts(m: &mut Main, edition: &Edition<'_>, page: &Page) {
    let ctx = edition.ctx;
    let lang = edition.lang;
    let from = crate::render::urls::page_path(lang, &page.id);
    if !page.data.key_figures.is_empty() {
        let mut items = String::from("(");
        for k in &page.data.key_figures {
            let view = key_figure(ctx, lang, &from, page, k);
            items.push_str("(label: ");
            push_string(&mut items, &view.label);
            items.push_str(", value: ");
            push_string(&mut items, &view.value);
            if let Some(as_of) = &view.as_of {
                items.push_str(", as-of: ");
                push_string(&mut items, as_of);
            }
            items.push_str(", source: ");
            push_string(&mut items, &view.source);
            items.push_str("), ");
        }
        items.push(')');
        m.call(
            "key-figures",
            &[
                ("title", Arg::Str(&ctx.t(lang, "key_figures_title"))),
                ("items", Arg::Raw(items)),
            ],
        );
    }
    if !page.data.timeline.is_empty() {
        let mut items = String::from("(");
        for e in &page.data.timeline {
            items.push_str("(date: ");
            push_string(&mut items, &ctx.date(lang, e.date));
            items.push_str(", text: ");
            push_string(&mut items, e.text.get(lang));
            items.push_str(", source: ");
            push_string(&mut items, &timeline_entry(ctx, lang, e, "").source);
            items.push_str("), ");
        }
        items.push(')');
        m.call(
            "timeline",
            &[
                ("title", Arg::Str(&ctx.t(lang, "timeline_title"))),
                ("items", Arg::Raw(items)),
            ],
        );
    }
}

/// The sources of one page (a case's own PDF).
fn page_sources(m: &mut Main, edition: &Edition<'_>, page: &Page) {
    let ctx = edition.ctx;
    let sources: Vec<_> = page
        .data
        .sources
        .iter()
        .filter_map(|id| ctx.site.source(id))
        .collect();
    m.call(
        "sources",
        &[
            ("title", Arg::Str(&ctx.t(edition.lang, "sources_heading"))),
            ("items", Arg::Raw(source_items(edition, &sources))),
        ],
    );
}

fn source_items(edition: &Edition<'_>, sources: &[&crate::model::site::Source]) -> String {
    let mut items = String::from("(");
    for s in sources {
        let view = source_view(edition.ctx, edition.lang, s);
        items.push_str("(citation: ");
        push_string(&mut items, &view.citation);
        items.push_str(", anchor: ");
        push_string(&mut items, &source_label(&s.id));
        if let Some(url) = &view.url {
            items.push_str(", url: ");
            push_string(&mut items, url);
        }
        items.push_str("), ");
    }
    items.push(')');
    items
}

/// The list of figures, the glossary and the sources, after the report's pages.
fn back_matter(m: &mut Main, edition: &Edition<'_>) {
    let ctx = edition.ctx;
    let lang = edition.lang;
    if !ctx.figures.list.is_empty() {
        m.labels.insert(FIGURES_LABEL.to_string());
        m.text.push_str("#figures-list(title: ");
        push_string(&mut m.text, &ctx.t(lang, "figures_title"));
        m.text.push_str(", anchor: ");
        push_string(&mut m.text, FIGURES_LABEL);
        m.text.push_str(")\n\n");
    }
    if !ctx.site.glossary.is_empty() {
        let mut entries: Vec<_> = ctx.site.glossary.iter().collect();
        entries.sort_by_key(|g| g.term.get(lang).to_lowercase());
        let mut items = String::from("(");
        for g in entries {
            items.push_str("(term: ");
            push_string(&mut items, g.term.get(lang));
            items.push_str(", expansion: ");
            push_string(&mut items, g.expansion.get(lang));
            items.push_str(", definition: ");
            push_string(&mut items, g.definition.get(lang));
            items.push_str(", anchor: ");
            push_string(&mut items, &glossary_label(&g.id));
            items.push_str("), ");
        }
        items.push(')');
        m.labels.insert(GLOSSARY_LABEL.to_string());
        m.call(
            "glossary",
            &[
                ("title", Arg::Str(&ctx.t(lang, "glossary_title"))),
                ("anchor", Arg::Str(GLOSSARY_LABEL)),
                ("items", Arg::Raw(items)),
            ],
        );
    }
    let sources: Vec<_> = ctx.site.sources.iter().collect();
    if !sources.is_empty() {
        m.heading(1, &ctx.t(lang, "sources_title"), SOURCES_LABEL);
        m.call(
            "sources",
            &[
                ("title", Arg::None),
                ("items", Arg::Raw(source_items(edition, &sources))),
            ],
        );
    }
}
