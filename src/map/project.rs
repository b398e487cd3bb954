//! From latitude and longitude to the map: the Lambert conformal conic projection the outline was made with
//! (`tools/map/make_outline.py` uses the same formula), and Okinawa's inset.

use std::f64::consts::FRAC_PI_4;

/// A Lambert conformal conic projection on the unit sphere, scaled and shifted into the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Projection {
    n: f64,
    f: f64,
    rho0: f64,
    lon0: f64,
    scale: f64,
    offset: (f64, f64),
}

/// The prefecture moved into a box of its own, enlarged: a projected point `p` of it is drawn at
/// `p * zoom + shift`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Inset {
    /// How much it is enlarged.
    pub zoom: f64,
    /// Added to an enlarged point.
    pub shift: (f64, f64),
    /// The box drawn around it: x, y, width, height.
    pub frame: (f64, f64, f64, f64),
}

impl Projection {
    /// The projection with standard parallels `lat1` and `lat2`, origin (`lat0`, `lon0`), all in degrees.
    pub(crate) fn lcc(
        lat1: f64,
        lat2: f64,
        lat0: f64,
        lon0: f64,
        scale: f64,
        offset: (f64, f64),
    ) -> Self {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let t = |p: f64| (FRAC_PI_4 + p / 2.0).tan();
        let n = (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln();
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = f / t(lat0.to_radians()).powf(n);
        Projection {
            n,
            f,
            rho0,
            lon0,
            scale,
            offset,
        }
    }

    /// The point of the drawing (y downwards) for a latitude and longitude in degrees.
    pub(crate) fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        let rho = self.f / (FRAC_PI_4 + lat.to_radians() / 2.0).tan().powf(self.n);
        let theta = self.n * (lon - self.lon0).to_radians();
        (
            rho * theta.sin() * self.scale + self.offset.0,
            -(self.rho0 - rho * theta.cos()) * self.scale + self.offset.1,
        )
    }
}

/// Whether a point is in Okinawa Prefecture, which the map draws as an inset: south of 26.5° N, or the
/// islands north of Okinawa Island up to Iheya (west of 128.3° E; Yoron, at 128.4° E, is Kagoshima's).
pub(crate) fn in_okinawa(lat: f64, lon: f64) -> bool {
    lat < 26.5 || (lat <= 27.9 && lon <= 128.3)
}

/// The point of the map for a latitude and longitude, moved into the inset for Okinawa.
pub(crate) fn place(projection: &Projection, inset: &Inset, lat: f64, lon: f64) -> (f64, f64) {
    let (x, y) = projection.project(lat, lon);
    if in_okinawa(lat, lon) {
        (
            x * inset.zoom + inset.shift.0,
            y * inset.zoom + inset.shift.1,
        )
    } else {
        (x, y)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn japan() -> Projection {
        Projection::lcc(33.0, 44.0, 37.0, 137.0, 1.0, (0.0, 0.0))
    }

    #[test]
    fn the_origin_is_at_the_offset_and_north_is_up() {
        let p = japan();
        let (x, y) = p.project(37.0, 137.0);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-12);
        let (_, north) = p.project(43.0, 137.0);
        let (_, south) = p.project(31.0, 137.0);
        assert!(north < 0.0 && south > 0.0);
        let (east, _) = p.project(37.0, 141.0);
        assert!(east > 0.0);
    }

    #[test]
    fn it_matches_the_outline_script() {
        // Kobe City Hall, projected by tools/map/make_outline.py's `project` (scale 1, no offset).
        let (x, y) = japan().project(34.69, 135.20);
        assert!((x - -0.025_769).abs() < 1e-5, "{x}");
        assert!((y - 0.039_927).abs() < 1e-5, "{y}");
    }

    #[test]
    fn okinawa_goes_into_the_inset() {
        assert!(in_okinawa(26.21, 127.68)); // Naha
        assert!(in_okinawa(24.34, 124.16)); // Ishigaki
        assert!(!in_okinawa(27.04, 128.42)); // Yoron, Kagoshima
        assert!(!in_okinawa(31.56, 130.56)); // Kagoshima
        let inset = Inset {
            zoom: 2.0,
            shift: (10.0, -20.0),
            frame: (0.0, 0.0, 1.0, 1.0),
        };
        let p = japan();
        let (x, y) = p.project(26.21, 127.68);
        assert_eq!(
            place(&p, &inset, 26.21, 127.68),
            (2.0 * x + 10.0, 2.0 * y - 20.0)
        );
    }
}
