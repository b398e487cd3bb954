//! Characters an editor cannot see, or cannot tell from others: a full-width space after a number, a
//! zero-width space in a key, full-width digits, curly quotes used as YAML quotes. A value or key that is
//! wrong because of one gets the character named in words, where it is, and the value to write.

use crate::diag::narrow;

/// Characters that look like nothing (or like a plain space), with their names in English and Japanese.
const UNSEEN: [(char, &str, &str); 9] = [
    ('\u{3000}', "full-width space", "全角スペース"),
    ('\u{a0}', "no-break space", "ノーブレークスペース"),
    ('\u{200b}', "zero-width space", "ゼロ幅スペース"),
    ('\u{200c}', "zero-width non-joiner", "ゼロ幅非接合子"),
    ('\u{200d}', "zero-width joiner", "ゼロ幅接合子"),
    ('\u{2060}', "word joiner", "単語結合子"),
    ('\u{feff}', "byte-order mark", "BOM"),
    ('\u{ad}', "soft hyphen", "ソフトハイフン"),
    ('\t', "tab", "タブ"),
];

/// What is wrong with a value or key as written, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Unseen {
    /// What it holds, e.g. "a full-width space (全角スペース, U+3000) after `7400`".
    pub what: String,
    /// How to fix it, e.g. "remove the full-width space after `7400`".
    pub fix: String,
    /// Character offset in the value of the first character at fault.
    pub at: usize,
    /// The value without it: what the editor meant.
    pub meant: String,
}

/// What an editor cannot see in `value`, if anything.
pub(crate) fn explain(value: &str) -> Option<Unseen> {
    if let Some((at, c)) = value
        .chars()
        .enumerate()
        .find(|(_, c)| UNSEEN.iter().any(|(u, _, _)| u == c))
    {
        let (_, name, ja) = UNSEEN.iter().find(|(u, _, _)| *u == c)?;
        let meant: String = value
            .chars()
            .filter(|c| !UNSEEN.iter().any(|(u, _, _)| u == c))
            .collect();
        let meant = meant.trim().to_string();
        let before: String = value.chars().take(at).collect();
        let place = if before.trim().is_empty() {
            format!("before `{meant}`")
        } else {
            format!("after `{}`", before.trim())
        };
        return Some(Unseen {
            what: format!(
                "a {name} ({ja}, U+{:04X}) {place}, which cannot be seen",
                c as u32
            ),
            fix: format!("remove the {name} {place}: write `{meant}`"),
            at,
            meant,
        });
    }
    if let Some(at) = value.chars().position(is_full_width) {
        let meant: String = value.chars().map(narrow).collect();
        let digits = value
            .chars()
            .filter(|c| is_full_width(*c))
            .all(|c| c.is_numeric());
        let (name, ja) = if digits {
            ("full-width digits", "全角数字")
        } else {
            ("full-width letters", "全角英数字")
        };
        return Some(Unseen {
            what: format!("{name} ({ja})"),
            fix: format!("write it in half-width (半角) characters: `{meant}`"),
            at,
            meant,
        });
    }
    let curly = ['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}'];
    if value.starts_with(curly) && value.ends_with(curly) && value.chars().count() >= 2 {
        let inner: String = value
            .chars()
            .skip(1)
            .take(value.chars().count() - 2)
            .collect();
        return Some(Unseen {
            what: "curly quotes (“ ”), which YAML does not read as quotes".into(),
            fix: format!("use straight quotes: \"{inner}\""),
            at: 0,
            meant: inner,
        });
    }
    None
}

/// A full-width form of an ASCII letter, digit or sign (`３`, `Ａ`, `－`).
fn is_full_width(c: char) -> bool {
    ('\u{ff01}'..='\u{ff5e}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unseen_characters_are_named_where_they_are() {
        let u = explain("7400\u{3000}").unwrap();
        assert_eq!(
            u.what,
            "a full-width space (全角スペース, U+3000) after `7400`, which cannot be seen"
        );
        assert_eq!(
            u.fix,
            "remove the full-width space after `7400`: write `7400`"
        );
        assert_eq!((u.at, u.meant.as_str()), (4, "7400"));
        let u = explain("\u{200b}title").unwrap();
        assert_eq!(
            u.what,
            "a zero-width space (ゼロ幅スペース, U+200B) before `title`, which cannot be seen"
        );
        let u = explain("ti\u{a0}tle").unwrap();
        assert_eq!(u.fix, "remove the no-break space after `ti`: write `title`");
        assert_eq!(explain("7400"), None);
        assert_eq!(explain("神戸 医療"), None);
    }

    #[test]
    fn full_width_forms_and_curly_quotes_are_named() {
        let u = explain("７４００").unwrap();
        assert_eq!(u.what, "full-width digits (全角数字)");
        assert_eq!(u.fix, "write it in half-width (半角) characters: `7400`");
        let u = explain("ｔｉｔｌｅ").unwrap();
        assert_eq!(
            (u.what.as_str(), u.meant.as_str()),
            ("full-width letters (全角英数字)", "title")
        );
        let u = explain("“Kobe”").unwrap();
        assert_eq!(u.fix, "use straight quotes: \"Kobe\"");
    }
}
