//! Pages hakusho generates: the case list, the list of figures, the glossary, the sources, the search page,
//! the bilingual landing page, the 404 page and the theme's static files (taxonomy pages: see `taxonomy`).

use serde::Serialize;

use rayon::prelude::*;

use super::context::Context;
use super::deps::Deps;
use super::figures::FigureInfo;
use super::list_page::list_page;
use super::pieces::{chapter_cards, source_view};
use super::urls::page_path;
use super::views::{CitedBy, FigureGroup, FigureRow, GlossaryRow, ListView, SearchView};
use crate::diag::Diagnostic;
use crate::model::citation::Citation;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::site::GlossaryEntry;
use crate::output::Sink;

/// The search index's file name inside `<lang>/search/`.
pub(crate) const SEARCH_INDEX_FILE: &str = "search-index.js";

/// Renders the generated pages; returns the number of files written.
pub(crate) fn render_lists(ctx: &Context<'_>, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut files = 0;
    let put = |path: &str, bytes: Vec<u8>, errors: &mut Vec<Diagnostic>| match sink.put(path, bytes)
    {
        Ok(()) => 1,
        Err(e) => {
            errors.push(e);
            0
        }
    };
    // The lists (a large site's list of cases is long) and the taxonomy pages are rendered in parallel.
    type List = fn(&Context<'_>, Lang) -> ListView;
    let kinds: [(&str, List); 4] = [
        ("cases", cases_list),
        ("figures", figures_list),
        ("glossary", glossary_list),
        ("sources", sources_list),
    ];
    let jobs: Vec<(Lang, &str, List)> = Lang::ALL
        .into_iter()
        .flat_map(|lang| kinds.map(|(slug, list)| (lang, slug, list)))
        .collect();
    let (lists, taxonomies) = rayon::join(
        || {
            jobs.par_iter()
                .map(|&(lang, slug, list)| {
                    let list = list(ctx, lang);
                    let title = ctx.t(lang, &format!("{slug}_title"));
                    let html = list_page(ctx, lang, slug, slug, title, list, None)?;
                    sink.put(&format!("{}index.html", page_path(lang, slug)), html)
                })
                .collect::<Vec<Result<(), Diagnostic>>>()
        },
        || {
            let mut errors = Vec::new();
            let n = super::taxonomy::render_taxonomies(ctx, sink, &mut errors);
            (n, errors)
        },
    );
    for result in lists {
        match result {
            Ok(()) => files += 1,
            Err(e) => errors.push(e),
        }
    }
    files += taxonomies.0;
    errors.extend(taxonomies.1);
    for lang in Lang::ALL {
        let from = page_path(lang, "search");
        let list = ListView {
            search: Some(SearchView {
                index_url: ctx
                    .urls
                    .href(&from, &format!("{from}{}", SEARCH_INDEX_FILE)),
                script_url: ctx.urls.href(&from, "static/search.js"),
            }),
            ..ListView::default()
        };
        match list_page(
            ctx,
            lang,
            "search",
            "search",
            ctx.t(lang, "search_title"),
            list,
            None,
        ) {
            Ok(html) => files += put(&format!("{from}index.html"), html, &mut errors),
            Err(e) => errors.push(e),
        }
    }
    match landing(ctx, "landing.html", "") {
        Ok(html) => files += put("index.html", html.into_bytes(), &mut errors),
        Err(e) => errors.push(e),
    }
    match landing(ctx, "404.html", "") {
        Ok(html) => files += put("404.html", html.into_bytes(), &mut errors),
        Err(e) => errors.push(e),
    }
    for (path, bytes) in &ctx.theme.statics {
        files += put(&format!("static/{path}"), bytes.clone(), &mut errors);
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

fn cases_list(ctx: &Context<'_>, lang: Lang) -> ListView {
    let from = page_path(lang, "cases");
    ListView {
        chapters: chapter_cards(ctx, lang, &from, &mut Deps::new(false)),
        ..ListView::default()
    }
}

fn figures_list(ctx: &Context<'_>, lang: Lang) -> ListView {
    let from = page_path(lang, "figures");
    // Chapters in order, then what is outside chapters; figures and tables each in their number order.
    let mut groups: std::collections::BTreeMap<usize, FigureGroup> = Default::default();
    let kinds = [(&ctx.figures.list, "fig"), (&ctx.figures.tables, "tbl")];
    for (list, anchor) in kinds {
        for info in list {
            let group = groups
                .entry(info.chapter.unwrap_or(usize::MAX))
                .or_insert_with(|| FigureGroup {
                    heading: group_heading(ctx, lang, info.chapter),
                    figures: Vec::new(),
                    tables: Vec::new(),
                });
            let page_title = ctx
                .site
                .page(&info.page_id)
                .map(|p| p.doc_for(lang).0.title.clone())
                .unwrap_or_default();
            let row = FigureRow {
                label: info.label.get(lang).clone(),
                title: info.title.get(lang).clone(),
                url: ctx.urls.href(
                    &from,
                    &format!("{}#{anchor}-{}", page_path(lang, &info.page_id), info.id),
                ),
                page_title,
                home_url: (anchor == "fig").then(|| {
                    ctx.urls
                        .href(&from, &super::figure::figure_dir(lang, &info.id))
                }),
            };
            match anchor {
                "fig" => group.figures.push(row),
                _ => group.tables.push(row),
            }
        }
    }
    ListView {
        figure_groups: groups.into_values().collect(),
        ..ListView::default()
    }
}

/// 第2章 地域の拠点, or the heading of what is outside chapters.
fn group_heading(ctx: &Context<'_>, lang: Lang, chapter: Option<usize>) -> String {
    match chapter {
        Some(n) => {
            let title = ctx
                .site
                .config
                .chapters
                .get(n - 1)
                .and_then(|slug| ctx.site.page(&format!("chapters/{slug}")))
                .map(|p| p.doc_for(lang).0.title.clone())
                .unwrap_or_default();
            format!("{} {title}", ctx.chapter_label(lang, n))
        }
        None => ctx.t(lang, "figures_other"),
    }
}

fn glossary_list(ctx: &Context<'_>, lang: Lang) -> ListView {
    let mut entries: Vec<_> = ctx.site.glossary.iter().collect();
    entries.sort_by_cached_key(|g| glossary_sort_key(g, lang));
    let rows = entries
        .into_iter()
        .map(|g| GlossaryRow {
            id: g.id.clone(),
            term: g.term.get(lang).clone(),
            expansion: g.expansion.get(lang).clone(),
            definition: g.definition.get(lang).clone(),
        })
        .collect();
    ListView {
        glossary: rows,
        ..ListView::default()
    }
}

/// Where a glossary entry goes: English pages by the English term, ignoring case; Japanese pages in 五十音
/// order by the `reading` (else the term), katakana read as hiragana, terms in Latin letters first
/// (A–Z, ignoring case), as Japanese indexes order them.
fn glossary_sort_key(g: &GlossaryEntry, lang: Lang) -> (bool, String, String) {
    let term = g.term.get(lang);
    let text = match lang {
        Lang::Ja => g.reading.as_deref().unwrap_or(term),
        Lang::En => term,
    };
    let key: String = text
        .chars()
        .filter(|c| !matches!(c, 'ー' | '・' | '「' | '」' | ' ' | '　'))
        .map(|c| match c {
            'ァ'..='ヶ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let kana_first = key.chars().next().is_some_and(|c| !c.is_ascii());
    (kana_first, key, g.id.clone())
}

fn sources_list(ctx: &Context<'_>, lang: Lang) -> ListView {
    let from = page_path(lang, "sources");
    let sources = ctx
        .site
        .sources
        .iter()
        .map(|s| {
            let mut view = source_view(ctx, lang, s);
            view.cited_by = ctx
                .site
                .reading_order()
                .into_iter()
                .filter(|p| p.data.sources.contains(&s.id))
                .map(|p| CitedBy {
                    title: p.doc_for(lang).0.title.clone(),
                    url: ctx.urls.href(&from, &page_path(lang, &p.id)),
                    what: citing(ctx, lang, p, &s.id),
                })
                .collect();
            view
        })
        .collect();
    ListView {
        sources,
        ..ListView::default()
    }
}

/// What on `page` cites the source `id`: figures and tables by number, key figures by label, timeline
/// entries by date, each with the place in the source when given.
fn citing(ctx: &Context<'_>, lang: Lang, page: &Page, id: &str) -> Vec<String> {
    let d = &page.data;
    let cited = |cites: &[Citation], what: String| -> Vec<String> {
        cites
            .iter()
            .filter(|c| c.source == id)
            .map(|c| match &c.locator {
                Some(l) => format!("{what} {}", l.written(lang)),
                None => what.clone(),
            })
            .collect()
    };
    let label =
        |info: Option<&FigureInfo>| info.map(|i| i.label.get(lang).clone()).unwrap_or_default();
    let mut out = Vec::new();
    for c in &d.charts {
        out.extend(cited(&c.sources, label(ctx.figures.get(&c.id))));
    }
    for t in &d.tables {
        out.extend(cited(&t.sources, label(ctx.figures.table(&t.id))));
    }
    for k in &d.key_figures {
        out.extend(cited(&k.sources, k.label.get(lang).clone()));
    }
    for e in &d.timeline {
        out.extend(cited(&e.sources, ctx.date(lang, e.date)));
    }
    out
}

/// The bilingual landing page and the 404 page: both languages side by side.
#[derive(Serialize)]
struct LandingContext<'a> {
    default_lang: &'static str,
    languages: Vec<LandingLang<'a>>,
    css_url: String,
    /// Link to the favicon.
    favicon_url: String,
    /// The cover's summary in the default language (or the subtitle), for `<meta name="description">`.
    description: String,
    /// The absolute address of the landing page.
    canonical: String,
    /// The 404 page of a `--relative-links` build: the stylesheet written into the page, and the base path
    /// its links lead to when a host serves it (see [`landing`]).
    inline_css: Option<String>,
    base_path: Option<String>,
}

#[derive(Serialize)]
struct LandingLang<'a> {
    lang: &'static str,
    title: String,
    subtitle: Option<String>,
    publisher: String,
    url: String,
    /// The cover's absolute address, for `hreflang` links.
    absolute: String,
    identity: super::identity::IdentityView,
    t: &'a std::collections::BTreeMap<String, String>,
}

///
/// A host serves the 404 page for a missing address at any depth, so its links cannot be relative to where
/// it is. With absolute links they start from the base path. With `--relative-links` (a site opened from
/// disk, or put on a host) its stylesheet is written into the page, its links are relative to the output
/// root (where `404.html` is, so they work from disk), and a line of script makes them start from the base
/// path of `base_url` when the page comes from a web server.
fn landing(ctx: &Context<'_>, template: &str, from: &str) -> Result<String, Diagnostic> {
    let not_found = template == "404.html";
    let absolute = not_found && !ctx.urls.is_relative();
    let default = ctx.site.config.default_language;
    let order = [default, default.other()];
    let is_404 = template == "404.html";
    let favicon_url = if is_404 {
        format!("{}static/favicon.svg", ctx.urls.base_path())
    } else {
        ctx.urls.href(from, "static/favicon.svg")
    };
    let cfg = &ctx.site.config;
    let description = ctx
        .site
        .page("")
        .and_then(|p| p.doc_for(default).0.summary.clone())
        .or_else(|| cfg.subtitle.as_ref().map(|s| s.get(default).clone()))
        .unwrap_or_else(|| cfg.title.get(default).clone());
    let view = LandingContext {
        default_lang: default.code(),
        languages: order
            .iter()
            .map(|&lang| LandingLang {
                lang: lang.code(),
                title: ctx.site.config.title.get(lang).clone(),
                subtitle: ctx
                    .site
                    .config
                    .subtitle
                    .as_ref()
                    .map(|s| s.get(lang).clone()),
                publisher: ctx.site.config.publisher.get(lang).clone(),
                url: if absolute {
                    format!("{}{}", ctx.urls.base_path(), page_path(lang, ""))
                } else {
                    ctx.urls.href(from, &page_path(lang, ""))
                },
                absolute: ctx.urls.absolute(&page_path(lang, "")),
                identity: super::identity::identity_view(
                    ctx.site,
                    ctx.theme,
                    ctx.urls,
                    lang,
                    ctx.urls.origin(from),
                ),
                t: ctx.theme.strings.get(lang),
            })
            .collect(),
        css_url: if absolute {
            format!("{}static/style.css", ctx.urls.base_path())
        } else {
            ctx.urls.href(from, "static/style.css")
        },
        favicon_url,
        description,
        canonical: ctx.urls.absolute(from),
        inline_css: (not_found && ctx.urls.is_relative())
            .then(|| {
                let (_, css) = ctx.theme.statics.iter().find(|(p, _)| p == "style.css")?;
                Some(String::from_utf8_lossy(css).replace("</", "<\\/"))
            })
            .flatten(),
        base_path: (not_found && ctx.urls.is_relative()).then(|| ctx.urls.base_path().to_string()),
    };
    ctx.render(template, &view, &format!("/{template}"))
}
