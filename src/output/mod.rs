//! The only module that writes the site: into a staging folder beside the destination, swapped in only when
//! the whole build succeeded, or into memory for `serve` and `check`.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diag::{Code, Diagnostic};
use crate::load::file_kind::{MAX_ASSET_BYTES, open_regular};

mod destination;
mod staging;
mod swap;

pub use destination::refuse_destination;
pub use staging::Staging;

/// Where rendered files go. `put` is called from many threads at once.
pub trait Sink: Sync {
    /// Stores one file at a site path such as `ja/cases/kobe/index.html`.
    fn put(&self, site_path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic>;

    /// Stores several files written side by side (large files written as their parts come, never held
    /// whole where the sink can help it): `write` gets one writer per path, in the order of `site_paths`.
    fn put_streams(
        &self,
        site_paths: &[&str],
        write: &mut dyn FnMut(&mut [&mut dyn io::Write]) -> io::Result<()>,
    ) -> Result<(), Diagnostic> {
        let mut files: Vec<Vec<u8>> = vec![Vec::new(); site_paths.len()];
        {
            let mut writers: Vec<&mut dyn io::Write> =
                files.iter_mut().map(|f| f as &mut dyn io::Write).collect();
            write(&mut writers).map_err(|e| {
                Diagnostic::general(
                    Code::Output,
                    format!("cannot write `{}`: {e}", site_paths.join("`, `")),
                )
                .ja(format!(
                    "`{}` を書き込めません（{}）",
                    site_paths.join("`、`"),
                    io_reason_ja(&e)
                ))
            })?;
        }
        for (path, bytes) in site_paths.iter().zip(files) {
            self.put(path, bytes)?;
        }
        Ok(())
    }

    /// Publishes the file `source` from content (a file beside a page) at `site_path`. This default reads
    /// it whole (for sinks in memory); a sink on disk streams it, and writes one source only once.
    fn put_copy(&self, site_path: &str, source: &Path) -> Result<(), Diagnostic> {
        let mut bytes = Vec::new();
        let file = open_regular(source).map_err(|e| read_error(source, &e))?;
        io::Read::read_to_end(&mut io::Read::take(file, MAX_ASSET_BYTES + 1), &mut bytes)
            .map_err(|e| read_error(source, &e))?;
        if bytes.len() as u64 > MAX_ASSET_BYTES {
            return Err(asset_too_large(source));
        }
        self.put(site_path, bytes)
    }
}

/// A file from content that could not be read while it was published.
pub(crate) fn read_error(source: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::error(Code::Io, source, format!("the file cannot be read: {e}"))
        .ja(format!("ファイルを読み込めません（{}）", io_reason_ja(e)))
}

/// A file from content that grew past the limit after it was looked at.
pub(crate) fn asset_too_large(source: &Path) -> Diagnostic {
    crate::load::file_kind::too_large_asset(source).unwrap_or_else(|| {
        read_error(
            source,
            &io::Error::other("the file changed while it was read"),
        )
    })
}

/// The file at `site_path` in a previous output folder `dir`, if it is a regular file (not a link) of at
/// most `limit` bytes; `None` otherwise or when it cannot be read.
pub fn read_previous(dir: &Path, site_path: &str, limit: u64) -> Option<Vec<u8>> {
    if site_path
        .split('/')
        .any(|part| part.is_empty() || part == "..")
    {
        return None;
    }
    let path = dir.join(site_path);
    let meta = fs::symlink_metadata(&path).ok()?;
    if !meta.file_type().is_file() || meta.len() > limit {
        return None;
    }
    let bytes = fs::read(&path).ok()?;
    (bytes.len() as u64 <= limit).then_some(bytes)
}

/// The marker file that says hakusho made a folder (and may replace it).
pub const MARKER: &str = ".hakusho";

/// Staging folders being written, so an interrupted build can remove them (see [`abort`]).
pub(crate) static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set when the build is being interrupted: no more files are written.
pub(crate) static ABORTING: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Whether [`abort`] has been called: the build is being interrupted, and the handler that called it ends
/// the process.
pub fn aborting() -> bool {
    ABORTING.load(std::sync::atomic::Ordering::SeqCst)
}

/// Stops writing and removes every staging folder of this process; the destination is left as it was.
/// For the binary's Ctrl+C / SIGTERM handler.
pub fn abort() {
    ABORTING.store(true, std::sync::atomic::Ordering::SeqCst);
    // Let writes that already passed the check finish before their folder goes.
    std::thread::sleep(std::time::Duration::from_millis(100));
    let dirs = LIVE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for dir in dirs {
        let _ = fs::remove_dir_all(&dir);
        let _ = fs::remove_file(swap::lock_path(&dir));
    }
}

/// Files kept in memory (for `serve`, `check` and tests).
#[derive(Default)]
pub struct Memory {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl Memory {
    /// An empty store.
    pub fn new() -> Memory {
        Memory::default()
    }

    /// All files, by site path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Memory {
    fn put(&self, site_path: &str, bytes: Vec<u8>) -> Result<(), Diagnostic> {
        check_site_path(site_path)?;
        let mut files = self.files.lock().unwrap_or_else(|e| e.into_inner());
        if files.insert(site_path.to_string(), bytes).is_some() {
            return Err(same_address(site_path));
        }
        Ok(())
    }
}

/// A site path must stay inside the output folder.
pub(crate) fn check_site_path(site_path: &str) -> Result<(), Diagnostic> {
    let p = Path::new(site_path);
    let ok = !site_path.is_empty()
        && !site_path.contains('\0')
        && !site_path.contains('\\')
        && p.components().all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(())
    } else {
        Err(Diagnostic::general(
            Code::Output,
            format!("refused to write `{site_path}`: it is not a path inside the output folder"),
        )
        .ja(format!(
            "`{site_path}` は出力フォルダーの中の場所ではないため、書き込みませんでした"
        )))
    }
}

pub(crate) fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
    Diagnostic::general(
        Code::Output,
        format!("cannot write {}: {e}", path.display()),
    )
    .ja(format!(
        "{} に書き込めません（{}）",
        path.display(),
        io_reason_ja(e)
    ))
}

/// A failed write of a file written as its parts come (the error names the file).
pub(crate) fn stream_error(e: &io::Error) -> Diagnostic {
    Diagnostic::general(Code::Output, format!("cannot write {e}"))
        .ja(format!("ファイルを書き込めません（{}）", io_reason_ja(e)))
}

pub(crate) fn same_address(site_path: &str) -> Diagnostic {
    Diagnostic::general(
        Code::Output,
        format!("two pages were written to the same address `{site_path}`"),
    )
    .ja(format!(
        "二つのページが同じアドレス `{site_path}` に書き出されました"
    ))
}

pub(crate) fn interrupted() -> Diagnostic {
    Diagnostic::general(Code::Interrupted, "the build was interrupted").ja("ビルドが中断されました")
}

/// Why a file could not be read or written, in Japanese: the common reasons in plain words, then the
/// system's own words.
pub(crate) fn io_reason_ja(e: &io::Error) -> String {
    let why = match e.kind() {
        io::ErrorKind::PermissionDenied => "権限がありません",
        io::ErrorKind::NotFound => "見つかりません",
        io::ErrorKind::StorageFull => "ディスクに空きがありません",
        io::ErrorKind::ReadOnlyFilesystem => "書き込みのできない場所です",
        io::ErrorKind::AlreadyExists => "すでにあります",
        _ => "システムの説明",
    };
    format!("{why}：{e}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_paths_stay_inside() {
        assert!(check_site_path("ja/index.html").is_ok());
        for bad in ["", "../x", "/etc/passwd", "ja/../../x", "a\\b", "a\0b"] {
            assert!(check_site_path(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn memory_refuses_two_files_at_one_address() {
        let m = Memory::new();
        m.put("a.html", b"1".to_vec()).unwrap();
        assert!(m.put("a.html", b"2".to_vec()).is_err());
    }
}
