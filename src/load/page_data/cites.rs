//! A fact's sources: each must be one the page lists, with at most one place in it.

use crate::diag::{Code, Diagnostic};
use crate::load::citations::RawCitations;
use crate::model::citation::{Citation, Locator};
use crate::yaml::{Seg, Source};

/// Checks that a fact cites one of the page's sources.
pub(super) struct Cites<'a> {
    pub(super) src: &'a Source<'a>,
    pub(super) sources: &'a [String],
}

impl Cites<'_> {
    /// The sources of the fact `what` at `at`, each with its place in the source; an error if it has none,
    /// cites one the page does not list, or gives a place in more than one way.
    pub(super) fn citations(
        &self,
        errors: &mut Vec<Diagnostic>,
        source: Option<RawCitations>,
        at: &[Seg<'_>],
        (what, what_ja): (&str, &str),
    ) -> Vec<Citation> {
        let Some(raw) = source.filter(|r| !r.items.is_empty()) else {
            errors.push(
                self.src.error_at(Code::MissingKey, at, format!("{what} has no `source`"))
                    .with_help("every fact names where it comes from: add `source: <id>` with an id from this page's `sources`")
                    .ja(format!("{what_ja}に `source`（出典）がありません"))
                    .ja_help("事実にはすべて出典を示します。このページの `sources` にある id で `source: <id>` を加えてください"),
            );
            return Vec::new();
        };
        let mut out = Vec::with_capacity(raw.items.len());
        for (i, item) in raw.items.into_iter().enumerate() {
            let mut at_source = at.to_vec();
            at_source.push(Seg::Key("source"));
            if raw.list {
                at_source.push(Seg::Index(i));
            }
            if !self.sources.contains(&item.id) {
                let s = &item.id;
                let d = self.src.error_at(
                    Code::UnknownReference,
                    &at_source,
                    format!("{what} cites `{s}`, which is not in this page's `sources`"),
                );
                let d = d.ja(format!(
                    "{what_ja}が挙げる `{s}` は、このページの `sources` にありません"
                ));
                errors.push(match crate::diag::did_you_mean(s, self.sources.iter().map(String::as_str)) {
                    Some(best) => d.with_help(format!("did you mean `{best}`?")).ja_help(format!("`{best}` のことですか？")),
                    None => d
                        .with_help(format!("add `{s}` to `sources` at the top of data.yaml (ids are defined in content/sources.yaml)"))
                        .ja_help(format!("data.yaml の最初の `sources` に `{s}` を加えてください（id は content/sources.yaml で定義します）")),
                });
            }
            let given = [
                item.page.map(|p| Locator::Page(p.0)),
                item.figure.map(|f| Locator::Figure(f.0)),
                item.table.map(|t| Locator::Table(t.0)),
                item.section.map(|t| Locator::Section(t.0)),
            ];
            let mut given = given.into_iter().flatten();
            let locator = given.next();
            if given.next().is_some() {
                errors.push(
                    self.src
                        .error_at(Code::InvalidValue, &at_source, format!("{what} gives more than one place in `{}`", item.id))
                        .with_help("give one of `page`, `figure`, `table` or `section`; to cite two places, list the source twice")
                        .ja(format!("{what_ja}は `{}` の中の場所を二つ以上示しています", item.id))
                        .ja_help("`page`、`figure`、`table`、`section` のどれか一つにしてください。二か所を挙げるときは出典を二度書きます"),
                );
            }
            out.push(Citation {
                source: item.id,
                locator,
            });
        }
        out
    }
}
