//! The description of a figure's CSV, beside it as `<chart id>-<lang>.csv-metadata.json` (the name the W3C's
//! "CSV on the Web" recommendation looks for): the figure's number and title, unit, note and sources, the
//! report and its publisher, and each column's title and type. The CSV itself stays a plain table (one header
//! row, then the data), so that spreadsheets and data tools open it as it is.

use serde_json::{Value, json};

use super::citations::{figure_line, joined};
use super::context::Context;
use super::figure::{download_name, header, series_unit};
use crate::model::chart::{Chart, ChartKind};
use crate::model::lang::Lang;

/// The CSVW metadata of `chart`'s CSV in `lang`, as pretty JSON; `dir` is the figure's folder.
pub(crate) fn csvw(
    ctx: &Context<'_>,
    chart: &Chart,
    lang: Lang,
    label: &str,
    dir: &str,
) -> Vec<u8> {
    let sources = figure_line(ctx, lang, &chart.sources, |id| {
        ctx.urls.absolute(&format!(
            "{}#hk-source-{id}",
            super::urls::page_path(lang, "sources")
        ))
    });
    let unit = chart.unit.as_ref().map(|u| u.get(lang).clone());
    let head = header(chart, lang);
    let mut columns = vec![json!({
        "name": "category",
        "titles": head[0],
        "datatype": "string",
    })];
    for (i, (series, title)) in chart.series.iter().zip(&head[1..]).enumerate() {
        let mut column = json!({
            "name": format!("series{}", i + 1),
            "titles": title,
            "dc:description": series.name.get(lang),
            "datatype": "number",
        });
        let unit = series_unit(chart, series, lang);
        if !unit.is_empty() {
            column["dc:unit"] = Value::from(unit);
        }
        columns.push(column);
    }
    let mut doc = json!({
        "@context": ["http://www.w3.org/ns/csvw", {"@language": lang.code()}],
        "url": download_name(&chart.id, lang, "csv"),
        "dc:title": format!("{label} {}", chart.title.get(lang)),
        "dc:source": joined(ctx, lang, &sources),
        "dc:publisher": ctx.site.config.publisher.get(lang),
        "dc:isPartOf": {
            "dc:title": ctx.site.config.title.get(lang),
            "url": ctx.urls.absolute(&super::urls::page_path(lang, "")),
        },
        "dc:language": lang.code(),
        "rdfs:seeAlso": ctx.urls.absolute(dir),
        "dialect": {"encoding": "utf-8", "header": true},
        "tableSchema": {"columns": columns},
    });
    if let Some(note) = &chart.note {
        doc["dc:description"] = Value::from(note.get(lang).as_str());
    }
    if let Some(unit) = unit.filter(|_| chart.kind != ChartKind::Combo) {
        doc["dc:unit"] = Value::from(unit);
    }
    let links: Vec<Value> = sources
        .iter()
        .map(|s| Value::from(s.url.as_str()))
        .collect();
    doc["dc:references"] = Value::from(links);
    // `<` only occurs inside strings, where `\u003c` means the same: the file stays inert if inlined in HTML.
    let mut out = serde_json::to_string_pretty(&doc)
        .unwrap_or_default()
        .replace('<', "\\u003c");
    out.push('\n');
    out.into_bytes()
}
