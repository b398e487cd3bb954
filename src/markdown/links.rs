//! Links and images: targets checked against the link policy and resolved by the page's way (which
//! records each use and each broken or refused target), then given to the variant as its resolver sees
//! them; images without alt text are warned of.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::dual::Way;
use super::policy::refused_url;
use super::state::ImageAlt;
use super::transform::Renderer;
use super::{LinkTarget, LinkUse};
use crate::diag::{Code, Diagnostic};

/// Where a link or image goes, as the page's way resolved it.
pub(super) struct Dest {
    /// The href on the page.
    href: String,
    /// For a target the site resolved (or failed to): how another way finds it. `None` for refused and
    /// external targets, which are the same in every way.
    in_report: Option<InReport>,
}

/// How another way finds a target the site resolved for the page.
enum InReport {
    /// A page of the report, with its href from the page's section of the whole report.
    Document(String),
    /// Anything else (a file, or a broken target): the other way resolves it itself.
    Elsewhere,
}

impl Dest {
    /// The href in `way`, given that this is where the target goes on the page: refused and external
    /// targets stay as they are; pages of the report are linked to their sections in the whole report;
    /// other targets are resolved by the way's resolver (broken ones as `#`).
    fn href_in(&self, way: &mut Way<'_, '_>, written: &str) -> String {
        match &self.in_report {
            None => self.href.clone(),
            Some(InReport::Document(href)) if way.resolve.single_page() => href.clone(),
            Some(_) => way
                .resolve
                .link(written)
                .map(|t| t.href)
                .unwrap_or_else(|_| "#".to_string()),
        }
    }
}

impl<'a> Renderer<'a, '_> {
    pub(super) fn start_link(
        &mut self,
        link_type: LinkType,
        dest_url: &str,
        title: CowStr<'a>,
        id: CowStr<'a>,
        offset: usize,
    ) {
        self.links_open += 1;
        self.push_target(dest_url, offset, |dest_url| Tag::Link {
            link_type,
            dest_url,
            title: title.clone(),
            id: id.clone(),
        });
    }

    pub(super) fn end_link(&mut self) {
        self.links_open = self.links_open.saturating_sub(1);
        self.out.same(Event::End(TagEnd::Link));
    }

    pub(super) fn start_image(
        &mut self,
        link_type: LinkType,
        dest_url: &str,
        title: CowStr<'a>,
        id: CowStr<'a>,
        offset: usize,
    ) {
        self.push_target(dest_url, offset, |dest_url| Tag::Image {
            link_type,
            dest_url,
            title: title.clone(),
            id: id.clone(),
        });
        self.image = Some(ImageAlt {
            dest: dest_url.to_string(),
            offset,
            alt: String::new(),
        });
    }

    /// Ends an image, warning if it has no alt text.
    pub(super) fn end_image(&mut self) {
        if let Some(ImageAlt { dest, offset, alt }) = self.image.take()
            && alt.trim().is_empty()
        {
            let d = Diagnostic::warning(
                Code::MissingAltText,
                self.path,
                format!("the image `{dest}` has no alt text"),
            )
            .at_opt(Some(self.position(offset)))
            .with_help(
                "describe the image in the brackets: ![神戸医療産業都市の航空写真](photo.jpg)",
            )
            .ja(format!("画像 `{dest}` に代替テキストがありません"))
            .ja_help(
                "角かっこ [ ] の中に画像の説明を書いてください：![神戸医療産業都市の航空写真](photo.jpg)",
            );
            self.found.warnings.push(d);
        }
        self.out.same(Event::End(TagEnd::Image));
    }

    /// Pushes the start of a link or image (`tag` given its target), its target resolved by the page's
    /// way and, from that, by the variant's.
    fn push_target(&mut self, written: &str, offset: usize, tag: impl Fn(CowStr<'a>) -> Tag<'a>) {
        let dest = self.target(written, offset);
        let page = Event::Start(tag(dest.href.clone().into()));
        self.out.both(page, |way| {
            Event::Start(tag(dest.href_in(way, written).into()))
        });
    }

    /// Checks a link or image target and resolves it for the page, recording its use or why it is broken.
    fn target(&mut self, url: &str, offset: usize) -> Dest {
        if let Some(why) = refused_url(url) {
            self.error(
                Code::RefusedLink,
                offset,
                (
                    format!("{}: `{url}`", why.why),
                    format!("{}：`{url}`", why.why_ja),
                ),
                Some((
                    "link with https://, http://, mailto: or tel:, or to a page of the report (/cases/kobe/)",
                    "リンクは https://、http://、mailto:、tel: のどれかで始めるか、レポートのページ（/cases/kobe/ など）を指してください",
                )),
            );
            return Dest {
                href: "#".to_string(),
                in_report: None,
            };
        }
        let external = ["http:", "https:", "mailto:", "tel:"].iter().any(|s| {
            url.get(..s.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(s))
        });
        if external {
            return Dest {
                href: url.to_string(),
                in_report: None,
            };
        }
        match self.out.page().resolve.link(url) {
            Ok(LinkTarget { href, in_report }) => {
                self.found.links.push(LinkUse {
                    written: url.to_string(),
                    href: href.clone(),
                    position: self.position(offset),
                });
                Dest {
                    href,
                    in_report: Some(in_report.map_or(InReport::Elsewhere, InReport::Document)),
                }
            }
            Err(why) => {
                self.error(
                    Code::BrokenLink,
                    offset,
                    (
                        format!("broken link `{url}`: {}", why.why),
                        format!("リンク `{url}` は切れています。{}", why.why_ja),
                    ),
                    None,
                );
                Dest {
                    href: "#".to_string(),
                    in_report: Some(InReport::Elsewhere),
                }
            }
        }
    }
}
