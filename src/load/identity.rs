//! `edition:`, `published:`, `updated:`, `licence:` and `contact:` in `site.yaml`: the as-written shapes and
//! their resolution into [`Identity`], every mistake told at its position in both languages.

use serde::Deserialize;

use super::raw::DateText;
use super::text::RawText;
use crate::diag::{Code, Diagnostic};
use crate::model::date::PartialDate;
use crate::model::identity::{Contact, ContactLink, Identity, Licence};
use crate::yaml::{Seg, Source};

/// The identity keys as written (fields of `RawSiteConfig`, gathered).
#[derive(Debug, Default)]
pub(super) struct RawIdentity {
    pub edition: Option<RawText>,
    pub published: Option<DateText>,
    pub updated: Option<DateText>,
    pub licence: Option<RawLicence>,
    pub contact: Option<RawContact>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLicence {
    name: RawText,
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawContact {
    text: Option<RawText>,
    url: Option<String>,
    email: Option<String>,
    page: Option<String>,
}

/// Resolves the identity keys; mistakes go to `errors`.
pub(super) fn resolve(
    raw: RawIdentity,
    src: &Source<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Identity {
    let RawIdentity {
        edition,
        published,
        updated,
        licence,
        contact,
    } = raw;
    let mut date = |name: &'static str, value: Option<DateText>| match PartialDate::parse(&value?.0)
    {
        Ok(d) => Some(d),
        Err(e) => {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key(name)],
                    format!("`{name}`: {}", e.en),
                )
                .ja(format!("`{name}`: {}", e.ja)),
            );
            None
        }
    };
    let published = date("published", published);
    let updated = date("updated", updated);
    if let (Some(p), Some(u)) = (published, updated)
        && u.first_day() < p.first_day()
    {
        errors.push(
            src.error_at(
                Code::InvalidValue,
                &[Seg::Key("updated")],
                format!("`updated` ({u}) is before `published` ({p})"),
            )
            .with_help("`updated` is the date of the last change, on or after the publication date")
            .ja(format!("`updated`（{u}）が `published`（{p}）より前です"))
            .ja_help("`updated` には公開日以後の、最後に更新した日付を書いてください"),
        );
    }
    let licence = licence.map(|l| {
        if let Some(url) = &l.url {
            web_address(src, &[Seg::Key("licence"), Seg::Key("url")], url, errors);
        }
        Licence {
            name: l.name.0,
            url: l.url,
        }
    });
    let contact = contact.and_then(|c| resolve_contact(c, src, errors));
    Identity {
        edition: edition.map(|t| t.0),
        published,
        updated,
        licence,
        contact,
    }
}

fn resolve_contact(
    c: RawContact,
    src: &Source<'_>,
    errors: &mut Vec<Diagnostic>,
) -> Option<Contact> {
    let at = |key| [Seg::Key("contact"), Seg::Key(key)];
    let links = [c.url.is_some(), c.email.is_some(), c.page.is_some()]
        .iter()
        .filter(|b| **b)
        .count();
    if links > 1 {
        errors.push(
            src.error_at(
                Code::InvalidValue,
                &[Seg::Key("contact")],
                "`contact` has more than one of `url`, `email` and `page`",
            )
            .with_help("keep one: the contact links to one place")
            .ja("`contact` に `url`、`email`、`page` のうち二つ以上が書かれています")
            .ja_help("一つだけにしてください。問い合わせ先のリンクは一つです"),
        );
        return None;
    }
    if links == 0 && c.text.is_none() {
        errors.push(
            src.error_at(Code::MissingKey, &[Seg::Key("contact")], "`contact` says nothing")
                .with_help("write `text: {ja: …, en: …}`, and/or one of `url: https://…`, `email: …` or `page: about`")
                .ja("`contact` に何も書かれていません")
                .ja_help("`text: {ja: …, en: …}` や、`url: https://…`・`email: …`・`page: about` のどれかを書いてください"),
        );
        return None;
    }
    let link = if let Some(url) = c.url {
        web_address(src, &at("url"), &url, errors);
        Some(ContactLink::Url(url))
    } else if let Some(email) = c.email {
        let ok = email
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
            && !email
                .chars()
                .any(|ch| ch.is_whitespace() || "<>\"'".contains(ch));
        if !ok {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &at("email"),
                    format!("`{email}` is not an e-mail address"),
                )
                .with_help("write the address alone, e.g. `email: report@example.org`")
                .ja(format!("`{email}` はメールアドレスではありません"))
                .ja_help("アドレスだけを書いてください。例：`email: report@example.org`"),
            );
        }
        Some(ContactLink::Email(email))
    } else {
        c.page
            .map(|p| ContactLink::Page(p.trim_matches('/').to_string()))
    };
    Some(Contact {
        text: c.text.map(|t| t.0),
        link,
    })
}

/// An address readers open: `http://` or `https://` and a host.
fn web_address(src: &Source<'_>, at: &[Seg<'_>], url: &str, errors: &mut Vec<Diagnostic>) {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    let ok = rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/'))
        && !url
            .chars()
            .any(|ch| ch.is_whitespace() || "<>\"'`".contains(ch));
    if !ok {
        errors.push(
            src.error_at(
                Code::InvalidValue,
                at,
                format!("`{url}` is not a web address"),
            )
            .with_help("write the whole address, starting with https://")
            .ja(format!("`{url}` はウェブのアドレスではありません"))
            .ja_help("https:// で始まるアドレス全体を書いてください"),
        );
    }
}
