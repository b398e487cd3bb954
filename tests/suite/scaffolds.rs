//! The commands that write content: `hakusho new case|chapter|page` and `hakusho translated`.

use crate::harness::SiteTest;

fn check(site: &SiteTest) -> (i32, String) {
    let run = site.run(&["check"]);
    assert_eq!(run.stderr, "");
    (run.code, run.stdout)
}

#[test]
fn new_case_builds_at_once_and_check_reports_each_placeholder() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["new", "case", "sendai"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "created content/cases/sendai/index.ja.md\ncreated content/cases/sendai/index.en.md\ncreated content/cases/sendai/data.yaml\nnext: write the case in both files, fill data.yaml, then run `hakusho check`\n"
    );
    let data = std::fs::read_to_string(site.dir.join("content/cases/sendai/data.yaml")).unwrap();
    for field in [
        "chapter:",
        "order:",
        "regions:",
        "fields:",
        "programmes:",
        "location:",
        "sources:",
        "key_figures:",
        "qualifier:",
        "scale:",
        "as_of:",
        "timeline:",
        "charts:",
        "kind:",
        "categories:",
        "series:",
        "value_title:",
        "category_title:",
        "note:",
    ] {
        assert!(data.contains(field), "data.yaml shows {field}");
    }
    assert!(data.contains("sources: [doc1]"), "{data}");
    site.build_ok(&[]);
    assert!(site.has_output("en/cases/sendai/index.html"));
    let (code, out) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "content/cases/sendai/data.yaml\n   1. 4:33: warning: 2 TODO placeholders are left in this file (lines 4, 10)\n      help: replace each with the real text or value and delete its TODO before publishing\n\
content/cases/sendai/index.en.md\n   2. 2:8: warning: 4 TODO placeholders are left in this file (lines 2, 3, 4, 9)\n      help: replace each with the real text or value and delete its TODO before publishing\n\
content/cases/sendai/index.ja.md\n   3. 2:8: warning: 4 TODO placeholders are left in this file (lines 2, 3, 4, 8)\n      help: replace each with the real text or value and delete its TODO before publishing\n\n\
3 problems (0 errors, 3 warnings) in 3 files\n"
    );
}

#[test]
fn new_case_refuses_existing_and_invalid_names() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["new", "case", "alpha"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: content/cases/alpha already exists\n  help: choose another name, or edit the existing case\n"
    );
    let run = site.run(&["new", "case", "../evil"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: `../evil` cannot be a case name: `..` is not allowed in a name\n  help: use lowercase letters, digits and -, e.g. `hakusho new case sendai`\n"
    );
    assert!(!site.dir.join("content/evil").exists());
}

#[test]
fn translated_records_the_source_version_and_clears_the_outdated_warning() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["translated", "cases/alpha"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .starts_with("content/cases/alpha/index.en.md: `translated_from: ja@"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("` added\n"), "{}", run.stdout);
    assert_eq!(check(&site).0, 0);
    let ja = site.read("content/cases/alpha/index.ja.md");
    site.write("content/cases/alpha/index.ja.md", ja + "\n追記。\n");
    let (code, out) = check(&site);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("outdated translation"), "{out}");
    let run = site.run(&["translated", "content/cases/alpha/index.en.md"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("(was `translated_from: ja@"),
        "{}",
        run.stdout
    );
    assert_eq!(check(&site).0, 0);
    let run = site.run(&["translated", "nope"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: there is no page file in content/nope\n  help: name the page's folder below content/, e.g. `hakusho translated cases/kobe`, or its translation's file\n"
    );
}

#[test]
fn placeholders_go_away_one_by_one_as_they_are_replaced() {
    let site = SiteTest::fixture("minimal");
    assert_eq!(
        site.run(&["new", "case", "sendai", "--chapter", "one"])
            .code,
        0
    );
    let data = site.read("content/cases/sendai/data.yaml");
    assert!(
        data.contains("chapter: one                  # required: one of one\n"),
        "{data}"
    );
    site.write(
        "content/cases/sendai/data.yaml",
        data.replace(
            "sources: [doc1]                # TODO",
            "sources: [doc1]  #",
        ),
    );
    for lang in ["ja", "en"] {
        let path = format!("content/cases/sendai/index.{lang}.md");
        let text = site.read(&path);
        let date_line = text
            .lines()
            .find(|l| l.starts_with("date:"))
            .unwrap()
            .to_string();
        let text = text
            .replace(&date_line, "date: 2026-04-01")
            .replace("TODO ", "");
        site.write(&path, text);
    }
    let (code, out) = check(&site);
    // The English text changed with the Japanese: it is outdated, but holds no placeholder any more.
    assert!(!out.contains("TODO"), "{out}");
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("outdated translation"), "{out}");
}

#[test]
fn new_case_in_a_chapter_that_does_not_exist_is_refused_with_the_nearest() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["new", "case", "sendai", "--chapter", "onee"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "error: `onee` is not a chapter of this report\n  help: did you mean `one`? the chapters of site.yaml are: one\n"
    );
    assert!(!site.dir.join("content/cases/sendai").exists());
}

#[test]
fn new_chapter_is_listed_in_site_yaml_and_numbered_where_it_is_put() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["new", "chapter", "two"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "created content/chapters/two/index.ja.md\ncreated content/chapters/two/index.en.md\n\
added `two` to `chapters:` in content/site.yaml: chapter 2 of 2\n\
next: write the chapter in both files, give its cases `chapter: two`, then run `hakusho check`\n"
    );
    assert!(
        site.read("content/site.yaml")
            .contains("\nchapters: [one, two]\n")
    );
    let run = site.run(&["new", "chapter", "half", "--after", "one"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("added `half` to `chapters:` in content/site.yaml: chapter 2 of 3\n")
    );
    assert!(
        site.read("content/site.yaml")
            .contains("\nchapters: [one, half, two]\n")
    );
    site.build_ok(&[]);
    // Numbered where it was put: the chapter after it moved to 3.
    assert!(site.output("ja/chapters/half/index.html").contains("第2章"));
    assert!(site.output("ja/chapters/two/index.html").contains("第3章"));
    let (code, out) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(
        out.matches("TODO placeholders are left").count(),
        4,
        "{out}"
    );
    assert!(
        out.ends_with("\n4 problems (0 errors, 4 warnings) in 4 files\n"),
        "{out}"
    );
}

#[test]
fn new_chapter_keeps_a_block_list_in_its_style() {
    let site = SiteTest::fixture("minimal");
    let yaml = site.read("content/site.yaml").replace(
        "chapters: [one]\n",
        "chapters:\n  - one   # the first\n  - last\n",
    );
    site.write("content/site.yaml", yaml);
    site.write(
        "content/chapters/last/index.ja.md",
        "---\ntitle: 最後\nsummary: 要約。\n---\n本文。\n",
    );
    let run = site.run(&["new", "chapter", "middle", "--after", "one"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        site.read("content/site.yaml")
            .contains("\nchapters:\n  - one   # the first\n  - middle\n  - last\n"),
        "{}",
        site.read("content/site.yaml")
    );
}

#[test]
fn new_chapter_writes_nothing_when_the_list_cannot_be_edited_safely() {
    let site = SiteTest::fixture("minimal");
    let yaml = site
        .read("content/site.yaml")
        .replace("chapters: [one]\n", "chapters: [\n  one]\n");
    site.write("content/site.yaml", &yaml);
    let run = site.run(&["new", "chapter", "two"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        "content/site.yaml: error: the `chapters:` list cannot be changed safely here, so nothing was created\n  \
help: write the list on one line, `chapters: [one, two]`, or add `two` to it yourself and run the command again\n"
    );
    assert_eq!(site.read("content/site.yaml"), yaml);
    assert!(!site.dir.join("content/chapters/two").exists());
    // Listed by hand first: the folder is made and the list left as it is.
    let yaml = yaml.replace("chapters: [\n  one]\n", "chapters: [\n  one, two]\n");
    site.write("content/site.yaml", &yaml);
    let run = site.run(&["new", "chapter", "two"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("site.yaml already lists `two`: chapter 2\n"),
        "{}",
        run.stdout
    );
    assert_eq!(site.read("content/site.yaml"), yaml);
}

#[test]
fn new_chapter_refuses_unknown_neighbours_existing_folders_and_bad_names() {
    let site = SiteTest::fixture("minimal");
    let refused = |args: &[&str], stderr: &str| {
        let before = site.tree("content");
        let run = site.run(args);
        assert_eq!(run.code, 1, "{args:?}");
        assert_eq!(run.stderr, stderr, "{args:?}");
        assert_eq!(site.tree("content"), before, "{args:?} changed content/");
    };
    refused(
        &["new", "chapter", "two", "--after", "onr"],
        "error: `--after onr`: `onr` is not a chapter of this report\n  help: did you mean `one`? the chapters of site.yaml are: one\n",
    );
    refused(
        &["new", "chapter", "one"],
        "error: content/chapters/one already exists\n  help: choose another name, or edit the existing chapter\n",
    );
    refused(
        &["new", "chapter", "Two"],
        "error: `Two` cannot be a chapter name: upper-case letters are not allowed, so that addresses do not depend on case; use `two`\n  help: use lowercase letters, digits and -, e.g. `hakusho new chapter regions`\n",
    );
}

#[test]
fn new_page_makes_an_other_page_nested_or_not() {
    let site = SiteTest::fixture("minimal");
    let run = site.run(&["new", "page", "about/team"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "created content/about/team/index.ja.md\ncreated content/about/team/index.en.md\n\
next: write the page in both files, link it from another page, then run `hakusho check`\n"
    );
    assert_eq!(site.run(&["new", "page", "content/methodology/"]).code, 0);
    site.build_ok(&[]);
    assert!(site.has_output("ja/about/team/index.html"));
    assert!(site.has_output("en/methodology/index.html"));
    let (_, out) = check(&site);
    assert_eq!(
        out.matches("TODO placeholders are left").count(),
        4,
        "{out}"
    );
}

#[test]
fn new_page_refuses_generated_addresses_cases_chapters_and_existing_pages() {
    let site = SiteTest::fixture("minimal");
    for (path, stderr) in [
        (
            "search",
            "error: `search` is an address hakusho generates itself (/ja/search/)\n  help: choose another folder name\n",
        ),
        (
            "cases/sendai",
            "error: pages in content/cases/ are cases\n  help: use `hakusho new case sendai`\n",
        ),
        (
            "chapters",
            "error: pages in content/chapters/ are chapters\n  help: use `hakusho new chapter <name>`\n",
        ),
        (
            "about",
            "error: content/about already exists\n  help: choose another name, or edit the existing page\n",
        ),
        (
            "a/../b",
            "error: `..` cannot be a page's folder name: `..` is not allowed in a name\n  help: use lowercase letters, digits and -, e.g. `hakusho new page methodology`\n",
        ),
    ] {
        let before = site.tree("content");
        let run = site.run(&["new", "page", path]);
        assert_eq!((run.code, run.stderr.as_str()), (1, stderr), "{path}");
        assert_eq!(site.tree("content"), before, "{path}");
    }
}
