//! Putting a finished build in place so that a kill at any moment leaves the old or the new output, never
//! none, and cleaning up after builds that were killed.
//!
//! A build stages into `.<dest>.hakusho-tmp-<pid>-<n>` beside the destination and holds an exclusive
//! `flock` on `.<dest>.hakusho-tmp-<pid>-<n>.lock` for as long as it lives (the kernel drops the lock when
//! the process dies, however it dies). The next build removes every staging folder whose lock it can take
//! (its build is gone) and leaves those whose lock is held (a concurrent build). On Linux the finished
//! folder and the old output trade places in one step (`renameat2(RENAME_EXCHANGE)`); elsewhere, or on a
//! file system without it, with two renames.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Staging folders made by this process so far (the `<n>` of their names).
static MADE: AtomicU64 = AtomicU64::new(0);

/// The start of the names of staging folders for a destination named `dest_name`.
pub(super) fn prefix(dest_name: &str) -> String {
    format!(".{dest_name}.hakusho-tmp-")
}

/// A fresh staging folder name for this process (not yet made).
pub(super) fn fresh_name(dest_name: &str) -> String {
    let n = MADE.fetch_add(1, Ordering::SeqCst);
    format!("{}{}-{n}", prefix(dest_name), std::process::id())
}

/// The lock file that marks a live build of the staging folder `dir`.
pub(super) fn lock_path(dir: &Path) -> PathBuf {
    let mut name = dir.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    dir.with_file_name(name)
}

/// An exclusive lock held on a lock file; the file is removed when the lock is let go.
pub(super) struct Lock {
    path: PathBuf,
    _file: fs::File,
}

impl Lock {
    /// Creates (or opens) the lock file and takes its lock; `Ok(None)` when another process holds it.
    pub(super) fn take(path: &Path) -> io::Result<Option<Lock>> {
        let file = fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(path)?;
        if !try_lock(&file)? {
            return Ok(None);
        }
        Ok(Some(Lock {
            path: path.to_path_buf(),
            _file: file,
        }))
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn try_lock(file: &fs::File) -> io::Result<bool> {
    use std::os::unix::io::AsRawFd;
    // SAFETY: flock on a file descriptor this function borrows for the call.
    let r = unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    if r == 0 {
        return Ok(true);
    }
    let e = io::Error::last_os_error();
    if e.kind() == io::ErrorKind::WouldBlock {
        Ok(false)
    } else {
        Err(e)
    }
}

#[cfg(not(unix))]
fn try_lock(_file: &fs::File) -> io::Result<bool> {
    Ok(true)
}

/// Whether a process with this id is running (for staging folders from before lock files, named by pid).
#[cfg(unix)]
fn alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn alive(_pid: u32) -> bool {
    true
}

/// Removes the staging folders (and their lock files) left in `parent` by builds of `dest_name` that are no
/// longer running. A folder whose lock is held belongs to a running build and is kept. Returns the folders
/// removed. Errors are ignored: a leftover that cannot be removed now is tried again next time.
pub(super) fn remove_stale(parent: &Path, dest_name: &str) -> Vec<PathBuf> {
    let prefix = prefix(dest_name);
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().to_string();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        if rest.ends_with(".lock") || !entry.file_type().is_ok_and(|t| t.is_dir()) {
            continue;
        }
        let base = rest.strip_suffix("-old").unwrap_or(rest);
        let dir = entry.path();
        let lock = parent.join(format!("{prefix}{base}.lock"));
        let _held = if lock.exists() {
            match Lock::take(&lock) {
                Ok(Some(held)) => Some(held),
                _ => continue,
            }
        } else {
            // From a build made before lock files: its process id is in the name.
            let pid = base.split('-').next().and_then(|p| p.parse::<u32>().ok());
            match pid {
                Some(pid) if pid != std::process::id() && !alive(pid) => None,
                _ => continue,
            }
        };
        if fs::remove_dir_all(&dir).is_ok() {
            removed.push(dir);
        }
    }
    removed
}

/// Puts `staged` at `dest`. When `dest` exists, the two trade places and the path now holding the old
/// output (to be removed by the caller) is returned; `None` when there was no old output.
pub(super) fn swap_in(staged: &Path, dest: &Path, old: &Path) -> io::Result<Option<PathBuf>> {
    if fs::symlink_metadata(dest).is_err() {
        fs::rename(staged, dest)?;
        return Ok(None);
    }
    match exchange(staged, dest) {
        Ok(()) => return Ok(Some(staged.to_path_buf())),
        Err(e) if !unsupported(&e) => return Err(e),
        Err(_) => {}
    }
    // Two renames: between them there is no output (only where the exchange is not available).
    fs::rename(dest, old)?;
    if let Err(e) = fs::rename(staged, dest) {
        let _ = fs::rename(old, dest);
        return Err(e);
    }
    Ok(Some(old.to_path_buf()))
}

fn unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(
            e.raw_os_error(),
            Some(libc::ENOSYS) | Some(libc::EINVAL) | Some(libc::ENOTSUP)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = e;
        true
    }
}

/// Exchanges two paths atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes()).map_err(io::Error::other)?;
    let b = CString::new(b.as_os_str().as_bytes()).map_err(io::Error::other)?;
    // SAFETY: two valid NUL-terminated paths, relative to the current folder; the kernel copies them.
    let r = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if r == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("hakusho-swap-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn the_old_and_new_output_trade_places() {
        let dir = scratch("trade");
        fs::create_dir_all(dir.join("new")).unwrap();
        fs::write(dir.join("new/a"), "new").unwrap();
        fs::create_dir_all(dir.join("out")).unwrap();
        fs::write(dir.join("out/a"), "old").unwrap();
        let old = swap_in(&dir.join("new"), &dir.join("out"), &dir.join("old"))
            .unwrap()
            .unwrap();
        assert_eq!(fs::read_to_string(dir.join("out/a")).unwrap(), "new");
        assert_eq!(fs::read_to_string(old.join("a")).unwrap(), "old");
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn stale_folders_go_and_held_ones_stay() {
        let dir = scratch("stale");
        let held_dir = dir.join(".out.hakusho-tmp-1-0");
        fs::create_dir_all(&held_dir).unwrap();
        let held = Lock::take(&lock_path(&held_dir)).unwrap().unwrap();
        let dead_dir = dir.join(".out.hakusho-tmp-2-0");
        fs::create_dir_all(&dead_dir).unwrap();
        fs::write(lock_path(&dead_dir), "").unwrap();
        // flock locks belong to the open file: a second open in this process cannot take a held one.
        assert!(Lock::take(&lock_path(&held_dir)).unwrap().is_none());
        let removed = remove_stale(&dir, "out");
        assert_eq!(removed, vec![dead_dir.clone()]);
        assert!(held_dir.exists());
        assert!(!lock_path(&dead_dir).exists());
        drop(held);
        fs::remove_dir_all(&dir).unwrap();
    }
}
