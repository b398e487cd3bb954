//! The map of Japan on the cover and the regions index: prefectures with cases shaded and linked, cases
//! with coordinates marked and labelled in the page's language, a text alternative and the same links as a
//! list.

use crate::harness::SiteTest;

/// The minimal fixture with Hyogo's prefecture code, a second region without one, and Kobe marked.
fn site_with_a_map() -> SiteTest {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/taxonomies.yaml",
        "regions:\n  hyogo: {ja: 兵庫県, en: Hyogo, code: 28}\n  nationwide: {ja: 全国, en: Nationwide}\n\
         fields:\n  medicine: {ja: 医療, en: Medicine}\nprogrammes:\n  coi: {ja: COIプログラム, en: COI Program}\n",
    );
    let data = site.read("content/cases/alpha/data.yaml").replacen(
        "sources: [doc1]",
        "coordinates: [34.69, 135.20]\nplace: {ja: 神戸市, en: Kobe}\nsources: [doc1]",
        1,
    );
    site.write("content/cases/alpha/data.yaml", data);
    site
}

/// The map's drawings in a page.
fn drawings(html: &str) -> Vec<&str> {
    html.match_indices(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 578 658\" class=\"japan-map",
    )
    .map(|(i, _)| {
        let end = html[i..].find("</svg>").expect("the drawing ends") + i + "</svg>".len();
        &html[i..end]
    })
    .collect()
}

#[test]
fn the_cover_and_the_regions_index_show_the_map_in_both_languages() {
    let site = site_with_a_map();
    site.build_ok(&[]);
    for (page, lang, name, place, url) in [
        (
            "ja/index.html",
            "ja",
            "兵庫県",
            "神戸市",
            "/ja/regions/hyogo/",
        ),
        ("en/index.html", "en", "Hyogo", "Kobe", "/en/regions/hyogo/"),
        (
            "ja/regions/index.html",
            "ja",
            "兵庫県",
            "神戸市",
            "/ja/regions/hyogo/",
        ),
        (
            "en/regions/index.html",
            "en",
            "Hyogo",
            "Kobe",
            "/en/regions/hyogo/",
        ),
    ] {
        let html = site.output(page);
        let svgs = drawings(&html);
        assert_eq!(svgs.len(), 2, "{page}: a wide and a narrow drawing");
        for svg in svgs {
            roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{page}: {e}"));
            assert!(svg.contains(&format!("xml:lang=\"{lang}\"")), "{page}");
            assert_eq!(
                svg.matches("<a href=").count(),
                1,
                "{page}: only Hyogo is a link"
            );
            assert!(
                svg.contains(&format!(
                    "<a href=\"{url}\" class=\"map-region\"><title>{name}</title>"
                )),
                "{page}"
            );
            assert!(
                svg.contains(&format!(">{place}</text>")),
                "{page}: Kobe is labelled"
            );
            assert_eq!(svg.matches("<circle").count(), 1, "{page}: one mark");
            assert!(
                svg.contains("aria-describedby=\"map-description\""),
                "{page}"
            );
        }
        assert!(
            html.contains(&format!("<li><a href=\"{url}\">{name}</a>")),
            "{page}: the list"
        );
        assert!(
            html.contains("<figcaption id=\"map-description\">"),
            "{page}"
        );
    }
    let ja = site.output("ja/index.html");
    assert!(ja.contains("日本地図。事例のある都道府県（兵庫県）を色で示しています。沖縄県は左上の枠の中に示しています。事例の場所（神戸市）に印を付けています。"));
    let en = site.output("en/regions/index.html");
    assert!(en.contains("Map of Japan. The prefectures with cases (Hyogo) are shaded. Okinawa is shown in the box at the top left. The places of the cases (Kobe) are marked."));
    assert!(en.contains("<h2 id=\"hk-map-title\">Prefectures with cases</h2>"));
}

#[test]
fn without_prefecture_codes_there_is_no_map_and_the_build_still_works() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    assert!(!site.output("ja/index.html").contains("japan-map"));
    assert!(!site.output("en/regions/index.html").contains("japan-map"));
    assert!(site.output("en/regions/index.html").contains("Hyogo"));
}

#[test]
fn regions_are_listed_north_to_south() {
    let site = SiteTest::fixture("minimal");
    site.write(
        "content/taxonomies.yaml",
        "regions:\n  nationwide: {ja: 全国, en: Nationwide}\n  hyogo: {ja: 兵庫県, en: Hyogo, code: 28}\n  hokkaido: {ja: 北海道, en: Hokkaido, code: 1}\n\
         fields:\n  medicine: {ja: 医療, en: Medicine}\nprogrammes:\n  coi: {ja: COIプログラム, en: COI Program}\n",
    );
    let data = site.read("content/cases/alpha/data.yaml").replacen(
        "regions: [hyogo]",
        "regions: [nationwide, hyogo, hokkaido]",
        1,
    );
    site.write("content/cases/alpha/data.yaml", data);
    site.build_ok(&[]);
    let en = site.output("en/regions/index.html");
    let at = |s: &str| {
        en.find(&format!(">{s}</a> <span class=\"count\">"))
            .unwrap_or_else(|| panic!("{s}"))
    };
    assert!(at("Hokkaido") < at("Hyogo") && at("Hyogo") < at("Nationwide"));
}
