//! What publishers and machines get: sitemap with hreflang pairs, Atom feeds, robots.txt, 404, links that
//! stay under a sub-path, links that work from disk, taxonomy pages.

use std::collections::{BTreeMap, BTreeSet};

use crate::harness::{SiteTest, main_of};

const XHTML: &str = "http://www.w3.org/1999/xhtml";
const SITEMAP: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const ATOM: &str = "http://www.w3.org/2005/Atom";

#[test]
fn sitemap_lists_every_translated_page_with_hreflang_both_ways() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let xml = site.output("sitemap.xml");
    let doc = roxmltree::Document::parse(&xml).expect("sitemap is XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().namespace(), Some(SITEMAP));
    let mut alternates: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for url in root.children().filter(|n| n.has_tag_name((SITEMAP, "url"))) {
        let loc = url
            .children()
            .find(|n| n.has_tag_name((SITEMAP, "loc")))
            .unwrap()
            .text()
            .unwrap()
            .to_string();
        assert!(
            loc.starts_with("https://example.org/reports/2025/"),
            "{loc}"
        );
        let links: BTreeMap<String, String> = url
            .children()
            .filter(|n| n.has_tag_name((XHTML, "link")))
            .map(|l| {
                (
                    l.attribute("hreflang").unwrap().to_string(),
                    l.attribute("href").unwrap().to_string(),
                )
            })
            .collect();
        alternates.insert(loc, links);
    }
    for page in [
        "cases/kobe/",
        "chapters/hubs/",
        "about/",
        "figures/",
        "regions/hyogo/",
        "",
    ] {
        let ja = format!("https://example.org/reports/2025/ja/{page}");
        let en = format!("https://example.org/reports/2025/en/{page}");
        for (loc, other) in [(&ja, &en), (&en, &ja)] {
            let links = alternates
                .get(loc.as_str())
                .unwrap_or_else(|| panic!("{loc} is in the sitemap"));
            assert_eq!(links.get("ja"), Some(&ja), "{loc}");
            assert_eq!(links.get("en"), Some(&en), "{loc}");
            assert_eq!(links.get("x-default"), Some(&ja), "{loc}");
            assert!(alternates.contains_key(other.as_str()));
        }
    }
    // Every alternate named is itself listed and names the first back.
    for (loc, links) in &alternates {
        for (lang, href) in links.iter().filter(|(l, _)| *l != "x-default") {
            let back = alternates
                .get(href)
                .unwrap_or_else(|| panic!("{href} ({lang}) is listed"));
            assert!(
                back.values().any(|h| h == loc),
                "{href} links back to {loc}"
            );
        }
    }
}

#[test]
fn untranslated_pages_stay_out_of_the_sitemap_in_the_missing_language() {
    let site = SiteTest::fixture("minimal");
    site.remove("content/about/index.en.md");
    site.build_ok(&[]);
    let xml = site.output("sitemap.xml");
    assert!(xml.contains("<loc>https://example.org/ja/about/</loc>"));
    assert!(!xml.contains("<loc>https://example.org/en/about/</loc>"));
}

#[test]
fn atom_feeds_parse_and_carry_what_readers_need() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    for lang in ["ja", "en"] {
        let xml = site.output(&format!("{lang}/feed.xml"));
        let doc = roxmltree::Document::parse(&xml).expect("feed is XML");
        let feed = doc.root_element();
        assert!(feed.has_tag_name((ATOM, "feed")));
        for required in ["title", "id", "updated", "author"] {
            assert!(
                feed.children().any(|n| n.has_tag_name((ATOM, required))),
                "{lang}: {required}"
            );
        }
        let entries: Vec<_> = feed
            .children()
            .filter(|n| n.has_tag_name((ATOM, "entry")))
            .collect();
        assert!(entries.len() >= 8, "{lang}: {} entries", entries.len());
        for e in entries {
            for required in ["title", "id", "updated", "summary"] {
                let node = e
                    .children()
                    .find(|n| n.has_tag_name((ATOM, required)))
                    .unwrap_or_else(|| panic!("{required}"));
                assert!(!node.text().unwrap_or("").trim().is_empty());
            }
            let link = e
                .children()
                .find(|n| n.has_tag_name((ATOM, "link")))
                .unwrap();
            assert!(
                link.attribute("href")
                    .unwrap()
                    .starts_with(&format!("https://example.org/reports/2025/{lang}/"))
            );
        }
    }
}

#[test]
fn robots_names_the_sitemap_and_404_is_bilingual() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--base-url", "https://example.org/r/"]);
    assert_eq!(
        site.output("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://example.org/r/sitemap.xml\n"
    );
    let not_found = site.output("404.html");
    assert!(not_found.contains("<section class=\"landing-lang\" lang=\"ja\">"));
    assert!(not_found.contains("<section class=\"landing-lang\" lang=\"en\">"));
    assert!(
        not_found.contains("href=\"/r/en/\""),
        "404 links work from any depth"
    );
    assert!(not_found.contains("href=\"/r/static/style.css\""));
}

fn attribute_values<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.split(needle.as_str())
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect()
}

#[test]
fn a_sub_path_build_has_no_link_that_escapes_the_sub_path() {
    let site = SiteTest::bundled();
    site.build_ok(&["--base-url", "https://example.org/reports/2025/"]);
    for (path, html) in site.outputs_ending(".html") {
        for attr in ["href", "src"] {
            for target in attribute_values(&html, attr) {
                let ok = target.starts_with("/reports/2025/")
                    || target.starts_with("https://example.org/reports/2025/")
                    || target.starts_with('#')
                    || (target.starts_with("https://")
                        && !target.starts_with("https://example.org"))
                    || target.starts_with("http://")
                    || target.starts_with("mailto:");
                assert!(ok, "{path}: {attr}={target} escapes /reports/2025/");
                assert!(!target.starts_with("//"), "{path}: {target}");
            }
        }
    }
}

#[test]
fn a_relative_links_build_has_no_root_absolute_link() {
    let site = SiteTest::bundled();
    site.build_ok(&["--relative-links"]);
    let files: BTreeSet<String> = site.tree("output").into_keys().collect();
    for (path, html) in site.outputs_ending(".html") {
        if path == "404.html" {
            continue; // served by the host at any depth; it must use the base path
        }
        let dir = path
            .rsplit_once('/')
            .map(|(d, _)| d.to_string())
            .unwrap_or_default();
        for attr in ["href", "src"] {
            for target in attribute_values(&html, attr) {
                assert!(
                    !target.starts_with('/'),
                    "{path}: {attr}={target} is root-absolute"
                );
                if target.starts_with("http")
                    || target.starts_with('#')
                    || target.starts_with("mailto:")
                {
                    continue;
                }
                let file = target.split('#').next().unwrap();
                let resolved = resolve(&dir, file);
                assert!(
                    files.contains(&resolved),
                    "{path}: {target} → {resolved} does not exist"
                );
            }
        }
    }
}

fn resolve(dir: &str, rel: &str) -> String {
    let mut parts: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            s => parts.push(s),
        }
    }
    parts.join("/")
}

#[test]
fn taxonomy_pages_list_terms_with_counts_and_their_cases() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let index = site.output("ja/fields/index.html");
    assert!(main_of(&index).contains(
        "<a href=\"/reports/2025/ja/fields/startups/\">スタートアップ</a> <span class=\"count\">"
    ));
    let term = site.output("en/regions/hyogo/index.html");
    let main = main_of(&term);
    assert!(main.contains("<h1>Regions: Hyogo</h1>"), "{main}");
    assert!(main.contains("href=\"/reports/2025/en/cases/kobe/\""));
    assert!(!main.contains("/cases/kawasaki/"));
    let kobe = site.output("ja/cases/kobe/index.html");
    assert!(kobe.contains("<a href=\"/reports/2025/ja/regions/hyogo/\">兵庫県</a>"));
}

#[test]
fn related_cases_share_terms_best_first() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    let kobe = site.output("en/cases/kobe/index.html");
    let related = &kobe[kobe
        .find("<section class=\"related\"")
        .expect("related section")..];
    assert!(related.contains("/cases/kawasaki/"), "{related}");
}

#[test]
fn the_whole_report_holds_every_document_with_figures_and_tables_numbered() {
    let site = SiteTest::bundled();
    site.build_ok(&[]);
    // The main content of every part, in order of address (the order does not matter here).
    let report: String = site
        .report_parts("ja")
        .iter()
        .map(|(_, html)| main_of(html))
        .collect();
    for id in [
        "cover-top",
        "chapters-overview-top",
        "chapters-hubs-top",
        "cases-kobe-top",
        "cases-kosen-top",
        "about-top",
    ] {
        assert!(report.contains(&format!("id=\"{id}\"")), "{id}");
    }
    let figures = site.output("ja/figures/index.html");
    let count = report.matches("<figure class=\"chart\"").count()
        + report.matches("<figure class=\"numbered-table\"").count();
    assert_eq!(
        count,
        figures.matches("<span class=\"figure-label\">").count()
    );
    assert!(report.contains("<span class=\"figure-label\">図2-1</span>"));
    assert!(report.contains("href=\"#cases-kobe-fig-kobe-companies\""));
    // Each part has its own `<main id="hk-main">`; every other id is unique over the parts.
    let ids: Vec<&str> = attribute_values(&report, "id")
        .into_iter()
        .filter(|id| *id != "hk-main")
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(
        ids.len(),
        unique.len(),
        "ids are unique over the whole report"
    );
}
