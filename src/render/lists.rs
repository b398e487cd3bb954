//! Pages hakusho generates: the case list, the list of figures, the glossary, the sources, the bilingual
//! landing page, the 404 page, robots.txt and the theme's static files; and related cases.

use serde::Serialize;

use rayon::prelude::*;

use super::Env;
use super::context::{alternates, case_card, chapter_cards, chapter_label, source_view, switch, t};
use super::urls::page_path;
use super::views::{
    Card, FigureGroup, FigureRow, GlossaryRow, Link, ListView, PageContext, PageView, SearchView,
};
use crate::diag::Diagnostic;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::output::Sink;

/// The search index's file name inside `<lang>/search/`.
pub(crate) const SEARCH_INDEX_FILE: &str = "search-index.js";

/// Renders the generated pages; returns the number of files written.
pub(crate) fn render_lists(env: &Env<'_>, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
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
    type List = fn(&Env<'_>, Lang) -> ListView;
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
                    let list = list(env, lang);
                    let title = t(env, lang, &format!("{slug}_title"));
                    let html = list_page(env, lang, slug, slug, title, list, None)?;
                    sink.put(&format!("{}index.html", page_path(lang, slug)), html)
                })
                .collect::<Vec<Result<(), Diagnostic>>>()
        },
        || {
            let mut errors = Vec::new();
            let n = super::taxonomy::render_taxonomies(env, sink, &mut errors);
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
                index_url: env
                    .urls
                    .href(&from, &format!("{from}{}", SEARCH_INDEX_FILE)),
                script_url: env.urls.href(&from, "static/search.js"),
            }),
            ..ListView::default()
        };
        match list_page(
            env,
            lang,
            "search",
            "search",
            t(env, lang, "search_title"),
            list,
            None,
        ) {
            Ok(html) => files += put(&format!("{from}index.html"), html, &mut errors),
            Err(e) => errors.push(e),
        }
    }
    match landing(env, "landing.html", "") {
        Ok(html) => files += put("index.html", html.into_bytes(), &mut errors),
        Err(e) => errors.push(e),
    }
    match landing(env, "404.html", "") {
        Ok(html) => files += put("404.html", html.into_bytes(), &mut errors),
        Err(e) => errors.push(e),
    }
    for (path, bytes) in &env.theme.statics {
        files += put(&format!("static/{path}"), bytes.clone(), &mut errors);
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(errors)
    }
}

/// Renders a generated page at `id` (a path under the language, e.g. `figures` or `regions/hyogo`) with
/// the template `<kind>.html`.
pub(crate) fn list_page(
    env: &Env<'_>,
    lang: Lang,
    id: &str,
    kind: &'static str,
    title: String,
    list: ListView,
    crumb: Option<Link>,
) -> Result<Vec<u8>, Diagnostic> {
    let ctx = list_page_context(env, lang, id, kind, title, list, crumb);
    let from = page_path(lang, id);
    let (template, what) = (format!("{kind}.html"), format!("/{from}"));
    env.render_with_site(&template, &ctx, (lang, from.as_str(), None), &what)
}

/// The context of a generated page.
pub(crate) fn list_page_context<'e>(
    env: &Env<'e>,
    lang: Lang,
    id: &str,
    kind: &'static str,
    title: String,
    list: ListView,
    crumb: Option<Link>,
) -> PageContext {
    let from = page_path(lang, id);
    let site_title = env.site.config.title.get(lang);
    let mut breadcrumbs = vec![Link {
        title: site_title.clone(),
        url: env.urls.href(&from, &page_path(lang, "")),
    }];
    breadcrumbs.extend(crumb);
    let description = env
        .theme
        .strings
        .get(lang)
        .get(&format!("{kind}_description"))
        .cloned()
        .unwrap_or_else(|| title.clone());
    let page = PageView {
        kind,
        head_title: format!("{title} | {site_title}"),
        title,
        summary: None,
        description,
        url: env.urls.href(&from, &from),
        canonical: env.urls.absolute(&from),
        content_lang: lang.code(),
        is_fallback: false,
        noindex: false,
        alternates: alternates(env, id, &Lang::ALL),
        switch: switch(env, lang, &from, id),
        breadcrumbs,
        toc: Vec::new(),
        body: String::new(),
        footnotes: String::new(),
        date: None,
        date_iso: None,
        updated: None,
        og_type: "website",
        og_locale: match lang {
            Lang::Ja => "ja_JP",
            Lang::En => "en_US",
        },
    };
    PageContext {
        lang: lang.code(),
        page,
        facts: None,
        case: None,
        chapter: None,
        home: None,
        list: Some(list),
        report: None,
    }
}

fn cases_list(env: &Env<'_>, lang: Lang) -> ListView {
    let from = page_path(lang, "cases");
    ListView {
        chapters: chapter_cards(env, lang, &from),
        ..ListView::default()
    }
}

fn figures_list(env: &Env<'_>, lang: Lang) -> ListView {
    let from = page_path(lang, "figures");
    let mut groups: Vec<FigureGroup> = Vec::new();
    for info in &env.figures.list {
        let heading = match info.chapter {
            Some(n) => {
                let title = env
                    .site
                    .config
                    .chapters
                    .get(n - 1)
                    .and_then(|slug| env.site.page(&format!("chapters/{slug}")))
                    .map(|p| p.doc_for(lang).0.title.clone())
                    .unwrap_or_default();
                format!("{} {title}", chapter_label(env, lang, n))
            }
            None => t(env, lang, "figures_other"),
        };
        let page_title = env
            .site
            .page(&info.page_id)
            .map(|p| p.doc_for(lang).0.title.clone())
            .unwrap_or_default();
        let row = FigureRow {
            label: info.label.get(lang).clone(),
            title: info.title.get(lang).clone(),
            url: env.urls.href(
                &from,
                &format!("{}#fig-{}", page_path(lang, &info.page_id), info.id),
            ),
            page_title,
        };
        match groups.last_mut() {
            Some(g) if g.heading == heading => g.figures.push(row),
            _ => groups.push(FigureGroup {
                heading,
                figures: vec![row],
            }),
        }
    }
    ListView {
        figure_groups: groups,
        ..ListView::default()
    }
}

fn glossary_list(env: &Env<'_>, lang: Lang) -> ListView {
    let mut rows: Vec<GlossaryRow> = env
        .site
        .glossary
        .iter()
        .map(|g| GlossaryRow {
            id: g.id.clone(),
            term: g.term.get(lang).clone(),
            expansion: g.expansion.get(lang).clone(),
            definition: g.definition.get(lang).clone(),
        })
        .collect();
    rows.sort_by_key(|r| r.term.to_lowercase());
    ListView {
        glossary: rows,
        ..ListView::default()
    }
}

fn sources_list(env: &Env<'_>, lang: Lang) -> ListView {
    let from = page_path(lang, "sources");
    let sources = env
        .site
        .sources
        .iter()
        .map(|s| {
            let mut view = source_view(env, lang, s);
            view.cited_by = env
                .site
                .reading_order()
                .into_iter()
                .filter(|p| p.data.sources.contains(&s.id))
                .map(|p| Link {
                    title: p.doc_for(lang).0.title.clone(),
                    url: env.urls.href(&from, &page_path(lang, &p.id)),
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

/// The bilingual landing page and the 404 page: both languages side by side.
#[derive(Serialize)]
struct LandingContext<'a> {
    default_lang: &'static str,
    languages: Vec<LandingLang<'a>>,
    css_url: String,
}

#[derive(Serialize)]
struct LandingLang<'a> {
    lang: &'static str,
    title: String,
    subtitle: Option<String>,
    publisher: String,
    url: String,
    t: &'a std::collections::BTreeMap<String, String>,
}

fn landing(env: &Env<'_>, template: &str, from: &str) -> Result<String, Diagnostic> {
    let default = env.site.config.default_language;
    let order = [default, default.other()];
    let ctx = LandingContext {
        default_lang: default.code(),
        languages: order
            .iter()
            .map(|&lang| LandingLang {
                lang: lang.code(),
                title: env.site.config.title.get(lang).clone(),
                subtitle: env
                    .site
                    .config
                    .subtitle
                    .as_ref()
                    .map(|s| s.get(lang).clone()),
                publisher: env.site.config.publisher.get(lang).clone(),
                url: if template == "404.html" {
                    format!("{}{}", env.urls.base_path(), page_path(lang, ""))
                } else {
                    env.urls.href(from, &page_path(lang, ""))
                },
                t: env.theme.strings.get(lang),
            })
            .collect(),
        css_url: if template == "404.html" {
            format!("{}static/style.css", env.urls.base_path())
        } else {
            env.urls.href(from, "static/style.css")
        },
    };
    env.render(template, &ctx, &format!("/{template}"))
}

/// The related cases of `page` (see [`super::related`]), as cards.
pub(crate) fn related_cases(env: &Env<'_>, page: &Page, lang: Lang, from: &str) -> Vec<Card> {
    let related = env
        .related
        .get_or_init(|| std::sync::Arc::new(super::related::related_cases(env.site)));
    related
        .get(&page.id)
        .map(|ids| {
            ids.iter()
                .filter_map(|id| env.site.page(id))
                .map(|p| case_card(env, p, lang, from))
                .collect()
        })
        .unwrap_or_default()
}
