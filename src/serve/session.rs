//! A build kept in memory for `serve`. The first build renders everything; after an edit only the changed
//! page folders are read again, the prepared values are brought up to date ([`pipeline::prepare_again`]),
//! and [`pipeline::render`] renders the changed pages and every page that read something the edit changed
//! (see [`super::impact`]). The outputs made of every page ([`Whole`]: the whole report, search indexes,
//! feeds) are made when they are next asked for.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::impact::impact;
use crate::diag::Diagnostic;
use crate::load;
use crate::output::Memory;
use crate::pipeline::{self, Prepared, Scope, SiteOptions};
use crate::progress::Silent;
use crate::render::{RenderedPage, Whole, touches};

/// What a rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// What was rendered.
    pub what: Rebuild,
    /// Files written or replaced.
    pub files: usize,
    /// Time taken.
    pub elapsed: Duration,
    /// Warnings of the whole site after the rebuild.
    pub warnings: Vec<Diagnostic>,
}

/// What a rebuild rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rebuild {
    /// Nothing: the change touched no content (an editor's backup file, a folder's timestamp).
    Nothing,
    /// The whole site.
    Everything,
    /// Some pages.
    Pages {
        /// The page folders edited (the cover is the empty id).
        edited: Vec<String>,
        /// Content pages rendered again, both languages counted.
        rendered: usize,
        /// Whether the generated pages were made again.
        lists: bool,
    },
}

impl Rebuild {
    /// What was rendered, in `lang`: `everything` / `すべて`, `cases/kobe (6 pages, lists)` /
    /// `cases/kobe（6 ページ、一覧も）`.
    pub fn describe_in(&self, lang: crate::diag::MessageLanguage) -> String {
        use crate::diag::MessageLanguage;
        match (self, lang) {
            (_, MessageLanguage::English) => self.to_string(),
            (Rebuild::Nothing, MessageLanguage::Japanese) => "変更なし".into(),
            (Rebuild::Everything, MessageLanguage::Japanese) => "すべて".into(),
            (
                Rebuild::Pages {
                    edited,
                    rendered,
                    lists,
                },
                MessageLanguage::Japanese,
            ) => {
                let shown: Vec<&str> = edited
                    .iter()
                    .take(5)
                    .map(|s| if s.is_empty() { "表紙" } else { s.as_str() })
                    .collect();
                format!(
                    "{}{}（{rendered} ページ{}）",
                    shown.join("、"),
                    if edited.len() > 5 { "、…" } else { "" },
                    if *lists { "、一覧も" } else { "" },
                )
            }
        }
    }
}

impl fmt::Display for Rebuild {
    /// `everything`, or `cases/kobe (6 pages, lists)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rebuild::Nothing => write!(f, "nothing"),
            Rebuild::Everything => write!(f, "everything"),
            Rebuild::Pages {
                edited,
                rendered,
                lists,
            } => {
                let shown: Vec<&str> = edited
                    .iter()
                    .take(5)
                    .map(|s| if s.is_empty() { "cover" } else { s.as_str() })
                    .collect();
                write!(
                    f,
                    "{}{} ({rendered} page{}{})",
                    shown.join(", "),
                    if edited.len() > 5 { ", …" } else { "" },
                    if *rendered == 1 { "" } else { "s" },
                    if *lists { ", lists" } else { "" },
                )
            }
        }
    }
}

/// Site path → bytes.
pub(crate) type Files = HashMap<String, Arc<Vec<u8>>>;

/// The last good build and what is needed to update it.
struct State {
    prepared: Prepared,
    /// Every content page as rendered, with its parts kept for the whole outputs.
    pages: Vec<Arc<RenderedPage>>,
    files: Files,
    /// Whole outputs to make again before they are served.
    stale: HashSet<Whole>,
    warnings: Vec<Diagnostic>,
}

/// A site built in memory and kept up to date.
pub struct Session {
    opts: SiteOptions,
    state: Option<State>,
    /// What the last failed build left to do, so that the site never goes on without an edit that failed.
    pending: Pending,
}

/// What a failed build leaves for the next.
#[derive(Debug, PartialEq, Eq)]
enum Pending {
    /// Nothing: the last build succeeded.
    Nothing,
    /// These page folders failed to build: they are read again with the next edit.
    Folders(BTreeSet<String>),
    /// A full build failed: the next edit builds everything.
    Everything,
}

/// Content pages are rendered and lists made; the whole outputs wait until asked for.
fn serve_scope(pages: Option<HashSet<String>>, lists: bool) -> Scope {
    Scope {
        pages,
        lists,
        whole: Vec::new(),
        record_deps: true,
        costly: false,
        reuse: None,
    }
}

impl Session {
    /// A session for the site in `opts` (nothing is built yet).
    pub fn new(opts: SiteOptions) -> Session {
        Session {
            opts,
            state: None,
            pending: Pending::Everything,
        }
    }

    /// Builds everything from scratch. On failure the previous build stays.
    pub fn rebuild_all(&mut self) -> Result<Rebuilt, Vec<Diagnostic>> {
        self.pending = Pending::Everything;
        let started = Instant::now();
        let prepared = pipeline::prepare(&self.opts)?;
        let sink = Memory::new();
        let rendered = pipeline::render(&prepared, &sink, &serve_scope(None, true), &[], &Silent)?;
        self.pending = Pending::Nothing;
        let files: HashMap<String, Arc<Vec<u8>>> = sink
            .into_files()
            .into_iter()
            .map(|(k, v)| (k, Arc::new(v)))
            .collect();
        let count = files.len();
        self.state = Some(State {
            prepared,
            pages: rendered.pages,
            files,
            stale: Whole::ALL.into_iter().collect(),
            warnings: rendered.warnings.clone(),
        });
        Ok(Rebuilt {
            what: Rebuild::Everything,
            files: count,
            elapsed: started.elapsed(),
            warnings: rendered.warnings,
        })
    }

    /// Updates the build after the files at `paths` changed (created, edited or removed).
    pub fn apply(&mut self, paths: &[PathBuf]) -> Result<Rebuilt, Vec<Diagnostic>> {
        let Some(mut ids) = changed_pages(&self.opts.content, paths) else {
            return self.rebuild_all();
        };
        match std::mem::replace(&mut self.pending, Pending::Nothing) {
            Pending::Nothing => {}
            Pending::Folders(failed) => ids.extend(failed),
            Pending::Everything => return self.rebuild_all(),
        }
        let result = self.apply_to(&ids);
        if result.is_err() && self.pending != Pending::Everything {
            self.pending = Pending::Folders(ids);
        }
        result
    }

    /// Updates the build after the page folders `ids` changed.
    fn apply_to(&mut self, ids: &BTreeSet<String>) -> Result<Rebuilt, Vec<Diagnostic>> {
        let started = Instant::now();
        let Some(state) = self.state.as_mut() else {
            return self.rebuild_all();
        };
        if ids.is_empty() {
            return Ok(Rebuilt {
                what: Rebuild::Nothing,
                files: 0,
                elapsed: started.elapsed(),
                warnings: state.warnings.clone(),
            });
        }
        let loaded = load::reload(
            &self.opts.content,
            &state.prepared.site,
            ids,
            self.opts.drafts,
        )?;
        let prepared = pipeline::prepare_again(&state.prepared, loaded, ids);
        let Some(impact) = impact(&state.prepared, &prepared, ids) else {
            return self.rebuild_all();
        };
        // The edited pages, and every page that read something the edit changed.
        let mut pages: HashSet<String> = ids
            .iter()
            .filter(|id| prepared.site.page(id).is_some())
            .cloned()
            .collect();
        pages.extend(
            state
                .pages
                .iter()
                .filter(|r| touches(&r.deps, &impact.changed))
                .map(|r| r.page_id.clone()),
        );
        let lists = impact.lists();
        let sink = Memory::new();
        let scope = serve_scope(Some(pages.clone()), lists);
        let rendered = pipeline::render(&prepared, &sink, &scope, &state.pages, &Silent)?;
        // Files no longer made go away: those the pages rendered again made before, and (if the lists were
        // made again) every file of no page and of no whole output.
        let new_files = sink.into_files();
        let mut gone: Vec<String> = state
            .pages
            .iter()
            .filter(|r| pages.contains(&r.page_id))
            .flat_map(|r| r.files.iter())
            .filter(|f| !new_files.contains_key(*f))
            .cloned()
            .collect();
        if lists {
            let page_files: HashSet<&String> = state.pages.iter().flat_map(|r| &r.files).collect();
            gone.extend(
                state
                    .files
                    .keys()
                    .filter(|path| {
                        !new_files.contains_key(*path)
                            && !page_files.contains(path)
                            && !Whole::ALL.iter().any(|w| w.owns(path))
                    })
                    .cloned(),
            );
        }
        for path in gone {
            state.files.remove(&path);
        }
        let count = new_files.len();
        for (path, bytes) in new_files {
            state.files.insert(path, Arc::new(bytes));
        }
        state.prepared = prepared;
        state.pages = rendered.pages;
        state.stale = Whole::ALL.into_iter().collect();
        // The PDF editions are made again when next asked for.
        state
            .files
            .retain(|path, _| !path.ends_with(".pdf") || !pipeline::is_pdf(&state.prepared, path));
        // So are the figures' PNGs (one whose figure did not change is drawn again the same).
        state
            .files
            .retain(|path, _| !(path.ends_with(".png") && path.contains("/figures/")));
        state.warnings = rendered.warnings;
        Ok(Rebuilt {
            what: Rebuild::Pages {
                edited: ids.iter().cloned().collect(),
                rendered: pages.len() * 2,
                lists,
            },
            files: count,
            elapsed: started.elapsed(),
            warnings: state.warnings.clone(),
        })
    }

    /// The file at a site path such as `ja/index.html`; an output made of every page is brought up to date
    /// first when one of its files is asked for.
    pub fn file(&mut self, site_path: &str) -> Option<Arc<Vec<u8>>> {
        let state = self.state.as_mut()?;
        let stale = state.stale.iter().copied().find(|w| w.owns(site_path));
        if let Some(whole) = stale {
            let sink = Memory::new();
            if pipeline::write_whole(&state.prepared, &state.pages, &sink, &[whole]).is_ok() {
                // What it wrote before goes (an edit may leave the report fewer parts).
                state.files.retain(|path, _| !whole.owns(path));
                for (path, bytes) in sink.into_files() {
                    state.files.insert(path, Arc::new(bytes));
                }
                state.stale.remove(&whole);
            }
        }
        if !state.files.contains_key(site_path) {
            // A PDF edition or a figure's PNG: made when it is first asked for after an edit (not on every
            // keystroke).
            let sink = Memory::new();
            let made = if site_path.ends_with(".png") {
                pipeline::write_figure_png(&state.prepared, site_path, &sink)
            } else {
                pipeline::write_pdf(&state.prepared, site_path, &sink)
            };
            if let Ok(true) = made {
                for (path, bytes) in sink.into_files() {
                    state.files.insert(path, Arc::new(bytes));
                }
            }
        }
        state.files.get(site_path).cloned()
    }

    /// Every site path served, in order (for tests comparing with a full build).
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self
            .state
            .iter()
            .flat_map(|s| s.files.keys().cloned())
            .collect();
        paths.sort();
        paths
    }

    /// The pages and warnings of the last good build, for the workbench.
    pub(crate) fn workbench_parts(
        &self,
    ) -> Option<(Vec<Arc<crate::model::page::Page>>, Vec<Diagnostic>)> {
        let state = self.state.as_ref()?;
        Some((state.prepared.site.pages.clone(), state.warnings.clone()))
    }

    /// Every file of the last good build, and the whole outputs whose files are out of date (made again when
    /// next asked for through [`Session::file`]), for the snapshot the server answers from.
    pub(crate) fn files(&self) -> Option<(Files, Vec<Whole>)> {
        let state = self.state.as_ref()?;
        Some((state.files.clone(), state.stale.iter().copied().collect()))
    }

    /// Whether the site has been built at least once.
    pub fn is_built(&self) -> bool {
        self.state.is_some()
    }
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
        // A path that is (or was) a folder may be a page folder itself; a file belongs to its folder.
        let is_dir = abs.is_dir() || (!abs.exists() && !name.contains('.'));
        if is_dir {
            ids.insert(parts.join("/"));
        }
        ids.insert(parts[..parts.len() - 1].join("/"));
    }
    Some(ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::MessageLanguage::{English, Japanese};

    #[test]
    fn what_was_rebuilt_in_both_languages() {
        let pages = Rebuild::Pages {
            edited: vec!["cases/kobe".into(), String::new()],
            rendered: 6,
            lists: true,
        };
        assert_eq!(
            pages.describe_in(English),
            "cases/kobe, cover (6 pages, lists)"
        );
        assert_eq!(
            pages.describe_in(Japanese),
            "cases/kobe、表紙（6 ページ、一覧も）"
        );
        assert_eq!(Rebuild::Everything.describe_in(Japanese), "すべて");
    }
}
