//! [`Context`]: everything a rendering job reads, made in one place (the pipeline), and the template calls.
//!
//! A page job reads its own page freely. What it reads of other pages goes through the functions here and
//! in [`super::pieces`] that take a [`Deps`], so that `serve` knows which pages to render again after an edit
//! (see [`super::deps`]).

use std::collections::HashMap;

use serde::Serialize;

use super::deps::{Dep, Deps};
use super::figures::Figures;
use super::shared::{self, CardKey, Shared, SiteKey};
use super::strings;
use super::urls::{Origin, Urls};
use super::views::{Card, PageContext};
use crate::diag::{Code, Diagnostic};
use crate::format::date::format_date;
use crate::model::date::PartialDate;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::site::Site;
use crate::theme::Theme;
use crate::theme::budget::{self, Budgeted, Exceeded};

/// Every chart's SVGs, by (chart id, language); shared, so that `serve` keeps the charts of pages an edit did
/// not touch without copying them.
pub type Svgs = HashMap<(String, Lang), std::sync::Arc<ChartSvg>>;

/// A chart drawn twice: for wide screens, print and PDF, and for phones (CSS shows one of the two).
#[derive(Debug, PartialEq, Eq)]
pub struct ChartSvg {
    /// The chart as drawn for wide screens (also the PDF's).
    pub wide: String,
    /// The chart as drawn for phones.
    pub narrow: String,
}

/// Everything a rendering job reads.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    /// The site.
    pub site: &'a Site,
    /// The theme.
    pub theme: &'a Theme,
    /// Link building.
    pub urls: &'a Urls,
    /// Figure and table numbers.
    pub figures: &'a Figures,
    /// The headings `@sec:` references point into.
    pub outlines: &'a super::outlines::Outlines,
    /// The parts of the whole report and which holds each page.
    pub report: &'a super::report_parts::ReportParts,
    /// Every chart, drawn.
    pub svgs: &'a Svgs,
    /// Values many pages show, made before rendering.
    pub shared: &'a Shared,
    /// The content folder (page assets are copied from it).
    pub content: &'a std::path::Path,
    /// Where the PDF editions are, for the links to them; `None` while they are being made.
    pub pdf: Option<&'a super::PdfLinks>,
    /// Draws the PNG downloads of figures with the theme's fonts.
    pub raster: &'a crate::raster::Raster,
    /// Whether figures' PNGs are drawn with their pages (a build), or only when asked for (`serve`).
    pub draw_png: bool,
    /// The output a build replaces, whose figure PNGs are taken when their key is unchanged.
    pub previous: Option<&'a std::path::Path>,
}

impl<'a> Context<'a> {
    /// A UI string, or the key itself if the theme lacks it (the theme loader fills gaps from the other
    /// language).
    pub(crate) fn t(&self, lang: Lang, key: &str) -> String {
        strings::t(self.theme, lang, key)
    }

    /// A date as the language writes it (Japanese in the style `site.yaml` asks).
    pub(crate) fn date(&self, lang: Lang, date: PartialDate) -> String {
        format_date(date, lang, self.site.config.japanese_dates)
    }

    /// 第2章 / Chapter 2.
    pub(crate) fn chapter_label(&self, lang: Lang, number: usize) -> String {
        strings::chapter_label(self.theme, lang, number)
    }

    /// The header and navigation (`site` in templates) of a page in `lang` at `origin`, within the chapter
    /// numbered `chapter`. It shows every chapter's title.
    pub(crate) fn site_value(
        &self,
        lang: Lang,
        chapter: Option<usize>,
        origin: Origin,
        deps: &mut Deps,
    ) -> tera::Value {
        deps.extend(
            self.site
                .chapters()
                .into_iter()
                .filter_map(|(_, p)| self.site.page_index(&p.id))
                .map(Dep::Listing),
        );
        let key = SiteKey {
            lang,
            chapter,
            origin,
        };
        self.shared.site_value(key).unwrap_or_else(|| {
            tera::Value::from_serializable(&shared::site_view(
                self.site, self.theme, self.urls, key,
            ))
        })
    }

    /// The card of the case `page` in `lang`, as shown on a page at `origin`.
    pub(crate) fn card(&self, page: &Page, lang: Lang, origin: Origin, deps: &mut Deps) -> Card {
        let index = self
            .site
            .page_index(&page.id)
            .expect("cards are made of the site's own pages");
        deps.add(Dep::Listing(index));
        let key = CardKey {
            lang,
            page: index,
            origin,
        };
        Card(self.shared.card_value(key).unwrap_or_else(|| {
            tera::Value::from_serializable(&shared::case_card(self.site, self.urls, key))
        }))
    }

    /// The related cases of the case `page`, best first.
    pub(crate) fn related(&self, page: &Page, deps: &mut Deps) -> Vec<&'a Page> {
        if let Some(index) = self.site.page_index(&page.id) {
            deps.add(Dep::Related(index));
        }
        self.shared
            .related(self.site, &page.id)
            .iter()
            .filter_map(|id| self.site.page(id))
            .collect()
    }

    /// The cases of the chapter `slug`, in order.
    pub(crate) fn cases_of(&self, slug: &str, deps: &mut Deps) -> Vec<&'a Page> {
        if let Some(n) = self.site.chapter_number(slug) {
            deps.add(Dep::CasesOf(n));
        }
        self.site.cases_of(slug)
    }

    /// The link from the whole-report section of `from_page` to the id `anchor` in the section of
    /// `to_page`: `#anchor` when both are on the same part, else the other part's address with it. Records
    /// the chapters whose cases decide which parts they are on.
    pub(crate) fn report_href(
        &self,
        lang: Lang,
        from_page: &str,
        to_page: &str,
        anchor: &str,
        deps: &mut Deps,
    ) -> String {
        // A case's part is decided by its place among its chapter's cases; every other page's part is fixed.
        for id in [from_page, to_page] {
            let case = self.site.page(id).and_then(|p| p.data.case.as_ref());
            if let Some(n) = case.and_then(|c| self.site.chapter_number(&c.chapter)) {
                deps.add(Dep::CasesOf(n));
            }
        }
        let (here, there) = (self.report.part_of(from_page), self.report.part_of(to_page));
        self.part_href(lang, here, there.unwrap_or(0), anchor)
    }

    /// The link from the whole-report section of `from_page` to the source `id` in the sources list (the
    /// last part).
    pub(crate) fn report_source_href(&self, lang: Lang, from_page: &str, id: &str) -> String {
        let here = self.report.part_of(from_page);
        self.part_href(
            lang,
            here,
            self.report.appendix(),
            &format!("hk-source-{id}"),
        )
    }

    /// The link from the part `here` (the contents when none) to `anchor` on the part `there`.
    pub(crate) fn part_href(
        &self,
        lang: Lang,
        here: Option<usize>,
        there: usize,
        anchor: &str,
    ) -> String {
        if here == Some(there) {
            return format!("#{anchor}");
        }
        let from = self.report.path(lang, here.unwrap_or(0));
        let to = self.report.path(lang, there);
        self.urls.href(&from, &format!("{to}#{anchor}"))
    }

    /// Another page, for what it shows elsewhere (title, facts): anything but its text.
    pub(crate) fn listing(&self, id: &str, deps: &mut Deps) -> Option<&'a Page> {
        let index = self.site.page_index(id)?;
        deps.add(Dep::Listing(index));
        Some(&self.site.pages[index])
    }

    /// A template error as a diagnostic naming the template and what was being rendered.
    pub(crate) fn template_error(
        &self,
        err: &tera::Error,
        template: &str,
        what: &str,
    ) -> Diagnostic {
        let mut d =
            crate::theme::errors::tera_diagnostics(err, &self.theme.template_paths, Some(what))
                .into_iter()
                .map(|(_, d)| d)
                .next()
                .unwrap_or_else(|| {
                    Diagnostic::general(
                        Code::Template,
                        format!("template error while rendering {what}"),
                    )
                    .ja(format!(
                        "{what} を作る途中でテンプレートのエラーが起きました"
                    ))
                });
        if d.path.is_none() {
            d.path = self.theme.template_paths.get(template).cloned();
        }
        d
    }

    /// The template wrote more than one rendering may.
    fn over_budget(&self, template: &str, what: &str) -> Diagnostic {
        let mib = budget::MAX_OUTPUT >> 20;
        let mut d = Diagnostic::general(
            Code::Template,
            format!("the template `{template}` wrote more than {mib} MiB for {what}: it probably loops without end"),
        )
        .with_help("look for a loop in the template that never stops, or that repeats far more than the data needs")
        .ja(format!(
            "テンプレート `{template}` が {what} に {mib} MiB を超えて書き出しました。ループが終わらなくなっている可能性があります"
        ))
        .ja_help("テンプレートの中に、終わらないループやデータに比べて回数の多すぎるループがないか確かめてください");
        d.path = self.theme.template_paths.get(template).cloned();
        d
    }

    /// Renders `template` with `ctx`. A context with a `lang` (`ja`, `en`) also gets that language's UI
    /// strings as `t`.
    pub(crate) fn render<T: Serialize>(
        &self,
        template: &str,
        ctx: &T,
        what: &str,
    ) -> Result<String, Diagnostic> {
        let bytes = self.render_bytes(template, template_context(ctx, what)?, what)?;
        as_text(bytes, template, what)
    }

    /// Renders a page's `template` with `ctx` and, as `site`, the header value of the page; as bytes to
    /// write (the page is not checked again as text).
    pub(crate) fn render_page(
        &self,
        template: &str,
        ctx: &PageContext,
        site: tera::Value,
        what: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut context = template_context(ctx, what)?;
        context.insert_value("site", site);
        self.render_bytes(template, context, what)
    }

    /// Renders `template` with a context already made, adding `t` for its `lang`.
    pub(crate) fn render_bytes(
        &self,
        template: &str,
        mut context: tera::Context,
        what: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let lang = context
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(Lang::from_code);
        if let Some(lang) = lang {
            let strings = self
                .shared
                .strings_value(lang)
                .unwrap_or_else(|| tera::Value::from_serializable(self.theme.strings.get(lang)));
            context.insert_value("t", strings);
        }
        // Most pages fit without the buffer growing (a case page is 12–20 KB).
        let mut out = Vec::with_capacity(32 * 1024);
        let mut budgeted = Budgeted::new(&mut out);
        let rendered = self.theme.tera.render_to(template, &context, &mut budgeted);
        let exceeded = budgeted.exceeded();
        drop(budgeted);
        match (rendered, exceeded) {
            (Ok(()), _) => Ok(out),
            (Err(_), Some(Exceeded::Output)) => Err(self.over_budget(template, what)),
            (Err(e), _) => Err(self.template_error(&e, template, what)),
        }
    }
}

/// The template context of a view.
pub(crate) fn template_context<T: Serialize>(
    ctx: &T,
    what: &str,
) -> Result<tera::Context, Diagnostic> {
    tera::Context::from_serialize(ctx).map_err(|e| {
        Diagnostic::general(
            Code::Template,
            format!("cannot prepare the template context for {what}: {e}"),
        )
        .ja(format!(
            "{what} のテンプレートに渡すデータを用意できません（{e}）"
        ))
    })
}

/// What a template wrote, as text.
pub(crate) fn as_text(bytes: Vec<u8>, template: &str, what: &str) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|_| {
        Diagnostic::general(
            Code::Template,
            format!("{template} wrote text that is not UTF-8 for {what}"),
        )
        .ja(format!(
            "{template} が {what} に UTF-8 ではない文字を書き出しました"
        ))
    })
}
