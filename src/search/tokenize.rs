//! Tokens for a search index that works for Japanese without a dictionary: Japanese (and other CJK) text is
//! cut into overlapping character pairs (bigrams), Latin text into lower-case words. `static/search.js`
//! does exactly the same to queries; keep the two in step.

/// Full-width ASCII to ASCII, the ideographic space to a space, letters to lower case; one character for one.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c as u32 {
            0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            0x3000 => ' ',
            _ => c,
        };
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        // One character for one, so positions in normalized text are positions in the original.
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => out.push(l),
            _ => out.push(c),
        }
    }
    out
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

/// The index tokens of already normalized text: words, and bigrams of CJK runs (a lone CJK letter is its
/// own token).
pub fn tokens(normalized: &str) -> Vec<String> {
    let chars: Vec<char> = normalized.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if is_cjk_letter(c) {
            let start = i;
            while i < chars.len() && is_cjk_letter(chars[i]) {
                i += 1;
            }
            let run = &chars[start..i];
            if run.len() == 1 {
                out.push(run[0].to_string());
            } else {
                out.extend(run.windows(2).map(|w| w.iter().collect::<String>()));
            }
        } else if is_word_char(c) {
            let start = i;
            while i < chars.len() && is_word_char(chars[i]) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else {
            i += 1;
        }
    }
    out
}

/// The index tokens of normalized text without allocating one string per token: CJK pairs (and lone CJK
/// letters) as packed numbers (see [`pair_key`]), Latin words as slices of the text.
pub fn index_tokens(normalized: &str) -> (Vec<u64>, Vec<&str>) {
    let mut pairs = Vec::new();
    let mut words = Vec::new();
    let mut chars = normalized.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_cjk_letter(c) {
            let mut prev = c;
            let mut alone = true;
            while let Some(&(_, next)) = chars.peek() {
                if !is_cjk_letter(next) {
                    break;
                }
                pairs.push(pair_key(prev, Some(next)));
                alone = false;
                prev = next;
                chars.next();
            }
            if alone {
                pairs.push(pair_key(c, None));
            }
        } else if is_word_char(c) {
            let mut end = i + c.len_utf8();
            while let Some(&(j, next)) = chars.peek() {
                if !is_word_char(next) {
                    break;
                }
                end = j + next.len_utf8();
                chars.next();
            }
            words.push(&normalized[i..end]);
        }
    }
    (pairs, words)
}

/// Two CJK letters (or one, alone) packed into a number.
pub fn pair_key(a: char, b: Option<char>) -> u64 {
    (u64::from(a as u32) << 21) | u64::from(b.map_or(0, |c| c as u32))
}

/// The text of a packed pair.
pub fn pair_text(key: u64) -> String {
    let a = char::from_u32((key >> 21) as u32).unwrap_or('\u{FFFD}');
    match (key & 0x1F_FFFF) as u32 {
        0 => a.to_string(),
        b => [a, char::from_u32(b).unwrap_or('\u{FFFD}')]
            .iter()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_full_width_and_case() {
        assert_eq!(normalize("ＫＯＳＥＮ　高専 Kobe"), "kosen 高専 kobe");
    }

    #[test]
    fn index_tokens_agree_with_tokens() {
        for text in [
            "再生医療",
            "神戸の再生",
            "coi-next と jst",
            "量子、高専。",
            "12,400人",
            "a",
            "神",
            "",
        ] {
            let (pairs, words) = index_tokens(text);
            let mut got: Vec<String> = pairs.into_iter().map(pair_text).collect();
            got.extend(words.into_iter().map(str::to_string));
            got.sort();
            let mut want = tokens(text);
            want.sort();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn bigrams_for_japanese_words_for_latin() {
        assert_eq!(tokens("再生医療"), vec!["再生", "生医", "医療"]);
        assert_eq!(tokens("神戸の再生"), vec!["神戸", "戸の", "の再", "再生"]);
        assert_eq!(tokens("coi-next と jst"), vec!["coi", "next", "と", "jst"]);
        assert_eq!(tokens("量子、高専。"), vec!["量子", "高専"]);
        assert_eq!(tokens("12,400人"), vec!["12", "400", "人"]);
    }
}
