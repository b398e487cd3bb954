//! The build, top-down: load → theme → number figures → draw charts → render → write.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::chart;
use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::lang::{Lang, Localized};
use crate::model::site::Site;
use crate::output::{Sink, Staging, refuse_destination};
use crate::progress::{Progress, Silent};
use crate::render::figures::number_figures;
use crate::render::theme::load_theme;
use crate::render::urls::Urls;
use crate::render::{Env, RenderedPage, Scope, render_site};

/// What to build.
#[derive(Clone, Debug)]
pub struct SiteOptions {
    /// The content folder (holding site.yaml).
    pub content: PathBuf,
    /// Overrides `base_url` from site.yaml.
    pub base_url: Option<String>,
    /// Write links relative to each page, so the site works opened from disk.
    pub relative_links: bool,
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
#[derive(Debug, Default)]
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
    /// The rendered pages (for search and checks).
    pub rendered: Vec<std::sync::Arc<RenderedPage>>,
    /// Size of each language's search index, in bytes.
    pub search_index_bytes: Localized<usize>,
    /// How long each step took, in order.
    pub timings: Vec<(&'static str, Duration)>,
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
    refuse_destination(output, &root, out.force).map_err(|d| vec![d])?;
    let prepared = prepare(opts)?;
    let staging = Staging::create(output, &root, out.force).map_err(|d| vec![d])?;
    let report = prepared.render(&staging, progress);
    // The loaded site (every page's text and data, hundreds of MB for a large site) is freed off the
    // critical path: a command-line build is done once the output is in place. (Should no thread be had,
    // the site is freed here, with the closure.)
    let _ = std::thread::Builder::new().spawn(move || drop(prepared));
    let mut report = report?;
    if out.deny_warnings && !report.warnings.is_empty() {
        let mut problems = report.warnings;
        problems.push(Diagnostic::general(
            Code::DeniedWarnings,
            "--deny-warnings: the build has warnings",
        ));
        return Err(problems);
    }
    staging.commit().map_err(|d| vec![d])?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Builds into any sink (memory for `serve` and `check`).
pub fn build_into(opts: &SiteOptions, sink: &dyn Sink) -> Result<BuildReport, Vec<Diagnostic>> {
    let started = Instant::now();
    let mut report = prepare(opts)?.render(sink, &Silent)?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Everything up to rendering: loaded, themed, numbered and drawn.
struct Prepared {
    timings: Vec<(&'static str, Duration)>,
    site: Site,
    theme: crate::render::theme::Theme,
    urls: Urls,
    svgs: HashMap<(String, Lang), String>,
    content: PathBuf,
    warnings: Vec<Diagnostic>,
}

fn prepare(opts: &SiteOptions) -> Result<Prepared, Vec<Diagnostic>> {
    let mut timings = Vec::new();
    let t = Instant::now();
    let loaded = load::load(&opts.content)?;
    timings.push(("load", t.elapsed()));
    let mut site = loaded.site;
    if let Some(url) = &opts.base_url {
        site.config.base_url = load::parse_base_url(url).map_err(|msg| {
            vec![Diagnostic::general(
                Code::Usage,
                format!("--base-url: {msg}"),
            )]
        })?;
    }
    let root = project_root(&opts.content);
    let t = Instant::now();
    let (theme, theme_warnings) = load_theme(&root.join("themes"), &site.config.theme)?;
    timings.push(("theme", t.elapsed()));
    let urls = Urls::new(site.config.base_url.clone(), opts.relative_links);
    let t = Instant::now();
    let svgs = draw_charts(&site, &theme.chart_style);
    timings.push(("charts", t.elapsed()));
    let mut warnings = loaded.warnings;
    warnings.extend(theme_warnings);
    Ok(Prepared {
        timings,
        site,
        theme,
        urls,
        svgs,
        content: opts.content.clone(),
        warnings,
    })
}

impl Prepared {
    fn render(
        &self,
        sink: &dyn Sink,
        progress: &dyn Progress,
    ) -> Result<BuildReport, Vec<Diagnostic>> {
        let figures = number_figures(&self.site);
        let env = Env {
            site: &self.site,
            theme: &self.theme,
            urls: &self.urls,
            figures: &figures,
            svgs: &self.svgs,
            content_dir: &self.content,
            progress,
            related: std::sync::OnceLock::new(),
            shared: Default::default(),
        };
        let rendered = render_site(&env, sink, &Scope::all(), Vec::new())?;
        let mut warnings = self.warnings.clone();
        warnings.extend(rendered.warnings);
        warnings.sort();
        warnings.dedup();
        Ok(BuildReport {
            pages: rendered.pages,
            files: rendered.files,
            charts: self.svgs.len(),
            warnings,
            elapsed: Duration::ZERO,
            rendered: rendered.rendered,
            search_index_bytes: rendered.search_index_bytes,
            timings: self
                .timings
                .iter()
                .copied()
                .chain(rendered.timings)
                .collect(),
        })
    }
}

/// Every chart in both languages, drawn in parallel.
fn draw_charts(site: &Site, style: &chart::ChartStyle) -> HashMap<(String, Lang), String> {
    let jobs: Vec<(&crate::model::chart::Chart, Lang)> = site
        .pages
        .iter()
        .flat_map(|p| p.data.charts.iter())
        .flat_map(|c| Lang::ALL.into_iter().map(move |l| (c, l)))
        .collect();
    jobs.par_iter()
        .map(|(c, l)| ((c.id.clone(), *l), chart::render_svg(c, *l, style)))
        .collect()
}
