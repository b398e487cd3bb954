//! The whole report on one page per language (`/ja/report/`): the cover, each chapter followed by its
//! cases, then the other pages, with figure numbers intact; made to be printed as the report.

use super::context::{Context, as_text, template_context};
use super::deps::Deps;
use super::list_page::list_page_context;
use super::pieces::{key_figure, source_view, timeline_entry};
use super::report_views::{ReportSection, ReportSectionContext};
use super::urls::{doc_prefix, page_path};
use super::views::ReportView;
use crate::diag::{Code, Diagnostic};
use crate::markdown;
use crate::model::lang::{Lang, Localized};
use crate::model::page::{Page, PageKind};

/// Marks where the documents go in the rendered `report.html`.
const SECTIONS_HERE: &str = "\u{E000}hakusho:report-sections\u{E000}";

/// The frame of a whole-report page: what comes before the sections and what comes after them.
pub(crate) struct Frame {
    pub head: String,
    pub tail: String,
}

/// The frames of `/<lang>/report/` for both languages: `report.html` rendered and cut where it places the
/// sections, which are written between head and tail in reading order (see [`render_section`]).
pub(crate) fn frames(ctx: &Context<'_>) -> Result<Localized<Frame>, Vec<Diagnostic>> {
    let (ja, en) = (frame(ctx, Lang::Ja), frame(ctx, Lang::En));
    match (ja, en) {
        (Ok(ja), Ok(en)) => Ok(Localized { ja, en }),
        (ja, en) => Err([ja.err(), en.err()].into_iter().flatten().collect()),
    }
}

fn frame(ctx: &Context<'_>, lang: Lang) -> Result<Frame, Diagnostic> {
    let from = page_path(lang, "report");
    let title = ctx.t(lang, "report_title");
    let mut view = list_page_context(
        ctx,
        lang,
        "report",
        "report",
        title,
        Default::default(),
        None,
    );
    view.list = None;
    view.report = Some(ReportView {
        sections_here: SECTIONS_HERE.to_string(),
        sources: ctx
            .site
            .sources
            .iter()
            .map(|s| source_view(ctx, lang, s))
            .collect(),
        toc: super::reading_nav::report_toc(ctx, lang),
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
        head: head.to_string(),
        tail: tail.to_string(),
    })
}

/// How a page's document is rendered as its section of the whole report.
pub(crate) struct SectionPlan {
    /// The whole-report page's path.
    pub from: String,
    /// Prefix of every id in the section.
    pub prefix: String,
    /// Heading level of the section's title.
    level: u8,
    /// Levels added to the document's headings.
    pub heading_shift: u8,
}

impl SectionPlan {
    pub(crate) fn new(page: &Page, lang: Lang) -> SectionPlan {
        let level = if page.kind == PageKind::Case { 3 } else { 2 };
        SectionPlan {
            from: page_path(lang, "report"),
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
    let key_figures = page
        .data
        .key_figures
        .iter()
        .map(|k| {
            let mut v = key_figure(ctx, lang, from, page, k);
            for s in &mut v.sources {
                s.url = format!("#{}", s.url.rsplit('#').next().unwrap_or(""));
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
        .map(|e| timeline_entry(ctx, lang, e, "hk-source-"))
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
