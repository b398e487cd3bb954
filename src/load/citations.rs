//! `source:` of a key figure, chart, table or timeline entry, as written: one source id, a source with the
//! place in it (`{id: wp2019, page: 166}`), or a list of those.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

use super::text::RawLabel;

/// The sources a fact cites, as written.
#[derive(Debug, PartialEq, Clone)]
pub(crate) struct RawCitations {
    /// Whether they were written as a list (positions of errors then name the item).
    pub list: bool,
    pub items: Vec<RawCitation>,
}

/// One cited source, as written.
#[derive(Debug, PartialEq, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCitation {
    pub id: String,
    pub page: Option<Scalar>,
    pub figure: Option<Scalar>,
    pub table: Option<Scalar>,
    pub section: Option<RawLabel>,
}

/// A number or a text, kept as text (`page: 166`, `figure: 2-5-4`).
#[derive(Debug, PartialEq, Clone)]
pub(crate) struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a number or a text, e.g. 166 or 2-5-4")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// One citation: a plain id or a mapping.
struct OneVisitor;

impl<'de> Visitor<'de> for OneVisitor {
    type Value = RawCitation;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a source id, or {id: …, page: …}")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCitation, E> {
        Ok(RawCitation {
            id: v.to_string(),
            ..RawCitation::default()
        })
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCitation, A::Error> {
        RawCitation::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

struct Item(RawCitation);

impl<'de> Deserialize<'de> for Item {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(OneVisitor).map(Item)
    }
}

impl<'de> Deserialize<'de> for RawCitations {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawCitations;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a source id, {id: …, page: …}, or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawCitations, E> {
                Ok(RawCitations {
                    list: false,
                    items: vec![OneVisitor.visit_str(v)?],
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<RawCitations, A::Error> {
                Ok(RawCitations {
                    list: false,
                    items: vec![OneVisitor.visit_map(map)?],
                })
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawCitations, A::Error> {
                let mut items = Vec::new();
                while let Some(Item(c)) = seq.next_element()? {
                    items.push(c);
                }
                Ok(RawCitations { list: true, items })
            }
        }
        d.deserialize_any(V)
    }
}
