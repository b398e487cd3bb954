//! A random differential test of the quick readers (`front_matter/quick.rs`, `page_data/quick.rs`): documents
//! built from pieces that are risky for a reader working line by line (keys, separators, quotes, YAML
//! indicators, words YAML reads as null or true, tabs, NEL/LS/PS/BOM/DEL and other invisible characters,
//! characters outside the BMP, numbers in every base, dates). Whenever a quick reader accepts a document, serde
//! must read the same value from it. Only std: a xorshift generator with a fixed seed, so a failure can be
//! reproduced; the failing document is printed.

use super::front_matter::RawFrontMatter;
use super::page_data::RawPageData;

/// Documents of each kind per run: about a second each in a debug build. About 17% of the front matter and
/// 7% of the data take the quick way (the rest are rejected, as they should be).
const RUNS: usize = 200_000;

/// xorshift64*: small, fast and good enough to choose pieces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const WORDS: &[&str] = &[
    "Kobe",
    "神戸",
    "医療産業都市",
    "𠮷野家",
    "🍜",
    "a",
    "x1",
    "kanagawa",
    "kobe-city",
    "a_b",
    "COI-NEXT",
    "hyogo",
    "doc1",
];
/// Names the quick `data.yaml` reader takes, and a few it must leave to serde.
const SLUGS: &[&str] = &[
    "kanagawa",
    "kobe-city",
    "a_b",
    "x1",
    "hyogo",
    "doc1",
    "no",
    "y",
    "null",
    "true",
    "Kobe",
    "1kobe",
    "神戸",
];
const INDICATORS: &[&str] = &[
    "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    "\\", "<<", "=", "~", "!!str", "&a", "*a",
];
const YAML_WORDS: &[&str] = &[
    "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "yes", "no", "on", "Off", "y",
    "n", ".inf", "-.Inf", ".NaN", ".nan",
];
const NUMBERS: &[&str] = &[
    "0",
    "7",
    "12",
    "007",
    "012",
    "0x1F",
    "0X1f",
    "0o17",
    "0b101",
    "1_000",
    "1e3",
    "1E+3",
    ".5",
    "1.0",
    "-1",
    "+1",
    "12:30",
    "99999999999999999999",
    "9223372036854775807",
    "9223372036854775808",
    "2025",
    "02025",
    "2025.0",
    "20250",
];
const DATES: &[&str] = &[
    "2025",
    "2025-03",
    "2025-03-31",
    "FY2024",
    "令和5年度",
    "R5",
    "平成31年4月30日",
    "2025-3-1",
    "2025-13-01",
    "2024-02-29",
    "2025-02-29",
    "2025-03-31T10:00:00Z",
    "0123",
    "1998",
    "9999-12-31",
];
const ODD: &[&str] = &[
    "\t",
    " ",
    "  ",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{FEFF}",
    "\u{7F}",
    "\u{1}",
    "\u{9F}",
    "\u{A0}",
    "\u{3000}",
    "\u{FDD0}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\r",
    ": ",
    " #",
    "#",
    "ja@1a2b3c4d",
    "ja@XYZ",
    "en@",
    "@",
];
const SEPARATORS: &[&str] = &[":", ":  ", ": \t", " : ", ":\t", "\t: ", ": \u{A0}", "::"];
const ODD_LINES: &[&str] = &[
    "",
    "   ",
    "\t",
    "# comment",
    "  continued",
    "---",
    "...",
    "- item",
    "? x",
    " ",
];

/// A scalar made of one to four pieces, sometimes quoted.
fn value(rng: &mut Rng) -> String {
    if rng.chance(5) {
        return String::new();
    }
    let mut out = String::new();
    for i in 0..1 + rng.below(4) {
        if i > 0 && rng.chance(50) {
            out.push(' ');
        }
        let piece = match rng.below(100) {
            0..40 => rng.pick(WORDS),
            40..55 => rng.pick(INDICATORS),
            55..65 => rng.pick(YAML_WORDS),
            65..75 => rng.pick(NUMBERS),
            75..85 => rng.pick(DATES),
            _ => rng.pick(ODD),
        };
        out.push_str(piece);
    }
    match rng.below(100) {
        0..15 => format!("\"{out}\""),
        15..20 => format!("'{out}'"),
        _ => out,
    }
}

/// A one-line list of one to three values.
fn list(rng: &mut Rng) -> String {
    let mut out = String::from(if rng.chance(90) { "[" } else { "[ " });
    for i in 0..rng.below(4) {
        if i > 0 {
            out.push_str(rng.pick(&[", ", ",", " , ", ",,", ",  "]));
        }
        out.push_str(&if rng.chance(80) {
            rng.pick(SLUGS).to_string()
        } else {
            value(rng)
        });
    }
    if rng.chance(95) {
        out.push(']');
    }
    out
}

/// Lines of `key: value`, with a few odd lines and odd keys or separators among them.
fn document(
    rng: &mut Rng,
    keys: &[&str],
    odd_keys: &[&str],
    typed: fn(&mut Rng, &str) -> String,
) -> String {
    let mut lines = Vec::new();
    for _ in 0..1 + rng.below(5) {
        if rng.chance(8) {
            lines.push(rng.pick(ODD_LINES).to_string());
            continue;
        }
        let key = if rng.chance(95) {
            rng.pick(keys)
        } else {
            rng.pick(odd_keys)
        };
        let separator = if rng.chance(92) {
            ": "
        } else {
            rng.pick(SEPARATORS)
        };
        let value = if rng.chance(85) {
            typed(rng, key)
        } else {
            value(rng)
        };
        let trailing = if rng.chance(10) {
            rng.pick(&[" ", "  ", "\t", " # c"])
        } else {
            ""
        };
        lines.push(format!("{key}{separator}{value}{trailing}"));
    }
    let mut text = lines.join("\n");
    if rng.chance(60) {
        text.push('\n');
    }
    text
}

fn front_matter_value(rng: &mut Rng, key: &str) -> String {
    match key {
        "date" | "updated" => rng.pick(DATES).to_string(),
        "translated_from" => rng
            .pick(&["ja@1a2b3c4d", "en@00000000", "ja@XYZ", "fr@1a2b3c4d"])
            .to_string(),
        _ => value(rng),
    }
}

fn page_data_value(rng: &mut Rng, key: &str) -> String {
    match key {
        "chapter" => rng.pick(SLUGS).to_string(),
        "order" if rng.chance(50) => rng.below(1000).to_string(),
        "order" => rng.pick(NUMBERS).to_string(),
        "regions" | "fields" | "programmes" | "sources" => list(rng),
        _ => value(rng),
    }
}

#[test]
fn quick_front_matter_reads_what_serde_reads() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut accepted = 0;
    for _ in 0..RUNS {
        let yaml = document(
            &mut rng,
            &["title", "summary", "date", "updated", "translated_from"],
            &[
                "titel",
                "Title",
                " title",
                "title ",
                "\"title\"",
                "? title",
                "- title",
                "#title",
                "sources",
            ],
            front_matter_value,
        );
        if let Some(quick) = super::front_matter::quick::parse(&yaml) {
            let by_serde = serde_yaml::from_str::<RawFrontMatter>(&yaml);
            assert!(
                by_serde.as_ref().is_ok_and(|s| *s == quick),
                "{yaml:?}:\n  quick: {quick:?}\n  serde: {by_serde:?}"
            );
            accepted += 1;
        }
    }
    assert!(
        accepted > RUNS / 10,
        "only {accepted} of {RUNS} documents took the quick way"
    );
}

#[test]
fn quick_page_data_reads_what_serde_reads() {
    let mut rng = Rng(0xD1B5_4A32_D192_ED03);
    let mut accepted = 0;
    for _ in 0..RUNS {
        let yaml = document(
            &mut rng,
            &[
                "chapter",
                "order",
                "regions",
                "fields",
                "programmes",
                "sources",
            ],
            &[
                "location",
                "key_figures",
                "Chapter",
                "chapter ",
                "charts",
                "timeline",
                "title",
            ],
            page_data_value,
        );
        if let Some(quick) = super::page_data::quick::parse(&yaml) {
            let by_serde = serde_yaml::from_str::<RawPageData>(&yaml);
            assert!(
                by_serde.as_ref().is_ok_and(|s| *s == quick),
                "{yaml:?}:\n  quick: {quick:?}\n  serde: {by_serde:?}"
            );
            accepted += 1;
        }
    }
    assert!(
        accepted > RUNS / 20,
        "only {accepted} of {RUNS} documents took the quick way"
    );
}
