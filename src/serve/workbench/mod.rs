//! The translation workbench at `/_hakusho/`, served by `serve` only (never written by `build`): every page
//! with its translation status per language and the findings of the last build ([`overview`]), both
//! languages of a page side by side, what changed in a source since its translation was made (from git), and
//! the files the findings point into ([`views`]). Pages are made from a [`Snapshot`] of the session taken
//! for each request, so they follow every save like the rest of `serve`.

mod history;
mod overview;
mod shell;
mod status;
mod views;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diag::{Diagnostic, MessageLanguage};
use crate::model::lang::Lang;
use crate::model::page::Page;

/// What the workbench shows: the pages and findings of the last build, taken from the session.
pub(crate) struct Snapshot {
    /// Every page of the last good build (drafts included).
    pub pages: Vec<Arc<Page>>,
    /// The warnings of the last good build, and the errors of the last build if it failed.
    pub findings: Vec<Diagnostic>,
    /// Whether the last build failed.
    pub failed: bool,
    /// The project folder (holding content/ and themes/).
    pub root: PathBuf,
    /// The folder paths of findings and documents are relative to (where serve was started).
    pub cwd: PathBuf,
    /// The editor's language.
    pub lang: MessageLanguage,
}

impl Snapshot {
    fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id).map(Arc::as_ref)
    }

    /// `path` (as diagnostics and documents name it) as an absolute path.
    fn absolute(&self, path: &Path) -> PathBuf {
        if path.is_absolute() {
            path.to_path_buf()
        } else {
            self.cwd.join(path)
        }
    }

    /// The path under the project of a file a finding names, for `/_hakusho/file/…`, if it is in content/ or
    /// themes/.
    fn file_link(&self, path: &Path) -> Option<String> {
        let abs = self.absolute(path).canonicalize().ok()?;
        let root = self.root.canonicalize().ok()?;
        let rel = abs.strip_prefix(&root).ok()?;
        let rel = crate::diag::display_path(rel);
        (rel.starts_with("content/") || rel.starts_with("themes/")).then_some(rel)
    }

    /// The page (and the language of its document) that a file belongs to.
    fn page_of(&self, path: &Path) -> Option<(Lang, String)> {
        self.pages
            .iter()
            .find_map(|p| views::belongs_to(p, path).map(|lang| (lang, p.id.clone())))
    }
}

/// The workbench page at `path` (under `/_hakusho/`), or `None` if there is none.
pub(crate) fn respond(snap: &Snapshot, path: &str) -> Option<String> {
    if path.is_empty() || path == "index.html" {
        return Some(overview::overview(snap));
    }
    if let Some(rest) = path.strip_prefix("side/") {
        return views::side_by_side(snap, rest.trim_end_matches('/'));
    }
    if let Some(rest) = path.strip_prefix("changes/") {
        let (lang, id) = rest.split_once('/')?;
        return views::changes(snap, lang, id.trim_end_matches('/'));
    }
    if let Some(rel) = path.strip_prefix("file/") {
        return views::source_file(snap, rel);
    }
    None
}
