//! Charts through the public API: every kind with one and three series in both languages, and degenerate data.
//! Every SVG is parsed as XML and checked for what a reader and a screen reader need: `role="img"`, `<title>`
//! and `<desc>` in the right language, a `viewBox` without fixed size, real `<text>`, no label over another,
//! and identical bytes on a second render. One snapshot per kind and language is kept under `snapshots/`.

#[path = "charts/data.rs"]
mod data;

use data::{THREE, YEARS, chart, degenerate, kinds, kobe, t};
use hakusho::chart::{ChartStyle, render_svg, render_svg_narrow, text_alternative};
use hakusho::model::chart::{Chart, ChartKind, NumberScale};
use hakusho::model::lang::Lang;

/// The estimated box of a text element: CJK 1 em, anything else 0.55 em (the rule the layout must respect).
#[derive(Debug, Clone)]
#[allow(dead_code)] // `text` is for failure messages
struct TextBox {
    text: String,
    x0: f64,
    x1: f64,
    y0: f64,
    y1: f64,
}

fn em(c: char) -> f64 {
    if c.is_ascii() {
        0.55
    } else if ('\u{00A0}'..='\u{024F}').contains(&c) {
        0.6
    } else {
        1.0
    }
}

fn text_box(node: roxmltree::Node<'_, '_>) -> TextBox {
    let num = |name: &str| {
        node.attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let text = node.text().unwrap_or("").to_string();
    let size = num("font-size");
    let width: f64 = text.chars().map(em).sum::<f64>() * size;
    let (x, y) = (num("x"), num("y"));
    let (before, after) = match node.attribute("text-anchor") {
        Some("middle") => (width / 2.0, width / 2.0),
        Some("end") => (width, 0.0),
        _ => (0.0, width),
    };
    if node
        .attribute("transform")
        .is_some_and(|t| t.starts_with("rotate(270"))
    {
        // Read bottom to top: the text runs up from its start, the glyphs lie left of the baseline.
        TextBox {
            text,
            x0: x - 0.8 * size,
            x1: x + 0.2 * size,
            y0: y - after,
            y1: y + before,
        }
    } else {
        TextBox {
            text,
            x0: x - before,
            x1: x + after,
            y0: y - 0.8 * size,
            y1: y + 0.2 * size,
        }
    }
}

fn overlaps(a: &TextBox, b: &TextBox) -> bool {
    let slack = 0.5;
    a.x0 + slack < b.x1 && b.x0 + slack < a.x1 && a.y0 + slack < b.y1 && b.y0 + slack < a.y1
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Everything a rendered chart must satisfy; the narrow variant (for phones) also keeps its text at 12 units or
/// more and its width at 320.
fn check_svg(name: &str, chart: &Chart, lang: Lang, svg: &str, narrow: bool) {
    let ctx = format!(
        "{name} ({}{})",
        lang.code(),
        if narrow { ", narrow" } else { "" }
    );
    assert!(
        svg.starts_with("<svg"),
        "{ctx}: starts with {:?}",
        &svg[..20.min(svg.len())]
    );
    let doc =
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{ctx}: not XML: {e}\n{svg}"));
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{ctx}");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg"),
        "{ctx}"
    );
    assert_eq!(root.attribute("role"), Some("img"), "{ctx}");
    assert_eq!(root.attribute("width"), None, "{ctx}: fixed width");
    assert_eq!(root.attribute("height"), None, "{ctx}: fixed height");
    let view_box: Vec<f64> = root
        .attribute("viewBox")
        .unwrap_or_else(|| panic!("{ctx}: no viewBox"))
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect();
    assert_eq!(view_box.len(), 4, "{ctx}");
    assert!(
        view_box[2] > 0.0 && view_box[3] > 0.0 && view_box[3] < 5000.0,
        "{ctx}: {view_box:?}"
    );
    assert!(
        root.attribute("font-family")
            .unwrap_or("")
            .contains("Noto Sans"),
        "{ctx}"
    );

    assert_eq!(view_box[2], if narrow { 320.0 } else { 720.0 }, "{ctx}");
    let variant = if narrow { "narrow-" } else { "" };
    let prefix = format!("chart-{}-{}-{variant}", chart.id, lang.code());
    assert_eq!(
        root.attribute("aria-labelledby"),
        Some(format!("{prefix}title {prefix}desc").as_str()),
        "{ctx}"
    );
    let title = root
        .children()
        .find(|n| n.has_tag_name("title"))
        .unwrap_or_else(|| panic!("{ctx}: no title"));
    let desc = root
        .children()
        .find(|n| n.has_tag_name("desc"))
        .unwrap_or_else(|| panic!("{ctx}: no desc"));
    assert_eq!(
        title.attribute("id"),
        Some(format!("{prefix}title").as_str()),
        "{ctx}"
    );
    assert_eq!(
        desc.attribute("id"),
        Some(format!("{prefix}desc").as_str()),
        "{ctx}"
    );
    assert_eq!(title.text(), Some(chart.title.get(lang).as_str()), "{ctx}");
    assert_eq!(
        desc.text(),
        Some(text_alternative(chart, lang).as_str()),
        "{ctx}"
    );
    let other = lang.other();
    assert!(
        !desc
            .text()
            .unwrap()
            .contains(chart.title.get(other).as_str()),
        "{ctx}: other language in desc"
    );

    // Text is real text, in the reader's language.
    let texts: Vec<roxmltree::Node<'_, '_>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .collect();
    assert!(!texts.is_empty(), "{ctx}: no text");
    let all_text: String = texts
        .iter()
        .map(|n| squash(n.text().unwrap_or("")))
        .collect();
    let rotated = texts.iter().any(|n| n.attribute("transform").is_some());
    if !rotated {
        for category in &chart.categories {
            let want = squash(category.get(lang));
            assert!(
                all_text.contains(&want),
                "{ctx}: category {want} missing from {all_text}"
            );
        }
    }
    if chart.series.len() > 1 {
        for series in &chart.series {
            let want = squash(series.name.get(lang));
            assert!(all_text.contains(&want), "{ctx}: series {want} missing");
        }
    }
    for category in &chart.categories {
        let foreign = squash(category.get(other));
        if foreign != squash(category.get(lang)) && foreign.chars().count() > 4 {
            assert!(
                !all_text.contains(&foreign),
                "{ctx}: {foreign} from the other language"
            );
        }
    }

    if narrow {
        for n in &texts {
            let size: f64 = n.attribute("font-size").unwrap_or("0").parse().unwrap();
            assert!(size >= 12.0, "{ctx}: text {:?} at {size}", n.text());
        }
    }

    // No label over another, and all inside the drawing.
    let boxes: Vec<TextBox> = texts.iter().map(|n| text_box(*n)).collect();
    for (i, a) in boxes.iter().enumerate() {
        assert!(
            a.x0 >= -0.5 && a.x1 <= view_box[2] + 0.5 && a.y0 >= -0.5 && a.y1 <= view_box[3] + 0.5,
            "{ctx}: {a:?} outside {view_box:?}"
        );
        for b in &boxes[i + 1..] {
            assert!(!overlaps(a, b), "{ctx}: {a:?} overlaps {b:?}");
        }
    }

    // Deterministic.
    let again = if narrow {
        render_svg_narrow(chart, lang, &ChartStyle::default())
    } else {
        render_svg(chart, lang, &ChartStyle::default())
    };
    assert_eq!(svg, again, "{ctx}: second render differs");
}

fn check_all(cases: &[(String, Chart)]) {
    let style = ChartStyle::default();
    for (name, chart) in cases {
        for lang in Lang::ALL {
            check_svg(name, chart, lang, &render_svg(chart, lang, &style), false);
            check_svg(
                name,
                chart,
                lang,
                &render_svg_narrow(chart, lang, &style),
                true,
            );
        }
    }
}

#[test]
fn every_kind_with_one_and_three_series() {
    check_all(&kinds());
}

#[test]
fn degenerate_data_draws_sensible_charts() {
    check_all(&degenerate());
}

#[test]
fn bundled_example_checks() {
    check_all(&[("kobe".to_string(), kobe())]);
}

#[test]
fn snapshots_of_each_kind_in_both_languages() {
    let style = ChartStyle::default();
    for (name, chart) in kinds() {
        for lang in Lang::ALL {
            let svg = render_svg(&chart, lang, &style);
            insta::assert_snapshot!(format!("{name}_{}", lang.code()), svg);
            let svg = render_svg_narrow(&chart, lang, &style);
            insta::assert_snapshot!(format!("{name}_{}_narrow", lang.code()), svg);
        }
    }
}

#[test]
fn text_alternative_gives_every_value() {
    let c = kobe();
    assert_eq!(
        text_alternative(&c, Lang::Ja),
        "棒グラフ：進出企業・団体数の推移。2018年7月 350社、令和5年版白書 362社。"
    );
    assert_eq!(
        text_alternative(&c, Lang::En),
        "Bar chart: Companies and organisations located in the cluster. Jul 2018: 350 companies; \
         2023 White Paper: 362 companies."
    );
    let mut stacked = chart("s", ChartKind::Stacked, &YEARS[..2], &[THREE[0], THREE[1]]);
    stacked.note = Some(t("概数。", "Approximate"));
    stacked.scale = NumberScale::Myriad;
    stacked.series[0].values = vec![12000.0, -1500.0];
    assert_eq!(
        text_alternative(&stacked, Lang::Ja),
        "積み上げ棒グラフ：進出企業・団体数の推移。神戸：2019年 1万2,000社、2020年 −1,500社。\
         川崎：2019年 80社、2020年 95社。合計：2019年 1万2,080社、2020年 −1,405社。注：概数。"
    );
    assert_eq!(
        text_alternative(&stacked, Lang::En),
        "Stacked bar chart: Companies and organisations located in the cluster. \
         Kobe — 2019: 12,000 companies; 2020: −1,500 companies. Kawasaki — 2019: 80 companies; 2020: 95 companies. \
         Total — 2019: 12,080 companies; 2020: −1,405 companies. Note: Approximate."
    );
}

#[test]
fn ids_differ_between_charts_and_languages() {
    let style = ChartStyle::default();
    let a = render_svg(&kobe(), Lang::Ja, &style);
    let b = render_svg(&kobe(), Lang::En, &style);
    assert!(a.contains("id=\"chart-kobe-growth-ja-title\""));
    assert!(b.contains("id=\"chart-kobe-growth-en-title\""));
    assert!(a.contains("xml:lang=\"ja\""));
}

#[test]
fn theme_colours_are_used() {
    let style = ChartStyle {
        palette: vec!["#112233".into(), "#445566".into()],
        text_color: "#010203".into(),
        ..ChartStyle::default()
    };
    let svg = render_svg(&kinds()[1].1, Lang::En, &style);
    assert!(svg.contains("fill=\"#112233\""));
    assert!(svg.contains("fill=\"#445566\""));
    assert!(svg.contains("fill=\"#010203\""));
}

#[test]
fn line_series_differ_in_dash_and_marker() {
    let c = chart("l", ChartKind::Line, &YEARS, &THREE);
    let svg = render_svg(&c, Lang::Ja, &ChartStyle::default());
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let dashes: Vec<Option<&str>> = doc
        .descendants()
        .filter(|n| {
            n.attribute("class")
                .is_some_and(|c| c.starts_with("series "))
        })
        .map(|n| n.attribute("stroke-dasharray"))
        .collect();
    assert_eq!(dashes.len(), 3);
    assert_eq!(dashes[0], None);
    assert!(dashes[1].is_some() && dashes[2].is_some() && dashes[1] != dashes[2]);
    let markers = doc
        .descendants()
        .find(|n| n.attribute("class") == Some("markers"))
        .unwrap();
    let kinds: std::collections::BTreeSet<&str> = markers
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(
        kinds.into_iter().collect::<Vec<_>>(),
        vec!["circle", "polygon", "rect"]
    );
}

#[test]
fn hbar_grows_with_categories() {
    let height = |n: usize| {
        let cats: Vec<(String, String)> = (0..n)
            .map(|i| (format!("地域{i}"), format!("Region {i}")))
            .collect();
        let cats: Vec<(&str, &str)> = cats.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let values = vec![1.0; n];
        let c = chart("h", ChartKind::HBar, &cats, &[("値", "Value", &values)]);
        let svg = render_svg(&c, Lang::Ja, &ChartStyle::default());
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let vb = doc.root_element().attribute("viewBox").unwrap().to_string();
        vb.split(' ').nth(3).unwrap().parse::<f64>().unwrap()
    };
    assert!(height(12) > height(3) + 200.0);
}

/// Rendering speed: `cargo test --release --test charts -- --ignored --nocapture`.
#[test]
#[ignore]
fn bench_render_1000_charts() {
    let style = ChartStyle::default();
    let charts: Vec<Chart> = kinds().into_iter().map(|(_, c)| c).collect();
    let start = std::time::Instant::now();
    let svg = render_svg(&charts[1], Lang::Ja, &style);
    let one = start.elapsed();
    let start = std::time::Instant::now();
    let mut bytes = svg.len();
    for i in 0..1000 {
        let lang = Lang::ALL[i % 2];
        bytes += render_svg(&charts[i % charts.len()], lang, &style).len();
    }
    let all = start.elapsed();
    eprintln!("one chart: {one:?}; 1000 charts: {all:?} ({bytes} bytes)");
}
