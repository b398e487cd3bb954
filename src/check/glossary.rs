//! A glossary term that no page's text uses: readers meet it only on the glossary page.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, Severity};
use crate::model::site::Site;
use crate::render::RenderedPage;
use crate::yaml::{Seg, Source};

/// A warning for each glossary entry that no rendered page marks.
pub fn unused_terms(
    site: &Site,
    rendered: &[Arc<RenderedPage>],
    content: &Path,
) -> Vec<Diagnostic> {
    let used: HashSet<&str> = rendered
        .iter()
        .flat_map(|r| r.glossary_used.iter().map(String::as_str))
        .collect();
    let path = content.join("glossary.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let src = Source::file(&path, &text);
    let mut warnings = Vec::new();
    for (i, entry) in site.glossary.iter().enumerate() {
        if !used.contains(entry.id.as_str()) {
            let mut d = src.error_at(
                Code::UnusedGlossaryTerm,
                &[Seg::Index(i), Seg::Key("term")],
                format!(
                    "the glossary term `{}` ({}) is not used in any page",
                    entry.term.ja, entry.term.en
                ),
            );
            d.severity = Severity::Warning;
            warnings
                .push(d.with_help("use the term as written in a page's text, or remove the entry"));
        }
    }
    warnings
}
