//! A figure as one drawing to take away (the SVG and PNG downloads of a figure): its number and title above
//! the chart, its note and sources below, and the report it comes from, so that the picture still says
//! what it is and where it is from when pasted into a slide or a document.

use std::fmt::Write as _;

use super::ChartStyle;
use super::canvas::number;
use super::svg::escape;
use super::text::wrap;

/// The words around the chart.
#[derive(Clone, Debug, Default)]
pub struct CardText {
    /// 図2-4 and the title, as one line of text (wrapped when long).
    pub heading: String,
    /// The note under the chart.
    pub note: Option<String>,
    /// The sources line (資料：…).
    pub source: String,
    /// The report and its address.
    pub credit: String,
}

const MARGIN: f64 = 24.0;
const HEADING_SIZE: f64 = 17.0;
const TEXT_SIZE: f64 = 13.0;
const CREDIT_SIZE: f64 = 12.0;

/// The card around `chart_svg` (a document made by [`super::render_svg`]), as a standalone SVG document
/// with its size in pixels; `None` when `chart_svg` has no view box.
pub fn card_svg(chart_svg: &str, text: &CardText, style: &ChartStyle) -> Option<String> {
    let (chart_w, chart_h) = view_box(chart_svg)?;
    let width = chart_w + 2.0 * MARGIN;
    let inner = chart_w;
    let heading = wrap(&text.heading, inner, HEADING_SIZE).lines;
    let note = text
        .note
        .as_deref()
        .map(|n| wrap(n, inner, TEXT_SIZE).lines)
        .unwrap_or_default();
    let source = wrap(&text.source, inner, TEXT_SIZE).lines;
    let credit = wrap(&text.credit, inner, CREDIT_SIZE).lines;
    let mut body = String::new();
    let mut y = MARGIN;
    let lines = |body: &mut String, y: &mut f64, lines: &[String], size: f64, attrs: &str| {
        for line in lines {
            *y += size * 1.45;
            let _ = writeln!(
                body,
                "<text x=\"{}\" y=\"{}\" font-size=\"{}\"{attrs}>{}</text>",
                number(MARGIN),
                number(*y - size * 0.35),
                number(size),
                escape(line)
            );
        }
    };
    let bold = format!(
        " font-weight=\"700\" fill=\"{}\"",
        escape(&style.text_color)
    );
    lines(&mut body, &mut y, &heading, HEADING_SIZE, &bold);
    y += 8.0;
    let nested = chart_svg.trim_start().strip_prefix("<svg")?;
    let _ = write!(
        body,
        "<svg x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"{nested}",
        number(MARGIN),
        number(y),
        number(chart_w),
        number(chart_h)
    );
    y += chart_h + 6.0;
    let plain = format!(" fill=\"{}\"", escape(&style.text_color));
    lines(&mut body, &mut y, &note, TEXT_SIZE, &plain);
    lines(&mut body, &mut y, &source, TEXT_SIZE, &plain);
    y += 6.0;
    let soft = format!(" fill=\"{}\"", escape(&style.axis_color));
    lines(&mut body, &mut y, &credit, CREDIT_SIZE, &soft);
    let height = (y + MARGIN).ceil();
    let mut out = String::with_capacity(body.len() + 512);
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" \
         font-family=\"{family}\">",
        w = number(width),
        h = number(height),
        family = escape(&style.font_family),
    );
    let _ = writeln!(
        out,
        "<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>",
        number(width),
        number(height)
    );
    out.push_str(&body);
    out.push_str("</svg>\n");
    Some(out)
}

/// The width and height of the root element's `viewBox="0 0 W H"`.
fn view_box(svg: &str) -> Option<(f64, f64)> {
    let root = &svg[..svg.find('>')?];
    let start = root.find("viewBox=\"")? + "viewBox=\"".len();
    let rest = &root[start..];
    let value = &rest[..rest.find('"')?];
    let parts: Vec<f64> = value
        .split_whitespace()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    match parts[..] {
        [_, _, w, h] if w > 0.0 && h > 0.0 && w.is_finite() && h.is_finite() => Some((w, h)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text() -> CardText {
        CardText {
            heading: "図2-4 進出企業・団体数の推移".into(),
            note: Some("注：数は年度末".into()),
            source: "資料：神戸市「白書」（2023年）".into(),
            credit: "地域から始まる科学技術・イノベーション https://example.org/".into(),
        }
    }

    #[test]
    fn the_chart_sits_under_its_heading_with_the_sources_below() {
        let chart = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 720 356\" role=\"img\">\n<rect/>\n</svg>\n";
        let card = card_svg(chart, &text(), &ChartStyle::default()).unwrap();
        let doc = roxmltree::Document::parse(&card).unwrap();
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some("768"));
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .filter_map(|n| n.text())
            .collect();
        assert_eq!(
            texts,
            [
                "図2-4 進出企業・団体数の推移",
                "注：数は年度末",
                "資料：神戸市「白書」（2023年）",
                "地域から始まる科学技術・イノベーション https://example.org/"
            ]
        );
        let nested = doc
            .descendants()
            .find(|n| n.has_tag_name("svg") && n != &root)
            .unwrap();
        assert_eq!(nested.attribute("width"), Some("720"));
        assert_eq!(nested.attribute("viewBox"), Some("0 0 720 356"));
    }

    #[test]
    fn no_view_box_no_card() {
        assert!(card_svg("<svg></svg>", &text(), &ChartStyle::default()).is_none());
        assert!(card_svg("<svg viewBox=\"0 0 0 5\">", &text(), &ChartStyle::default()).is_none());
        assert!(card_svg("", &text(), &ChartStyle::default()).is_none());
    }
}
