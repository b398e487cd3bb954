//! The charts the property checks and snapshots draw: every kind with one and three series, and awkward data.

use hakusho::model::chart::{Chart, ChartKind, Mark, NumberScale, RightAxis, Series};
use hakusho::model::lang::Text;

pub(crate) fn t(ja: &str, en: &str) -> Text {
    Text {
        ja: ja.to_string(),
        en: en.to_string(),
    }
}

/// A series as written in these tests: Japanese name, English name, values.
pub(crate) type SeriesSpec<'a> = (&'a str, &'a str, &'a [f64]);
/// Categories as written in these tests: Japanese, English.
pub(crate) type Categories<'a> = Vec<(&'a str, &'a str)>;

/// A chart with the given categories and series (name ja, name en, values) and units in both languages. As
/// the loader asks, a donut keeps the first series only, and a combo chart of several series draws the last as
/// a line on a right axis in per cent.
pub(crate) fn chart(
    id: &str,
    kind: ChartKind,
    categories: &[(&str, &str)],
    series: &[SeriesSpec<'_>],
) -> Chart {
    let series = match kind {
        ChartKind::Donut => &series[..1.min(series.len())],
        _ => series,
    };
    let combo = kind == ChartKind::Combo && series.len() > 1;
    Chart {
        id: id.to_string(),
        kind,
        title: t(
            "進出企業・団体数の推移",
            "Companies and organisations located in the cluster",
        ),
        categories: categories.iter().map(|(ja, en)| t(ja, en)).collect(),
        series: series
            .iter()
            .enumerate()
            .map(|(j, (ja, en, values))| Series {
                name: t(ja, en),
                values: values.to_vec(),
                mark: if combo && j + 1 == series.len() {
                    Mark::Line
                } else {
                    Mark::Bar
                },
            })
            .collect(),
        unit: Some(t("社", "companies")),
        value_title: Some(t("社数", "Number")),
        category_title: Some(t("時点", "Time")),
        right_axis: combo.then(|| RightAxis {
            unit: Some(t("%", "%")),
            title: Some(t("比率", "Rate")),
        }),
        scale: NumberScale::Plain,
        note: None,
        sources: vec![hakusho::model::citation::Citation::of("wp2023")],
    }
}

pub(crate) const YEARS: [(&str, &str); 5] = [
    ("2019年", "2019"),
    ("2020年", "2020"),
    ("2021年", "2021"),
    ("2022年", "2022"),
    ("2023年", "2023"),
];

pub(crate) const REGIONS: [(&str, &str); 4] = [
    ("神奈川地域（2023年11月）", "Kanagawa (Nov 2023)"),
    ("鶴岡地域（2024年9月）", "Tsuruoka (Sep 2024)"),
    ("宮城地域（2024年10月）", "Miyagi (Oct 2024)"),
    ("福岡地域（2024年11月）", "Fukuoka (Nov 2024)"),
];

pub(crate) const THREE: [SeriesSpec<'static>; 3] = [
    ("神戸", "Kobe", &[120.0, 180.0, 260.0, 310.0, 362.0]),
    ("川崎", "Kawasaki", &[80.0, 95.0, 150.0, 170.0, 240.0]),
    (
        "鶴岡（山形県）",
        "Tsuruoka (Yamagata)",
        &[20.0, 35.0, 40.0, 60.0, 75.0],
    ),
];

/// The kobe chart of the bundled report, as the README's example.
pub(crate) fn kobe() -> Chart {
    let mut c = chart(
        "kobe-growth",
        ChartKind::Bar,
        &[
            ("2018年7月", "Jul 2018"),
            ("令和5年版白書", "2023 White Paper"),
        ],
        &[(
            "企業・団体数",
            "Companies and organisations",
            &[350.0, 362.0],
        )],
    );
    c.category_title = Some(t("時点", "Time"));
    c
}

/// Each kind with one series and with three.
pub(crate) fn kinds() -> Vec<(String, Chart)> {
    let mut out = Vec::new();
    for kind in ChartKind::ALL {
        let name = kind.name();
        let one = match kind {
            ChartKind::HBar => chart(
                &format!("{name}-one"),
                kind,
                &REGIONS,
                &[(
                    "ヒアリング対象機関",
                    "Organisations interviewed",
                    &[1.0, 5.0, 4.0, 7.0],
                )],
            ),
            // The smallest combo: one bar series and one line.
            ChartKind::Combo => chart(
                &format!("{name}-one"),
                kind,
                &YEARS,
                &[THREE[0], ("比率", "Rate", &[1.2, 1.5, 2.1, 2.4, 2.5])],
            ),
            ChartKind::Donut => chart(
                &format!("{name}-one"),
                kind,
                &REGIONS,
                &[("機関数", "Organisations", &[1.0, 5.0, 4.0, 7.0])],
            ),
            _ => chart(&format!("{name}-one"), kind, &YEARS, &THREE[..1]),
        };
        let three = match kind {
            ChartKind::HBar => chart(
                &format!("{name}-three"),
                kind,
                &REGIONS,
                &[
                    ("2022年", "2022", &[1.0, 5.0, 4.0, 7.0]),
                    ("2023年", "2023", &[3.0, 6.0, 4.0, 9.0]),
                    ("2024年", "2024", &[4.0, 8.0, 6.0, 12.0]),
                ],
            ),
            ChartKind::Combo => chart(
                &format!("{name}-three"),
                kind,
                &YEARS,
                &[
                    THREE[0],
                    THREE[1],
                    ("対前年比", "Year on year", &[-3.5, 12.0, 8.25, 4.0, 10.5]),
                ],
            ),
            // Slices large and small, with long names.
            ChartKind::Donut => chart(
                &format!("{name}-three"),
                kind,
                &[
                    ("ライフサイエンス", "Life sciences"),
                    ("情報通信", "Information and communication technology"),
                    ("環境・エネルギー", "Environment and energy"),
                    ("ナノテクノロジー・材料", "Nanotechnology and materials"),
                    ("その他", "Other"),
                ],
                &[("研究費", "Research funds", &[120.0, 60.0, 30.0, 4.0, 1.0])],
            ),
            _ => chart(&format!("{name}-three"), kind, &YEARS, &THREE),
        };
        out.push((format!("{name}_one"), one));
        out.push((format!("{name}_three"), three));
    }
    out
}

/// Awkward data for every kind.
pub(crate) fn degenerate() -> Vec<(String, Chart)> {
    let long = (
        "神戸医療産業都市への進出企業・団体数（令和5年版白書時点）",
        "Companies and organisations in the Kobe Biomedical Innovation Cluster (2023 White Paper)",
    );
    let many: Vec<(String, String)> = (1990..2030)
        .map(|y| (format!("{y}年"), y.to_string()))
        .collect();
    let many: Vec<(&str, &str)> = many.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let many_values: Vec<f64> = (0..40).map(|i| f64::from(i * i % 17)).collect();
    let nine: Vec<(String, String, Vec<f64>)> = (1..=9)
        .map(|j| {
            (
                format!("系列{j}"),
                format!("Series {j}"),
                vec![f64::from(j); 3],
            )
        })
        .collect();
    let nine: Vec<SeriesSpec<'_>> = nine
        .iter()
        .map(|(a, b, v)| (a.as_str(), b.as_str(), v.as_slice()))
        .collect();
    let cases: Vec<(&str, Categories<'_>, Vec<SeriesSpec<'_>>)> = vec![
        (
            "single_point",
            vec![("2023年", "2023")],
            vec![("値", "Value", &[42.0])],
        ),
        (
            "all_equal",
            YEARS.to_vec(),
            vec![("値", "Value", &[7.0; 5])],
        ),
        ("all_zero", YEARS.to_vec(), vec![("値", "Value", &[0.0; 5])]),
        (
            "negative_only",
            YEARS.to_vec(),
            vec![("値", "Value", &[-3.0, -12.5, -0.5, -8.0, -20.0])],
        ),
        (
            "mixed_signs",
            YEARS.to_vec(),
            vec![
                ("増加", "Up", &[30.0, -10.0, 25.0, 0.0, -40.0]),
                ("減少", "Down", &[-5.0, 20.0, -15.0, 10.0, 5.0]),
            ],
        ),
        (
            "huge",
            YEARS.to_vec(),
            vec![("値", "Value", &[1e12, 2.5e12, 9.99e11, 3e12, 1.2e12])],
        ),
        (
            "tiny",
            YEARS.to_vec(),
            vec![("値", "Value", &[0.001, 0.002, 0.001, 0.003, 0.0])],
        ),
        (
            "long_labels",
            vec![long, long, long],
            vec![("値", "Value", &[350.0, 362.0, 12.0])],
        ),
        (
            "many_categories",
            many.clone(),
            vec![("値", "Value", &many_values)],
        ),
        ("nine_series", YEARS[..3].to_vec(), nine.clone()),
    ];
    let mut out = Vec::new();
    for (name, categories, series) in cases {
        for kind in ChartKind::ALL {
            let id = format!("{name}-{}", kind.name());
            out.push((
                format!("{name}_{}", kind.name()),
                chart(&id, kind, &categories, &series),
            ));
        }
    }
    let mut myriad = chart(
        "myriad",
        ChartKind::HBar,
        &[
            ("研究者（全国2位）", "Researchers (2nd in Japan)"),
            ("技術者（全国2位）", "Engineers (2nd in Japan)"),
        ],
        &[("人数", "People", &[14000.0, 370000.0])],
    );
    myriad.scale = NumberScale::Myriad;
    out.push(("myriad_hbar".to_string(), myriad));
    let mut bare = chart("bare", ChartKind::Bar, &YEARS, &THREE[..1]);
    bare.unit = None;
    bare.value_title = None;
    bare.category_title = None;
    out.push(("no_titles".to_string(), bare));
    out
}
