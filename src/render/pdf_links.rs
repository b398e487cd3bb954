//! Where the PDF editions are, for the pages that link to them: a case page to its case's PDF; the cover,
//! the chapter pages and the whole-report page to the whole report's. "PDF版（1.2 MB）" when the PDF was made
//! before the pages (a build), "PDF版" when it is made on request (`serve`).

use std::collections::HashMap;

use super::context::Context;
use super::views::PdfView;
use crate::format::size::file_size;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};

/// The editions by (language, case page id or `None` for the whole report): site path and size in bytes.
#[derive(Clone, Debug, Default)]
pub struct PdfLinks(HashMap<(Lang, Option<String>), (String, Option<usize>)>);

impl PdfLinks {
    /// Links to these editions: (language, case, site path, size when made).
    pub fn new(
        editions: impl IntoIterator<Item = (Lang, Option<String>, String, Option<usize>)>,
    ) -> Self {
        PdfLinks(
            editions
                .into_iter()
                .map(|(lang, case, path, size)| ((lang, case), (path, size)))
                .collect(),
        )
    }

    fn get(&self, lang: Lang, case: Option<&str>) -> Option<&(String, Option<usize>)> {
        self.0.get(&(lang, case.map(str::to_string)))
    }
}

/// The PDF link a content page shows, if any.
pub(crate) fn for_page(ctx: &Context<'_>, page: &Page, lang: Lang, from: &str) -> Option<PdfView> {
    let case = match page.kind {
        PageKind::Case => Some(page.id.as_str()),
        PageKind::Home | PageKind::Chapter => None,
        PageKind::Other => return None,
    };
    view(ctx, lang, case, from)
}

/// The absolute address of a case's PDF edition in `lang`, if there is one (`citation_pdf_url`).
pub(crate) fn absolute(ctx: &Context<'_>, lang: Lang, case: &str) -> Option<String> {
    let (path, _) = ctx.pdf?.get(lang, Some(case))?;
    Some(ctx.urls.absolute(path))
}

/// The link to the whole report's PDF from the page at site path `from`.
pub(crate) fn whole_report(ctx: &Context<'_>, lang: Lang, from: &str) -> Option<PdfView> {
    view(ctx, lang, None, from)
}

fn view(ctx: &Context<'_>, lang: Lang, case: Option<&str>, from: &str) -> Option<PdfView> {
    let (path, size) = ctx.pdf?.get(lang, case)?;
    let text = match size {
        Some(bytes) => super::strings::fill(
            &ctx.t(lang, "pdf_link_sized"),
            &[("size", &file_size(*bytes))],
        ),
        None => ctx.t(lang, "pdf_link"),
    };
    Some(PdfView {
        url: ctx.urls.href(from, path),
        file: path.rsplit('/').next().unwrap_or(path).to_string(),
        text,
    })
}
