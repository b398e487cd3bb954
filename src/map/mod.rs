//! A map of Japan drawn at build time: the prefectures with cases shaded and linked to their region page,
//! each case with coordinates marked and labelled. Plain SVG, no script, no tiles; the outline is derived
//! data shipped with hakusho (`themes/default/map/`).
//!
//! Like the charts, the map is drawn twice: wide (screens, print) and narrow, with larger text, for phones.

mod labels;
pub(crate) mod outline;
mod project;

use std::fmt::Write as _;

use crate::format::escape::escape_html;

/// A prefecture with cases: shaded and a link.
#[derive(Clone, Debug)]
pub struct MapRegion {
    /// JIS X 0401 code.
    pub code: u8,
    /// Its name in the page's language.
    pub name: String,
    /// Link to its region page.
    pub url: String,
}

/// A case's mark.
#[derive(Clone, Debug)]
pub struct MapMark {
    /// Latitude, degrees north.
    pub lat: f64,
    /// Longitude, degrees east.
    pub lon: f64,
    /// The label, in the page's language.
    pub label: String,
}

/// Which drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Screens and print.
    Wide,
    /// Phones: text twice as large, so that it stays 11 CSS px or more in a 288 px column.
    Narrow,
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct MapInput<'a> {
    /// Prefectures with cases.
    pub regions: &'a [MapRegion],
    /// Marks, labelled.
    pub marks: &'a [MapMark],
    /// The drawing's name (`aria-label`), in the page's language.
    pub label: &'a str,
    /// The id of the element that describes it in words.
    pub described_by: &'a str,
    /// Language code of the labels.
    pub lang: &'a str,
}

/// The map as SVG markup, ready to be put in a page.
pub fn draw(input: &MapInput<'_>, layout: Layout) -> String {
    let outline = outline::japan();
    let (size, radius, class) = match layout {
        Layout::Wide => (13.0, 4.5, "map-wide"),
        Layout::Narrow => (24.0, 7.0, "map-narrow"),
    };
    let mut out = String::with_capacity(24 * 1024);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" class=\"japan-map {class}\" \
         role=\"group\" aria-label=\"{label}\" aria-describedby=\"{desc}\" xml:lang=\"{lang}\">",
        w = outline.width,
        h = outline.height,
        label = escape_html(input.label),
        desc = escape_html(input.described_by),
        lang = escape_html(input.lang),
    );
    out.push_str(
        "<g fill=\"#e3e7ec\" stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\">",
    );
    for (code, d) in &outline.prefectures {
        if !input.regions.iter().any(|r| r.code == *code) {
            let _ = write!(out, "<path d=\"{d}\"/>");
        }
    }
    out.push_str("</g>");
    for r in input.regions {
        let Some((_, d)) = outline.prefectures.iter().find(|(c, _)| *c == r.code) else {
            continue;
        };
        let _ = write!(
            out,
            "<a href=\"{url}\" class=\"map-region\"><title>{name}</title>\
             <path d=\"{d}\" fill=\"#2f6fa8\" stroke=\"#ffffff\" stroke-width=\"0.8\" stroke-linejoin=\"round\"/></a>",
            url = escape_html(&r.url),
            name = escape_html(&r.name),
        );
    }
    let (x, y, w, h) = outline.inset.frame;
    let _ = write!(
        out,
        "<rect x=\"{x}\" y=\"{y}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#6b7480\" stroke-width=\"1\"/>"
    );
    draw_marks(
        &mut out,
        input.marks,
        size,
        radius,
        (outline.width, outline.height),
    );
    out.push_str("</svg>");
    out
}

/// The marks, their leader lines and labels (labels on a white halo, over everything else).
fn draw_marks(out: &mut String, marks: &[MapMark], size: f64, radius: f64, bounds: (f64, f64)) {
    let outline = outline::japan();
    let mut points: Vec<((f64, f64), &str)> = marks
        .iter()
        .map(|m| {
            let p = project::place(&outline.projection, &outline.inset, m.lat, m.lon);
            (p, m.label.as_str())
        })
        .collect();
    // North to south, so that the placing does not depend on the order the cases are listed in.
    points.sort_by(|a, b| a.0.1.total_cmp(&b.0.1).then(a.0.0.total_cmp(&b.0.0)));
    let placed = labels::place_labels(&points, size, radius, bounds);
    out.push_str("<g aria-hidden=\"true\">");
    for (((mx, my), _), p) in points.iter().zip(&placed) {
        if let Some((lx, ly)) = p.leader {
            let _ = write!(
                out,
                "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"#1a1a1a\" stroke-width=\"1\"/>",
                r1(*mx),
                r1(*my),
                r1(lx),
                r1(ly)
            );
        }
    }
    for ((mx, my), _) in &points {
        let _ = write!(
            out,
            "<circle cx=\"{}\" cy=\"{}\" r=\"{radius}\" fill=\"#c0392b\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>",
            r1(*mx),
            r1(*my)
        );
    }
    for ((_, text), p) in points.iter().zip(&placed) {
        let anchor = if p.anchor == "end" {
            " text-anchor=\"end\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<text x=\"{}\" y=\"{}\" font-size=\"{size}\"{anchor} fill=\"#1a1a1a\" stroke=\"#ffffff\" \
             stroke-width=\"{}\" paint-order=\"stroke\" stroke-linejoin=\"round\">{}</text>",
            r1(p.x),
            r1(p.y),
            r1(size / 4.0),
            escape_html(text)
        );
    }
    out.push_str("</g>");
}

/// A number rounded to one decimal, written without a trailing `.0`.
fn r1(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r == r.trunc() {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
mod tests;
