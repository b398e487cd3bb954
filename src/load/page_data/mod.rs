//! A page's `data.yaml`: the as-written shape, and its validation into [`PageData`].

pub(super) mod quick;

use std::path::Path;

use serde::Deserialize;

mod case;
mod cites;

use super::charts::{RawChart, resolve_chart};
use super::citations::RawCitations;
use super::raw::{DateText, RawScale, check_id};
use super::tables::{RawTable, resolve_table};
use super::text::{RawText, RawUnit};
use crate::diag::{Code, Diagnostic};
use crate::model::chart::{Chart, Qualifier};
use crate::model::data::{KeyFigure, PageData, TimelineEntry};
use crate::model::date::PartialDate;
use crate::model::page::PageKind;
use crate::model::table::Table;
use crate::yaml::{self, Seg, Source};
use case::{CaseKeys, case_info};
use cites::Cites;

/// `data.yaml` as written.
///
/// The common shape of a case's data is filled without serde, by [`quick::parse`]: a serde attribute added
/// here (`default`, `deserialize_with`, `rename`, …), or a field, needs the same change in `quick.rs`. Debug
/// builds parse every document the quick way accepts with serde as well, and stop if the two differ.
#[derive(Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPageData {
    pub chapter: Option<String>,
    pub order: Option<i64>,
    pub regions: Option<Vec<String>>,
    pub fields: Option<Vec<String>>,
    pub programmes: Option<Vec<String>>,
    pub location: Option<RawText>,
    pub related: Option<Vec<String>>,
    pub coordinates: Option<Vec<f64>>,
    pub place: Option<RawText>,
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub key_figures: Vec<RawKeyFigure>,
    #[serde(default)]
    pub timeline: Vec<RawTimelineEntry>,
    #[serde(default)]
    pub charts: Vec<RawChart>,
    #[serde(default)]
    pub tables: Vec<RawTable>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawKeyFigure {
    id: String,
    label: RawText,
    value: f64,
    #[serde(default)]
    unit: RawUnit,
    qualifier: Option<RawQualifier>,
    scale: Option<RawScale>,
    as_of: Option<RawText>,
    source: Option<RawCitations>,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum RawQualifier {
    About,
    AtLeast,
    Over,
}

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTimelineEntry {
    date: DateText,
    text: RawText,
    source: Option<RawCitations>,
}

/// Parses and validates `data.yaml` for a page of `kind`. Checks that need the whole site (taxonomy keys,
/// source ids, chart ids) are done later, in `resolve`.
pub(crate) fn parse_page_data(
    path: &Path,
    text: &str,
    kind: PageKind,
) -> Result<PageData, Vec<Diagnostic>> {
    let src = Source::file(path, text);
    let raw: RawPageData = match quick::parse(text) {
        Some(raw) => raw,
        None => yaml::parse_all(&src)?,
    };
    let RawPageData {
        chapter,
        order,
        regions,
        fields,
        programmes,
        location,
        related,
        coordinates,
        place,
        sources,
        key_figures,
        timeline,
        charts,
        tables,
    } = raw;
    let mut errors = Vec::new();
    let case_keys = CaseKeys {
        chapter,
        order,
        regions,
        fields,
        programmes,
        location,
        related,
        coordinates,
        place,
    };
    let case = case_info(&src, kind, case_keys, &mut errors);
    if sources.is_empty()
        && (kind == PageKind::Case
            || !key_figures.is_empty()
            || !charts.is_empty()
            || !tables.is_empty())
    {
        errors.push(
            Diagnostic::error(Code::MissingKey, path, "missing field `sources`")
                .at(1, 1)
                .with_help("list the ids (from content/sources.yaml) of the documents this page cites: `sources: [wp2023]`")
                .ja("キー `sources` がありません")
                .ja_help("このページが挙げる資料の id（content/sources.yaml で定義したもの）を並べてください：`sources: [wp2023]`"),
        );
    }
    for (i, id) in sources.iter().enumerate() {
        if sources[..i].contains(id) {
            errors.push(
                src.error_at(
                    Code::DuplicateId,
                    &[Seg::Key("sources"), Seg::Index(i)],
                    format!("the source `{id}` is listed twice"),
                )
                .ja(format!("出典 `{id}` が2回挙げられています")),
            );
        }
    }
    let cites = Cites {
        src: &src,
        sources: &sources,
    };
    let key_figures = resolve_key_figures(&cites, key_figures, &mut errors);
    let timeline = resolve_timeline(&cites, timeline, &mut errors);
    let charts = resolve_charts(&cites, charts, &mut errors);
    let tables = resolve_tables(&cites, tables, &charts, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(PageData {
        case,
        sources,
        key_figures,
        timeline,
        charts,
        tables,
    })
}

fn resolve_key_figures(
    cites: &Cites<'_>,
    raw: Vec<RawKeyFigure>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<KeyFigure> {
    let src = cites.src;
    let mut key_figures: Vec<KeyFigure> = Vec::new();
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, kf) in raw.into_iter().enumerate() {
        let at = [Seg::Key("key_figures"), Seg::Index(i)];
        check_id(src, errors, &kf.id, &[at[0], at[1], Seg::Key("id")]);
        if let Some(first) = first_of.get(&kf.id) {
            let (en, ja) = first_place(src, "key_figures", *first);
            errors.push(
                src.error_at(
                    Code::DuplicateId,
                    &[at[0], at[1], Seg::Key("id")],
                    format!(
                        "the key figure id `{}` is used twice in this page{en}",
                        kf.id
                    ),
                )
                .ja(format!(
                    "主要数値の id `{}` がこのページで2回使われています{ja}",
                    kf.id
                )),
            );
        } else {
            first_of.insert(kf.id.clone(), i);
        }
        if !kf.value.is_finite() {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[at[0], at[1], Seg::Key("value")],
                    "the value must be a finite number (not .nan or .inf)",
                )
                .ja("値は有限の数にしてください（.nan や .inf は使えません）"),
            );
        }
        let sources = cites.citations(
            errors,
            kf.source,
            &at,
            (
                &format!("key figure `{}`", kf.id),
                &format!("主要数値 `{}` ", kf.id),
            ),
        );
        key_figures.push(KeyFigure {
            id: kf.id,
            label: kf.label.0,
            value: kf.value,
            unit: kf.unit.0,
            qualifier: kf.qualifier.map(|q| match q {
                RawQualifier::About => Qualifier::About,
                RawQualifier::AtLeast => Qualifier::AtLeast,
                RawQualifier::Over => Qualifier::Over,
            }),
            scale: RawScale::resolve(kf.scale),
            as_of: kf.as_of.map(|t| t.0),
            sources,
        });
    }
    key_figures
}

fn resolve_timeline(
    cites: &Cites<'_>,
    raw: Vec<RawTimelineEntry>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<TimelineEntry> {
    let mut timeline = Vec::new();
    for (i, entry) in raw.into_iter().enumerate() {
        let at = [Seg::Key("timeline"), Seg::Index(i)];
        let date = match PartialDate::parse(&entry.date.0) {
            Ok(d) => d,
            Err(e) => {
                errors.push(
                    cites
                        .src
                        .error_at(Code::InvalidValue, &[at[0], at[1], Seg::Key("date")], e.en)
                        .ja(e.ja),
                );
                PartialDate::Year(0)
            }
        };
        let sources = cites.citations(
            errors,
            entry.source,
            &at,
            (
                &format!("timeline entry {}", i + 1),
                &format!("年表の {} 番目の項目", i + 1),
            ),
        );
        timeline.push(TimelineEntry {
            date,
            text: entry.text.0,
            sources,
        });
    }
    timeline
}

fn resolve_charts(
    cites: &Cites<'_>,
    raw: Vec<RawChart>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Chart> {
    let mut charts: Vec<Chart> = Vec::new();
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, raw_chart) in raw.into_iter().enumerate() {
        let at = [Seg::Key("charts"), Seg::Index(i)];
        let id = raw_chart.id.clone();
        let source = raw_chart.source.clone();
        match resolve_chart(cites.src, i, raw_chart) {
            Ok(mut chart) => {
                chart.sources = cites.citations(
                    errors,
                    source,
                    &at,
                    (&format!("chart `{id}`"), &format!("図 `{id}` ")),
                );
                if let Some(first) = first_of.get(&chart.id) {
                    let (en, ja) = first_place(cites.src, "charts", *first);
                    errors.push(
                        cites
                            .src
                            .error_at(
                                Code::DuplicateId,
                                &[at[0], at[1], Seg::Key("id")],
                                format!("the chart id `{id}` is used twice in this page{en}"),
                            )
                            .ja(format!(
                                "図の id `{id}` がこのページで2回使われています{ja}"
                            )),
                    );
                } else {
                    first_of.insert(chart.id.clone(), i);
                }
                charts.push(chart);
            }
            Err(mut errs) => {
                cites.citations(
                    errors,
                    source,
                    &at,
                    (&format!("chart `{id}`"), &format!("図 `{id}` ")),
                );
                errors.append(&mut errs);
            }
        }
    }
    charts
}

fn resolve_tables(
    cites: &Cites<'_>,
    raw: Vec<RawTable>,
    charts: &[Chart],
    errors: &mut Vec<Diagnostic>,
) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut first_of: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, raw_table) in raw.into_iter().enumerate() {
        let at = [Seg::Key("tables"), Seg::Index(i)];
        let id = raw_table.id.clone();
        let source = raw_table.source.clone();
        let sources = cites.citations(
            errors,
            source,
            &at,
            (&format!("table `{id}`"), &format!("表 `{id}` ")),
        );
        let id_at = [at[0], at[1], Seg::Key("id")];
        let first = first_of.get(&id).copied();
        first_of.entry(id.clone()).or_insert(i);
        if let Some(first) = first {
            let (en, ja) = first_place(cites.src, "tables", first);
            errors.push(
                cites
                    .src
                    .error_at(
                        Code::DuplicateId,
                        &id_at,
                        format!("the table id `{id}` is used twice in this page{en}"),
                    )
                    .ja(format!(
                        "表の id `{id}` がこのページで2回使われています{ja}"
                    )),
            );
        } else if charts.iter().any(|c| c.id == id) {
            errors.push(
                cites
                    .src
                    .error_at(
                        Code::DuplicateId,
                        &id_at,
                        format!("the id `{id}` is already a chart's in this page"),
                    )
                    .with_help(
                        "charts and tables share ids (they name downloads): give the table its own",
                    )
                    .ja(format!("id `{id}` は、このページですでに図に使われています"))
                    .ja_help(
                        "図と表の id は共通です（ダウンロードの名前になります）。表には別の id を付けてください",
                    ),
            );
        }
        match resolve_table(cites.src, i, raw_table) {
            Ok(mut table) => {
                table.sources = sources;
                tables.push(table);
            }
            Err(mut errs) => errors.append(&mut errs),
        }
    }
    tables
}

/// Where the first of an id used twice is: ` (first at line N)` and `（最初は N 行目）`, or nothing if unknown.
fn first_place(src: &Source<'_>, key: &str, index: usize) -> (String, String) {
    match src.value_position(&[Seg::Key(key), Seg::Index(index), Seg::Key("id")]) {
        Some(p) => (
            format!(" (first at line {})", p.line),
            format!("（最初は {} 行目）", p.line),
        ),
        None => (String::new(), String::new()),
    }
}
