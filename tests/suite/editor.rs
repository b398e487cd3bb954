//! `hakusho check`: one problem per fixture, exact report and exit code.

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
