//! Values that many pages show, made once before rendering under explicit keys: each language's UI strings,
//! the site header and navigation per (language, chapter, link origin), each case's card per (language, case,
//! link origin), and every case's related cases.
//!
//! A value is made by a function of its key alone ([`site_view`], [`case_card`]): whatever a page adds of its
//! own belongs in the page's view, never here, so sharing cannot show one page's data on another. Sharing
//! only saves work: [`Shared::unshared`] makes every value again wherever it is shown, and a test renders the
//! bundled report both ways, in both link modes, and finds every byte equal.

use std::collections::{BTreeSet, HashMap};

use rayon::prelude::*;

use super::strings::chapter_label;
use super::urls::{Origin, Urls, page_path};
use super::views::{CaseCard, NavItem, SiteLinks, SiteView};
use crate::model::lang::{Lang, Localized};
use crate::model::page::PageKind;
use crate::model::site::Site;
use crate::theme::Theme;

/// Which header a page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct SiteKey {
    /// The page's language.
    pub lang: Lang,
    /// The number of the chapter the page belongs to (its navigation entry is marked).
    pub chapter: Option<usize>,
    /// Where links start from.
    pub origin: Origin,
}

/// Which card.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct CardKey {
    /// The language of the page showing it.
    pub lang: Lang,
    /// The case, by index in `site.pages`.
    pub page: usize,
    /// Where its link starts from.
    pub origin: Origin,
}

/// The values, made up front (or, unshared, wherever they are shown).
#[derive(Debug, PartialEq)]
pub struct Shared {
    /// Made up front; when false every lookup makes its value again.
    made: bool,
    strings: Localized<tera::Value>,
    sites: HashMap<SiteKey, tera::Value>,
    cards: HashMap<CardKey, tera::Value>,
    /// Related case ids per case id.
    related: HashMap<String, Vec<String>>,
}

impl Shared {
    /// Every value pages of `site` can show, made in parallel.
    pub fn build(site: &Site, theme: &Theme, urls: &Urls) -> Shared {
        let origins = origins(site, urls);
        let chapters: Vec<Option<usize>> = std::iter::once(None)
            .chain((1..=site.config.chapters.len()).map(Some))
            .collect();
        let mut site_keys = Vec::new();
        let mut case_keys = Vec::new();
        for lang in Lang::ALL {
            for &origin in &origins {
                site_keys.extend(chapters.iter().map(|&chapter| SiteKey {
                    lang,
                    chapter,
                    origin,
                }));
                case_keys.extend(
                    (0..site.pages.len())
                        .filter(|&i| site.pages[i].kind == PageKind::Case)
                        .map(|page| CardKey { lang, page, origin }),
                );
            }
        }
        let ((sites, cards), related) = rayon::join(
            || {
                rayon::join(
                    || {
                        site_keys
                            .par_iter()
                            .map(|&k| {
                                (
                                    k,
                                    tera::Value::from_serializable(&site_view(
                                        site, theme, urls, k,
                                    )),
                                )
                            })
                            .collect()
                    },
                    || {
                        case_keys
                            .par_iter()
                            .map(|&k| {
                                (k, tera::Value::from_serializable(&case_card(site, urls, k)))
                            })
                            .collect()
                    },
                )
            },
            || super::related::related_cases(site),
        );
        Shared {
            made: true,
            strings: Localized::from_fn(|lang| {
                tera::Value::from_serializable(theme.strings.get(lang))
            }),
            sites,
            cards,
            related,
        }
    }

    /// `previous`, made for `old`, brought up to date for `site` (the same pages, some loaded again after an
    /// edit in `serve`): values whose inputs did not change are taken over, the others made again. Equal to
    /// [`Shared::build`] of `site` (in debug builds, every update is checked against it).
    pub fn update(
        previous: &Shared,
        old: &Site,
        site: &Site,
        theme: &Theme,
        urls: &Urls,
    ) -> Shared {
        let same_pages = old.pages.len() == site.pages.len()
            && old.pages.iter().zip(&site.pages).all(|(a, b)| a.id == b.id);
        if !previous.made || !same_pages {
            return Shared::build(site, theme, urls);
        }
        // Pages not loaded again are the same values; pages loaded again may be equal all the same.
        let same: Vec<bool> = old
            .pages
            .iter()
            .zip(&site.pages)
            .map(|(a, b)| std::sync::Arc::ptr_eq(a, b) || a == b)
            .collect();
        let chapters_same = site
            .chapters()
            .iter()
            .all(|(_, p)| site.page_index(&p.id).is_some_and(|i| same[i]));
        let sites = if chapters_same {
            previous.sites.clone()
        } else {
            previous
                .sites
                .keys()
                .map(|&k| {
                    (
                        k,
                        tera::Value::from_serializable(&site_view(site, theme, urls, k)),
                    )
                })
                .collect()
        };
        let cards = previous
            .cards
            .iter()
            .map(|(&k, v)| match same[k.page] {
                true => (k, v.clone()),
                false => (k, tera::Value::from_serializable(&case_card(site, urls, k))),
            })
            .collect();
        // Related cases depend on every case's facts (terms, chapter, order), not on its text.
        let facts_same =
            (0..site.pages.len()).all(|i| same[i] || old.pages[i].data == site.pages[i].data);
        let related = if facts_same {
            previous.related.clone()
        } else {
            super::related::related_cases(site)
        };
        let updated = Shared {
            made: true,
            strings: previous.strings.clone(),
            sites,
            cards,
            related,
        };
        #[cfg(debug_assertions)]
        {
            let built = Shared::build(site, theme, urls);
            assert!(
                updated == built,
                "Shared::update differs from Shared::build"
            );
        }
        updated
    }

    /// Nothing made up front: every page makes what it shows itself. Slow; for the test that sharing
    /// changes nothing.
    pub fn unshared() -> Shared {
        Shared {
            made: false,
            strings: Localized::from_fn(|_| tera::Value::none()),
            sites: HashMap::new(),
            cards: HashMap::new(),
            related: HashMap::new(),
        }
    }

    /// The UI strings of `lang` as a template value, if made.
    pub(crate) fn strings_value(&self, lang: Lang) -> Option<tera::Value> {
        self.made.then(|| self.strings.get(lang).clone())
    }

    /// The header of `key` as a template value, if made.
    pub(crate) fn site_value(&self, key: SiteKey) -> Option<tera::Value> {
        self.sites.get(&key).cloned()
    }

    /// The card of `key` as a template value, if made.
    pub(crate) fn card_value(&self, key: CardKey) -> Option<tera::Value> {
        self.cards.get(&key).cloned()
    }

    /// The ids of the related cases of the case `id`, best first.
    pub(crate) fn related(&self, site: &Site, id: &str) -> Vec<String> {
        if self.made {
            self.related.get(id).cloned().unwrap_or_default()
        } else {
            super::related::related_cases(site)
                .remove(id)
                .unwrap_or_default()
        }
    }
}

/// The origins of every page of the site (one with absolute links).
fn origins(site: &Site, urls: &Urls) -> Vec<Origin> {
    let mut paths: Vec<String> = site
        .pages
        .iter()
        .map(|p| page_path(Lang::Ja, &p.id))
        .collect();
    // Generated pages: lists (`ja/cases/`) and taxonomy terms (`ja/regions/hyogo/`).
    paths.extend(["ja/cases/".to_string(), "ja/regions/x/".to_string()]);
    let set: BTreeSet<Origin> = paths.iter().map(|p| urls.origin(p)).collect();
    set.into_iter().collect()
}

/// The header and navigation of `key`. A function of the key alone (see the module's documentation).
/// The page every page links to as "About this report", when there is one (README, "Content").
pub(crate) const ABOUT_PAGE: &str = "about";

pub(crate) fn site_view(site: &Site, theme: &Theme, urls: &Urls, key: SiteKey) -> SiteView {
    let SiteKey {
        lang,
        chapter,
        origin,
    } = key;
    let cfg = &site.config;
    let root = page_path(lang, "");
    let href = |to: &str| urls.href_from(origin, to);
    let chapters = site
        .chapters()
        .into_iter()
        .map(|(n, p)| NavItem {
            label: chapter_label(theme, lang, n),
            title: p.doc_for(lang).0.title.clone(),
            url: href(&page_path(lang, &p.id)),
            current: chapter == Some(n),
        })
        .collect();
    SiteView {
        title: cfg.title.get(lang).clone(),
        subtitle: cfg.subtitle.as_ref().map(|s| s.get(lang).clone()),
        publisher: cfg.publisher.get(lang).clone(),
        home_url: href(&root),
        landing_url: href(""),
        css_url: href("static/style.css"),
        static_url: urls.dir_from(origin, "static/"),
        favicon_url: href("static/favicon.svg"),
        logo_url: logo_file(theme).map(|file| href(&format!("static/{file}"))),
        chapters,
        links: SiteLinks {
            cases: href(&format!("{root}cases/")),
            figures: href(&format!("{root}figures/")),
            glossary: href(&format!("{root}glossary/")),
            sources: href(&format!("{root}sources/")),
            regions: href(&format!("{root}regions/")),
            fields: href(&format!("{root}fields/")),
            programmes: href(&format!("{root}programmes/")),
            search: href(&format!("{root}search/")),
            report: href(&format!("{root}report/")),
            feed: href(&format!("{root}feed.xml")),
            about: site.page(ABOUT_PAGE).map(|p| href(&page_path(lang, &p.id))),
        },
        identity: super::identity::identity_view(site, theme, urls, lang, origin),
    }
}

/// The card of `key`: a case as listed on the cover, chapter pages, lists and related cases. A function of
/// the key alone (see the module's documentation).
pub(crate) fn case_card(site: &Site, urls: &Urls, key: CardKey) -> CaseCard {
    let page = &site.pages[key.page];
    let (doc, doc_lang) = page.doc_for(key.lang);
    CaseCard {
        title: doc.title.clone(),
        summary: doc.summary.clone().unwrap_or_default(),
        url: urls.href_from(key.origin, &page_path(key.lang, &page.id)),
        location: page
            .data
            .case
            .as_ref()
            .and_then(|c| c.location.as_ref())
            .map(|l| l.get(key.lang).clone()),
        lang: doc_lang.code(),
    }
}

/// The theme's logo file under `static/`, if it has one: `logo.svg`, else `logo.png`.
pub(crate) fn logo_file(theme: &Theme) -> Option<&'static str> {
    ["logo.svg", "logo.png"]
        .into_iter()
        .find(|file| theme.statics.iter().any(|(path, _)| path == file))
}
