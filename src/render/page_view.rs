//! The typed view of one content page in one language: what `home.html`, `chapter.html`, `case.html` and
//! `page.html` receive. Pure: reads the context, records what it reads of other pages.

use super::context::Context;
use super::deps::Deps;
use super::meta_views::{CiteView, PageMeta};
use super::page_meta::{citation_meta, json_ld};
use super::pieces::{alternates, chapter_cards, chapter_link_of, key_figure, switch};
use super::reading_nav::{page_nav, section_map};
use super::terms::term_url;
use super::urls::page_path;
use super::views::{CaseView, ChapterView, HomeView, LangSwitch, Link, PageView, TermGroup};
use crate::markdown::Rendered;
use crate::markdown::headings::outline;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::taxonomy::TaxonomyKind;

/// The template name of a page kind (without `.html`), also `page.kind` in templates.
pub(crate) fn kind_name(kind: PageKind) -> &'static str {
    match kind {
        PageKind::Home => "home",
        PageKind::Chapter => "chapter",
        PageKind::Case => "case",
        PageKind::Other => "page",
    }
}

/// The page itself: titles, addresses, languages, breadcrumbs, table of contents and body (taken from `md`).
pub(crate) fn page_view(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    md: &mut Rendered,
    cite: Option<CiteView>,
    deps: &mut Deps,
) -> PageView {
    let (doc, doc_lang) = page.doc_for(lang);
    let is_fallback = doc_lang != lang;
    let from = page_path(lang, &page.id);
    let site_title = ctx.site.config.title.get(lang);
    let title = match page.kind {
        PageKind::Home => site_title.clone(),
        _ => doc.title.clone(),
    };
    let head_title = if page.kind == PageKind::Home {
        site_title.clone()
    } else {
        format!("{title} | {site_title}")
    };
    let description = doc.summary.clone().unwrap_or_else(|| {
        md.text
            .chars()
            .take(120)
            .collect::<String>()
            .trim()
            .to_string()
    });
    let langs_present: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| page.docs.get(*l).is_some())
        .collect();
    let canonical_lang = if is_fallback { doc_lang } else { lang };
    PageView {
        kind: kind_name(page.kind),
        title,
        head_title,
        summary: doc.summary.clone(),
        url: ctx.urls.href(&from, &from),
        canonical: ctx.urls.absolute(&page_path(canonical_lang, &page.id)),
        content_lang: doc_lang.code(),
        is_fallback,
        is_draft: doc.draft,
        noindex: is_fallback || doc.draft,
        alternates: if is_fallback {
            Vec::new()
        } else {
            alternates(ctx, &page.id, &langs_present)
        },
        switch: LangSwitch {
            sections: page
                .docs
                .get(lang.other())
                .as_ref()
                .filter(|_| !is_fallback)
                .map(|other| section_map(&md.headings, &outline(&other.body))),
            ..switch(ctx, lang, &from, &page.id)
        },
        breadcrumbs: breadcrumbs(ctx, page, lang, &from, deps),
        toc: md
            .headings
            .iter()
            .filter(|h| h.level <= 3)
            .cloned()
            .collect(),
        body: std::mem::take(&mut md.html),
        footnotes: std::mem::take(&mut md.footnotes_html),
        date: doc.date.map(|d| ctx.date(lang, d)),
        date_iso: doc.date.map(|d| {
            let (y, m, day) = d.first_day();
            format!("{y:04}-{m:02}-{day:02}")
        }),
        updated: doc.updated.map(|d| ctx.date(lang, d)),
        og_type: if page.kind == PageKind::Home {
            "website"
        } else {
            "article"
        },
        og_locale: match lang {
            Lang::Ja => "ja_JP",
            Lang::En => "en_US",
        },
        pdf: super::pdf_links::for_page(ctx, page, lang, &from),
        meta: PageMeta {
            cite,
            tags: citation_meta(ctx, page, lang),
            json_ld: Some(json_ld(ctx, page, lang, &description)),
            og_image: Some(super::cards::og_image(ctx, Some(page), lang)),
        },
        description,
        nav: Some(page_nav(ctx, page, lang, &from, deps)),
    }
}

/// From the cover down to the page's parent: the cover, and for a case its chapter.
fn breadcrumbs(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
    deps: &mut Deps,
) -> Vec<Link> {
    let mut crumbs = Vec::new();
    if page.kind != PageKind::Home {
        crumbs.push(Link {
            title: ctx.site.config.title.get(lang).clone(),
            url: ctx.urls.href(from, &page_path(lang, "")),
        });
    }
    if page.kind == PageKind::Case {
        let chapter = page
            .data
            .case
            .as_ref()
            .and_then(|c| chapter_link_of(ctx, lang, from, &c.chapter, deps));
        if let Some(ch) = chapter {
            crumbs.push(Link {
                title: format!("{} {}", ch.label, ch.title),
                url: ch.url,
            });
        }
    }
    crumbs
}

/// What a case page adds: location, chapter, taxonomy terms and related cases.
pub(crate) fn case_view(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
    deps: &mut Deps,
) -> CaseView {
    let info = page.data.case.as_ref();
    let terms = TaxonomyKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let keys = info?.keys(kind);
            if keys.is_empty() {
                return None;
            }
            let terms = keys
                .iter()
                .filter_map(|k| ctx.site.taxonomies.term(kind, k))
                .map(|term| Link {
                    title: term.label.get(lang).clone(),
                    url: ctx.urls.href(from, &term_url(lang, kind, &term.key)),
                })
                .collect();
            Some(TermGroup {
                name: ctx.t(lang, &format!("taxonomy_{}", kind.key())),
                terms,
            })
        })
        .collect();
    let origin = ctx.urls.origin(from);
    CaseView {
        location: info
            .and_then(|c| c.location.as_ref())
            .map(|l| l.get(lang).clone()),
        chapter: info.and_then(|c| chapter_link_of(ctx, lang, from, &c.chapter, deps)),
        terms,
        related: ctx
            .related(page, deps)
            .into_iter()
            .map(|p| ctx.card(p, lang, origin, deps))
            .collect(),
    }
}

/// What a chapter page adds: its label and its cases.
pub(crate) fn chapter_view(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
    deps: &mut Deps,
) -> ChapterView {
    let origin = ctx.urls.origin(from);
    ChapterView {
        label: ctx.chapter_label(lang, ctx.site.chapter_number(page.slug()).unwrap_or(0)),
        cases: ctx
            .cases_of(page.slug(), deps)
            .into_iter()
            .map(|c| ctx.card(c, lang, origin, deps))
            .collect(),
    }
}

/// What the cover adds: the key figures chosen in site.yaml and the chapters with their cases.
pub(crate) fn home_view(ctx: &Context<'_>, lang: Lang, from: &str, deps: &mut Deps) -> HomeView {
    HomeView {
        key_figures: ctx
            .site
            .config
            .cover_figures
            .iter()
            .filter_map(|r| {
                let p = ctx.listing(&r.page, deps)?;
                let k = p.data.key_figures.iter().find(|k| k.id == r.id)?;
                let mut view = key_figure(ctx, lang, from, p, k);
                view.anchor = None;
                view.page = Some(Link {
                    title: p.doc_for(lang).0.title.clone(),
                    url: ctx.urls.href(from, &page_path(lang, &p.id)),
                });
                Some(view)
            })
            .collect(),
        chapters: chapter_cards(ctx, lang, from, deps),
        map: super::japan_map::map_view(ctx, lang, from, deps),
    }
}
