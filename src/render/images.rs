//! PNG images drawn from SVG (figures' downloads, title cards) with the theme's fonts: taken from the output a
//! build replaces when the key they carry is the same (what decides their bytes: see
//! [`crate::raster::Raster::key`]), drawn otherwise. The suite holds a rebuild over a previous output to a
//! build from nothing, byte for byte.

use super::context::Context;
use crate::output::read_previous;
use crate::raster::key_of;

/// The largest PNG taken from a previous output (a figure's is about 100 KB, a title card's about 60 KB).
const MAX_PNG: u64 = 32 * 1024 * 1024;

/// `svg` as PNG at `scale`, for the file at `site_path`.
pub(crate) fn png(
    ctx: &Context<'_>,
    svg: &str,
    scale: f32,
    site_path: &str,
) -> Result<Vec<u8>, String> {
    let kept = ctx
        .previous
        .and_then(|dir| read_previous(dir, site_path, MAX_PNG))
        .filter(|bytes| key_of(bytes).is_some_and(|k| k == ctx.raster.key(svg, scale)));
    match kept {
        Some(bytes) => Ok(bytes),
        None => ctx.raster.png(svg, scale),
    }
}
