//! Taxonomy pages: an index per taxonomy with counts (`/ja/regions/`), and a page per term listing its cases
//! (`/ja/regions/hyogo/`).

use rayon::prelude::*;

use super::context::Context;
use super::deps::Deps;
use super::list_page::list_page;
use super::terms::{term_url, used_terms};
use super::urls::page_path;
use super::views::{Link, ListView, TermCount};
use crate::diag::Diagnostic;
use crate::model::lang::Lang;
use crate::model::taxonomy::TaxonomyKind;
use crate::output::Sink;

/// Links to the three taxonomy indexes.
pub(crate) fn taxonomy_links(ctx: &Context<'_>, lang: Lang, from: &str) -> Vec<Link> {
    TaxonomyKind::ALL
        .into_iter()
        .map(|kind| Link {
            title: ctx.t(lang, &format!("taxonomy_{}", kind.key())),
            url: ctx.urls.href(from, &page_path(lang, kind.key())),
        })
        .collect()
}

/// Renders every taxonomy index and term page; returns the number of files.
pub(crate) fn render_taxonomies(
    ctx: &Context<'_>,
    sink: &dyn Sink,
    errors: &mut Vec<Diagnostic>,
) -> usize {
    // Each taxonomy in each language is rendered on its own (the term pages of a large site list many
    // cases).
    let jobs: Vec<(TaxonomyKind, Lang)> = TaxonomyKind::ALL
        .into_iter()
        .flat_map(|kind| Lang::ALL.map(|lang| (kind, lang)))
        .collect();
    let done: Vec<(usize, Vec<Diagnostic>)> = jobs
        .par_iter()
        .map(|&(kind, lang)| {
            let mut errors = Vec::new();
            let n = render_taxonomy(ctx, sink, kind, lang, &mut errors);
            (n, errors)
        })
        .collect();
    let mut files = 0;
    for (n, mut e) in done {
        files += n;
        errors.append(&mut e);
    }
    files
}

/// One taxonomy's index and term pages in one language.
fn render_taxonomy(
    ctx: &Context<'_>,
    sink: &dyn Sink,
    kind: TaxonomyKind,
    lang: Lang,
    errors: &mut Vec<Diagnostic>,
) -> usize {
    let mut files = 0;
    let used = used_terms(ctx.site, kind);
    let index_path = page_path(lang, kind.key());
    let name = ctx.t(lang, &format!("taxonomy_{}", kind.key()));
    let list = ListView {
        terms: used
            .iter()
            .map(|(term, cases)| TermCount {
                title: term.label.get(lang).clone(),
                url: ctx.urls.href(&index_path, &term_url(lang, kind, &term.key)),
                count: cases.len(),
            })
            .collect(),
        taxonomies: taxonomy_links(ctx, lang, &index_path),
        map: (kind == TaxonomyKind::Regions)
            .then(|| super::japan_map::map_view(ctx, lang, &index_path, &mut Deps::new(false)))
            .flatten(),
        ..ListView::default()
    };
    // A title of its own (Cases by region), else the general one with the taxonomy's name.
    let title = ctx
        .theme
        .strings
        .get(lang)
        .get(&format!("taxonomy_index_{}", kind.key()))
        .cloned()
        .unwrap_or_else(|| {
            super::strings::fill(&ctx.t(lang, "taxonomy_index_title"), &[("name", &name)])
        });
    match list_page(ctx, lang, kind.key(), "taxonomy", title, list, None) {
        Ok(html) => match sink.put(&format!("{index_path}index.html"), html) {
            Ok(()) => files += 1,
            Err(e) => errors.push(e),
        },
        Err(e) => errors.push(e),
    }
    for (term, cases) in &used {
        let id = format!("{}/{}", kind.key(), term.key);
        let from = page_path(lang, &id);
        let origin = ctx.urls.origin(&from);
        // Term pages are made again with the other generated pages (see `list_page`).
        let mut deps = Deps::new(false);
        let list = ListView {
            cases: cases
                .iter()
                .map(|p| ctx.card(p, lang, origin, &mut deps))
                .collect(),
            taxonomy: Some(Link {
                title: name.clone(),
                url: ctx.urls.href(&from, &index_path),
            }),
            taxonomies: taxonomy_links(ctx, lang, &from),
            ..ListView::default()
        };
        let crumb = Link {
            title: name.clone(),
            url: ctx.urls.href(&from, &index_path),
        };
        let title = format!("{name}: {}", term.label.get(lang));
        match list_page(ctx, lang, &id, "term", title, list, Some(crumb)) {
            Ok(html) => match sink.put(&format!("{from}index.html"), html) {
                Ok(()) => files += 1,
                Err(e) => errors.push(e),
            },
            Err(e) => errors.push(e),
        }
    }
    files
}
