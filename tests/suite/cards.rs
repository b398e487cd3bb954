//! Title cards (`og:image`): drawn at build time with the theme's fonts, one per language for the report and
//! one per chapter, the same bytes on every build, PNGs of 1200 × 630 that decode.

use resvg::tiny_skia::Pixmap;

use crate::harness::SiteTest;

#[test]
fn title_cards_are_pngs_of_the_right_size_made_the_same_every_time() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--no-pdf"]);
    let first = site.tree("output/cards");
    assert_eq!(
        first.keys().collect::<Vec<_>>(),
        [
            "en/chapters-one.png",
            "en/report.png",
            "ja/chapters-one.png",
            "ja/report.png"
        ]
    );
    for (path, bytes) in &first {
        let png = Pixmap::decode_png(bytes).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!((png.width(), png.height()), (1200, 630), "{path}");
        // Text was drawn: white glyphs on the navy card.
        assert!(
            png.pixels()
                .iter()
                .filter(|p| p.red() > 200 && p.blue() > 200)
                .count()
                > 1000
        );
    }
    let again = site.copy();
    std::fs::remove_dir_all(again.dir.join("output")).unwrap();
    again.build_ok(&["--no-pdf"]);
    assert_eq!(
        again.tree("output/cards"),
        first,
        "two builds draw the same bytes"
    );
}

#[test]
fn pages_name_their_card_in_open_graph() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--no-pdf"]);
    let case = site.output("ja/cases/alpha/index.html");
    assert!(case.contains(
        "<meta property=\"og:image\" content=\"https://example.org/cards/ja/chapters-one.png\">\n\
         <meta property=\"og:image:width\" content=\"1200\">\n<meta property=\"og:image:height\" content=\"630\">\n\
         <meta property=\"og:image:alt\" content=\"試験報告書（令和7年版）：第1章 第一の章\">\n\
         <meta name=\"twitter:card\" content=\"summary_large_image\">"
    ));
    for page in [
        "en/index.html",
        "en/about/index.html",
        "en/glossary/index.html",
    ] {
        assert!(
            site.output(page).contains(
                "<meta property=\"og:image\" content=\"https://example.org/cards/en/report.png\">"
            ),
            "{page}"
        );
    }
}
