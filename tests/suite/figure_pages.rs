//! Each figure's home: its page in both languages, its downloads (PNG, SVG, CSV and the CSV's description),
//! the links to it from where it is shown, and the sitemap.

use crate::harness::{SiteTest, main_of};

const DIR_JA: &str = "ja/figures/alpha-growth/";
const DIR_EN: &str = "en/figures/alpha-growth/";

fn built() -> SiteTest {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&["--no-pdf"]);
    site
}

#[test]
fn a_figure_has_a_page_in_each_language_with_its_downloads_named_apart() {
    let site = built();
    let files: Vec<String> = site
        .tree("output")
        .into_keys()
        .filter(|p| p.contains("/figures/alpha-growth/"))
        .collect();
    assert_eq!(
        files,
        [
            "en/figures/alpha-growth/alpha-growth-en.bib",
            "en/figures/alpha-growth/alpha-growth-en.csv",
            "en/figures/alpha-growth/alpha-growth-en.csv-metadata.json",
            "en/figures/alpha-growth/alpha-growth-en.png",
            "en/figures/alpha-growth/alpha-growth-en.ris",
            "en/figures/alpha-growth/alpha-growth-en.svg",
            "en/figures/alpha-growth/alpha-growth-en.xlsx",
            "en/figures/alpha-growth/index.html",
            "ja/figures/alpha-growth/alpha-growth-ja.bib",
            "ja/figures/alpha-growth/alpha-growth-ja.csv",
            "ja/figures/alpha-growth/alpha-growth-ja.csv-metadata.json",
            "ja/figures/alpha-growth/alpha-growth-ja.png",
            "ja/figures/alpha-growth/alpha-growth-ja.ris",
            "ja/figures/alpha-growth/alpha-growth-ja.svg",
            "ja/figures/alpha-growth/alpha-growth-ja.xlsx",
            "ja/figures/alpha-growth/index.html",
        ]
    );
    let html = site.output(&format!("{DIR_JA}index.html"));
    assert!(
        html.contains("<title>図1-1 企業数の推移 | 試験報告書</title>"),
        "{html}"
    );
    assert!(html.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/figures/alpha-growth/\">"));
    let main = main_of(&html);
    assert!(main.contains("<h1>図1-1 企業数の推移</h1>"), "{main}");
    // The chart, both drawings; the data table open; its sources.
    assert!(main.contains("class=\"chart-svg chart-svg-bar chart-wide\""));
    assert!(main.contains("class=\"chart-svg chart-svg-bar chart-narrow\""));
    assert!(main.contains("<details class=\"chart-data\" open>"));
    assert!(main.contains("資料：試験省「試験資料」（2023年）"));
    // No link to itself.
    assert!(!main.contains("figure-permalink"));
    for (label, name) in [
        ("画像（PNG）", "alpha-growth-ja.png"),
        ("画像（SVG、拡大しても粗くならない）", "alpha-growth-ja.svg"),
        ("データをCSVでダウンロード", "alpha-growth-ja.csv"),
        ("データ（Excel）", "alpha-growth-ja.xlsx"),
    ] {
        assert!(
            main.contains(&format!(
                "<a href=\"/{DIR_JA}{name}\" download=\"{name}\">{label}</a>"
            )),
            "{name}: {main}"
        );
    }
    // Where it appears: its page and the whole report, at anchors those pages have.
    assert!(
        main.contains("<a href=\"/ja/cases/alpha/#fig-alpha-growth\">事例アルファ</a>"),
        "{main}"
    );
    let case = site.output("ja/cases/alpha/index.html");
    assert!(case.contains("id=\"fig-alpha-growth\""));
    // The figure is on the part of the whole report that holds its chapter.
    let report_link = main
        .split("<a href=\"/ja/report/")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a link into the whole report");
    assert_eq!(report_link, "chapters/one/#cases-alpha-fig-alpha-growth");
    let (part, id) = report_link.split_once('#').unwrap();
    let report = site.output(&format!("ja/report/{part}index.html"));
    assert!(report.contains(&format!("id=\"{id}\"")), "{report_link}");
    // Cite this figure: the citation and its BibTeX and RIS files.
    assert!(
        main.contains("<h2 id=\"hk-cite\">この図を引用する</h2>"),
        "{main}"
    );
    assert!(main.contains("図1-1 企業数の推移"));
    let bib = site.output(&format!("{DIR_JA}alpha-growth-ja.bib"));
    assert!(
        bib.starts_with("@techreport{hakusho-figures-alpha-growth-ja,"),
        "{bib}"
    );
    assert!(
        bib.contains("https://example.org/ja/figures/alpha-growth/"),
        "{bib}"
    );
    let en = main_of(&site.output(&format!("{DIR_EN}index.html"))).to_string();
    assert!(en.contains("<h1>Figure 1-1 Companies over time</h1>"));
    assert!(en.contains("<a href=\"/en/figures/alpha-growth/alpha-growth-en.png\" download=\"alpha-growth-en.png\">Image (PNG)</a>"));
}

#[test]
fn the_figure_on_its_page_links_to_its_home_and_its_csv() {
    let site = built();
    let main = main_of(&site.output("ja/cases/alpha/index.html")).to_string();
    assert!(
        main.contains(
            "<a class=\"figure-permalink\" href=\"/ja/figures/alpha-growth/\">この図のページ（画像・データ）\
             <span class=\"visually-hidden\">：図1-1</span></a> · \
             <a href=\"/ja/figures/alpha-growth/alpha-growth-ja.csv\" download=\"alpha-growth-ja.csv\">"
        ),
        "{main}"
    );
    assert!(!site.has_output("ja/cases/alpha/alpha-growth.csv"));
}

#[test]
fn the_csv_is_a_plain_table_and_its_description_says_what_it_is() {
    let site = built();
    assert_eq!(
        site.output(&format!("{DIR_JA}alpha-growth-ja.csv")),
        "\u{FEFF}区分,企業数（社）\r\n2018,350\r\n2023,362\r\n"
    );
    assert_eq!(
        site.output(&format!("{DIR_EN}alpha-growth-en.csv")),
        "\u{FEFF}Category,Companies\r\n2018,350\r\n2023,362\r\n"
    );
    let meta: serde_json::Value =
        serde_json::from_str(&site.output(&format!("{DIR_JA}alpha-growth-ja.csv-metadata.json")))
            .unwrap();
    assert_eq!(meta["url"], "alpha-growth-ja.csv");
    assert_eq!(meta["dc:title"], "図1-1 企業数の推移");
    assert_eq!(meta["dc:unit"], "社");
    assert_eq!(meta["dc:source"], "資料：試験省「試験資料」（2023年）");
    assert_eq!(meta["dc:language"], "ja");
    assert_eq!(
        meta["rdfs:seeAlso"],
        "https://example.org/ja/figures/alpha-growth/"
    );
    let columns = meta["tableSchema"]["columns"].as_array().unwrap();
    let titles: Vec<&str> = columns
        .iter()
        .map(|c| c["titles"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["区分", "企業数（社）"]);
    assert_eq!(columns[1]["datatype"], "number");
}

#[test]
fn the_images_carry_the_number_title_and_sources_and_the_png_is_twice_the_drawing() {
    let site = built();
    let tree = site.tree("output");
    let svg = String::from_utf8(tree[&format!("{DIR_JA}alpha-growth-ja.svg")].clone()).unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the SVG download is well-formed XML");
    let texts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(texts.first(), Some(&"図1-1 企業数の推移"));
    assert!(
        texts.contains(&"資料：試験省「試験資料」（2023年）"),
        "{texts:?}"
    );
    assert_eq!(
        texts.last(),
        Some(&"試験報告書 https://example.org/ja/figures/alpha-growth/")
    );
    let width: u32 = doc
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let height: u32 = doc
        .root_element()
        .attribute("height")
        .unwrap()
        .parse()
        .unwrap();
    let png = &tree[&format!("{DIR_JA}alpha-growth-ja.png")];
    let decoder = png::Decoder::new(std::io::Cursor::new(png.as_slice()));
    let info = decoder.read_info().expect("the PNG decodes").info().clone();
    assert_eq!((info.width, info.height), (2 * width, 2 * height));
}

#[test]
fn an_asset_named_like_an_old_chart_download_is_copied_as_it_is() {
    let site = SiteTest::fixture("minimal");
    site.write("content/cases/alpha/alpha-growth.csv", "x");
    site.build_ok(&["--no-pdf"]);
    assert_eq!(site.output("ja/cases/alpha/alpha-growth.csv"), "x");
}

#[test]
fn the_sitemap_lists_figure_pages_in_both_languages() {
    let site = built();
    let sitemap = site.output("sitemap.xml");
    for url in [
        "https://example.org/ja/figures/alpha-growth/",
        "https://example.org/en/figures/alpha-growth/",
    ] {
        assert!(sitemap.contains(&format!("<loc>{url}</loc>")), "{url}");
    }
}

#[test]
fn the_excel_workbook_holds_the_title_the_table_as_numbers_and_the_sources() {
    let site = built();
    let tree = site.tree("output");
    let book = &tree[&format!("{DIR_JA}alpha-growth-ja.xlsx")];
    // An xlsx is a zip of XML parts: read the sheet and its shared strings.
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(book.clone())).expect("a zip");
    let mut read = |part: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name(part).expect(part), &mut text).unwrap();
        text
    };
    let strings = read("xl/sharedStrings.xml");
    for text in [
        "図1-1 企業数の推移",
        "単位：社",
        "区分",
        "企業数（社）",
        "資料：試験省「試験資料」（2023年）",
        "試験報告書",
    ] {
        assert!(
            strings.contains(&format!("<t>{text}</t>")),
            "{text}: {strings}"
        );
    }
    let sheet = read("xl/worksheets/sheet1.xml");
    assert!(
        sheet.contains("<v>350</v>") && sheet.contains("<v>362</v>"),
        "{sheet}"
    );
    assert!(!sheet.contains("<f>"), "no formulas: {sheet}");
    let workbook = read("xl/workbook.xml");
    assert!(workbook.contains("name=\"データ\""), "{workbook}");
    // The same bytes from a second build.
    let again = built();
    assert_eq!(
        &again.tree("output")[&format!("{DIR_JA}alpha-growth-ja.xlsx")],
        book
    );
}

/// A PNG of one pixel carrying `key` as hakusho writes keys.
fn stand_in_png(key: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, 1, 1);
    encoder.set_color(png::ColorType::Rgb);
    encoder
        .add_text_chunk("hakusho-key".into(), key.into())
        .unwrap();
    let mut writer = encoder.write_header().unwrap();
    writer.write_image_data(&[0, 0, 0]).unwrap();
    writer.finish().unwrap();
    out
}

#[test]
fn a_rebuild_takes_the_previous_png_only_while_its_key_is_the_same_and_equals_a_build_from_nothing()
{
    let site = built();
    let path = format!("{DIR_JA}alpha-growth-ja.png");
    let first = site.tree("output")[&path].clone();
    let key = hakusho::raster::key_of(&first).expect("the PNG carries its key");
    // Same key: the previous file is taken as it is (here a stand-in, to see that it was taken).
    let stand_in = stand_in_png(&key);
    std::fs::write(site.dir.join("output").join(&path), &stand_in).unwrap();
    site.build_ok(&["--no-pdf"]);
    assert!(
        site.tree("output")[&path] == stand_in,
        "the PNG was drawn again"
    );
    // A key of something else: drawn again.
    std::fs::write(site.dir.join("output").join(&path), stand_in_png("0123")).unwrap();
    site.build_ok(&["--no-pdf"]);
    assert!(site.tree("output")[&path] == first);
    // The figure changed: drawn again, and the whole rebuilt output is what a build from nothing makes.
    let data = site.read("content/cases/alpha/data.yaml");
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("{ja: 企業数の推移,", "{ja: 企業数の変化,"),
    );
    site.build_ok(&["--no-pdf"]);
    let rebuilt = site.tree("output");
    assert!(rebuilt[&path] != first);
    let fresh = site.copy();
    std::fs::remove_dir_all(fresh.dir.join("output")).unwrap();
    fresh.build_ok(&["--no-pdf"]);
    let from_nothing = fresh.tree("output");
    assert_eq!(
        rebuilt.keys().collect::<Vec<_>>(),
        from_nothing.keys().collect::<Vec<_>>()
    );
    for (file, bytes) in &rebuilt {
        assert!(
            *bytes == from_nothing[file],
            "{file} differs from a build from nothing"
        );
    }
}

#[test]
fn the_list_of_figures_links_to_each_figure_in_its_text_and_to_its_page() {
    let site = built();
    let main = main_of(&site.output("ja/figures/index.html")).to_string();
    assert!(main.contains("<a href=\"/ja/cases/alpha/#fig-alpha-growth\"><span class=\"figure-label\">図1-1</span> 企業数の推移</a>"), "{main}");
    assert!(
        main.contains("<a href=\"/ja/figures/alpha-growth/\">この図のページ（画像・データ）<span class=\"visually-hidden\">：図1-1</span></a>"),
        "{main}"
    );
}
