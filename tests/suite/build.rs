//! A minimal bilingual site builds into the expected pages, with the report's features in place.

use crate::harness::{SiteTest, main_of};

#[test]
fn minimal_site_builds_both_languages_and_prints_one_summary_line() {
    let site = SiteTest::fixture("minimal");
    let run = site.build_ok(&[]);
    assert_eq!(run.stderr, "", "no warnings expected");
    let line = run.stdout.trim();
    assert!(
        line.starts_with("built 4 ja + 4 en pages, 2 charts, "),
        "{line}"
    );
    assert!(line.ends_with(" → output"), "{line}");
    assert_eq!(run.stdout.lines().count(), 1);
    for path in [
        "index.html",
        "404.html",
        "static/style.css",
        "ja/index.html",
        "en/index.html",
        "ja/chapters/one/index.html",
        "ja/cases/alpha/index.html",
        "en/cases/alpha/index.html",
        "ja/figures/alpha-growth/alpha-growth-ja.csv",
        "ja/figures/alpha-growth/index.html",
        "ja/about/index.html",
        "ja/cases/index.html",
        "ja/figures/index.html",
        "ja/glossary/index.html",
        "ja/sources/index.html",
    ] {
        assert!(site.has_output(path), "missing {path}");
    }
}

#[test]
fn pages_have_language_alternates_and_a_switch_to_the_same_page() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let ja = site.output("ja/cases/alpha/index.html");
    assert!(ja.starts_with("<!DOCTYPE html>\n<html lang=\"ja\">"));
    assert!(ja.contains(
        "<link rel=\"alternate\" hreflang=\"ja\" href=\"https://example.org/ja/cases/alpha/\">"
    ));
    assert!(ja.contains(
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/cases/alpha/\">"
    ));
    assert!(ja.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/ja/cases/alpha/\">"));
    // The switch knows where the Japanese sections are in English (none matches here: 2 sections, 1).
    assert!(ja.contains("<a href=\"/en/cases/alpha/\" hreflang=\"en\" lang=\"en\" data-sections=\"{&quot;概要&quot;:&quot;&quot;,&quot;概要-2&quot;:&quot;&quot;}\">English</a>"));
    let en = site.output("en/cases/alpha/index.html");
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.contains("<a href=\"/ja/cases/alpha/\" hreflang=\"ja\" lang=\"ja\" data-sections=\"{&quot;overview&quot;:&quot;&quot;}\">日本語</a>"));
    let landing = site.output("index.html");
    assert!(
        landing.contains("href=\"ja/\"") || landing.contains("href=\"/ja/\""),
        "{landing}"
    );
    assert!(landing.contains("<section class=\"landing-lang\" lang=\"en\">"));
}

#[test]
fn case_page_shows_facts_figures_footnotes_and_japanese_anchors() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let html = site.output("ja/cases/alpha/index.html");
    let main = main_of(&html);
    assert!(main.contains("<h2 id=\"概要\">概要</h2>"), "{main}");
    assert!(main.contains("<h2 id=\"概要-2\">概要</h2>"));
    assert!(
        main.contains("<a href=\"#概要\">概要</a>"),
        "table of contents"
    );
    assert!(main.contains("<dd class=\"figure-value\">362社</dd>"));
    assert!(main.contains("<time datetime=\"1998\">1998年</time>"));
    assert!(main.contains("<span class=\"figure-label\">図1-1</span> 企業数の推移"));
    assert!(
        main.contains("<a class=\"xref\" href=\"/ja/cases/alpha/#fig-alpha-growth\">図1-1</a>")
    );
    assert!(main.contains("<svg"));
    assert!(main.contains("資料：試験省「試験資料」（2023年）"));
    assert!(main.contains("<li id=\"fn-1\"><p>試験資料による。</p>"));
    assert!(main.contains("<abbr title=\"センター・オブ・イノベーション\">COI</abbr>"));
    assert!(main.contains("<li id=\"hk-source-doc1\">試験省「試験資料」（2023年）</li>"));
    let en = site.output("en/cases/alpha/index.html");
    assert!(en.contains("<span class=\"figure-label\">Figure 1-1</span> Companies over time"));
    assert!(en.contains("<dd class=\"figure-value\">362 companies</dd>"));
    let csv = site.output("ja/figures/alpha-growth/alpha-growth-ja.csv");
    assert_eq!(csv, "\u{FEFF}区分,企業数（社）\r\n2018,350\r\n2023,362\r\n");
}

#[test]
fn cover_lists_chapters_cases_and_key_figures() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let html = site.output("ja/index.html");
    let main = main_of(&html);
    assert!(main.contains("<h1>試験報告書</h1>"));
    assert!(main.contains("<span class=\"chapter-num\">第1章</span> 第一の章"));
    assert!(main.contains(
        "<a href=\"/ja/cases/alpha/\"><span class=\"case-title\">事例アルファ</span></a>"
    ));
    assert!(main.contains("<dd class=\"figure-value\">362社</dd>"));
}

#[test]
fn base_url_with_a_path_prefixes_every_link() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--base-url", "https://example.org/reports/2025/"]);
    let html = site.output("ja/cases/alpha/index.html");
    assert!(html.contains("href=\"/reports/2025/static/style.css\""));
    assert!(html.contains("href=\"https://example.org/reports/2025/ja/cases/alpha/\""));
    for href in html.split("href=\"").skip(1) {
        let target = &href[..href.find('"').unwrap()];
        assert!(
            target.starts_with("/reports/2025/")
                || target.starts_with("https://example.org/reports/2025/")
                || target.starts_with('#')
                // The licence in the footer, on another site.
                || target == "https://www.digital.go.jp/resources/open_data/",
            "{target} escapes the sub-path"
        );
    }
}

#[test]
fn relative_links_work_from_disk() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--relative-links"]);
    let html = site.output("ja/cases/alpha/index.html");
    assert!(
        html.contains("href=\"../../../static/style.css\""),
        "{html}"
    );
    assert!(html.contains("href=\"../../../en/cases/alpha/index.html\""));
    for href in html.split("href=\"").skip(1) {
        let target = &href[..href.find('"').unwrap()];
        assert!(!target.starts_with('/'), "{target} is root-absolute");
    }
}

#[test]
fn two_builds_are_byte_identical() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let first = site.tree("output");
    site.build_ok(&[]);
    assert_eq!(first, site.tree("output"));
}

#[test]
fn a_site_overrides_a_template_and_a_static_file() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/site.yaml",
        std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap() + "theme: custom\n",
    );
    site.write(
        "themes/custom/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}<p class=\"custom\">{{ page.title }}</p>{% endblock main %}",
    );
    site.write("themes/custom/static/extra.css", "p { color: red; }");
    site.build_ok(&[]);
    assert!(
        site.output("ja/about/index.html")
            .contains("<p class=\"custom\">本報告書について</p>")
    );
    assert!(
        site.output("ja/cases/alpha/index.html")
            .contains("<article class=\"page case\">"),
        "other templates stay"
    );
    assert_eq!(site.output("static/extra.css"), "p { color: red; }");
    assert!(site.has_output("static/style.css"));
}

/// A publisher's logo is a theme's `static/logo.svg` (or `logo.png`): shown in the header of every page,
/// before the report's title, named by the publisher; without one, the header has no image.
#[test]
fn a_theme_logo_shows_in_every_header() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    assert!(!site.output("ja/index.html").contains("site-logo"));
    site.write(
        "content/site.yaml",
        std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap() + "theme: custom\n",
    );
    site.write(
        "themes/custom/static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>",
    );
    site.build_ok(&[]);
    assert!(site.has_output("static/logo.svg"));
    for (page, title) in [
        (
            "ja/cases/alpha/index.html",
            "<img class=\"site-logo\" src=\"/static/logo.svg\" alt=\"試験編集部\"> 試験報告書</a>",
        ),
        (
            "en/about/index.html",
            "<img class=\"site-logo\" src=\"/static/logo.svg\" alt=\"Test Editors\"> Test Report</a>",
        ),
    ] {
        assert!(site.output(page).contains(title), "{page}");
    }
}

fn many_pages(site: &SiteTest, n: usize) {
    for i in 0..n {
        site.write(
            &format!("content/cases/c{i:04}/index.ja.md"),
            format!("---\ntitle: 事例{i}\nsummary: 要約。\n---\n本文である。\n"),
        );
        site.write(
            &format!("content/cases/c{i:04}/index.en.md"),
            format!("---\ntitle: Case {i}\nsummary: Summary.\n---\nText.\n"),
        );
        site.write(
            &format!("content/cases/c{i:04}/data.yaml"),
            "chapter: one\nsources: [doc1]\n",
        );
    }
}

/// The bar is drawn from 200 pages on (`main.rs`): 96 cases more than `minimal` makes exactly 200.
#[test]
fn a_large_build_shows_a_progress_bar_only_on_a_terminal() {
    let site = SiteTest::fixture("minimal");
    many_pages(&site, 96);
    // Not a terminal: only the summary line.
    let run = site.build_ok(&[]);
    assert_eq!(run.stderr, "");
    assert_eq!(run.stdout.lines().count(), 1);
    // A terminal (util-linux `script` gives the build a pseudo-terminal): the bar is drawn, then cleared.
    let bin = env!("CARGO_BIN_EXE_hakusho");
    let out = std::process::Command::new("script")
        .args(["-qec", &format!("{bin} build"), "/dev/null"])
        .current_dir(&site.dir)
        .env("HAKUSHO_LANG", "en")
        .output()
        .expect("util-linux script runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("rendering "), "{text}");
    assert!(text.contains("/200 pages"), "{text}");
    assert!(text.contains("built 100 ja + 100 en pages"), "{text}");
}
