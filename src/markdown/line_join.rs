//! The Japanese line-join rule for texts outside Markdown (YAML folded strings in `glossary.yaml`).

use super::inline::is_cjk;

/// `text` with the spaces between two Japanese characters, and next to Japanese punctuation (。、「」（）),
/// taken out: the Japanese line-join rule that drops a soft line break between Japanese text, for texts
/// that YAML folded (`>`), where each line break became a space.
pub(crate) fn join_japanese_lines(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            let end = chars[i..].iter().position(|&c| c != ' ').map(|n| i + n);
            let before = out.chars().next_back();
            let punct =
                |c: char| matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20);
            if let Some(end) = end
                && ((before.is_some_and(is_cjk) && is_cjk(chars[end]))
                    || before.is_some_and(punct)
                    || punct(chars[end]))
            {
                i = end;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_japanese_lines_join_without_spaces() {
        for (folded, joined) in [
            ("進めた。 川崎市のCOINSも", "進めた。川崎市のCOINSも"),
            ("伴走型の支援。 JARECの調査", "伴走型の支援。JARECの調査"),
            ("地域の 大学", "地域の大学"),
            ("JSTの 事業", "JSTの事業"),
            ("COI プログラム", "COI プログラム"),
            ("Center of Innovation", "Center of Innovation"),
            ("末尾。 ", "末尾。 "),
        ] {
            assert_eq!(join_japanese_lines(folded), joined, "{folded}");
        }
    }
}
