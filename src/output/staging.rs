//! A build written into a staging folder beside its destination, swapped in only when it is complete.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::destination::refuse_destination;
use super::{
    ABORTING, LIVE, MARKER, Sink, asset_too_large, check_site_path, interrupted, read_error,
    same_address, stream_error, swap, write_error,
};
use crate::diag::Diagnostic;
use crate::load::file_kind::{MAX_ASSET_BYTES, open_regular};

/// A build being written next to its destination. Dropped without `commit`, it removes itself.
pub struct Staging {
    dir: PathBuf,
    dest: PathBuf,
    committed: bool,
    written: Mutex<std::collections::HashSet<String>>,
    /// Files from content already published, by source: the first copy, for the other language's link.
    copies: Mutex<std::collections::HashMap<PathBuf, PathBuf>>,
    /// Held while the build lives; a staging folder whose lock is free was left by a killed build.
    _lock: swap::Lock,
}

impl Staging {
    /// Checks that `dest` is a folder hakusho may replace, removes staging folders left by builds that were
    /// killed, and creates an empty staging folder beside it, marked live by a held lock.
    pub fn create(
        dest: &Path,
        project_root: &Path,
        content: &Path,
        force: bool,
    ) -> Result<Staging, Diagnostic> {
        refuse_destination(dest, project_root, content, force)?;
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        swap::remove_stale(&parent, &name);
        let dir = parent.join(swap::fresh_name(&name));
        let lock = match swap::Lock::take(&swap::lock_path(&dir)) {
            Ok(Some(lock)) => lock,
            Ok(None) => {
                return Err(write_error(
                    &dir,
                    &io::Error::from(io::ErrorKind::WouldBlock),
                ));
            }
            Err(e) => return Err(write_error(&swap::lock_path(&dir), &e)),
        };
        if fs::symlink_metadata(&dir).is_ok() {
            fs::remove_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
        }
        fs::create_dir(&dir).map_err(|e| write_error(&dir, &e))?;
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(dir.clone());
        fs::write(
            dir.join(MARKER),
            "This folder is written by `hakusho build`; every build replaces it.\n",
        )
        .map_err(|e| write_error(&dir, &e))?;
        Ok(Staging {
            dir,
            dest: dest.to_path_buf(),
            committed: false,
            written: Mutex::default(),
            copies: Mutex::default(),
            _lock: lock,
        })
    }

    /// The staging folder (for interruption handling).
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The output this build replaces, when hakusho made it (its marker is there): files whose key has not
    /// changed may be taken from it (see [`read_previous`]).
    pub fn previous(&self) -> Option<PathBuf> {
        self.dest.join(MARKER).is_file().then(|| self.dest.clone())
    }

    /// Replaces the destination with the staged build: the two trade places in one step where the system
    /// allows it, so that a kill at any moment leaves the old or the new output; then the old one is removed.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if ABORTING.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(interrupted());
        }
        let old = self.dir.with_file_name(format!(
            "{}-old",
            self.dir.file_name().unwrap_or_default().to_string_lossy()
        ));
        let replaced =
            swap::swap_in(&self.dir, &self.dest, &old).map_err(|e| write_error(&self.dest, &e))?;
        self.committed = true;
        if let Some(replaced) = replaced {
            remove_tree(&replaced).map_err(|e| write_error(&replaced, &e))?;
        }
        Ok(())
    }
}

/// Removes a folder and everything in it, its subfolders a few levels down in parallel (a large site's
/// previous output has tens of thousands of files).
fn remove_tree(dir: &Path) -> io::Result<()> {
    use rayon::prelude::*;
    let deep: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .min_depth(3)
        .max_depth(3)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    deep.par_iter().try_for_each(fs::remove_dir_all)?;
    fs::remove_dir_all(dir)
}

impl Sink for Staging {
    fn put(&self, site_path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        check_site_path(site_path)?;
        if ABORTING.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(interrupted());
        }
        {
            let mut written = self.written.lock().unwrap_or_else(|e| e.into_inner());
            if !written.insert(site_path.to_string()) {
                return Err(same_address(site_path));
            }
        }
        let path = self.dir.join(site_path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| write_error(parent, &e))?;
        }
        fs::write(&path, bytes).map_err(|e| write_error(&path, &e))
    }

    fn put_copy(&self, site_path: &str, source: &Path) -> Result<(), Diagnostic> {
        self.put(site_path, Vec::new())?;
        let path = self.dir.join(site_path);
        let first = {
            let mut copies = self.copies.lock().unwrap_or_else(|e| e.into_inner());
            match copies.get(source) {
                Some(first) => Some(first.clone()),
                None => {
                    copies.insert(source.to_path_buf(), path.clone());
                    None
                }
            }
        };
        // The second language's copy is the same file, linked (one inode, however far the first copy is).
        if let Some(first) = first {
            let _ = fs::remove_file(&path);
            if fs::hard_link(&first, &path).is_ok() {
                return Ok(());
            }
        }
        let file = open_regular(source).map_err(|e| read_error(source, &e))?;
        let mut out = fs::File::create(&path).map_err(|e| write_error(&path, &e))?;
        let copied = io::copy(&mut io::Read::take(file, MAX_ASSET_BYTES + 1), &mut out)
            .map_err(|e| write_error(&path, &e))?;
        if copied > MAX_ASSET_BYTES {
            return Err(asset_too_large(source));
        }
        Ok(())
    }

    fn put_streams(
        &self,
        site_paths: &[&str],
        write: &mut dyn FnMut(&mut [&mut dyn io::Write]) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        use std::io::Write;
        let mut files = Vec::with_capacity(site_paths.len());
        for site_path in site_paths {
            self.put(site_path, Vec::new())?;
            let path = self.dir.join(site_path);
            let file = fs::File::create(&path).map_err(|e| write_error(&path, &e))?;
            files.push(Named {
                path,
                file: io::BufWriter::with_capacity(1 << 16, file),
            });
        }
        let mut writers: Vec<&mut dyn io::Write> =
            files.iter_mut().map(|f| f as &mut dyn io::Write).collect();
        write(&mut writers).map_err(|e| stream_error(&e))?;
        for f in &mut files {
            f.flush().map_err(|e| stream_error(&e))?;
        }
        Ok(())
    }
}

/// A file being written whose errors name it.
struct Named {
    path: PathBuf,
    file: io::BufWriter<fs::File>,
}

impl Named {
    fn name(&self, e: io::Error) -> io::Error {
        io::Error::new(e.kind(), format!("{}: {e}", self.path.display()))
    }
}

impl io::Write for Named {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf).map_err(|e| self.name(e))
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf).map_err(|e| self.name(e))
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush().map_err(|e| self.name(e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
        LIVE.lock()
            .unwrap_or_else(|e| e.into_inner())
            .retain(|d| d != &self.dir);
    }
}
