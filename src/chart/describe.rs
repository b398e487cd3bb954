//! The text alternative: one paragraph in the reader's language that says what the chart is and gives every
//! value with its unit, e.g. 「棒グラフ：進出企業・団体数の推移。2018年7月 350社、令和5年版白書 362社。」 or
//! "Bar chart: Companies and organisations located in the cluster. Jul 2018: 350 companies; 2023 White Paper:
//! 362 companies." Several series are given one sentence each (and a stacked chart its totals); the note ends it.

use crate::format::number::format_quantity;
use crate::model::chart::{Chart, ChartKind, Mark};
use crate::model::lang::Lang;

use super::text::one_line;
use super::words;

/// The text alternative of `chart` in `lang`. A `share` chart gives each series' shares in per cent, then
/// each category's total as written; a `combo` chart names each series' axis and gives its values in its
/// axis' unit; a `donut` gives each slice's amount and share, then the total.
pub(crate) fn describe(chart: &Chart, lang: Lang) -> String {
    let written = chart;
    let shares;
    let chart = if chart.kind == ChartKind::Share {
        shares = super::share::shares(chart);
        &shares
    } else {
        chart
    };
    let mut out = String::new();
    out.push_str(words::kind_name(chart.kind, lang));
    out.push_str(match lang {
        Lang::Ja => "：",
        Lang::En => ": ",
    });
    out.push_str(&one_line(chart.title.get(lang)));
    end_sentence(&mut out, lang);

    let unit = words::unit(chart, lang);
    let right_unit = words::right_unit(chart, lang);
    let categories: Vec<String> = chart
        .categories
        .iter()
        .map(|c| one_line(c.get(lang)))
        .collect();
    if chart.kind == ChartKind::Donut {
        describe_donut(&mut out, chart, lang, &categories, &unit);
        end_note(&mut out, chart, lang);
        return out;
    }
    let values_sentence = |values: &[f64], unit: &str| -> String {
        let items: Vec<String> = categories
            .iter()
            .zip(values)
            .map(|(category, &value)| {
                let quantity = format_quantity(value, lang, chart.scale, unit, None);
                match lang {
                    Lang::Ja => format!("{category} {quantity}"),
                    Lang::En => format!("{category}: {quantity}"),
                }
            })
            .collect();
        match lang {
            Lang::Ja => items.join("、"),
            Lang::En => items.join("; "),
        }
    };
    let mut sentence = |name: Option<&str>, values: &[f64], unit: &str| {
        let body = values_sentence(values, unit);
        match (lang, name) {
            (Lang::Ja, None) => out.push_str(&body),
            (Lang::Ja, Some(name)) => out.push_str(&format!("{name}：{body}")),
            (Lang::En, None) => out.push_str(&format!(" {body}")),
            (Lang::En, Some(name)) => out.push_str(&format!(" {name} — {body}")),
        }
        end_sentence(&mut out, lang);
    };

    let combo = chart.kind == ChartKind::Combo && chart.series.iter().any(|s| s.mark == Mark::Line);
    if chart.series.len() == 1 {
        sentence(None, &chart.series[0].values, &unit);
    } else {
        for series in &chart.series {
            let line = series.mark == Mark::Line;
            let mut name = one_line(series.name.get(lang));
            if combo {
                name.push_str(words::axis_note(line, lang));
            }
            let unit = if combo && line { &right_unit } else { &unit };
            sentence(Some(&name), &series.values, unit);
        }
        if chart.kind == ChartKind::Stacked {
            let totals: Vec<f64> = (0..chart.categories.len())
                .map(|i| chart.series.iter().filter_map(|s| s.values.get(i)).sum())
                .collect();
            sentence(Some(words::total(lang)), &totals, &unit);
        }
    }
    if chart.kind == ChartKind::Share {
        let unit = words::unit(written, lang);
        let totals: Vec<String> = categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                let total: f64 = written.series.iter().filter_map(|s| s.values.get(i)).sum();
                let quantity = format_quantity(total, lang, written.scale, &unit, None);
                match lang {
                    Lang::Ja => format!("{category} {quantity}"),
                    Lang::En => format!("{category}: {quantity}"),
                }
            })
            .collect();
        match lang {
            Lang::Ja => out.push_str(&format!("{}：{}", words::total(lang), totals.join("、"))),
            Lang::En => out.push_str(&format!(" {} — {}", words::total(lang), totals.join("; "))),
        }
        end_sentence(&mut out, lang);
    }

    end_note(&mut out, chart, lang);
    out
}

/// The note, when the chart has one, as the last sentence.
fn end_note(out: &mut String, chart: &Chart, lang: Lang) {
    if let Some(note) = &chart.note {
        let note = one_line(note.get(lang));
        if !note.is_empty() {
            if lang == Lang::En {
                out.push(' ');
            }
            out.push_str(words::note(lang));
            out.push_str(&note);
            end_sentence(out, lang);
        }
    }
}

/// A donut's slices, each with its amount and share, then the total: 「A 350社（45.0%）、B …。合計 780社。」 /
/// " A: 350 companies (45.0%); B: …. Total: 780 companies."
fn describe_donut(out: &mut String, chart: &Chart, lang: Lang, categories: &[String], unit: &str) {
    let values = chart.series.first().map_or(&[][..], |s| &s.values[..]);
    let shares = super::donut::shares(values);
    let items: Vec<String> = categories
        .iter()
        .zip(values)
        .zip(&shares)
        .map(|((category, &value), &share)| {
            let quantity = format_quantity(value, lang, chart.scale, unit, None);
            let share = super::donut::share_text(share);
            match lang {
                Lang::Ja => format!("{category} {quantity}（{share}）"),
                Lang::En => format!("{category}: {quantity} ({share})"),
            }
        })
        .collect();
    match lang {
        Lang::Ja => out.push_str(&items.join("、")),
        Lang::En => out.push_str(&format!(" {}", items.join("; "))),
    }
    end_sentence(out, lang);
    let total: f64 = values.iter().filter(|v| v.is_finite()).sum();
    let total = format_quantity(total, lang, chart.scale, unit, None);
    match lang {
        Lang::Ja => out.push_str(&format!("{} {total}", words::total(lang))),
        Lang::En => out.push_str(&format!(" {}: {total}", words::total(lang))),
    }
    end_sentence(out, lang);
}

/// Ends a sentence with 。 or . unless it already ends with a full stop or question mark.
fn end_sentence(out: &mut String, lang: Lang) {
    let ended = out
        .chars()
        .last()
        .is_some_and(|c| "。．.!?！？".contains(c));
    if !ended {
        out.push_str(match lang {
            Lang::Ja => "。",
            Lang::En => ".",
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::{NumberScale, RightAxis, Series};
    use crate::model::lang::Text;

    fn t(ja: &str, en: &str) -> Text {
        Text {
            ja: ja.into(),
            en: en.into(),
        }
    }

    fn chart(kind: ChartKind, series: Vec<Series>) -> Chart {
        Chart {
            id: "c".into(),
            kind,
            title: t("研究費", "Research funds"),
            categories: vec![t("2022年", "2022"), t("2023年", "2023")],
            series,
            unit: Some(t("億円", "100 million yen")),
            value_title: None,
            category_title: None,
            right_axis: None,
            scale: NumberScale::Plain,
            note: None,
            sources: Vec::new(),
        }
    }

    #[test]
    fn combo_names_each_series_axis_and_unit() {
        let mut c = chart(
            ChartKind::Combo,
            vec![
                Series {
                    name: t("研究費", "Funds"),
                    values: vec![120.0, 150.0],
                    mark: Mark::Bar,
                },
                Series {
                    name: t("対GDP比", "Share of GDP"),
                    values: vec![1.5, 2.25],
                    mark: Mark::Line,
                },
            ],
        );
        c.right_axis = Some(RightAxis {
            unit: Some(t("%", "%")),
            title: None,
        });
        assert_eq!(
            describe(&c, Lang::Ja),
            "棒と折れ線の複合グラフ：研究費。研究費（左軸）：2022年 120億円、2023年 150億円。\
             対GDP比（右軸）：2022年 1.5%、2023年 2.25%。"
        );
        assert_eq!(
            describe(&c, Lang::En),
            "Combined bar and line chart: Research funds. Funds (left axis) — 2022: 120 100 million yen; \
             2023: 150 100 million yen. Share of GDP (right axis) — 2022: 1.5 %; 2023: 2.25 %."
        );
    }

    #[test]
    fn donut_gives_amounts_shares_and_total() {
        let c = chart(
            ChartKind::Donut,
            vec![Series {
                name: t("研究費", "Funds"),
                values: vec![1.0, 2.0],
                mark: Mark::Bar,
            }],
        );
        assert_eq!(
            describe(&c, Lang::Ja),
            "ドーナツグラフ：研究費。2022年 1億円（33.3%）、2023年 2億円（66.7%）。合計 3億円。"
        );
        assert_eq!(
            describe(&c, Lang::En),
            "Donut chart: Research funds. 2022: 1 100 million yen (33.3%); 2023: 2 100 million yen (66.7%). \
             Total: 3 100 million yen."
        );
    }
}
