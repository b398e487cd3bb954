//! Where a content page stands in the report's reading order (`Site::reading_order`, the order of the
//! whole-report page): the pages before and after it, the link to the contents, and which section of the
//! other language's page each of its headings is (for the language switch).

use super::context::Context;
use super::deps::{Dep, Deps};
use super::nav_views::{NavStep, PageNav, TocEntry};
use super::pieces::chapter_number_of;
use super::urls::{doc_prefix, page_path};
use crate::markdown::Heading;
use crate::markdown::headings::outline;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};

/// The anchor of the contents on the cover.
const CONTENTS_ANCHOR: &str = "hk-cover-chapters";

/// Where `page` stands in reading order, as links from `from` in `lang`. Records the pages it names and the
/// chapters whose cases decide its neighbours.
pub(crate) fn page_nav(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
    deps: &mut Deps,
) -> PageNav {
    let at = ctx.site.reading_place(&page.id);
    let neighbour = |i: Option<usize>| i.and_then(|i| ctx.site.reading_at(i));
    let prev = neighbour(at.and_then(|i| i.checked_sub(1)));
    let next = neighbour(at.map(|i| i + 1));
    // The cases of a chapter decide the neighbours of the pages in it and of the pages around it.
    for p in [Some(page), prev, next].into_iter().flatten() {
        if let Some(n) = chapter_number_of(ctx, p) {
            deps.add(Dep::CasesOf(n));
        }
    }
    if page.kind == PageKind::Other
        && prev.is_some_and(|p| p.kind != PageKind::Other)
        && let Some(n) = ctx.site.chapters().last().map(|(n, _)| *n)
    {
        deps.add(Dep::CasesOf(n));
    }
    let mut step = |p: Option<&Page>| {
        let p = ctx.listing(&p?.id, deps)?;
        let (doc, doc_lang) = p.doc_for(lang);
        Some(NavStep {
            label: (p.kind == PageKind::Chapter)
                .then(|| ctx.site.chapter_number(p.slug()))
                .flatten()
                .map(|n| ctx.chapter_label(lang, n)),
            title: if p.kind == PageKind::Home {
                ctx.site.config.title.get(lang).clone()
            } else {
                doc.title.clone()
            },
            url: ctx.urls.href(from, &page_path(lang, &p.id)),
            lang: (doc_lang != lang).then(|| doc_lang.code()),
        })
    };
    PageNav {
        prev: step(prev),
        next: step(next),
        contents: ctx
            .urls
            .href(from, &format!("{}#{CONTENTS_ANCHOR}", page_path(lang, ""))),
    }
}

/// The table of contents of the whole report in `lang` (on its first part): each chapter with its `##` sections and its
/// cases, then the other pages with their sections. Cases are listed by title only: a report may hold
/// thousands, and their sections would make the contents longer than useful (and cost a second reading of
/// every case's text).
pub(crate) fn report_toc(ctx: &Context<'_>, lang: Lang) -> Vec<TocEntry> {
    // The contents are on the first part; each entry links to the part holding it.
    let href = |p: &Page, id: &str| {
        let anchor = format!("{}{id}", doc_prefix(&p.id));
        let part = ctx.report.part_of(&p.id).unwrap_or(0);
        ctx.part_href(lang, Some(0), part, &anchor)
    };
    let entry = |p: &Page, children: Vec<TocEntry>| {
        let (doc, doc_lang) = p.doc_for(lang);
        TocEntry {
            label: (p.kind == PageKind::Chapter)
                .then(|| ctx.site.chapter_number(p.slug()))
                .flatten()
                .map(|n| ctx.chapter_label(lang, n)),
            title: doc.title.clone(),
            url: href(p, "top"),
            kind: match p.kind {
                PageKind::Chapter => "chapter",
                PageKind::Case => "case",
                _ => "page",
            },
            lang: (doc_lang != lang).then(|| doc_lang.code()),
            children,
        }
    };
    let sections = |p: &Page| -> Vec<TocEntry> {
        let (doc, doc_lang) = p.doc_for(lang);
        outline(&doc.body)
            .into_iter()
            .filter(|h| h.level == 2)
            .map(|h| TocEntry {
                label: None,
                title: h.text,
                url: href(p, &h.id),
                kind: "section",
                lang: (doc_lang != lang).then(|| doc_lang.code()),
                children: Vec::new(),
            })
            .collect()
    };
    let mut toc: Vec<TocEntry> = ctx
        .site
        .chapters()
        .into_iter()
        .map(|(_, chapter)| {
            let mut children = sections(chapter);
            children.extend(
                ctx.site
                    .cases_of(chapter.slug())
                    .into_iter()
                    .map(|c| entry(c, Vec::new())),
            );
            entry(chapter, children)
        })
        .collect();
    toc.extend(
        ctx.site
            .reading_order()
            .into_iter()
            .filter(|p| p.kind == PageKind::Other)
            .map(|p| entry(p, sections(p))),
    );
    toc
}

/// For each heading of a page whose other language says something else at the same place, the id of the
/// section there: the same id when the other has it (an id given in the text), else the heading at the same
/// place when both have the same headings at the same levels, else nothing (`""`: the switch then leads to
/// the top of the page). Ids both pages share are left out. A JSON object, for the switch's script.
pub(crate) fn section_map(here: &[Heading], there: &[Heading]) -> String {
    let same_shape =
        here.len() == there.len() && here.iter().zip(there).all(|(a, b)| a.level == b.level);
    let map: serde_json::Map<String, serde_json::Value> = here
        .iter()
        .enumerate()
        .filter(|(_, h)| !there.iter().any(|t| t.id == h.id))
        .map(|(i, h)| {
            let to = if same_shape { there[i].id.as_str() } else { "" };
            (h.id.clone(), to.into())
        })
        .collect();
    serde_json::Value::Object(map).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.into(),
            text: id.into(),
        }
    }

    #[test]
    fn sections_map_by_place_when_the_outlines_match() {
        let ja = [h(2, "概要"), h(3, "経緯"), h(2, "fixed")];
        let en = [h(2, "overview"), h(3, "history"), h(2, "fixed")];
        assert_eq!(
            section_map(&ja, &en),
            r#"{"概要":"overview","経緯":"history"}"#
        );
    }

    #[test]
    fn sections_lead_nowhere_when_the_outlines_differ() {
        let ja = [h(2, "概要"), h(2, "shared")];
        let en = [h(2, "overview"), h(3, "extra"), h(2, "shared")];
        assert_eq!(section_map(&ja, &en), r#"{"概要":""}"#);
        assert_eq!(section_map(&[], &en), "{}");
    }
}
