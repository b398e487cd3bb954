//! Pieces of views that several pages build the same way: facts, key figures, sources, language alternates
//! and switch, chapter cards and links.

use super::citations;
use super::context::Context;
use super::deps::Deps;
use super::urls::page_path;
use super::views::{
    Alternate, ChapterCard, ChapterLink, FactsView, KeyFigureView, LangSwitch, SourceView,
    TimelineView,
};
use crate::format::number::format_quantity;
use crate::model::data::{KeyFigure, TimelineEntry};
use crate::model::date::PartialDate;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::site::Source;

/// `hreflang` alternates for a page that exists in `langs`; `x-default` is the default language's.
pub(crate) fn alternates(ctx: &Context<'_>, page_id: &str, langs: &[Lang]) -> Vec<Alternate> {
    let mut out: Vec<Alternate> = langs
        .iter()
        .map(|l| Alternate {
            hreflang: l.code(),
            href: ctx.urls.absolute(&page_path(*l, page_id)),
        })
        .collect();
    let default = ctx.site.config.default_language;
    let x_default = if langs.contains(&default) {
        default
    } else {
        langs[0]
    };
    out.push(Alternate {
        hreflang: "x-default",
        href: ctx.urls.absolute(&page_path(x_default, page_id)),
    });
    out
}

/// The language switch to the same page (or generated page) in the other language.
pub(crate) fn switch(ctx: &Context<'_>, lang: Lang, from: &str, page_id: &str) -> LangSwitch {
    let other = lang.other();
    LangSwitch {
        url: ctx.urls.href(from, &page_path(other, page_id)),
        lang: other.code(),
        label: other.native_name().to_string(),
        sections: None,
    }
}

/// A key figure of `page` for display on the page at site path `from`.
pub(crate) fn key_figure(
    ctx: &Context<'_>,
    lang: Lang,
    from: &str,
    page: &Page,
    k: &KeyFigure,
) -> KeyFigureView {
    let page_dir = page_path(lang, &page.id);
    let sources = citations::short(ctx, lang, &k.sources, |id| {
        ctx.urls.href(from, &format!("{page_dir}#hk-source-{id}"))
    });
    KeyFigureView {
        label: k.label.get(lang).clone(),
        value: format_quantity(k.value, lang, k.scale, k.unit.get(lang), k.qualifier),
        as_of: k.as_of.as_ref().map(|a| a.get(lang).clone()),
        source: citations::joined(ctx, lang, &sources),
        source_url: sources.first().map(|s| s.url.clone()).unwrap_or_default(),
        sources,
        page: None,
        anchor: Some(format!("kf-{}", k.id)),
    }
}

/// A source for display.
pub(crate) fn source_view(ctx: &Context<'_>, lang: Lang, s: &Source) -> SourceView {
    SourceView {
        citation: citations::written(ctx, lang, "citation", s),
        anchor: format!("hk-source-{}", s.id),
        title: s.title.get(lang).clone(),
        issuer: s.issuer.get(lang).clone(),
        year: s.year,
        url: s.url.clone(),
        cited_by: Vec::new(),
    }
}

/// A timeline date for `<time datetime>`: as precise as the date is.
pub(crate) fn datetime(date: PartialDate) -> String {
    let (y, m, day) = date.first_day();
    match date {
        PartialDate::Year(_) | PartialDate::FiscalYear(_) => format!("{y:04}"),
        PartialDate::Month(..) => format!("{y:04}-{m:02}"),
        PartialDate::Day(..) => format!("{y:04}-{m:02}-{day:02}"),
    }
}

/// A timeline entry, its sources linked to `#<anchor prefix><source id>`.
pub(crate) fn timeline_entry(
    ctx: &Context<'_>,
    lang: Lang,
    e: &TimelineEntry,
    anchor_prefix: &str,
) -> TimelineView {
    let sources = citations::short(ctx, lang, &e.sources, |id| format!("#{anchor_prefix}{id}"));
    TimelineView {
        date: ctx.date(lang, e.date),
        datetime: datetime(e.date),
        text: e.text.get(lang).clone(),
        source: citations::joined(ctx, lang, &sources),
        source_url: sources.first().map(|s| s.url.clone()).unwrap_or_default(),
        sources,
    }
}

/// Key figures, timeline and sources of a page, if it has any.
pub(crate) fn facts_view(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
) -> Option<FactsView> {
    let d = &page.data;
    if d.key_figures.is_empty() && d.timeline.is_empty() && d.sources.is_empty() {
        return None;
    }
    Some(FactsView {
        key_figures: d
            .key_figures
            .iter()
            .map(|k| key_figure(ctx, lang, from, page, k))
            .collect(),
        timeline: d
            .timeline
            .iter()
            .map(|e| timeline_entry(ctx, lang, e, "hk-source-"))
            .collect(),
        sources: d
            .sources
            .iter()
            .filter_map(|id| ctx.site.source(id))
            .map(|s| source_view(ctx, lang, s))
            .collect(),
    })
}

/// Chapters with their cases, for the cover and the case list, as seen from `from`.
pub(crate) fn chapter_cards(
    ctx: &Context<'_>,
    lang: Lang,
    from: &str,
    deps: &mut Deps,
) -> Vec<ChapterCard> {
    let origin = ctx.urls.origin(from);
    ctx.site
        .chapters()
        .into_iter()
        .map(|(n, chapter)| {
            ctx.listing(&chapter.id, deps);
            let (doc, doc_lang) = chapter.doc_for(lang);
            ChapterCard {
                label: ctx.chapter_label(lang, n),
                title: doc.title.clone(),
                summary: doc.summary.clone().unwrap_or_default(),
                url: ctx.urls.href(from, &page_path(lang, &chapter.id)),
                cases: ctx
                    .cases_of(chapter.slug(), deps)
                    .into_iter()
                    .map(|c| ctx.card(c, lang, origin, deps))
                    .collect(),
                lang: doc_lang.code(),
            }
        })
        .collect()
}

/// The chapter `slug` as a link from `from`.
pub(crate) fn chapter_link_of(
    ctx: &Context<'_>,
    lang: Lang,
    from: &str,
    slug: &str,
    deps: &mut Deps,
) -> Option<ChapterLink> {
    let n = ctx.site.chapter_number(slug)?;
    let page = ctx.listing(&format!("chapters/{slug}"), deps)?;
    Some(ChapterLink {
        label: ctx.chapter_label(lang, n),
        title: page.doc_for(lang).0.title.clone(),
        url: ctx.urls.href(from, &page_path(lang, &page.id)),
    })
}

/// The chapter slug a page belongs to (for marking the navigation).
pub(crate) fn chapter_of(page: &Page) -> Option<&str> {
    match page.kind {
        PageKind::Chapter => Some(page.slug()),
        PageKind::Case => page.data.case.as_ref().map(|c| c.chapter.as_str()),
        _ => None,
    }
}

/// The number of the chapter a page belongs to (its header marks it).
pub(crate) fn chapter_number_of(ctx: &Context<'_>, page: &Page) -> Option<usize> {
    chapter_of(page).and_then(|slug| ctx.site.chapter_number(slug))
}
