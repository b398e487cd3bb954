//! The `share` kind (構成比): each category's values as their shares of its total, in per cent (one decimal),
//! drawn as 100 % stacked bars; the text alternative gives the shares and the totals as written.

use crate::model::chart::{Chart, NumberScale, Series};
use crate::model::lang::Text;

/// `chart` with every value replaced by its share of its category's total, in per cent rounded to one decimal
/// (values below zero, which `load` refuses, count as zero; a category adding up to zero has no shares).
pub(crate) fn shares(chart: &Chart) -> Chart {
    let totals: Vec<f64> = (0..chart.categories.len())
        .map(|i| {
            chart
                .series
                .iter()
                .filter_map(|s| s.values.get(i))
                .filter(|v| v.is_finite())
                .map(|v| v.max(0.0))
                .sum()
        })
        .collect();
    let series = chart
        .series
        .iter()
        .map(|s| Series {
            values: s
                .values
                .iter()
                .zip(&totals)
                .map(|(v, total)| {
                    if *total > 0.0 && v.is_finite() {
                        (v.max(0.0) / total * 1000.0).round() / 10.0
                    } else {
                        0.0
                    }
                })
                .collect(),
            ..s.clone()
        })
        .collect();
    Chart {
        series,
        unit: Some(Text {
            ja: "%".into(),
            en: "%".into(),
        }),
        value_title: Some(Text {
            ja: "構成比".into(),
            en: "Share".into(),
        }),
        scale: NumberScale::Plain,
        ..chart.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::ChartKind;

    #[test]
    fn values_become_shares_of_their_category() {
        let t = |s: &str| Text {
            ja: s.into(),
            en: s.into(),
        };
        let chart = Chart {
            id: "c".into(),
            kind: ChartKind::Share,
            title: t("t"),
            categories: vec![t("a"), t("b"), t("z")],
            series: vec![
                Series {
                    name: t("x"),
                    values: vec![1.0, 30.0, 0.0],
                    mark: crate::model::chart::Mark::Bar,
                },
                Series {
                    name: t("y"),
                    values: vec![2.0, 10.0, 0.0],
                    mark: crate::model::chart::Mark::Bar,
                },
            ],
            unit: Some(t("社")),
            value_title: None,
            category_title: None,
            right_axis: None,
            scale: NumberScale::Myriad,
            note: None,
            sources: Vec::new(),
        };
        let shares = shares(&chart);
        assert_eq!(shares.series[0].values, [33.3, 75.0, 0.0]);
        assert_eq!(shares.series[1].values, [66.7, 25.0, 0.0]);
        assert_eq!(shares.unit.unwrap().ja, "%");
        assert_eq!(shares.scale, NumberScale::Plain);
    }
}
