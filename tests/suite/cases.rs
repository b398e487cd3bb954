//! Cases as data: every `*.yaml` file under `tests/cases/<set>/` is one case, run by [`run_set`] against its
//! own copy of `tests/fixtures/minimal` with its output already built (the "previous output"). Every case
//! is run, in parallel, and every failure is reported at the end, so one failing case never hides another.
//! tests/README.md ("Adding a hostile-input case") describes the file format.
//!
//! Besides what a case file asks for, every case must: not panic; exit with the code given; print exactly
//! the stderr given; on a failure, leave the previous output byte-identical; write nothing outside the
//! destination (a sentinel folder beside it stays as it was); leave no staging folder behind.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use serde::Deserialize;

use crate::harness::{SiteTest, is_root, run_guarded};

/// Set to any value to write each case's actual stderr into its file instead of failing on a difference.
const BLESS: &str = "HAKUSHO_BLESS";
/// Set to run only the cases whose name (`<group>/<case>`) contains this text.
const ONLY: &str = "HAKUSHO_CASES";

/// One case file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What to do to the site, in order.
    #[serde(default)]
    steps: Vec<Step>,
    /// The arguments to hakusho; `[build]` if not given.
    #[serde(default = "build")]
    args: Vec<String>,
    /// Run hakusho as the user nobody (uid 65534) when the tests run as root, whom permission bits do not
    /// stop.
    #[serde(default)]
    unprivileged: bool,
    /// The exit code.
    code: i32,
    /// Checks on the output.
    #[serde(default)]
    check: Check,
    /// The whole of stderr.
    stderr: Option<String>,
    /// The whole of stderr in Japanese (`HAKUSHO_LANG=ja`): required when `stderr` holds a diagnostic, whose
    /// every message and hint must then be in Japanese.
    stderr_ja: Option<String>,
}

fn build() -> Vec<String> {
    vec!["build".into()]
}

/// One step: exactly one of `write`, `append`, `replace`, `symlink`, `chmod`, `socket`, `remove`, naming
/// a path in the site folder, with its arguments.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Step {
    /// Writes `text` to the file (making its folders).
    write: Option<String>,
    /// Appends `text` to the file.
    append: Option<String>,
    /// Replaces `from` (which must be there) by `to` in the file.
    replace: Option<String>,
    /// Makes a symlink to `target` (a path in the site folder, linked as an absolute path).
    symlink: Option<String>,
    /// Sets the file's permission bits to `mode` (octal digits).
    chmod: Option<String>,
    /// Makes a Unix socket there: a file that no one, not even root, can open.
    socket: Option<String>,
    /// Removes the file.
    remove: Option<String>,
    text: Option<Text>,
    from: Option<String>,
    to: Option<Text>,
    target: Option<String>,
    mode: Option<String>,
}

/// The text of a file: a string, or a list of pieces joined together.
#[derive(Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    Pieces(Vec<Piece>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Piece {
    Plain(String),
    Repeat(Repeat),
    Bytes(Bytes),
}

/// `repeat` written `times` times, with `join` between copies; `{i}` in it is the copy's number (from 0),
/// and copy `i` starts with `i` copies of `indent`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Repeat {
    repeat: String,
    times: usize,
    #[serde(default)]
    join: String,
    #[serde(default)]
    indent: String,
}

/// Raw bytes, in hexadecimal (`"93 fa"`), for what is not UTF-8.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Bytes {
    bytes: String,
}

/// Checks on the output after the run.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Check {
    /// Output file → texts it must contain.
    #[serde(default)]
    output_has: BTreeMap<String, Vec<String>>,
    /// Output file → its size in bytes.
    #[serde(default)]
    output_size: BTreeMap<String, u64>,
    /// Texts that no output file's path may contain.
    #[serde(default)]
    no_output_path_has: Vec<String>,
    /// Texts that no output file may contain, except the CSV downloads, the PDF editions and the BibTeX
    /// and RIS citation files (data and documents that hold the text as text, which no browser runs as a
    /// page).
    #[serde(default)]
    not_in_output: Vec<String>,
    /// Pages whose first `<svg>…</svg>` must be well-formed XML.
    #[serde(default)]
    svg_is_xml: Vec<String>,
}

impl Text {
    fn bytes(&self) -> Result<Vec<u8>, String> {
        let pieces = match self {
            Text::Plain(s) => return Ok(s.clone().into_bytes()),
            Text::Pieces(pieces) => pieces,
        };
        let mut out = Vec::new();
        for piece in pieces {
            match piece {
                Piece::Plain(s) => out.extend_from_slice(s.as_bytes()),
                Piece::Repeat(r)
                    if r.indent.is_empty() && r.join.is_empty() && !r.repeat.contains("{i}") =>
                {
                    out.extend_from_slice(r.repeat.repeat(r.times).as_bytes());
                }
                Piece::Repeat(r) => {
                    for i in 0..r.times {
                        if i > 0 {
                            out.extend_from_slice(r.join.as_bytes());
                        }
                        out.extend_from_slice(r.indent.repeat(i).as_bytes());
                        out.extend_from_slice(r.repeat.replace("{i}", &i.to_string()).as_bytes());
                    }
                }
                Piece::Bytes(b) => {
                    for hex in b.bytes.split_whitespace() {
                        out.push(
                            u8::from_str_radix(hex, 16)
                                .map_err(|_| format!("`{hex}` is not a byte in hexadecimal"))?,
                        );
                    }
                }
            }
        }
        Ok(out)
    }
}

impl Step {
    fn apply(&self, site: &SiteTest) -> Result<(), String> {
        let verbs = [
            ("write", &self.write),
            ("append", &self.append),
            ("replace", &self.replace),
            ("symlink", &self.symlink),
            ("chmod", &self.chmod),
            ("socket", &self.socket),
            ("remove", &self.remove),
        ];
        let mut given = verbs
            .iter()
            .filter_map(|(v, p)| p.as_ref().map(|p| (*v, p)));
        let (verb, rel) = match (given.next(), given.next()) {
            (Some(one), None) => one,
            _ => {
                return Err(
                    "a step needs exactly one of write, append, replace, symlink, chmod, socket, remove"
                        .into(),
                );
            }
        };
        let path = site.dir.join(rel);
        let text = |t: &Option<Text>, name: &str| match t {
            Some(t) => t.bytes(),
            None => Err(format!("`{verb}` needs `{name}`")),
        };
        let io = |e: std::io::Error| format!("{verb} {rel}: {e}");
        match verb {
            "write" => {
                fs::create_dir_all(path.parent().unwrap()).map_err(io)?;
                fs::write(&path, text(&self.text, "text")?).map_err(io)?;
            }
            "append" => {
                let mut bytes = fs::read(&path).map_err(io)?;
                bytes.extend(text(&self.text, "text")?);
                fs::write(&path, bytes).map_err(io)?;
            }
            "replace" => {
                let from = self.from.as_deref().ok_or("`replace` needs `from`")?;
                let old = fs::read_to_string(&path).map_err(io)?;
                if !old.contains(from) {
                    return Err(format!("replace: {rel} does not contain {from:?}"));
                }
                let to =
                    String::from_utf8(text(&self.to, "to")?).map_err(|_| "`to` must be UTF-8")?;
                fs::write(&path, old.replace(from, &to)).map_err(io)?;
            }
            "symlink" => {
                let target = self.target.as_deref().ok_or("`symlink` needs `target`")?;
                std::os::unix::fs::symlink(site.dir.join(target), &path).map_err(io)?;
            }
            "chmod" => {
                use std::os::unix::fs::PermissionsExt;
                let mode = self.mode.as_deref().ok_or("`chmod` needs `mode`")?;
                let mode = u32::from_str_radix(mode, 8)
                    .map_err(|_| format!("`{mode}` is not an octal mode"))?;
                fs::set_permissions(&path, fs::Permissions::from_mode(mode)).map_err(io)?;
            }
            "socket" => {
                fs::create_dir_all(path.parent().unwrap()).map_err(io)?;
                std::os::unix::net::UnixListener::bind(&path).map_err(io)?;
            }
            _ => fs::remove_file(&path).map_err(io)?,
        }
        Ok(())
    }
}

/// The minimal site, built once: every case starts from a copy of it.
struct Prebuilt {
    site: SiteTest,
    output: BTreeMap<String, Vec<u8>>,
    sentinel: BTreeMap<String, Vec<u8>>,
}

impl Prebuilt {
    fn new() -> Prebuilt {
        let site = SiteTest::fixture("minimal");
        site.build_ok(&[]);
        site.write("sentinel/keep.txt", "untouched");
        let (output, sentinel) = (site.tree("output"), site.tree("sentinel"));
        Prebuilt {
            site,
            output,
            sentinel,
        }
    }
}

/// How one case went.
struct Outcome {
    name: String,
    took: Duration,
    problems: Vec<String>,
}

/// Runs every case under `tests/cases/<set>/` (its sub-folders are groups), all of them even when some
/// fail, then fails with the list of every failed case and why.
pub fn run_set(set: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cases")
        .join(set);
    let only = std::env::var(ONLY).unwrap_or_default();
    let bless = std::env::var_os(BLESS).is_some();
    let mut files = Vec::new();
    find_cases(&root, &mut files);
    files.retain(|f| name_of(&root, f).contains(&only));
    files.sort();
    assert!(
        !files.is_empty(),
        "no case files under {} match {ONLY}={only:?}",
        root.display()
    );

    let prebuilt = Prebuilt::new();
    let next = AtomicUsize::new(0);
    let outcomes = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(files.len());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                while let Some(file) = files.get(next.fetch_add(1, Ordering::SeqCst)) {
                    let outcome = run_one(&prebuilt, &root, file, bless);
                    outcomes.lock().unwrap().push(outcome);
                }
            });
        }
    });

    let mut outcomes = outcomes.into_inner().unwrap();
    outcomes.sort_by(|a, b| a.name.cmp(&b.name));
    let failed: Vec<&Outcome> = outcomes.iter().filter(|o| !o.problems.is_empty()).collect();
    for o in &outcomes {
        let status = if o.problems.is_empty() {
            "ok"
        } else {
            "FAILED"
        };
        println!("{status:>6} {:>6} ms  {set}/{}", o.took.as_millis(), o.name);
    }
    if !failed.is_empty() {
        let mut report = format!("{} of {} cases failed:\n", failed.len(), outcomes.len());
        for o in &failed {
            let _ = write!(
                report,
                "\n--- {set}/{} ({})\n",
                o.name,
                root.join(&o.name).with_extension("yaml").display()
            );
            for p in &o.problems {
                let _ = writeln!(report, "{}", indent(p));
            }
        }
        panic!("{report}");
    }
}

/// Runs one case; a panic of the runner itself (a bug in a step, say) is that case's failure.
fn run_one(prebuilt: &Prebuilt, root: &Path, file: &Path, bless: bool) -> Outcome {
    let started = Instant::now();
    let problems = catch_unwind(AssertUnwindSafe(|| run_case(prebuilt, file, bless)))
        .unwrap_or_else(|panic| {
            let why = (panic.downcast_ref::<String>().map(String::as_str))
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or_default();
            vec![format!("the runner panicked: {why}")]
        });
    Outcome {
        name: name_of(root, file),
        took: started.elapsed(),
        problems,
    }
}

fn find_cases(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            find_cases(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

/// `<group>/<case>`: the file's path under the set, without `.yaml`.
fn name_of(root: &Path, file: &Path) -> String {
    file.strip_prefix(root)
        .unwrap()
        .with_extension("")
        .to_string_lossy()
        .replace('\\', "/")
}

fn indent(text: &str) -> String {
    text.lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Runs one case; returns what went wrong (nothing if it passed).
fn run_case(prebuilt: &Prebuilt, file: &Path, bless: bool) -> Vec<String> {
    let mut source = fs::read_to_string(file).unwrap();
    let case: Case = match serde_yaml::from_str(&source) {
        Ok(case) => case,
        Err(e) => return vec![format!("the case file cannot be read: {e}")],
    };
    let (site, run) = match run_in(prebuilt, &case, "en") {
        Ok(done) => done,
        Err(e) => return vec![e],
    };

    let mut problems = Vec::new();
    if run.stderr.contains("panicked") {
        problems.push(format!("hakusho panicked:\n{}", run.stderr));
    }
    if run.code != case.code {
        problems.push(format!(
            "exit code {}, expected {}\nstdout:\n{}\nstderr:\n{}",
            run.code,
            case.code,
            run.stdout.trim_end(),
            run.stderr.trim_end()
        ));
    }
    compare_stderr(
        file,
        &mut source,
        "stderr",
        case.stderr.as_deref(),
        &run.stderr,
        bless,
        &mut problems,
    );
    if run.code != 0 {
        let after = site.tree("output");
        if after != prebuilt.output {
            problems.push(format!(
                "the previous output changed: {}",
                changed_paths(&prebuilt.output, &after)
            ));
        }
    }
    check_output(&site, &case.check, &mut problems);
    if site.tree("sentinel") != prebuilt.sentinel {
        problems.push("wrote outside the destination: the sentinel folder changed".into());
    }
    let staging: Vec<String> = fs::read_dir(&site.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("hakusho-tmp"))
        .collect();
    if !staging.is_empty() {
        problems.push(format!("staging folder left behind: {staging:?}"));
    }

    // The same case for a Japanese editor: the same codes and positions, every word in Japanese.
    if has_diagnostic(&run.stderr) || case.stderr_ja.is_some() {
        match run_in(prebuilt, &case, "ja") {
            Ok((_, ja)) => {
                if ja.code != run.code {
                    problems.push(format!(
                        "in Japanese, exit code {} (in English {})",
                        ja.code, run.code
                    ));
                }
                problems.extend(untranslated(&ja.stderr));
                compare_stderr(
                    file,
                    &mut source,
                    "stderr_ja",
                    case.stderr_ja.as_deref(),
                    &ja.stderr,
                    bless,
                    &mut problems,
                );
            }
            Err(e) => problems.push(format!("in Japanese: {e}")),
        }
    }
    problems
}

/// Runs the case on its own copy of the prebuilt site, with messages in `lang`.
fn run_in(
    prebuilt: &Prebuilt,
    case: &Case,
    lang: &str,
) -> Result<(SiteTest, crate::harness::Run), String> {
    let site = prebuilt.site.copy();
    for (n, step) in case.steps.iter().enumerate() {
        step.apply(&site)
            .map_err(|e| format!("step {}: {e}", n + 1))?;
    }
    let args: Vec<&str> = case.args.iter().map(String::as_str).collect();
    let mut cmd = if case.unprivileged && is_root() {
        as_nobody(&site, &args)
    } else {
        site.command(&args)
    };
    cmd.env("HAKUSHO_LANG", lang);
    let run = run_guarded(cmd).map_err(|e| format!("hakusho {args:?} (in {lang}): {e}"))?;
    Ok((site, run))
}

/// Compares stderr with what the case file says under `key`, or writes it there when blessing.
fn compare_stderr(
    file: &Path,
    source: &mut String,
    key: &str,
    expected: Option<&str>,
    actual: &str,
    bless: bool,
    problems: &mut Vec<String>,
) {
    match expected {
        Some(expected) if expected == actual => {}
        _ if bless => match bless_stderr(file, source, key, actual) {
            Ok(text) => *source = text,
            Err(e) => problems.push(e),
        },
        Some(expected) => problems.push(format!("{key}: {}", stderr_difference(expected, actual))),
        None => problems.push(format!(
            "the case has no `{key}:`; it printed:\n{actual}\n(run with {BLESS}=1 to record it)"
        )),
    }
}

/// Whether stderr holds an error or a warning about the input.
fn has_diagnostic(stderr: &str) -> bool {
    stderr
        .lines()
        .any(|l| l.contains("error: ") || l.contains("warning: "))
}

/// The lines of a Japanese stderr whose message or hint has no Japanese in it: words not yet translated.
fn untranslated(stderr: &str) -> Vec<String> {
    let japanese = |text: &str| {
        text.chars().any(|c| {
            matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff01}'..='\u{ff5e}')
        })
    };
    stderr
        .lines()
        .filter_map(|line| {
            let said = ["エラー: ", "警告: ", "ヒント: "]
                .iter()
                .find_map(|level| line.split_once(level).map(|(_, said)| said))
                .unwrap_or(line);
            let english_level = ["error: ", "warning: ", "help: "]
                .iter()
                .any(|l| line.contains(l));
            (english_level || !japanese(said)).then(|| format!("not in Japanese: {line}"))
        })
        .collect()
}

fn check_output(site: &SiteTest, check: &Check, problems: &mut Vec<String>) {
    let output = site.tree("output");
    let file = |rel: &str| output.get(rel).map(|b| String::from_utf8_lossy(b));
    for (rel, texts) in &check.output_has {
        match file(rel) {
            None => problems.push(format!("output_has: no output file {rel}")),
            Some(text) => {
                for t in texts.iter().filter(|t| !text.contains(t.as_str())) {
                    problems.push(format!("output_has: {rel} lacks {t:?}"));
                }
            }
        }
    }
    for (rel, size) in &check.output_size {
        match output.get(rel) {
            Some(b) if b.len() as u64 == *size => {}
            Some(b) => problems.push(format!(
                "output_size: {rel} has {} bytes, expected {size}",
                b.len()
            )),
            None => problems.push(format!("output_size: no output file {rel}")),
        }
    }
    for rel in output.keys() {
        if let Some(t) = check
            .no_output_path_has
            .iter()
            .find(|t| rel.contains(t.as_str()))
        {
            problems.push(format!("no_output_path_has: {rel} contains {t:?}"));
        }
    }
    for (rel, bytes) in output.iter().filter(|(rel, _)| {
        ![".csv", ".pdf", ".bib", ".ris"]
            .iter()
            .any(|e| rel.ends_with(e))
    }) {
        let text = String::from_utf8_lossy(bytes);
        if let Some(t) = check
            .not_in_output
            .iter()
            .find(|t| text.contains(t.as_str()))
        {
            problems.push(format!("not_in_output: {rel} contains {t:?}"));
        }
    }
    for rel in &check.svg_is_xml {
        let Some(html) = file(rel) else {
            problems.push(format!("svg_is_xml: no output file {rel}"));
            continue;
        };
        let svg = html.find("<svg").and_then(|start| {
            html[start..]
                .find("</svg>")
                .map(|end| &html[start..start + end + 6])
        });
        match svg.map(roxmltree::Document::parse) {
            Some(Ok(_)) => {}
            Some(Err(e)) => problems.push(format!(
                "svg_is_xml: the chart SVG of {rel} is not XML: {e}"
            )),
            None => problems.push(format!("svg_is_xml: {rel} has no <svg>")),
        }
    }
}

/// The paths that differ between two trees.
fn changed_paths(before: &BTreeMap<String, Vec<u8>>, after: &BTreeMap<String, Vec<u8>>) -> String {
    let mut paths: Vec<&str> = before
        .keys()
        .chain(after.keys())
        .filter(|k| before.get(*k) != after.get(*k))
        .map(String::as_str)
        .collect();
    paths.dedup();
    paths.join(", ")
}

/// Expected and actual stderr, with the first line that differs.
fn stderr_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    format!(
        "stderr differs at line {}:\n  expected: {:?}\n  actual:   {:?}\nwhole stderr:\n{actual}(run with {BLESS}=1 to accept it)",
        at + 1,
        e.get(at).copied().unwrap_or("(nothing)"),
        a.get(at).copied().unwrap_or("(nothing)"),
    )
}

/// Writes `stderr` into the case file under `key` (replacing its old value, or appended) and returns the
/// file's new text.
fn bless_stderr(file: &Path, source: &str, key: &str, stderr: &str) -> Result<String, String> {
    let value = if stderr.is_empty() || stderr.chars().any(|c| c.is_control() && c != '\n') {
        format!("{key}: {}\n", serde_json::to_string(stderr).unwrap())
    } else {
        // A literal block: `-` if there is no final newline, `+` if there are several.
        let trailing = stderr.len() - stderr.trim_end_matches('\n').len();
        let chomp = ["-", "", "+"][trailing.min(2)];
        let lead = if stderr.starts_with(' ') { "2" } else { "" };
        let body: String = (stderr.trim_end_matches('\n').lines())
            .map(|l| match l {
                "" => "\n".to_string(),
                l => format!("  {l}\n"),
            })
            .collect();
        let extra = "\n".repeat(trailing.saturating_sub(1));
        format!("{key}: |{lead}{chomp}\n{body}{extra}")
    };
    let mut lines: Vec<&str> = source.split_inclusive('\n').collect();
    let start = lines.iter().position(|l| {
        l.strip_prefix(key)
            .is_some_and(|rest| rest.starts_with(':'))
    });
    let text = match start {
        Some(start) => {
            let end = (start + 1..lines.len())
                .find(|&i| lines[i].starts_with(|c: char| !c.is_whitespace()))
                .unwrap_or(lines.len());
            let tail = lines.split_off(end).concat();
            lines.truncate(start);
            [lines.concat(), value, tail].concat()
        }
        None => {
            let mut text = source.to_string();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            text + &value
        }
    };
    let written = |case: &Case| match key {
        "stderr" => case.stderr.clone(),
        _ => case.stderr_ja.clone(),
    };
    match serde_yaml::from_str::<Case>(&text) {
        Ok(case) if written(&case).as_deref() == Some(stderr) => {
            fs::write(file, &text).map_err(|e| format!("cannot bless {}: {e}", file.display()))?;
            Ok(text)
        }
        _ => Err(format!(
            "blessing would not round-trip; stderr was:\n{stderr}"
        )),
    }
}

/// The user nobody.
const NOBODY: u32 = 65534;

/// Makes the case's folder nobody's and returns hakusho to be run as nobody: the test binary's own if
/// nobody can run it where it is, else a copy in the case's folder.
fn as_nobody(site: &SiteTest, args: &[&str]) -> std::process::Command {
    use std::os::unix::fs::PermissionsExt;
    use std::os::unix::process::CommandExt;
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_hakusho"));
    // Every folder on the way must be searchable by others, and the binary executable by them.
    let reachable = bin
        .ancestors()
        .all(|p| fs::metadata(p).is_ok_and(|m| m.permissions().mode() & 0o001 != 0));
    let program = if reachable {
        bin
    } else {
        let copy = site.dir.join("hakusho-as-nobody");
        fs::copy(&bin, &copy).unwrap();
        copy
    };
    chown_all(&site.dir);
    let mut cmd = std::process::Command::new(program);
    cmd.args(args)
        .current_dir(&site.dir)
        .env("NO_COLOR", "1")
        .env("HAKUSHO_LANG", "en")
        .uid(NOBODY)
        .gid(NOBODY);
    cmd
}

fn chown_all(path: &Path) {
    std::os::unix::fs::lchown(path, Some(NOBODY), Some(NOBODY)).unwrap();
    if fs::symlink_metadata(path).unwrap().is_dir() {
        for entry in fs::read_dir(path).unwrap() {
            chown_all(&entry.unwrap().path());
        }
    }
}
