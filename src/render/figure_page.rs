//! Each figure's home: `/<lang>/figures/<chart id>/`, a page with the chart at full width, its number,
//! title, note, sources and data table open, where it appears, and its downloads beside it: the figure as
//! SVG and PNG (with its number, title and sources drawn in), its data as CSV with the CSV's description
//! (CSVW metadata: title, unit, note, sources, columns) and as an Excel workbook. Made by the job of the
//! page that shows the figure, so that an edit of that page makes them again.

use super::context::Context;
use super::deps::Deps;
use super::figure::{csv, download_name, figure_dir, figure_view, render_figure};
use super::figure_metadata::csvw;
use super::figure_views::{Download, FigurePageView, Place};
use super::figure_xlsx::{XlsxText, xlsx};
use super::list_page::list_page_context;
use super::page_meta::figure_cite;
use super::urls::page_path;
use super::views::Link;
use crate::chart::{CardText, card_svg};
use crate::diag::{Code, Diagnostic};
use crate::format::size::file_size;
use crate::model::chart::Chart;
use crate::model::lang::Lang;
use crate::model::page::Page;

/// The scale of the PNG download (its pixels per unit of the drawing): sharp on a slide or a
/// high-density screen.
pub(crate) const PNG_SCALE: f32 = 2.0;

/// Where the page's section is in the whole report, for the "appears in" links.
pub(crate) struct InReport<'a> {
    /// The whole report's site path.
    pub from: &'a str,
    /// The prefix of ids in the page's section.
    pub prefix: &'a str,
}

/// The figure pages of `page`'s charts in `lang` and their downloads, as (site path, bytes). The PNGs are
/// drawn only when `ctx.draw_png` (otherwise listed without a size: see [`figure_png`]).
pub(crate) fn figure_files(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    report: &InReport<'_>,
    deps: &mut Deps,
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let mut files = Vec::new();
    for chart in &page.data.charts {
        let Some(info) = ctx.figures.get(&chart.id) else {
            continue;
        };
        let dir = figure_dir(lang, &chart.id);
        let text = card_text(ctx, chart, lang, &dir, info.label.get(lang));
        // (file name, its bytes when made now, the UI string saying what it is)
        let mut downloads: Vec<(String, Option<Vec<u8>>, &str)> = Vec::new();
        if let Some(card) = card(ctx, chart, lang, &text) {
            if ctx.raster.has_fonts() {
                let name = download_name(&chart.id, lang, "png");
                let png = match ctx.draw_png {
                    true => Some(png(ctx, &chart.id, &card, &format!("{dir}{name}"))?),
                    false => None,
                };
                downloads.push((name, png, "figure_png"));
            }
            let svg = Some(card.into_bytes());
            downloads.push((download_name(&chart.id, lang, "svg"), svg, "figure_svg"));
        }
        let csv = Some(csv(chart, lang));
        downloads.push((download_name(&chart.id, lang, "csv"), csv, "figure_csv"));
        let book = Some(workbook(ctx, page, chart, lang, &text, &dir)?);
        downloads.push((download_name(&chart.id, lang, "xlsx"), book, "figure_xlsx"));
        let metadata = csvw(ctx, chart, lang, info.label.get(lang), &dir);
        let name = download_name(&chart.id, lang, "csv-metadata.json");
        downloads.push((name, Some(metadata), "figure_csv_metadata"));
        let cite = figure_cite(ctx, page, lang, &text.heading, &chart.id, &dir);
        let mut figure = figure_view(ctx, chart, info, lang, &dir, "");
        figure.page_url = None;
        figure.own_page = true;
        let view = FigurePageView {
            html: render_figure(ctx, lang, figure, &chart.id)?,
            downloads: downloads
                .iter()
                .map(|(name, bytes, label)| Download {
                    label: ctx.t(lang, label),
                    url: ctx.urls.href(&dir, &format!("{dir}{name}")),
                    name: name.clone(),
                    size: bytes.as_ref().map(|b| file_size(b.len())),
                })
                .collect(),
            shown_in: shown_in(ctx, page, lang, &dir, &chart.id, report),
            cite: cite.view,
        };
        let html = page_html(ctx, page, chart, lang, info.label.get(lang), view, deps)?;
        files.push((format!("{dir}index.html"), html));
        files.extend(cite.files);
        files.extend(
            downloads
                .into_iter()
                .filter_map(|(name, bytes, _)| Some((format!("{dir}{name}"), bytes?))),
        );
    }
    Ok(files)
}

/// The PNG of the figure at `site_path` (`<lang>/figures/<chart id>/<chart id>-<lang>.png`), drawn now;
/// `None` when no figure has that image.
pub(crate) fn figure_png(
    ctx: &Context<'_>,
    site_path: &str,
) -> Option<Result<Vec<u8>, Diagnostic>> {
    let (lang, rest) = site_path.split_once('/')?;
    let lang = Lang::ALL.into_iter().find(|l| l.code() == lang)?;
    let id = rest.strip_prefix("figures/")?.split('/').next()?;
    if site_path != format!("{}{}", figure_dir(lang, id), download_name(id, lang, "png")) {
        return None;
    }
    let info = ctx.figures.get(id)?;
    let chart = ctx
        .site
        .page(&info.page_id)?
        .data
        .charts
        .iter()
        .find(|c| c.id == id)?;
    let text = card_text(
        ctx,
        chart,
        lang,
        &figure_dir(lang, id),
        info.label.get(lang),
    );
    let card = card(ctx, chart, lang, &text)?;
    ctx.raster
        .has_fonts()
        .then(|| png(ctx, id, &card, site_path))
}

/// The figure with its words around it, as SVG.
fn card(ctx: &Context<'_>, chart: &Chart, lang: Lang, text: &CardText) -> Option<String> {
    let svgs = ctx.svgs.get(&(chart.id.clone(), lang))?;
    card_svg(&svgs.wide, text, &ctx.theme.chart_style)
}

/// The figure's card as PNG, for the file at `site_path` (taken from the previous output when unchanged).
fn png(
    ctx: &Context<'_>,
    chart_id: &str,
    card: &str,
    site_path: &str,
) -> Result<Vec<u8>, Diagnostic> {
    super::images::png(ctx, card, PNG_SCALE, site_path).map_err(|e| {
        Diagnostic::general(
            Code::Io,
            format!("the PNG of figure `{chart_id}` could not be drawn: {e}"),
        )
        .ja(format!("図 `{chart_id}` の PNG を描けませんでした（{e}）"))
    })
}

/// The figure's data as an Excel workbook.
fn workbook(
    ctx: &Context<'_>,
    page: &Page,
    chart: &Chart,
    lang: Lang,
    text: &CardText,
    dir: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let (doc, _) = page.doc_for(lang);
    let words = XlsxText {
        heading: &text.heading,
        note: text.note.as_deref(),
        source: &text.source,
        report: ctx.site.config.title.get(lang),
        url: &ctx.urls.absolute(dir),
        date: doc.updated.or(doc.date),
    };
    xlsx(chart, lang, &words).map_err(|e| {
        Diagnostic::general(
            Code::Io,
            format!(
                "the Excel file of figure `{}` could not be made: {e}",
                chart.id
            ),
        )
        .ja(format!(
            "図 `{}` の Excel ファイルを作れませんでした（{e}）",
            chart.id
        ))
    })
}

/// The words of the SVG and PNG downloads.
fn card_text(ctx: &Context<'_>, chart: &Chart, lang: Lang, dir: &str, label: &str) -> CardText {
    let sources = super::citations::figure_line(ctx, lang, &chart.sources, |_| String::new());
    CardText {
        heading: format!("{label} {}", chart.title.get(lang)),
        note: chart.note.as_ref().map(|n| n.get(lang).clone()),
        source: super::citations::joined(ctx, lang, &sources),
        credit: format!(
            "{} {}",
            ctx.site.config.title.get(lang),
            ctx.urls.absolute(dir)
        ),
    }
}

/// The figure's place on its page and in the whole report.
fn shown_in(
    ctx: &Context<'_>,
    page: &Page,
    lang: Lang,
    from: &str,
    chart_id: &str,
    report: &InReport<'_>,
) -> Vec<Place> {
    let (doc, _) = page.doc_for(lang);
    vec![
        Place {
            title: doc.title.clone(),
            url: ctx.urls.href(
                from,
                &format!("{}#fig-{chart_id}", page_path(lang, &page.id)),
            ),
        },
        Place {
            title: ctx.t(lang, "report_title"),
            url: ctx.urls.href(
                from,
                &format!("{}#{}fig-{chart_id}", report.from, report.prefix),
            ),
        },
    ]
}

/// The figure page itself (`figure.html`), under the list of figures in the breadcrumbs.
fn page_html(
    ctx: &Context<'_>,
    page: &Page,
    chart: &Chart,
    lang: Lang,
    label: &str,
    figure: FigurePageView,
    deps: &mut Deps,
) -> Result<Vec<u8>, Diagnostic> {
    let id = format!("figures/{}", chart.id);
    let from = page_path(lang, &id);
    let crumb = Link {
        title: ctx.t(lang, "figures_title"),
        url: ctx.urls.href(&from, &page_path(lang, "figures")),
    };
    let title = format!("{label} {}", chart.title.get(lang));
    let mut view = list_page_context(
        ctx,
        lang,
        &id,
        "figure",
        title,
        Default::default(),
        Some(crumb),
    );
    view.list = None;
    view.page.description = crate::chart::text_alternative(chart, lang);
    view.figure = Some(figure);
    let chapter = super::pieces::chapter_number_of(ctx, page);
    let site = ctx.site_value(lang, chapter, ctx.urls.origin(&from), deps);
    ctx.render_page("figure.html", &view, site, &format!("/{from}"))
}
