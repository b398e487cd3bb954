//! The taxonomies a case is filed under (regions, fields, programmes) and their terms, from `taxonomies.yaml`.

use super::lang::Text;

/// The three taxonomies a case is filed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TaxonomyKind {
    /// Region or prefecture.
    Regions,
    /// Field of science or industry.
    Fields,
    /// Government programme.
    Programmes,
}

impl TaxonomyKind {
    /// All taxonomies, in display order.
    pub const ALL: [TaxonomyKind; 3] = [
        TaxonomyKind::Regions,
        TaxonomyKind::Fields,
        TaxonomyKind::Programmes,
    ];

    /// The key in `taxonomies.yaml` and `data.yaml`, and the URL segment.
    pub fn key(self) -> &'static str {
        match self {
            TaxonomyKind::Regions => "regions",
            TaxonomyKind::Fields => "fields",
            TaxonomyKind::Programmes => "programmes",
        }
    }
}

/// One term of a taxonomy.
#[derive(Clone, Debug)]
pub struct Term {
    /// The key used in `data.yaml` and in the URL.
    pub key: String,
    /// Its label.
    pub label: Text,
    /// For a region that is one prefecture: its JIS X 0401 code (1 北海道 … 47 沖縄県).
    pub code: Option<u8>,
}

/// Labels for every taxonomy key, in the order of `taxonomies.yaml`.
#[derive(Clone, Debug, Default)]
pub struct Taxonomies {
    /// Regions.
    pub regions: Vec<Term>,
    /// Fields.
    pub fields: Vec<Term>,
    /// Programmes.
    pub programmes: Vec<Term>,
}

impl Taxonomies {
    /// The terms of one taxonomy.
    pub fn terms(&self, kind: TaxonomyKind) -> &[Term] {
        match kind {
            TaxonomyKind::Regions => &self.regions,
            TaxonomyKind::Fields => &self.fields,
            TaxonomyKind::Programmes => &self.programmes,
        }
    }

    /// The term with `key`, if defined.
    pub fn term(&self, kind: TaxonomyKind, key: &str) -> Option<&Term> {
        self.terms(kind).iter().find(|t| t.key == key)
    }
}
