//! What one document of a PDF edition refers to: its charts as figures, figure numbers, links (inside the
//! PDF when the target is in it, else to the site), images, glossary terms.

use std::collections::{BTreeSet, HashMap};

use super::escape::push_string;
use super::markup::{Dest, Targets};
use crate::markdown::{GlossaryTerm, RefKind};
use crate::model::citation::Citation;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::render::urls::{doc_prefix, page_path};
use crate::render::{
    Context, Deps, Refs, chart_table, figure_sources, joined_sources, resolve_target, table_cells,
};

/// Labels of the generated parts of the whole-report PDF that links to generated pages lead to.
pub(crate) const FIGURES_LABEL: &str = "hk-figures";
/// See [`FIGURES_LABEL`].
pub(crate) const GLOSSARY_LABEL: &str = "hk-glossary";
/// See [`FIGURES_LABEL`].
pub(crate) const SOURCES_LABEL: &str = "hk-sources";

/// What the documents of one edition share.
pub(crate) struct Edition<'c> {
    pub ctx: &'c Context<'c>,
    pub lang: Lang,
    /// The pages in this PDF, by id.
    pub pages: BTreeSet<String>,
    /// Whether this is the whole report (with the list of figures, glossary and sources).
    pub whole: bool,
    /// Glossary terms in running text, longest first.
    pub glossary: Vec<GlossaryTerm>,
    /// Where each glossary term is explained in this PDF, by glossary id.
    pub explained: HashMap<String, String>,
}

impl<'c> Edition<'c> {
    pub(crate) fn new(
        ctx: &'c Context<'c>,
        lang: Lang,
        pages: BTreeSet<String>,
        whole: bool,
    ) -> Self {
        let mut glossary: Vec<GlossaryTerm> = ctx
            .site
            .glossary
            .iter()
            .map(|g| GlossaryTerm {
                id: g.id.clone(),
                term: g.term.get(lang).clone(),
                title: g.expansion.get(lang).clone(),
                href: String::new(),
            })
            .collect();
        glossary.sort_by_key(|g| std::cmp::Reverse(g.term.chars().count()));
        let explained = if whole {
            ctx.site
                .glossary
                .iter()
                .map(|g| (g.id.clone(), glossary_label(&g.id)))
                .collect()
        } else {
            HashMap::new()
        };
        Edition {
            ctx,
            lang,
            pages,
            whole,
            glossary,
            explained,
        }
    }

    /// The label of the top of page `id` in this PDF.
    pub(crate) fn top_label(id: &str) -> String {
        format!("{}top", doc_prefix(id))
    }
}

/// The label of a glossary entry.
pub(crate) fn glossary_label(id: &str) -> String {
    format!("hk-glossary-{id}")
}

/// The label of a source in the list of sources.
pub(crate) fn source_label(id: &str) -> String {
    format!("hk-source-{id}")
}

/// The targets of one page's document in an edition. Images it shows are collected for the edition's files.
pub(crate) struct DocTargets<'e, 'c> {
    pub edition: &'e Edition<'c>,
    pub page: &'e Page,
    /// Images shown: (path in the PDF's files, path below `content/`).
    pub images: Vec<(String, String)>,
    /// The labels of the figures placed.
    pub figures: Vec<String>,
}

impl Targets for DocTargets<'_, '_> {
    fn chart(&mut self, id: &str) -> Option<String> {
        let ctx = self.edition.ctx;
        let lang = self.edition.lang;
        let chart = self.page.data.charts.iter().find(|c| c.id == id)?;
        let info = ctx.figures.get(id)?;
        let (head, rows) = chart_table(chart, lang);
        self.figures.push(format!("fig-{id}"));
        let mut out = String::from("#chart-figure(path: ");
        push_string(&mut out, &chart_path(id, lang));
        out.push_str(", alt: ");
        push_string(&mut out, &crate::chart::text_alternative(chart, lang));
        out.push_str(", number: ");
        push_string(&mut out, info.label.get(lang));
        out.push_str(", title: ");
        push_string(&mut out, chart.title.get(lang));
        out.push_str(", anchor: ");
        push_string(&mut out, &format!("fig-{id}"));
        if let Some(note) = &chart.note {
            out.push_str(", note: ");
            push_string(&mut out, note.get(lang));
        }
        out.push_str(", source: ");
        push_string(&mut out, &source_line(ctx, lang, &chart.sources));
        out.push_str(", data-title: ");
        push_string(&mut out, &ctx.t(lang, "figure_data"));
        out.push_str(", head: ");
        push_array(&mut out, &head);
        out.push_str(", rows: (");
        for row in &rows {
            push_array(&mut out, row);
            out.push_str(", ");
        }
        out.push_str("))");
        Some(out)
    }

    fn table(&mut self, id: &str) -> Option<String> {
        let ctx = self.edition.ctx;
        let lang = self.edition.lang;
        let table = self.page.data.tables.iter().find(|t| t.id == id)?;
        let info = ctx.figures.table(id)?;
        let (head, rows) = table_cells(table, lang, ctx.site.config.japanese_dates);
        let anchor = format!("tbl-{id}");
        self.figures.push(anchor.clone());
        let texts = |cells: &[crate::render::CellView]| -> Vec<String> {
            cells.iter().map(|c| c.text.clone()).collect()
        };
        let mut out = String::from("#numbered-table(number: ");
        push_string(&mut out, info.label.get(lang));
        out.push_str(", caption: ");
        push_string(&mut out, table.caption.get(lang));
        out.push_str(", anchor: ");
        push_string(&mut out, &anchor);
        out.push_str(", numeric: (");
        for h in &head {
            out.push_str(if h.numeric { "true, " } else { "false, " });
        }
        out.push_str("), row-headers: ");
        out.push_str(
            if rows
                .first()
                .and_then(|r| r.first())
                .is_some_and(|c| c.header)
            {
                "true"
            } else {
                "false"
            },
        );
        if let Some(note) = &table.note {
            out.push_str(", note: ");
            push_string(&mut out, note.get(lang));
        }
        out.push_str(", source: ");
        push_string(&mut out, &source_line(ctx, lang, &table.sources));
        out.push_str(", head: ");
        push_array(&mut out, &texts(&head));
        out.push_str(", rows: (");
        for row in &rows {
            push_array(&mut out, &texts(row));
            out.push_str(", ");
        }
        out.push_str("))");
        Some(out)
    }

    fn reference(&self, kind: RefKind, target: &str) -> Option<(String, usize, Dest)> {
        let ctx = self.edition.ctx;
        let lang = self.edition.lang;
        let refs = Refs {
            ctx,
            page: self.page,
            lang,
            from: "",
            single_page: false,
        };
        let found = refs.locate(kind, target, &mut Deps::new(false)).ok()?;
        let page = page_path(lang, &found.page_id);
        let on_site = ctx.urls.absolute(&match &found.anchor {
            Some(anchor) => format!("{page}#{anchor}"),
            None => page,
        });
        // Figures and tables are labelled by their id (unique in the report), the rest per document.
        let label = match (kind, &found.anchor) {
            (RefKind::Figure | RefKind::Table, Some(anchor)) => anchor.clone(),
            (_, Some(anchor)) => format!("{}{anchor}", doc_prefix(&found.page_id)),
            (_, None) => Edition::top_label(&found.page_id),
        };
        let dest = if self.edition.pages.contains(&found.page_id) {
            Dest::Inside {
                label,
                fallback: on_site,
            }
        } else {
            Dest::Url(on_site)
        };
        Some((found.text, found.used, dest))
    }

    fn link(&self, url: &str) -> Option<Dest> {
        if crate::markdown::policy::refused_url(url).is_some() {
            return None;
        }
        let external = ["http:", "https:", "mailto:", "tel:"].iter().any(|s| {
            url.get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
        });
        if external {
            return Some(Dest::Url(url.to_string()));
        }
        let ctx = self.edition.ctx;
        let target = resolve_target(
            ctx.site,
            self.page,
            self.edition.lang,
            url,
            &mut Deps::new(false),
        )
        .ok()?;
        let mut address = target.path.clone();
        if let Some(f) = &target.fragment {
            address.push('#');
            address.push_str(f);
        }
        let on_site = ctx.urls.absolute(&address);
        match target.page_id.as_deref() {
            Some(id) if self.edition.pages.contains(id) => {
                let label = match &target.fragment {
                    Some(f) => format!("{}{f}", doc_prefix(id)),
                    None => Edition::top_label(id),
                };
                Some(Dest::Inside {
                    label,
                    fallback: on_site,
                })
            }
            None if self.edition.whole => {
                let generated = target.path.split('/').nth(1).unwrap_or("");
                let label = match generated {
                    "figures" => FIGURES_LABEL,
                    "glossary" => GLOSSARY_LABEL,
                    "sources" => SOURCES_LABEL,
                    _ => return Some(Dest::Url(on_site)),
                };
                Some(Dest::Inside {
                    label: label.to_string(),
                    fallback: on_site,
                })
            }
            _ => Some(Dest::Url(on_site)),
        }
    }

    fn image(&mut self, url: &str) -> Option<String> {
        let ctx = self.edition.ctx;
        let target = resolve_target(
            ctx.site,
            self.page,
            self.edition.lang,
            url,
            &mut Deps::new(false),
        )
        .ok()?;
        let rel = target.path.split_once('/')?.1.to_string();
        let is_image = [".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"]
            .iter()
            .any(|ext| rel.to_ascii_lowercase().ends_with(ext));
        if target.page_id.is_some() || !is_image {
            return None;
        }
        let path = format!("/assets/{rel}");
        self.images.push((path.clone(), rel));
        Some(path)
    }

    fn glossary(&self) -> (&[GlossaryTerm], &HashMap<String, String>) {
        (&self.edition.glossary, &self.edition.explained)
    }
}

/// A figure's or table's source line: 資料：…「…」（2023年）p.166、….
fn source_line(ctx: &Context<'_>, lang: Lang, cites: &[Citation]) -> String {
    joined_sources(
        ctx,
        lang,
        &figure_sources(ctx, lang, cites, |_| String::new()),
    )
}

/// The path in the PDF's files of chart `id`'s SVG in `lang`.
pub(crate) fn chart_path(id: &str, lang: Lang) -> String {
    format!("/charts/{id}.{}.svg", lang.code())
}

/// Appends `(…)`, an array of strings.
pub(crate) fn push_array(out: &mut String, items: &[String]) {
    out.push('(');
    for item in items {
        push_string(out, item);
        out.push_str(", ");
    }
    out.push(')');
}
