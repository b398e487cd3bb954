//! What the templates see of the map of Japan (see `japan_map.rs`, which makes it).

use serde::Serialize;

/// The map as the templates see it.
#[derive(Serialize)]
pub struct MapView {
    /// The wide drawing (screens, print).
    pub svg: String,
    /// The narrow drawing (phones).
    pub svg_narrow: String,
    /// Heading above the map.
    pub title: String,
    /// The text alternative: which prefectures are shaded and which places are marked.
    pub description: String,
    /// The id of the text alternative (the drawings are described by it).
    pub description_id: String,
    /// The prefectures with cases, north to south, each with its cases: the map's links as a list.
    pub regions: Vec<MapListEntry>,
}

/// A prefecture in the list beside the map.
#[derive(Serialize)]
pub struct MapListEntry {
    /// The prefecture, linking to its region page.
    pub region: MapLink,
    /// Its cases.
    pub cases: Vec<MapLink>,
}

/// A link in the list beside the map.
#[derive(Serialize)]
pub struct MapLink {
    /// Text.
    pub title: String,
    /// Href.
    pub url: String,
}
