//! Stage 3: the site, its charts and the theme → files handed to an [`output::Sink`](crate::output::Sink).
//!
//! The stage functions here are called, in order, by [`crate::pipeline`]: [`pages`] (each content page in
//! both languages, in parallel), [`lists`] (the generated pages), [`feeds`] and [`whole`] (the outputs made of
//! every page: the whole-report page and the search index, written as the pages come in a full build or
//! from what the pages kept). Every job reads one [`Context`], made in one place.

mod cards;
mod citations;
mod cite;
mod context;
mod deps;
mod figure;
mod figure_metadata;
mod figure_page;
pub mod figure_views;
mod figure_xlsx;
pub mod figures;
mod identity;
mod images;
mod japan_map;
mod list_page;
mod lists;
mod map_view;
mod meta_views;
pub mod nav_views;
mod outlines;
mod page;
mod page_meta;
mod page_view;
mod pdf_links;
mod pieces;
mod publish;
mod reading_nav;
mod references;
pub mod related;
mod rendered;
mod report;
pub mod report_parts;
pub mod report_views;
mod resolver;
mod search_entries;
mod shared;
mod strings;
mod table;
pub mod targets;
mod taxonomy;
mod terms;
pub mod urls;
pub mod views;
mod whole;

use std::collections::HashSet;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::Diagnostic;
use crate::model::lang::{Lang, Localized};
use crate::output::Sink;
use crate::progress::Progress;
pub(crate) use citations::{figure_line as figure_sources, joined as joined_sources};
pub use context::{ChartSvg, Context, Svgs};
pub(crate) use deps::Deps;
pub use deps::{Dep, touches};
pub(crate) use figure::table as chart_table;
pub(crate) use figure_page::figure_png;
pub use outlines::{Outlines, outlines};
pub use pdf_links::PdfLinks;
pub(crate) use pieces::{key_figure, source_view, timeline_entry};
pub(crate) use references::Refs;
pub use rendered::{Anchors, RenderedPage};
pub use report_parts::ReportParts;
pub use shared::Shared;
pub use table::CellView;
pub(crate) use table::cells as table_cells;
pub(crate) use targets::resolve_target;
pub use whole::{Whole, Written};

/// What rendering the content pages produced.
#[derive(Debug, Default)]
pub struct Pages {
    /// Each page rendered, in job order.
    pub rendered: Vec<Arc<RenderedPage>>,
    /// Files written.
    pub files: usize,
    /// Errors (the build fails).
    pub errors: Vec<Diagnostic>,
}

/// Renders the content pages with ids in `only` (every page when `None`), each in both languages, in
/// parallel. With `stream`, each page's part of the whole outputs is handed over as soon as the page is
/// rendered and not kept; without, pages keep their text and report section for [`whole`]. With
/// `record_deps`, each page keeps what it read of others ([`RenderedPage::deps`]).
pub fn pages(
    ctx: &Context<'_>,
    sink: &dyn Sink,
    only: Option<&HashSet<String>>,
    stream: Option<&whole::Stream>,
    record_deps: bool,
    progress: &dyn Progress,
) -> Pages {
    let jobs: Vec<(usize, Lang)> = (0..ctx.site.pages.len())
        .filter(|&i| only.is_none_or(|ids| ids.contains(&ctx.site.pages[i].id)))
        .flat_map(|i| Lang::ALL.into_iter().map(move |l| (i, l)))
        .collect();
    let ids: Vec<&str> = jobs
        .iter()
        .map(|&(i, _)| ctx.site.pages[i].id.as_str())
        .collect();
    let (order, in_report) = whole::writing_order(ctx, &ids);
    progress.start(jobs.len());
    // Jobs are taken one by one in writing order (the cover and the chapters, which list many cases, come
    // early), so a part rarely waits long for the parts before it.
    let mut results: Vec<(usize, page::PageOutcome)> = order
        .iter()
        .enumerate()
        .par_bridge()
        .map(|(place, &j)| {
            let (i, lang) = jobs[j];
            let mut outcome = page::render_page(ctx, &ctx.site.pages[i], lang, sink, record_deps);
            match (stream, &mut outcome.rendered) {
                (Some(stream), rendered) => {
                    let part = rendered
                        .as_mut()
                        .map(|r| whole::take_part(ctx, r, in_report[j]));
                    stream.send(place, part);
                }
                (None, Some(r)) => {
                    // Kept for later: without the slack of a growing buffer.
                    r.text.as_mut().map(String::shrink_to_fit);
                    r.report_section.as_mut().map(Vec::shrink_to_fit);
                }
                (None, None) => {}
            }
            progress.advance();
            (j, outcome)
        })
        .collect();
    progress.finish();
    results.sort_by_key(|(j, _)| *j);
    let mut out = Pages::default();
    for (_, outcome) in results {
        out.errors.extend(outcome.errors);
        out.files += outcome.files;
        out.rendered.extend(outcome.rendered.map(Arc::new));
    }
    out
}

/// Renders the generated pages (lists, taxonomy pages, the search page, the landing and 404 pages), the
/// theme's static files, sitemap.xml and robots.txt; returns the number of files.
pub fn lists(ctx: &Context<'_>, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let sitemap = publish::render_sitemap(ctx, sink, &mut errors);
    let cards = cards::write_cards(ctx, sink).unwrap_or_else(|mut e| {
        errors.append(&mut e);
        0
    });
    match lists::render_lists(ctx, sink) {
        Ok(lists) if errors.is_empty() => Ok(sitemap + lists + cards),
        Ok(_) => Err(errors),
        Err(mut e) => {
            e.append(&mut errors);
            Err(e)
        }
    }
}

/// Writes each language's Atom feed from the pages rendered; returns the number of files.
pub fn feeds(
    ctx: &Context<'_>,
    rendered: &[Arc<RenderedPage>],
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let n = publish::render_feeds(ctx, rendered, sink, &mut errors);
    if errors.is_empty() {
        Ok(n)
    } else {
        Err(errors)
    }
}

/// Runs `render` while the outputs in `outputs` that are made of page parts (the whole-report pages and
/// the search indexes) are written from the parts `render` sends to the stream it gets, in reading order,
/// as soon as the parts before them are in (so a large report is never held whole). With neither output
/// wanted, `render` gets no stream.
pub fn streaming<R: Send>(
    ctx: &Context<'_>,
    sink: &dyn Sink,
    outputs: &[Whole],
    render: impl FnOnce(Option<&whole::Stream>) -> R + Send,
) -> (R, Result<Written, Vec<Diagnostic>>) {
    whole::streaming(ctx, sink, outputs, render)
}

/// Writes the outputs in `outputs` made of every page, from pages rendered before that kept their parts
/// (see [`pages`]).
pub fn whole(
    ctx: &Context<'_>,
    rendered: &[Arc<RenderedPage>],
    sink: &dyn Sink,
    outputs: &[Whole],
) -> Result<Written, Vec<Diagnostic>> {
    let mut written = whole::write_kept(ctx, rendered, sink, outputs)?;
    if outputs.contains(&Whole::Feeds) {
        written.files += feeds(ctx, rendered, sink)?;
    }
    Ok(written)
}

/// The number of content pages per language among `rendered`.
pub fn count(rendered: &[Arc<RenderedPage>]) -> Localized<usize> {
    let mut pages = Localized::<usize>::default();
    for r in rendered {
        *pages.get_mut(r.lang) += 1;
    }
    pages
}
