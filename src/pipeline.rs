//! The build, top-down, and the only place where its stages are put together: load → theme → number
//! figures → draw charts → shared views ([`prepare`]) → PDF editions → render pages, with the generated
//! lists beside them and the whole report and search index written as the pages come → feeds → checks
//! ([`render`]).
//!
//! `build` writes the result into a staging folder swapped in at the end, `check` into memory, and `serve`
//! keeps the prepared values and renders again, with the same functions, the pages an edit affects (see
//! `serve::session`). An output made of every page is a [`Whole`]: `build` writes each in [`render`], `serve`
//! when one of its files is asked for ([`write_whole`]).

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::check::{self, CheckReport};
use crate::diag::{Code, Diagnostic};
use crate::load::{self, Loaded};
use crate::model::lang::{Lang, Localized};
use crate::model::site::Site;
use crate::output::{Memory, Sink, Staging, refuse_destination};
use crate::progress::{Progress, Silent};
use crate::raster::Raster;
use crate::render::figures::{Figures, number_figures};
use crate::render::outlines;
use crate::render::urls::Urls;
use crate::render::{
    self, Context, Outlines, PdfLinks, RenderedPage, ReportParts, Shared, Svgs, Whole, Written,
};
use crate::theme::{self, Theme};

mod base_url;
mod charts;
mod editions;
mod on_demand;
use base_url::with_base_url;
use charts::draw_charts;
pub use editions::is_pdf;
use editions::{make_pdfs, pdf_links};
pub use on_demand::{write_figure_png, write_pdf, write_whole};

/// What to build.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The content folder (holding site.yaml).
    pub content: PathBuf,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Write links relative to each page, so the site works opened from disk.
    pub relative_links: bool,
    /// Leave the PDF editions out, as `pdf: false` in site.yaml does.
    pub no_pdf: bool,
    /// Include documents marked `draft: true` (`serve` does; `build` and `check` leave them out).
    pub drafts: bool,
}

/// How `build` treats its destination.
#[derive(Clone, Copy, Debug, Default)]
pub struct OutputOptions {
    /// Replace a destination hakusho did not make.
    pub force: bool,
    /// Treat warnings as errors: the destination is then left as it was.
    pub deny_warnings: bool,
}

/// What a build produced.
pub struct BuildReport {
    /// Content pages per language (fallbacks included).
    pub pages: Localized<usize>,
    /// Files written.
    pub files: usize,
    /// Charts drawn (SVGs, both languages).
    pub charts: usize,
    /// Warnings for the editor.
    pub warnings: Vec<Diagnostic>,
    /// How long it took.
    pub elapsed: Duration,
    /// Size of each language's search index, in bytes.
    pub search_index_bytes: Localized<usize>,
    /// PDF editions written, and their size in bytes all together.
    pub pdfs: (usize, usize),
    /// How long each step took, in order.
    pub timings: Vec<(&'static str, Duration)>,
    /// The prepared site and the rendered pages, handed back so that the caller decides when (or, for a
    /// command about to exit, whether) to free them.
    pub kept: (Prepared, Vec<Arc<RenderedPage>>),
}

/// The folder holding `content/` and `themes/`, written as the user wrote the content path (so messages
/// show `themes/…`, not an absolute path).
pub fn project_root(content: &Path) -> PathBuf {
    match (content.parent(), content.file_name()) {
        (Some(parent), Some(_)) => parent.to_path_buf(),
        _ => {
            let abs = content
                .canonicalize()
                .unwrap_or_else(|_| content.to_path_buf());
            abs.parent().map(Path::to_path_buf).unwrap_or_default()
        }
    }
}

/// Builds into `output`, replacing it only if the whole build succeeds.
pub fn build(
    opts: &SiteOptions,
    output: &Path,
    out: OutputOptions,
    progress: &dyn Progress,
) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let root = project_root(&opts.content);
    refuse_destination(output, &root, &opts.content, out.force).map_err(|d| vec![d])?;
    let prepared = prepare(opts)?;
    let staging = Staging::create(output, &root, &opts.content, out.force).map_err(|d| vec![d])?;
    let scope = Scope {
        reuse: staging.previous(),
        ..Scope::all()
    };
    let rendered = render(&prepared, &staging, &scope, &[], progress)?;
    if out.deny_warnings && !rendered.warnings.is_empty() {
        let mut problems = rendered.warnings;
        problems.push(
            Diagnostic::general(
                Code::DeniedWarnings,
                "--deny-warnings: the build has warnings",
            )
            .ja("--deny-warnings：ビルドに警告があります"),
        );
        return Err(problems);
    }
    staging.commit().map_err(|d| vec![d])?;
    Ok(report(prepared, rendered, started))
}

/// Builds everything into any sink (memory for `check` and tests).
pub fn build_into(opts: &SiteOptions, sink: &dyn Sink) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let prepared = prepare(opts)?;
    let rendered = render(&prepared, sink, &Scope::all(), &[], &Silent)?;
    Ok(report(prepared, rendered, started))
}

/// `hakusho check`: builds in memory and collects every problem.
pub fn check(opts: &SiteOptions) -> CheckReport {
    match build_into(opts, &Memory::new()) {
        Ok(report) => CheckReport {
            findings: report.warnings,
            pages: report.pages.ja + report.pages.en,
        },
        Err(errors) => CheckReport {
            findings: errors,
            pages: 0,
        },
    }
}

fn report(prepared: Prepared, rendered: Rendered, started: Instant) -> BuildReport {
    BuildReport {
        pages: render::count(&rendered.pages),
        files: rendered.files,
        charts: prepared.svgs.len(),
        warnings: rendered.warnings,
        elapsed: started.elapsed(),
        search_index_bytes: rendered.search_index_bytes,
        pdfs: rendered.pdfs,
        timings: prepared
            .timings
            .iter()
            .copied()
            .chain(rendered.timings)
            .collect(),
        kept: (prepared, rendered.pages),
    }
}

/// Everything up to rendering: loaded, themed, numbered, drawn, and the values many pages share.
pub struct Prepared {
    /// The content.
    pub site: Site,
    /// The theme.
    pub theme: Arc<Theme>,
    /// How links are written.
    pub urls: Urls,
    /// Figure and table numbers.
    pub figures: Figures,
    /// The headings `@sec:` references point into.
    pub outlines: Outlines,
    /// The parts of the whole report.
    pub report: ReportParts,
    /// Every chart in both languages.
    pub svgs: Svgs,
    /// Values many pages show.
    pub shared: Shared,
    /// The content folder.
    pub content: PathBuf,
    /// Draws figures as PNG with the theme's fonts (made once, with the theme).
    pub raster: Arc<Raster>,
    /// Warnings of loading (content and theme).
    pub warnings: Vec<Diagnostic>,
    /// How long each step took.
    pub timings: Vec<(&'static str, Duration)>,
}

impl Prepared {
    /// What every rendering job reads, with links to the PDF editions in `pdf`.
    pub fn context<'a>(&'a self, pdf: Option<&'a PdfLinks>) -> Context<'a> {
        Context {
            site: &self.site,
            theme: &self.theme,
            urls: &self.urls,
            figures: &self.figures,
            outlines: &self.outlines,
            report: &self.report,
            svgs: &self.svgs,
            shared: &self.shared,
            content: &self.content,
            pdf,
            raster: &self.raster,
            draw_png: true,
            previous: None,
        }
    }
}

/// Loads the content and the theme, numbers the figures, draws the charts and makes the shared views.
pub fn prepare(opts: &SiteOptions) -> Result<Prepared, Vec<Diagnostic>> {
    let mut timings = Vec::new();
    let t = Instant::now();
    let Loaded { site, warnings } = load::load(&opts.content, opts.drafts)?;
    let mut site = with_base_url(site, opts.base_url.as_deref())?;
    site.config.pdf &= !opts.no_pdf;
    timings.push(("load", t.elapsed()));
    let t = Instant::now();
    let themes = project_root(&opts.content).join("themes");
    let (theme, theme_warnings) = theme::load(&themes, &site.config.theme)?;
    let raster = Arc::new(Raster::new(theme.fonts.iter().map(|(_, b)| b.as_slice())));
    timings.push(("theme", t.elapsed()));
    let t = Instant::now();
    let (figures, outlines) = (number_figures(&site), outlines(&site));
    let report = ReportParts::new(&site);
    let svgs = draw_charts(&site, &theme.chart_style, None);
    timings.push(("charts", t.elapsed()));
    let t = Instant::now();
    let urls = Urls::new(site.config.base_url.clone(), opts.relative_links);
    let shared = Shared::build(&site, &theme, &urls);
    timings.push(("shared", t.elapsed()));
    Ok(Prepared {
        site,
        theme: Arc::new(theme),
        urls,
        figures,
        outlines,
        report,
        svgs,
        shared,
        content: opts.content.clone(),
        raster,
        warnings: warnings.into_iter().chain(theme_warnings).collect(),
        timings,
    })
}

/// The values of `previous` brought up to date after the page folders `changed` were loaded again into
/// `loaded` (for `serve`: the theme and links stay; figures are numbered again, the charts of the changed
/// pages drawn again, the shared views made again).
pub fn prepare_again(previous: &Prepared, loaded: Loaded, changed: &BTreeSet<String>) -> Prepared {
    let site = loaded.site;
    // The loader checked the changed folders again; its warnings about the other folders stand.
    let folders: Vec<PathBuf> = changed.iter().map(|id| previous.content.join(id)).collect();
    let in_changed = |w: &Diagnostic| {
        w.path
            .as_deref()
            .and_then(Path::parent)
            .is_some_and(|dir| folders.iter().any(|f| f == dir))
    };
    let mut warnings: Vec<Diagnostic> = previous
        .warnings
        .iter()
        .filter(|w| !in_changed(w))
        .cloned()
        .collect();
    warnings.extend(loaded.warnings);
    warnings.sort();
    warnings.dedup();
    let mut svgs = draw_charts(&site, &previous.theme.chart_style, Some(changed));
    for page in site.pages.iter().filter(|p| !changed.contains(&p.id)) {
        for chart in &page.data.charts {
            for lang in Lang::ALL {
                let key = (chart.id.clone(), lang);
                if let Some(svg) = previous.svgs.get(&key) {
                    svgs.insert(key, svg.clone());
                }
            }
        }
    }
    Prepared {
        figures: number_figures(&site),
        outlines: outlines(&site),
        report: ReportParts::new(&site),
        shared: Shared::update(
            &previous.shared,
            &previous.site,
            &site,
            &previous.theme,
            &previous.urls,
        ),
        site,
        theme: Arc::clone(&previous.theme),
        urls: previous.urls.clone(),
        svgs,
        content: previous.content.clone(),
        raster: Arc::clone(&previous.raster),
        warnings,
        timings: Vec::new(),
    }
}

/// Which parts of the site to render.
#[derive(Clone, Debug)]
pub struct Scope {
    /// Content pages to render, by id; `None` for all of them.
    pub pages: Option<HashSet<String>>,
    /// The generated pages (lists, taxonomies, search page, landing, 404), static files, sitemap.
    pub lists: bool,
    /// The outputs made of every page to write now.
    pub whole: Vec<Whole>,
    /// Whether each page keeps what it read of other pages (`serve` renders again by it).
    pub record_deps: bool,
    /// Whether the costly files are made now: the PDF editions and the figures' PNG images (pages then give
    /// their sizes); otherwise pages link to them without a size, and `serve` makes each when it is asked
    /// for.
    pub costly: bool,
    /// A previous output (hakusho's) whose figure PNGs are taken instead of drawn again when their key (what
    /// decides their bytes: see [`crate::raster::Raster::key`]) is the same.
    pub reuse: Option<PathBuf>,
}

impl Scope {
    /// Everything.
    pub fn all() -> Scope {
        Scope {
            pages: None,
            lists: true,
            whole: Whole::ALL.to_vec(),
            record_deps: false,
            costly: true,
            reuse: None,
        }
    }
}

/// What rendering produced.
pub struct Rendered {
    /// Every content page in both languages: those rendered and those of `previous` not rendered again.
    pub pages: Vec<Arc<RenderedPage>>,
    /// Files written.
    pub files: usize,
    /// Warnings of the whole site (loading and rendering).
    pub warnings: Vec<Diagnostic>,
    /// Size of each language's search index, when written.
    pub search_index_bytes: Localized<usize>,
    /// PDF editions written, and their size in bytes all together.
    pub pdfs: (usize, usize),
    /// How long each step took.
    pub timings: Vec<(&'static str, Duration)>,
}

/// Renders the parts of the site in `scope` into `sink`. `previous` holds pages rendered before that are
/// not rendered again (`serve`); they count for the lists, the whole outputs and the checks.
pub fn render(
    prepared: &Prepared,
    sink: &dyn Sink,
    scope: &Scope,
    previous: &[Arc<RenderedPage>],
    progress: &dyn Progress,
) -> Result<Rendered, Vec<Diagnostic>> {
    let mut timings = Vec::new();
    // The PDF editions first: pages link to them with their sizes.
    let t = Instant::now();
    let (pdfs, pdf_warnings) = if scope.costly {
        make_pdfs(prepared, None)?
    } else {
        Default::default()
    };
    let links = pdf_links(prepared, &pdfs);
    let pdf_files = pdfs.len();
    let pdf_bytes = pdfs.iter().map(|(_, bytes)| bytes.len()).sum();
    for (path, bytes) in pdfs {
        sink.put(&path, bytes).map_err(|e| vec![e])?;
    }
    timings.push(("pdf", t.elapsed()));
    let ctx = Context {
        draw_png: scope.costly,
        previous: scope.reuse.as_deref(),
        ..prepared.context(Some(&links))
    };
    // The content pages; beside them the generated pages (they need only the site); and the outputs made
    // of the pages' parts written as the parts come, so that they are never held whole.
    let t = Instant::now();
    let streamed: Vec<Whole> = scope
        .whole
        .iter()
        .copied()
        .filter(|w| w.streams())
        .collect();
    let ((pages, lists), streamed) = render::streaming(&ctx, sink, &streamed, |stream| {
        rayon::join(
            || {
                let only = scope.pages.as_ref();
                render::pages(&ctx, sink, only, stream, scope.record_deps, progress)
            },
            || scope.lists.then(|| render::lists(&ctx, sink)),
        )
    });
    timings.push(("pages", t.elapsed()));
    let mut errors = pages.errors;
    let mut files = pages.files + pdf_files;
    let mut rendered = pages.rendered;
    let rendered_now: HashSet<&str> = rendered.iter().map(|r| r.page_id.as_str()).collect();
    let kept: Vec<Arc<RenderedPage>> = previous
        .iter()
        .filter(|r| !rendered_now.contains(r.page_id.as_str()))
        .filter(|r| prepared.site.page(&r.page_id).is_some())
        .cloned()
        .collect();
    rendered.extend(kept);
    // The outputs made of pages rendered before (the feeds).
    let t = Instant::now();
    let after: Vec<Whole> = scope
        .whole
        .iter()
        .copied()
        .filter(|w| !w.streams())
        .collect();
    let after = render::whole(&ctx, &rendered, sink, &after);
    timings.push(("feeds", t.elapsed()));
    if let Ok(written) = &streamed {
        // Spent on the writer's thread while the pages rendered (part of "pages", not added to it).
        timings.push(("search index (within pages)", written.search_index_time));
    }
    let mut search_index_bytes = Localized::default();
    for result in [
        lists.unwrap_or(Ok(0)).map(|n| Written {
            files: n,
            ..Written::default()
        }),
        streamed,
        after,
    ] {
        match result {
            Ok(written) => {
                files += written.files;
                for lang in Lang::ALL {
                    *search_index_bytes.get_mut(lang) += written.search_index_bytes.get(lang);
                }
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    // The checks across pages.
    let t = Instant::now();
    let mut warnings = prepared.warnings.clone();
    warnings.extend(pdf_warnings);
    warnings.extend(rendered.iter().flat_map(|r| r.warnings.iter().cloned()));
    // Broken anchors are looked for even when other errors were found (a broken link must not hide a broken
    // anchor on the same page); pages that could not be rendered have no anchors to check against.
    errors.extend(check::anchors::broken_anchors(
        &prepared.site,
        &rendered,
        scope.pages.as_ref(),
    ));
    if errors.is_empty() {
        warnings.extend(check::glossary::unused_terms(
            &prepared.site,
            &rendered,
            &prepared.content,
        ));
        warnings.extend(check::sources::uncited_sources(
            &prepared.site,
            &prepared.content,
        ));
    }
    timings.push(("checks", t.elapsed()));
    if !errors.is_empty() {
        errors.sort();
        errors.dedup();
        return Err(errors);
    }
    warnings.sort();
    warnings.dedup();
    Ok(Rendered {
        pages: rendered,
        files,
        warnings,
        search_index_bytes,
        pdfs: (pdf_files, pdf_bytes),
        timings,
    })
}
