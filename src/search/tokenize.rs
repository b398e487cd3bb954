//! Tokens for a search index that works for Japanese without a dictionary: Japanese (and other CJK) text is
//! cut into overlapping character pairs (bigrams), Latin text into lower-case words. `static/search.js`
//! does exactly the same to queries; keep the two in step.

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

/// The index tokens of several texts (title, summary, body), normalized on the fly and without a string
/// per token: CJK pairs (and lone CJK letters) as packed numbers (see [`pair_key`]), Latin words as strings.
/// The texts are read as if joined with spaces.
pub fn index_tokens(texts: &[&str]) -> (Vec<u64>, Vec<String>) {
    let mut pairs = Vec::new();
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_cjk: Option<char> = None;
    let mut alone = false;
    let separated = texts
        .iter()
        .enumerate()
        .flat_map(|(i, t)| (i > 0).then_some(' ').into_iter().chain(t.chars()));
    for c in separated.map(normalize_char).chain(std::iter::once(' ')) {
        if is_cjk_letter(c) {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            match prev_cjk {
                Some(p) => {
                    pairs.push(pair_key(p, Some(c)));
                    alone = false;
                }
                None => alone = true,
            }
            prev_cjk = Some(c);
            continue;
        }
        if let (Some(p), true) = (prev_cjk, alone) {
            pairs.push(pair_key(p, None));
        }
        prev_cjk = None;
        alone = false;
        if is_word_char(c) {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
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
            "COI-NEXT と JST",
            "量子、高専。",
            "12,400人",
            "a",
            "神",
            "",
            "ＫＯＢＥ　神戸",
        ] {
            let (pairs, words) = index_tokens(&[text]);
            let mut got: Vec<String> = pairs.into_iter().map(pair_text).collect();
            got.extend(words);
            got.sort();
            let mut want = tokens(&normalize(text));
            want.sort();
            assert_eq!(got, want, "{text}");
        }
        let (pairs, words) = index_tokens(&["神戸", "医療", "Kobe"]);
        assert_eq!(
            pairs.into_iter().map(pair_text).collect::<Vec<_>>(),
            vec!["神戸", "医療"]
        );
        assert_eq!(words, vec!["kobe"]);
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
