//! Characters an editor cannot see, or cannot tell from others: a full-width space after a number, a
//! zero-width space in a key, full-width digits, curly quotes used as YAML quotes. A value or key that is
//! wrong because of one gets the character named in words, where it is, and the value to write.

use super::Source;
use crate::diag::{Code, Diagnostic, did_you_mean, narrow};

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
    /// What it holds, in Japanese, following 値 or キー: "の `7400` の後に全角スペース（U+3000）があります…".
    pub what_ja: String,
    /// How to fix it, in Japanese.
    pub fix_ja: String,
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
        let (place, place_ja) = if before.trim().is_empty() {
            (format!("before `{meant}`"), format!("`{meant}` の前"))
        } else {
            (
                format!("after `{}`", before.trim()),
                format!("`{}` の後", before.trim()),
            )
        };
        return Some(Unseen {
            what: format!(
                "a {name} ({ja}, U+{:04X}) {place}, which cannot be seen",
                c as u32
            ),
            fix: format!("remove the {name} {place}: write `{meant}`"),
            what_ja: format!(
                "の {place_ja}に{ja}（U+{:04X}）があります（画面では見えません）",
                c as u32
            ),
            fix_ja: format!("{place_ja}の{ja}を消して、`{meant}` と書いてください"),
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
            what_ja: format!("が{ja}で書かれています"),
            fix_ja: format!("半角で `{meant}` と書いてください"),
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
            what_ja: "が曲がった引用符（“ ”）で囲まれています。YAML はこれを引用符として読みません"
                .into(),
            fix_ja: format!("まっすぐな引用符（半角の \"）を使ってください：\"{inner}\""),
            at: 0,
            meant: inner,
        });
    }
    None
}

/// The problem told in words when its cause cannot be seen: a value or key holding a full-width space, a
/// zero-width character, full-width digits or curly quotes. The position is the character's own.
pub(super) fn diagnose(
    src: &Source<'_>,
    code: Code,
    unknown: Option<&super::messages::Unknown>,
    words: &str,
    at: usize,
) -> Option<Diagnostic> {
    let (written, start) = match unknown {
        Some(unknown) => (unknown.word.as_str(), None),
        None if matches!(code, Code::WrongType | Code::InvalidValue) => {
            let rest = &src.text[super::floor_char_boundary(src.text, at)..];
            let end = rest
                .find(['\n', ',', ']', '}'])
                .unwrap_or(rest.len())
                .min(rest.find(" #").unwrap_or(rest.len()));
            (rest[..end].trim_end_matches([' ', '\r']), Some(at))
        }
        None => return None,
    };
    let u = explain(written)?;
    // A wrong type is told this way only when the character is what kept the value from being a number
    // (`regions: ｈｙｏｇｏ` lacks its brackets, whatever its letters).
    if unknown.is_none() && u.meant.parse::<f64>().is_err() {
        return None;
    }
    // `words` is the message without its key path: keep the path, say what the value holds.
    let path = words
        .strip_prefix('`')
        .and_then(|w| w.split_once("`: "))
        .map(|(p, _)| format!("`{p}`: "))
        .unwrap_or_default();
    let (what, what_ja) = match unknown {
        Some(u) if u.what == "keys" => ("the key", "キー"),
        _ => ("the value", "値"),
    };
    let mut diag = Diagnostic::error(code, src.path, format!("{path}{what} holds {}", u.what));
    diag = match start {
        Some(start) => {
            let offset = written.char_indices().nth(u.at).map_or(0, |(i, _)| i);
            let p = src.position_at(start + offset);
            diag.at(p.line, p.column)
        }
        None => {
            // The key, where libyaml points at it (a mapping's first key may be reported at its start).
            let key_at = super::floor_char_boundary(src.text, at);
            let offset = if src.text[key_at..].starts_with(written) {
                written.char_indices().nth(u.at).map_or(0, |(i, _)| i)
            } else {
                0
            };
            let p = src.position_at(key_at + offset);
            diag.at(p.line, p.column)
        }
    };
    let (mut help, mut help_ja) = (u.fix, u.fix_ja);
    if let Some(unknown) = unknown {
        let allowed = unknown.allowed.iter().map(String::as_str);
        match did_you_mean(&u.meant, allowed) {
            Some(best) if best != u.meant => {
                help = format!("{help}; did you mean `{best}`?");
                help_ja = format!("{help_ja}。`{best}` のことですか？");
            }
            Some(_) => {}
            None => {
                help = format!(
                    "{help}; `{}` is not one of the allowed {} either",
                    u.meant, unknown.what
                );
                help_ja = format!("{help_ja}。ただし `{}` も使えるものではありません", u.meant);
            }
        }
    }
    Some(
        diag.with_help(help)
            .ja(format!("{path}{what_ja}{}", u.what_ja))
            .ja_help(help_ja),
    )
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
