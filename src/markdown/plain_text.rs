//! The plain text of a document (for search and descriptions): running text without markup, every run of
//! whitespace written as one space. Most text is already collapsed; byte tables find that out in one pass
//! the compiler vectorises, and only text with a suspect byte is looked at closely.

use std::sync::LazyLock;

use memchr::memmem::Finder;

/// The plain text being written.
#[derive(Default)]
pub(super) struct PlainText {
    text: String,
    /// Whether a space goes before the next word.
    space: bool,
}

impl PlainText {
    /// Room made for `capacity` bytes.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        PlainText {
            text: String::with_capacity(capacity),
            space: false,
        }
    }

    /// Adds running text, whitespace runs as one space.
    pub(super) fn push(&mut self, text: &str) {
        // Text next to inline markup often starts or ends with a space (`The **bold** text`).
        let inner = text.trim_matches(' ');
        if is_collapsed(inner) {
            if text.starts_with(' ') {
                self.gap();
            }
            self.push_word(inner);
            if text.ends_with(' ') {
                self.gap();
            }
            return;
        }
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while i < bytes.len() {
            if !MAY_START_WHITESPACE[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let len = whitespace_len(&bytes[i..]);
            if len == 0 {
                i += 1;
                continue;
            }
            self.push_word(&text[start..i]);
            self.gap();
            i += len;
            start = i;
        }
        self.push_word(&text[start..]);
    }

    fn push_word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if std::mem::take(&mut self.space) && !self.text.is_empty() {
            self.text.push(' ');
        }
        self.text.push_str(word);
    }

    /// A break in the plain text (between blocks, at line breaks): one space before the next word.
    pub(super) fn gap(&mut self) {
        self.space = true;
    }

    /// The text written.
    pub(super) fn into_string(self) -> String {
        self.text
    }
}

/// Bytes that may start a whitespace character in UTF-8 (see [`whitespace_len`]).
const MAY_START_WHITESPACE: [bool; 256] = {
    let mut table = [false; 256];
    let starts: [u8; 10] = [
        b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3,
    ];
    let mut i = 0;
    while i < starts.len() {
        table[starts[i] as usize] = true;
        i += 1;
    }
    table
};

/// The length in bytes of the whitespace character at the start of `bytes` (as `char::is_whitespace`), or 0.
fn whitespace_len(bytes: &[u8]) -> usize {
    match bytes {
        [b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ', ..] => 1,
        [0xC2, 0x85 | 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] => 3,
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] => 3,
        [0xE2, 0x81, 0x9F, ..] => 3,
        [0xE3, 0x80, 0x80, ..] => 3,
        _ => 0,
    }
}

/// Bytes that may start a whitespace character other than a space, or be part of a run of them: a text
/// without them, double spaces, an ideographic space and spaces at its ends is already collapsed.
const MAY_START_OTHER_WHITESPACE: [bool; 256] = {
    let mut table = MAY_START_WHITESPACE;
    table[b' ' as usize] = false;
    table[0xE3] = false;
    table
};

/// Whether `text` is one word or words between single spaces, so that [`PlainText::push`] keeps it as it
/// is (most running text): one pass the compiler vectorises rules out everything else; only text with a
/// suspect byte is looked at closely.
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(b' '), _) | (_, Some(b' ')) => return false,
        (None, _) => return true,
        _ => {}
    }
    // Suspect: a byte that may start other whitespace, two spaces, or the start of U+3000 (E3 80 80).
    let suspect = |b: u8| (b < 0x20) | (b == 0xC2) | (b == 0xE1) | (b == 0xE2);
    let triples = bytes
        .iter()
        .zip(&bytes[1..])
        .zip(bytes.get(2..).unwrap_or_default());
    let flagged = triples.fold(false, |any, ((&b, &b1), &b2)| {
        any | suspect(b)
            | ((b == b' ') & (b1 == b' '))
            | ((b == 0xE3) & (b1 == 0x80) & (b2 == 0x80))
    });
    // The last two bytes start no triple (and end in no space, see above).
    let tail = &bytes[bytes.len().saturating_sub(2)..];
    if !flagged && !tail.iter().any(|&b| suspect(b)) {
        return true;
    }
    for (i, &b) in bytes.iter().enumerate() {
        if MAY_START_OTHER_WHITESPACE[b as usize] && whitespace_len(&bytes[i..]) > 0 {
            return false;
        }
    }
    static DOUBLE_SPACE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"  "));
    static IDEOGRAPHIC_SPACE: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new("\u{3000}".as_bytes()));
    DOUBLE_SPACE.find(bytes).is_none() && IDEOGRAPHIC_SPACE.find(bytes).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_found_byte_by_byte_as_char_is_whitespace_finds_it() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let encoded = c.encode_utf8(&mut buf).as_bytes();
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            assert_eq!(whitespace_len(encoded), want, "{c:?}");
        }
    }

    #[test]
    fn only_the_listed_bytes_start_whitespace() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            if c.is_whitespace() {
                let mut buf = [0u8; 4];
                let first = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(MAY_START_WHITESPACE[first as usize], "{c:?}");
            }
        }
    }

    #[test]
    fn collapsed_text_is_recognised_as_char_is_whitespace_would() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let single = !c.is_whitespace() || c == ' ';
            assert_eq!(is_collapsed(&format!("a{c}b")), single, "{c:?}");
            if c.is_whitespace() {
                assert!(!is_collapsed(&format!("a {c}b")), "{c:?}");
                assert!(!is_collapsed(&format!("{c}a")), "{c:?}");
                assert!(!is_collapsed(&format!("a{c}")), "{c:?}");
            }
        }
        for text in [
            "",
            "a",
            "日本語、です。",
            "“good” — x",
            "one two three",
            "退職 a b",
        ] {
            assert!(is_collapsed(text), "{text}");
        }
        // Two spaces or U+3000 anywhere, in texts short and long.
        for n in 0..70 {
            let run = "語".repeat(n / 3) + &"a".repeat(n % 3);
            for gap in ["  ", "\u{3000}", "\n", "\u{a0}"] {
                for text in [
                    format!("{run}{gap}b"),
                    format!("b{gap}{run}"),
                    format!("{run}x{gap}y"),
                ] {
                    assert!(!is_collapsed(&text), "{text:?}");
                }
            }
        }
    }
}
