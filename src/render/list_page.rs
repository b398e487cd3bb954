//! A generated page (the case list, a taxonomy term, the search page, …): its view around a [`ListView`],
//! rendered with the template of its kind.

use super::context::Context;
use super::deps::Deps;
use super::pieces::{alternates, switch};
use super::urls::page_path;
use super::views::{Link, ListView, PageContext, PageView};
use crate::diag::Diagnostic;
use crate::model::lang::Lang;

/// Renders a generated page at `id` (a path under the language, e.g. `figures` or `regions/hyogo`) with
/// the template `<kind>.html`.
pub(crate) fn list_page(
    ctx: &Context<'_>,
    lang: Lang,
    id: &str,
    kind: &'static str,
    title: String,
    list: ListView,
    crumb: Option<Link>,
) -> Result<Vec<u8>, Diagnostic> {
    let view = list_page_context(ctx, lang, id, kind, title, list, crumb);
    let from = page_path(lang, id);
    let (template, what) = (format!("{kind}.html"), format!("/{from}"));
    // Generated pages are made again whenever what pages show changes (see `serve`): what they read need
    // not be recorded.
    let site = ctx.site_value(lang, None, ctx.urls.origin(&from), &mut Deps::new(false));
    ctx.render_page(&template, &view, site, &what)
}

/// The context of a generated page.
pub(crate) fn list_page_context(
    ctx: &Context<'_>,
    lang: Lang,
    id: &str,
    kind: &'static str,
    title: String,
    list: ListView,
    crumb: Option<Link>,
) -> PageContext {
    let from = page_path(lang, id);
    let site_title = ctx.site.config.title.get(lang);
    let mut breadcrumbs = vec![Link {
        title: site_title.clone(),
        url: ctx.urls.href(&from, &page_path(lang, "")),
    }];
    breadcrumbs.extend(crumb);
    let description = ctx
        .theme
        .strings
        .get(lang)
        .get(&format!("{kind}_description"))
        .cloned()
        .unwrap_or_else(|| title.clone());
    let page = PageView {
        kind,
        head_title: format!("{title} | {site_title}"),
        title,
        summary: None,
        description,
        url: ctx.urls.href(&from, &from),
        canonical: ctx.urls.absolute(&from),
        content_lang: lang.code(),
        is_fallback: false,
        is_draft: false,
        noindex: false,
        alternates: alternates(ctx, id, &Lang::ALL),
        switch: switch(ctx, lang, &from, id),
        breadcrumbs,
        toc: Vec::new(),
        body: String::new(),
        footnotes: String::new(),
        date: None,
        date_iso: None,
        updated: None,
        og_type: "website",
        og_locale: match lang {
            Lang::Ja => "ja_JP",
            Lang::En => "en_US",
        },
        pdf: (kind == "report")
            .then(|| super::pdf_links::whole_report(ctx, lang, &from))
            .flatten(),
        meta: super::meta_views::PageMeta {
            og_image: Some(super::cards::og_image(ctx, None, lang)),
            ..Default::default()
        },
        nav: None,
    };
    PageContext {
        lang: lang.code(),
        page,
        facts: None,
        case: None,
        chapter: None,
        home: None,
        list: Some(list),
        report: None,
        figure: None,
    }
}
