//! Stage 3: the site, its charts and the theme → files handed to an [`output::Sink`](crate::output::Sink).
//!
//! Pages are rendered in parallel; each job renders one page's Markdown, fills the page's typed view, runs
//! the template and hands the result to the sink, returning only what later steps need (text for search,
//! anchors for link checks).

mod context;
mod figure;
pub mod figures;
mod lists;
mod page;
mod publish;
pub mod related;
mod report;
mod resolver;
mod strings;
pub mod targets;
mod taxonomy;
mod template_errors;
pub mod theme;
pub mod urls;
pub mod views;
mod whole;

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::diag::{Code, Diagnostic};
use crate::model::lang::{Lang, Localized};
use crate::model::site::Site;
use crate::output::Sink;
use figures::Figures;
pub use page::Anchors;
use theme::Theme;
use urls::Urls;

/// Everything a rendering job reads.
pub struct Env<'a> {
    /// The site.
    pub site: &'a Site,
    /// The theme.
    pub theme: &'a Theme,
    /// Link building.
    pub urls: &'a Urls,
    /// Figure numbers.
    pub figures: &'a Figures,
    /// SVG per (chart id, language).
    pub svgs: &'a HashMap<(String, Lang), String>,
    /// The content folder (for page assets).
    pub content_dir: &'a std::path::Path,
    /// Told about each rendered page.
    pub progress: &'a dyn crate::progress::Progress,
    /// Related cases per case, worked out when first needed (or handed over from the previous build).
    pub related: std::sync::OnceLock<std::sync::Arc<HashMap<String, Vec<String>>>>,
    /// Template values that are the same for every page of a language, converted once.
    pub shared: Shared,
}

/// Template values shared by every page of a language, converted to Tera values once per build (Tera
/// values share their maps, so handing one to each page costs nothing).
#[derive(Default)]
pub struct Shared {
    strings: Localized<std::sync::OnceLock<tera::Value>>,
    report_site: Localized<std::sync::OnceLock<tera::Value>>,
    /// Each case's card, by page index, when links are absolute.
    cards: Localized<std::sync::OnceLock<Box<[std::sync::OnceLock<tera::Value>]>>>,
    /// The `site` of pages per chapter (`None` outside chapters), when links are absolute.
    sites: Localized<std::sync::Mutex<HashMap<Option<String>, tera::Value>>>,
}

impl Env<'_> {
    /// A template error as a diagnostic naming the template and what was being rendered.
    pub(crate) fn template_error(
        &self,
        err: &tera::Error,
        template: &str,
        what: &str,
    ) -> Diagnostic {
        let mut d = template_errors::tera_diagnostics(err, &self.theme.template_paths, Some(what))
            .into_iter()
            .map(|(_, d)| d)
            .next()
            .unwrap_or_else(|| {
                Diagnostic::general(
                    Code::Template,
                    format!("template error while rendering {what}"),
                )
            });
        if d.path.is_none() {
            d.path = self.theme.template_paths.get(template).cloned();
        }
        d
    }

    /// Renders `template` with `ctx`. A context with a `lang` (`ja`, `en`) also gets that language's UI
    /// strings as `t`.
    pub(crate) fn render<T: Serialize>(
        &self,
        template: &str,
        ctx: &T,
        what: &str,
    ) -> Result<String, Diagnostic> {
        self.render_context(template, template_context(ctx, what)?, what)
    }

    /// Renders `template` with a context already made (see [`Env::render`] for `t`).
    pub(crate) fn render_context(
        &self,
        template: &str,
        context: tera::Context,
        what: &str,
    ) -> Result<String, Diagnostic> {
        let bytes = self.render_context_bytes(template, context, what)?;
        as_text(bytes, template, what)
    }

    /// Renders a page's `template` with `ctx` and, as `site`, the [`views::SiteView`] of a page at `from`
    /// in `lang` within `chapter`; as bytes to write (the page is not checked again as text).
    pub(crate) fn render_with_site(
        &self,
        template: &str,
        ctx: &views::PageContext,
        (lang, from, chapter): (Lang, &str, Option<&str>),
        what: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let mut context = template_context(ctx, what)?;
        context.insert_value("site", self.site_value(lang, from, chapter));
        self.render_context_bytes(template, context, what)
    }

    fn render_context_bytes(
        &self,
        template: &str,
        mut context: tera::Context,
        what: &str,
    ) -> Result<Vec<u8>, Diagnostic> {
        let lang = context
            .get("lang")
            .and_then(|v| v.as_str())
            .and_then(Lang::from_code);
        if let Some(lang) = lang {
            context.insert_value("t", self.strings_value(lang));
        }
        // Most pages fit without the buffer growing (a case page is 12–20 KB).
        let mut out = Vec::with_capacity(32 * 1024);
        self.theme
            .tera
            .render_to(template, &context, &mut out)
            .map_err(|e| self.template_error(&e, template, what))?;
        Ok(out)
    }

    /// The UI strings of `lang` as a template value.
    fn strings_value(&self, lang: Lang) -> tera::Value {
        self.shared
            .strings
            .get(lang)
            .get_or_init(|| tera::Value::from_serializable(self.theme.strings.get(lang)))
            .clone()
    }

    /// The `site` of a page at `from` in `lang` within `chapter`, as a template value. With absolute links it
    /// does not depend on the page, so it is made once per language and chapter.
    fn site_value(&self, lang: Lang, from: &str, chapter: Option<&str>) -> tera::Value {
        let make =
            || tera::Value::from_serializable(&context::site_view(self, lang, from, chapter));
        if self.urls.is_relative() {
            return make();
        }
        let mut sites = self
            .shared
            .sites
            .get(lang)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        sites
            .entry(chapter.map(str::to_string))
            .or_insert_with(make)
            .clone()
    }

    /// The `site` of the whole-report page of `lang`, as a template value (for its sections).
    pub(crate) fn report_site_value(&self, lang: Lang) -> tera::Value {
        self.shared
            .report_site
            .get(lang)
            .get_or_init(|| {
                let from = urls::page_path(lang, "report");
                tera::Value::from_serializable(&context::site_view(self, lang, &from, None))
            })
            .clone()
    }
}

/// The template context of a view.
pub(crate) fn template_context<T: Serialize>(
    ctx: &T,
    what: &str,
) -> Result<tera::Context, Diagnostic> {
    tera::Context::from_serialize(ctx).map_err(|e| {
        Diagnostic::general(
            Code::Template,
            format!("cannot prepare the template context for {what}: {e}"),
        )
    })
}

/// What a template wrote, as text.
fn as_text(bytes: Vec<u8>, template: &str, what: &str) -> Result<String, Diagnostic> {
    String::from_utf8(bytes).map_err(|_| {
        Diagnostic::general(
            Code::Template,
            format!("{template} wrote text that is not UTF-8 for {what}"),
        )
    })
}

/// A page as rendered, for the steps after rendering.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    /// Page id.
    pub page_id: String,
    /// The URL language.
    pub lang: Lang,
    /// Whether the text shown is the other language's.
    pub is_fallback: bool,
    /// Title shown.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Plain text of the body; written into the search index as the page is rendered, and kept only when
    /// the render does not write the index (`serve` writes it when asked).
    pub text: Option<String>,
    /// The first 200 characters of the text (for feeds, when the page has no summary).
    pub excerpt: String,
    /// Ids of everything that can be linked to on the page.
    pub anchors: Anchors,
    /// Links written in content: (as written, resolved target, position) for anchor checks.
    pub links: Vec<(crate::markdown::LinkUse, targets::Target)>,
    /// Glossary ids marked on the page.
    pub glossary_used: Vec<String>,
    /// Problems found in the page's text that do not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// The files written for this page (its HTML, CSVs, assets).
    pub files: Vec<String>,
    /// The page's section of the whole-report page (HTML); kept only when the render does not write the
    /// whole report (like the text).
    pub report_section: Option<Vec<u8>>,
}

/// What rendering produced.
#[derive(Debug, Default)]
pub struct RenderReport {
    /// Content pages per URL language.
    pub pages: Localized<usize>,
    /// Files written.
    pub files: usize,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// The rendered content pages.
    pub rendered: Vec<std::sync::Arc<RenderedPage>>,
    /// Size of each language's search index.
    pub search_index_bytes: Localized<usize>,
    /// How long each step took.
    pub timings: Vec<(&'static str, std::time::Duration)>,
}

/// Which parts of the site to render.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Content pages to render, by id; `None` for all of them.
    pub pages: Option<HashSet<String>>,
    /// Generated pages (lists, taxonomies, search page, landing, 404), static files, sitemap and feeds.
    pub lists: bool,
    /// The search indexes.
    pub search: bool,
    /// The whole-report pages.
    pub report: bool,
}

impl Scope {
    /// Everything.
    pub fn all() -> Scope {
        Scope {
            pages: None,
            lists: true,
            search: true,
            report: true,
        }
    }
}

/// Writes each language's search index from pages rendered before (which kept their text); returns the
/// index sizes.
pub fn write_search_indexes(
    env: &Env<'_>,
    rendered: &[std::sync::Arc<RenderedPage>],
    sink: &dyn Sink,
) -> Result<Localized<usize>, Diagnostic> {
    whole::write_whole_from(env, rendered, sink, None, true).map(|w| w.search_index_bytes)
}

/// Writes the whole-report page of each language from pages rendered before (which kept their sections).
pub fn write_reports(
    env: &Env<'_>,
    rendered: &[std::sync::Arc<RenderedPage>],
    sink: &dyn Sink,
) -> Result<usize, Vec<Diagnostic>> {
    let frames = report::frames(env)?;
    whole::write_whole_from(env, rendered, sink, Some(&frames), false)
        .map(|w| w.files)
        .map_err(|e| vec![e])
}

/// Where each page's part of the whole outputs goes as soon as the page is rendered: its place in writing
/// order (per job), whether the report shows it (per job), and the writer's queue.
type ToWhole<'q> = (
    &'q [bool],
    &'q std::sync::mpsc::Sender<(usize, Option<whole::Part<'static>>)>,
);

/// Renders the content pages of `jobs` (page index, language) in parallel, starting them in `order`; the
/// outcomes in job order. With `to_whole`, each page's part of the whole outputs is handed over (numbered
/// by its place in `order`) as soon as the page is rendered, and not kept.
fn render_pages(
    env: &Env<'_>,
    sink: &dyn Sink,
    jobs: &[(usize, Lang)],
    order: &[usize],
    to_whole: Option<ToWhole<'_>>,
) -> Vec<page::PageOutcome> {
    // Worked out with all cores before the pages that show them (not by the first page job, while the
    // others wait for it).
    env.related
        .get_or_init(|| std::sync::Arc::new(related::related_cases(env.site)));
    // Jobs are taken one by one in writing order (the cover and the chapters, which list many cases, come
    // early), so a part rarely waits long for the parts before it.
    let mut results: Vec<(usize, page::PageOutcome)> = order
        .iter()
        .enumerate()
        .par_bridge()
        .map(|(place, &j)| {
            let (i, lang) = jobs[j];
            let mut outcome = page::render_page(env, &env.site.pages[i], lang, sink);
            match (to_whole, &mut outcome.rendered) {
                (Some((in_report, queue)), rendered) => {
                    let part = rendered
                        .as_mut()
                        .map(|r| whole::take_part(env, r, in_report[j]));
                    // The writer only stops early when writing failed; that error is reported.
                    let _ = queue.send((place, part));
                }
                (None, Some(r)) => {
                    // Kept for later: without the slack of a growing buffer.
                    r.text.as_mut().map(String::shrink_to_fit);
                    r.report_section.as_mut().map(Vec::shrink_to_fit);
                }
                (None, None) => {}
            }
            env.progress.advance();
            (j, outcome)
        })
        .collect();
    results.sort_by_key(|(j, _)| *j);
    results.into_iter().map(|(_, outcome)| outcome).collect()
}

/// Renders the parts of the site in `scope` into `sink`. `previous` holds the pages rendered before that
/// are not in scope (for search, link checks and lists); the report's `rendered` holds them all.
pub fn render_site(
    env: &Env<'_>,
    sink: &dyn Sink,
    scope: &Scope,
    previous: Vec<std::sync::Arc<RenderedPage>>,
) -> Result<RenderReport, Vec<Diagnostic>> {
    let in_scope = |id: &str| scope.pages.as_ref().is_none_or(|set| set.contains(id));
    let jobs: Vec<(usize, Lang)> = (0..env.site.pages.len())
        .filter(|&i| in_scope(&env.site.pages[i].id))
        .flat_map(|i| Lang::ALL.into_iter().map(move |l| (i, l)))
        .collect();
    let ids: Vec<&str> = jobs
        .iter()
        .map(|&(i, _)| env.site.pages[i].id.as_str())
        .collect();
    let (order, in_report) = whole::writing_order(env, &ids);
    let mut errors = Vec::new();
    // The whole report and the search index are made of every page: with every page in scope they are
    // written as the pages render (otherwise afterwards, from the sections and text the pages kept).
    let whole_alongside = (scope.search || scope.report) && scope.pages.is_none();
    let frames = if scope.report {
        report::frames(env)
            .map_err(|mut e| errors.append(&mut e))
            .ok()
    } else {
        None
    };
    env.progress.start(jobs.len());
    let timed = |f: &dyn Fn() -> Result<usize, Vec<Diagnostic>>| {
        let t = std::time::Instant::now();
        (f(), t.elapsed())
    };
    let mut report = RenderReport::default();
    let (results, (lists, t_lists), whole) = std::thread::scope(|s| {
        let (queue, parts) = std::sync::mpsc::channel();
        let writer = whole_alongside.then(|| {
            let frames = frames.as_ref();
            s.spawn(move || {
                let t = std::time::Instant::now();
                let written =
                    whole::write_whole(sink, frames, scope.search, &mut whole::received(parts));
                (written, t.elapsed())
            })
        });
        let started = std::time::Instant::now();
        // The generated lists and the sitemap need only the site: they are made alongside the pages.
        let to_whole = whole_alongside.then_some((&in_report[..], &queue));
        let (results, lists) = rayon::join(
            || render_pages(env, sink, &jobs, &order, to_whole),
            || {
                timed(&|| {
                    if !scope.lists {
                        return Ok(0);
                    }
                    let mut errors = Vec::new();
                    let n = publish::render_sitemap(env, sink, &mut errors);
                    match lists::render_lists(env, sink) {
                        Ok(lists) if errors.is_empty() => Ok(n + lists),
                        Ok(_) => Err(errors),
                        Err(mut e) => {
                            e.append(&mut errors);
                            Err(e)
                        }
                    }
                })
            },
        );
        report.timings.push(("pages", started.elapsed()));
        drop(queue);
        let whole = writer.map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        (results, lists, whole)
    });
    env.progress.finish();
    for outcome in results {
        errors.extend(outcome.errors);
        report.files += outcome.files;
        if let Some(rendered) = outcome.rendered {
            report.rendered.push(std::sync::Arc::new(rendered));
        }
    }
    report.rendered.extend(
        previous
            .into_iter()
            .filter(|r| !in_scope(&r.page_id) && env.site.page(&r.page_id).is_some()),
    );
    for r in &report.rendered {
        *report.pages.get_mut(r.lang) += 1;
        report.warnings.extend(r.warnings.iter().cloned());
    }
    let rendered = &report.rendered;
    // The feeds, and (when not written alongside the pages) the whole outputs, side by side.
    let ((published, t_feeds), whole) = rayon::join(
        || {
            timed(&|| {
                if !scope.lists {
                    return Ok(0);
                }
                let mut errors = Vec::new();
                let n = publish::render_feeds(env, rendered, sink, &mut errors);
                if errors.is_empty() {
                    Ok(n)
                } else {
                    Err(errors)
                }
            })
        },
        || match whole {
            Some(whole) => whole,
            None => {
                let t = std::time::Instant::now();
                let written = if scope.search || frames.is_some() {
                    whole::write_whole_from(env, rendered, sink, frames.as_ref(), scope.search)
                } else {
                    Ok(whole::Written::default())
                };
                (written, t.elapsed())
            }
        },
    );
    let (whole, t_whole) = whole;
    report.timings.extend([
        ("lists", t_lists),
        ("feeds", t_feeds),
        ("report+search", t_whole),
    ]);
    for result in [lists, published] {
        match result {
            Ok(n) => report.files += n,
            Err(mut e) => errors.append(&mut e),
        }
    }
    match whole {
        Ok(written) => {
            report.files += written.files;
            report.search_index_bytes = written.search_index_bytes;
        }
        Err(e) => errors.push(e),
    }
    if errors.is_empty() {
        check_anchors(env, &report.rendered, scope.pages.as_ref(), &mut errors);
        check_glossary_used(env, &report.rendered, &mut report.warnings);
    }
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    report.warnings.sort();
    report.warnings.dedup();
    Ok(report)
}

/// Every `#anchor` written in content must exist on its target page. With `only`, just the links from or
/// to those pages are checked (the others were checked before and have not changed).
fn check_anchors(
    env: &Env<'_>,
    rendered: &[std::sync::Arc<RenderedPage>],
    only: Option<&HashSet<String>>,
    errors: &mut Vec<Diagnostic>,
) {
    let anchors: HashMap<(&str, Lang), &Anchors> = rendered
        .iter()
        .map(|r| ((r.page_id.as_str(), r.lang), &r.anchors))
        .collect();
    for r in rendered.iter().filter(|r| !r.is_fallback) {
        let Some(page) = env.site.page(&r.page_id) else {
            continue;
        };
        let from_changed = only.is_none_or(|ids| ids.contains(&r.page_id));
        let (doc, _) = page.doc_for(r.lang);
        for (link, target) in &r.links {
            let Some(fragment) = &target.fragment else {
                continue;
            };
            let Some(target_id) = target.page_id.as_deref() else {
                continue;
            };
            if !from_changed && only.is_some_and(|ids| !ids.contains(target_id)) {
                continue;
            }
            let lang = target
                .path
                .split('/')
                .next()
                .and_then(Lang::from_code)
                .unwrap_or(r.lang);
            if let Some(ids) = anchors.get(&(target_id, lang)) {
                if !ids.contains(fragment) {
                    errors.push(
                        Diagnostic::error(
                            Code::BrokenAnchor,
                            &doc.path,
                            format!(
                                "broken link `{}`: the page has no anchor `#{fragment}`",
                                link.written
                            ),
                        )
                        .at(link.position.line, link.position.column)
                        .with_help(
                            "anchors come from headings (## 概要 → #概要) or {#id} after a heading",
                        ),
                    );
                }
            }
        }
    }
}

/// A glossary term that no page's text uses is a warning: readers meet it only on the glossary page.
fn check_glossary_used(
    env: &Env<'_>,
    rendered: &[std::sync::Arc<RenderedPage>],
    warnings: &mut Vec<Diagnostic>,
) {
    let used: HashSet<&str> = rendered
        .iter()
        .flat_map(|r| r.glossary_used.iter().map(String::as_str))
        .collect();
    let path = env.content_dir.join("glossary.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let src = crate::yaml::Source::file(&path, &text);
    for (i, entry) in env.site.glossary.iter().enumerate() {
        if !used.contains(entry.id.as_str()) {
            let seg = [crate::yaml::Seg::Index(i), crate::yaml::Seg::Key("term")];
            let mut d = src.error_at(
                Code::UnusedGlossaryTerm,
                &seg,
                format!(
                    "the glossary term `{}` ({}) is not used in any page",
                    entry.term.ja, entry.term.en
                ),
            );
            d.severity = crate::diag::Severity::Warning;
            warnings
                .push(d.with_help("use the term as written in a page's text, or remove the entry"));
        }
    }
}
