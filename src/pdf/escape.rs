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
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}') => {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

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
