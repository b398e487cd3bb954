//! One page job: a content page in one language rendered to its HTML, its section of the whole report, its
//! figures' pages and downloads, its tables' CSV downloads, its citation files and its assets, handed to the
//! sink.

use super::context::Context;
use super::deps::Deps;
use super::figure_page::{InReport, figure_files};
use super::page_view::{case_view, chapter_view, home_view, kind_name, page_view};
use super::pieces::{chapter_number_of, facts_view};
use super::rendered::{RenderedPage, collect_ids};
use super::report::{SectionPlan, render_section};
use super::resolver::PageResolver;
use super::table::csv as table_csv;
use super::urls::page_path;
use super::views::PageContext;
use crate::diag::{Code, Diagnostic};
use crate::markdown::{self, Input, Labels, Rendered};
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::output::Sink;

/// What one page job produced.
pub(crate) struct PageOutcome {
    pub errors: Vec<Diagnostic>,
    pub files: usize,
    pub rendered: Option<RenderedPage>,
}

/// The words the Markdown stage writes, in `lang`.
pub(crate) fn labels(ctx: &Context<'_>, lang: Lang) -> Labels {
    Labels {
        back_to_text: ctx.t(lang, "footnote_back"),
        task_done: ctx.t(lang, "task_done"),
        task_open: ctx.t(lang, "task_open"),
        table: ctx.t(lang, "table"),
    }
}

/// Renders `page` at its `lang` address and hands the files to `sink`; with `record`, the outcome tells what
/// the page read of others.
pub(crate) fn render_page(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    sink: &dyn Sink,
    record: bool,
) -> PageOutcome {
    let mut outcome = PageOutcome {
        errors: Vec::new(),
        files: 0,
        rendered: None,
    };
    let mut deps = Deps::new(record);
    let (doc, doc_lang) = page.doc_for(lang);
    let is_fallback = doc_lang != lang;
    let from = page_path(lang, &page.id);
    // The page and its section of the whole report come from one parse of the Markdown.
    let labels = labels(ctx, lang);
    let plan = SectionPlan::new(ctx, page, lang);
    let mut resolver = PageResolver::new(ctx, page, lang, &from, record);
    let mut report_resolver =
        PageResolver::new(ctx, page, lang, &plan.from, record).on_single_page(&plan.prefix);
    let input = Input {
        markdown: &doc.body,
        path: &doc.path,
        first_line: doc.body_line,
        id_prefix: "",
        heading_shift: 0,
        labels: &labels,
    };
    let (mut md, report_md) = markdown::render_pair(
        input,
        &mut resolver,
        Input {
            id_prefix: &plan.prefix,
            heading_shift: plan.heading_shift,
            ..input
        },
        &mut report_resolver,
    );
    let (resolver_errors, targets, resolver_deps) = resolver.finish();
    let (report_errors, _, report_deps) = report_resolver.finish();
    outcome.errors.extend(resolver_errors);
    outcome.errors.extend(report_errors);
    deps.extend(resolver_deps);
    deps.extend(report_deps);
    let report_section = match render_section(ctx, page, lang, &plan, report_md, &mut deps) {
        Ok(html) => html,
        Err(e) => {
            outcome.errors.push(e);
            return outcome;
        }
    };
    let page_warnings = if is_fallback {
        Vec::new()
    } else {
        outcome.errors.extend(md.errors.iter().cloned());
        let mut w = text_warnings(page, &doc.path, &md);
        w.extend(crate::check::typed_numbers::typed_key_figures(
            page, doc, lang,
        ));
        w
    };
    let cite = super::page_meta::page_cite(ctx, page, lang);
    let ctx_view = PageContext {
        lang: lang.code(),
        page: page_view(
            ctx,
            page,
            lang,
            &mut md,
            cite.as_ref().map(|c| c.view.clone()),
            &mut deps,
        ),
        facts: facts_view(ctx, page, lang, &from),
        case: (page.kind == PageKind::Case).then(|| case_view(ctx, page, lang, &from, &mut deps)),
        chapter: (page.kind == PageKind::Chapter)
            .then(|| chapter_view(ctx, page, lang, &from, &mut deps)),
        home: (page.kind == PageKind::Home).then(|| home_view(ctx, lang, &from, &mut deps)),
        list: None,
        report: None,
        figure: None,
    };
    let template = format!("{}.html", kind_name(page.kind));
    let site = ctx.site_value(
        lang,
        chapter_number_of(ctx, page),
        ctx.urls.origin(&from),
        &mut deps,
    );
    let html = match ctx.render_page(&template, &ctx_view, site, &format!("/{from}")) {
        Ok(html) => html,
        Err(e) => {
            outcome.errors.push(e);
            return outcome;
        }
    };
    let anchors = collect_ids(&html);
    let links = md.links.iter().cloned().zip(targets).collect();
    let in_report = InReport {
        from: &plan.from,
        prefix: &plan.prefix,
    };
    let figures = match figure_files(ctx, page, lang, &in_report, &mut deps) {
        Ok(files) => files,
        Err(e) => {
            outcome.errors.push(e);
            return outcome;
        }
    };
    let mut extra = figures;
    extra.extend(cite.map(|c| c.files).unwrap_or_default());
    let files = write_files(ctx, page, lang, html, extra, sink, &mut outcome.errors);
    outcome.files = files.len();
    outcome.rendered = Some(RenderedPage {
        page_id: page.id.clone(),
        lang,
        is_fallback,
        title: doc.title.clone(),
        summary: doc.summary.clone(),
        excerpt: match md.text.char_indices().nth(200) {
            Some((end, _)) => md.text[..end].to_string(),
            None => md.text.clone(),
        },
        text: Some(md.text),
        headings: md
            .headings
            .iter()
            .map(|h| h.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        anchors,
        links,
        glossary_used: md.glossary_used,
        warnings: page_warnings,
        files,
        report_section: Some(report_section),
        deps: deps.finish(),
    });
    outcome
}

/// The warnings of a page's own text: the Markdown stage's, and charts and tables defined but not placed.
fn text_warnings(page: &Page, path: &std::path::Path, md: &Rendered) -> Vec<Diagnostic> {
    let mut warnings = md.warnings.clone();
    for chart in page
        .data
        .charts
        .iter()
        .filter(|c| !md.charts.contains(&c.id))
    {
        warnings.push(
            Diagnostic::warning(
                Code::UnusedChart,
                path,
                format!(
                    "the chart `{}` is defined in data.yaml but not placed in this text",
                    chart.id
                ),
            )
            .with_help(format!(
                "place it with a block ```chart / {} / ```",
                chart.id
            ))
            .ja(format!(
                "図 `{}` は data.yaml で定義されていますが、この本文に置かれていません",
                chart.id
            ))
            .ja_help(format!(
                "```chart / {} / ``` のブロックで置いてください",
                chart.id
            )),
        );
    }
    for table in page
        .data
        .tables
        .iter()
        .filter(|t| !md.tables.contains(&t.id))
    {
        warnings.push(
            Diagnostic::warning(
                Code::UnusedTable,
                path,
                format!(
                    "the table `{}` is defined in data.yaml but not placed in this text",
                    table.id
                ),
            )
            .with_help(format!(
                "place it with a block ```table / {} / ```",
                table.id
            ))
            .ja(format!(
                "表 `{}` は data.yaml で定義されていますが、この本文に置かれていません",
                table.id
            ))
            .ja_help(format!(
                "```table / {} / ``` のブロックで置いてください",
                table.id
            )),
        );
    }
    warnings
}

/// Hands the page's HTML, its figures' pages and downloads, its tables' CSV downloads and its assets to the
/// sink; returns their site paths.
fn write_files(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    html: Vec<u8>,
    extra: Vec<(String, Vec<u8>)>,
    sink: &dyn Sink,
    errors: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let from = page_path(lang, &page.id);
    let mut files = Vec::new();
    let mut put =
        |path: String, bytes: Vec<u8>, errors: &mut Vec<Diagnostic>| match sink.put(&path, bytes) {
            Ok(()) => files.push(path),
            Err(e) => errors.push(e),
        };
    put([from.as_str(), "index.html"].concat(), html, errors);
    for (path, bytes) in extra {
        put(path, bytes, errors);
    }
    for table in &page.data.tables {
        put(
            format!("{from}{}.csv", table.id),
            table_csv(table, lang),
            errors,
        );
    }
    for asset in &page.assets {
        let rel = asset.to_string_lossy().replace('\\', "/");
        let source = ctx.content.join(asset);
        let path = format!("{}/{rel}", lang.code());
        match sink.put_copy(&path, &source) {
            Ok(()) => files.push(path),
            Err(e) => errors.push(e),
        }
    }
    files
}
