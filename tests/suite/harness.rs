//! `SiteTest`: a fixture site copied into a fresh temporary folder, built with the real `hakusho` binary.
//! Tests assert what the user sees: exit code, stderr, files in the output.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A site in a temporary folder: `<dir>/content`, `<dir>/themes`, output in `<dir>/output`.
pub struct SiteTest {
    pub dir: PathBuf,
}

/// The result of running hakusho.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl SiteTest {
    /// Copies `tests/fixtures/<name>/` into a new temporary folder.
    pub fn fixture(name: &str) -> SiteTest {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("hakusho-test-{}-{n}-{name}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        let src = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&src, &dir);
        SiteTest { dir }
    }

    /// Copies the bundled report (`content/` and `themes/` of this repository) into a new temporary folder.
    pub fn bundled() -> SiteTest {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("hakusho-test-{}-{n}-bundled", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&root.join("content"), &dir.join("content"));
        copy_dir(&root.join("themes"), &dir.join("themes"));
        SiteTest { dir }
    }

    /// Every file of the output whose name ends with `suffix`, with its text.
    pub fn outputs_ending(&self, suffix: &str) -> Vec<(String, String)> {
        self.tree("output")
            .into_iter()
            .filter(|(p, _)| p.ends_with(suffix))
            .map(|(p, b)| (p, String::from_utf8(b).unwrap()))
            .collect()
    }

    /// Writes (or replaces) a file of the site.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) -> &Self {
        let path = self.dir.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
        self
    }

    /// Removes a file of the site.
    pub fn remove(&self, rel: &str) -> &Self {
        fs::remove_file(self.dir.join(rel)).unwrap();
        self
    }

    /// Runs `hakusho <args>` in the site folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_hakusho"))
            .args(args)
            .current_dir(&self.dir)
            .env("NO_COLOR", "1")
            .output()
            .expect("hakusho runs");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// `hakusho build`, which must succeed.
    pub fn build_ok(&self, extra: &[&str]) -> Run {
        let mut args = vec!["build"];
        args.extend_from_slice(extra);
        let run = self.run(&args);
        assert_eq!(run.code, 0, "build failed:\n{}", run.stderr);
        run
    }

    /// `hakusho build`, which must fail with exit code 1; returns stderr.
    pub fn build_err(&self) -> String {
        let run = self.run(&["build"]);
        assert_eq!(
            run.code, 1,
            "build should fail; stdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run.stderr
    }

    /// A file of the output, as text.
    pub fn output(&self, rel: &str) -> String {
        let path = self.dir.join("output").join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Whether an output file exists.
    pub fn has_output(&self, rel: &str) -> bool {
        self.dir.join("output").join(rel).exists()
    }

    /// Every file under a folder of the site, with its bytes.
    pub fn tree(&self, rel: &str) -> BTreeMap<String, Vec<u8>> {
        let mut out = BTreeMap::new();
        let root = self.dir.join(rel);
        collect(&root, &root, &mut out);
        out
    }
}

impl Drop for SiteTest {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The `<main>` element of a page, which is what a test usually cares about.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page has </main>") + "</main>".len();
    &html[start..end]
}

fn copy_dir(src: &Path, dst: &Path) {
    fs::create_dir_all(dst).unwrap();
    for entry in fs::read_dir(src).unwrap() {
        let entry = entry.unwrap();
        let to = dst.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &to);
        } else {
            fs::copy(entry.path(), to).unwrap();
        }
    }
}

fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<String, Vec<u8>>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(root, &path, out);
        } else {
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.insert(rel, fs::read(&path).unwrap());
        }
    }
}
