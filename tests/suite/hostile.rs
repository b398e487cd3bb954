//! Broken and hostile input. Every case builds the minimal site once (the "previous output"), breaks it,
//! builds again under a time limit and asserts: the documented exit code, an error naming the file and
//! position and saying what to do, no panic, the previous output byte-identical, nothing written outside
//! the destination (a sentinel folder beside it stays as it was), no staging folder left behind.

use std::collections::BTreeMap;
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::{Run, SiteTest};

/// Per case, including a debug build's slowness.
const TIME_LIMIT: Duration = Duration::from_secs(8);

/// What a case must end in.
enum Expect {
    /// Exit 1 with every one of these texts in stderr.
    Fails(&'static [&'static str]),
    /// A documented, safe success; the check runs on the new output.
    Builds(fn(&SiteTest)),
}

fn run_with_limit(site: &SiteTest, args: &[&str]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hakusho"))
        .args(args)
        .current_dir(&site.dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            let mut stdout = String::new();
            let mut stderr = String::new();
            child
                .stdout
                .take()
                .unwrap()
                .read_to_string(&mut stdout)
                .unwrap();
            child
                .stderr
                .take()
                .unwrap()
                .read_to_string(&mut stderr)
                .unwrap();
            return Run {
                code: status.code().unwrap_or(-1),
                stdout,
                stderr,
            };
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            panic!("hakusho {args:?} took longer than {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn leftovers(site: &SiteTest) -> Vec<String> {
    std::fs::read_dir(&site.dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains("hakusho-tmp"))
        .collect()
}

/// Runs one case on a fresh copy of the minimal site.
fn case(name: &str, setup: impl FnOnce(&SiteTest), expect: Expect) {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    site.write("sentinel/keep.txt", "untouched");
    let before: BTreeMap<String, Vec<u8>> = site.tree("output");
    let sentinel = site.tree("sentinel");
    setup(&site);
    let run = run_with_limit(&site, &["build"]);
    assert!(
        !run.stderr.contains("panicked"),
        "{name}: panic\n{}",
        run.stderr
    );
    match expect {
        Expect::Fails(texts) => {
            assert_eq!(
                run.code, 1,
                "{name}: should fail\nstdout: {}\nstderr: {}",
                run.stdout, run.stderr
            );
            for text in texts {
                assert!(
                    run.stderr.contains(text),
                    "{name}: stderr lacks {text:?}\n{}",
                    run.stderr
                );
            }
            assert_eq!(
                before,
                site.tree("output"),
                "{name}: previous output changed"
            );
        }
        Expect::Builds(check) => {
            assert_eq!(run.code, 0, "{name}: should build\n{}", run.stderr);
            check(&site);
        }
    }
    assert_eq!(
        sentinel,
        site.tree("sentinel"),
        "{name}: wrote outside the destination"
    );
    assert!(
        leftovers(&site).is_empty(),
        "{name}: staging folder left: {:?}",
        leftovers(&site)
    );
}

fn front(site: &SiteTest, text: &str) {
    site.write("content/about/index.en.md", text);
}

fn data(site: &SiteTest, from: &str, to: &str) {
    let path = site.dir.join("content/cases/alpha/data.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "fixture has {from}");
    site.write("content/cases/alpha/data.yaml", text.replace(from, to));
}

fn alias_bomb(key: &str) -> String {
    let mut s = format!(
        "{key}: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
    );
    let mut prev = "a".to_string();
    for i in 1..=9 {
        s.push_str(&format!(
            "k{i}: &b{i} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
        prev = format!("b{i}");
    }
    s
}

fn nothing(_: &SiteTest) {}

/// No page, feed, sitemap, script or SVG of the output contains a payload unescaped. (The CSV downloads
/// hold the labels as plain data, which no browser runs.)
fn inert(site: &SiteTest) {
    for (path, bytes) in site
        .tree("output")
        .into_iter()
        .filter(|(p, _)| !p.ends_with(".csv"))
    {
        let text = String::from_utf8_lossy(&bytes);
        for bad in ["<script>alert", "<img src=x", "\" onmouseover=\""] {
            assert!(!text.contains(bad), "{path} contains {bad}");
        }
    }
}

#[test]
fn yaml_and_front_matter() {
    let p = "content/about/index.en.md";
    case(
        "syntax error",
        |s| front(s, "---\ntitle: About\nsummary: x\n  date: 2025\n---\n"),
        Expect::Fails(&[
            "content/about/index.en.md:4:7: error: mapping values are not allowed in this context",
            "help:",
        ]),
    );
    case(
        "tab indentation",
        |s| {
            site_file(
                s,
                "content/taxonomies.yaml",
                "regions:\n\thyogo: {ja: 兵庫県, en: Hyogo}\n",
            )
        },
        Expect::Fails(&[
            "content/taxonomies.yaml:2:1: error:",
            "help: this line is indented with a tab; YAML needs spaces for indentation",
        ]),
    );
    case(
        "duplicate key",
        |s| front(s, "---\ntitle: A\nsummary: x\ntitle: B\n---\n"),
        Expect::Fails(&["content/about/index.en.md:4:1: error: the key `title` is given twice"]),
    );
    case(
        "misspelled key",
        |s| front(s, "---\ntitle: A\nsumary: x\n---\n"),
        Expect::Fails(&[
            "content/about/index.en.md:3:1: error: unknown field `sumary`",
            "help: did you mean `summary`?",
        ]),
    );
    case(
        "wrong type",
        |s| front(s, "---\ntitle: {ja: x}\n---\n"),
        Expect::Fails(&[
            "content/about/index.en.md:2:8: error: `title`: wrong type: found map, expected a string",
        ]),
    );
    case(
        "yaml 1.1 no and 1.10 stay text",
        |s| front(s, "---\ntitle: no\nsummary: 1.10\n---\n"),
        Expect::Builds(|s| {
            let html = s.output("en/about/index.html");
            assert!(html.contains("<h1>no</h1>") && html.contains("<p class=\"lead\">1.10</p>"));
        }),
    );
    case(
        "impossible date",
        |s| front(s, "---\ntitle: A\ndate: 2023-02-29\n---\n"),
        Expect::Fails(&[
            "content/about/index.en.md:3:7: error: `date`: `2023-02-29` is not a real date: month 2 of 2023 has 28 days",
        ]),
    );
    case(
        "empty file",
        |s| front(s, ""),
        Expect::Fails(&["content/about/index.en.md:1:1: error: the file has no front matter"]),
    );
    case(
        "empty front matter",
        |s| front(s, "---\n---\ntext\n"),
        Expect::Fails(&["content/about/index.en.md:2:1: error: the front matter is empty"]),
    );
    case(
        "no front matter",
        |s| front(s, "# About\n"),
        Expect::Fails(&[
            "content/about/index.en.md:1:1: error: the file has no front matter",
            "help: start the file with a line `---`",
        ]),
    );
    case(
        "invalid utf-8",
        |s| {
            s.write(p, b"---\ntitle: \xff\xfe\n---\n");
        },
        Expect::Fails(&[
            "content/about/index.en.md:2:8: error: the file is not valid UTF-8 (byte 0xFF)",
            "help: save the file as UTF-8",
        ]),
    );
    case(
        "shift_jis",
        |s| {
            s.write(p, b"---\ntitle: \x93\xfa\x96\x7b\x8c\xea\n---\n");
        },
        Expect::Fails(&[
            "content/about/index.en.md:2:8: error: the file is not valid UTF-8 (byte 0x93)",
            "the file looks like Shift_JIS",
        ]),
    );
    case(
        "alias bomb in front matter",
        |s| front(s, &format!("---\ntitle: A\n{}---\n", alias_bomb("x0"))),
        Expect::Fails(&["content/about/index.en.md:3:1: error: unknown field `x0`"]),
    );
    case(
        "alias bomb as a value",
        |s| {
            front(
                s,
                &format!(
                    "---\n{}title: *b9\n---\n",
                    alias_bomb("summary").replace("k", "z")
                ),
            )
        },
        Expect::Fails(&["content/about/index.en.md:"]),
    );
    case(
        "alias bomb in data.yaml",
        |s| {
            data(
                s,
                "key_figures:",
                &format!("{}key_figures:", alias_bomb("x0")),
            )
        },
        Expect::Fails(&["content/cases/alpha/data.yaml:", "error:"]),
    );
    case(
        "deep nesting in front matter",
        |s| {
            front(
                s,
                &format!(
                    "---\ntitle: A\nsummary: {}{}\n---\n",
                    "[".repeat(20000),
                    "]".repeat(20000)
                ),
            )
        },
        Expect::Fails(&["content/about/index.en.md:3:10: error:"]),
    );
    case(
        "deep nesting in data.yaml",
        |s| {
            data(
                s,
                "sources: [doc1]",
                &format!(
                    "sources: [doc1]\nlocation: {}{}",
                    "{a: ".repeat(5000),
                    "}".repeat(5000)
                ),
            )
        },
        Expect::Fails(&["content/cases/alpha/data.yaml:"]),
    );
}

fn site_file(site: &SiteTest, rel: &str, text: &str) {
    site.write(rel, text);
}

fn custom_theme(site: &SiteTest, template: &str) {
    let config = std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", config + "theme: custom\n");
    site.write("themes/custom/templates/page.html", template);
}

#[test]
fn templates() {
    case(
        "unclosed tag",
        |s| {
            custom_theme(
                s,
                "{% extends \"base.html\" %}{% block main %}{% if page.title %}x{% endblock main %}",
            )
        },
        Expect::Fails(&["themes/custom/templates/page.html:1:", "error:"]),
    );
    case(
        "undefined variable",
        |s| {
            custom_theme(
                s,
                "{% extends \"base.html\" %}\n{% block main %}{{ nothing.here }}{% endblock main %}",
            )
        },
        Expect::Fails(&[
            "themes/custom/templates/page.html:2:",
            "(while rendering /ja/about/)",
        ]),
    );
    case(
        "missing template",
        |s| {
            custom_theme(
                s,
                "{% extends \"base.html\" %}{% block main %}{% include \"nope.html\" %}{% endblock main %}",
            )
        },
        Expect::Fails(&[
            "themes/custom/templates/page.html:1:",
            "nope.html",
            "help: add the template to the theme's templates/ folder, or correct its name",
        ]),
    );
    case(
        "missing parent",
        |s| custom_theme(s, "{% extends \"nope.html\" %}"),
        Expect::Fails(&[
            "themes/custom/templates/page.html: error: extends `nope.html`, which does not exist",
        ]),
    );
    case(
        "recursive component",
        |s| {
            custom_theme(
                s,
                "{% component rec(n) %}{{<rec n={n}/>}}{% endcomponent rec %}{% extends \"base.html\" %}{% block main %}{{<rec n={1}/>}}{% endblock main %}",
            )
        },
        Expect::Fails(&[
            "themes/custom/templates/page.html: error: Maximum render recursion depth",
            "help: a component or include calls itself",
        ]),
    );
    case(
        "include loop",
        |s| {
            custom_theme(
                s,
                "{% extends \"base.html\" %}{% block main %}{% include \"page.html\" %}{% endblock main %}",
            )
        },
        Expect::Fails(&[
            "themes/custom/templates/page.html: error: the templates include each other in a loop",
        ]),
    );
}

#[test]
fn escaping_everywhere() {
    const TITLE: &str = "'</title><script>alert(1)</script>\" onmouseover=\"alert(2)'";
    case(
        "script in title and summary",
        |s| front(s, &format!("---\ntitle: {TITLE}\nsummary: {TITLE}\n---\n")),
        Expect::Builds(inert),
    );
    case(
        "script in chart labels",
        |s| {
            data(
                s,
                "categories: [2018, 2023]",
                "categories: ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>']",
            )
        },
        Expect::Builds(inert),
    );
    case(
        "script in glossary",
        |s| {
            site_file(
                s,
                "content/glossary.yaml",
                "- id: coi\n  term: COI\n  expansion: {ja: '<script>alert(1)</script>', en: '\" onmouseover=\"alert(2)'}\n  definition: {ja: '<img src=x onerror=alert(1)>', en: x}\n",
            )
        },
        Expect::Builds(inert),
    );
    case(
        "script in taxonomy names",
        |s| {
            site_file(
                s,
                "content/taxonomies.yaml",
                "regions:\n  hyogo: {ja: '<script>alert(1)</script>', en: '\" onmouseover=\"alert(2)'}\nfields:\n  medicine: {ja: 医療, en: Medicine}\nprogrammes:\n  coi: {ja: x, en: y}\n",
            )
        },
        Expect::Builds(inert),
    );
    case(
        "script in site title",
        |s| {
            let config = std::fs::read_to_string(s.dir.join("content/site.yaml")).unwrap();
            s.write("content/site.yaml", config.replace("title: {ja: 試験報告書, en: Test Report}", "title: {ja: '</title><script>alert(1)</script>', en: '\" onmouseover=\"alert(2)'}"));
        },
        Expect::Builds(inert),
    );
    case(
        "javascript: link",
        |s| front(s, "---\ntitle: A\n---\n[x](javascript:alert(1))\n"),
        Expect::Fails(&[
            "content/about/index.en.md:4:1: error: links with the scheme `javascript:` are not allowed",
        ]),
    );
    case(
        "obfuscated javascript: link",
        |s| front(s, "---\ntitle: A\n---\n[x](JaVa&#x09;ScRiPt:alert(1))\n"),
        Expect::Fails(&[
            "content/about/index.en.md:4:1: error: links with the scheme `javascript:` are not allowed",
        ]),
    );
    case(
        "percent-encoded scheme",
        |s| front(s, "---\ntitle: A\n---\n[x](javascript%3Aalert(1))\n"),
        Expect::Fails(&[
            "content/about/index.en.md:4:1: error: links with the scheme `javascript:` are not allowed",
        ]),
    );
    case(
        "data: image",
        |s| {
            front(
                s,
                "---\ntitle: A\n---\n![x](data:image/png;base64,iVBORw0KGgo=)\n",
            )
        },
        Expect::Fails(&[
            "content/about/index.en.md:4:1: error: links with the scheme `data:` are not allowed",
        ]),
    );
    case(
        "raw script",
        |s| front(s, "---\ntitle: A\n---\n<script>alert(1)</script>\n"),
        Expect::Fails(&[
            "content/about/index.en.md:4:1: error: raw HTML is not allowed: `<script>`",
        ]),
    );
    case(
        "event handler in raw html",
        |s| {
            front(
                s,
                "---\ntitle: A\n---\ntext <b onclick=\"alert(1)\">x</b>\n",
            )
        },
        Expect::Fails(&[
            "content/about/index.en.md:4:6: error: raw HTML is not allowed: `<b onclick=\"alert(1)\">`",
        ]),
    );
    case(
        "javascript: source url",
        |s| {
            site_file(
                s,
                "content/sources.yaml",
                "doc1:\n  title: {ja: a, en: b}\n  issuer: {ja: a, en: b}\n  year: 2023\n  url: javascript:alert(1)\n",
            )
        },
        Expect::Fails(&[
            "content/sources.yaml:5:8: error: `javascript:alert(1)` is not a web address",
        ]),
    );
    case(
        "javascript: base_url",
        |s| {
            let config = std::fs::read_to_string(s.dir.join("content/site.yaml")).unwrap();
            s.write(
                "content/site.yaml",
                config.replace(
                    "base_url: https://example.org/",
                    "base_url: javascript://alert(1)/",
                ),
            );
        },
        Expect::Fails(&[
            "content/site.yaml:3:11: error: `javascript://alert(1)/` must start with https:// or http://",
        ]),
    );
}

#[test]
fn paths() {
    case(
        "dot-dot link",
        |s| front(s, "---\ntitle: A\n---\n[x](../../../etc/passwd)\n"),
        Expect::Fails(&[
            "content/about/index.en.md:4:1: error: broken link `../../../etc/passwd`: it leads above the top of the report",
        ]),
    );
    case(
        "absolute link outside the report",
        |s| front(s, "---\ntitle: A\n---\n[x](/etc/passwd)\n"),
        Expect::Fails(&["content/about/index.en.md:4:1: error: broken link `/etc/passwd`"]),
    );
    case(
        "encoded dot-dot link",
        |s| front(s, "---\ntitle: A\n---\n[x](%2e%2e/%2e%2e/etc)\n"),
        Expect::Fails(&["content/about/index.en.md:4:1: error: broken link `%2e%2e/%2e%2e/etc`"]),
    );
    case(
        "backslash link",
        |s| front(s, "---\ntitle: A\n---\n[x](..\\..\\etc)\n"),
        Expect::Fails(&["content/about/index.en.md:4:1: error: broken link"]),
    );
    case(
        "space in folder",
        |s| {
            s.write(
                "content/cases/a b/index.ja.md",
                "---\ntitle: x\nsummary: y\n---\n",
            );
        },
        Expect::Fails(&[
            "content/cases/a b: error: the folder name `a b` cannot be used in an address: ` ` is not allowed",
        ]),
    );
    case(
        "names differing only in case",
        |s| {
            s.write(
                "content/cases/Alpha/index.ja.md",
                "---\ntitle: x\nsummary: y\n---\n",
            );
        },
        Expect::Fails(&[
            "content/cases/Alpha: error: the folder name `Alpha` cannot be used in an address: upper-case letters are not allowed",
            "use `alpha`",
        ]),
    );
    case(
        "names differing only in normalization",
        |s| {
            s.write(
                "content/cases/か\u{3099}/index.ja.md",
                "---\ntitle: x\nsummary: y\n---\n",
            );
        },
        Expect::Fails(&["error: the folder name", "cannot be used in an address"]),
    );
    case(
        "names differing only in width",
        |s| {
            s.write(
                "content/cases/ａｌｐｈａ/index.ja.md",
                "---\ntitle: x\nsummary: y\n---\n",
            );
            s.write(
                "content/cases/ａｌｐｈａ/data.yaml",
                "chapter: one\nsources: [doc1]\n",
            );
        },
        Expect::Fails(&[
            "content/cases/ａｌｐｈａ/index.ja.md: error: the folder content/cases/ａｌｐｈａ looks the same as content/cases/alpha",
        ]),
    );
    case(
        "very long japanese slug",
        |s| {
            s.write(
                &format!("content/cases/{}/index.ja.md", "神".repeat(81)),
                "---\ntitle: x\nsummary: y\n---\n",
            );
        },
        Expect::Fails(&[
            "error: the folder name",
            "the name is too long (at most 80 characters)",
        ]),
    );
    case(
        "asset named like the page",
        |s| {
            s.write("content/about/index.html", "<script>alert(1)</script>");
        },
        Expect::Fails(&[
            "content/about/index.html: error: the file name `index.html` cannot be used in an address: `index.html` is the page itself",
        ]),
    );
    case(
        "asset named like a chart download",
        |s| {
            s.write("content/cases/alpha/alpha-growth.csv", "x");
        },
        Expect::Fails(&[
            "content/cases/alpha/alpha-growth.csv: error: this file has the name of the CSV download of chart `alpha-growth`",
        ]),
    );
    case(
        "editor debris is ignored",
        |s| {
            for name in [
                ".#index.ja.md",
                "index.ja.md~",
                ".DS_Store",
                ".index.ja.md.swp",
                "#index.en.md#",
            ] {
                s.write(
                    &format!("content/about/{name}"),
                    "---\ntitel: broken\n---\n",
                );
            }
        },
        Expect::Builds(|s| {
            assert!(
                s.tree("output")
                    .keys()
                    .all(|k| !k.contains('~') && !k.contains(".swp") && !k.contains("DS_Store"))
            );
        }),
    );
}

#[test]
fn destinations() {
    let site = SiteTest::fixture("minimal");
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    for (dest, why) in [
        ("/", "it is the root of the file system"),
        (home.as_str(), "it is your home folder"),
        (".", "it is the project folder"),
        ("content", "it is inside content/"),
        ("themes", "it is inside themes/"),
    ] {
        let run = run_with_limit(&site, &["build", "--output", dest]);
        assert_eq!(run.code, 1, "{dest}");
        assert!(
            run.stderr.contains(&format!(
                "error: refusing to use {dest} as the output folder: {why}"
            )),
            "{}",
            run.stderr
        );
    }
    assert!(site.dir.join(".git/HEAD").exists());
    // A folder holding .git anywhere.
    site.write("repo/.git/HEAD", "x");
    let run = run_with_limit(&site, &["build", "--output", "repo"]);
    assert!(
        run.stderr.contains("it holds a .git folder"),
        "{}",
        run.stderr
    );
    // A folder hakusho did not make.
    site.write("public/index.html", "mine");
    let run = run_with_limit(&site, &["build", "--output", "public"]);
    assert!(
        run.stderr
            .contains("refusing to replace public: it is not empty and was not made by hakusho")
    );
    assert_eq!(
        std::fs::read_to_string(site.dir.join("public/index.html")).unwrap(),
        "mine"
    );
    // A destination that is a symlink.
    std::fs::create_dir_all(site.dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(site.dir.join("elsewhere"), site.dir.join("linked")).unwrap();
    let run = run_with_limit(&site, &["build", "--output", "linked"]);
    assert!(
        run.stderr
            .contains("error: refusing to use linked as the output folder: it is a symlink"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_dir(site.dir.join("elsewhere"))
            .unwrap()
            .count(),
        0
    );
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false)
}

#[test]
fn read_only_destination() {
    use std::os::unix::fs::PermissionsExt;
    let site = SiteTest::fixture("minimal");
    // Permission bits do not stop root, so root writes into sysfs, which refuses everyone.
    let dest = if is_root() {
        "/sys/hakusho-test-output".to_string()
    } else {
        std::fs::create_dir_all(site.dir.join("ro")).unwrap();
        std::fs::set_permissions(site.dir.join("ro"), std::fs::Permissions::from_mode(0o555))
            .unwrap();
        "ro/out".to_string()
    };
    let run = run_with_limit(&site, &["build", "--output", &dest]);
    if !is_root() {
        std::fs::set_permissions(site.dir.join("ro"), std::fs::Permissions::from_mode(0o755))
            .unwrap();
    }
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.starts_with("error: cannot write "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.ends_with(&format!(
            "build failed: 1 error; {dest} was left unchanged\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn an_interrupted_build_leaves_the_old_output_and_no_staging_folder() {
    let site = SiteTest::fixture("minimal");
    for i in 0..1500 {
        site.write(
            &format!("content/cases/c{i:04}/index.ja.md"),
            format!(
                "---\ntitle: 事例{i}\nsummary: 要約。\n---\n## 概要\n\n{}\n",
                "本文である。".repeat(200)
            ),
        );
        site.write(
            &format!("content/cases/c{i:04}/data.yaml"),
            "chapter: one\nsources: [doc1]\n",
        );
    }
    site.build_ok(&[]);
    let before = site.tree("output");
    let mut child = Command::new(env!("CARGO_BIN_EXE_hakusho"))
        .arg("build")
        .current_dir(&site.dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while leftovers(&site).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build finished before it could be interrupted"
        );
        assert!(started.elapsed() < TIME_LIMIT);
        std::thread::sleep(Duration::from_millis(2));
    }
    Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130));
    assert!(leftovers(&site).is_empty(), "{:?}", leftovers(&site));
    assert_eq!(before, site.tree("output"));
}

#[test]
fn files() {
    case(
        "symlink out of content",
        |s| {
            s.write("secret.txt", "secret");
            std::os::unix::fs::symlink(
                s.dir.join("secret.txt"),
                s.dir.join("content/about/leak.txt"),
            )
            .unwrap();
        },
        Expect::Fails(&[
            "content/about/leak.txt: error: this symlink points outside the content folder; hakusho does not read it",
        ]),
    );
    case(
        "symlink loop",
        |s| {
            std::os::unix::fs::symlink(
                s.dir.join("content/about/b"),
                s.dir.join("content/about/a"),
            )
            .unwrap();
            std::os::unix::fs::symlink(
                s.dir.join("content/about/a"),
                s.dir.join("content/about/b"),
            )
            .unwrap();
        },
        Expect::Fails(&[
            "content/about/a: error: this symlink cannot be followed",
            "help: remove the broken or looping link",
        ]),
    );
    if !is_root() {
        case(
            "unreadable file",
            |s| {
                use std::os::unix::fs::PermissionsExt;
                std::fs::set_permissions(
                    s.dir.join("content/about/index.en.md"),
                    std::fs::Permissions::from_mode(0o000),
                )
                .unwrap();
            },
            Expect::Fails(&[
                "content/about/index.en.md: error: the file cannot be read: permission denied",
            ]),
        );
    }
    case(
        "huge markdown file",
        |s| {
            front(
                s,
                &format!("---\ntitle: A\n---\n{}", "あ".repeat(2_000_000)),
            )
        },
        Expect::Fails(&[
            "content/about/index.en.md: error: the file is larger than 4 MiB, the most hakusho reads as text",
        ]),
    );
    case(
        "huge binary next to a page",
        |s| {
            s.write("content/about/big.bin", vec![0u8; 30 * 1024 * 1024]);
        },
        Expect::Builds(|s| {
            assert_eq!(
                std::fs::metadata(s.dir.join("output/en/about/big.bin"))
                    .unwrap()
                    .len(),
                30 * 1024 * 1024
            )
        }),
    );
    case(
        "binary named like a page",
        |s| {
            s.write(
                "content/about/index.en.md",
                b"---\ntitle: \0\x01\x02\n---\n",
            );
        },
        Expect::Fails(&[
            "content/about/index.en.md:2:8: error: the file contains a NUL character; it is not a text file",
        ]),
    );
}

#[test]
fn chart_data() {
    let svg_ok = |s: &SiteTest| {
        let html = s.output("ja/cases/alpha/index.html");
        let start = html.find("<svg").unwrap();
        let end = html[start..].find("</svg>").unwrap() + start + 6;
        roxmltree::Document::parse(&html[start..end]).expect("chart SVG is XML");
    };
    case(
        "no categories",
        |s| data(s, "categories: [2018, 2023]", "categories: []"),
        Expect::Fails(&[
            "content/cases/alpha/data.yaml:21:17: error: chart `alpha-growth` has no categories",
        ]),
    );
    case(
        "no series",
        |s| {
            data(
                s,
                "    series:\n      - name: {ja: 企業数, en: Companies}\n        values: [350, 362]\n",
                "    series: []\n",
            )
        },
        Expect::Fails(&[
            "content/cases/alpha/data.yaml:22:13: error: chart `alpha-growth` has no series",
        ]),
    );
    case(
        "single point",
        |s| {
            data(s, "categories: [2018, 2023]", "categories: [2018]");
            data(s, "values: [350, 362]", "values: [350]");
        },
        Expect::Builds(svg_ok),
    );
    case(
        "all equal",
        |s| data(s, "values: [350, 362]", "values: [5, 5]"),
        Expect::Builds(svg_ok),
    );
    case(
        "all zero",
        |s| data(s, "values: [350, 362]", "values: [0, 0]"),
        Expect::Builds(svg_ok),
    );
    case(
        "negative",
        |s| data(s, "values: [350, 362]", "values: [-3, 2]"),
        Expect::Builds(svg_ok),
    );
    case(
        "NaN",
        |s| data(s, "values: [350, 362]", "values: [350, .nan]"),
        Expect::Fails(&[
            "content/cases/alpha/data.yaml:24:23: error: value 2 of series 1 in chart `alpha-growth` is not a finite number",
        ]),
    );
    case(
        "infinity",
        |s| data(s, "values: [350, 362]", "values: [.inf, 1]"),
        Expect::Fails(&[
            "content/cases/alpha/data.yaml:24:18: error: value 1 of series 1 in chart `alpha-growth` is not a finite number",
        ]),
    );
    case(
        "thousands separators",
        |s| data(s, "values: [350, 362]", "values: [\"1,234\", 362]"),
        Expect::Fails(&[
            "content/cases/alpha/data.yaml:24:18: error: `charts[0].series[0].values[0]`: wrong type: found string \"1,234\", expected a number",
            "help: write numbers plainly",
        ]),
    );
    case(
        "full-width digits",
        |s| data(s, "values: [350, 362]", "values: [３５０, 362]"),
        Expect::Fails(&[
            "content/cases/alpha/data.yaml:24:18: error: `charts[0].series[0].values[0]`: wrong type: found string \"３５０\", expected a number",
            "help: write numbers plainly",
        ]),
    );
    case(
        "a million points",
        |s| {
            let cats: Vec<String> = (0..1_000_000).map(|i| i.to_string()).collect();
            data(
                s,
                "categories: [2018, 2023]",
                &format!("categories: [{}]", cats.join(",")),
            );
        },
        Expect::Fails(&["content/cases/alpha/data.yaml:"]),
    );
}

#[test]
fn pathological_markdown() {
    let body = |s: &SiteTest, text: String| front(s, &format!("---\ntitle: A\n---\n{text}\n"));
    case(
        "200,000 [",
        |s| body(s, "[".repeat(200_000)),
        Expect::Builds(nothing),
    );
    case(
        "50,000 <!--",
        |s| body(s, "<!--".repeat(50_000)),
        Expect::Builds(nothing),
    );
    case(
        "nested emphasis",
        |s| {
            body(
                s,
                format!("{}a{}", "*_".repeat(20_000), "_*".repeat(20_000)),
            )
        },
        Expect::Builds(nothing),
    );
    case(
        "emphasis runs",
        |s| body(s, "*a **b ".repeat(20_000)),
        Expect::Builds(nothing),
    );
    case(
        "deep block quotes",
        |s| body(s, format!("{}x", "> ".repeat(10_000))),
        Expect::Builds(nothing),
    );
    case(
        "deep lists",
        |s| {
            body(
                s,
                (0..2_000)
                    .map(|i| format!("{}- x\n", "  ".repeat(i)))
                    .collect(),
            )
        },
        Expect::Builds(nothing),
    );
    case(
        "many links on one line",
        |s| body(s, "[x](/cases/alpha/)".repeat(50_000)),
        Expect::Builds(nothing),
    );
    case(
        "many backticks",
        |s| body(s, "`a".repeat(100_000)),
        Expect::Builds(nothing),
    );
}
