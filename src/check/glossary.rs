//! A glossary term that no page's text uses: readers meet it only on the glossary page.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic};
use crate::model::site::Site;
use crate::render::RenderedPage;

/// A warning for each glossary entry that no rendered page marks, at the entry's term in
/// `<content>/glossary.yaml` (where loading found it).
pub fn unused_terms(
    site: &Site,
    rendered: &[Arc<RenderedPage>],
    content: &Path,
) -> Vec<Diagnostic> {
    let used: HashSet<&str> = rendered
        .iter()
        .flat_map(|r| r.glossary_used.iter().map(String::as_str))
        .collect();
    site.glossary
        .iter()
        .filter(|entry| !used.contains(entry.id.as_str()))
        .map(|entry| {
            Diagnostic::warning(
                Code::UnusedGlossaryTerm,
                content.join("glossary.yaml"),
                format!(
                    "the glossary term `{}` ({}) is not used in any page",
                    entry.term.ja, entry.term.en
                ),
            )
            .at_opt(entry.term_position)
            .with_help("use the term as written in a page's text, or remove the entry")
            .ja(format!(
                "用語集の用語 `{}`（{}）はどのページでも使われていません",
                entry.term.ja, entry.term.en
            ))
            .ja_help("ページの本文で用語集のとおりの表記で使うか、用語集から削除してください")
        })
        .collect()
}
