//! SVG drawings made into PNG images (a figure's PNG download), with the theme's fonts only: never the
//! system's, so that the same site gives the same bytes on every machine.

use std::sync::Arc;

use resvg::tiny_skia::{Color, Pixmap, Transform};
use resvg::usvg::{self, fontdb};

/// Draws SVG into PNG with a fixed set of fonts.
pub struct Raster {
    options: usvg::Options<'static>,
    has_fonts: bool,
    /// What the fonts are, for [`Raster::key`]: a hash of every font file's bytes, made when first needed.
    fonts_key: std::sync::OnceLock<u64>,
    fonts: Vec<Vec<u8>>,
}

impl std::fmt::Debug for Raster {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Raster")
            .field("faces", &self.options.fontdb.len())
            .finish()
    }
}

/// The largest image made, in pixels on each side (a drawing asking for more is refused).
const MAX_SIDE: u32 = 8192;

impl Raster {
    /// A rasteriser knowing the font files `fonts` (each file's bytes; collections give every face). The
    /// first sans-serif family among them answers for the generic `sans-serif`.
    pub fn new<'a>(fonts: impl IntoIterator<Item = &'a [u8]>) -> Raster {
        let mut db = fontdb::Database::new();
        let fonts: Vec<Vec<u8>> = fonts.into_iter().map(<[u8]>::to_vec).collect();
        for bytes in &fonts {
            db.load_font_data(bytes.clone());
        }
        let has_fonts = !db.is_empty();
        // Japanese text must fall back to a CJK face, Latin text is set by it too: pick the CJK family when
        // there is one, otherwise the first family.
        let family = db
            .faces()
            .flat_map(|f| f.families.iter().map(|(name, _)| name.clone()))
            .find(|name| name.contains("CJK") || name.contains("JP"))
            .or_else(|| {
                db.faces()
                    .find_map(|f| f.families.first().map(|(n, _)| n.clone()))
            });
        if let Some(family) = &family {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family.clone());
        }
        let options = usvg::Options {
            font_family: family.unwrap_or_default(),
            fontdb: Arc::new(db),
            ..usvg::Options::default()
        };
        Raster {
            options,
            has_fonts,
            fonts_key: std::sync::OnceLock::new(),
            fonts,
        }
    }

    /// What decides the bytes of `svg` drawn at `scale`, as 32 hex digits: the drawing, the scale, the fonts,
    /// and the versions of hakusho and of the renderer. Written into each PNG (a `tEXt` chunk
    /// `hakusho-key`), so that a build may take a PNG from the previous output when its key is the same
    /// ([`key_of`]) instead of drawing it again.
    pub fn key(&self, svg: &str, scale: f32) -> String {
        use std::hash::{Hash, Hasher};
        let fonts = *self.fonts_key.get_or_init(|| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            self.fonts.hash(&mut h);
            h.finish()
        });
        let half = |seed: u8| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (seed, env!("CARGO_PKG_VERSION"), RENDERER, fonts).hash(&mut h);
            (scale.to_bits(), svg).hash(&mut h);
            h.finish()
        };
        format!("{:016x}{:016x}", half(1), half(2))
    }

    /// Whether any font was given (without one, text would not be drawn: callers then make no PNG).
    pub fn has_fonts(&self) -> bool {
        self.has_fonts
    }

    /// `svg` drawn at `scale` times its size on a white ground, as PNG bytes carrying its [`Raster::key`].
    pub fn png(&self, svg: &str, scale: f32) -> Result<Vec<u8>, String> {
        let tree = usvg::Tree::from_str(svg, &self.options).map_err(|e| e.to_string())?;
        let size = tree
            .size()
            .to_int_size()
            .scale_by(scale)
            .ok_or("empty drawing")?;
        if size.width() > MAX_SIDE || size.height() > MAX_SIDE {
            return Err(format!(
                "{}×{} pixels is larger than {MAX_SIDE} on a side",
                size.width(),
                size.height()
            ));
        }
        let mut pixmap = Pixmap::new(size.width(), size.height()).ok_or("empty drawing")?;
        pixmap.fill(Color::WHITE);
        resvg::render(
            &tree,
            Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        encode(&pixmap, &self.key(svg, scale)).map_err(|e| e.to_string())
    }
}

/// The renderer and the way its images are encoded: part of every key.
const RENDERER: &str = "resvg 0.47, RGB 8-bit, Balanced, no filter";

/// The key a PNG made by [`Raster::png`] carries, if it is one.
pub fn key_of(png: &[u8]) -> Option<String> {
    let reader = png::Decoder::new(std::io::Cursor::new(png))
        .read_info()
        .ok()?;
    reader
        .info()
        .uncompressed_latin1_text
        .iter()
        .find(|t| t.keyword == KEY_WORD)
        .map(|t| t.text.clone())
}

const KEY_WORD: &str = "hakusho-key";

/// The image as 8-bit RGB PNG (the ground is opaque, so no alpha).
fn encode(pixmap: &Pixmap, key: &str) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = pixmap
        .pixels()
        .iter()
        .flat_map(|p| {
            let c = p.demultiply();
            [c.red(), c.green(), c.blue()]
        })
        .collect();
    let mut out = Vec::with_capacity(rgb.len() / 8);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Balanced);
    // Charts are flat colour: unfiltered rows compress best (about 90 KB for a figure at twice its size,
    // against 115 KB with the adaptive filter) and encode no slower.
    encoder.set_filter(png::Filter::NoFilter);
    encoder.add_text_chunk(KEY_WORD.to_string(), key.to_string())?;
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SVG: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20" viewBox="0 0 40 20"><rect x="0" y="0" width="20" height="20" fill="#0072B2"/></svg>"##;

    #[test]
    fn draws_at_scale_on_white_and_the_same_bytes_each_time() {
        let raster = Raster::new(std::iter::empty());
        assert!(!raster.has_fonts());
        let png = raster.png(SVG, 2.0).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let pixmap = Pixmap::decode_png(&png).unwrap();
        assert_eq!((pixmap.width(), pixmap.height()), (80, 40));
        let left = pixmap.pixel(5, 5).unwrap();
        let right = pixmap.pixel(70, 5).unwrap();
        assert_eq!((left.red(), left.green(), left.blue()), (0x00, 0x72, 0xB2));
        assert_eq!((right.red(), right.green(), right.blue()), (255, 255, 255));
        assert_eq!(png, raster.png(SVG, 2.0).unwrap());
        assert_eq!(key_of(&png), Some(raster.key(SVG, 2.0)));
    }

    #[test]
    fn the_key_changes_with_the_drawing_the_scale_and_the_fonts() {
        let raster = Raster::new(std::iter::empty());
        let key = raster.key(SVG, 2.0);
        assert_eq!(key.len(), 32);
        assert_eq!(key, raster.key(SVG, 2.0));
        assert_ne!(key, raster.key(SVG, 1.0));
        assert_ne!(key, raster.key(&SVG.replace("0072B2", "0072B3"), 2.0));
        let font: &[u8] = b"not really a font";
        assert_ne!(key, Raster::new([font]).key(SVG, 2.0));
        assert_eq!(key_of(b"not a png"), None);
    }

    #[test]
    fn refuses_bad_and_huge_drawings() {
        let raster = Raster::new(std::iter::empty());
        assert!(raster.png("<svg", 1.0).is_err());
        let huge = r#"<svg xmlns="http://www.w3.org/2000/svg" width="9000" height="10"/>"#;
        assert!(raster.png(huge, 1.0).unwrap_err().contains("8192"));
    }
}
