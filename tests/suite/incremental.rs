//! `serve` renders again only what an edit affects. Proven, not predicted: random edits to a copy of the
//! bundled report (titles, summaries, text, key figures, order, chapters, taxonomy terms, chart data, the
//! glossary, sources, site.yaml, the theme's strings, styles and templates, a page removed and added, a file broken
//! and mended), and after each one every file `serve` serves is compared with a full build, byte for byte,
//! and so are the warnings (or the errors, when the edit breaks the build).
//!
//! `HAKUSHO_EDITS=200 HAKUSHO_SEED=7 cargo test --test suite incremental` runs more.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use hakusho::diag::Diagnostic;
use hakusho::output::Memory;
use hakusho::pipeline::{self, Scope, SiteOptions};
use hakusho::progress::Silent;
use hakusho::serve::Session;

use crate::harness::SiteTest;

/// A small xorshift generator: the same edits on every run for one seed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every file of `dir` with a name ending in `suffix`, relative to `root`.
fn files_ending(root: &Path, dir: &str, suffix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.join(dir)];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                let rel = path.strip_prefix(root).unwrap().to_string_lossy();
                out.push(rel.replace('\\', "/"));
            }
        }
    }
    out.sort();
    out
}

/// Replaces the `nth` line (counting from 0, wrapping) that starts with `prefix` (after indentation) by
/// what `make` returns for it; returns whether a line was found.
fn edit_line(path: &Path, prefix: &str, nth: usize, make: impl FnOnce(&str) -> String) -> bool {
    let text = fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.split('\n').collect();
    let hits: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with(prefix))
        .collect();
    if hits.is_empty() {
        return false;
    }
    let at = hits[nth % hits.len()];
    let mut lines: Vec<String> = lines.into_iter().map(str::to_string).collect();
    lines[at] = make(&lines[at]);
    fs::write(path, lines.join("\n")).unwrap();
    true
}

/// A YAML line `key: text` with `more` added to the text (inside its quotes, if it has them).
fn add_to_text(line: &str, more: &str) -> String {
    match line.trim_end().chars().last() {
        Some(q @ ('"' | '\'')) => {
            let body = &line.trim_end()[..line.trim_end().len() - 1];
            format!("{body}{more}{q}")
        }
        _ => format!("{line}{more}"),
    }
}

/// One random edit to the site in `dir`; returns the paths changed (as the file watcher would report
/// them) and what it did. `undo` holds files to put back by a later edit.
fn edit(
    rng: &mut Rng,
    dir: &Path,
    n: usize,
    undo: &mut Vec<(PathBuf, Option<Vec<u8>>)>,
) -> (Vec<PathBuf>, String) {
    let content = dir.join("content");
    let docs = files_ending(&content, ".", ".md");
    let data = files_ending(&content, "cases", "data.yaml");
    let at = |rel: &str| content.join(rel);
    if !undo.is_empty() && rng.below(2) == 0 {
        let mut paths = Vec::new();
        // Last change first, so a file changed twice ends as it was.
        for (path, bytes) in undo.drain(..).rev() {
            match bytes {
                Some(b) => {
                    fs::create_dir_all(path.parent().unwrap()).unwrap();
                    fs::write(&path, b).unwrap();
                }
                None => {
                    let _ = fs::remove_file(&path);
                }
            }
            paths.push(path);
        }
        return (paths, "undo".into());
    }
    loop {
        let kind = rng.below(16);
        let (path, what) = match kind {
            0 | 1 => {
                let p = at(rng.pick(&docs).as_str());
                if rng.below(4) == 0 {
                    // A draft: serve shows it under its banner, as `build --drafts` does.
                    edit_line(&p, "title:", 0, |l| format!("draft: true\n{l}"));
                    (p, "draft")
                } else {
                    edit_line(&p, "title:", 0, |l| add_to_text(l, &format!(" {n}")));
                    (p, "title")
                }
            }
            2 => {
                let p = at(rng.pick(&docs).as_str());
                if !edit_line(&p, "summary:", 0, |l| add_to_text(l, &format!(" 追記{n}"))) {
                    continue;
                }
                (p, "summary")
            }
            3 | 4 => {
                let p = at(rng.pick(&docs).as_str());
                let addition = match rng.below(10) {
                    9 => {
                        // A heading's text changes (its anchor stays): `@sec:` references elsewhere
                        // write the new text.
                        if !edit_line(&p, "## ", 0, |l| match l.find(" {#") {
                            Some(at) => format!("{} 改{n}{}", &l[..at], &l[at..]),
                            None => format!("{l} 改{n}"),
                        }) {
                            continue;
                        }
                        String::new()
                    }
                    8 => "\n\n@sec:chapters/overview#collaboration と @sec:cases/kobe#概要。\n"
                        .to_string(),
                    7 => {
                        "\n\n@chap:hubs、@tbl:kanagawa-research-base、@kf:cases/kobe#companies。\n"
                            .to_string()
                    }
                    6 => "\n\n@kf:cases/kawasaki#institutions and @chap:kosen.\n".to_string(),
                    5 => "\n\n[山形県の事例](/regions/yamagata/)\n".to_string(),
                    0 => format!("\n\n追加の段落 {n}。\n"),
                    1 => "\n\n[神戸](/cases/kobe/) と [about](/about/)\n".to_string(),
                    2 => "\n\nSee @fig:kobe-companies.\n".to_string(),
                    3 => "\n\nCOI and JST and KOSEN.\n".to_string(),
                    _ => format!("\n\n## 見出し {n}\n\n本文。\n"),
                };
                let mut text = fs::read_to_string(&p).unwrap();
                text.push_str(&addition);
                fs::write(&p, text).unwrap();
                (p, "body")
            }
            5 => {
                let p = at(rng.pick(&data).as_str());
                let value = rng.below(100_000);
                let k = rng.below(8);
                edit_line(&p, "value:", k, |l| {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    format!("{indent}value: {value}")
                });
                (p, "key figure")
            }
            6 => {
                let p = at(rng.pick(&data).as_str());
                let order = rng.below(5);
                if !edit_line(&p, "order:", 0, |_| format!("order: {order}")) {
                    edit_line(&p, "chapter:", 0, |l| format!("{l}\norder: {order}"));
                }
                (p, "order")
            }
            7 => {
                let p = at(rng.pick(&data).as_str());
                let regions = ["kanagawa", "hyogo", "yamagata", "nationwide"];
                let chosen: Vec<&str> = regions
                    .iter()
                    .copied()
                    .filter(|_| rng.below(2) == 0)
                    .collect();
                edit_line(&p, "regions:", 0, |_| {
                    format!("regions: [{}]", chosen.join(", "))
                });
                (p, "regions")
            }
            8 => {
                let p = at(rng.pick(&data).as_str());
                let k = rng.below(6);
                let numbers: Vec<String> = (0..8).map(|_| rng.below(1000).to_string()).collect();
                edit_line(&p, "values:", k, |l| {
                    let count = l.matches(',').count() + 1;
                    let indent = &l[..l.len() - l.trim_start().len()];
                    format!("{indent}values: [{}]", numbers[..count.min(8)].join(", "))
                });
                (p, "chart values")
            }
            9 => {
                let p = at(rng.pick(&data).as_str());
                let chapter = rng.pick(&["overview", "hubs", "kosen"]);
                edit_line(&p, "chapter:", 0, |_| format!("chapter: {chapter}"));
                (p, "chapter")
            }
            10 => {
                let p = at("glossary.yaml");
                let k = rng.below(20);
                edit_line(&p, "expansion:", k, |l| match l.find("en: \"") {
                    Some(i) => format!("{}{n} {}", &l[..i + 5], &l[i + 5..]),
                    None => l.replacen("en: ", &format!("en: {n} "), 1),
                });
                (p, "glossary")
            }
            11 => {
                let p = at("sources.yaml");
                let k = rng.below(20);
                let year = 2000 + rng.below(26);
                edit_line(&p, "year:", k, |l| {
                    let indent = &l[..l.len() - l.trim_start().len()];
                    format!("{indent}year: {year}")
                });
                (p, "sources")
            }
            12 => {
                let p = at("site.yaml");
                edit_line(&p, "ja:", 0, |l| add_to_text(l, &format!(" {n}")));
                (p, "site.yaml")
            }
            13 => {
                // The theme: a UI string, the style sheet or a template.
                let p = dir.join(*rng.pick(&[
                    "themes/default/strings/ja.yaml",
                    "themes/default/static/style.css",
                    "themes/default/templates/base.html",
                ]));
                let mut text = fs::read_to_string(&p).unwrap();
                if p.extension().is_some_and(|e| e == "css") {
                    text.push_str(&format!("\n/* {n} */\n"));
                } else if p.extension().is_some_and(|e| e == "html") {
                    text = text.replacen("</footer>", &format!("<p>{n}</p></footer>"), 1);
                } else {
                    edit_line(&p, "nav_label:", 0, |l| format!("{l}{n}"));
                    text = fs::read_to_string(&p).unwrap();
                }
                fs::write(&p, text).unwrap();
                (p, "theme")
            }
            14 => {
                // A page folder that breaks the build, or a new page.
                let p = at(rng.pick(&data).as_str());
                undo.push((p.clone(), Some(fs::read(&p).unwrap())));
                let mut text = fs::read_to_string(&p).unwrap();
                text.push_str("\nbroken: [\n");
                fs::write(&p, text).unwrap();
                (p, "broken data.yaml")
            }
            _ => {
                let p = at("about/index.en.md");
                if rng.below(2) == 0 && p.exists() {
                    undo.push((p.clone(), Some(fs::read(&p).unwrap())));
                    fs::remove_file(&p).unwrap();
                    (p, "removed about/index.en.md")
                } else {
                    let p = at(&format!("notes-{n}/index.ja.md"));
                    fs::create_dir_all(p.parent().unwrap()).unwrap();
                    fs::write(
                        &p,
                        format!("---\ntitle: 覚え書き {n}\n---\n\n[神戸](/cases/kobe/)\n"),
                    )
                    .unwrap();
                    undo.push((p.clone(), None));
                    (p, "new page")
                }
            }
        };
        return (vec![path], what.to_string());
    }
}

/// Every file of a build, by site path.
type Files = BTreeMap<String, Vec<u8>>;

/// Every file of a full build in memory and its warnings, or its errors.
/// `pdfs`: with the PDF editions made first, so that pages give their sizes (a build); without, as `serve`
/// renders, which makes each PDF when asked for.
fn full_build(opts: &SiteOptions, pdfs: bool) -> Result<(Files, Vec<Diagnostic>), Vec<Diagnostic>> {
    let sink = Memory::new();
    let prepared = pipeline::prepare(opts)?;
    let scope = Scope {
        costly: pdfs,
        ..Scope::all()
    };
    let rendered = pipeline::render(&prepared, &sink, &scope, &[], &Silent)?;
    Ok((sink.into_files(), rendered.warnings))
}

/// Small cases added to the bundled report, so that a case's related cases are a choice among many (with
/// four cases, each is related to all the others).
fn add_cases(rng: &mut Rng, dir: &Path) {
    let regions = ["kanagawa", "hyogo", "yamagata", "nationwide"];
    let fields = [
        "life-science",
        "medicine",
        "quantum",
        "robotics",
        "ai",
        "space",
    ];
    for i in 0..10 {
        let case = dir.join(format!("content/cases/extra-{i}"));
        fs::create_dir_all(&case).unwrap();
        let region = rng.pick(&regions);
        let (a, b) = (rng.pick(&fields), rng.pick(&fields));
        let chapter = rng.pick(&["overview", "hubs", "kosen"]);
        fs::write(
            case.join("data.yaml"),
            format!(
                "chapter: {chapter}\nregions: [{region}]\nfields: [{a}, {b}]\nsources: [wp2023]\n"
            ),
        )
        .unwrap();
        for (lang, title) in [("ja", "追加事例"), ("en", "Extra case")] {
            fs::write(
                case.join(format!("index.{lang}.md")),
                format!("---\ntitle: {title} {i}\nsummary: {title} {i}\n---\n\nCOI {i}.\n"),
            )
            .unwrap();
        }
    }
}

#[test]
fn serve_after_random_edits_serves_what_a_full_build_writes() {
    let site = SiteTest::bundled();
    let opts = SiteOptions {
        content: site.dir.join("content"),
        base_url: None,
        relative_links: false,
        no_pdf: false,
        drafts: true,
    };
    let mut rng = Rng(env_number("HAKUSHO_SEED", 0x5eed_2026));
    add_cases(&mut rng, &site.dir);
    let mut session = Session::new(opts.clone());
    session.rebuild_all().expect("the bundled report builds");
    let mut undo = Vec::new();
    let (mut partial, mut built) = (0, 0);
    let edits = env_number("HAKUSHO_EDITS", 30) as usize;
    for n in 1..=edits {
        let (paths, what) = edit(&mut rng, &site.dir, n, &mut undo);
        let served = session.apply(&paths);
        let full = full_build(&opts, false);
        match (served, full) {
            (Err(mut served), Err(mut full)) => {
                served.sort();
                full.sort();
                assert_eq!(served, full, "edit {n} ({what}): the errors differ");
            }
            (Ok(rebuilt), Ok((files, warnings))) => {
                built += 1;
                if matches!(rebuilt.what, hakusho::serve::Rebuild::Pages { .. }) {
                    partial += 1;
                }
                assert_eq!(
                    rebuilt.warnings, warnings,
                    "edit {n} ({what}): the warnings differ"
                );
                for (path, bytes) in &files {
                    let got = session.file(path);
                    assert!(
                        got.as_deref() == Some(bytes),
                        "edit {n} ({what}, rebuilt {}): {path} differs from a full build",
                        rebuilt.what
                    );
                }
                let extra: Vec<String> = session
                    .paths()
                    .into_iter()
                    .filter(|p| !files.contains_key(p) && !p.ends_with(".pdf"))
                    .collect();
                assert!(
                    extra.is_empty(),
                    "edit {n} ({what}): serve still has {extra:?}"
                );
            }
            (served, full) => panic!(
                "edit {n} ({what}): serve {} but a full build {}",
                if served.is_ok() { "built" } else { "failed" },
                if full.is_ok() { "built" } else { "failed" },
            ),
        }
    }
    // The PDF editions `serve` makes when asked for are those a build makes.
    if let Ok((files, _)) = full_build(&opts, true) {
        let pdfs: Vec<&String> = files.keys().filter(|p| p.ends_with(".pdf")).collect();
        assert!(!pdfs.is_empty());
        for path in pdfs.iter().step_by(pdfs.len().div_ceil(4).max(1)) {
            assert!(
                session.file(path).as_deref() == Some(&files[*path]),
                "{path} differs from a full build"
            );
        }
    }
    // Most edits that build must have taken the incremental way, or this test proves little.
    assert!(
        partial * 2 >= built && built * 3 >= edits,
        "{partial} of {built} edits that built were incremental ({edits} edits)"
    );
}
