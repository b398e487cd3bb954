//! The whole report in parts: the contents first, a part per chapter continued over more parts when the
//! chapter is long, the other pages and the sources last; every link into it leads to an existing part and
//! id, and previous/next lead through the parts in order.

use std::collections::BTreeMap;

use crate::harness::{SiteTest, head_link};

/// Documents on one part of the whole report (`DOCUMENTS_PER_PART` in src/render/report_parts.rs).
const PER_PART: usize = 50;

/// The minimal fixture with 60 more cases in chapter one (`c00`…`c59`, in that order, before Alpha), so that
/// the chapter (62 documents) continues on a second part. `c00` links and refers to Alpha (on the second
/// part), `c01` links to `c02` (on the same part), `c59` to `c00` (on the first); `c10` has a key figure and
/// a timeline citing a source.
fn long_chapter() -> SiteTest {
    let site = SiteTest::fixture("minimal");
    for i in 0..60 {
        let (data, ja, en) = match i {
            0 => (
                "",
                "[アルファ](/cases/alpha/#概要)と@fig:alpha-growth、@kf:cases/alpha#count を見よ。",
                "See [Alpha](/cases/alpha/), @fig:alpha-growth and @kf:cases/alpha#count.",
            ),
            10 => (
                "key_figures:\n  - id: n\n    label: {ja: 数, en: Count}\n    value: 3\n    unit: {ja: 件, en: items}\n    source: doc1\ntimeline:\n  - date: \"2001\"\n    text: {ja: 始まり, en: Start}\n    source: doc1\n",
                "本文である。",
                "Text.",
            ),
            1 => (
                "",
                "[次の事例](/cases/c02/)を見よ。",
                "See [the next](/cases/c02/).",
            ),
            59 => (
                "",
                "[最初の事例](/cases/c00/)へ戻る。",
                "Back to [the first](/cases/c00/).",
            ),
            _ => ("", "本文である。", "Text."),
        };
        site.write(
            &format!("content/cases/c{i:02}/data.yaml"),
            format!("chapter: one\norder: {i}\nsources: [doc1]\n{data}"),
        )
        .write(
            &format!("content/cases/c{i:02}/index.ja.md"),
            format!("---\ntitle: 事例{i:02}\nsummary: 要約。\n---\n## 経緯\n\n{ja}\n"),
        )
        .write(
            &format!("content/cases/c{i:02}/index.en.md"),
            format!("---\ntitle: Case {i:02}\nsummary: In brief.\n---\n## History\n\n{en}\n"),
        );
    }
    site
}

/// Every `href` of a page.
fn hrefs(html: &str) -> Vec<String> {
    html.split(" href=\"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').unwrap()].replace("&amp;", "&"))
        .collect()
}

/// The output file an `href` written on `page` leads to (`None` for a link out of the site), and its
/// fragment.
fn target(page: &str, href: &str) -> Option<(String, Option<String>)> {
    if href.contains("://") || href.starts_with("mailto:") || href.starts_with("tel:") {
        return None;
    }
    let (path, fragment) = match href.split_once('#') {
        Some((p, f)) => (p, Some(percent_decoded(f))),
        None => (href, None),
    };
    let mut segments: Vec<&str> = if path.is_empty() {
        return Some((page.to_string(), fragment));
    } else if let Some(absolute) = path.strip_prefix('/') {
        absolute.split('/').collect()
    } else {
        let mut dir: Vec<&str> = page.split('/').collect();
        dir.pop();
        dir.extend(path.split('/'));
        dir
    };
    let mut out: Vec<&str> = Vec::new();
    for s in segments.drain(..) {
        match s {
            ".." => {
                out.pop();
            }
            "." => {}
            s => out.push(s),
        }
    }
    let mut file = out.join("/");
    if file.is_empty() || file.ends_with('/') {
        file.push_str("index.html");
    }
    Some((file, fragment))
}

/// `text` with its `%XX` escapes decoded (as a browser finds an id).
fn percent_decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = text
            .get(i + 1..i + 3)
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap()
}

/// Checks every link of every page of the output that leads into the whole report (or within a part of
/// it): to a part that exists, and to an id on it. Returns how many links it checked.
fn check_links_into_the_report(site: &SiteTest) -> usize {
    let files = site.tree("output");
    let pages: BTreeMap<&str, &str> = files
        .iter()
        .filter(|(p, _)| p.ends_with(".html"))
        .map(|(p, b)| (p.as_str(), std::str::from_utf8(b).unwrap()))
        .collect();
    let is_part = |p: &str| {
        ["ja/report/", "en/report/"]
            .iter()
            .any(|r| p.starts_with(r) && p.ends_with("index.html"))
    };
    let mut checked = 0;
    let mut broken = Vec::new();
    for (page, html) in &pages {
        for href in hrefs(html) {
            let Some((file, fragment)) = target(page, &href) else {
                continue;
            };
            if !is_part(&file) {
                continue;
            }
            checked += 1;
            match (pages.get(file.as_str()), fragment) {
                (None, _) => broken.push(format!("{page}: {href} (no file {file})")),
                (Some(to), Some(id)) if !to.contains(&format!(" id=\"{id}\"")) => {
                    broken.push(format!("{page}: {href} (no #{id} in {file})"))
                }
                _ => {}
            }
        }
    }
    assert!(
        broken.is_empty(),
        "links lead nowhere:\n{}",
        broken.join("\n")
    );
    checked
}

#[test]
fn a_long_chapter_continues_over_parts_and_every_link_into_the_report_leads_somewhere() {
    let site = long_chapter();
    site.build_ok(&[]);
    let parts: Vec<String> = site
        .report_parts("ja")
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    assert_eq!(
        parts,
        [
            "ja/report/appendix/index.html",
            "ja/report/chapters/one/2/index.html",
            "ja/report/chapters/one/index.html",
            "ja/report/index.html",
        ]
    );
    let first = site.output("ja/report/chapters/one/index.html");
    let second = site.output("ja/report/chapters/one/2/index.html");
    let appendix = site.output("ja/report/appendix/index.html");
    let contents = site.output("ja/report/index.html");
    // The chapter and its first 49 cases, then the rest.
    assert_eq!(
        first.matches("<section class=\"report-section").count(),
        PER_PART
    );
    assert!(first.contains("id=\"chapters-one-top\"") && first.contains("id=\"cases-c48-top\""));
    assert!(second.contains("id=\"cases-c49-top\"") && second.contains("id=\"cases-alpha-top\""));
    assert!(second.contains("<title>第1章 第一の章（2/2） | 報告書全文 | 試験報告書</title>"));
    assert!(
        second.contains("<h1 class=\"report-part-title screen-only\">第1章 第一の章（2/2）</h1>")
    );
    // The cover and the contents first; the other pages and the sources last.
    assert!(contents.contains("id=\"cover-top\"") && contents.contains("id=\"hk-report-toc\""));
    assert!(!contents.contains("id=\"hk-report-sources\""));
    assert!(appendix.contains("id=\"about-top\"") && appendix.contains("id=\"hk-source-doc1\""));
    assert!(
        contents
            .contains("<a href=\"/ja/report/chapters/one/2/#cases-alpha-top\">事例アルファ</a>")
    );
    // Links between documents: within a part by id, across parts by the part's address.
    for link in [
        "<a href=\"/ja/report/chapters/one/2/#cases-alpha-%E6%A6%82%E8%A6%81\">アルファ</a>",
        "<a class=\"xref\" href=\"/ja/report/chapters/one/2/#cases-alpha-fig-alpha-growth\">図1-1</a>",
        "<a class=\"xref\" href=\"/ja/report/chapters/one/2/#cases-alpha-kf-count\"",
        "<a class=\"timeline-source\" href=\"/ja/report/appendix/#hk-source-doc1\">",
    ] {
        assert!(first.contains(link), "{link}");
    }
    assert!(second.contains("<a href=\"/ja/report/chapters/one/#cases-c00-top\">最初の事例</a>"));
    assert!(first.contains("<a href=\"#cases-c02-top\">次の事例</a>"));
    // Previous and next lead through the parts in order, both ways, and back to the contents.
    let chain = ["", "chapters/one/", "chapters/one/2/", "appendix/"];
    for lang in ["ja", "en"] {
        for (i, part) in chain.iter().enumerate() {
            let html = site.output(&format!("{lang}/report/{part}index.html"));
            let at = |j: usize| format!("/{lang}/report/{}", chain[j]);
            assert_eq!(
                head_link(&html, "prev"),
                i.checked_sub(1).map(at),
                "{lang} {part}"
            );
            assert_eq!(
                head_link(&html, "next"),
                chain.get(i + 1).map(|_| at(i + 1)),
                "{lang} {part}"
            );
            assert!(html.contains(&format!("<a href=\"/{lang}/report/#hk-report-toc\">")));
        }
    }
    assert!(check_links_into_the_report(&site) > 200);
    // Every part is in the sitemap.
    let sitemap = site.output("sitemap.xml");
    for part in chain {
        let loc = format!("<loc>https://example.org/en/report/{part}</loc>");
        assert!(sitemap.contains(&loc), "{loc}");
    }
}

#[test]
fn links_into_the_report_lead_somewhere_when_opened_from_disk() {
    let site = long_chapter();
    site.build_ok(&["--relative-links"]);
    let second = site.output("en/report/chapters/one/2/index.html");
    assert!(
        second.contains("en/report/chapters/one/index.html#cases-c00-top\">the first</a>"),
        "{second}"
    );
    assert!(check_links_into_the_report(&site) > 200);
}

#[test]
fn a_short_report_has_the_contents_a_part_per_chapter_and_the_appendix() {
    let site = SiteTest::bundled();
    site.build_ok(&["--no-pdf"]);
    for lang in ["ja", "en"] {
        let parts: Vec<String> = site
            .report_parts(lang)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(parts.len(), 6, "{parts:?}");
    }
    assert!(check_links_into_the_report(&site) > 500);
}
