//! Rendering one content page in one language.

use super::context::{
    alternates, case_card, chapter_cards, chapter_label, chapter_link, chapter_of, facts_view,
    key_figure, switch, t,
};
use super::figure::csv;
use super::report::{SectionPlan, render_section};
use super::resolver::PageResolver;
use super::urls::page_path;
use super::views::{CaseView, ChapterView, HomeView, Link, PageContext, PageView, TermGroup};
use super::{Env, RenderedPage};
use crate::diag::{Code, Diagnostic};
use crate::format::date::format_date;
use crate::markdown::{self, Input, Labels};
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::taxonomy::TaxonomyKind;
use crate::output::Sink;

/// What one page job produced.
pub(crate) struct PageOutcome {
    pub errors: Vec<Diagnostic>,
    pub files: usize,
    pub rendered: Option<RenderedPage>,
}

/// The id prefix of a document on the whole-report page.
pub(crate) fn doc_prefix(page_id: &str) -> String {
    if page_id.is_empty() {
        "cover-".to_string()
    } else {
        let mut prefix = page_id.replace('/', "-");
        prefix.push('-');
        prefix
    }
}

/// The words the Markdown stage writes, in `lang`.
pub(crate) fn labels(env: &Env<'_>, lang: Lang) -> Labels {
    Labels {
        back_to_text: t(env, lang, "footnote_back"),
        task_done: t(env, lang, "task_done"),
        task_open: t(env, lang, "task_open"),
        table: t(env, lang, "table"),
    }
}

/// Renders `page` at its `lang` address and hands the files to `sink`.
pub(crate) fn render_page(env: &Env<'_>, page: &Page, lang: Lang, sink: &dyn Sink) -> PageOutcome {
    let mut outcome = PageOutcome {
        errors: Vec::new(),
        files: 0,
        rendered: None,
    };
    let (doc, doc_lang) = page.doc_for(lang);
    let is_fallback = doc_lang != lang;
    let from = page_path(lang, &page.id);
    let labels = labels(env, lang);
    let resolver = PageResolver::new(env, page, lang, &from);
    // The page and its section of the whole report come from one parse of the Markdown.
    let plan = SectionPlan::new(page, lang);
    let report_resolver =
        PageResolver::new(env, page, lang, &plan.from).on_single_page(&plan.prefix);
    let input = Input {
        markdown: &doc.body,
        path: &doc.path,
        first_line: doc.body_line,
        id_prefix: "",
        heading_shift: 0,
        labels: &labels,
    };
    let (mut md, report_md) = markdown::render_pair(
        input,
        &resolver,
        Input {
            id_prefix: &plan.prefix,
            heading_shift: plan.heading_shift,
            ..input
        },
        &report_resolver,
    );
    outcome
        .errors
        .extend(resolver.errors.borrow_mut().drain(..));
    outcome
        .errors
        .extend(report_resolver.errors.borrow_mut().drain(..));
    let report_section = match render_section(env, page, lang, &plan, report_md) {
        Ok(html) => html,
        Err(e) => {
            outcome.errors.push(e);
            return outcome;
        }
    };
    let mut page_warnings = Vec::new();
    if !is_fallback {
        outcome.errors.extend(md.errors.iter().cloned());
        page_warnings.extend(md.warnings.iter().cloned());
        for chart in page
            .data
            .charts
            .iter()
            .filter(|c| !md.charts.contains(&c.id))
        {
            page_warnings.push(
                Diagnostic::warning(
                    Code::UnusedChart,
                    &doc.path,
                    format!(
                        "the chart `{}` is defined in data.yaml but not placed in this text",
                        chart.id
                    ),
                )
                .with_help(format!(
                    "place it with a block ```chart / {} / ```",
                    chart.id
                )),
            );
        }
    }
    let langs_present: Vec<Lang> = Lang::ALL
        .into_iter()
        .filter(|l| page.docs.get(*l).is_some())
        .collect();
    let kind_name = match page.kind {
        PageKind::Home => "home",
        PageKind::Chapter => "chapter",
        PageKind::Case => "case",
        PageKind::Other => "page",
    };
    let site_title = env.site.config.title.get(lang);
    let mut breadcrumbs = Vec::new();
    if page.kind != PageKind::Home {
        breadcrumbs.push(Link {
            title: site_title.clone(),
            url: env.urls.href(&from, &page_path(lang, "")),
        });
    }
    if page.kind == PageKind::Case {
        if let Some(ch) = page
            .data
            .case
            .as_ref()
            .and_then(|c| chapter_link(env, lang, &from, &c.chapter))
        {
            breadcrumbs.push(Link {
                title: format!("{} {}", ch.label, ch.title),
                url: ch.url,
            });
        }
    }
    let title = match page.kind {
        PageKind::Home => site_title.clone(),
        _ => doc.title.clone(),
    };
    let head_title = if page.kind == PageKind::Home {
        site_title.clone()
    } else {
        format!("{title} | {site_title}")
    };
    let description = doc.summary.clone().unwrap_or_else(|| {
        md.text
            .chars()
            .take(120)
            .collect::<String>()
            .trim()
            .to_string()
    });
    let canonical_lang = if is_fallback { doc_lang } else { lang };
    let page_view = PageView {
        kind: kind_name,
        title,
        head_title,
        summary: doc.summary.clone(),
        description,
        url: env.urls.href(&from, &from),
        canonical: env.urls.absolute(&page_path(canonical_lang, &page.id)),
        content_lang: doc_lang.code(),
        is_fallback,
        noindex: is_fallback,
        alternates: if is_fallback {
            Vec::new()
        } else {
            alternates(env, &page.id, &langs_present)
        },
        switch: switch(env, lang, &from, &page.id),
        breadcrumbs,
        toc: md
            .headings
            .iter()
            .filter(|h| h.level <= 3)
            .cloned()
            .collect(),
        body: std::mem::take(&mut md.html),
        footnotes: std::mem::take(&mut md.footnotes_html),
        date: doc.date.map(|d| format_date(d, lang)),
        date_iso: doc.date.map(|d| {
            let (y, m, day) = d.first_day();
            format!("{y:04}-{m:02}-{day:02}")
        }),
        updated: doc.updated.map(|d| format_date(d, lang)),
        og_type: if page.kind == PageKind::Home {
            "website"
        } else {
            "article"
        },
        og_locale: match lang {
            Lang::Ja => "ja_JP",
            Lang::En => "en_US",
        },
    };
    let case = (page.kind == PageKind::Case).then(|| case_view(env, page, lang, &from));
    let chapter = (page.kind == PageKind::Chapter).then(|| ChapterView {
        label: chapter_label(env, lang, env.site.chapter_number(page.slug()).unwrap_or(0)),
        cases: env
            .site
            .cases_of(page.slug())
            .into_iter()
            .map(|c| case_card(env, c, lang, &from))
            .collect(),
    });
    let home = (page.kind == PageKind::Home).then(|| HomeView {
        key_figures: env
            .site
            .config
            .cover_figures
            .iter()
            .filter_map(|r| {
                let p = env.site.page(&r.page)?;
                let k = p.data.key_figures.iter().find(|k| k.id == r.id)?;
                let mut view = key_figure(env, lang, &from, p, k);
                view.page = Some(Link {
                    title: p.doc_for(lang).0.title.clone(),
                    url: env.urls.href(&from, &page_path(lang, &p.id)),
                });
                Some(view)
            })
            .collect(),
        chapters: chapter_cards(env, lang, &from),
    });
    let ctx = PageContext {
        lang: lang.code(),
        page: page_view,
        facts: facts_view(env, page, lang, &from),
        case,
        chapter,
        home,
        list: None,
        report: None,
    };
    let template = format!("{kind_name}.html");
    let site = (lang, from.as_str(), chapter_of(page));
    let html = match env.render_with_site(&template, &ctx, site, &format!("/{from}")) {
        Ok(html) => html,
        Err(e) => {
            outcome.errors.push(e);
            return outcome;
        }
    };
    let anchors = collect_ids(&html);
    let targets = resolver.targets.borrow().clone();
    let links = md.links.iter().cloned().zip(targets).collect();
    let mut files = Vec::new();
    let mut put =
        |path: String, bytes: Vec<u8>, errors: &mut Vec<Diagnostic>| match sink.put(&path, bytes) {
            Ok(()) => files.push(path),
            Err(e) => errors.push(e),
        };
    put(
        [from.as_str(), "index.html"].concat(),
        html,
        &mut outcome.errors,
    );
    for chart in &page.data.charts {
        put(
            format!("{from}{}.csv", chart.id),
            csv(chart, lang),
            &mut outcome.errors,
        );
    }
    for asset in &page.assets {
        let rel = asset.to_string_lossy().replace('\\', "/");
        let source = env.content_dir.join(asset);
        match std::fs::read(&source) {
            Ok(bytes) => put(format!("{}/{rel}", lang.code()), bytes, &mut outcome.errors),
            Err(e) => outcome.errors.push(Diagnostic::error(
                Code::Io,
                &source,
                format!("the file cannot be read: {e}"),
            )),
        }
    }
    outcome.files = files.len();
    outcome.rendered = Some(RenderedPage {
        page_id: page.id.clone(),
        lang,
        is_fallback,
        title: doc.title.clone(),
        summary: doc.summary.clone(),
        excerpt: match md.text.char_indices().nth(200) {
            Some((end, _)) => md.text[..end].to_string(),
            None => md.text.clone(),
        },
        text: Some(md.text),
        anchors,
        links,
        glossary_used: md.glossary_used,
        warnings: page_warnings,
        files,
        report_section: Some(report_section),
    });
    outcome
}

fn case_view(env: &Env<'_>, page: &Page, lang: Lang, from: &str) -> CaseView {
    let info = page.data.case.as_ref();
    let terms = TaxonomyKind::ALL
        .into_iter()
        .filter_map(|kind| {
            let keys = info?.keys(kind);
            if keys.is_empty() {
                return None;
            }
            let terms = keys
                .iter()
                .filter_map(|k| env.site.taxonomies.term(kind, k))
                .map(|term| Link {
                    title: term.label.get(lang).clone(),
                    url: env.urls.href(
                        from,
                        &format!("{}{}/{}/", page_path(lang, ""), kind.key(), term.key),
                    ),
                })
                .collect();
            Some(TermGroup {
                name: t(env, lang, &format!("taxonomy_{}", kind.key())),
                terms,
            })
        })
        .collect();
    CaseView {
        location: info
            .and_then(|c| c.location.as_ref())
            .map(|l| l.get(lang).clone()),
        chapter: info.and_then(|c| chapter_link(env, lang, from, &c.chapter)),
        terms,
        related: super::lists::related_cases(env, page, lang, from),
    }
}

/// The ids of a rendered page (everything a `#fragment` can point at), kept in one string.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Anchors(String);

impl Anchors {
    /// Whether the page has an element with id `id`.
    pub fn contains(&self, id: &str) -> bool {
        !self.0.is_empty() && self.0.split('\0').any(|a| a == id)
    }
}

/// Every `id="…"` in an HTML page.
pub(crate) fn collect_ids(html: &[u8]) -> Anchors {
    let mut ids = String::new();
    let mut rest = html;
    let id_attribute = memchr::memmem::Finder::new(b" id=\"");
    while let Some(i) = id_attribute.find(rest) {
        rest = &rest[i + 5..];
        let Some(end) = memchr::memchr(b'"', rest) else {
            break;
        };
        let raw = String::from_utf8_lossy(&rest[..end]);
        if !ids.is_empty() {
            ids.push('\0');
        }
        if raw.contains('&') {
            ids.push_str(
                &raw.replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'"),
            );
        } else {
            ids.push_str(&raw);
        }
        rest = &rest[end..];
    }
    Anchors(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_collected_unescaped() {
        let ids = collect_ids(
            "<h2 id=\"概要\">概要</h2><p data-id=\"no\"><a id=\"a&amp;b\" href=\"#x\">x</a>"
                .as_bytes(),
        );
        assert!(ids.contains("概要"));
        assert!(ids.contains("a&b"));
        assert!(!ids.contains("no"));
        assert!(!ids.contains("a&amp;b"));
        assert!(!ids.contains(""));
        assert!(!collect_ids(b"<p>none</p>").contains(""));
    }
}
