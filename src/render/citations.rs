//! How facts name their sources: short (文部科学省（2023年）p.166) under key figures and timeline entries, in
//! full (資料：文部科学省「…」（2023年）p.166) under figures and tables, each linked to the source list.

use super::context::Context;
use super::strings::fill;
use super::views::CitationView;
use crate::model::citation::Citation;
use crate::model::lang::Lang;

/// Short citations, each linked to `url(source id)`.
pub(crate) fn short(
    ctx: &Context<'_>,
    lang: Lang,
    cites: &[Citation],
    url: impl Fn(&str) -> String,
) -> Vec<CitationView> {
    cites
        .iter()
        .map(|c| CitationView {
            text: with_locator(lang, short_name(ctx, lang, &c.source), c),
            url: url(&c.source),
        })
        .collect()
}

/// A figure's or table's source line, one link per source: the first with the theme's prefix
/// (資料：… / Source: …), the others as full citations.
pub(crate) fn figure_line(
    ctx: &Context<'_>,
    lang: Lang,
    cites: &[Citation],
    url: impl Fn(&str) -> String,
) -> Vec<CitationView> {
    cites
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let key = if i == 0 { "figure_source" } else { "citation" };
            let text = match ctx.site.source(&c.source) {
                Some(s) => fill(
                    &ctx.t(lang, key),
                    &[
                        ("issuer", s.issuer.get(lang)),
                        ("title", s.title.get(lang)),
                        ("year", &s.year.to_string()),
                    ],
                ),
                None => c.source.clone(),
            };
            CitationView {
                text: with_locator(lang, text, c),
                url: url(&c.source),
            }
        })
        .collect()
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

/// A short name for a source: 文部科学省（2023年） / MEXT (2023).
pub(crate) fn short_name(ctx: &Context<'_>, lang: Lang, id: &str) -> String {
    match ctx.site.source(id) {
        Some(s) => fill(
            &ctx.t(lang, "source_short"),
            &[
                ("issuer", s.issuer.get(lang)),
                ("year", &s.year.to_string()),
            ],
        ),
        None => id.to_string(),
    }
}

/// The citation followed by its place in the source, as the language writes it.
fn with_locator(lang: Lang, text: String, c: &Citation) -> String {
    match (&c.locator, lang) {
        (None, _) => text,
        (Some(l), Lang::Ja) => format!("{text}{}", l.written(lang)),
        (Some(l), Lang::En) => format!("{text}, {}", l.written(lang)),
    }
}
