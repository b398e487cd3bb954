//! Title cards: the report's title, its edition and a part's title drawn as an SVG of 1200 × 630 and
//! rasterised to PNG by [`crate::raster`] (`og:image`). Text uses only the fonts given (the theme's), never the
//! system's, so a card has the same bytes on every machine.

/// Width of a card, in pixels.
pub const WIDTH: u32 = 1200;
/// Height of a card, in pixels.
pub const HEIGHT: u32 = 630;

/// What a card says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// `ja` or `en`: the fonts tried first, and where lines may break.
    pub lang: &'static str,
    /// The report's title.
    pub title: String,
    /// The edition, if any.
    pub edition: Option<String>,
    /// The part (第2章 地域の…), if the card is a part's.
    pub part: Option<String>,
    /// The publisher.
    pub publisher: String,
}

/// Escapes text for SVG.
fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Width of a character, in ems, as the card's wrapping estimates it.
fn em(c: char) -> f32 {
    if c.is_ascii() { 0.56 } else { 1.0 }
}

/// Splits `text` into lines of at most `width` ems (at most `max` lines, the last cut with …): at spaces
/// when the text has them, anywhere between Japanese characters, never before 。、」）.
pub(crate) fn wrap(text: &str, width: f32, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0.0;
    let words: Vec<String> = if text.contains(' ') {
        text.split(' ').map(|w| format!("{w} ")).collect()
    } else {
        let mut units: Vec<String> = Vec::new();
        for c in text.chars() {
            match units.last_mut() {
                Some(last)
                    if "。、」）・".contains(c)
                        || c.is_ascii_alphanumeric()
                            && last.chars().all(|l| l.is_ascii_alphanumeric()) =>
                {
                    last.push(c)
                }
                _ => units.push(c.to_string()),
            }
        }
        units
    };
    for word in words {
        let w: f32 = word.trim_end().chars().map(em).sum();
        if used + w > width && !line.is_empty() {
            lines.push(line.trim_end().to_string());
            line.clear();
            used = 0.0;
        }
        used += word.chars().map(em).sum::<f32>();
        line.push_str(&word);
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            last.push('…');
        }
    }
    lines
}

/// The card as SVG.
pub fn svg(card: &Card) -> String {
    let family = match card.lang {
        "ja" => "Noto Sans CJK JP, Noto Sans",
        _ => "Noto Sans, Noto Sans CJK JP",
    };
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" \
         font-family=\"{family}\"><rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#0b4f8a\"/>\
         <rect x=\"0\" y=\"{}\" width=\"{WIDTH}\" height=\"90\" fill=\"#ffffff\"/>",
        HEIGHT - 90
    );
    let mut y = 120.0;
    if let Some(edition) = &card.edition {
        out.push_str(&format!(
            "<text x=\"80\" y=\"{y}\" font-size=\"30\" fill=\"#cfe3f5\">{}</text>",
            esc(edition)
        ));
        y += 30.0;
    }
    y += 60.0;
    for line in wrap(&card.title, 1040.0 / 54.0, 3) {
        out.push_str(&format!(
            "<text x=\"80\" y=\"{y}\" font-size=\"54\" font-weight=\"bold\" fill=\"#ffffff\">{}</text>",
            esc(&line)
        ));
        y += 70.0;
    }
    if let Some(part) = &card.part {
        let lines = wrap(part, 1040.0 / 38.0, 3);
        let mut py = HEIGHT as f32 - 130.0 - 50.0 * (lines.len() as f32 - 1.0);
        for line in lines {
            out.push_str(&format!(
                "<text x=\"80\" y=\"{py}\" font-size=\"38\" fill=\"#ffffff\">{}</text>",
                esc(&line)
            ));
            py += 50.0;
        }
    }
    out.push_str(&format!(
        "<text x=\"80\" y=\"{}\" font-size=\"28\" fill=\"#0b4f8a\">{}</text></svg>",
        HEIGHT - 35,
        esc(&card.publisher)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_and_between_japanese_characters() {
        assert_eq!(
            wrap(
                "Science, Technology and Innovation from the Regions",
                20.0,
                3
            ),
            ["Science, Technology and Innovation", "from the Regions"]
        );
        assert_eq!(
            wrap("地域から始まる科学技術・イノベーション", 10.0, 3),
            ["地域から始まる科学技", "術・イノベーション"]
        );
        assert_eq!(
            wrap("あいうえお。かきくけこ", 5.0, 3),
            ["あいうえ", "お。かきく", "けこ"]
        );
        assert_eq!(
            wrap("あいうえおかきくけこさしすせそ", 5.0, 2),
            ["あいうえお", "かきくけこ…"]
        );
    }

    #[test]
    fn markup_in_a_title_stays_text() {
        let card = Card {
            lang: "en",
            title: "</text><script>x</script> & co".into(),
            edition: None,
            part: None,
            publisher: "\"p\"".into(),
        };
        let s = svg(&card);
        assert!(s.contains("&lt;/text&gt;&lt;script&gt;x&lt;/script&gt; &amp; co"));
        assert!(!s.contains("<script"));
    }
}
