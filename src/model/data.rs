//! The language-neutral facts of a page (its `data.yaml`), once validated.

use super::chart::{Chart, NumberScale, Qualifier};
use super::citation::Citation;
use super::date::PartialDate;
use super::lang::Text;
use super::table::Table;
use super::taxonomy::TaxonomyKind;

/// Facts given once for both languages. Every page may have them; cases must.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageData {
    /// Case-only facts (chapter, taxonomy terms, location), present for cases.
    pub case: Option<CaseInfo>,
    /// Ids of the sources (in `sources.yaml`) this page cites, in the order given.
    pub sources: Vec<String>,
    /// Key figures, in the order given.
    pub key_figures: Vec<KeyFigure>,
    /// Timeline entries, in the order given.
    pub timeline: Vec<TimelineEntry>,
    /// Charts, in the order given (which is their figure order within the page).
    pub charts: Vec<Chart>,
    /// Numbered tables, in the order given (their number order within the page).
    pub tables: Vec<Table>,
}

/// What only a case has.
#[derive(Clone, Debug, PartialEq)]
pub struct CaseInfo {
    /// The chapter folder name.
    pub chapter: String,
    /// Position in the chapter; cases without one follow, by folder name.
    pub order: Option<i64>,
    /// Region taxonomy keys.
    pub regions: Vec<String>,
    /// Field taxonomy keys.
    pub fields: Vec<String>,
    /// Programme taxonomy keys.
    pub programmes: Vec<String>,
    /// Where the case is.
    pub location: Option<Text>,
    /// The related cases the editor chose (folder names below `cases/`), in order, instead of those
    /// sharing the most taxonomy terms.
    pub related: Option<Vec<String>>,
    /// Where the case is marked on the map of Japan, if the editor gave `coordinates`.
    pub point: Option<MapPoint>,
}

/// A case's place on the map: `coordinates: [lat, lon]` and the `place` it names.
#[derive(Clone, Debug, PartialEq)]
pub struct MapPoint {
    /// Latitude in degrees north.
    pub lat: f64,
    /// Longitude in degrees east.
    pub lon: f64,
    /// The place marked (e.g. the city), the map label.
    pub place: Text,
}

impl CaseInfo {
    /// The keys filed under one taxonomy.
    pub fn keys(&self, kind: TaxonomyKind) -> &[String] {
        match kind {
            TaxonomyKind::Regions => &self.regions,
            TaxonomyKind::Fields => &self.fields,
            TaxonomyKind::Programmes => &self.programmes,
        }
    }

    /// Every (taxonomy, key) the case is filed under.
    pub fn terms(&self) -> impl Iterator<Item = (TaxonomyKind, &str)> {
        TaxonomyKind::ALL
            .into_iter()
            .flat_map(move |kind| self.keys(kind).iter().map(move |k| (kind, k.as_str())))
    }
}

/// A headline number with its unit and source.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyFigure {
    /// Unique within the page.
    pub id: String,
    /// What is counted.
    pub label: Text,
    /// The value.
    pub value: f64,
    /// Unit, written after the number.
    pub unit: Text,
    /// 約, 以上, 超.
    pub qualifier: Option<Qualifier>,
    /// How the number is written.
    pub scale: NumberScale,
    /// When the value holds.
    pub as_of: Option<Text>,
    /// Where it comes from (at least one source).
    pub sources: Vec<Citation>,
}

/// One dated event.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineEntry {
    /// When.
    pub date: PartialDate,
    /// What happened.
    pub text: Text,
    /// Where it comes from (at least one source).
    pub sources: Vec<Citation>,
}
