//! The PDF editions as a reader gets them: written and linked with their size, tagged and accessible
//! (PDF/UA-1), with an outline, embedded fonts, the text in both languages, Japanese line breaking, content
//! kept as text, the same bytes on every build, and pages that are not blank.

use std::path::PathBuf;
use std::sync::OnceLock;

use crate::harness::SiteTest;
use crate::pdf_read::{facts, page_image, text_pages, visual_lines};

/// The bundled report, built once for the tests of this file that only read it.
fn bundled() -> &'static SiteTest {
    static SITE: OnceLock<SiteTest> = OnceLock::new();
    SITE.get_or_init(|| {
        let site = SiteTest::bundled();
        site.build_ok(&[]);
        site
    })
}

fn pdf(site: &SiteTest, rel: &str) -> PathBuf {
    let path = site.dir.join("output").join(rel);
    assert!(path.is_file(), "{rel} is not written");
    path
}

/// Text without the spaces and line breaks that layout puts in (Japanese has none of its own).
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// The bundled report's cases: the folders of content/cases/.
fn cases(site: &SiteTest) -> Vec<String> {
    let mut cases: Vec<String> = std::fs::read_dir(site.dir.join("content/cases"))
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4, "{cases:?}");
    cases
}

/// A size as the link shows it, worked out here independently: "347 KB", "1.2 MB".
fn shown_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

#[test]
fn each_language_has_the_whole_report_and_each_case_linked_with_its_size() {
    let site = bundled();
    for (lang, label) in [("ja", "PDF版（"), ("en", "PDF (")] {
        let report = format!("{lang}/report/report-{lang}.pdf");
        let size = std::fs::metadata(pdf(site, &report)).unwrap().len();
        let shown = format!("{label}{}", shown_size(size));
        for page in [
            "index.html",
            "report/index.html",
            "chapters/hubs/index.html",
        ] {
            let html = site.output(&format!("{lang}/{page}"));
            let link = format!(
                "href=\"/reports/2025/{report}\" type=\"application/pdf\" download=\"report-{lang}.pdf\">{shown}"
            );
            assert!(html.contains(&link), "{lang}/{page} has no link {link}");
        }
        for case in cases(site) {
            let file = format!("{lang}/cases/{case}/{case}-{lang}.pdf");
            let size = std::fs::metadata(pdf(site, &file)).unwrap().len();
            let html = site.output(&format!("{lang}/cases/{case}/index.html"));
            let link = format!("download=\"{case}-{lang}.pdf\">{label}{}", shown_size(size));
            assert!(
                html.contains(&link),
                "{lang}/cases/{case} has no link {link}"
            );
        }
    }
}

#[test]
fn the_whole_report_is_tagged_titled_outlined_and_in_its_language() {
    let site = bundled();
    for (lang, title) in [
        ("ja", "地域から始まる科学技術・イノベーション"),
        ("en", "Science, Technology and Innovation from the Regions"),
    ] {
        let f = facts(&pdf(site, &format!("{lang}/report/report-{lang}.pdf")));
        assert_eq!(f.lang.as_deref(), Some(lang));
        assert_eq!(f.title.as_deref(), Some(title));
        assert!(
            f.display_doc_title,
            "{lang}: the title is shown as the window title"
        );
        assert!(f.marked, "{lang}: a tagged PDF");
        assert!(f.pages >= 20, "{lang}: {} pages", f.pages);
        // Bookmarks: the chapters at the top, their cases below them, then the back matter.
        let top: Vec<&str> = f
            .outline
            .iter()
            .filter(|(d, _)| *d == 1)
            .map(|(_, t)| t.as_str())
            .collect();
        for back in if lang == "ja" {
            ["図表一覧", "用語集", "出典一覧"]
        } else {
            ["List of figures", "Glossary", "Sources"]
        } {
            assert!(top.iter().any(|t| t.starts_with(back)), "{lang}: {top:?}");
        }
        assert!(
            top.iter()
                .filter(|t| t.starts_with("第") || t.starts_with("Chapter"))
                .count()
                >= 3,
            "{lang}: {top:?}"
        );
        let kobe = if lang == "ja" {
            "神戸医療産業都市"
        } else {
            "Kobe"
        };
        let at = f
            .outline
            .iter()
            .position(|(_, t)| t.contains(kobe))
            .unwrap_or_else(|| panic!("{lang}: no {kobe} in {:?}", f.outline));
        assert!(
            f.outline[at].0 >= 2,
            "{lang}: a case sits under its chapter"
        );
        // The structure tree: headings, paragraphs, lists, tables with header cells, figures, links.
        for kind in [
            "H1", "H2", "P", "L", "LI", "Table", "TH", "TD", "Figure", "Link",
        ] {
            assert!(
                f.structure.get(kind).copied().unwrap_or(0) > 0,
                "{lang}: no {kind} in {:?}",
                f.structure
            );
        }
        // Every chart of the site (each is listed on the list of figures) is a figure, described by the
        // chart's text alternative.
        let charts = site
            .output(&format!("{lang}/figures/index.html"))
            .matches("/#fig-")
            .count();
        assert!(charts >= 4, "{lang}: {charts} charts on the site");
        assert_eq!(f.figure_alts.len(), charts, "{lang}: figures in the PDF");
        for alt in &f.figure_alts {
            assert!(
                alt.as_deref().is_some_and(|a| a.chars().count() > 10),
                "{lang}: a figure without alt text: {alt:?}"
            );
        }
        // Fonts: embedded subsets of the theme's fonts, none from the machine.
        assert!(!f.fonts.is_empty());
        for (name, embedded) in &f.fonts {
            assert!(*embedded, "{lang}: {name} is not embedded");
            assert!(
                name.len() > 7 && name.as_bytes()[6] == b'+',
                "{lang}: {name} is not a subset"
            );
            assert!(
                name.contains("NotoSans"),
                "{lang}: {name} is not a theme font"
            );
        }
        if lang == "ja" {
            assert!(
                f.fonts.keys().any(|n| n.contains("NotoSansCJKjp")),
                "{:?}",
                f.fonts
            );
        }
    }
}

#[test]
fn the_whole_report_reads_in_both_languages() {
    let site = bundled();
    let ja = text_pages(&pdf(site, "ja/report/report-ja.pdf"));
    let en = text_pages(&pdf(site, "en/report/report-en.pdf"));
    // Title page, then the contents with page numbers.
    assert!(
        ja[0].contains("地域から始まる科学技術・イノベーション"),
        "{}",
        ja[0]
    );
    assert!(
        squeezed(&en[0]).contains("Science,TechnologyandInnovationfromtheRegions"),
        "{}",
        en[0]
    );
    assert!(ja[1].contains("目次"), "{}", ja[1]);
    assert!(en[1].contains("Contents"), "{}", en[1]);
    let toc_line = ja[1]
        .lines()
        .find(|l| l.contains("神戸医療産業都市"))
        .expect("Kobe in the contents");
    assert!(
        toc_line.contains(". . .") && toc_line.trim_end().ends_with(|c: char| c.is_ascii_digit()),
        "{toc_line}"
    );
    // Figures keep the site's numbers; a case's Japanese text is there, whole, as text.
    let ja_all = squeezed(&ja.join(""));
    assert!(ja_all.contains("図2-1"), "no 図2-1");
    assert!(
        squeezed(&en.join("")).contains("Figure2-1"),
        "no Figure 2-1"
    );
    assert!(
        ja_all.contains(&squeezed("拠点の中心は、神戸市のポートアイランドである。")),
        "no sentence of the Kobe case"
    );
    assert!(
        ja_all.contains("図表一覧") && ja_all.contains("用語集") && ja_all.contains("出典一覧")
    );
    // A numbered table (Kawasaki's: the second of chapter 2, after the chapter page's captioned Markdown
    // table), captioned with the site's number, its numbers formatted, listed with the figures; references
    // written as numbers.
    assert_eq!(
        ja_all
            .matches(&squeezed(
                "表2-1 リサーチコンプレックス推進プログラムの3拠点の規模"
            ))
            .count(),
        2,
        "the chapter's captioned Markdown table and its line in 図表一覧"
    );
    let caption = squeezed("表2-2 県資料が示す神奈川県内の研究開発資源");
    assert_eq!(
        ja_all.matches(&caption).count(),
        2,
        "the table and its line in 図表一覧"
    );
    assert!(
        ja_all.contains(&squeezed("研究者数（約、人）1万4,000")),
        "no table row"
    );
    assert!(
        ja_all.contains(&squeezed("研究者は約1万4,000人、技術者は約37万人")),
        "no @kf:"
    );
    assert!(
        squeezed(&en.join("")).contains(&squeezed("Table 2-2 Research and development resources")),
        "no Table 2-2"
    );
    // Page numbers: a page of the body ends with its number.
    let numbered = ja
        .iter()
        .enumerate()
        .skip(2)
        .filter(|(i, p)| p.trim_end().ends_with(&(i + 1).to_string()))
        .count();
    assert!(
        numbered * 10 >= (ja.len() - 2) * 9,
        "{numbered} of {} pages end with their number",
        ja.len()
    );
}

#[test]
fn japanese_lines_never_start_with_closing_punctuation_or_small_kana() {
    let site = bundled();
    let forbidden = "。、，．」』）】〕・：；！？ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶー々";
    for file in ["ja/report/report-ja.pdf", "ja/cases/kobe/kobe-ja.pdf"] {
        for (n, page) in visual_lines(&pdf(site, file)).iter().enumerate() {
            for line in page {
                let first = line.trim_start().chars().next();
                assert!(
                    !first.is_some_and(|c| forbidden.contains(c)),
                    "{file}, page {}: a line starts with {first:?}: {line}",
                    n + 1
                );
            }
        }
    }
}

#[test]
fn a_case_edition_has_its_own_title_block_and_links_out_to_the_site() {
    let site = bundled();
    let path = pdf(site, "ja/cases/kobe/kobe-ja.pdf");
    let f = facts(&path);
    assert_eq!(f.lang.as_deref(), Some("ja"));
    assert!(
        f.title
            .as_deref()
            .is_some_and(|t| t.contains("神戸医療産業都市")),
        "{:?}",
        f.title
    );
    assert!(f.pages >= 2 && f.pages < 12, "{} pages", f.pages);
    let text = text_pages(&path);
    // The first page has the report and chapter above the title, then the summary and key figures.
    let first = squeezed(&text[0]);
    assert!(
        first.contains("地域から始まる科学技術・イノベーション") && first.contains("主要データ"),
        "{}",
        text[0]
    );
    assert!(
        !squeezed(&text.join("")).contains("オープンイノベーション都市かわさき拠点の"),
        "another case's text"
    );
}

#[test]
fn pages_are_drawn_not_blank() {
    let site = bundled();
    let path = pdf(site, "ja/report/report-ja.pdf");
    // The title page, the contents, the first chapter and the page with Figure 2-1 (a chart).
    let chart = text_pages(&path)
        .iter()
        .position(|p| squeezed(p).contains("図2-1"))
        .expect("a page with 図2-1")
        + 1;
    for n in [1, 2, 3, chart] {
        let (w, h, pixels) = page_image(&path, n, 24);
        assert!(
            w > 150 && h > 220 && h > w,
            "page {n}: {w}×{h}, portrait A4"
        );
        let ink = pixels.iter().filter(|&&p| p < 128).count() as f64 / pixels.len() as f64;
        assert!(
            ink > 0.001 && ink < 0.25,
            "page {n}: {:.2}% ink",
            ink * 100.0
        );
    }
}

#[test]
fn titles_and_text_with_typst_markup_stay_text() {
    let site = SiteTest::fixture("minimal");
    let hostile =
        r#"#set page(width: 2cm) *太字* $x^2$ [a](b) \ <l> @fig //c /* ) ] "q" #{panic("x")}"#;
    let page = site.read("content/cases/alpha/index.ja.md");
    let page = page.replacen(
        "title: 事例アルファ",
        &format!("title: '{}'", hostile.replace('\'', "''")),
        1,
    );
    // (`&quot;`: a straight quote in text, which smart punctuation leaves as it is, to be escaped for Typst.)
    let body = "\n\n#panic(&quot;本文&quot;) $$ x $$ `#raw` = 見出し\n\n- #list *a* _b_\n";
    site.write("content/cases/alpha/index.ja.md", page + body);
    site.build_ok(&[]);
    let path = pdf(&site, "ja/cases/alpha/alpha-ja.pdf");
    let text = squeezed(&text_pages(&path).join(""));
    assert!(
        text.contains(&squeezed(hostile)),
        "the title is not kept as text:\n{text}"
    );
    assert!(
        text.contains(&squeezed("#panic(\"本文\") $$ x $$")),
        "{text}"
    );
    assert!(text.contains("#list"), "{text}");
    assert_eq!(
        facts(&path)
            .title
            .as_deref()
            .map(|t| t.contains("#set page(width: 2cm)")),
        Some(true)
    );
}

#[test]
fn two_builds_give_the_same_bytes_dated_by_the_edition_not_the_clock() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    let first = site.tree("output");
    site.build_ok(&[]);
    let second = site.tree("output");
    let pdfs: Vec<&String> = first.keys().filter(|p| p.ends_with(".pdf")).collect();
    assert_eq!(pdfs.len(), 4, "{pdfs:?}");
    for p in pdfs {
        assert!(first[p] == second[p], "{p} differs between two builds");
        let text = String::from_utf8_lossy(&first[p]);
        if p.contains("/cases/") {
            // The case's date (2025-03-31), not today's.
            assert!(
                text.contains("2025-03-31") || text.contains("D:20250331"),
                "{p} has no edition date"
            );
        } else {
            // The fixture's cover has no date: the whole report then has none either.
            assert!(!text.contains("/CreationDate"), "{p} is dated");
        }
    }
}

#[test]
fn switched_off_in_site_yaml_or_for_one_build_there_is_no_pdf_and_no_link() {
    let site = SiteTest::fixture("minimal");
    let config = site.read("content/site.yaml");
    site.write("content/site.yaml", config.clone() + "pdf: false\n");
    let by_config = site.copy();
    site.write("content/site.yaml", config);
    for (how, site, args) in [
        ("pdf: false", &by_config, vec![]),
        ("--no-pdf", &site, vec!["--no-pdf"]),
    ] {
        site.build_ok(&args);
        let tree = site.tree("output");
        assert!(tree.len() > 20, "{how}: the site is built");
        assert!(
            !tree.keys().any(|p| p.ends_with(".pdf")),
            "{how}: a PDF is written"
        );
        let linked = tree
            .iter()
            .filter(|(p, b)| {
                p.ends_with(".html") && String::from_utf8_lossy(b).contains("pdf-link")
            })
            .count();
        assert_eq!(linked, 0, "{how}: pages link to PDFs");
    }
}

#[test]
fn footnotes_and_markdown_tables_are_in_the_pdf_tagged_and_numbered_under_a_caption() {
    let site = SiteTest::fixture("minimal");
    let page = site.read("content/about/index.ja.md");
    let table = "\n\nTable: 年度別の件数 {#about-counts}\n\n| 年度 | 件数 |\n|---|--:|\n| 令和5年度 | 1,234 |\n| 令和6年度 | 5,678 |\n\n@tbl:about-countsを見よ。\n";
    site.write("content/about/index.ja.md", page + table);
    site.build_ok(&[]);
    let path = pdf(&site, "ja/report/report-ja.pdf");
    let text = squeezed(&text_pages(&path).join(""));
    // The case's footnote, at the foot of its page, and the table's cells.
    assert!(text.contains("試験資料による。"), "{text}");
    assert!(text.contains("令和6年度5,678"), "{text}");
    // Its caption line made it a numbered table (表1: the page is in no chapter), captioned, listed with
    // the figures and referred to by number.
    assert_eq!(text.matches("表1年度別の件数").count(), 2, "{text}");
    assert!(text.contains("表1を見よ。"), "{text}");
    let f = facts(&path);
    // Two header cells for the Markdown table, besides those of the chart's data table.
    let chart_only = facts(&pdf(&site, "ja/cases/alpha/alpha-ja.pdf"));
    let th = |f: &crate::pdf_read::PdfFacts| f.structure.get("TH").copied().unwrap_or(0);
    assert!(th(&f) >= th(&chart_only) + 2, "{:?}", f.structure);
    assert!(
        f.structure.contains_key("FENote") || f.structure.contains_key("Note"),
        "{:?}",
        f.structure
    );
}
