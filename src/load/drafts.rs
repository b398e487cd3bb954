//! Drafts: a document marked `draft: true` is left out, as if it were not written (so the other language's
//! text stands in for it, under the notice for missing translations), and a page whose documents are all
//! drafts is left out whole. Each is listed as a warning, so `check` shows what a build leaves out.

use crate::diag::{Code, Diagnostic};
use crate::model::lang::Lang;
use crate::model::page::Page;

/// `pages` without their draft documents (and without pages left with none), unless `with_drafts`; a
/// warning for each draft.
pub(super) fn drafts_left_out(
    pages: Vec<Page>,
    with_drafts: bool,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Page> {
    if with_drafts {
        return pages;
    }
    let mut kept = Vec::with_capacity(pages.len());
    for mut page in pages {
        for lang in Lang::ALL {
            let slot = page.docs.get_mut(lang);
            if let Some(doc) = slot.as_ref().filter(|d| d.draft) {
                warnings.push(
                    Diagnostic::warning(
                        Code::Draft,
                        &doc.path,
                        "this page is a draft (draft: true): build leaves it out",
                    )
                    .with_help("remove `draft: true` to publish it; `hakusho serve` and `build --drafts` show it")
                    .ja("このページは下書き（draft: true）なので、build では出力しません")
                    .ja_help("公開するには `draft: true` を消してください。`hakusho serve` と `build --drafts` では表示されます"),
                );
                *slot = None;
            }
        }
        if Lang::ALL.iter().any(|l| page.docs.get(*l).is_some()) {
            kept.push(page);
        }
    }
    kept
}
