//! Files for search engines and feed readers: `sitemap.xml` with hreflang alternates, an Atom feed per
//! language, and `robots.txt`. All addresses are absolute (from `base_url`), whatever the link mode.

use serde::Serialize;

use super::context::Context;
use super::rendered::RenderedPage;
use super::targets::GENERATED;
use super::terms::used_terms;
use super::urls::page_path;
use crate::diag::Diagnostic;
use crate::model::date::PartialDate;
use crate::model::lang::Lang;
use crate::model::page::PageKind;
use crate::model::taxonomy::TaxonomyKind;
use crate::output::Sink;

#[derive(Serialize)]
struct SitemapContext {
    urls: Vec<SitemapUrl>,
}

#[derive(Serialize)]
struct SitemapUrl {
    loc: String,
    alternates: Vec<Alt>,
}

#[derive(Serialize)]
struct Alt {
    hreflang: &'static str,
    href: String,
}

#[derive(Serialize)]
struct FeedContext {
    lang: &'static str,
    title: String,
    subtitle: String,
    id: String,
    self_url: String,
    home_url: String,
    updated: String,
    author: String,
    entries: Vec<FeedEntry>,
}

#[derive(Serialize)]
struct FeedEntry {
    title: String,
    url: String,
    updated: String,
    published: Option<String>,
    summary: String,
    category: &'static str,
}

/// Writes sitemap.xml and robots.txt (they need only the site); returns the number of files.
pub(crate) fn render_sitemap(
    ctx: &Context<'_>,
    sink: &dyn Sink,
    errors: &mut Vec<Diagnostic>,
) -> usize {
    let sitemap_xml = ctx.render("sitemap.xml", &sitemap(ctx), "/sitemap.xml");
    let robots = ctx.render(
        "robots.txt",
        &serde_json::json!({ "sitemap": ctx.urls.absolute("sitemap.xml") }),
        "/robots.txt",
    );
    put_all(
        sink,
        [
            ("sitemap.xml".into(), sitemap_xml),
            ("robots.txt".into(), robots),
        ],
        errors,
    )
}

/// Writes the feed of each language, from the pages rendered; returns the number of files.
pub(crate) fn render_feeds(
    ctx: &Context<'_>,
    rendered: &[std::sync::Arc<RenderedPage>],
    sink: &dyn Sink,
    errors: &mut Vec<Diagnostic>,
) -> usize {
    // The two feeds (long for a large site) are made side by side.
    let feed_of = |lang: Lang| {
        let path = format!("{}feed.xml", page_path(lang, ""));
        let xml = ctx.render("feed.xml", &feed(ctx, rendered, lang), &format!("/{path}"));
        (path, xml)
    };
    let (ja, en) = rayon::join(|| feed_of(Lang::Ja), || feed_of(Lang::En));
    put_all(sink, [ja, en], errors)
}

fn put_all<const N: usize>(
    sink: &dyn Sink,
    files: [(String, Result<String, Diagnostic>); N],
    errors: &mut Vec<Diagnostic>,
) -> usize {
    let mut written = 0;
    for (path, result) in files {
        match result.and_then(|text| sink.put(&path, text.into_bytes())) {
            Ok(()) => written += 1,
            Err(e) => errors.push(e),
        }
    }
    written
}

/// Every indexable address: content pages in the languages they exist in (fallbacks are `noindex`), the
/// generated pages in both; translated pages list each other.
fn sitemap(ctx: &Context<'_>) -> SitemapContext {
    let mut urls = vec![SitemapUrl {
        loc: ctx.urls.absolute(""),
        alternates: Vec::new(),
    }];
    let mut add = |id: &str, langs: &[Lang]| {
        let alternates: Vec<Alt> = if langs.len() > 1 {
            let mut alts: Vec<Alt> = langs
                .iter()
                .map(|l| Alt {
                    hreflang: l.code(),
                    href: ctx.urls.absolute(&page_path(*l, id)),
                })
                .collect();
            alts.push(Alt {
                hreflang: "x-default",
                href: ctx
                    .urls
                    .absolute(&page_path(ctx.site.config.default_language, id)),
            });
            alts
        } else {
            Vec::new()
        };
        for lang in langs {
            urls.push(SitemapUrl {
                loc: ctx.urls.absolute(&page_path(*lang, id)),
                alternates: alternates
                    .iter()
                    .map(|a| Alt {
                        hreflang: a.hreflang,
                        href: a.href.clone(),
                    })
                    .collect(),
            });
        }
    };
    for page in ctx.site.reading_order() {
        let langs: Vec<Lang> = Lang::ALL
            .into_iter()
            .filter(|l| page.docs.get(*l).is_some())
            .collect();
        add(&page.id, &langs);
    }
    for g in GENERATED {
        add(g, &Lang::ALL);
    }
    // The parts of the whole report after its first (`report`, generated above).
    for part in ctx.report.parts().iter().skip(1) {
        add(&part.id, &Lang::ALL);
    }
    for figure in &ctx.figures.list {
        add(&format!("figures/{}", figure.id), &Lang::ALL);
    }
    for kind in TaxonomyKind::ALL {
        for (term, _) in used_terms(ctx.site, kind) {
            add(&format!("{}/{}", kind.key(), term.key), &Lang::ALL);
        }
    }
    SitemapContext { urls }
}

fn rfc3339(d: PartialDate) -> String {
    let (y, m, day) = d.first_day();
    format!("{y:04}-{m:02}-{day:02}T00:00:00Z")
}

/// The language's feed: every dated page written in that language, newest first.
fn feed(ctx: &Context<'_>, rendered: &[std::sync::Arc<RenderedPage>], lang: Lang) -> FeedContext {
    let mut entries: Vec<(PartialDate, String, FeedEntry)> = Vec::new();
    for r in rendered.iter().filter(|r| r.lang == lang && !r.is_fallback) {
        let Some(page) = ctx.site.page(&r.page_id) else {
            continue;
        };
        if page.kind == PageKind::Home {
            continue;
        }
        let Some(doc) = page.docs.get(lang) else {
            continue;
        };
        let Some(updated) = doc.updated.or(doc.date) else {
            continue;
        };
        entries.push((
            updated,
            page.id.clone(),
            FeedEntry {
                title: doc.title.clone(),
                url: ctx.urls.absolute(&page_path(lang, &page.id)),
                updated: rfc3339(updated),
                published: doc.date.map(rfc3339),
                summary: doc.summary.clone().unwrap_or_else(|| r.excerpt.clone()),
                category: match page.kind {
                    PageKind::Case => "case",
                    PageKind::Chapter => "chapter",
                    _ => "page",
                },
            },
        ));
    }
    entries.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let updated = entries
        .first()
        .map(|e| e.2.updated.clone())
        .unwrap_or_else(|| "1970-01-01T00:00:00Z".to_string());
    let home = page_path(lang, "");
    FeedContext {
        lang: lang.code(),
        title: ctx.site.config.title.get(lang).clone(),
        subtitle: ctx
            .site
            .config
            .subtitle
            .as_ref()
            .map(|s| s.get(lang).clone())
            .unwrap_or_else(|| ctx.t(lang, "feed_title")),
        id: ctx.urls.absolute(&home),
        self_url: ctx.urls.absolute(&format!("{home}feed.xml")),
        home_url: ctx.urls.absolute(&home),
        updated,
        author: ctx.site.config.publisher.get(lang).clone(),
        entries: entries.into_iter().map(|(_, _, e)| e).collect(),
    }
}
