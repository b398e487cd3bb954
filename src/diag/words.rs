//! Words shown to editors: a suggestion for a typo, and text made safe for a terminal.

/// `text` as it may reach a terminal: control characters other than line breaks and tabs, and the characters
/// that reorder text on screen (bidirectional controls), written as `\u{1b}`, so that nothing from content
/// can move the cursor, change colours or hide text around it.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    fn unsafe_char(c: char) -> bool {
        (c.is_control() && c != '\n' && c != '\t')
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }
    if !text.chars().any(unsafe_char) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// The half-width (ASCII) form of a full-width letter, digit or sign (`３`, `Ａ`, `－`); other characters as
/// they are.
pub fn narrow(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    // Upper-case and full-width letters (ＫＯＢＥ, Kobe) are compared as what the editor meant.
    let fold = |s: &str| -> String { s.chars().map(narrow).collect::<String>().to_lowercase() };
    let word_lower = fold(word);
    candidates
        .into_iter()
        .map(|c| (edit_distance(&word_lower, &fold(c)), c))
        .filter(|(d, c)| *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, Diagnostic};
    use std::path::Path;

    #[test]
    fn nothing_from_content_reaches_the_terminal_raw() {
        assert_eq!(
            terminal_safe("plain 神戸\tand\nlines"),
            "plain 神戸\tand\nlines"
        );
        assert_eq!(
            terminal_safe("a\u{1b}[31mred\u{7}\r\u{202e}gnp.exe\u{0}"),
            "a\\u{1b}[31mred\\u{7}\\u{d}\\u{202e}gnp.exe\\u{0}"
        );
        let d = Diagnostic::error(
            Code::InvalidValue,
            Path::new("a\u{1b}b.yaml"),
            "bad \u{9b}2J",
        )
        .with_help("x\u{1b}]0;title\u{7}");
        assert_eq!(
            d.to_string(),
            "a\\u{1b}b.yaml: error: bad \\u{9b}2J\n  help: x\\u{1b}]0;title\\u{7}"
        );
    }

    #[test]
    fn suggestions_fold_case_and_width() {
        let ids = ["wp2023", "kobe-companies"];
        assert_eq!(did_you_mean("ｗｐ２０２３", ids), Some("wp2023"));
        assert_eq!(did_you_mean("WP2023", ids), Some("wp2023"));
        assert_eq!(
            did_you_mean("ＫＯＢＥ-companies", ids),
            Some("kobe-companies")
        );
    }

    #[test]
    fn suggestions_for_typos_only() {
        let keys = ["title", "summary", "date", "updated"];
        assert_eq!(did_you_mean("titel", keys), Some("title"));
        assert_eq!(did_you_mean("sumary", keys), Some("summary"));
        assert_eq!(did_you_mean("Title", keys), Some("title"));
        assert_eq!(did_you_mean("colour", keys), None);
        assert_eq!(did_you_mean("x", keys), None);
    }
}
