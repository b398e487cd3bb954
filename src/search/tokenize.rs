//! How search reads text. Text is normalized one character for one (full-width ASCII to ASCII, lower case,
//! hiragana to katakana), then cut into terms: a Latin word (letters and digits, with the hyphens and
//! apostrophes inside it dropped and a plural ending taken off: start-up = startup = startups) is one term;
//! a run of a script written without spaces gives each character and each pair of neighbouring characters
//! (神戸市 → 神, 戸, 市, 神戸, 戸市), so that Japanese is found anywhere in running text without a dictionary.
//! `static/search.js` does exactly the same; keep the two in step.

use std::borrow::Cow;

/// Full-width ASCII to ASCII, the ideographic space to a space, letters to lower case, hiragana to
/// katakana; one character for one.
pub fn normalize(text: &str) -> String {
    text.chars().map(normalize_char).collect()
}

/// One character as [`normalize`] writes it.
pub fn normalize_char(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        // Hiragana to katakana (ぁ..ゖ, ゝ ゞ).
        0x3041..=0x3096 | 0x309D..=0x309E => char::from_u32(c as u32 + 0x60).unwrap_or(c),
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    if is_caseless(c) {
        return c;
    }
    // One character for one, so positions in normalized text are positions in the original.
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Whether `c` is in a block without letter case (kana, CJK symbols and ideographs, hangul syllables), where
/// lower-casing can be skipped (tested against `char::to_lowercase`).
fn is_caseless(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF)
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

/// Characters dropped inside a Latin word: hyphens and apostrophes (start-up, Japan's).
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}')
}

/// The term of a Latin word (already normalized, joiners dropped): a plural ending taken off.
pub fn stem(word: &str) -> std::borrow::Cow<'_, str> {
    let n = word.len();
    if n < 4 || !word.ends_with('s') || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return word.into();
    }
    if n > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..n - 3]).into();
    }
    if n > 4
        && ["sses", "shes", "ches", "xes", "zes"]
            .iter()
            .any(|e| word.ends_with(e))
    {
        return word[..n - 2].into();
    }
    if !["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word[..n - 1].into();
    }
    word.into()
}

/// A piece of normalized text as search reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Token {
    /// A Latin word's term (see [`stem`]).
    Word(String),
    /// A run of characters of a script written without spaces.
    Run(String),
}

/// The words and runs of `text`, normalized.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut run = String::new();
    let chars: Vec<char> = text.chars().map(normalize_char).collect();
    for (i, &c) in chars.iter().enumerate() {
        if is_cjk_letter(c) {
            if !word.is_empty() {
                out.push(Token::Word(stem(&std::mem::take(&mut word)).into_owned()));
            }
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(Token::Run(std::mem::take(&mut run)));
        }
        if is_word_char(c) {
            word.push(c);
        } else if is_joiner(c)
            && !word.is_empty()
            && chars.get(i + 1).is_some_and(|&n| is_word_char(n))
        {
            // Dropped: the word goes on.
        } else if !word.is_empty() {
            out.push(Token::Word(stem(&std::mem::take(&mut word)).into_owned()));
        }
    }
    if !word.is_empty() {
        out.push(Token::Word(stem(&word).into_owned()));
    }
    if !run.is_empty() {
        out.push(Token::Run(run));
    }
    out
}

/// Every term indexed for `text`: Latin words, and each character and pair of characters of runs (the
/// same terms as [`tokens`] gives, read without a copy of each).
pub fn index_terms(text: &str, mut f: impl FnMut(&str)) {
    normalized_terms(&normalize(text), |t| f(&t));
}

/// [`index_terms`] of text already [`normalize`]d: the characters and pairs of runs are slices of `norm`,
/// only words are made anew.
pub fn normalized_terms<'n>(norm: &'n str, mut f: impl FnMut(Cow<'n, str>)) {
    let mut word = String::new();
    // The previous character of a run: where it starts.
    let mut previous: Option<usize> = None;
    let mut chars = norm.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if is_cjk_letter(c) {
            if !word.is_empty() {
                f(Cow::Owned(stem(&word).into_owned()));
                word.clear();
            }
            let end = i + c.len_utf8();
            f(Cow::Borrowed(&norm[i..end]));
            if let Some(p) = previous {
                f(Cow::Borrowed(&norm[p..end]));
            }
            previous = Some(i);
            continue;
        }
        previous = None;
        if is_word_char(c) {
            word.push(c);
        } else if is_joiner(c)
            && !word.is_empty()
            && chars.peek().is_some_and(|&(_, n)| is_word_char(n))
        {
            // Dropped: the word goes on.
        } else if !word.is_empty() {
            f(Cow::Owned(stem(&word).into_owned()));
            word.clear();
        }
    }
    if !word.is_empty() {
        f(Cow::Owned(stem(&word).into_owned()));
    }
}

/// Text reduced to its letters and digits, normalized (for phrases: "start-up company" is found in
/// "startup company").
pub fn squash(text: &str) -> String {
    text.chars()
        .map(normalize_char)
        .filter(|&c| c.is_alphanumeric())
        .collect()
}

/// The key that chooses a term's shard: its first three characters (one character for a single
/// character of a run, two for a pair).
pub fn shard_key(term: &str) -> &str {
    match term.char_indices().nth(3) {
        Some((end, _)) => &term[..end],
        None => term,
    }
}

/// The shard (of `shards`) holding the terms whose key is `key`: FNV-1a over its UTF-16 code units, as
/// `search.js` computes it.
pub fn shard_of(key: &str, shards: u32) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for unit in key.encode_utf16() {
        h ^= u32::from(unit);
        h = h.wrapping_mul(16_777_619);
    }
    h % shards.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        index_terms(text, |t| out.push(t.to_string()));
        out
    }

    #[test]
    fn caseless_blocks_have_no_lower_case() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_caseless(c))
        {
            assert_eq!(
                c.to_lowercase().collect::<String>(),
                c.to_string(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn normalizes_full_width_case_and_kana() {
        assert_eq!(normalize("ＫＯＳＥＮ　高専 Kobe"), "kosen 高専 kobe");
        assert_eq!(normalize("すかいふろんと"), "スカイフロント");
    }

    #[test]
    fn hyphens_and_plurals_fold() {
        for w in ["startup", "start-up", "startups", "Start-ups", "START‐UPS"] {
            assert_eq!(terms(w), ["startup"], "{w}");
        }
        assert_eq!(terms("universities"), ["university"]);
        assert_eq!(terms("processes"), ["process"]);
        assert_eq!(
            terms("cases status analysis"),
            ["case", "status", "analysis"]
        );
        assert_eq!(terms("Japan's"), ["japan"]);
        assert_eq!(terms("Figure 2-4"), ["figure", "24"]);
        assert_eq!(terms("- up -"), ["up"]);
    }

    #[test]
    fn runs_give_characters_and_pairs() {
        let mut run = terms("神戸市");
        run.sort();
        let mut want = ["神", "神戸", "戸", "戸市", "市"];
        want.sort();
        assert_eq!(run, want);
        // The same terms as the query reads.
        let text = "Start-ups 図２－４ ひらがなの神戸市 Japan's";
        let mut from_tokens = Vec::new();
        for t in tokens(text) {
            match t {
                Token::Word(w) => from_tokens.push(w),
                Token::Run(r) => {
                    let cs: Vec<char> = r.chars().collect();
                    for (k, c) in cs.iter().enumerate() {
                        from_tokens.push(c.to_string());
                        if let Some(n) = cs.get(k + 1) {
                            from_tokens.push(format!("{c}{n}"));
                        }
                    }
                }
            }
        }
        let mut indexed = terms(text);
        indexed.sort();
        from_tokens.sort();
        assert_eq!(indexed, from_tokens);
        assert_eq!(terms("図2-4"), ["図", "24"]);
        assert_eq!(terms("図 2-4"), ["図", "24"]);
        assert_eq!(terms("ひらがな"), terms("ヒラガナ"));
    }

    #[test]
    fn squash_keeps_letters_and_digits() {
        assert_eq!(squash("Start-up company"), "startupcompany");
        assert_eq!(squash("再生・医療"), "再生医療");
    }

    #[test]
    fn shards_are_stable() {
        assert_eq!(shard_key("innovation"), "inn");
        assert_eq!(shard_key("神戸"), "神戸");
        assert_eq!(shard_of("inn", 1), 0);
        // FNV-1a of "a" is 0xe40c292c.
        assert_eq!(shard_of("a", 1 << 31), 0xe40c_292c % (1 << 31));
    }
}
