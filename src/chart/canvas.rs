//! The drawing surface: the layout code places shapes and labels on named layers in drawing units, and each
//! layer is drawn into SVG markup by plotters' `SVGBackend` writing into a `String`.
//!
//! plotters draws on an integer grid (coordinates are rounded here, which also keeps the output compact) and
//! knows nothing of Japanese text widths, so only its primitives are used: every position, including every
//! label's, is computed by the layout code. Its markup is then tidied: attributes that restate the default
//! (`opacity="1"`, `stroke="none"`, `text-anchor="start"`) and the per-label font family are dropped (the family
//! is set once on the root element), the font size is written as given, and a label's text is kept on its
//! element's line. Labels are placed by their centre line; the baseline is put 0.35 em below it, which centres
//! both kana/kanji and Latin text, instead of plotters' `dy` in `ex` units.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Rgb(pub u8, pub u8, pub u8);

/// Where a label's x position is on the label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The label starts at x.
    Start,
    /// The label is centred on x.
    Middle,
    /// The label ends at x.
    End,
}

/// One line of text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Label {
    /// The anchor position along the line.
    pub x: f64,
    /// The centre line of the text (for rotated labels: `x` is the centre line, `y` the anchor position).
    pub y: f64,
    /// The text; line breaks are replaced by spaces.
    pub text: String,
    /// Font size.
    pub size: f64,
    /// How the label hangs on its anchor.
    pub anchor: Anchor,
    /// Fill colour.
    pub colour: Rgb,
    /// Turned 90° counter-clockwise (read bottom to top).
    pub rotated: bool,
}

impl Label {
    /// A horizontal label.
    pub(super) fn new(
        x: f64,
        y: f64,
        text: impl Into<String>,
        size: f64,
        anchor: Anchor,
        colour: Rgb,
    ) -> Label {
        Label {
            x,
            y,
            text: text.into(),
            size,
            anchor,
            colour,
            rotated: false,
        }
    }
}

/// What can be drawn.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Shape {
    /// A filled rectangle between two corners.
    Rect {
        /// One corner.
        from: (f64, f64),
        /// The opposite corner.
        to: (f64, f64),
        /// Fill colour.
        fill: Rgb,
    },
    /// An open line through points.
    Path {
        /// The points.
        points: Vec<(f64, f64)>,
        /// Stroke colour.
        colour: Rgb,
        /// Stroke width.
        width: u32,
    },
    /// A filled polygon.
    Polygon {
        /// The corners.
        points: Vec<(f64, f64)>,
        /// Fill colour.
        fill: Rgb,
    },
    /// A filled circle.
    Circle {
        /// The centre.
        centre: (f64, f64),
        /// The radius.
        radius: f64,
        /// Fill colour.
        fill: Rgb,
    },
    /// A line of text.
    Text(Label),
}

/// Identifies a layer of a [`Canvas`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct LayerId(usize);

/// A group of shapes drawn together, in the order they were added.
#[derive(Clone, Debug)]
pub(crate) struct Layer {
    /// The `class` of the `<g>` element.
    pub class: String,
    /// Further attributes of the `<g>` element, such as `stroke-dasharray`.
    pub attrs: Vec<(&'static str, String)>,
    /// The shapes.
    pub shapes: Vec<Shape>,
}

/// A chart being drawn: its size and its layers, bottom first.
#[derive(Clone, Debug)]
pub(crate) struct Canvas {
    /// Width in drawing units.
    pub width: f64,
    /// Height in drawing units.
    pub height: f64,
    layers: Vec<Layer>,
}

impl Canvas {
    /// An empty canvas; the height is set once the layout is known.
    pub(super) fn new(width: f64) -> Canvas {
        Canvas {
            width,
            height: 0.0,
            layers: Vec::new(),
        }
    }

    /// Adds a layer on top of the others.
    pub(super) fn layer(
        &mut self,
        class: impl Into<String>,
        attrs: Vec<(&'static str, String)>,
    ) -> LayerId {
        self.layers.push(Layer {
            class: class.into(),
            attrs,
            shapes: Vec::new(),
        });
        LayerId(self.layers.len() - 1)
    }

    /// Adds a shape to a layer.
    pub(super) fn push(&mut self, layer: LayerId, shape: Shape) {
        self.layers[layer.0].shapes.push(shape);
    }

    /// Adds a label to a layer (empty labels are skipped).
    pub(super) fn text(&mut self, layer: LayerId, label: Label) {
        if !label.text.trim().is_empty() {
            self.push(layer, Shape::Text(label));
        }
    }

    /// Keeps only the shapes of `layer` for which `keep` is true.
    pub(super) fn retain(&mut self, layer: LayerId, keep: impl FnMut(&Shape) -> bool) {
        self.layers[layer.0].shapes.retain(keep);
    }

    /// The layers, bottom first.
    pub(super) fn layers(&self) -> &[Layer] {
        &self.layers
    }

    /// The SVG markup of one layer's shapes (without the `<g>` around them).
    pub(super) fn layer_markup(&self, layer: &Layer) -> String {
        let size = (self.width.max(1.0) as u32, self.height.max(1.0) as u32);
        let mut raw = String::new();
        {
            let area = SVGBackend::with_string(&mut raw, size).into_drawing_area();
            for shape in &layer.shapes {
                // Drawing into a String cannot fail: the backend reports only I/O errors of files.
                let _ = draw(&area, shape);
            }
            let _ = area.present();
        }
        tidy(&raw)
    }
}

/// The family name given to plotters; removed again from the markup.
const FAMILY: &str = "hakusho-chart-font";
/// plotters writes `size / 1.24` as the SVG font size.
const PLOTTERS_FONT_SCALE: f64 = 1.24;

fn grid(v: f64) -> i32 {
    // `as` saturates, so even absurd values cannot panic.
    v.round() as i32
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

fn draw(area: &Area<'_>, shape: &Shape) -> Result<(), DrawingAreaErrorKind<std::io::Error>> {
    match shape {
        Shape::Rect { from, to, fill } => area.draw(&Rectangle::new(
            [(grid(from.0), grid(from.1)), (grid(to.0), grid(to.1))],
            colour(*fill).filled(),
        )),
        Shape::Path {
            points,
            colour: c,
            width,
        } => {
            let points: Vec<(i32, i32)> = points.iter().map(|p| (grid(p.0), grid(p.1))).collect();
            if points.len() < 2 {
                return Ok(());
            }
            area.draw(&PathElement::new(points, colour(*c).stroke_width(*width)))
        }
        Shape::Polygon { points, fill } => {
            let points: Vec<(i32, i32)> = points.iter().map(|p| (grid(p.0), grid(p.1))).collect();
            area.draw(&Polygon::new(points, colour(*fill).filled()))
        }
        Shape::Circle {
            centre,
            radius,
            fill,
        } => area.draw(&Circle::new(
            (grid(centre.0), grid(centre.1)),
            radius.round().max(1.0) as u32,
            colour(*fill).filled(),
        )),
        Shape::Text(label) => {
            let h = match label.anchor {
                Anchor::Start => HPos::Left,
                Anchor::Middle => HPos::Center,
                Anchor::End => HPos::Right,
            };
            let fill = colour(label.colour);
            let mut style = TextStyle::from(FontDesc::new(
                FontFamily::Name(FAMILY),
                label.size * PLOTTERS_FONT_SCALE,
                FontStyle::Normal,
            ))
            .color(&fill)
            .pos(Pos::new(h, VPos::Bottom));
            let shift = 0.35 * label.size;
            let at = if label.rotated {
                style = style.transform(FontTransform::Rotate270);
                (grid(label.x + shift), grid(label.y))
            } else {
                (grid(label.x), grid(label.y + shift))
            };
            let text: String = label
                .text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            area.draw(&Text::new(text, at, style))
        }
    }
}

/// Attributes of plotters' markup that restate what the document already says.
const REDUNDANT: [&str; 6] = [
    " opacity=\"1\"",
    " font-family=\"hakusho-chart-font\"",
    " dy=\"-0.5ex\"",
    " text-anchor=\"start\"",
    " stroke=\"none\" stroke-width=\"1\"",
    " stroke=\"none\"",
];

/// Tidies plotters' markup: drops the `<svg>` wrapper and redundant attributes, writes font sizes as given and
/// keeps each label on one line.
fn tidy(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut lines = raw.lines();
    while let Some(line) = lines.next() {
        if line.starts_with("<svg") || line == "</svg>" || line.is_empty() {
            continue;
        }
        out.push_str(&tidy_tag(line));
        if line.starts_with("<text") {
            let content = lines.next().unwrap_or_default();
            out.push_str(content);
            // The closing tag follows the content.
            let _ = lines.next();
            out.push_str("</text>");
        }
        out.push('\n');
    }
    out
}

fn tidy_tag(tag: &str) -> String {
    let mut tag = tag.to_string();
    for attr in REDUNDANT {
        tag = tag.replace(attr, "");
    }
    // plotters ends a list of points with a space.
    tag = tag.replace(" \"/>", "\"/>");
    if let Some(start) = tag.find(" font-size=\"") {
        let value_start = start + " font-size=\"".len();
        if let Some(len) = tag[value_start..].find('"') {
            let value: f64 = tag[value_start..value_start + len].parse().unwrap_or(12.0);
            let size = number((value * 10.0).round() / 10.0);
            tag.replace_range(value_start..value_start + len, &size);
        }
    }
    tag
}

/// A number for SVG markup: at most one decimal, no trailing zeros, no `-0`.
pub(crate) fn number(v: f64) -> String {
    let v = (v * 10.0).round() / 10.0;
    if v == 0.0 {
        return "0".to_string();
    }
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canvas_with(shape: Shape) -> String {
        let mut canvas = Canvas::new(100.0);
        canvas.height = 50.0;
        let layer = canvas.layer("test", Vec::new());
        canvas.push(layer, shape);
        canvas.layer_markup(&canvas.layers()[0])
    }

    #[test]
    fn labels_are_tidy_text_elements() {
        let label = Label::new(
            10.0,
            20.0,
            "神戸 & <Kobe>",
            12.0,
            Anchor::Middle,
            Rgb(0x33, 0x33, 0x33),
        );
        let svg = canvas_with(Shape::Text(label));
        assert_eq!(
            svg,
            "<text x=\"10\" y=\"24\" text-anchor=\"middle\" font-size=\"12\" fill=\"#333333\">神戸 &amp; &lt;Kobe&gt;</text>\n"
        );
    }

    #[test]
    fn rotated_labels_turn_around_their_anchor() {
        let mut label = Label::new(10.0, 20.0, "2018", 10.0, Anchor::End, Rgb(0, 0, 0));
        label.rotated = true;
        let svg = canvas_with(Shape::Text(label));
        assert!(svg.contains("x=\"14\" y=\"20\""), "{svg}");
        assert!(svg.contains("transform=\"rotate(270, 14, 20)\""), "{svg}");
    }

    #[test]
    fn shapes_are_compact() {
        let rect = canvas_with(Shape::Rect {
            from: (1.4, 2.6),
            to: (10.0, 20.0),
            fill: Rgb(0, 0x72, 0xB2),
        });
        assert_eq!(
            rect,
            "<rect x=\"1\" y=\"3\" width=\"9\" height=\"17\" fill=\"#0072B2\"/>\n"
        );
        let path = canvas_with(Shape::Path {
            points: vec![(0.0, 0.0), (5.0, 5.0)],
            colour: Rgb(0, 0, 0),
            width: 2,
        });
        assert_eq!(
            path,
            "<polyline fill=\"none\" stroke=\"#000000\" stroke-width=\"2\" points=\"0,0 5,5\"/>\n"
        );
    }

    #[test]
    fn numbers_have_one_decimal_at_most() {
        assert_eq!(number(12.0), "12");
        assert_eq!(number(11.999999999999998), "12");
        assert_eq!(number(10.25), "10.3");
        assert_eq!(number(-0.01), "0");
    }
}
