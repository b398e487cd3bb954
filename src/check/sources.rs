//! A source defined in `sources.yaml` that no page cites: it appears in the list of sources with nothing
//! citing it.

use std::collections::HashSet;
use std::path::Path;

use crate::diag::{Code, Diagnostic};
use crate::model::site::Site;

/// A warning for each source of `<content>/sources.yaml` that no page lists in its `sources`, at its id.
pub fn uncited_sources(site: &Site, content: &Path) -> Vec<Diagnostic> {
    let cited: HashSet<&str> = site
        .pages
        .iter()
        .flat_map(|p| p.data.sources.iter().map(String::as_str))
        .collect();
    site.sources
        .iter()
        .filter(|s| !cited.contains(s.id.as_str()))
        .map(|s| {
            Diagnostic::warning(
                Code::UncitedSource,
                content.join("sources.yaml"),
                format!("the source `{}` is cited by no page", s.id),
            )
            .at_opt(s.position)
            .with_help(
                "list it in the `sources` of the data.yaml of each page that draws on it, or remove it",
            )
            .ja(format!("出典 `{}` はどのページからも挙げられていません", s.id))
            .ja_help(
                "この出典を使うページの data.yaml の `sources` に加えるか、出典を削除してください",
            )
        })
        .collect()
}
