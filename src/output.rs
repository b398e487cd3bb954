//! The only module that writes the site: into a staging folder beside the destination, swapped in only when
//! the whole build succeeded, or into memory for `serve` and `check`.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;

use crate::diag::{Code, Diagnostic};

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
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());
/// Set when the build is being interrupted: no more files are written.
static ABORTING: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Stops writing and removes every staging folder of this process; the destination is left as it was.
/// For the binary's Ctrl+C / SIGTERM handler.
pub fn abort() {
    ABORTING.store(true, std::sync::atomic::Ordering::SeqCst);
    // Let writes that already passed the check finish before their folder goes.
    std::thread::sleep(std::time::Duration::from_millis(100));
    let dirs = LIVE.lock().unwrap_or_else(|e| e.into_inner()).clone();
    for dir in dirs {
        let _ = fs::remove_dir_all(&dir);
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

/// A build being written next to its destination. Dropped without `commit`, it removes itself.
pub struct Staging {
    dir: PathBuf,
    dest: PathBuf,
    committed: bool,
    written: Mutex<std::collections::HashSet<String>>,
}

impl Staging {
    /// Checks that `dest` is a folder hakusho may replace and creates an empty staging folder beside it.
    pub fn create(dest: &Path, project_root: &Path, force: bool) -> Result<Staging, Diagnostic> {
        refuse_destination(dest, project_root, force)?;
        let parent = match dest.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = dest
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "output".into());
        let dir = parent.join(format!(".{name}.hakusho-tmp-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
        }
        fs::create_dir_all(&dir).map_err(|e| write_error(&dir, &e))?;
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

    /// Replaces the destination with the staged build.
    pub fn commit(mut self) -> Result<(), Diagnostic> {
        if ABORTING.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(interrupted());
        }
        let old = self.dir.with_file_name(format!(
            "{}-old",
            self.dir.file_name().unwrap_or_default().to_string_lossy()
        ));
        let had_old = self.dest.exists();
        if had_old {
            fs::rename(&self.dest, &old).map_err(|e| write_error(&self.dest, &e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.dest) {
            if had_old {
                let _ = fs::rename(&old, &self.dest);
            }
            return Err(write_error(&self.dest, &e));
        }
        self.committed = true;
        if had_old {
            remove_tree(&old).map_err(|e| write_error(&old, &e))?;
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

/// A site path must stay inside the output folder.
fn check_site_path(site_path: &str) -> Result<(), Diagnostic> {
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

fn write_error(path: &Path, e: &io::Error) -> Diagnostic {
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
fn stream_error(e: &io::Error) -> Diagnostic {
    Diagnostic::general(Code::Output, format!("cannot write {e}"))
        .ja(format!("ファイルを書き込めません（{}）", io_reason_ja(e)))
}

fn same_address(site_path: &str) -> Diagnostic {
    Diagnostic::general(
        Code::Output,
        format!("two pages were written to the same address `{site_path}`"),
    )
    .ja(format!(
        "二つのページが同じアドレス `{site_path}` に書き出されました"
    ))
}

fn interrupted() -> Diagnostic {
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

/// Refuses destinations whose replacement would destroy something: `/`, the home folder, the project,
/// `content/`, `themes/`, a folder holding `.git` or `site.yaml`, a symlink, or a non-empty folder that
/// hakusho did not make (unless `force`).
pub fn refuse_destination(dest: &Path, project_root: &Path, force: bool) -> Result<(), Diagnostic> {
    let refuse = |why: &str, why_ja: &str| {
        Err(Diagnostic::general(
            Code::Output,
            format!(
                "refusing to use {} as the output folder: {why}",
                dest.display()
            ),
        )
        .with_help("choose a dedicated folder, e.g. --output output")
        .ja(format!(
            "{} は出力フォルダーに使えません：{why_ja}",
            dest.display()
        ))
        .ja_help("出力専用のフォルダーを指定してください（例：--output output）"))
    };
    if dest.as_os_str().is_empty() {
        return refuse("no folder given", "フォルダーが指定されていません");
    }
    if fs::symlink_metadata(dest).is_ok_and(|m| m.file_type().is_symlink()) {
        return refuse("it is a symlink", "シンボリックリンクです");
    }
    let abs = absolute(dest);
    let root = absolute(project_root);
    if abs.parent().is_none() {
        return refuse(
            "it is the root of the file system",
            "ファイルシステムのいちばん上（ルート）です",
        );
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && abs == absolute(&home)
    {
        return refuse("it is your home folder", "ホームフォルダーです");
    }
    if abs == root {
        return refuse("it is the project folder", "プロジェクトのフォルダーです");
    }
    if root.starts_with(&abs) {
        return refuse(
            "it contains the project",
            "プロジェクトを含むフォルダーです",
        );
    }
    for protected in ["content", "themes", "src", "tests", ".git"] {
        let p = root.join(protected);
        if abs == p || abs.starts_with(&p) {
            return refuse(
                &format!("it is inside {protected}/"),
                &format!("{protected}/ の中です"),
            );
        }
    }
    if abs.is_file() {
        return refuse("it is a file", "フォルダーではなくファイルです");
    }
    if abs.is_dir() {
        if abs.join(".git").exists() {
            return refuse("it holds a .git folder", ".git フォルダーが入っています");
        }
        if abs.join("site.yaml").exists() || abs.join("Cargo.toml").exists() {
            return refuse(
                "it holds a site.yaml or Cargo.toml",
                "site.yaml か Cargo.toml が入っています",
            );
        }
        let empty = fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !abs.join(MARKER).exists() && !force {
            return Err(Diagnostic::general(
                Code::Output,
                format!(
                    "refusing to replace {}: it is not empty and was not made by hakusho",
                    dest.display()
                ),
            )
            .with_help(
                "choose another --output, empty the folder, or pass --force to replace it",
            )
            .ja(format!(
                "{} は空ではなく、hakusho が作ったフォルダーでもないため、置き換えません",
                dest.display()
            ))
            .ja_help(
                "別の --output を指定するか、フォルダーを空にするか、置き換えてよければ --force を付けてください",
            ));
        }
    }
    Ok(())
}

/// The absolute, `..`-free form of a path (without resolving symlinks of the last part).
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    match (out.parent(), out.file_name()) {
        (Some(parent), Some(name)) => parent
            .canonicalize()
            .unwrap_or_else(|_| parent.to_path_buf())
            .join(name),
        _ => out,
    }
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
