//! The whole report on one page per language (`/ja/report/`): the cover, each chapter followed by its
//! cases, then the other pages, with figure numbers intact; made to be printed as the report.

use super::Env;
use super::context::{chapter_label, key_figure, source_view, t};
use super::lists::list_page_context;
use super::page::{doc_prefix, labels};
use super::resolver::PageResolver;
use super::urls::page_path;
use super::views::{ReportSection, ReportSectionContext, ReportView, TimelineView};
use crate::diag::Diagnostic;
use crate::format::date::format_date;
use crate::markdown::{self, Input};
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::output::Sink;

use rayon::prelude::*;

/// Marks where the documents go in the rendered `report.html`.
const SECTIONS_HERE: &str = "\u{E000}hakusho:report-sections\u{E000}";

/// Renders `/<lang>/report/` for both languages; returns the number of files. The documents are rendered
/// in parallel, each with `partials/report_section.html`, and written in pieces around the page frame.
pub(crate) fn render_reports(
    env: &Env<'_>,
    sink: &dyn Sink,
    errors: &mut Vec<Diagnostic>,
) -> usize {
    let mut files = 0;
    let order = env.site.reading_order();
    for lang in Lang::ALL {
        let from = page_path(lang, "report");
        let title = t(env, lang, "report_title");
        let mut ctx = list_page_context(
            env,
            lang,
            "report",
            "report",
            title,
            Default::default(),
            None,
        );
        ctx.list = None;
        ctx.report = Some(ReportView {
            sections_here: SECTIONS_HERE.to_string(),
            sources: env
                .site
                .sources
                .iter()
                .map(|s| source_view(env, lang, s))
                .collect(),
        });
        let frame = match env.render("report.html", &ctx, &format!("/{from}")) {
            Ok(f) => f,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        let Some((head, tail)) = frame.split_once(SECTIONS_HERE) else {
            errors.push(
                Diagnostic::general("report.html does not place the documents")
                    .with_help("write {{ report.sections_here | safe }} where the documents go"),
            );
            continue;
        };
        let rendered: Vec<Result<String, Vec<Diagnostic>>> = order
            .par_iter()
            .map(|page| {
                let mut errs = Vec::new();
                let s = section(env, page, lang, &from, &mut errs);
                let section_ctx = ReportSectionContext {
                    lang: lang.code(),
                    t: env.theme.strings.get(lang),
                    site: &ctx.site,
                    s,
                };
                match env.render(
                    "partials/report_section.html",
                    &section_ctx,
                    &format!("/{from}"),
                ) {
                    Ok(html) if errs.is_empty() => Ok(html),
                    Ok(_) => Err(errs),
                    Err(e) => {
                        errs.push(e);
                        Err(errs)
                    }
                }
            })
            .collect();
        let mut pieces = Vec::with_capacity(rendered.len() + 2);
        pieces.push(head.to_string());
        let mut ok = true;
        for r in rendered {
            match r {
                Ok(html) => pieces.push(html),
                Err(mut e) => {
                    ok = false;
                    errors.append(&mut e);
                }
            }
        }
        pieces.push(tail.to_string());
        if ok {
            match sink.put_pieces(&format!("{from}index.html"), pieces) {
                Ok(()) => files += 1,
                Err(e) => errors.push(e),
            }
        }
    }
    files
}

fn section(
    env: &Env<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
    errors: &mut Vec<Diagnostic>,
) -> ReportSection {
    let (doc, doc_lang) = page.doc_for(lang);
    let prefix = doc_prefix(&page.id);
    let (kind, level, kicker) = match page.kind {
        PageKind::Home => ("cover", 2, None),
        PageKind::Chapter => (
            "chapter",
            2,
            env.site
                .chapter_number(page.slug())
                .map(|n| chapter_label(env, lang, n)),
        ),
        PageKind::Case => ("case", 3, None),
        PageKind::Other => ("page", 2, None),
    };
    let labels = labels(env, lang);
    let resolver = PageResolver::new(env, page, lang, from).on_single_page(&prefix);
    let md = markdown::render(
        Input {
            markdown: &doc.body,
            path: &doc.path,
            first_line: doc.body_line,
            id_prefix: &prefix,
            heading_shift: if page.kind == PageKind::Home {
                0
            } else {
                level - 1
            },
            labels: &labels,
        },
        &resolver,
    );
    errors.extend(resolver.errors.borrow_mut().drain(..));
    let key_figures = page
        .data
        .key_figures
        .iter()
        .map(|k| {
            let mut v = key_figure(env, lang, from, page, k);
            v.source_url = format!("#hk-source-{}", k.source);
            v
        })
        .collect();
    let timeline = page
        .data
        .timeline
        .iter()
        .map(|e| TimelineView {
            date: format_date(e.date, lang),
            datetime: e.date.to_string().trim_start_matches("FY").to_string(),
            text: e.text.get(lang).clone(),
            source: super::context::source_short(env, lang, &e.source),
            source_url: format!("#hk-source-{}", e.source),
        })
        .collect();
    ReportSection {
        id: format!("{prefix}top"),
        kind,
        kicker,
        title: if page.kind == PageKind::Home {
            env.site.config.title.get(lang).clone()
        } else {
            doc.title.clone()
        },
        level,
        summary: doc.summary.clone(),
        lang: doc_lang.code(),
        body: md.html,
        footnotes: md.footnotes_html,
        key_figures,
        timeline,
    }
}
