//! Building the pieces of a page's view that several pages share: the site header and navigation, facts,
//! case cards, chapter labels, language alternates.

use super::Env;
use super::strings::fill;
use super::urls::page_path;
use super::views::{
    Alternate, Card, CaseCard, ChapterCard, ChapterLink, FactsView, KeyFigureView, LangSwitch,
    NavItem, SiteLinks, SiteView, SourceView, TimelineView,
};
use crate::format::date::format_date;
use crate::format::number::format_quantity;
use crate::model::data::KeyFigure;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::site::Source;

/// A UI string, or the key itself if the theme lacks it (the theme loader fills gaps from the other language).
pub(crate) fn t(env: &Env<'_>, lang: Lang, key: &str) -> String {
    env.theme
        .strings
        .get(lang)
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// 第2章 / Chapter 2.
pub(crate) fn chapter_label(env: &Env<'_>, lang: Lang, number: usize) -> String {
    fill(
        &t(env, lang, "chapter_label"),
        &[("n", &number.to_string())],
    )
}

/// The header, navigation and footer data, with links from `from`.
pub(crate) fn site_view(
    env: &Env<'_>,
    lang: Lang,
    from: &str,
    current_chapter: Option<&str>,
) -> SiteView {
    let cfg = &env.site.config;
    let root = page_path(lang, "");
    let href = |to: &str| env.urls.href(from, to);
    let chapters = env
        .site
        .chapters()
        .into_iter()
        .map(|(n, p)| NavItem {
            label: chapter_label(env, lang, n),
            title: p.doc_for(lang).0.title.clone(),
            url: href(&page_path(lang, &p.id)),
            current: current_chapter == Some(p.slug()),
        })
        .collect();
    SiteView {
        title: cfg.title.get(lang).clone(),
        subtitle: cfg.subtitle.as_ref().map(|s| s.get(lang).clone()),
        publisher: cfg.publisher.get(lang).clone(),
        home_url: href(&root),
        landing_url: href(""),
        css_url: href("static/style.css"),
        static_url: href("static/"),
        chapters,
        links: SiteLinks {
            cases: href(&format!("{root}cases/")),
            figures: href(&format!("{root}figures/")),
            glossary: href(&format!("{root}glossary/")),
            sources: href(&format!("{root}sources/")),
            regions: href(&format!("{root}regions/")),
            fields: href(&format!("{root}fields/")),
            programmes: href(&format!("{root}programmes/")),
            search: href(&format!("{root}search/")),
            report: href(&format!("{root}report/")),
            feed: href(&format!("{root}feed.xml")),
        },
    }
}

/// `hreflang` alternates for a page that exists in `langs`; `x-default` is the default language's.
pub(crate) fn alternates(env: &Env<'_>, page_id: &str, langs: &[Lang]) -> Vec<Alternate> {
    let mut out: Vec<Alternate> = langs
        .iter()
        .map(|l| Alternate {
            hreflang: l.code(),
            href: env.urls.absolute(&page_path(*l, page_id)),
        })
        .collect();
    let default = env.site.config.default_language;
    let x_default = if langs.contains(&default) {
        default
    } else {
        langs[0]
    };
    out.push(Alternate {
        hreflang: "x-default",
        href: env.urls.absolute(&page_path(x_default, page_id)),
    });
    out
}

/// The language switch to the same page (or generated page) in the other language.
pub(crate) fn switch(env: &Env<'_>, lang: Lang, from: &str, page_id: &str) -> LangSwitch {
    let other = lang.other();
    LangSwitch {
        url: env.urls.href(from, &page_path(other, page_id)),
        lang: other.code(),
        label: other.native_name().to_string(),
    }
}

/// A short name for a source: 文部科学省（2023） / MEXT (2023).
pub(crate) fn source_short(env: &Env<'_>, lang: Lang, id: &str) -> String {
    match env.site.source(id) {
        Some(s) => fill(
            &t(env, lang, "source_short"),
            &[
                ("issuer", s.issuer.get(lang)),
                ("year", &s.year.to_string()),
            ],
        ),
        None => id.to_string(),
    }
}

/// A key figure for display.
pub(crate) fn key_figure(
    env: &Env<'_>,
    lang: Lang,
    from: &str,
    page: &Page,
    k: &KeyFigure,
) -> KeyFigureView {
    KeyFigureView {
        label: k.label.get(lang).clone(),
        value: format_quantity(k.value, lang, k.scale, k.unit.get(lang), k.qualifier),
        as_of: k.as_of.as_ref().map(|a| a.get(lang).clone()),
        source: source_short(env, lang, &k.source),
        source_url: env.urls.href(
            from,
            &format!("{}#hk-source-{}", page_path(lang, &page.id), k.source),
        ),
        page: None,
    }
}

/// A source for display.
pub(crate) fn source_view(env: &Env<'_>, lang: Lang, s: &Source) -> SourceView {
    SourceView {
        citation: fill(
            &t(env, lang, "citation"),
            &[
                ("issuer", s.issuer.get(lang)),
                ("title", s.title.get(lang)),
                ("year", &s.year.to_string()),
            ],
        ),
        anchor: format!("hk-source-{}", s.id),
        title: s.title.get(lang).clone(),
        issuer: s.issuer.get(lang).clone(),
        year: s.year,
        url: s.url.clone(),
        cited_by: Vec::new(),
    }
}

/// Key figures, timeline and sources of a page, if it has any.
pub(crate) fn facts_view(env: &Env<'_>, page: &Page, lang: Lang, from: &str) -> Option<FactsView> {
    let d = &page.data;
    if d.key_figures.is_empty() && d.timeline.is_empty() && d.sources.is_empty() {
        return None;
    }
    Some(FactsView {
        key_figures: d
            .key_figures
            .iter()
            .map(|k| key_figure(env, lang, from, page, k))
            .collect(),
        timeline: d
            .timeline
            .iter()
            .map(|e| {
                let (y, m, day) = e.date.first_day();
                TimelineView {
                    date: format_date(e.date, lang),
                    datetime: match e.date {
                        crate::model::date::PartialDate::Year(_)
                        | crate::model::date::PartialDate::FiscalYear(_) => format!("{y:04}"),
                        crate::model::date::PartialDate::Month(..) => format!("{y:04}-{m:02}"),
                        crate::model::date::PartialDate::Day(..) => {
                            format!("{y:04}-{m:02}-{day:02}")
                        }
                    },
                    text: e.text.get(lang).clone(),
                    source: source_short(env, lang, &e.source),
                    source_url: format!("#hk-source-{}", e.source),
                }
            })
            .collect(),
        sources: d
            .sources
            .iter()
            .filter_map(|id| env.site.source(id))
            .map(|s| source_view(env, lang, s))
            .collect(),
    })
}

/// A case as listed on the cover, chapter pages and lists.
pub(crate) fn case_card(env: &Env<'_>, page: &Page, lang: Lang, from: &str) -> Card {
    let make = || {
        let (doc, doc_lang) = page.doc_for(lang);
        tera::Value::from_serializable(&CaseCard {
            title: doc.title.clone(),
            summary: doc.summary.clone().unwrap_or_default(),
            url: env.urls.href(from, &page_path(lang, &page.id)),
            location: page
                .data
                .case
                .as_ref()
                .and_then(|c| c.location.as_ref())
                .map(|l| l.get(lang).clone()),
            lang: doc_lang.code(),
        })
    };
    // With absolute links a card does not depend on the page showing it: made once.
    match env.site.page_index(&page.id) {
        Some(i) if !env.urls.is_relative() => {
            let cards = env.shared.cards.get(lang).get_or_init(|| {
                (0..env.site.pages.len())
                    .map(|_| std::sync::OnceLock::new())
                    .collect()
            });
            Card(cards[i].get_or_init(make).clone())
        }
        _ => Card(make()),
    }
}

/// Chapters with their cases, for the cover and the case list.
pub(crate) fn chapter_cards(env: &Env<'_>, lang: Lang, from: &str) -> Vec<ChapterCard> {
    env.site
        .chapters()
        .into_iter()
        .map(|(n, chapter)| {
            let (doc, doc_lang) = chapter.doc_for(lang);
            ChapterCard {
                label: chapter_label(env, lang, n),
                title: doc.title.clone(),
                summary: doc.summary.clone().unwrap_or_default(),
                url: env.urls.href(from, &page_path(lang, &chapter.id)),
                cases: env
                    .site
                    .cases_of(chapter.slug())
                    .into_iter()
                    .map(|c| case_card(env, c, lang, from))
                    .collect(),
                lang: doc_lang.code(),
            }
        })
        .collect()
}

/// The chapter a case belongs to, as a link.
pub(crate) fn chapter_link(
    env: &Env<'_>,
    lang: Lang,
    from: &str,
    slug: &str,
) -> Option<ChapterLink> {
    let n = env.site.chapter_number(slug)?;
    let page = env.site.page(&format!("chapters/{slug}"))?;
    Some(ChapterLink {
        label: chapter_label(env, lang, n),
        title: page.doc_for(lang).0.title.clone(),
        url: env.urls.href(from, &page_path(lang, &page.id)),
    })
}

/// The chapter slug a page belongs to (for highlighting the navigation).
pub(crate) fn chapter_of(page: &Page) -> Option<&str> {
    match page.kind {
        PageKind::Chapter => Some(page.slug()),
        PageKind::Case => page.data.case.as_ref().map(|c| c.chapter.as_str()),
        _ => None,
    }
}
