//! How search reads text: normalized one character for one (full-width ASCII to ASCII, lower case), with
//! letters of scripts written without spaces (matched anywhere) told from word characters (matched at the
//! start of a word). `static/search.js` does exactly the same; keep the two in step.

/// Full-width ASCII to ASCII, the ideographic space to a space, letters to lower case; one character for one.
pub fn normalize(text: &str) -> String {
    text.chars().map(normalize_char).collect()
}

/// One character as [`normalize`] writes it.
pub fn normalize_char(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    // One character for one, so positions in normalized text are positions in the original.
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// A letter of a script written without spaces (kanji, kana, hangul).
pub fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x3041..=0x309F   // hiragana
        | 0x30A0..=0x30FF // katakana (with ー)
        | 0x31F0..=0x31FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0xFF66..=0xFF9F // half-width katakana
        | 0xAC00..=0xD7AF
        | 0x20000..=0x2FA1F)
        && c != '・'
}

/// A letter or digit of a script written with spaces.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk_letter(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_full_width_and_case() {
        assert_eq!(normalize("ＫＯＳＥＮ　高専 Kobe"), "kosen 高専 kobe");
    }
}
