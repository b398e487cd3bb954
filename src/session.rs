//! A build kept in memory for `serve`: the first build renders everything; after an edit, only the changed
//! page folders are read again, and only what shows them is rendered again (the page itself; the lists,
//! taxonomy pages, feeds and neighbours when its title, summary, dates or facts changed; everything when
//! the theme, a site file, a chapter or the figure numbering changed). The search index and the
//! whole-report pages are rebuilt when they are next requested.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::chart;
use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind};
use crate::model::site::Site;
use crate::model::taxonomy::TaxonomyKind;
use crate::output::Memory;
use crate::pipeline::{SiteOptions, project_root};
use crate::render::figures::number_figures;
use crate::render::theme::{Theme, load_theme};
use crate::render::urls::Urls;
use crate::render::{Env, RenderedPage, Scope, render_site, write_reports, write_search_indexes};

/// What a rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// In words: `everything`, or the pages and parts rebuilt.
    pub what: String,
    /// Files written or replaced.
    pub files: usize,
    /// Time taken.
    pub elapsed: Duration,
    /// Warnings of the whole site after the rebuild.
    pub warnings: Vec<Diagnostic>,
}

/// The last good build and what is needed to update it.
struct State {
    site: Site,
    theme: Theme,
    svgs: HashMap<(String, Lang), String>,
    rendered: Vec<std::sync::Arc<RenderedPage>>,
    files: HashMap<String, Arc<Vec<u8>>>,
    load_warnings: Vec<Diagnostic>,
    /// Related cases, kept while no taxonomy term changes.
    related: Option<Arc<HashMap<String, Vec<String>>>>,
    stale_search: bool,
    stale_report: bool,
}

/// A site built in memory and kept up to date.
pub struct Session {
    opts: SiteOptions,
    urls: Option<Urls>,
    state: Option<State>,
}

impl Session {
    /// A session for the site in `opts` (nothing is built yet).
    pub fn new(opts: SiteOptions) -> Session {
        Session {
            opts,
            urls: None,
            state: None,
        }
    }

    /// Builds everything from scratch. On failure the previous build stays.
    pub fn rebuild_all(&mut self) -> Result<Rebuilt, Vec<Diagnostic>> {
        let started = Instant::now();
        let loaded = load::load(&self.opts.content)?;
        let mut site = loaded.site;
        if let Some(url) = &self.opts.base_url {
            site.config.base_url = load::parse_base_url(url)
                .map_err(|m| vec![Diagnostic::general(Code::Usage, format!("--base-url: {m}"))])?;
        }
        let root = project_root(&self.opts.content);
        let (theme, theme_warnings) = load_theme(&root.join("themes"), &site.config.theme)?;
        let mut load_warnings = loaded.warnings;
        load_warnings.extend(theme_warnings);
        let urls = Urls::new(site.config.base_url.clone(), self.opts.relative_links);
        let svgs = draw(&theme, site.pages.iter().map(|p| &**p));
        let sink = Memory::new();
        let related;
        let rendered = {
            let figures = number_figures(&site);
            let env = Env {
                site: &site,
                theme: &theme,
                urls: &urls,
                figures: &figures,
                svgs: &svgs,
                content_dir: &self.opts.content,
                progress: &crate::progress::Silent,
                related: std::sync::OnceLock::new(),
                shared: Default::default(),
            };
            let scope = Scope {
                pages: None,
                lists: true,
                search: false,
                report: false,
            };
            let result = render_site(&env, &sink, &scope, Vec::new())?;
            related = env.related.get().cloned();
            result
        };
        let files: HashMap<String, Arc<Vec<u8>>> = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (k, Arc::new(v)))
            .collect();
        let count = files.len();
        let mut warnings = load_warnings.clone();
        warnings.extend(rendered.warnings);
        self.urls = Some(urls);
        self.state = Some(State {
            site,
            theme,
            svgs,
            rendered: rendered.rendered,
            files,
            load_warnings,
            related,
            stale_search: true,
            stale_report: true,
        });
        Ok(Rebuilt {
            what: "everything".into(),
            files: count,
            elapsed: started.elapsed(),
            warnings: sorted(warnings),
        })
    }

    /// Updates the build after the files at `paths` changed (created, edited or removed).
    pub fn apply(&mut self, paths: &[PathBuf]) -> Result<Rebuilt, Vec<Diagnostic>> {
        if self.state.is_none() {
            return self.rebuild_all();
        }
        let started = Instant::now();
        let Some(ids) = changed_pages(&self.opts.content, paths) else {
            return self.rebuild_all();
        };
        if ids.is_empty() {
            return Ok(Rebuilt {
                what: "nothing".into(),
                files: 0,
                elapsed: started.elapsed(),
                warnings: Vec::new(),
            });
        }
        let Some(state) = self.state.as_mut() else {
            return self.rebuild_all();
        };
        let loaded = load::reload(&self.opts.content, &state.site, &ids)?;
        let site = loaded.site;
        let impact = impact(&state.site, &site, &ids);
        if impact == Impact::Everything {
            return self.rebuild_all();
        }
        let Some(urls) = self.urls.as_ref() else {
            return self.rebuild_all();
        };
        let mut pages: HashSet<String> = ids
            .iter()
            .filter(|id| site.page(id).is_some())
            .cloned()
            .collect();
        if impact == Impact::Listings {
            pages.extend(neighbours(&state.site, &site, &ids));
        }
        let chart_ids: HashSet<&str> = site
            .pages
            .iter()
            .flat_map(|p| p.data.charts.iter().map(|c| c.id.as_str()))
            .collect();
        let mut svgs = state.svgs.clone();
        svgs.retain(|(id, _), _| chart_ids.contains(id.as_str()));
        svgs.extend(draw(
            &state.theme,
            site.pages
                .iter()
                .map(|p| &**p)
                .filter(|p| ids.contains(&p.id)),
        ));
        let scope = Scope {
            pages: Some(pages.clone()),
            lists: impact == Impact::Listings,
            search: false,
            report: false,
        };
        let previous: Vec<std::sync::Arc<RenderedPage>> = state
            .rendered
            .iter()
            .filter(|r| !pages.contains(&r.page_id) && !ids.contains(&r.page_id))
            .cloned()
            .collect();
        let sink = Memory::new();
        let rendered = {
            let figures = number_figures(&site);
            let env = Env {
                site: &site,
                theme: &state.theme,
                urls,
                figures: &figures,
                svgs: &svgs,
                content_dir: &self.opts.content,
                progress: &crate::progress::Silent,
                related: match (&state.related, impact) {
                    (Some(r), Impact::Pages) => std::sync::OnceLock::from(Arc::clone(r)),
                    _ => std::sync::OnceLock::new(),
                },
                shared: Default::default(),
            };
            let result = render_site(&env, &sink, &scope, previous)?;
            state.related = env.related.get().cloned();
            result
        };
        // Files of re-rendered or removed pages that are no longer produced go away.
        let new_files = sink.into_files();
        for old in state
            .rendered
            .iter()
            .filter(|r| pages.contains(&r.page_id) || ids.contains(&r.page_id))
        {
            for f in &old.files {
                if !new_files.contains_key(f) {
                    state.files.remove(f);
                }
            }
        }
        let count = new_files.len();
        for (path, bytes) in new_files {
            state.files.insert(path, Arc::new(bytes));
        }
        // The loader checked the changed folders again; its other warnings stand.
        let folders: Vec<PathBuf> = ids.iter().map(|id| self.opts.content.join(id)).collect();
        let in_changed = |w: &Diagnostic| {
            w.path
                .as_deref()
                .and_then(Path::parent)
                .is_some_and(|dir| folders.iter().any(|f| f == dir))
        };
        state.load_warnings.retain(|w| !in_changed(w));
        state.load_warnings.extend(loaded.warnings);
        let mut warnings = state.load_warnings.clone();
        warnings.extend(rendered.warnings);
        state.site = site;
        state.svgs = svgs;
        state.rendered = rendered.rendered;
        state.stale_search = true;
        state.stale_report = true;
        let mut shown: Vec<&String> = ids.iter().collect();
        shown.truncate(5);
        let what = format!(
            "{}{} ({} page{}{})",
            shown
                .iter()
                .map(|s| if s.is_empty() {
                    "cover".to_string()
                } else {
                    s.to_string()
                })
                .collect::<Vec<_>>()
                .join(", "),
            if ids.len() > 5 { ", …" } else { "" },
            pages.len() * 2,
            if pages.len() * 2 == 1 { "" } else { "s" },
            if impact == Impact::Listings {
                ", lists, feeds"
            } else {
                ""
            },
        );
        Ok(Rebuilt {
            what,
            files: count,
            elapsed: started.elapsed(),
            warnings: sorted(warnings),
        })
    }

    /// The file at a site path such as `ja/index.html`, bringing the search index and the whole-report pages
    /// up to date first if they are asked for.
    pub fn file(&mut self, site_path: &str) -> Option<Arc<Vec<u8>>> {
        let state = self.state.as_mut()?;
        let urls = self.urls.as_ref()?;
        let wants_search = site_path.ends_with("/search/search-index.js");
        let wants_report = site_path.ends_with("/report/index.html");
        if (wants_search && state.stale_search) || (wants_report && state.stale_report) {
            let figures = number_figures(&state.site);
            let env = Env {
                site: &state.site,
                theme: &state.theme,
                urls,
                figures: &figures,
                svgs: &state.svgs,
                content_dir: &self.opts.content,
                progress: &crate::progress::Silent,
                related: std::sync::OnceLock::new(),
                shared: Default::default(),
            };
            let sink = Memory::new();
            let ok = if wants_search {
                write_search_indexes(&env, &state.rendered, &sink).is_ok()
            } else {
                write_reports(&env, &state.rendered, &sink).is_ok()
            };
            if ok {
                for (path, bytes) in sink.into_files() {
                    state.files.insert(path, Arc::new(bytes));
                }
                if wants_search {
                    state.stale_search = false;
                } else {
                    state.stale_report = false;
                }
            }
        }
        state.files.get(site_path).cloned()
    }

    /// Whether the site has been built at least once.
    pub fn is_built(&self) -> bool {
        self.state.is_some()
    }
}

fn sorted(mut v: Vec<Diagnostic>) -> Vec<Diagnostic> {
    v.sort();
    v.dedup();
    v
}

/// Draws the charts of `pages` in both languages, in parallel.
fn draw<'p>(
    theme: &Theme,
    pages: impl Iterator<Item = &'p Page>,
) -> HashMap<(String, Lang), String> {
    let jobs: Vec<(&crate::model::chart::Chart, Lang)> = pages
        .flat_map(|p| p.data.charts.iter())
        .flat_map(|c| Lang::ALL.into_iter().map(move |l| (c, l)))
        .collect();
    jobs.par_iter()
        .map(|(c, l)| {
            (
                (c.id.clone(), *l),
                chart::render_svg(c, *l, &theme.chart_style),
            )
        })
        .collect()
}

/// The page folders a set of changed paths touches; `None` when something site-wide changed (a site file,
/// the theme, a file outside any page folder we can tell).
fn changed_pages(content: &Path, paths: &[PathBuf]) -> Option<BTreeSet<String>> {
    let content_abs = content
        .canonicalize()
        .unwrap_or_else(|_| content.to_path_buf());
    let mut ids = BTreeSet::new();
    for path in paths {
        let abs = path.canonicalize().unwrap_or_else(|_| path.clone());
        let name = abs
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        if load::walk::is_debris(&name) {
            continue;
        }
        let Ok(rel) = abs
            .strip_prefix(&content_abs)
            .or_else(|_| path.strip_prefix(content))
        else {
            // Outside content/: the theme, or something we cannot place.
            return None;
        };
        let parts: Vec<String> = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy().to_string())
            .collect();
        if parts.is_empty() {
            // The content folder itself (its timestamp changes when a file is created in it): the files
            // concerned come with events of their own.
            continue;
        }
        if parts.len() == 1 && load::walk::SITE_FILES.contains(&parts[0].as_str()) {
            return None;
        }
        let looks_like_file = name.contains('.');
        if looks_like_file {
            ids.insert(parts[..parts.len() - 1].join("/"));
        } else {
            ids.insert(parts.join("/"));
            ids.insert(parts[..parts.len() - 1].join("/"));
        }
    }
    Some(ids)
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Impact {
    /// Only the pages' own text changed.
    Pages,
    /// What lists show changed: titles, summaries, dates, facts.
    Listings,
    /// Navigation, page set or figure numbering changed.
    Everything,
}

fn impact(old: &Site, new: &Site, ids: &BTreeSet<String>) -> Impact {
    let mut impact = Impact::Pages;
    for id in ids {
        match (old.page(id), new.page(id)) {
            (None, None) => {}
            (Some(_), None) | (None, Some(_)) => return Impact::Everything,
            (Some(a), Some(b)) => {
                let chart_ids = |p: &Page| {
                    p.data
                        .charts
                        .iter()
                        .map(|c| c.id.clone())
                        .collect::<Vec<_>>()
                };
                let langs = |p: &Page| Lang::ALL.map(|l| p.docs.get(l).is_some());
                if a.kind == PageKind::Chapter && listing(a) != listing(b)
                    || chart_ids(a) != chart_ids(b)
                    || langs(a) != langs(b)
                    || a.assets != b.assets
                {
                    return Impact::Everything;
                }
                if listing(a) != listing(b) {
                    impact = Impact::Listings;
                }
            }
        }
    }
    impact
}

/// What other pages show of a page: titles, summaries, dates, facts (not the body).
fn listing(p: &Page) -> String {
    let docs: Vec<String> = Lang::ALL
        .iter()
        .filter_map(|l| p.docs.get(*l).as_ref())
        .map(|d| format!("{}|{:?}|{:?}|{:?}", d.title, d.summary, d.date, d.updated))
        .collect();
    format!("{docs:?}{:?}", p.data)
}

/// Pages that show a changed page besides the lists: the cover, chapter pages, and cases sharing a
/// taxonomy term with it (their related cases).
fn neighbours(old: &Site, new: &Site, ids: &BTreeSet<String>) -> HashSet<String> {
    let mut out: HashSet<String> = HashSet::new();
    out.insert(String::new());
    for p in new.pages.iter().filter(|p| p.kind == PageKind::Chapter) {
        out.insert(p.id.clone());
    }
    let terms = |site: &Site, id: &str| -> Vec<(TaxonomyKind, String)> {
        site.page(id)
            .and_then(|p| p.data.case.as_ref())
            .map(|c| c.terms().map(|(k, t)| (k, t.to_string())).collect())
            .unwrap_or_default()
    };
    let changed: HashSet<(TaxonomyKind, String)> = ids
        .iter()
        .flat_map(|id| terms(old, id).into_iter().chain(terms(new, id)))
        .collect();
    for p in new.pages.iter().filter(|p| p.kind == PageKind::Case) {
        if terms(new, &p.id).iter().any(|t| changed.contains(t)) {
            out.insert(p.id.clone());
        }
    }
    out
}
