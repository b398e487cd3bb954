//! The common shape of front matter read without the YAML parser: one `key: value` line per known key, each
//! value double-quoted without escapes or written plain where YAML would read it as the same text. Anything
//! else (comments, quotes with escapes, lists, continued lines, unusual characters) is left to the YAML
//! parser, whose answer this must always equal; the parser takes about 50,000 instructions per file, this a
//! few hundred.

use super::RawFrontMatter;
use crate::load::raw::DateText;

/// The front matter, if every line has the common shape; `None` sends it to the YAML parser. Debug builds
/// parse what this accepts with serde as well, and stop if the two differ.
pub(in crate::load) fn parse(yaml: &str) -> Option<RawFrontMatter> {
    let raw = read(yaml)?;
    #[cfg(debug_assertions)]
    same_as_serde(yaml, &raw);
    Some(raw)
}

/// Stops (in debug builds) when serde reads `yaml` otherwise than the quick way did.
#[cfg(debug_assertions)]
fn same_as_serde(yaml: &str, quick: &RawFrontMatter) {
    let by_serde = serde_yaml::from_str::<RawFrontMatter>(yaml);
    assert!(
        by_serde.as_ref().is_ok_and(|s| s == quick),
        "the quick front-matter reader and serde differ on {yaml:?}:\n  quick: {quick:?}\n  serde: {by_serde:?}"
    );
}

fn read(yaml: &str) -> Option<RawFrontMatter> {
    if yaml.trim().is_empty() {
        return None;
    }
    let mut raw = RawFrontMatter::default();
    for line in yaml.split('\n') {
        if line.bytes().all(|b| b == b' ') {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        let value = value.trim_matches(' ');
        let slot = match key {
            "title" => &mut raw.title,
            "summary" => &mut raw.summary,
            "translated_from" => &mut raw.translated_from,
            "date" | "updated" => {
                let date = if key == "date" {
                    &mut raw.date
                } else {
                    &mut raw.updated
                };
                if date.is_some() {
                    return None;
                }
                *date = Some(date_text(value)?);
                continue;
            }
            _ => return None,
        };
        if slot.is_some() {
            return None;
        }
        *slot = Some(text(value)?.to_string());
    }
    Some(raw)
}

/// A scalar YAML reads as a string, as it reads it.
fn text(value: &str) -> Option<&str> {
    if let Some(inner) = value.strip_prefix('"') {
        let inner = inner.strip_suffix('"')?;
        return (!inner.contains(['"', '\\']) && inner.chars().all(plain_char)).then_some(inner);
    }
    let first = value.chars().next()?;
    let plain = !"-?:,[]{}#&*!|>'\"%@`".contains(first)
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !matches!(value, "~" | "null" | "Null" | "NULL")
        && value.chars().all(plain_char);
    plain.then_some(value)
}

/// A date as YAML reads it: a four-digit year is a number, `2025-03` and `2025-03-31` are strings.
fn date_text(value: &str) -> Option<DateText> {
    let b = value.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let year = digits(0..4) && b[0] != b'0';
    let date = match b.len() {
        4 => year,
        7 => year && b[4] == b'-' && digits(5..7),
        10 => year && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    };
    date.then(|| DateText(value.to_string()))
}

/// Characters that stand for themselves on one line of YAML: no tab, control character or line break
/// (YAML 1.1 counts U+0085, U+2028 and U+2029 as line breaks), no byte-order mark or non-character.
fn plain_char(c: char) -> bool {
    !(c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
        ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn by_yaml(yaml: &str) -> Option<RawFrontMatter> {
        serde_yaml::from_str(yaml).ok()
    }

    #[test]
    fn agrees_with_the_yaml_parser_or_leaves_it_to_it() {
        let values = [
            "神戸医療産業都市",
            "\"クラウド基盤による物流の変革：長崎県の挑戦\"",
            "550以上の研究開発機関が集まる川崎市は、「体内病院」を目指すCOINS",
            "A pilot in Kanagawa, with 12,400 jobs",
            "\"quoted with 'single' inside\"",
            "\"  padded  \"",
            "\"\"",
            "''",
            "'single'",
            "\"escape \\\" inside\"",
            "\"tab\tinside\"",
            "plain with # hash",
            "plain with: colon",
            "ends with colon:",
            "#comment",
            "- dash",
            "~",
            "null",
            "NULL",
            "true",
            "2025",
            "1e3",
            ".inf",
            "[a, b]",
            "{a: b}",
            "&anchor x",
            "*alias",
            "!tag x",
            "|",
            ">",
            "@at",
            "%percent",
            "`tick`",
            "ja@1a2b3c4d",
            "神戸の\"夢\"",
            "a\u{85}b",
            "a\u{2028}b",
            "a\u{feff}b",
            "trailing spaces   ",
            "",
        ];
        let dates = [
            "2025",
            "2025-03",
            "2025-03-31",
            "0123",
            "2025-3-1",
            "\"2025-03-31\"",
            "2025-03-31T00:00:00Z",
            "20250",
            "~",
            "",
        ];
        let mut checked = 0;
        let mut compare = |yaml: String| {
            if let Some(quick) = parse(&yaml) {
                assert_eq!(Some(quick), by_yaml(&yaml), "{yaml:?}");
                checked += 1;
            }
        };
        for v in values {
            compare(format!("title: {v}\nsummary: {v}\n"));
            compare(format!("translated_from: {v}"));
        }
        for d in dates {
            compare(format!("title: \"t\"\ndate: {d}\nupdated: {d}\n"));
        }
        for yaml in [
            "title: a\ntitle: b\n",
            "title: a\n  continued\n",
            "title: a\n\n   \nsummary: b",
            "title : a\n",
            "title:a\n",
            "unknown: a\n",
            "# comment\ntitle: a\n",
            "title: a # comment\n",
            "date: 2025\ndate: 2026\n",
        ] {
            compare(yaml.to_string());
        }
        assert!(checked >= 30, "only {checked} inputs took the quick way");
    }

    #[test]
    fn takes_the_common_shape() {
        let raw = parse("title: \"神戸\"\nsummary: 概要です\ndate: 2025-03-31\n").unwrap();
        assert_eq!(raw.title.as_deref(), Some("神戸"));
        assert_eq!(raw.summary.as_deref(), Some("概要です"));
        assert_eq!(raw.date, Some(DateText("2025-03-31".into())));
        assert!(parse("title: a\nsources: [x]\n").is_none());
    }
}
