//! `hakusho check` (one problem per fixture, exact report and exit code) and `hakusho new case`.

use crate::harness::SiteTest;

fn check(site: &SiteTest) -> (i32, String) {
    let run = site.run(&["check"]);
    assert_eq!(run.stderr, "");
    (run.code, run.stdout)
}

#[test]
fn a_clean_site_passes() {
    let site = SiteTest::fixture("minimal");
    assert_eq!(
        check(&site),
        (0, "no problems found in 8 pages\n".to_string())
    );
}

#[test]
fn the_bundled_report_passes() {
    let site = SiteTest::bundled();
    let (code, out) = check(&site);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn untranslated_page() {
    let site = SiteTest::fixture("minimal");
    site.remove("content/about/index.en.md");
    assert_eq!(
        check(&site),
        (
            1,
            "content/about/index.en.md\n   1. warning: untranslated: this page has no English version; the Japanese text is shown there under a notice\n\n1 problem (0 errors, 1 warning) in 1 file\n"
                .to_string()
        )
    );
}

#[test]
fn outdated_translation() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/about/index.en.md",
        "---\ntitle: About this report\ntranslated_from: ja@00000000\n---\nThis report is for tests. Back to [the cover](/).\n",
    );
    let (code, out) = check(&site);
    assert_eq!(code, 1);
    assert!(
        out.starts_with("content/about/index.en.md\n   1. 3:1: warning: outdated translation: it follows version 00000000 of index.ja.md, which has changed since (now "),
        "{out}"
    );
    let now = out.split("(now ").nth(1).unwrap()[..8].to_string();
    assert!(out.contains(&format!(
        "      help: bring the translation up to date, then set `translated_from: ja@{now}`\n"
    )));
    site.write(
        "content/about/index.en.md",
        format!("---\ntitle: About this report\ntranslated_from: ja@{now}\n---\nThis report is for tests. Back to [the cover](/).\n"),
    );
    assert_eq!(check(&site).0, 0);
}

#[test]
fn broken_link_into_the_other_language() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/about/index.ja.md",
        "---\ntitle: 本報告書について\n---\n[英語版の概要](/en/cases/alpha/#概要)を参照。\n",
    );
    assert_eq!(
        check(&site),
        (
            1,
            "content/about/index.ja.md\n   1. 4:1: error: broken link `/en/cases/alpha/#概要`: the page has no anchor `#概要`\n      help: anchors come from headings (## 概要 → #概要) or {#id} after a heading\n\n1 problem (1 error, 0 warnings) in 1 file\n"
                .to_string()
        )
    );
}

#[test]
fn chart_that_no_page_uses() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/cases/alpha/index.en.md",
        "---\ntitle: Case Alpha\nsummary: The summary of case Alpha.\n---\nA hub under COI.\n",
    );
    assert_eq!(
        check(&site),
        (
            1,
            "content/cases/alpha/index.en.md\n   1. warning: the chart `alpha-growth` is defined in data.yaml but not placed in this text\n      help: place it with a block ```chart / alpha-growth / ```\n\n1 problem (0 errors, 1 warning) in 1 file\n"
                .to_string()
        )
    );
}

#[test]
fn image_without_alt_text() {
    let site = SiteTest::fixture("minimal");
    site.write("content/about/photo.png", b"\x89PNG\r\n");
    site.write(
        "content/about/index.en.md",
        "---\ntitle: About this report\n---\n![](photo.png)\n",
    );
    // An accessible PDF describes every image: with the PDF editions it is an error.
    assert_eq!(
        check(&site),
        (
            1,
            "content/about/index.en.md\n   1. 4:1: error: the image `photo.png` has no alt text, which the PDF edition needs (an accessible PDF, PDF/UA-1, describes every image)\n      help: describe the image in the brackets: ![神戸医療産業都市の航空写真](photo.jpg), or switch the PDF editions off with `pdf: false` in site.yaml\n\n1 problem (1 error, 0 warnings) in 1 file\n"
                .to_string()
        )
    );
    // The site alone only warns.
    let config = std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap();
    site.write("content/site.yaml", config + "pdf: false\n");
    assert_eq!(
        check(&site),
        (
            1,
            "content/about/index.en.md\n   1. 4:1: warning: the image `photo.png` has no alt text\n      help: describe the image in the brackets: ![神戸医療産業都市の航空写真](photo.jpg)\n\n1 problem (0 errors, 1 warning) in 1 file\n"
                .to_string()
        )
    );
}

#[test]
fn glossary_term_never_used() {
    let site = SiteTest::fixture("minimal");
    let glossary = std::fs::read_to_string(site.dir.join("content/glossary.yaml")).unwrap();
    site.write(
        "content/glossary.yaml",
        glossary + "- id: tlo\n  term: TLO\n  expansion: {ja: 技術移転機関, en: Technology Licensing Organization}\n  definition: {ja: 大学の技術を企業へ移転する機関。, en: An office that licenses university technology to companies.}\n",
    );
    assert_eq!(
        check(&site),
        (
            1,
            "content/glossary.yaml\n   1. 6:9: warning: the glossary term `TLO` (TLO) is not used in any page\n      help: use the term as written in a page's text, or remove the entry\n\n1 problem (0 errors, 1 warning) in 1 file\n"
                .to_string()
        )
    );
}

#[test]
fn schema_error_and_json_format() {
    let site = SiteTest::fixture("minimal");
    site.write("content/about/index.ja.md", "---\ntitel: x\n---\n");
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(json["errors"], 1);
    let p = &json["problems"][0];
    assert_eq!(p["number"], 1);
    assert_eq!(p["severity"], "error");
    assert_eq!(p["code"], "unknown-key");
    assert_eq!(p["file"], "content/about/index.ja.md");
    assert_eq!(p["line"], 2);
    assert_eq!(p["column"], 1);
    assert_eq!(p["help"], "did you mean `title`?");
}

#[test]
fn new_case_builds_at_once_and_check_reports_only_its_placeholders() {
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
    site.build_ok(&[]);
    assert!(site.has_output("en/cases/sendai/index.html"));
    let (code, out) = check(&site);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "content/cases/sendai/index.en.md\n   1. warning: the text still contains TODO placeholders\n      help: replace every TODO with the real text before publishing\ncontent/cases/sendai/index.ja.md\n   2. warning: the text still contains TODO placeholders\n      help: replace every TODO with the real text before publishing\n\n2 problems (0 errors, 2 warnings) in 2 files\n"
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
