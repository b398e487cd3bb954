//! The outline of Japan the map is drawn on: `themes/default/map/japan.txt`, derived data made by
//! `tools/map/make_outline.py` and built into the program (the build never downloads anything).

use std::sync::OnceLock;

use super::project::{Inset, Projection};

/// The outline file, as shipped.
pub(crate) const OUTLINE_TEXT: &str = include_str!("../../themes/default/map/japan.txt");

/// The prefectures' outlines and how to place a point on them.
#[derive(Debug)]
pub(crate) struct Outline {
    /// The drawing's width in viewBox units.
    pub width: f64,
    /// Its height.
    pub height: f64,
    /// From latitude and longitude to the drawing.
    pub projection: Projection,
    /// The prefecture drawn in a box of its own (Okinawa).
    pub inset: Inset,
    /// Each prefecture's JIS X 0401 code and SVG path data, in code order.
    pub prefectures: Vec<(u8, &'static str)>,
}

/// The outline shipped with hakusho, read once.
pub(crate) fn japan() -> &'static Outline {
    static OUTLINE: OnceLock<Outline> = OnceLock::new();
    OUTLINE.get_or_init(|| parse(OUTLINE_TEXT).expect("the shipped outline is checked by a test"))
}

/// Reads the outline format: `size W H`, `projection lcc …`, `inset …`, then `<code> <path>` lines.
pub(crate) fn parse(text: &'static str) -> Result<Outline, String> {
    let mut size = None;
    let mut projection = None;
    let mut inset = None;
    let mut prefectures = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let bad = || format!("line {}: cannot read `{line}`", n + 1);
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let (head, rest) = line.split_once(' ').ok_or_else(bad)?;
        let numbers = || -> Result<Vec<f64>, String> {
            rest.split(' ')
                .filter(|w| *w != "lcc")
                .map(|w| w.parse::<f64>().map_err(|_| bad()))
                .collect()
        };
        match head {
            "size" => match numbers()?[..] {
                [w, h] => size = Some((w, h)),
                _ => return Err(bad()),
            },
            "projection" => match numbers()?[..] {
                [lat1, lat2, lat0, lon0, scale, dx, dy] => {
                    projection = Some(Projection::lcc(lat1, lat2, lat0, lon0, scale, (dx, dy)))
                }
                _ => return Err(bad()),
            },
            "inset" => match numbers()?[..] {
                [_code, zoom, dx, dy, x, y, w, h] => {
                    inset = Some(Inset {
                        zoom,
                        shift: (dx, dy),
                        frame: (x, y, w, h),
                    })
                }
                _ => return Err(bad()),
            },
            code => {
                let code: u8 = code.parse().map_err(|_| bad())?;
                prefectures.push((code, rest));
            }
        }
    }
    let (width, height) = size.ok_or("no `size` line")?;
    Ok(Outline {
        width,
        height,
        projection: projection.ok_or("no `projection` line")?,
        inset: inset.ok_or("no `inset` line")?,
        prefectures,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_outline_has_every_prefecture_and_is_small() {
        let o = parse(OUTLINE_TEXT).unwrap();
        let codes: Vec<u8> = o.prefectures.iter().map(|(c, _)| *c).collect();
        assert_eq!(codes, (1..=47).collect::<Vec<u8>>());
        assert!(
            OUTLINE_TEXT.len() < 40 * 1024,
            "the outline is {} bytes; it must stay under 40 KB",
            OUTLINE_TEXT.len()
        );
        assert!(o.width > 100.0 && o.height > 100.0);
    }

    #[test]
    fn neighbours_share_their_border_points() {
        // Kanagawa (14) and Tokyo (13) meet: some absolute points of one outline are points of the other.
        let o = parse(OUTLINE_TEXT).unwrap();
        let points =
            |code: u8| -> Vec<(i64, i64)> { absolute(o.prefectures[usize::from(code) - 1].1) };
        let tokyo = points(13);
        let shared = points(14).iter().filter(|p| tokyo.contains(p)).count();
        assert!(shared >= 2, "Kanagawa and Tokyo share {shared} points");
    }

    /// The absolute points of a path `Mx yl dx dy dx dy … z`, in tenths.
    fn absolute(d: &str) -> Vec<(i64, i64)> {
        let d = d.trim_start_matches('M').trim_end_matches('z');
        let spaced = d.replace('l', " ").replace('-', " -");
        let nums: Vec<i64> = spaced
            .split_whitespace()
            .map(|w| (w.parse::<f64>().unwrap() * 10.0).round() as i64)
            .collect();
        let mut out = Vec::new();
        let (mut x, mut y) = (0, 0);
        for (i, pair) in nums.chunks(2).enumerate() {
            if i == 0 {
                (x, y) = (pair[0], pair[1]);
            } else {
                x += pair[0];
                y += pair[1];
            }
            out.push((x, y));
        }
        out
    }
}
