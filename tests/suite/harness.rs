//! `SiteTest`: a fixture site copied into a fresh temporary folder, built with the real `hakusho` binary.
//! Tests assert what the user sees: exit code, stderr, files in the output.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A run of hakusho still going after this long is killed and the test fails. A guard against hangs only:
/// far above what any test takes on a loaded machine, so that it never decides a result by timing.
pub const HANG_GUARD: Duration = Duration::from_secs(120);

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

    /// Copies this site's folder as it is now (content, output and anything else) into a new temporary
    /// folder.
    pub fn copy(&self) -> SiteTest {
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("hakusho-test-{}-{n}-copy", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).unwrap();
        }
        copy_dir(&self.dir, &dir);
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

    /// Every part of the whole report in `lang` (`ja/report/…/index.html`), with its text, by path.
    pub fn report_parts(&self, lang: &str) -> Vec<(String, String)> {
        self.tree("output")
            .into_iter()
            .filter(|(p, _)| p.starts_with(&format!("{lang}/report/")) && p.ends_with("index.html"))
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

    /// The command `hakusho <args>` in the site folder, not started yet. Messages are in English whatever
    /// the locale of the machine running the tests (a test of Japanese messages sets its own).
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_hakusho"));
        cmd.args(args)
            .current_dir(&self.dir)
            .env("NO_COLOR", "1")
            .env("HAKUSHO_LANG", "en");
        cmd
    }

    /// Runs `hakusho <args>` with these environment variables (and no `HAKUSHO_LANG` unless given).
    pub fn run_with_env(&self, args: &[&str], vars: &[(&str, &str)]) -> Run {
        let mut cmd = self.command(args);
        cmd.env_remove("HAKUSHO_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (k, v) in vars {
            cmd.env(k, v);
        }
        run_guarded(cmd).unwrap_or_else(|e| panic!("hakusho {args:?}: {e}"))
    }

    /// Runs `hakusho <args>` in the site folder (killed, and the test failed, past [`HANG_GUARD`]).
    pub fn run(&self, args: &[&str]) -> Run {
        run_guarded(self.command(args)).unwrap_or_else(|e| panic!("hakusho {args:?}: {e}"))
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

    /// A file of the site, as text.
    pub fn read(&self, rel: &str) -> String {
        let path = self.dir.join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
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

/// Runs a command to its end with no input, collecting its output. One still running after [`HANG_GUARD`]
/// is killed: an error saying so, with what it had printed.
pub fn run_guarded(mut cmd: Command) -> Result<Run, String> {
    cmd.stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().map_err(|e| format!("cannot be started: {e}"))?;
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    std::thread::scope(|s| {
        // Both pipes are drained while the command runs, so a long stderr cannot block it.
        let stdout = s.spawn(move || {
            let mut v = Vec::new();
            let _ = out.read_to_end(&mut v);
            v
        });
        let stderr = s.spawn(move || {
            let mut v = Vec::new();
            let _ = err.read_to_end(&mut v);
            v
        });
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for hakusho") {
                break Some(status);
            }
            if started.elapsed() > HANG_GUARD {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        let text = |v: Vec<u8>| String::from_utf8_lossy(&v).into_owned();
        let (stdout, stderr) = (text(stdout.join().unwrap()), text(stderr.join().unwrap()));
        match status {
            Some(status) => Ok(Run {
                code: status.code().unwrap_or(-1),
                stdout,
                stderr,
            }),
            None => Err(format!(
                "still running after {HANG_GUARD:?} (the hang guard): killed; stderr so far:\n{stderr}"
            )),
        }
    })
}

/// Whether the tests run as root, whom permission bits do not stop (/proc/self belongs to the process's
/// user).
pub fn is_root() -> bool {
    use std::os::unix::fs::MetadataExt;
    fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
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

/// The `<link rel>` of a page's head with this `rel`, if any.
pub fn head_link(html: &str, rel: &str) -> Option<String> {
    let head = &html[..html.find("</head>").unwrap()];
    let tag = format!("<link rel=\"{rel}\" href=\"");
    let at = head.find(&tag)? + tag.len();
    Some(head[at..at + head[at..].find('"').unwrap()].to_string())
}
