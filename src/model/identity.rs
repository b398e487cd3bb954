//! The report's identity from `site.yaml`: its edition, its dates, its licence and whom to contact. Every
//! part is optional; pages show what is given.

use super::date::PartialDate;
use super::lang::Text;

/// Edition, dates, licence and contact, resolved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Identity {
    /// 令和7年版 / 2025 edition.
    pub edition: Option<Text>,
    /// When the report (this edition) was published.
    pub published: Option<PartialDate>,
    /// When it was last updated, if after publication.
    pub updated: Option<PartialDate>,
    /// Under which terms it may be reused.
    pub licence: Option<Licence>,
    /// Whom readers may contact.
    pub contact: Option<Contact>,
}

/// A licence: its name in both languages and where its terms are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Licence {
    /// CC BY 4.0 / 政府標準利用規約（第2.0版）.
    pub name: Text,
    /// The licence's own page (`https://…`).
    pub url: Option<String>,
}

/// Whom to contact: a text, a link, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// What to say (お問い合わせは…).
    pub text: Option<Text>,
    /// Where the contact leads.
    pub link: Option<ContactLink>,
}

/// Where a contact leads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ContactLink {
    /// A web address (`https://…`).
    Url(String),
    /// An e-mail address (shown as a `mailto:` link).
    Email(String),
    /// A page of the report, by id (`about`): linked in the page's language.
    Page(String),
}
