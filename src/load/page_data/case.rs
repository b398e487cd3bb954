//! The keys only a case may have in its `data.yaml`, and where the case is on the map (`coordinates`,
//! `place`).

use super::super::text::RawText;
use crate::diag::{Code, Diagnostic};
use crate::model::data::{CaseInfo, MapPoint};
use crate::model::page::PageKind;
use crate::yaml::{Seg, Source};

/// Keys only a case may have.
const CASE_KEYS: [&str; 9] = [
    "chapter",
    "order",
    "regions",
    "fields",
    "programmes",
    "location",
    "related",
    "coordinates",
    "place",
];

/// Japan's extent in latitude (Okinotorishima at 20.4° N to Hokkaido at 45.6° N), with a margin.
const LAT_RANGE: (f64, f64) = (20.0, 46.0);
/// Japan's extent in longitude (Yonaguni at 122.9° E to Minamitorishima at 154.0° E), with a margin.
const LON_RANGE: (f64, f64) = (122.0, 154.5);

/// The keys only a case may have, as written.
pub(super) struct CaseKeys {
    pub chapter: Option<String>,
    pub order: Option<i64>,
    pub regions: Option<Vec<String>>,
    pub fields: Option<Vec<String>>,
    pub programmes: Option<Vec<String>>,
    pub location: Option<RawText>,
    pub related: Option<Vec<String>>,
    pub coordinates: Option<Vec<f64>>,
    pub place: Option<RawText>,
}

/// A case's facts (it must name its chapter); for any other page, an error for each case key given.
pub(super) fn case_info(
    src: &Source<'_>,
    kind: PageKind,
    keys: CaseKeys,
    errors: &mut Vec<Diagnostic>,
) -> Option<CaseInfo> {
    let CaseKeys {
        chapter,
        order,
        regions,
        fields,
        programmes,
        location,
        related,
        coordinates,
        place,
    } = keys;
    if kind == PageKind::Case {
        let Some(chapter) = chapter else {
            errors.push(
                Diagnostic::error(Code::MissingKey, src.path, "missing field `chapter`")
                    .at(1, 1)
                    .with_help("say which chapter the case belongs to, e.g. `chapter: hubs` (a folder in content/chapters/ listed in site.yaml)")
                    .ja("キー `chapter` がありません")
                    .ja_help("事例が属する章を書いてください。例：`chapter: hubs`（content/chapters/ のフォルダーで、site.yaml に挙げたもの）"),
            );
            return None;
        };
        let point = map_point(src, coordinates, place, errors);
        return Some(CaseInfo {
            chapter,
            order,
            regions: regions.unwrap_or_default(),
            fields: fields.unwrap_or_default(),
            programmes: programmes.unwrap_or_default(),
            location: location.map(|t| t.0),
            related,
            point,
        });
    }
    let given = [
        chapter.is_some(),
        order.is_some(),
        regions.is_some(),
        fields.is_some(),
        programmes.is_some(),
        location.is_some(),
        related.is_some(),
        coordinates.is_some(),
        place.is_some(),
    ];
    for (key, _) in CASE_KEYS.iter().zip(given).filter(|(_, g)| *g) {
        errors.push(
            src.error_at_key(
                Code::UnknownKey,
                &[Seg::Key(key)],
                format!("`{key}` is only for cases (folders in content/cases/)"),
            )
            .with_help("remove it, or move this page into content/cases/")
            .ja(format!(
                "`{key}` は事例（content/cases/ のフォルダー）だけに書けます"
            ))
            .ja_help("消すか、このページを content/cases/ に移してください"),
        );
    }
    None
}

/// The case's mark on the map: `coordinates: [lat, lon]` inside Japan, and the `place` they are of.
fn map_point(
    src: &Source<'_>,
    coordinates: Option<Vec<f64>>,
    place: Option<RawText>,
    errors: &mut Vec<Diagnostic>,
) -> Option<MapPoint> {
    let Some(c) = coordinates else {
        if place.is_some() {
            errors.push(
                src.error_at_key(Code::MissingKey, &[Seg::Key("place")], "`place` names the case's mark on the map, but there are no `coordinates`")
                    .with_help("add the place's latitude and longitude, e.g. `coordinates: [34.69, 135.20]`, or remove `place`")
                    .ja("`place` は地図上の印の名前ですが、`coordinates`（座標）がありません")
                    .ja_help("その場所の緯度と経度を書き足すか（例：`coordinates: [34.69, 135.20]`）、`place` を消してください"),
            );
        }
        return None;
    };
    let at = [Seg::Key("coordinates")];
    let [lat, lon] = c[..] else {
        errors.push(
            src.error_at(Code::InvalidValue, &at, format!("expected two numbers, [latitude, longitude], found {}", c.len()))
                .with_help("write the latitude (degrees north) then the longitude (degrees east), e.g. `coordinates: [34.69, 135.20]`")
                .ja(format!("緯度と経度の二つの数 [緯度, 経度] を書きます。書かれている数は {} 個です", c.len()))
                .ja_help("北緯、東経の順に度で書いてください。例：`coordinates: [34.69, 135.20]`"),
        );
        return None;
    };
    let inside = |v: f64, (lo, hi): (f64, f64)| v >= lo && v <= hi;
    if !inside(lat, LAT_RANGE) || !inside(lon, LON_RANGE) {
        let swapped = inside(lon, LAT_RANGE) && inside(lat, LON_RANGE);
        let (help, help_ja) = if swapped {
            (
                format!("the latitude comes first: write `[{lon}, {lat}]`"),
                format!("緯度を先に書きます：`[{lon}, {lat}]`"),
            )
        } else {
            (
                "Japan lies between 20° and 46° north and between 122° and 154.5° east; write degrees as decimals, e.g. `coordinates: [34.69, 135.20]`".to_string(),
                "日本は北緯20〜46度、東経122〜154.5度の範囲にあります。度を小数で書いてください。例：`coordinates: [34.69, 135.20]`".to_string(),
            )
        };
        errors.push(
            src.error_at(Code::InvalidValue, &at, format!("[{lat}, {lon}] is not in Japan: expected [latitude, longitude] with latitude 20 to 46 and longitude 122 to 154.5"))
                .with_help(help)
                .ja(format!("[{lat}, {lon}] は日本の中ではありません。[緯度, 経度] の形で、緯度は 20〜46、経度は 122〜154.5 です"))
                .ja_help(help_ja),
        );
        return None;
    }
    let Some(place) = place else {
        errors.push(
            src.error_at_key(
                Code::MissingKey,
                &at,
                "the map needs a name for this mark: `place` is missing",
            )
            .with_help(
                "name the place the coordinates are of, e.g. `place: {ja: 神戸市, en: Kobe}`",
            )
            .ja("地図の印に名前が要ります。`place` がありません")
            .ja_help("座標がどこのものかを書いてください。例：`place: {ja: 神戸市, en: Kobe}`"),
        );
        return None;
    };
    Some(MapPoint {
        lat,
        lon,
        place: place.0,
    })
}
