//! The whole report in each language, in parts (see [`super::report_parts`]): the cover and the contents at
//! `/ja/report/`, each chapter followed by its cases, then the other pages and the sources, with figure
//! numbers intact; made to be printed as the report.

use super::context::{Context, as_text, template_context};
use super::deps::Deps;
use super::list_page::list_page_context;
use super::nav_views::{NavStep, PageNav};
use super::pieces::{key_figure, source_view, timeline_entry};
use super::report_parts::{PartKind, ReportPart};
use super::report_views::{ReportSection, ReportSectionContext};
use super::strings::fill;
use super::urls::{doc_prefix, page_path};
use super::views::{Link, ReportView};
use crate::diag::{Code, Diagnostic};
use crate::markdown;
use crate::model::lang::{Lang, Localized};
use crate::model::page::{Page, PageKind};

/// Marks where the documents go in the rendered `report.html`.
const SECTIONS_HERE: &str = "\u{E000}hakusho:report-sections\u{E000}";

/// The frame of one part of the whole report: where it is written, what comes before its sections and what
/// comes after them.
pub(crate) struct Frame {
    pub path: String,
    pub head: String,
    pub tail: String,
}

/// The frames of every part of the whole report (see [`super::report_parts`]) in both languages:
/// `report.html` rendered and cut where it places the sections, which are written between head and tail in
/// reading order (see [`render_section`]).
pub(crate) fn frames(ctx: &Context<'_>) -> Result<Vec<Localized<Frame>>, Vec<Diagnostic>> {
    use rayon::prelude::*;
    let both = |index: usize| match (frame(ctx, Lang::Ja, index), frame(ctx, Lang::En, index)) {
        (Ok(ja), Ok(en)) => Ok(Localized { ja, en }),
        (ja, en) => Err([ja.err(), en.err()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()),
    };
    // A template that fails fails on the first part already: its errors are told once.
    let first = both(0)?;
    let mut frames = vec![first];
    frames.extend(
        (1..ctx.report.parts().len())
            .into_par_iter()
            .map(both)
            .collect::<Result<Vec<_>, _>>()?,
    );
    Ok(frames)
}

fn frame(ctx: &Context<'_>, lang: Lang, index: usize) -> Result<Frame, Diagnostic> {
    let part = &ctx.report.parts()[index];
    let from = page_path(lang, &part.id);
    let contents = ctx.report.path(lang, 0);
    let report_title = ctx.t(lang, "report_title");
    let kind = match part.kind {
        PartKind::Contents => "contents",
        PartKind::Chapter { .. } => "chapter",
        PartKind::Appendix => "appendix",
    };
    let title = match part_heading(ctx, lang, part) {
        (Some(label), title) => format!("{label} {title}"),
        (None, title) => title,
    };
    let crumb = (index > 0).then(|| Link {
        title: report_title.clone(),
        url: ctx.urls.href(&from, &contents),
    });
    let mut view = list_page_context(
        ctx,
        lang,
        &part.id,
        "report",
        title,
        Default::default(),
        crumb,
    );
    view.list = None;
    view.page.nav = Some(part_nav(ctx, lang, index));
    if index > 0 {
        let site_title = ctx.site.config.title.get(lang);
        view.page.head_title = format!("{} | {report_title} | {site_title}", view.page.title);
    }
    let last = index == ctx.report.appendix();
    view.report = Some(ReportView {
        sections_here: SECTIONS_HERE.to_string(),
        part: kind,
        sources: match last {
            true => ctx
                .site
                .sources
                .iter()
                .map(|s| source_view(ctx, lang, s))
                .collect(),
            false => Vec::new(),
        },
        toc: match index {
            0 => super::reading_nav::report_toc(ctx, lang),
            _ => Vec::new(),
        },
    });
    let what = format!("/{from}");
    // The whole report is made again on any change, so what its frame reads need not be recorded.
    let site = ctx.site_value(lang, None, ctx.urls.origin(&from), &mut Deps::new(false));
    let html = ctx.render_page("report.html", &view, site, &what)?;
    let frame = as_text(html, "report.html", &what)?;
    let Some((head, tail)) = frame.split_once(SECTIONS_HERE) else {
        return Err(Diagnostic::general(
            Code::Template,
            "report.html does not place the documents",
        )
        .with_help("write {{ report.sections_here | safe }} where the documents go")
        .ja("report.html に本文を置く場所がありません")
        .ja_help("本文を置く場所に {{ report.sections_here | safe }} と書いてください"));
    };
    Ok(Frame {
        path: format!("{from}index.html"),
        head: head.to_string(),
        tail: tail.to_string(),
    })
}

/// What a part is called: its chapter's label (第2章) and title, with its place among the chapter's parts
/// when it has several; the report's title for the contents.
fn part_heading(ctx: &Context<'_>, lang: Lang, part: &ReportPart) -> (Option<String>, String) {
    match &part.kind {
        PartKind::Contents => (None, ctx.t(lang, "report_title")),
        PartKind::Chapter {
            number,
            page_id,
            piece,
            pieces,
        } => {
            let mut title = ctx
                .site
                .page(page_id)
                .map(|p| p.doc_for(lang).0.title.clone())
                .unwrap_or_default();
            if *pieces > 1 {
                title.push_str(&fill(
                    &ctx.t(lang, "report_piece"),
                    &[("n", &piece.to_string()), ("total", &pieces.to_string())],
                ));
            }
            (Some(ctx.chapter_label(lang, *number)), title)
        }
        PartKind::Appendix => (None, ctx.t(lang, "report_appendix")),
    }
}

/// The parts before and after part `index`, and the contents, as links from it.
fn part_nav(ctx: &Context<'_>, lang: Lang, index: usize) -> PageNav {
    let from = ctx.report.path(lang, index);
    let step = |i: usize| {
        let part = ctx.report.parts().get(i)?;
        let (label, title) = match part.kind {
            PartKind::Contents => (None, ctx.t(lang, "report_toc_title")),
            _ => part_heading(ctx, lang, part),
        };
        Some(NavStep {
            label,
            title,
            url: ctx.urls.href(&from, &ctx.report.path(lang, i)),
            lang: None,
        })
    };
    PageNav {
        prev: index.checked_sub(1).and_then(step),
        next: step(index + 1),
        contents: ctx.urls.href(
            &from,
            &format!("{}#hk-report-toc", ctx.report.path(lang, 0)),
        ),
    }
}

/// How a page's document is rendered as its section of the whole report.
pub(crate) struct SectionPlan {
    /// The path of the part of the whole report it is on.
    pub from: String,
    /// Prefix of every id in the section.
    pub prefix: String,
    /// Heading level of the section's title.
    level: u8,
    /// Levels added to the document's headings.
    pub heading_shift: u8,
}

impl SectionPlan {
    pub(crate) fn new(ctx: &Context<'_>, page: &Page, lang: Lang) -> SectionPlan {
        let level = if page.kind == PageKind::Case { 3 } else { 2 };
        SectionPlan {
            from: ctx.report.path_of(lang, &page.id),
            prefix: doc_prefix(&page.id),
            level,
            heading_shift: if page.kind == PageKind::Home {
                0
            } else {
                level - 1
            },
        }
    }
}

/// The page's section of the whole report, with `partials/report_section.html`, from its Markdown
/// rendered by the plan.
pub(crate) fn render_section(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    plan: &SectionPlan,
    md: markdown::Rendered,
    deps: &mut Deps,
) -> Result<Vec<u8>, Diagnostic> {
    let s = section(ctx, page, lang, plan, md);
    let what = format!("/{}", plan.from);
    let mut context = template_context(
        &ReportSectionContext {
            lang: lang.code(),
            s,
        },
        &what,
    )?;
    let site = ctx.site_value(lang, None, ctx.urls.origin(&plan.from), deps);
    context.insert_value("site", site);
    ctx.render_bytes("partials/report_section.html", context, &what)
}

fn section(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    plan: &SectionPlan,
    md: markdown::Rendered,
) -> ReportSection {
    let (doc, doc_lang) = page.doc_for(lang);
    let from = plan.from.as_str();
    let kicker = match page.kind {
        PageKind::Chapter => ctx
            .site
            .chapter_number(page.slug())
            .map(|n| ctx.chapter_label(lang, n)),
        _ => None,
    };
    let kind = match page.kind {
        PageKind::Home => "cover",
        PageKind::Chapter => "chapter",
        PageKind::Case => "case",
        PageKind::Other => "page",
    };
    // Sources are listed on the last part of the report.
    let to_sources = |url: &mut String| {
        let anchor = url.rsplit('#').next().unwrap_or("");
        if let Some(id) = anchor.strip_prefix("hk-source-") {
            *url = ctx.report_source_href(lang, &page.id, id);
        }
    };
    let key_figures = page
        .data
        .key_figures
        .iter()
        .map(|k| {
            let mut v = key_figure(ctx, lang, from, page, k);
            for s in &mut v.sources {
                to_sources(&mut s.url);
            }
            v.source_url = v.sources.first().map(|s| s.url.clone()).unwrap_or_default();
            v.anchor = Some(format!("{}kf-{}", super::urls::doc_prefix(&page.id), k.id));
            v
        })
        .collect();
    let timeline = page
        .data
        .timeline
        .iter()
        .map(|e| {
            let mut v = timeline_entry(ctx, lang, e, "hk-source-");
            for s in &mut v.sources {
                to_sources(&mut s.url);
            }
            v.source_url = v.sources.first().map(|s| s.url.clone()).unwrap_or_default();
            v
        })
        .collect();
    ReportSection {
        id: format!("{}top", plan.prefix),
        kind,
        kicker,
        title: if page.kind == PageKind::Home {
            ctx.site.config.title.get(lang).clone()
        } else {
            doc.title.clone()
        },
        level: plan.level,
        summary: doc.summary.clone(),
        lang: doc_lang.code(),
        body: md.html,
        footnotes: md.footnotes_html,
        key_figures,
        timeline,
    }
}
