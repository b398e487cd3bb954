//! serde's words for what it found and what it expected, in editors' words, in English and Japanese.

/// The digits of a whole number serde could not fit: "integer `N` as u128" (or i128), or "integer `N`".
pub(super) fn whole_number(found: &str) -> Option<&str> {
    let rest = found.strip_prefix("integer `")?;
    let (number, after) = rest.split_once('`')?;
    matches!(after, "" | " as u128" | " as i128").then_some(number)
}

/// What serde expected, for the hints.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Mapping,
    Number,
    Other,
}

/// The kind of value serde's "expected …" names, and for whole numbers their range.
pub(super) fn expected_kind(expected: &str) -> (Kind, Option<&'static str>) {
    if let Some((_, range)) = WHOLE_NUMBERS.iter().find(|(name, _)| *name == expected) {
        return (Kind::Number, Some(range));
    }
    if matches!(expected, "f32" | "f64" | "a float" | "an integer") {
        return (Kind::Number, None);
    }
    let struct_like = ["struct ", "tuple struct ", "unit struct "]
        .iter()
        .any(|p| expected.starts_with(p));
    if struct_like || expected == "a map" {
        return (Kind::Mapping, None);
    }
    (Kind::Other, None)
}

/// Rust's integer types (serde names the type a number was read into), and the range each holds.
const WHOLE_NUMBERS: [(&str, &str); 10] = [
    ("i8", "-128 to 127"),
    ("i16", "-32768 to 32767"),
    ("i32", "-2147483648 to 2147483647"),
    ("i64", "-9223372036854775808 to 9223372036854775807"),
    ("i128", "-9223372036854775808 to 9223372036854775807"),
    ("u8", "0 to 255"),
    ("u16", "0 to 65535"),
    ("u32", "0 to 4294967295"),
    ("u64", "0 to 18446744073709551615"),
    ("u128", "0 to 18446744073709551615"),
];

/// serde's "expected …" (a Rust type, or a visitor's own words) in editors' words.
pub(super) fn expected_words(expected: &str) -> String {
    match expected_kind(expected) {
        (Kind::Number, Some(_)) => return "a whole number".into(),
        (Kind::Number, None) if expected == "an integer" => return "a whole number".into(),
        (Kind::Number, None) => return "a number".into(),
        (Kind::Mapping, _) => return "`key: value` entries".into(),
        (Kind::Other, _) => {}
    }
    let words = match expected {
        "a boolean" => "true or false",
        "option" | "any value" => "a value",
        "unit" | "null" => "nothing",
        "a character" | "char" => "one character",
        "field identifier" => "a key",
        "variant identifier" | "a YAML tag starting with '!'" => "a single word",
        e if e.starts_with("enum ") => "a single word",
        e if e.starts_with("a tuple of size ") => "a list",
        "a sequence" => "a list",
        e => e,
    };
    words.to_string()
}

/// serde's "expected …" in Japanese.
pub(super) fn expected_words_ja(expected: &str) -> String {
    match expected_kind(expected) {
        (Kind::Number, Some(_)) => return "整数".into(),
        (Kind::Number, None) if expected == "an integer" => return "整数".into(),
        (Kind::Number, None) => return "数".into(),
        (Kind::Mapping, _) => return "`キー: 値` の組".into(),
        (Kind::Other, _) => {}
    }
    let words = match expected {
        "a boolean" => "true か false",
        "option" | "any value" => "値",
        "unit" | "null" => "空",
        "a character" | "char" => "1文字",
        "field identifier" => "キー",
        "variant identifier" | "a YAML tag starting with '!'" => "一語",
        e if e.starts_with("enum ") => "一語",
        e if e.starts_with("a tuple of size ") || e == "a sequence" => "リスト",
        e if e.starts_with("a text in both languages") => "両方の言語の文（{ja: …, en: …}）",
        e if e.starts_with("a date") => "日付（2025、2025-03、2025-03-31、FY2024、令和6年度 など）",
        e if e.starts_with("a cell") => "セルの値（数、文、{ja: …, en: …}、空のセルには ~）",
        "a string" | "a borrowed string" | "a text" => "文",
        "a mapping of ids to entries" => "`id: 中身` の並び",
        e if e.starts_with("a number or a text") => "数か文（例：166、2-5-4）",
        "a source id, or {id: …, page: …}" => "出典の id か {id: …, page: …}",
        e if e.starts_with("a source id") => "出典の id、{id: …, page: …}、またはそのリスト",
        e => e,
    };
    words.to_string()
}

/// serde's description of what was found, in Japanese.
pub(super) fn found_words_ja(found: &str) -> String {
    let words = found_words(found);
    if let Some(n) = words.strip_prefix("the number ") {
        return format!("数 {n}");
    }
    if let Some(s) = words.strip_prefix("string ") {
        return format!("文字列 {s} ");
    }
    match words.as_str() {
        "an empty value" => "空の値".into(),
        "binary data" => "バイナリーデータ".into(),
        "a tagged value (`!name`)" => "タグ付きの値（`!name`）".into(),
        "map" => "`キー: 値` の組".into(),
        "sequence" => "リスト".into(),
        _ => words,
    }
}

/// serde's description of what was found (`Unexpected`) in editors' words.
pub(super) fn found_words(found: &str) -> String {
    let quoted = |prefix: &str| {
        found
            .strip_prefix(prefix)
            .and_then(|r| r.strip_prefix('`'))
            .and_then(|r| r.split_once('`'))
            .map(|(value, _)| value.to_string())
    };
    if let Some(n) = quoted("integer ").or_else(|| quoted("floating point ")) {
        return format!("the number {n}");
    }
    if let Some(v) = quoted("boolean ").or_else(|| quoted("character ")) {
        return format!("`{v}`");
    }
    match found {
        "unit value" | "Option value" => "an empty value".into(),
        "byte array" => "binary data".into(),
        "newtype struct" | "enum" | "unit variant" | "newtype variant" | "tuple variant"
        | "struct variant" => "a tagged value (`!name`)".into(),
        other => other.to_string(),
    }
}
