//! The PDF editions as the pipeline uses them: made, linked from the pages, recognised by their path; with
//! the `pdf` feature off, none.

use super::Prepared;
use crate::diag::Diagnostic;
use crate::render::PdfLinks;

/// Where the PDF editions are, with the sizes of those in `made`.
#[cfg(feature = "pdf")]
pub(super) fn pdf_links(prepared: &Prepared, made: &[(String, Vec<u8>)]) -> PdfLinks {
    let sizes: std::collections::HashMap<&str, usize> = made
        .iter()
        .map(|(path, bytes)| (path.as_str(), bytes.len()))
        .collect();
    PdfLinks::new(crate::pdf::editions(&prepared.site).into_iter().map(|e| {
        let path = e.path();
        let size = sizes.get(path.as_str()).copied();
        (e.lang, e.case, path, size)
    }))
}

/// Without the `pdf` feature there are no PDF editions to link to.
#[cfg(not(feature = "pdf"))]
pub(super) fn pdf_links(_prepared: &Prepared, _made: &[(String, Vec<u8>)]) -> PdfLinks {
    PdfLinks::default()
}

/// PDF editions made: (site path, bytes), and warnings about them.
pub(super) type Pdfs = (Vec<(String, Vec<u8>)>, Vec<Diagnostic>);

/// The PDF editions (`only` the one at that site path, or all).
#[cfg(feature = "pdf")]
pub(super) fn make_pdfs(prepared: &Prepared, only: Option<&str>) -> Result<Pdfs, Vec<Diagnostic>> {
    let editions: Vec<crate::pdf::EditionId> = crate::pdf::editions(&prepared.site)
        .into_iter()
        .filter(|e| only.is_none_or(|path| e.path() == path))
        .collect();
    let made = crate::pdf::make(&prepared.context(None), &editions)?;
    Ok((made.pdfs, made.warnings))
}

/// Without the `pdf` feature there are no PDF editions.
#[cfg(not(feature = "pdf"))]
pub(super) fn make_pdfs(
    _prepared: &Prepared,
    _only: Option<&str>,
) -> Result<Pdfs, Vec<Diagnostic>> {
    Ok(Default::default())
}

/// Whether the file at `site_path` is a PDF edition.
#[cfg(feature = "pdf")]
pub fn is_pdf(prepared: &Prepared, site_path: &str) -> bool {
    crate::pdf::edition_at(&prepared.site, site_path).is_some()
}

/// Without the `pdf` feature no file is a PDF edition.
#[cfg(not(feature = "pdf"))]
pub fn is_pdf(_prepared: &Prepared, _site_path: &str) -> bool {
    false
}
