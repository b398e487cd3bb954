//! A chart as a numbered `<figure>` (through the theme's `partials/figure.html`) and as CSV.

use super::citations::{figure_line, joined};
use super::context::Context;
use super::figures::FigureInfo;
use super::views::CitationView;
use serde::Serialize;

use crate::diag::Diagnostic;
use crate::format::number::format_number;
use crate::model::chart::{Chart, ChartKind, Mark, Series};
use crate::model::lang::Lang;

/// The figure HTML for `chart` on the page at site path `from`.
pub(crate) fn figure_html(
    ctx: &Context<'_>,
    chart: &Chart,
    info: &FigureInfo,
    lang: Lang,
    from: &str,
    id_prefix: &str,
) -> Result<String, Diagnostic> {
    let view = figure_view(ctx, chart, info, lang, from, id_prefix);
    render_figure(ctx, lang, view, &chart.id)
}

/// `partials/figure.html` with `view`.
pub(crate) fn render_figure(
    ctx: &Context<'_>,
    lang: Lang,
    figure: FigureView,
    chart_id: &str,
) -> Result<String, Diagnostic> {
    let view = FigureContext {
        lang: lang.code(),
        figure,
    };
    ctx.render("partials/figure.html", &view, &format!("figure {chart_id}"))
}

/// Where a figure's own page and downloads are: `<lang>/figures/<chart id>/`.
pub(crate) fn figure_dir(lang: Lang, chart_id: &str) -> String {
    super::urls::page_path(lang, &format!("figures/{chart_id}"))
}

/// The name of a figure's download with `extension` in `lang`: `<chart id>-<lang>.<extension>` (the two
/// languages' files never overwrite each other in a reader's downloads folder).
pub(crate) fn download_name(chart_id: &str, lang: Lang, extension: &str) -> String {
    format!("{chart_id}-{}.{extension}", lang.code())
}

/// The figure view of `chart` on the page at site path `from`: linked to its own page, data table closed.
pub(crate) fn figure_view(
    ctx: &Context<'_>,
    chart: &Chart,
    info: &FigureInfo,
    lang: Lang,
    from: &str,
    id_prefix: &str,
) -> FigureView {
    let (svg, svg_narrow) = ctx
        .svgs
        .get(&(chart.id.clone(), lang))
        .map(|svg| (svg.wide.clone(), svg.narrow.clone()))
        .unwrap_or_default();
    let page_dir = super::urls::page_path(lang, &info.page_id);
    let sources = figure_line(ctx, lang, &chart.sources, |id| {
        ctx.urls.href(from, &format!("{page_dir}#hk-source-{id}"))
    });
    let (table_head, table_rows) = table(chart, lang);
    let dir = figure_dir(lang, &chart.id);
    let csv_name = download_name(&chart.id, lang, "csv");
    FigureView {
        anchor: format!("{id_prefix}fig-{}", chart.id),
        label: info.label.get(lang).clone(),
        title: chart.title.get(lang).clone(),
        svg,
        svg_narrow,
        note: chart.note.as_ref().map(|n| n.get(lang).clone()),
        source: joined(ctx, lang, &sources),
        source_url: sources.first().map(|s| s.url.clone()).unwrap_or_default(),
        sources,
        table_head,
        table_rows,
        csv_url: ctx.urls.href(from, &format!("{dir}{csv_name}")),
        csv_name,
        page_url: Some(ctx.urls.href(from, &dir)),
        own_page: false,
    }
}

/// Header and rows of the data table, values formatted for the language; a donut adds each slice's share in
/// per cent.
pub(crate) fn table(chart: &Chart, lang: Lang) -> (Vec<String>, Vec<Vec<String>>) {
    let mut head = header(chart, lang);
    let donut = chart.kind == ChartKind::Donut && chart.series.len() == 1;
    let shares = if donut {
        head.push(crate::format::label::with_unit(
            match lang {
                Lang::Ja => "構成比",
                Lang::En => "Share",
            },
            "%",
            lang,
        ));
        crate::chart::donut_shares(&chart.series[0].values)
    } else {
        Vec::new()
    };
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![c.get(lang).clone()];
            row.extend(
                chart
                    .series
                    .iter()
                    .map(|s| format_number(s.values[i], lang, chart.scale)),
            );
            if let Some(share) = shares.get(i) {
                row.push(format!("{share:.1}"));
            }
            row
        })
        .collect();
    (head, rows)
}

/// The header row of the data: the category title, then each series with its unit (a combo chart's line
/// series with the right axis' unit).
pub(crate) fn header(chart: &Chart, lang: Lang) -> Vec<String> {
    // A named first column (a spreadsheet or a screen reader has nothing to call an empty one).
    let mut head = vec![match &chart.category_title {
        Some(t) => t.get(lang).clone(),
        None => match lang {
            Lang::Ja => "区分".to_string(),
            Lang::En => "Category".to_string(),
        },
    }];
    head.extend(chart.series.iter().map(|s| {
        crate::format::label::with_unit(s.name.get(lang), series_unit(chart, s, lang), lang)
    }));
    head
}

/// The unit of `series`' values: a combo chart's line series are read on the right axis, with its unit.
pub(crate) fn series_unit<'c>(chart: &'c Chart, series: &Series, lang: Lang) -> &'c str {
    let unit = if chart.kind == ChartKind::Combo && series.mark == Mark::Line {
        chart.right_axis.as_ref().and_then(|a| a.unit.as_ref())
    } else {
        chart.unit.as_ref()
    };
    unit.map(|u| u.get(lang).as_str()).unwrap_or("")
}

/// The chart's data as CSV (UTF-8 with a byte-order mark, so spreadsheet programs read Japanese right),
/// values as plain numbers.
pub(crate) fn csv(chart: &Chart, lang: Lang) -> Vec<u8> {
    let mut out = String::from("\u{FEFF}");
    let head: Vec<CsvCell> = header(chart, lang).into_iter().map(CsvCell::Text).collect();
    push_row(&mut out, &head);
    for (i, c) in chart.categories.iter().enumerate() {
        let mut row = vec![CsvCell::Text(c.get(lang).clone())];
        row.extend(chart.series.iter().map(|s| CsvCell::Number(s.values[i])));
        push_row(&mut out, &row);
    }
    out.into_bytes()
}

pub(crate) fn plain_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// A CSV cell: a text (whatever it looks like), or a number value from data.
pub(crate) enum CsvCell {
    /// Written as text: neutralised if a spreadsheet could read it as a formula.
    Text(String),
    /// Written as a plain number (a value that is not finite is written as text).
    Number(f64),
}

/// A text a spreadsheet would not evaluate: one starting with a formula prefix (`=`, `+`, `-`, `@`, tab,
/// CR, LF) gets a leading `'`, whatever follows (`-1e5`, `+inf` and `-nan` written as text included).
pub(crate) fn neutralised(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

pub(crate) fn push_row(out: &mut String, cells: &[CsvCell]) {
    let line: Vec<String> = cells
        .iter()
        .map(|cell| {
            // Quote every cell that could break the row, and neutralise spreadsheet formulas: only a number
            // value from data is written as it is.
            let c = match cell {
                CsvCell::Number(v) if v.is_finite() => plain_number(*v),
                CsvCell::Number(v) => neutralised(&plain_number(*v)),
                CsvCell::Text(t) => neutralised(t),
            };
            if c.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", c.replace('"', "\"\""))
            } else {
                c
            }
        })
        .collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

/// What `partials/figure.html` receives.
#[derive(Serialize)]
pub(crate) struct FigureContext {
    /// Language code (the UI strings come as `t`).
    pub lang: &'static str,
    /// The figure.
    pub figure: FigureView,
}

/// A chart as a numbered figure.
#[derive(Serialize)]
pub(crate) struct FigureView {
    /// Anchor id (`fig-<chart id>`).
    pub anchor: String,
    /// 図2-1.
    pub label: String,
    /// Title.
    pub title: String,
    /// The SVG for wide screens, print and PDF.
    pub svg: String,
    /// The SVG for phones.
    pub svg_narrow: String,
    /// Note under the chart.
    pub note: Option<String>,
    /// 資料：… line.
    pub source: String,
    /// Link to the first source's entry.
    pub source_url: String,
    /// Each source of the line, with its link.
    pub sources: Vec<CitationView>,
    /// Data table: header row.
    pub table_head: Vec<String>,
    /// Data table: rows (category, then formatted values).
    pub table_rows: Vec<Vec<String>>,
    /// Link to the CSV.
    pub csv_url: String,
    /// CSV file name.
    pub csv_name: String,
    /// Link to the figure's own page (with its downloads), where it is shown elsewhere.
    pub page_url: Option<String>,
    /// Whether this is the figure's own page (the data table open, the caption the page's heading).
    pub own_page: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::chart::NumberScale;
    use crate::model::chart::Series;
    use crate::model::lang::Text;

    #[test]
    fn every_formula_prefix_is_neutralised_and_numbers_from_data_stay_numbers() {
        let mut out = String::new();
        let texts = [
            "=1+1", "+inf", "-nan", "-1e5", "@SUM(A1)", "\tx", "\rx", "\nx", "+81 3", "-5",
        ];
        push_row(
            &mut out,
            &texts
                .iter()
                .map(|t| CsvCell::Text(t.to_string()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(
            out,
            "'=1+1,'+inf,'-nan,'-1e5,'@SUM(A1),'\tx,\"'\rx\",\"'\nx\",'+81 3,'-5\r\n"
        );
        let mut out = String::new();
        push_row(
            &mut out,
            &[
                CsvCell::Number(-5.0),
                CsvCell::Number(-1e5),
                CsvCell::Number(f64::NEG_INFINITY),
                CsvCell::Number(2.5),
            ],
        );
        assert_eq!(out, "-5,-100000,'-inf,2.5\r\n");
    }

    #[test]
    fn csv_is_quoted_and_safe() {
        let chart = Chart {
            id: "c".into(),
            kind: ChartKind::Bar,
            title: Text::same("t"),
            categories: vec![Text::same("a,b"), Text::same("=cmd()")],
            series: vec![Series {
                name: Text {
                    ja: "企業数".into(),
                    en: "Companies".into(),
                },
                values: vec![350.0, 12.5],
                mark: Mark::Bar,
            }],
            unit: Some(Text {
                ja: "社".into(),
                en: "".into(),
            }),
            value_title: None,
            category_title: None,
            right_axis: None,
            scale: NumberScale::Plain,
            note: None,
            sources: Vec::new(),
        };
        let ja = String::from_utf8(csv(&chart, Lang::Ja)).unwrap();
        assert_eq!(
            ja,
            "\u{FEFF}区分,企業数（社）\r\n\"a,b\",350\r\n'=cmd(),12.5\r\n"
        );
        let en = String::from_utf8(csv(&chart, Lang::En)).unwrap();
        assert!(en.starts_with("\u{FEFF}Category,Companies\r\n"));
    }
}
