//! Text measurement and line breaking without fonts.
//!
//! Charts are laid out at build time with no font files and no system font libraries, so widths are estimated
//! from the characters: a CJK or full-width character is 1 em, East Asian "ambiguous" symbols (−, ×, ①, ○, “ ”)
//! are taken as 1 em too because Japanese fonts draw them wide, ASCII is about 0.55 em (capitals and m/w a little
//! wider), half-width katakana 0.5 em and other Latin letters 0.6 em. The estimate errs on the wide side, so text
//! laid out with it does not collide in real fonts.
//!
//! Wrapping follows Japanese line-breaking habits (kinsoku): a line may break between CJK characters but never
//! before closing brackets, 、。 or small kana, never after an opening bracket, and never between a number and the
//! counter that follows it (`5年`). Latin text breaks at spaces and after `-` or `/`. A `\n` in the text forces a
//! break.

/// Estimated advance of one character, in em.
pub(crate) fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.55,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 0.85,
        'A'..='Z' => 0.68,
        c if c.is_ascii() => 0.55,
        '\u{FF61}'..='\u{FF9F}' => 0.5,
        '\u{00A7}' | '\u{00B0}' | '\u{00B1}' | '\u{00D7}' | '\u{00F7}' => 1.0,
        '\u{00A0}'..='\u{024F}' => 0.6,
        _ => 1.0,
    }
}

/// Estimated width of `text` at font size `size` (in the same units as `size`).
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * size
}

/// The widest of several lines.
pub(crate) fn max_width<S: AsRef<str>>(lines: &[S], size: f64) -> f64 {
    lines
        .iter()
        .map(|l| text_width(l.as_ref(), size))
        .fold(0.0, f64::max)
}

/// Lines of a wrapped text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Wrapped {
    /// The lines, each within the width asked for.
    pub lines: Vec<String>,
    /// True when a word wider than the line had to be cut between letters.
    pub hard_broken: bool,
}

/// Characters that may not start a line (closing brackets, punctuation, small kana, prolonged sound mark).
const NO_START: &str = "、。，．・：；？！ー‐゠–〜～々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ)）]］}｝〕〉》」』】〙〗〟’”｠»,.:;!?%％";
/// Characters that may not end a line (opening brackets).
const NO_END: &str = "(（[［{｛〔〈《「『【〘〖〝‘“｟«";

/// Characters written in CJK scripts, between which a line may break.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x303F
        | 0x3040..=0x30FF
        | 0x3100..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
}

/// Whether a line may break between `a` and `b` (neither is whitespace).
fn can_break(a: char, b: char) -> bool {
    if NO_START.contains(b) || NO_END.contains(a) {
        return false;
    }
    if is_cjk(a) || is_cjk(b) {
        // Keep a number with the counter or unit after it: 5年, 30%, 2018年.
        return !(a.is_ascii_digit() && is_cjk(b));
    }
    (a == '-' || a == '/') && b.is_alphanumeric()
}

/// An unbreakable piece of text and what follows it.
struct Segment {
    text: String,
    space_after: bool,
    forced_break_after: bool,
}

fn segments(text: &str) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut last: Option<char> = None;
    let finish = |out: &mut Vec<Segment>, current: &mut String, space: bool, forced: bool| {
        if current.is_empty() {
            // Spaces and breaks attach to the segment before; at the start of the text they are dropped.
            if let Some(prev) = out.last_mut() {
                prev.space_after |= space;
                prev.forced_break_after |= forced;
            }
            return;
        }
        out.push(Segment {
            text: std::mem::take(current),
            space_after: space,
            forced_break_after: forced,
        });
    };
    for c in text.chars() {
        if c == '\n' {
            finish(&mut out, &mut current, false, true);
            last = None;
        } else if c.is_whitespace() || c.is_control() {
            finish(&mut out, &mut current, true, false);
            last = None;
        } else {
            if let Some(a) = last
                && can_break(a, c)
            {
                finish(&mut out, &mut current, false, false);
            }
            current.push(c);
            last = Some(c);
        }
    }
    finish(&mut out, &mut current, false, false);
    out
}

/// Wraps `text` into lines no wider than `max_width` at font size `size`. Words wider than a line are cut
/// between characters (and `hard_broken` is set). An empty text gives no lines.
pub(crate) fn wrap(text: &str, max_width: f64, size: f64) -> Wrapped {
    let max_width = max_width.max(size); // at least one character per line
    let space = text_width(" ", size);
    let mut lines = Vec::new();
    let mut hard_broken = false;
    let mut line = String::new();
    let mut line_w = 0.0;
    let mut space_before = false;
    for seg in segments(text) {
        let w = text_width(&seg.text, size);
        let sep = if line.is_empty() || !space_before {
            0.0
        } else {
            space
        };
        if !line.is_empty() && line_w + sep + w > max_width + 1e-9 {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
        } else if !line.is_empty() && sep > 0.0 {
            line.push(' ');
            line_w += sep;
        }
        if line.is_empty() && w > max_width + 1e-9 {
            hard_broken = true;
            for c in seg.text.chars() {
                let cw = char_em(c) * size;
                if !line.is_empty() && line_w + cw > max_width + 1e-9 {
                    lines.push(std::mem::take(&mut line));
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        } else {
            line.push_str(&seg.text);
            line_w += w;
        }
        space_before = seg.space_after;
        if seg.forced_break_after {
            lines.push(std::mem::take(&mut line));
            line_w = 0.0;
            space_before = false;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines.retain(|l| !l.is_empty());
    Wrapped { lines, hard_broken }
}

/// Shortens `text` to fit `max_width`, ending it with `…` when something was cut.
pub(crate) fn truncate(text: &str, max_width: f64, size: f64) -> String {
    if text_width(text, size) <= max_width {
        return text.to_string();
    }
    let budget = max_width - char_em('…') * size;
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = char_em(c) * size;
        if w + cw > budget {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// The text on one line: line breaks written by the editor become nothing between CJK characters and a space
/// elsewhere (used where text cannot wrap, such as the text alternative).
pub(crate) fn one_line(text: &str) -> String {
    let mut out = String::new();
    let mut pending_break = false;
    for c in text.trim().chars() {
        if c == '\n' || c == '\r' {
            pending_break = true;
            continue;
        }
        if pending_break {
            let prev_cjk = out.chars().last().is_some_and(is_cjk);
            if c != ' ' && !(out.ends_with(' ') || prev_cjk && is_cjk(c)) {
                out.push(' ');
            }
            pending_break = false;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_cjk_as_one_em_and_ascii_as_about_half() {
        let cases = [
            ("", 0.0),
            ("神戸", 24.0),
            ("abc", 3.0 * 0.55 * 12.0),
            ("2018年7月", (5.0 * 0.55 + 2.0) * 12.0),
            ("−1,500", (1.0 + 5.0 * 0.55) * 12.0),
            ("ｱｲ", 12.0),
            ("（社）", 36.0),
        ];
        for (text, want) in cases {
            let got = text_width(text, 12.0);
            assert!((got - want).abs() < 1e-9, "{text}: {got} != {want}");
        }
        assert!(text_width("WWW", 10.0) > text_width("iii", 10.0));
    }

    #[test]
    fn wraps_japanese_with_kinsoku() {
        let long = "神戸医療産業都市への進出企業・団体数（令和5年版白書時点）";
        let size = 12.0;
        let wrapped = wrap(long, 120.0, size);
        assert!(!wrapped.hard_broken);
        assert_eq!(wrapped.lines.concat(), long);
        for line in &wrapped.lines {
            assert!(text_width(line, size) <= 120.0, "{line}");
            let first = line.chars().next().unwrap();
            let last = line.chars().last().unwrap();
            assert!(
                !NO_START.contains(first),
                "line starts with {first}: {line}"
            );
            assert!(!NO_END.contains(last), "line ends with {last}: {line}");
        }
        // "5年" stays together.
        assert!(wrapped.lines.iter().all(|l| !l.ends_with('5')));
    }

    #[test]
    fn wraps_table() {
        let cases: [(&str, f64, &[&str], bool); 8] = [
            ("", 100.0, &[], false),
            ("Jul 2018", 200.0, &["Jul 2018"], false),
            ("2023 White Paper", 60.0, &["2023", "White", "Paper"], false),
            ("2023 White Paper", 100.0, &["2023 White", "Paper"], false),
            (
                "研究者（全国2位）",
                50.0,
                &["研究者", "（全国", "2位）"],
                false,
            ),
            (
                "line one\nline two",
                500.0,
                &["line one", "line two"],
                false,
            ),
            (
                "Supercalifragilistic",
                40.0,
                &["Super", "califr", "agilis", "tic"],
                true,
            ),
            ("R&D-based  hubs", 60.0, &["R&D-", "based", "hubs"], false),
        ];
        for (text, width, want, hard) in cases {
            let got = wrap(text, width, 12.0);
            assert_eq!(got.lines, want, "{text} at {width}");
            assert_eq!(got.hard_broken, hard, "{text} at {width}");
        }
    }

    #[test]
    fn wrapped_lines_fit() {
        for width in [12.0, 30.0, 55.0, 100.0, 400.0] {
            for text in [
                "Upgrading research functions and industrial clusters",
                "研究機能・産業集積高度化地域",
                "その他の地域（本報告書による算出）",
            ] {
                let got = wrap(text, width, 11.0);
                for line in &got.lines {
                    assert!(
                        text_width(line, 11.0) <= width.max(11.0) + 1e-9,
                        "{line} at {width}"
                    );
                }
                let joined: String = got.lines.concat().chars().filter(|c| *c != ' ').collect();
                let orig: String = text.chars().filter(|c| *c != ' ').collect();
                assert_eq!(joined, orig);
            }
        }
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("神戸", 100.0, 12.0), "神戸");
        let t = truncate("神戸医療産業都市", 50.0, 12.0);
        assert!(t.ends_with('…'));
        assert!(text_width(&t, 12.0) <= 50.0);
    }

    #[test]
    fn one_line_joins_breaks() {
        assert_eq!(one_line("神戸\n医療"), "神戸医療");
        assert_eq!(one_line("Kobe\ncluster"), "Kobe cluster");
        assert_eq!(one_line(" plain "), "plain");
    }
}
