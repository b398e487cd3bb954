//! The text a translation was made from, found again in the project's git history: the newest commit whose
//! copy of the source file has the version the translation records (`translated_from: ja@…`). hakusho keeps
//! no copies of its own; without git, or for a version never committed, there is nothing to compare with.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::load::parse_document_text;
use crate::model::page::Document;

/// How many commits of a file are looked through, newest first.
const MAX_COMMITS: usize = 300;

/// A past version of a file, from git.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The commit (abbreviated), its date (YYYY-MM-DD) and subject.
    pub commit: String,
    pub date: String,
    pub subject: String,
    /// The file's text at that commit.
    pub text: String,
}

/// Why no past version was found.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum NotFound {
    /// `git` cannot be run, or the project is not in a git repository.
    NoGit,
    /// The file's history has no commit with that version (it was never committed as translated from).
    NotInHistory {
        /// Commits looked through.
        looked: usize,
    },
}

/// The newest commit of `file` (a path under `root`) whose text has `version`.
pub(crate) fn find_version(root: &Path, file: &Path, version: &str) -> Result<Found, NotFound> {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let rel = format!("./{}", rel.to_string_lossy());
    let log = git(
        root,
        &[
            "log",
            "--format=%h%x09%ad%x09%s",
            "--date=short",
            &format!("--max-count={MAX_COMMITS}"),
            "--",
            &rel,
        ],
    )
    .ok_or(NotFound::NoGit)?;
    let mut looked = 0;
    for line in log.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(commit), Some(date), Some(subject)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        looked += 1;
        let Some(text) = git(root, &["show", &format!("{commit}:{rel}")]) else {
            continue;
        };
        if version_of(file, &text).as_deref() == Some(version) {
            return Ok(Found {
                commit: commit.to_string(),
                date: date.to_string(),
                subject: subject.to_string(),
                text,
            });
        }
    }
    Err(NotFound::NotInHistory { looked })
}

/// The version of a page file's text, if it can be read as one.
fn version_of(file: &Path, text: &str) -> Option<String> {
    parse_document_text(file, text)
        .ok()
        .map(|d: Document| d.version())
}

/// Runs git in `root` and returns its output, or `None` if it cannot be run or fails.
fn git(root: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["-c", "core.quotepath=off"])
        .args(args)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    String::from_utf8(out.stdout).ok()
}

/// The text the version of a document is made of (title, summary, body), as lines to compare.
pub(crate) fn compared_text(doc: &Document) -> String {
    let mut text = String::new();
    text.push_str(doc.title.trim());
    text.push('\n');
    if let Some(summary) = &doc.summary {
        text.push_str(summary.trim());
        text.push('\n');
    }
    text.push('\n');
    for line in doc.body.trim().lines() {
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// The compared text of a page file's text, if it can be read.
pub(crate) fn compared_text_of(file: &Path, text: &str) -> Option<String> {
    parse_document_text(file, text)
        .ok()
        .map(|d| compared_text(&d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn run(dir: &Path, args: &[&str]) {
        let ok = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .env("GIT_AUTHOR_NAME", "t")
            .env("GIT_AUTHOR_EMAIL", "t@example.org")
            .env("GIT_COMMITTER_NAME", "t")
            .env("GIT_COMMITTER_EMAIL", "t@example.org")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .unwrap()
            .success();
        assert!(ok, "git {args:?}");
    }

    fn version(text: &str) -> String {
        parse_document_text(Path::new("index.ja.md"), text)
            .unwrap()
            .version()
    }

    #[test]
    fn finds_the_commit_with_the_recorded_version() {
        if Command::new("git").arg("--version").output().is_err() {
            return; // No git on this machine: the workbench says so, nothing to test.
        }
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let file = root.join("content/cases/a/index.ja.md");
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        run(root, &["init", "-q"]);
        let first = "---\ntitle: 題\nsummary: 要約\n---\n最初の本文。\n";
        fs::write(&file, first).unwrap();
        run(root, &["add", "."]);
        run(root, &["commit", "-q", "-m", "first"]);
        let second = "---\ntitle: 題\nsummary: 要約\n---\n二番目の本文。\n";
        fs::write(&file, second).unwrap();
        run(root, &["commit", "-q", "-am", "second"]);
        fs::write(&file, "---\ntitle: 題\nsummary: 要約\n---\n未コミット。\n").unwrap();

        let found = find_version(root, &file, &version(first)).unwrap();
        assert_eq!(
            (found.subject.as_str(), found.text.as_str()),
            ("first", first)
        );
        let found = find_version(root, &file, &version(second)).unwrap();
        assert_eq!(found.subject, "second");
        assert_eq!(
            find_version(root, &file, "00000000"),
            Err(NotFound::NotInHistory { looked: 2 })
        );
        let elsewhere = tempfile::tempdir().unwrap();
        assert_eq!(
            find_version(elsewhere.path(), &elsewhere.path().join("x.md"), "00000000"),
            Err(NotFound::NoGit)
        );
    }
}
