//! Reading the report page after page: previous/next links in reading order, the whole report's
//! contents, the language switch's sections, and the 404 page of a site opened from disk.

use crate::harness::{SiteTest, head_link, main_of};

/// The minimal fixture with a second case in chapter one, after Alpha.
fn two_cases() -> SiteTest {
    let site = SiteTest::fixture("minimal");
    let alpha = site.read("content/cases/alpha/data.yaml");
    site.write(
        "content/cases/alpha/data.yaml",
        alpha.replace("chapter: one\n", "chapter: one\norder: 1\n"),
    )
    .write(
        "content/cases/beta/data.yaml",
        "chapter: one\norder: 2\nsources: [doc1]\n",
    )
    .write(
        "content/cases/beta/index.ja.md",
        "---\ntitle: 事例ベータ\nsummary: ベータの要約。\n---\n## 経緯\n\n本文である。\n",
    )
    .write(
        "content/cases/beta/index.en.md",
        "---\ntitle: Case Beta\nsummary: Beta in brief.\n---\n## History\n\nText.\n",
    );
    site
}

/// The previous/next block at the end of a page, if any.
fn page_nav(html: &str) -> Option<&str> {
    let start = html.find("<nav class=\"page-nav\"")?;
    Some(&html[start..start + html[start..].find("</nav>").unwrap()])
}

#[test]
fn pages_lead_to_the_previous_and_next_in_reading_order() {
    let site = two_cases();
    site.build_ok(&[]);
    // Cover → chapter → its cases in order → the other pages.
    let order = ["", "chapters/one/", "cases/alpha/", "cases/beta/", "about/"];
    for (i, id) in order.iter().enumerate() {
        let html = site.output(&format!("ja/{id}index.html"));
        let prev = i.checked_sub(1).map(|j| format!("/ja/{}", order[j]));
        let next = order.get(i + 1).map(|n| format!("/ja/{n}"));
        assert_eq!(head_link(&html, "prev"), prev, "prev of {id:?}");
        assert_eq!(head_link(&html, "next"), next, "next of {id:?}");
    }
    let alpha = site.output("ja/cases/alpha/index.html");
    assert_eq!(
        page_nav(&alpha).unwrap(),
        "<nav class=\"page-nav\" aria-label=\"前後のページ\">\n  <ul>\n    <li class=\"page-nav-prev\"><a href=\"/ja/chapters/one/\" rel=\"prev\"><span class=\"page-nav-dir\">前へ</span> <span class=\"page-nav-title\"><span class=\"nav-num\">第1章</span> 第一の章</span></a></li>\n    <li class=\"page-nav-contents\"><a href=\"/ja/#hk-cover-chapters\">目次</a></li>\n    <li class=\"page-nav-next\"><a href=\"/ja/cases/beta/\" rel=\"next\"><span class=\"page-nav-dir\">次へ</span> <span class=\"page-nav-title\">事例ベータ</span></a></li>\n  </ul>\n"
    );
    let about = site.output("en/about/index.html");
    let nav = page_nav(&about).unwrap();
    assert!(nav.contains("<span class=\"page-nav-dir\">Previous</span> <span class=\"page-nav-title\">Case Beta</span>"), "{nav}");
    assert!(
        nav.contains("<a href=\"/en/#hk-cover-chapters\">Contents</a>"),
        "{nav}"
    );
    assert!(!nav.contains("page-nav-next"), "{nav}");
    // The contents the links lead to are there.
    assert!(
        site.output("ja/index.html")
            .contains("id=\"hk-cover-chapters\"")
    );
    // The cover has only a next page, and shows no block of its own (it lists every chapter).
    let cover = site.output("ja/index.html");
    assert!(page_nav(&cover).is_none());
    // A case moved before the other changes the order.
    site.write(
        "content/cases/beta/data.yaml",
        "chapter: one\norder: 0\nsources: [doc1]\n",
    );
    site.build_ok(&[]);
    let beta = site.output("ja/cases/beta/index.html");
    assert_eq!(
        head_link(&beta, "prev").as_deref(),
        Some("/ja/chapters/one/")
    );
    assert_eq!(
        head_link(&beta, "next").as_deref(),
        Some("/ja/cases/alpha/")
    );
}

#[test]
fn the_whole_report_opens_with_its_contents() {
    let site = two_cases();
    site.build_ok(&[]);
    let html = site.output("ja/report/index.html");
    let main = main_of(&html);
    let start = main
        .find("<nav class=\"report-toc\"")
        .expect("a table of contents");
    let toc = &main[start..start + main[start..].find("</nav>").unwrap()];
    assert_eq!(
        toc,
        "<nav class=\"report-toc\" aria-labelledby=\"hk-report-toc\">\n    <h2 id=\"hk-report-toc\">目次</h2>\n    <ol>\n      <li><a href=\"/ja/report/chapters/one/#chapters-one-top\"><span class=\"chapter-num\">第1章</span> 第一の章</a>\n        <ol>\n          <li class=\"report-toc-section\"><a href=\"/ja/report/chapters/one/#chapters-one-章の概要\">章の概要</a></li>\n          <li class=\"report-toc-case\"><a href=\"/ja/report/chapters/one/#cases-alpha-top\">事例アルファ</a></li>\n          <li class=\"report-toc-case\"><a href=\"/ja/report/chapters/one/#cases-beta-top\">事例ベータ</a></li>\n        </ol>\n      </li>\n      <li><a href=\"/ja/report/appendix/#about-top\">本報告書について</a></li>\n    </ol>\n  "
    );
    // Every entry leads to its place on the part of the report that holds it.
    for href in toc.split("href=\"/ja/report/").skip(1) {
        let (part, id) = href[..href.find('"').unwrap()].split_once('#').unwrap();
        let html = site.output(&format!("ja/report/{part}index.html"));
        assert!(html.contains(&format!("id=\"{id}\"")), "no #{id} on {part}");
    }
    assert!(
        site.output("en/report/index.html")
            .contains("<h2 id=\"hk-report-toc\">Contents</h2>")
    );
}

#[test]
fn the_language_switch_knows_where_each_section_is_in_the_other_language() {
    let site = two_cases();
    site.build_ok(&[]);
    let beta = site.output("ja/cases/beta/index.html");
    assert!(
        beta.contains("data-sections=\"{&quot;経緯&quot;:&quot;history&quot;}\">English</a>"),
        "{beta}"
    );
    let beta_en = site.output("en/cases/beta/index.html");
    assert!(beta_en.contains("data-sections=\"{&quot;history&quot;:&quot;経緯&quot;}\""));
    // Alpha's Japanese has two sections, its English one: no place is guessed.
    let alpha = site.output("ja/cases/alpha/index.html");
    assert!(
        alpha.contains(
            "data-sections=\"{&quot;概要&quot;:&quot;&quot;,&quot;概要-2&quot;:&quot;&quot;}\""
        ),
        "{alpha}"
    );
    // Pages without headings of their own say nothing.
    assert!(!site.output("ja/cases/index.html").contains("data-sections"));
}

#[test]
fn about_this_report_is_linked_from_every_page() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    for page in [
        "ja/index.html",
        "ja/cases/alpha/index.html",
        "ja/search/index.html",
        "ja/report/index.html",
    ] {
        assert!(
            site.output(page)
                .contains("<li><a href=\"/ja/about/\">この報告書について</a></li>"),
            "{page}"
        );
    }
    assert!(
        site.output("en/glossary/index.html")
            .contains("<li><a href=\"/en/about/\">About this report</a></li>")
    );
    // Without an about page, no link (and no contact page, which would now name a missing page).
    std::fs::remove_dir_all(site.dir.join("content/about")).unwrap();
    let config = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        config.replace(
            "contact:\n  text: {ja: ご意見は次の窓口へ。, en: Comments are welcome.}\n  page: about\n",
            "",
        ),
    );
    site.build_ok(&[]);
    assert!(!site.output("ja/index.html").contains("この報告書について"));
}

#[test]
fn a_chapter_without_cases_says_so_on_the_case_list() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/site.yaml",
        site.read("content/site.yaml")
            .replace("chapters: [one]", "chapters: [one, two]"),
    )
    .write(
        "content/chapters/two/index.ja.md",
        "---\ntitle: 第二の章\nsummary: 二章の要約。\n---\n本文。\n",
    )
    .write(
        "content/chapters/two/index.en.md",
        "---\ntitle: The second chapter\nsummary: In brief.\n---\nText.\n",
    );
    site.build_ok(&[]);
    assert!(
        site.output("ja/cases/index.html")
            .contains("<p class=\"no-cases\">この章に事例はありません。</p>")
    );
    assert!(
        site.output("en/cases/index.html")
            .contains("<p class=\"no-cases\">This chapter has no cases.</p>")
    );
    assert_eq!(
        site.output("ja/cases/index.html")
            .matches("no-cases")
            .count(),
        1
    );
}

#[test]
fn the_404_page_works_from_disk_in_a_relative_build() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--relative-links"]);
    let html = site.output("404.html");
    // Its stylesheet is in the page: a host serves it at any depth.
    assert!(html.contains("<style>\n/* hakusho default theme"), "{html}");
    assert!(!html.contains("<link rel=\"stylesheet\""), "{html}");
    // Every link and source names a file from the output root, where it is opened from disk.
    let mut found = 0;
    for attr in ["href=\"", "src=\""] {
        for piece in html.split(attr).skip(1) {
            let target = &piece[..piece.find('"').unwrap()];
            assert!(
                !target.starts_with('/') && !target.contains("://"),
                "{target}"
            );
            let file = target.split('#').next().unwrap();
            assert!(
                site.has_output(file),
                "404.html links to {target}, which is not a file"
            );
            found += 1;
        }
    }
    assert_eq!(found, 2, "{html}");
    // Served by a host, its links start from the base path.
    assert!(
        html.contains("<main class=\"landing-main\" data-base=\"/\">"),
        "{html}"
    );
    // With absolute links it stays as it was: the stylesheet and the covers under the base path.
    site.build_ok(&[]);
    let html = site.output("404.html");
    assert!(
        html.contains("<link rel=\"stylesheet\" href=\"/static/style.css\">"),
        "{html}"
    );
    assert!(html.contains("href=\"/ja/\""), "{html}");
    assert!(
        !html.contains("<style>") && !html.contains("<script>"),
        "{html}"
    );
}
