//! The SVG document around the drawing: sized by `viewBox` only (no `width`/`height`, so CSS can make it
//! `width:100%; height:auto`), `role="img"` labelled by its `<title>` and `<desc>`, the language, and the font
//! family once for all text. Ids are prefixed `chart-<id>-<lang>-` so that many charts, in both languages, can
//! share a page. No XML declaration: the document can be inlined in HTML as it is or served as a file.

use std::fmt::Write as _;

use crate::model::chart::Chart;
use crate::model::lang::Lang;

use super::ChartStyle;
use super::canvas::{Canvas, number};
use super::text::one_line;

/// The complete SVG document of a drawn chart.
pub(crate) fn document(
    canvas: &Canvas,
    chart: &Chart,
    lang: Lang,
    style: &ChartStyle,
    alt: &str,
    narrow: bool,
) -> String {
    let variant = if narrow { "narrow-" } else { "" };
    let prefix = format!("chart-{}-{}-{variant}", id_part(&chart.id), lang.code());
    let mut out = String::with_capacity(8 * 1024);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" role=\"img\" \
         aria-labelledby=\"{prefix}title {prefix}desc\" xml:lang=\"{code}\" class=\"chart-svg chart-svg-{kind}{class}\" \
         font-family=\"{family}\">",
        w = number(canvas.width),
        h = number(canvas.height),
        code = lang.code(),
        kind = chart.kind.name(),
        class = if narrow {
            " chart-narrow"
        } else {
            " chart-wide"
        },
        family = escape(&style.font_family),
    );
    let _ = writeln!(
        out,
        "<title id=\"{prefix}title\">{}</title>",
        escape(&one_line(chart.title.get(lang)))
    );
    let _ = writeln!(out, "<desc id=\"{prefix}desc\">{}</desc>", escape(alt));
    for layer in canvas.layers() {
        if layer.shapes.is_empty() {
            continue;
        }
        let _ = write!(out, "<g class=\"{}\"", escape(&layer.class));
        for (name, value) in &layer.attrs {
            let _ = write!(out, " {name}=\"{}\"", escape(value));
        }
        out.push_str(">\n");
        out.push_str(&canvas.layer_markup(layer));
        out.push_str("</g>\n");
    }
    out.push_str("</svg>\n");
    out
}

/// A chart id made safe for an id attribute: anything but letters, digits, `-` and `_` becomes `-`.
fn id_part(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

/// Escapes text for XML content and double-quoted attributes.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_text_are_safe() {
        assert_eq!(id_part("kobe-growth"), "kobe-growth");
        assert_eq!(id_part("a b\"c"), "a-b-c");
        assert_eq!(escape("R&D <\"x\">"), "R&amp;D &lt;&quot;x&quot;&gt;");
        assert_eq!(escape("a\u{0}b"), "a b");
    }
}
