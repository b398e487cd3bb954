//! Control characters in content: refused where they are, so that nothing from content can break a feed,
//! the sitemap or a page (XML 1.0 forbids most of them) or reach an editor's terminal as an escape sequence.
//! Tab and line feed are text; a carriage return has been turned into a line break before these checks.

use std::path::Path;

use super::{Code, Diagnostic, position_of};

/// Whether `c` is a control character content may not hold: C0 other than tab and line feed, DEL, C1.
pub(super) fn is_refused_control(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n') || ('\u{7f}'..='\u{9f}').contains(&c)
}

/// The first refused control character of `text`, as its byte offset and the character.
pub fn first_control(text: &str) -> Option<(usize, char)> {
    // Most text has none: a byte scan first (C1 characters start with 0xC2 in UTF-8).
    if !text
        .bytes()
        .any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f || b == 0xc2)
    {
        return None;
    }
    text.char_indices().find(|&(_, c)| is_refused_control(c))
}

/// How a control character is named in messages: `U+001B`, with its usual name when it has one.
pub(super) fn control_name(c: char) -> String {
    let name = match c {
        '\u{7}' => " (bell)",
        '\u{8}' => " (backspace)",
        '\u{b}' => " (vertical tab)",
        '\u{c}' => " (form feed)",
        '\u{1b}' => " (escape)",
        '\u{7f}' => " (delete)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// The error for a control character at `line`:`column` of `path`; `written` says whether it was written
/// as an escape inside a YAML string rather than as the character itself.
pub fn control_error(
    path: &Path,
    line: usize,
    column: usize,
    c: char,
    written: bool,
) -> Diagnostic {
    let name = control_name(c);
    let (what, what_ja) = if written {
        (
            format!("this text holds the control character {name}, written as an escape"),
            format!("この文には制御文字 {name} がエスケープで書かれています"),
        )
    } else {
        (
            format!("the file contains the control character {name}"),
            format!("ファイルに制御文字 {name} があります"),
        )
    };
    Diagnostic::error(
        Code::NotText,
        path,
        format!("{what}; pages, feeds and the sitemap cannot hold it"),
    )
    .at(line, column)
    .with_help("remove it (most editors do not show it; search for it by its code)")
    .ja(format!(
        "{what_ja}。ページやフィード、サイトマップには入れられません"
    ))
    .ja_help("削除してください（多くのエディターでは見えないため、コードで検索してください）")
}

/// Refuses a text file holding a control character, at its position. U+0085 (next line) is left to the
/// checks that know what it does where it is: YAML reads it as a line break and says so
/// (`yaml::invisible`), and Markdown text is checked once decoded (`markdown::transform`).
pub fn refuse_controls(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let found = first_control(text).and_then(|(at, c)| match c {
        '\u{85}' => text[at..]
            .char_indices()
            .find(|&(_, c)| is_refused_control(c) && c != '\u{85}')
            .map(|(i, c)| (at + i, c)),
        _ => Some((at, c)),
    });
    match found {
        None => Ok(()),
        Some((at, c)) => {
            let p = position_of(text, at);
            Err(control_error(path, p.line, p.column, c, false))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_where_they_are() {
        assert_eq!(first_control("a\tb\nc"), None);
        assert_eq!(first_control("©°"), None);
        assert_eq!(first_control("ab\u{1b}[2J"), Some((2, '\u{1b}')));
        assert_eq!(first_control("é\u{85}"), Some((2, '\u{85}')));
        assert!(refuse_controls(Path::new("a.md"), "a\u{85}b").is_ok());
        assert!(refuse_controls(Path::new("a.md"), "a\u{85}b\u{1b}").is_err());
        let d = refuse_controls(Path::new("a.md"), "x\ny\u{7}").unwrap_err();
        assert_eq!(
            d.to_string(),
            "a.md:2:2: error: the file contains the control character U+0007 (bell); pages, feeds and the sitemap cannot hold it\n  help: remove it (most editors do not show it; search for it by its code)"
        );
    }
}
