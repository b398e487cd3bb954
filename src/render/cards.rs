//! The title cards pages show as `og:image`: one per language for the report, one per chapter (its cases
//! use their chapter's), drawn by [`crate::card`] with the theme's fonts and handed to the sink.

use rayon::prelude::*;

use super::context::Context;
use super::meta_views::OgImage;
use crate::card::{self, Card};
use crate::diag::{Code, Diagnostic};
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::output::Sink;

/// The chapter whose card `page` shows, if any: a chapter's own, a case's chapter.
fn chapter_of(page: &Page) -> Option<&str> {
    match page.kind {
        PageKind::Chapter => Some(page.slug()),
        PageKind::Case => page.data.case.as_ref().map(|c| c.chapter.as_str()),
        PageKind::Home | PageKind::Other => None,
    }
}

/// The site path of a card: `cards/ja/report.png`, `cards/ja/chapters-hubs.png`.
fn card_path(lang: Lang, chapter: Option<&str>) -> String {
    match chapter {
        Some(slug) => format!("cards/{}/chapters-{slug}.png", lang.code()),
        None => format!("cards/{}/report.png", lang.code()),
    }
}

/// What the card of `chapter` (or of the report) says, in `lang`.
fn card(ctx: &Context<'_>, lang: Lang, chapter: Option<&str>) -> Card {
    let cfg = &ctx.site.config;
    let part = chapter.and_then(|slug| {
        let n = ctx.site.chapter_number(slug)?;
        let page = ctx.site.page(&format!("chapters/{slug}"))?;
        Some(format!(
            "{} {}",
            ctx.chapter_label(lang, n),
            page.doc_for(lang).0.title
        ))
    });
    Card {
        lang: lang.code(),
        title: cfg.title.get(lang).clone(),
        edition: cfg.identity.edition.as_ref().map(|e| e.get(lang).clone()),
        part,
        publisher: cfg.publisher.get(lang).clone(),
    }
}

/// The `og:image` of a page in `lang` (`None`: a generated page, which shows the report's card).
pub(crate) fn og_image(ctx: &Context<'_>, page: Option<&Page>, lang: Lang) -> OgImage {
    let chapter = page
        .and_then(chapter_of)
        .filter(|slug| ctx.site.chapter_number(slug).is_some());
    let c = card(ctx, lang, chapter);
    let mut alt = c.title.clone();
    if let Some(e) = &c.edition {
        alt.push_str(&match lang {
            Lang::Ja => format!("（{e}）"),
            Lang::En => format!(" ({e})"),
        });
    }
    if let Some(p) = &c.part {
        alt.push_str(&match lang {
            Lang::Ja => format!("：{p}"),
            Lang::En => format!(": {p}"),
        });
    }
    OgImage {
        url: ctx.urls.absolute(&card_path(lang, chapter)),
        alt,
        width: card::WIDTH,
        height: card::HEIGHT,
    }
}

/// Draws every card and hands it to the sink; the number of files.
pub(crate) fn write_cards(ctx: &Context<'_>, sink: &dyn Sink) -> Result<usize, Vec<Diagnostic>> {
    let mut keys: Vec<(Lang, Option<&str>)> = Vec::new();
    for lang in Lang::ALL {
        keys.push((lang, None));
        keys.extend(
            ctx.site
                .config
                .chapters
                .iter()
                .map(|c| (lang, Some(c.as_str()))),
        );
    }
    let errors: Vec<Diagnostic> = keys
        .par_iter()
        .filter_map(|&(lang, chapter)| {
            let path = card_path(lang, chapter);
            let result = super::images::png(ctx, &card::svg(&card(ctx, lang, chapter)), 1.0, &path)
                .map_err(|e| {
                    Diagnostic::error(
                        Code::Io,
                        &path,
                        format!("the title card cannot be drawn: {e}"),
                    )
                    .ja(format!("タイトルカードを描けません（{e}）"))
                })
                .and_then(|png| sink.put(&path, png));
            result.err()
        })
        .collect();
    if errors.is_empty() {
        Ok(keys.len())
    } else {
        Err(errors)
    }
}
