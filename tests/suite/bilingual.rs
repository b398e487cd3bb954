//! Pages missing in one language, and UI strings missing in one language.

use crate::harness::SiteTest;

#[test]
fn a_missing_translation_is_built_as_a_marked_fallback_with_a_warning() {
    let site = SiteTest::fixture("minimal");
    site.remove("content/cases/alpha/index.en.md");
    let run = site.build_ok(&[]);
    assert_eq!(
        run.stderr,
        "content/cases/alpha/index.en.md: warning: untranslated: this page has no English version; the Japanese text is shown there under a notice\n"
    );
    assert!(
        run.stdout.contains("(1 warning, 1 untranslated)"),
        "{}",
        run.stdout
    );
    let en = site.output("en/cases/alpha/index.html");
    assert!(en.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(en.contains("<meta name=\"robots\" content=\"noindex\">"));
    assert!(en.contains("<link rel=\"canonical\" href=\"https://example.org/ja/cases/alpha/\">"));
    assert!(!en.contains("hreflang=\"x-default\""));
    assert!(en.contains("<p class=\"fallback-notice\" role=\"note\">This page is available in Japanese only. The Japanese text is shown below.</p>"));
    assert!(en.contains("<div class=\"prose\" lang=\"ja\">"));
    assert!(en.contains("<h1>事例アルファ</h1>"));
    let ja = site.output("ja/cases/alpha/index.html");
    assert!(ja.contains("<a href=\"/en/cases/alpha/\" hreflang=\"en\" lang=\"en\">English</a>"));
    assert!(!ja.contains("fallback-notice"));
}

#[test]
fn a_page_only_in_english_gets_the_japanese_notice() {
    let site = SiteTest::fixture("minimal");
    site.remove("content/about/index.ja.md");
    site.build_ok(&[]);
    let ja = site.output("ja/about/index.html");
    assert!(ja.contains("このページは英語版のみです。"));
    assert!(ja.contains("<div class=\"prose\" lang=\"en\">"));
}

#[test]
fn a_ui_string_missing_in_one_language_falls_back_with_a_warning() {
    let site = SiteTest::fixture("minimal");
    let en = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/themes/default/strings/en.yaml"
    ))
    .unwrap();
    let without: String = en
        .lines()
        .filter(|l| !l.starts_with("key_figures_title:"))
        .map(|l| format!("{l}\n"))
        .collect();
    site.write("themes/default/strings/en.yaml", without);
    let run = site.build_ok(&[]);
    assert!(
        run.stderr.contains("themes/default/strings/en.yaml: warning: the UI string `key_figures_title` is missing in en; the ja text is used"),
        "{}",
        run.stderr
    );
    assert!(
        site.output("en/cases/alpha/index.html")
            .contains("<h2 id=\"hk-key-figures\">主要データ</h2>")
    );
}
