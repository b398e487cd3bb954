//! The text alternative: one paragraph in the reader's language that says what the chart is and gives every
//! value with its unit, e.g. 「棒グラフ：進出企業・団体数の推移。2018年7月 350社、令和5年版白書 362社。」 or
//! "Bar chart: Companies and organisations located in the cluster. Jul 2018: 350 companies; 2023 White Paper:
//! 362 companies." Several series are given one sentence each (and a stacked chart its totals); the note ends it.

use crate::format::number::format_quantity;
use crate::model::chart::{Chart, ChartKind};
use crate::model::lang::Lang;

use super::text::one_line;
use super::words;

/// The text alternative of `chart` in `lang`. A `share` chart gives each series' shares in per cent, then
/// each category's total as written.
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
    let categories: Vec<String> = chart
        .categories
        .iter()
        .map(|c| one_line(c.get(lang)))
        .collect();
    let values_sentence = |values: &[f64]| -> String {
        let items: Vec<String> = categories
            .iter()
            .zip(values)
            .map(|(category, &value)| {
                let quantity = format_quantity(value, lang, chart.scale, &unit, None);
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
    let mut sentence = |name: Option<&str>, values: &[f64]| {
        let body = values_sentence(values);
        match (lang, name) {
            (Lang::Ja, None) => out.push_str(&body),
            (Lang::Ja, Some(name)) => out.push_str(&format!("{name}：{body}")),
            (Lang::En, None) => out.push_str(&format!(" {body}")),
            (Lang::En, Some(name)) => out.push_str(&format!(" {name} — {body}")),
        }
        end_sentence(&mut out, lang);
    };

    if chart.series.len() == 1 {
        sentence(None, &chart.series[0].values);
    } else {
        for series in &chart.series {
            sentence(Some(&one_line(series.name.get(lang))), &series.values);
        }
        if chart.kind == ChartKind::Stacked {
            let totals: Vec<f64> = (0..chart.categories.len())
                .map(|i| chart.series.iter().filter_map(|s| s.values.get(i)).sum())
                .collect();
            sentence(Some(words::total(lang)), &totals);
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

    if let Some(note) = &chart.note {
        let note = one_line(note.get(lang));
        if !note.is_empty() {
            if lang == Lang::En {
                out.push(' ');
            }
            out.push_str(words::note(lang));
            out.push_str(&note);
            end_sentence(&mut out, lang);
        }
    }
    out
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
