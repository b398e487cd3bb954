//! Everything taken from content goes into the generated Typst source as a string literal, never as markup:
//! a title holding `#`, `$`, `*`, `[` or `\` stays text.

/// Appends `text` as a Typst string literal (`"…"`), with `\`, `"` and control characters escaped.
pub(crate) fn push_string(out: &mut String, text: &str) {
    out.reserve(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            // Private-use characters are escaped too: the edition's source marks links with them (see
            // `LINK_MARK`), so text can never contain one.
            c if c.is_control()
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{E000}'..='\u{F8FF}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Marks, in a document's markup, where the target of a link inside the PDF goes: `LINK_MARK`, the link's
/// number, `LINK_MARK` (resolved once the edition knows every label it has).
pub(crate) const LINK_MARK: char = '\u{E000}';

/// `text` as a Typst string literal.
pub(crate) fn string(text: &str) -> String {
    let mut out = String::new();
    push_string(&mut out, text);
    out
}

/// Appends `text` to markup as text: `#"…";` (the `;` ends the expression, so what follows in the markup,
/// a `.`, `[` or `(`, cannot continue it).
pub(crate) fn push_text(out: &mut String, text: &str) {
    if text.is_empty() {
        return;
    }
    out.push('#');
    push_string(out, text);
    out.push(';');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_stay_text() {
        let mut out = String::new();
        push_text(&mut out, "#set page(\"a\") $x$ *b* [c] \\d <e> @f // g");
        assert_eq!(
            out,
            "#\"#set page(\\\"a\\\") $x$ *b* [c] \\\\d <e> @f // g\";"
        );
        assert_eq!(
            string("a\u{0}b\u{2028}\tc\n"),
            "\"a\\u{0}b\\u{2028}\\tc\\n\""
        );
        let mut empty = String::new();
        push_text(&mut empty, "");
        assert_eq!(empty, "");
    }
}
