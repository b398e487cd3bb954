//! The report's identity as pages show it (footer, cover, metadata): edition, dates, licence and contact
//! in the page's language, links made for the page's place.

use serde::Serialize;

use super::strings::t;
use super::urls::{Origin, Urls, page_path};
use crate::format::date::format_date;
use crate::model::date::PartialDate;
use crate::model::identity::ContactLink;
use crate::model::lang::Lang;
use crate::model::site::Site;
use crate::theme::Theme;

/// Edition, dates, licence and contact (each absent when `site.yaml` does not give it).
#[derive(Serialize, Default)]
pub struct IdentityView {
    /// 令和7年版 / 2025 edition.
    pub edition: Option<String>,
    /// Publication date as the language writes it, and as YYYY-MM-DD.
    pub published: Option<DateView>,
    /// Date of the last update.
    pub updated: Option<DateView>,
    /// The licence: its name and, if given, its link.
    pub licence: Option<LinkView>,
    /// Whom to contact.
    pub contact: Option<ContactView>,
}

/// A date, written and machine-readable.
#[derive(Serialize)]
pub struct DateView {
    /// 2025年12月1日 / 1 December 2025.
    pub text: String,
    /// `2025-12-01` (the first day of a year or month given alone).
    pub iso: String,
}

/// A text that may link somewhere.
#[derive(Serialize)]
pub struct LinkView {
    /// Its text.
    pub text: String,
    /// Its href, if any.
    pub url: Option<String>,
}

/// The contact: an optional sentence and an optional link.
#[derive(Serialize)]
pub struct ContactView {
    /// The sentence from `site.yaml`.
    pub text: Option<String>,
    /// The link (a page, a web address or `mailto:`), with its text.
    pub link: Option<LinkView>,
}

/// YYYY-MM-DD of a date's first day.
pub(crate) fn iso_date(d: PartialDate) -> String {
    let (y, m, day) = d.first_day();
    format!("{y:04}-{m:02}-{day:02}")
}

/// The identity in `lang`, links made from `origin`.
pub(crate) fn identity_view(
    site: &Site,
    theme: &Theme,
    urls: &Urls,
    lang: Lang,
    origin: Origin,
) -> IdentityView {
    let id = &site.config.identity;
    let date = |d: PartialDate| DateView {
        text: format_date(d, lang, site.config.japanese_dates),
        iso: iso_date(d),
    };
    IdentityView {
        edition: id.edition.as_ref().map(|e| e.get(lang).clone()),
        published: id.published.map(date),
        updated: id.updated.map(date),
        licence: id.licence.as_ref().map(|l| LinkView {
            text: l.name.get(lang).clone(),
            url: l.url.clone(),
        }),
        contact: id.contact.as_ref().map(|c| ContactView {
            text: c.text.as_ref().map(|t| t.get(lang).clone()),
            link: c.link.as_ref().map(|link| match link {
                ContactLink::Url(u) => LinkView {
                    text: u.clone(),
                    url: Some(u.clone()),
                },
                ContactLink::Email(e) => LinkView {
                    text: e.clone(),
                    url: Some(format!("mailto:{e}")),
                },
                ContactLink::Page(p) => LinkView {
                    text: t(theme, lang, "contact_page"),
                    url: Some(urls.href_from(origin, &page_path(lang, p))),
                },
            }),
        }),
    }
}
