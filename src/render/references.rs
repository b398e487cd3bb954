//! What the references of running text write and where they link: `@fig:` and `@tbl:` their numbers,
//! `@chap:` the chapter's number, `@sec:` the section's heading, `@kf:` the key figure's quantity; or, for
//! a reference that names nothing, the editor's error with the nearest name.

use super::context::Context;
use super::deps::{Dep, Deps};
use super::urls::{doc_prefix, page_path};
use crate::diag::did_you_mean;
use crate::format::number::format_quantity;
use crate::markdown::{RefError, RefKind, Reference};
use crate::model::lang::Lang;
use crate::model::page::Page;

/// Resolves references for one page in one language.
pub(crate) struct Refs<'e, 'a> {
    pub ctx: &'e Context<'a>,
    pub page: &'e Page,
    pub lang: Lang,
    pub from: &'e str,
    /// On the whole-report page: every document is on the same page.
    pub single_page: bool,
}

/// What a reference writes and the place it names: a page, and an anchor on it (none for its top).
#[derive(Clone, Debug)]
pub(crate) struct Located {
    /// What the reference writes, its title and how much of the target it used (see [`Reference`]).
    pub text: String,
    pub title: Option<String>,
    pub used: usize,
    /// The page id of the target.
    pub page_id: String,
    /// The anchor on that page.
    pub anchor: Option<String>,
}

impl Refs<'_, '_> {
    /// What `@<kind>:<target>` writes and where it links.
    pub(crate) fn resolve(
        &self,
        kind: RefKind,
        target: &str,
        deps: &mut Deps,
    ) -> Result<Reference, RefError> {
        let found = self.locate(kind, target, deps)?;
        let href = match (&found.anchor, self.single_page) {
            (Some(anchor), _) => self.href(&found.page_id, anchor, deps),
            (None, true) => self.href(&found.page_id, "top", deps),
            (None, false) => self
                .ctx
                .urls
                .href(self.from, &page_path(self.lang, &found.page_id)),
        };
        Ok(Reference {
            text: found.text,
            href,
            title: found.title,
            used: found.used,
        })
    }

    /// What `@<kind>:<target>` writes and the place it names.
    pub(crate) fn locate(
        &self,
        kind: RefKind,
        target: &str,
        deps: &mut Deps,
    ) -> Result<Located, RefError> {
        match kind {
            RefKind::Figure => self.figure(target, deps),
            RefKind::Table => self.table(target, deps),
            RefKind::Chapter => self.chapter(target, deps),
            RefKind::Section => self.section(target, deps),
            RefKind::KeyFigure => self.key_figure(target, deps),
        }
    }

    /// The href of the anchor `anchor` of the page `page_id` (on the whole report: of its section, on the
    /// part holding it).
    fn href(&self, page_id: &str, anchor: &str, deps: &mut Deps) -> String {
        if self.single_page {
            let id = format!("{}{anchor}", doc_prefix(page_id));
            self.ctx
                .report_href(self.lang, &self.page.id, page_id, &id, deps)
        } else {
            self.ctx.urls.href(
                self.from,
                &format!("{}#{anchor}", page_path(self.lang, page_id)),
            )
        }
    }

    /// `page#id` or `id` (this page): the page and the id.
    fn split<'t>(&self, target: &'t str) -> (Option<&'t str>, &'t str) {
        match target.split_once('#') {
            Some((page, id)) => (Some(page.trim_matches('/')).filter(|p| !p.is_empty()), id),
            None => (None, target),
        }
    }

    fn figure(&self, id: &str, deps: &mut Deps) -> Result<Located, RefError> {
        let Some(info) = self.ctx.figures.get(id) else {
            let ids = self.ctx.figures.list.iter().map(|f| f.id.as_str());
            return Err(unknown(
                (
                    format!("the figure reference @fig:{id} names no chart"),
                    format!("図の参照 @fig:{id} に当たる図がありません"),
                ),
                id,
                ids,
                (
                    "use the id of a chart defined in a data.yaml of this report".into(),
                    "このレポートのいずれかの data.yaml で定義した図の id を書いてください".into(),
                ),
            ));
        };
        deps.add(Dep::Figure(id.to_string()));
        Ok(Located {
            text: info.label.get(self.lang).clone(),
            title: None,
            used: id.len(),
            page_id: info.page_id.clone(),
            anchor: Some(format!("fig-{id}")),
        })
    }

    fn table(&self, target: &str, deps: &mut Deps) -> Result<Located, RefError> {
        let (page, id) = self.split(target);
        let info = self
            .ctx
            .figures
            .table(id)
            .filter(|t| page.is_none_or(|p| p == t.page_id));
        if let (Some(page), Some(elsewhere)) = (page, self.ctx.figures.table(id))
            && info.is_none()
        {
            let there = &elsewhere.page_id;
            return Err(RefError {
                message: format!(
                    "the table reference @tbl:{target} names no table of content/{page}/"
                ),
                help: format!(
                    "the table `{id}` is in content/{there}/: write @tbl:{id} (table ids are unique in the report)"
                ),
                message_ja: format!(
                    "表の参照 @tbl:{target} に当たる表が content/{page}/ にありません"
                ),
                help_ja: format!(
                    "表 `{id}` は content/{there}/ にあります。@tbl:{id} と書いてください（表の id はレポート全体で重なりません）"
                ),
            });
        }
        let Some(info) = info else {
            let ids = self.ctx.figures.tables.iter().map(|f| f.id.as_str());
            let on = page
                .map(|p| format!(" of content/{p}/"))
                .unwrap_or_default();
            let on_ja = page
                .map(|p| format!(" content/{p}/ に"))
                .unwrap_or_default();
            return Err(unknown(
                (
                    format!("the table reference @tbl:{target} names no table{on}"),
                    format!("表の参照 @tbl:{target} に当たる表が{on_ja}ありません"),
                ),
                id,
                ids,
                (
                    "use the id of a table defined under `tables:` in a data.yaml of this report"
                        .into(),
                    "このレポートのいずれかの data.yaml の `tables:` で定義した表の id を書いてください"
                        .into(),
                ),
            ));
        };
        deps.add(Dep::Table(id.to_string()));
        Ok(Located {
            text: info.label.get(self.lang).clone(),
            title: None,
            used: target.len(),
            page_id: info.page_id.clone(),
            anchor: Some(format!("tbl-{id}")),
        })
    }

    fn chapter(&self, slug: &str, deps: &mut Deps) -> Result<Located, RefError> {
        let site = self.ctx.site;
        let found = site.chapter_number(slug).and_then(|n| {
            let id = format!("chapters/{slug}");
            Some((n, site.page_index(&id)?, site.page(&id)?))
        });
        let Some((number, index, chapter)) = found else {
            let slugs = site.config.chapters.iter().map(String::as_str);
            return Err(unknown(
                (
                    format!("the chapter reference @chap:{slug} names no chapter"),
                    format!("章の参照 @chap:{slug} に当たる章がありません"),
                ),
                slug,
                slugs,
                (
                    format!(
                        "the chapters (site.yaml) are: {}",
                        site.config.chapters.join(", ")
                    ),
                    format!(
                        "章（site.yaml）は次のとおりです：{}",
                        site.config.chapters.join("、")
                    ),
                ),
            ));
        };
        deps.add(Dep::Listing(index));
        Ok(Located {
            text: self.ctx.chapter_label(self.lang, number),
            title: Some(chapter.doc_for(self.lang).0.title.clone()),
            used: slug.len(),
            page_id: chapter.id.clone(),
            anchor: None,
        })
    }

    fn section(&self, target: &str, deps: &mut Deps) -> Result<Located, RefError> {
        let Some((page_part, anchor)) = target.split_once('#') else {
            return Err(RefError {
                message: format!("the section reference @sec:{target} names no section"),
                help: format!(
                    "write the page and the heading's anchor: @sec:{target}#<anchor>, or @sec:#<anchor> for this page"
                ),
                message_ja: format!("節の参照 @sec:{target} に当たる節がありません"),
                help_ja: format!(
                    "ページと見出しのアンカーを @sec:{target}#<anchor> のように書いてください。このページの見出しなら @sec:#<anchor> です"
                ),
            });
        };
        let page_id = page_part.trim_matches('/');
        let page = if page_id.is_empty() {
            Some(self.page)
        } else {
            self.ctx.site.page(page_id)
        };
        let Some(page) = page else {
            let ids = self.ctx.site.pages.iter().map(|p| p.id.as_str());
            return Err(unknown(
                (
                    format!(
                        "the section reference @sec:{target} names no page: there is no content/{page_id}/"
                    ),
                    format!("節の参照 @sec:{target} が指すページ content/{page_id}/ がありません"),
                ),
                page_id,
                ids,
                (
                    "write the page's folder below content/, e.g. @sec:cases/kobe#概要".into(),
                    "content/ の下のページのフォルダーを書いてください（例：@sec:cases/kobe#概要）"
                        .into(),
                ),
            ));
        };
        if let Some(index) = self.ctx.site.page_index(&page.id)
            && !std::ptr::eq(page, self.page)
        {
            deps.add(Dep::Outline(index));
        }
        let (_, doc_lang) = page.doc_for(self.lang);
        let headings = self
            .ctx
            .outlines
            .get(&(page.id.clone(), doc_lang))
            .map(Vec::as_slice)
            .unwrap_or_default();
        // The longest anchor the written one starts with: `#概要を参照` is `#概要` followed by text.
        let found = headings
            .iter()
            .filter(|h| anchor.starts_with(h.id.as_str()))
            .max_by_key(|h| h.id.len());
        let Some(heading) = found else {
            let (shown, shown_ja) = if page_id.is_empty() {
                ("this page".to_string(), "このページ".to_string())
            } else {
                let p = format!("content/{page_id}/");
                (p.clone(), format!(" {p} "))
            };
            let listed: Vec<String> = headings
                .iter()
                .take(8)
                .map(|h| format!("#{}", h.id))
                .collect();
            let help = if listed.is_empty() {
                (
                    format!("{shown} has no ## headings to refer to"),
                    format!("{}には参照できる ## 見出しがありません", shown_ja.trim()),
                )
            } else {
                (
                    format!("its headings' anchors are: {}", listed.join(" ")),
                    format!("見出しのアンカーは次のとおりです：{}", listed.join(" ")),
                )
            };
            let ids = headings.iter().map(|h| h.id.as_str());
            return Err(unknown(
                (
                    format!("the section reference @sec:{target} names no heading of {shown}"),
                    format!("節の参照 @sec:{target} に当たる見出しが{shown_ja}にありません"),
                ),
                anchor,
                ids,
                help,
            ));
        };
        Ok(Located {
            text: heading.text.clone(),
            title: None,
            used: page_part.len() + 1 + heading.id.len(),
            page_id: page.id.clone(),
            anchor: Some(heading.id.clone()),
        })
    }

    fn key_figure(&self, target: &str, deps: &mut Deps) -> Result<Located, RefError> {
        let (page_id, id) = self.split(target);
        let page = match page_id {
            None => Some(self.page),
            Some(p) => self.ctx.site.page(p),
        };
        let Some(page) = page else {
            let p = page_id.unwrap_or("");
            let ids = self.ctx.site.pages.iter().map(|p| p.id.as_str());
            return Err(unknown(
                (
                    format!(
                        "the key figure reference @kf:{target} names no page: there is no content/{p}/"
                    ),
                    format!("主要数値の参照 @kf:{target} が指すページ content/{p}/ がありません"),
                ),
                p,
                ids,
                (
                    "write the page's folder below content/, e.g. @kf:cases/kobe#companies".into(),
                    "content/ の下のページのフォルダーを書いてください（例：@kf:cases/kobe#companies）"
                        .into(),
                ),
            ));
        };
        if !std::ptr::eq(page, self.page)
            && let Some(index) = self.ctx.site.page_index(&page.id)
        {
            deps.add(Dep::Listing(index));
        }
        let Some(k) = page.data.key_figures.iter().find(|k| k.id == id) else {
            let shown = page_id
                .map(|p| format!("content/{p}/"))
                .unwrap_or("this page".into());
            let shown_ja = page_id
                .map(|p| format!(" content/{p}/ "))
                .unwrap_or("このページ".into());
            let ids = page.data.key_figures.iter().map(|k| k.id.as_str());
            return Err(unknown(
                (
                    format!("the key figure reference @kf:{target} names no key figure of {shown}"),
                    format!("主要数値の参照 @kf:{target} に当たる主要数値が{shown_ja}にありません"),
                ),
                id,
                ids,
                (
                    "use the id of a key figure under `key_figures:` in the page's data.yaml; for another page's, write @kf:<page>#<id>".into(),
                    "ページの data.yaml の `key_figures:` にある主要数値の id を書いてください。ほかのページの主要数値は @kf:<page>#<id> と書きます".into(),
                ),
            ));
        };
        let lang = self.lang;
        Ok(Located {
            text: format_quantity(k.value, lang, k.scale, k.unit.get(lang), k.qualifier),
            title: Some(k.label.get(lang).clone()),
            used: target.len(),
            page_id: page.id.clone(),
            anchor: Some(format!("kf-{}", k.id)),
        })
    }
}

/// The error for a reference that names nothing (`message` in English and in Japanese): "did you mean"
/// when a name is close, else `help`.
fn unknown<'c>(
    (message, message_ja): (String, String),
    written: &str,
    names: impl Iterator<Item = &'c str>,
    (help, help_ja): (String, String),
) -> RefError {
    let (help, help_ja) = match did_you_mean(written, names) {
        Some(best) => (
            format!("did you mean `{best}`?"),
            format!("`{best}` のことですか？"),
        ),
        None => (help, help_ja),
    };
    RefError {
        message,
        help,
        message_ja,
        help_ja,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Diagnostic, MessageLanguage};

    fn said(e: RefError, lang: MessageLanguage) -> String {
        Diagnostic::error(Code::BrokenReference, "p.md", e.message)
            .with_help(e.help)
            .ja(e.message_ja)
            .ja_help(e.help_ja)
            .display_in(lang)
    }

    #[test]
    fn a_reference_naming_nothing_says_so_in_both_languages_with_the_nearest_name() {
        let near = || {
            unknown(
                (
                    "the chapter reference @chap:hubz names no chapter".into(),
                    "章の参照 @chap:hubz に当たる章がありません".into(),
                ),
                "hubz",
                ["intro", "hubs"].into_iter(),
                (
                    "the chapters (site.yaml) are: intro, hubs".into(),
                    "章（site.yaml）は次のとおりです：intro、hubs".into(),
                ),
            )
        };
        assert_eq!(
            said(near(), MessageLanguage::English),
            "p.md: error: the chapter reference @chap:hubz names no chapter\n  help: did you mean `hubs`?"
        );
        assert_eq!(
            said(near(), MessageLanguage::Japanese),
            "p.md: エラー: 章の参照 @chap:hubz に当たる章がありません\n  ヒント: `hubs` のことですか？"
        );
        let far = unknown(
            (
                String::new(),
                "章の参照 @chap:zzz に当たる章がありません".into(),
            ),
            "zzz",
            ["intro", "hubs"].into_iter(),
            (
                String::new(),
                "章（site.yaml）は次のとおりです：intro、hubs".into(),
            ),
        );
        assert_eq!(far.help_ja, "章（site.yaml）は次のとおりです：intro、hubs");
    }
}
