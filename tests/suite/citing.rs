//! The report's identity (edition, dates, licence, contact) in the footer, on the cover and the landing
//! page; "Cite this" on cases and chapters with its BibTeX and RIS files; `citation_*` meta tags and
//! schema.org JSON-LD, also with a title written to break out of them.

use serde_json::Value;

use crate::harness::SiteTest;

/// The JSON-LD of a page, parsed.
fn json_ld(html: &str) -> Value {
    let start = html
        .find("<script type=\"application/ld+json\">")
        .expect("the page has JSON-LD")
        + "<script type=\"application/ld+json\">".len();
    let end = start + html[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&html[start..end]).expect("the JSON-LD parses")
}

fn meta(html: &str, name: &str) -> Option<String> {
    let key = format!("<meta name=\"{name}\" content=\"");
    let start = html.find(&key)? + key.len();
    Some(html[start..start + html[start..].find('"')?].to_string())
}

#[test]
fn identity_shows_in_the_footer_the_cover_and_the_landing_page() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--no-pdf"]);
    let ja = site.output("ja/cases/alpha/index.html");
    assert!(ja.contains(
        "<p class=\"footer-edition\">令和7年版 · <span class=\"footer-label\">公開日</span> <time \
         datetime=\"2025-06-30\">2025年6月30日</time> · <span class=\"footer-label\">更新日</span> <time \
         datetime=\"2025-07-15\">2025年7月15日</time></p>"
    ));
    assert!(ja.contains(
        "<p class=\"footer-licence\"><span class=\"footer-label\">利用条件</span> <a \
         href=\"https://www.digital.go.jp/resources/open_data/\" rel=\"license\">政府標準利用規約（第2.0版）</a></p>"
    ));
    assert!(ja.contains(
        "<p class=\"footer-contact\"><span class=\"footer-label\">お問い合わせ</span> ご意見は次の窓口へ。<a \
         href=\"/ja/about/\">問い合わせ先の案内</a></p>"
    ));
    let en = site.output("en/index.html");
    assert!(en.contains(
        "<p class=\"cover-edition\">2025 edition, <time datetime=\"2025-06-30\">30 June 2025</time> (Updated \
         <time datetime=\"2025-07-15\">15 July 2025</time>)</p>"
    ));
    assert!(en.contains(
        "<span class=\"footer-label\">Contact</span> Comments are welcome. <a href=\"/en/about/\">How to contact us</a>"
    ));
    let landing = site.output("index.html");
    assert_eq!(
        meta(&landing, "description").as_deref(),
        Some("試験のための報告書である。")
    );
    assert!(
        landing
            .contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/\">")
    );
    assert!(landing.contains("<p class=\"landing-edition\">2025 edition, <time datetime=\"2025-06-30\">30 June 2025</time></p>"));
    assert!(site.has_output("static/favicon.svg"));
}

#[test]
fn identity_is_optional() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/site.yaml",
        "title: {ja: 試験報告書, en: Test Report}\npublisher: {ja: 試験編集部, en: Test Editors}\n\
         base_url: https://example.org/\nchapters: [one]\n",
    );
    site.build_ok(&["--no-pdf"]);
    let ja = site.output("ja/cases/alpha/index.html");
    for absent in [
        "footer-edition",
        "footer-licence",
        "footer-contact",
        "cover-edition",
    ] {
        assert!(!ja.contains(absent), "{absent}");
    }
    // The citation goes without an edition, and the page's own date stands.
    assert!(ja.contains(
        "<p class=\"cite-text\">試験編集部.「事例アルファ」.『試験報告書』. 試験編集部, 2025, https://example.org/ja/cases/alpha/.</p>"
    ));
    let ld = json_ld(&ja);
    assert!(ld["@graph"][0].get("license").is_none());
}

#[test]
fn cases_and_chapters_can_be_cited_in_both_languages() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--no-pdf"]);
    let ja = site.output("ja/cases/alpha/index.html");
    assert!(ja.contains("<h2 id=\"hk-cite\">この事例を引用する</h2>"));
    assert!(ja.contains(
        "<p class=\"cite-text\">試験編集部.「事例アルファ」.『試験報告書』. 令和7年版, 試験編集部, 2025, \
         https://example.org/ja/cases/alpha/.</p>"
    ));
    assert!(ja.contains(
        "<a href=\"/ja/cases/alpha/alpha-ja.bib\" download=\"alpha-ja.bib\" type=\"application/x-bibtex\">BibTeX</a>、\
         <a href=\"/ja/cases/alpha/alpha-ja.ris\" download=\"alpha-ja.ris\" type=\"application/x-research-info-systems\">RIS</a>"
    ));
    let en = site.output("en/cases/alpha/index.html");
    assert!(en.contains(
        "<p class=\"cite-text\">Test Editors. (2025). Case Alpha. In Test Report (2025 edition). \
         https://example.org/en/cases/alpha/</p>"
    ));
    assert_eq!(
        site.output("en/cases/alpha/alpha-en.bib"),
        "@techreport{hakusho-cases-alpha-en,\n  author = {{Test Editors}},\n  title = {Case Alpha},\n  \
         institution = {Test Editors},\n  type = {Case study},\n  note = {In: Test Report, 2025 edition},\n  \
         year = {2025},\n  month = {mar},\n  url = {https://example.org/en/cases/alpha/},\n  language = {english}\n}\n"
    );
    assert_eq!(
        site.output("ja/cases/alpha/alpha-ja.ris"),
        "TY  - RPRT\r\nAU  - 試験編集部\r\nTI  - 事例アルファ\r\nT2  - 試験報告書\r\nM3  - 事例\r\nPB  - 試験編集部\r\n\
         ET  - 令和7年版\r\nPY  - 2025\r\nDA  - 2025/03/31/\r\nUR  - https://example.org/ja/cases/alpha/\r\nLA  - ja\r\nER  - \r\n"
    );
    let chapter = site.output("en/chapters/one/index.html");
    assert!(chapter.contains("<h2 id=\"hk-cite\">Cite this chapter</h2>"));
    assert!(site.has_output("en/chapters/one/one-en.ris"));
    // Not on the cover, nor on other pages.
    assert!(!site.output("ja/index.html").contains("hk-cite"));
    assert!(!site.output("ja/about/index.html").contains("hk-cite"));
    assert_eq!(meta(&ja, "citation_title").as_deref(), Some("事例アルファ"));
    assert_eq!(meta(&ja, "citation_author").as_deref(), Some("試験編集部"));
    assert_eq!(
        meta(&ja, "citation_publication_date").as_deref(),
        Some("2025/03/31")
    );
    assert_eq!(meta(&ja, "citation_language").as_deref(), Some("ja"));
    assert_eq!(
        meta(&ja, "citation_abstract_html_url").as_deref(),
        Some("https://example.org/ja/cases/alpha/")
    );
    assert_eq!(
        meta(&ja, "citation_pdf_url"),
        None,
        "no PDF edition in this build"
    );
}

#[test]
fn json_ld_links_the_translations_and_describes_the_chart_data() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--no-pdf"]);
    let ja = json_ld(&site.output("ja/cases/alpha/index.html"));
    let report = &ja["@graph"][0];
    assert_eq!(report["@type"], "Report");
    assert_eq!(report["inLanguage"], "ja");
    assert_eq!(report["name"], "事例アルファ");
    assert_eq!(report["datePublished"], "2025-03-31");
    assert_eq!(report["publisher"]["name"], "試験編集部");
    assert_eq!(
        report["license"],
        "https://www.digital.go.jp/resources/open_data/"
    );
    assert_eq!(
        report["workTranslation"]["@id"],
        "https://example.org/en/cases/alpha/"
    );
    assert_eq!(report["isPartOf"]["@id"], "https://example.org/ja/");
    let en = json_ld(&site.output("en/cases/alpha/index.html"));
    assert_eq!(
        en["@graph"][0]["translationOfWork"]["@id"],
        "https://example.org/ja/cases/alpha/"
    );
    let dataset = &en["@graph"][1];
    assert_eq!(dataset["@type"], "Dataset");
    assert_eq!(dataset["name"], "Companies over time");
    assert_eq!(
        dataset["description"],
        "The data of “Companies over time” (series: Companies)."
    );
    assert_eq!(dataset["creator"]["name"], "Test Editors");
    assert_eq!(
        dataset["url"],
        "https://example.org/en/figures/alpha-growth/"
    );
    assert_eq!(dataset["distribution"][0]["encodingFormat"], "text/csv");
    assert_eq!(
        dataset["distribution"][0]["contentUrl"],
        "https://example.org/en/figures/alpha-growth/alpha-growth-en.csv"
    );
    assert!(site.has_output("en/figures/alpha-growth/alpha-growth-en.csv"));
    assert!(site.has_output("en/figures/alpha-growth/alpha-growth-en.xlsx"));
    // Every content page has a Report; only pages with charts have datasets.
    let about = json_ld(&site.output("en/about/index.html"));
    assert_eq!(about["@graph"].as_array().unwrap().len(), 1);
}

#[test]
fn a_hostile_title_breaks_out_of_nothing() {
    let site = SiteTest::fixture("minimal");
    let title = r#"</script><script>alert(1)</script><!-- "q" & {b} 50% \x"#;
    let text = site
        .read("content/cases/alpha/index.en.md")
        .replace("title: Case Alpha", &format!("title: '{title}'"));
    site.write("content/cases/alpha/index.en.md", text);
    site.build_ok(&["--no-pdf"]);
    let html = site.output("en/cases/alpha/index.html");
    assert_eq!(
        html.matches("<script").count(),
        html.matches("</script>").count()
    );
    assert!(!html.contains("<script>alert"));
    assert_eq!(json_ld(&html)["@graph"][0]["name"], title);
    assert_eq!(
        meta(&html, "citation_title").as_deref(),
        Some(
            "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;!-- &quot;q&quot; &amp; {b} 50% \\x"
        )
    );
    let bib = site.output("en/cases/alpha/alpha-en.bib");
    assert!(bib.contains(
        "title = {</script><script>alert(1)</script><!-- \"q\" \\& \\{b\\} 50\\% \\textbackslash{}x},"
    ));
}

#[test]
fn a_source_s_short_name_is_used_under_key_figures_and_its_full_name_elsewhere() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/sources.yaml",
        "doc1:\n  title: {ja: 試験資料, en: Test document}\n  issuer: {ja: 試験省, en: Ministry of Tests (MOT)}\n  short: {ja: 試験省, en: MOT}\n  year: 2023\n",
    );
    site.build_ok(&["--no-pdf"]);
    let en = site.output("en/cases/alpha/index.html");
    assert!(en.contains(">MOT (2023)</a>"), "{en}");
    assert!(
        en.contains("Source: Ministry of Tests (MOT), “Test document” (2023)"),
        "{en}"
    );
}
