//! What the search index holds besides the pages' text: every numbered figure and table by its number and
//! title (図2-4, Figure 2-4), glossary entries, taxonomy terms and key figures, each linking to where it is
//! shown; and a page's own entry, with its kind and headings.

use std::borrow::Cow;

use super::context::Context;
use super::terms::{term_url, used_terms};
use super::urls::page_path;
use crate::format::number::format_quantity;
use crate::model::lang::{Lang, Localized};
use crate::model::page::PageKind;
use crate::model::taxonomy::TaxonomyKind;
use crate::search::{Entry, kind};

/// The kind of the page `page_id` as search results label it.
fn page_kind(ctx: &Context<'_>, page_id: &str) -> &'static str {
    match ctx.site.page(page_id).map(|p| p.kind) {
        Some(PageKind::Case) => kind::CASE,
        Some(PageKind::Chapter) => kind::CHAPTER,
        _ => kind::PAGE,
    }
}

/// The search entry of a page in `lang` (its address as seen from the search page), with its headings.
pub(crate) fn search_entry<'a>(
    ctx: &Context<'_>,
    lang: Lang,
    page_id: &str,
    (title, summary, text): (Cow<'a, str>, Cow<'a, str>, Cow<'a, str>),
    headings: &str,
) -> Entry<'a> {
    let from = page_path(lang, "search");
    Entry {
        title,
        url: ctx.urls.href(&from, &page_path(lang, page_id)).into(),
        kind: page_kind(ctx, page_id),
        summary,
        headings: headings.to_string().into(),
        text,
    }
}

/// The entries of each language that are not pages: figures, tables, glossary entries, taxonomy terms
/// and key figures, in reading order.
pub(crate) fn search_entries(ctx: &Context<'_>) -> Localized<Vec<Entry<'static>>> {
    Localized::from_fn(|lang| entries(ctx, lang))
}

fn entries(ctx: &Context<'_>, lang: Lang) -> Vec<Entry<'static>> {
    let from = page_path(lang, "search");
    let href = |to: String| -> Cow<'static, str> { ctx.urls.href(&from, &to).into() };
    let page_title = |id: &str| -> String {
        ctx.site
            .page(id)
            .and_then(|p| {
                p.docs
                    .get(lang)
                    .as_ref()
                    .or(p.docs.get(lang.other()).as_ref())
            })
            .map(|d| d.title.clone())
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    let numbered = [
        (&ctx.figures.list, kind::FIGURE),
        (&ctx.figures.tables, kind::TABLE),
    ];
    for (list, what) in numbered {
        for f in list {
            let label = f.label.get(lang);
            let url = if what == kind::FIGURE {
                page_path(lang, &format!("figures/{}", f.id))
            } else {
                format!("{}#tbl-{}", page_path(lang, &f.page_id), f.id)
            };
            out.push(Entry {
                title: format!("{label} {}", f.title.get(lang)).into(),
                url: href(url),
                kind: what,
                summary: page_title(&f.page_id).into(),
                headings: "".into(),
                text: "".into(),
            });
        }
    }
    for g in &ctx.site.glossary {
        let expansion = g.expansion.get(lang);
        out.push(Entry {
            title: g.term.get(lang).clone().into(),
            url: href(format!("{}#{}", page_path(lang, "glossary"), g.id)),
            kind: kind::GLOSSARY,
            summary: g.definition.get(lang).clone().into(),
            headings: expansion.clone().into(),
            text: "".into(),
        });
    }
    for taxonomy in TaxonomyKind::ALL {
        let name = ctx.t(lang, &format!("taxonomy_{}", taxonomy.key()));
        for (term, cases) in used_terms(ctx.site, taxonomy) {
            let titles: Vec<String> = cases.iter().map(|p| page_title(&p.id)).collect();
            out.push(Entry {
                title: term.label.get(lang).clone().into(),
                url: href(term_url(lang, taxonomy, &term.key)),
                kind: kind::TERM,
                summary: name.clone().into(),
                headings: "".into(),
                text: titles.join(" / ").into(),
            });
        }
    }
    for page in ctx.site.reading_order() {
        for k in &page.data.key_figures {
            let value = format_quantity(k.value, lang, k.scale, k.unit.get(lang), k.qualifier);
            out.push(Entry {
                title: k.label.get(lang).clone().into(),
                url: href(format!("{}#kf-{}", page_path(lang, &page.id), k.id)),
                kind: kind::KEY_FIGURE,
                summary: format!("{value} — {}", page_title(&page.id)).into(),
                headings: value.into(),
                text: "".into(),
            });
        }
    }
    out
}
