//! How facts name their sources: short (文部科学省（2023年）p.166) under key figures and timeline entries, in
//! full (資料：文部科学省「…」（2023年）p.166) under figures and tables, each linked to the source list.

use super::context::Context;
use super::strings::fill;
use super::views::CitationView;
use crate::model::citation::Citation;
use crate::model::lang::Lang;
use crate::model::site::Source;

/// Short citations, each linked to `url(source id)`.
pub(crate) fn short(
    ctx: &Context<'_>,
    lang: Lang,
    cites: &[Citation],
    url: impl Fn(&str) -> String,
) -> Vec<CitationView> {
    views(ctx, lang, cites, |_| "source_short", url)
}

/// A figure's or table's source line, one link per source: the first with the theme's prefix
/// (資料：… / Source: …), the others as full citations.
pub(crate) fn figure_line(
    ctx: &Context<'_>,
    lang: Lang,
    cites: &[Citation],
    url: impl Fn(&str) -> String,
) -> Vec<CitationView> {
    let key = |i: usize| if i == 0 { "figure_source" } else { "citation" };
    views(ctx, lang, cites, key, url)
}

/// Each citation written with the theme string `key(position)`, then its place, linked to `url(source id)`.
fn views(
    ctx: &Context<'_>,
    lang: Lang,
    cites: &[Citation],
    key: impl Fn(usize) -> &'static str,
    url: impl Fn(&str) -> String,
) -> Vec<CitationView> {
    cites
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let text = match ctx.site.source(&c.source) {
                Some(s) => written(ctx, lang, key(i), s),
                None => c.source.clone(),
            };
            CitationView {
                text: with_locator(lang, text, c),
                url: url(&c.source),
            }
        })
        .collect()
}

/// The source written with the theme string `key` (`citation`, `figure_source`, `source_short`), its
/// `{issuer}`, `{title}` and `{year}` filled in.
pub(crate) fn written(ctx: &Context<'_>, lang: Lang, key: &str, s: &Source) -> String {
    // The short citation names the issuer by its short name, when it has one.
    let issuer = match (&s.short, key) {
        (Some(short), "source_short") => short,
        _ => &s.issuer,
    };
    fill(
        &ctx.t(lang, key),
        &[
            ("issuer", issuer.get(lang)),
            ("title", s.title.get(lang)),
            ("year", &s.year.to_string()),
        ],
    )
}

/// The citations as one text: 「…」p.166、「…」 / “…”, p. 166; “…”.
pub(crate) fn joined(ctx: &Context<'_>, lang: Lang, views: &[CitationView]) -> String {
    let separator = ctx.t(lang, "source_separator");
    views
        .iter()
        .map(|v| v.text.as_str())
        .collect::<Vec<_>>()
        .join(&separator)
}

/// The citation followed by its place in the source, as the language writes it.
fn with_locator(lang: Lang, text: String, c: &Citation) -> String {
    match (&c.locator, lang) {
        (None, _) => text,
        (Some(l), Lang::Ja) => format!("{text}{}", l.written(lang)),
        (Some(l), Lang::En) => format!("{text}, {}", l.written(lang)),
    }
}
