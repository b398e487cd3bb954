//! What `serve` makes only when it is asked for, with the pipeline's values: a PDF edition, a figure's PNG,
//! an output made of every page.

use std::sync::Arc;

use super::Prepared;
use super::editions::{make_pdfs, pdf_links};
use crate::diag::Diagnostic;
use crate::output::Sink;
use crate::render::{self, RenderedPage, Whole, Written};

/// Makes the PDF edition whose file is at `site_path` into `sink` (for `serve`, which makes each when it is
/// asked for); whether there is one.
pub fn write_pdf(
    prepared: &Prepared,
    site_path: &str,
    sink: &dyn Sink,
) -> Result<bool, Vec<Diagnostic>> {
    let (pdfs, _) = make_pdfs(prepared, Some(site_path))?;
    let found = !pdfs.is_empty();
    for (path, bytes) in pdfs {
        sink.put(&path, bytes).map_err(|e| vec![e])?;
    }
    Ok(found)
}

/// Draws the figure image (PNG) at `site_path` into `sink` (for `serve`, which draws each when it is asked
/// for); whether there is one.
pub fn write_figure_png(
    prepared: &Prepared,
    site_path: &str,
    sink: &dyn Sink,
) -> Result<bool, Vec<Diagnostic>> {
    let links = pdf_links(prepared, &[]);
    match render::figure_png(&prepared.context(Some(&links)), site_path) {
        None => Ok(false),
        Some(Ok(bytes)) => sink
            .put(site_path, bytes)
            .map(|()| true)
            .map_err(|e| vec![e]),
        Some(Err(e)) => Err(vec![e]),
    }
}

/// Writes the outputs in `outputs` made of every page, from `rendered` pages that kept their parts (for
/// `serve`, which makes each when it is asked for).
pub fn write_whole(
    prepared: &Prepared,
    rendered: &[Arc<RenderedPage>],
    sink: &dyn Sink,
    outputs: &[Whole],
) -> Result<Written, Vec<Diagnostic>> {
    let links = pdf_links(prepared, &[]);
    render::whole(&prepared.context(Some(&links)), rendered, sink, outputs)
}
