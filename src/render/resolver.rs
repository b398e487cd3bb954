//! What a page's Markdown needs from the site: its charts and tables, what references write, link targets
//! and glossary terms, all as hrefs from the page being rendered.

use super::context::Context;
use super::deps::{Dep, Deps};
use super::figure::figure_html;
use super::references::Refs;
use super::table::table_html;
use super::targets::{Target, resolve_target};
use super::urls::{doc_prefix, page_path};
use crate::diag::Diagnostic;
use crate::markdown::{GlossaryTerm, LinkError, LinkTarget, RefError, RefKind, Reference, Resolve};
use crate::model::lang::Lang;
use crate::model::page::Page;

/// Resolves for one page in one language.
pub(crate) struct PageResolver<'e, 'a> {
    ctx: &'e Context<'a>,
    page: &'e Page,
    lang: Lang,
    from: String,
    /// Ids on this output page get this prefix (the whole-report page holds many documents).
    prefix: String,
    /// On the whole-report page: every page's figures are on the same page.
    single_page: bool,
    glossary: Vec<GlossaryTerm>,
    /// Errors found while rendering figures.
    errors: Vec<Diagnostic>,
    /// Link targets, in the order the links were written.
    targets: Vec<Target>,
    /// What was read of other pages.
    deps: Deps,
}

impl<'e, 'a> PageResolver<'e, 'a> {
    /// A resolver for `page` shown at site path `from` in `lang`.
    /// With `record`, it records what it reads of other pages (see [`Deps`]).
    pub(crate) fn new(
        ctx: &'e Context<'a>,
        page: &'e Page,
        lang: Lang,
        from: &str,
        record: bool,
    ) -> Self {
        let glossary_page = format!("{}glossary/", page_path(lang, ""));
        let mut glossary: Vec<GlossaryTerm> = ctx
            .site
            .glossary
            .iter()
            .map(|g| GlossaryTerm {
                id: g.id.clone(),
                term: g.term.get(lang).clone(),
                title: {
                    let e = g.expansion.get(lang);
                    if e.is_empty() {
                        g.definition.get(lang).clone()
                    } else {
                        e.clone()
                    }
                },
                href: ctx.urls.href(from, &format!("{glossary_page}#{}", g.id)),
            })
            .collect();
        glossary.sort_by_key(|g| std::cmp::Reverse(g.term.chars().count()));
        PageResolver {
            ctx,
            page,
            lang,
            from: from.to_string(),
            prefix: String::new(),
            single_page: false,
            glossary,
            errors: Vec::new(),
            targets: Vec::new(),
            deps: Deps::new(record),
        }
    }

    /// What resolving found: errors, link targets in the order the links were written, and what was read
    /// of other pages.
    pub(crate) fn finish(self) -> (Vec<Diagnostic>, Vec<Target>, Vec<Dep>) {
        (self.errors, self.targets, self.deps.finish().into_vec())
    }

    /// For the whole-report page: ids prefixed per document, figures and pages linked within the page.
    pub(crate) fn on_single_page(mut self, prefix: &str) -> Self {
        self.prefix = prefix.to_string();
        self.single_page = true;
        self
    }
}

impl Resolve for PageResolver<'_, '_> {
    fn defined(&self, tables: bool) -> Vec<String> {
        if tables {
            self.page.data.tables.iter().map(|t| t.id.clone()).collect()
        } else {
            self.page.data.charts.iter().map(|c| c.id.clone()).collect()
        }
    }

    fn chart(&mut self, id: &str) -> Option<String> {
        let chart = self.page.data.charts.iter().find(|c| c.id == id)?;
        let info = self.ctx.figures.get(id)?;
        self.deps.add(Dep::Figure(id.to_string()));
        match figure_html(self.ctx, chart, info, self.lang, &self.from, &self.prefix) {
            Ok(html) => Some(html),
            Err(e) => {
                self.errors.push(e);
                Some(String::new())
            }
        }
    }

    fn table(&mut self, id: &str) -> Option<String> {
        let table = self.page.data.tables.iter().find(|t| t.id == id)?;
        let info = self.ctx.figures.table(id)?;
        self.deps.add(Dep::Table(id.to_string()));
        match table_html(self.ctx, table, info, self.lang, &self.from, &self.prefix) {
            Ok(html) => Some(html),
            Err(e) => {
                self.errors.push(e);
                Some(String::new())
            }
        }
    }

    fn reference(&mut self, kind: RefKind, target: &str) -> Result<Reference, RefError> {
        let refs = Refs {
            ctx: self.ctx,
            page: self.page,
            lang: self.lang,
            from: &self.from,
            single_page: self.single_page,
        };
        refs.resolve(kind, target, &mut self.deps)
    }

    fn link(&mut self, url: &str) -> Result<LinkTarget, LinkError> {
        let target = resolve_target(self.ctx.site, self.page, self.lang, url, &mut self.deps)?;
        let in_report = target.page_id.as_deref().map(|id| {
            let mut anchor = doc_prefix(id);
            anchor.push_str(target.fragment.as_deref().unwrap_or("top"));
            let (page, lang) = (&self.page.id, self.lang);
            self.ctx
                .report_href(lang, page, id, &anchor, &mut self.deps)
        });
        let href = match &in_report {
            Some(href) if self.single_page => href.clone(),
            _ => {
                let mut to = target.path.clone();
                if let Some(f) = &target.fragment {
                    to.push('#');
                    to.push_str(f);
                }
                self.ctx.urls.href(&self.from, &to)
            }
        };
        self.targets.push(target);
        Ok(LinkTarget { href, in_report })
    }

    fn glossary(&self) -> &[GlossaryTerm] {
        &self.glossary
    }

    fn single_page(&self) -> bool {
        self.single_page
    }
}
