//! What the server answers from: an immutable snapshot of the last good build, swapped whole after each
//! build (the errors of a failed build ride along, for the overlay). Builds run on the watcher's thread and
//! files made when first asked for (PDF editions, figures' PNGs, whole outputs after an edit) on blocking
//! threads; the serving thread never waits for either, so a slow or blocking file during a rebuild never
//! stops the last good site from being served.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, RwLock, TryLockError};
use std::time::{Duration, Instant};

use super::reload::Reloads;
use super::session::{Files, Session};
use crate::diag::{Diagnostic, MessageLanguage};
use crate::model::page::Page;
use crate::render::Whole;

/// The last good build as served.
#[derive(Default)]
pub(crate) struct Published {
    /// Site path → bytes.
    pub files: Files,
    /// Whole outputs out of date after an edit: their files here are the previous ones.
    pub stale: Vec<Whole>,
    /// The pages of the last good build, for the workbench.
    pub pages: Vec<Arc<Page>>,
    /// Its warnings.
    pub warnings: Vec<Diagnostic>,
    /// The errors of the last build, when it failed.
    pub failure: Option<Vec<Diagnostic>>,
}

impl Published {
    /// The snapshot of `session`'s last good build, with the last build's errors.
    pub(crate) fn of(session: &Session, failure: Option<Vec<Diagnostic>>) -> Published {
        let (files, stale) = session.files().unwrap_or_default();
        let (pages, warnings) = session.workbench_parts().unwrap_or_default();
        Published {
            files,
            stale,
            pages,
            warnings,
            failure,
        }
    }

    /// The file at `path` when it is up to date here.
    pub(crate) fn fresh(&self, path: &str) -> Option<&Arc<Vec<u8>>> {
        if self.stale.iter().any(|w| w.owns(path)) {
            return None;
        }
        self.files.get(path)
    }
}

/// What answering a request needs besides the snapshot.
pub(crate) struct Context {
    pub lang: MessageLanguage,
    /// The project folder.
    pub root: PathBuf,
    /// Where serve runs (paths in findings are relative to it).
    pub cwd: PathBuf,
}

/// Everything the server and the watcher share.
pub(crate) struct Shared {
    /// The build, updated by the watcher; locked only by builds and by files made when asked for.
    pub session: Mutex<Session>,
    published: RwLock<Arc<Published>>,
    pub reloads: Reloads,
    pub context: Context,
}

/// What asking the session for a file gave.
pub(crate) enum Made {
    /// The file.
    File(Arc<Vec<u8>>),
    /// No such file.
    Missing,
    /// A build is running and the file cannot be made until it ends.
    Busy,
}

impl Shared {
    /// Shares a built session.
    pub(crate) fn new(
        session: Session,
        failure: Option<Vec<Diagnostic>>,
        context: Context,
    ) -> Shared {
        let published = Published::of(&session, failure);
        Shared {
            session: Mutex::new(session),
            published: RwLock::new(Arc::new(published)),
            reloads: Reloads::default(),
            context,
        }
    }

    /// The snapshot served now.
    pub(crate) fn current(&self) -> Arc<Published> {
        Arc::clone(&self.published.read().unwrap_or_else(|e| e.into_inner()))
    }

    /// Serves `session`'s state from now on (call with the session's lock held, so snapshots follow builds
    /// in order).
    pub(crate) fn publish(&self, session: &Session, failure: Option<Vec<Diagnostic>>) {
        let next = Arc::new(Published::of(session, failure));
        *self.published.write().unwrap_or_else(|e| e.into_inner()) = next;
    }

    /// Makes the file at `path` that the snapshot lacks or holds out of date (blocking: call off the serving
    /// thread). While a build runs it waits up to `patience`, then gives up.
    pub(crate) fn make(&self, path: &str, patience: Duration) -> Made {
        let Some(mut session) = self.lock_within(patience) else {
            return Made::Busy;
        };
        let Some(bytes) = session.file(path) else {
            return Made::Missing;
        };
        let failure = self.current().failure.clone();
        self.publish(&session, failure);
        Made::File(bytes)
    }

    fn lock_within(&self, patience: Duration) -> Option<MutexGuard<'_, Session>> {
        let started = Instant::now();
        loop {
            match self.session.try_lock() {
                Ok(guard) => return Some(guard),
                Err(TryLockError::Poisoned(e)) => return Some(e.into_inner()),
                Err(TryLockError::WouldBlock) if started.elapsed() < patience => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stale_whole_output_is_not_served_as_fresh_but_its_copy_is_kept() {
        let mut snap = Published::default();
        for path in ["ja/index.html", "ja/feed.xml", "en/feed.xml"] {
            snap.files
                .insert(path.to_string(), Arc::new(path.as_bytes().to_vec()));
        }
        snap.stale = vec![Whole::Feeds];
        assert!(snap.fresh("ja/index.html").is_some());
        assert!(snap.fresh("ja/feed.xml").is_none());
        assert!(
            snap.files.contains_key("en/feed.xml"),
            "the copy a busy build may serve"
        );
        assert!(snap.fresh("ja/nowhere.html").is_none());
    }
}
