//! Every shape of yaml_serde message the table reads, and what it makes of it.

use super::*;

/// Every shape of message read: (message, code, words, hint).
const SHAPES: &[(&str, Code, &str, Option<&str>)] = &[
    (
        "invalid type: string \"title:Kobe\", expected struct RawFrontMatter",
        Code::WrongType,
        "wrong type: found string \"title:Kobe\", expected `key: value` entries",
        None,
    ),
    (
        "invalid type: sequence, expected a string",
        Code::WrongType,
        "wrong type: found sequence, expected a string",
        None,
    ),
    (
        "invalid type: integer `99999999999999999999` as u128, expected i64",
        Code::InvalidValue,
        "the number 99999999999999999999 is too large",
        Some("write a whole number from -9223372036854775808 to 9223372036854775807"),
    ),
    (
        "invalid type: integer `-99999999999999999999` as i128, expected i64",
        Code::InvalidValue,
        "the number -99999999999999999999 is too small",
        Some("write a whole number from -9223372036854775808 to 9223372036854775807"),
    ),
    (
        "invalid value: integer `99999999999`, expected i32",
        Code::InvalidValue,
        "the number 99999999999 is too large",
        Some("write a whole number from -2147483648 to 2147483647"),
    ),
    (
        "invalid type: floating point `1.5`, expected i64",
        Code::WrongType,
        "wrong type: found the number 1.5, expected a whole number",
        Some(
            "write numbers plainly, without thousands separators, units or full-width digits: 12400",
        ),
    ),
    (
        "invalid type: string \"1,200\", expected f64",
        Code::WrongType,
        "wrong type: found string \"1,200\", expected a number",
        Some(
            "write numbers plainly, without thousands separators, units or full-width digits: 12400",
        ),
    ),
    (
        "invalid type: boolean `true`, expected f64",
        Code::WrongType,
        "wrong type: found `true`, expected a number",
        Some(
            "write numbers plainly, without thousands separators, units or full-width digits: 12400",
        ),
    ),
    (
        "invalid type: unit value, expected f64",
        Code::WrongType,
        "wrong type: found an empty value, expected a number",
        Some(
            "write numbers plainly, without thousands separators, units or full-width digits: 12400",
        ),
    ),
    (
        "invalid type: integer `1`, expected a sequence",
        Code::WrongType,
        "wrong type: found the number 1, expected a list",
        Some(
            "write a list in brackets, [hyogo] or [hyogo, osaka], or one entry per line starting with `- `",
        ),
    ),
    (
        "invalid type: map, expected a YAML tag starting with '!'",
        Code::WrongType,
        "wrong type: found map, expected a single word",
        None,
    ),
    (
        "invalid type: sequence, expected enum RawKind",
        Code::WrongType,
        "wrong type: found sequence, expected a single word",
        None,
    ),
    (
        "invalid value: string \"x\", expected null",
        Code::InvalidValue,
        "wrong value: found string \"x\", expected nothing",
        None,
    ),
    (
        "invalid type: newtype variant, expected a string",
        Code::WrongType,
        "wrong type: found a tagged value (`!name`), expected a string",
        None,
    ),
    (
        "invalid type: sequence, expected field identifier",
        Code::WrongType,
        "wrong type: found sequence, expected a key",
        None,
    ),
    (
        "invalid type: string \"x\", expected a boolean",
        Code::WrongType,
        "wrong type: found string \"x\", expected true or false",
        None,
    ),
    (
        "invalid length 3, expected a tuple of size 2",
        Code::WrongType,
        "wrong number of entries: found 3, expected a list",
        None,
    ),
    (
        "unknown field `titel`, expected one of `title`, `summary`",
        Code::UnknownKey,
        "unknown field `titel`, expected one of `title`, `summary`",
        None,
    ),
    (
        "unknown variant `pie`, expected one of `bar`, `line`",
        Code::InvalidValue,
        "unknown value `pie`, expected one of `bar`, `line`",
        None,
    ),
    (
        "missing field `title`",
        Code::MissingKey,
        "missing field `title`",
        None,
    ),
    (
        "duplicate field `title`",
        Code::DuplicateKey,
        "the key `title` is given twice",
        None,
    ),
    (
        "data did not match any variant of untagged enum DateText",
        Code::WrongType,
        "the value has the wrong form",
        None,
    ),
    (
        "unknown anchor",
        Code::YamlSyntax,
        "an alias names no anchor",
        Some("an alias `*name` must name an anchor `&name` given before it in the file"),
    ),
    (
        "deserializing from YAML containing more than one document is not supported",
        Code::YamlSyntax,
        "the file holds more than one YAML document",
        Some("a line `---` starts a second document: remove it"),
    ),
    (
        "recursion limit exceeded",
        Code::YamlSyntax,
        "the YAML nests too deeply",
        Some("the YAML nests too deeply or repeats aliases too often; write the data out plainly"),
    ),
    (
        "EOF while parsing a value",
        Code::YamlSyntax,
        "the file ends where a value should be",
        None,
    ),
    (
        "mapping values are not allowed in this context",
        Code::YamlSyntax,
        "mapping values are not allowed in this context",
        Some(
            "put a text that contains \": \" in quotes, and start the keys of one mapping in the same column",
        ),
    ),
    (
        "did not find expected ',' or ']'",
        Code::YamlSyntax,
        "did not find expected ',' or ']'",
        Some("close the list with ] and separate its items with commas"),
    ),
    (
        "found unexpected end of stream",
        Code::YamlSyntax,
        "found unexpected end of stream",
        Some("a quote or bracket is not closed"),
    ),
    (
        "found a tab character that violates indentation",
        Code::YamlSyntax,
        "found a tab character that violates indentation",
        None,
    ),
];

#[test]
fn every_shape_of_message() {
    for (message, code, words, help) in SHAPES {
        let reading = read(message);
        assert_eq!(
            (
                reading.code,
                reading.message.as_str(),
                reading.help.as_deref()
            ),
            (*code, *words, *help),
            "{message}"
        );
    }
}

#[test]
fn unknown_words_and_their_choices() {
    let reading = read("unknown variant `pie`, expected `bar` or `line`");
    assert_eq!(
        reading.unknown,
        Some(Unknown {
            word: "pie".into(),
            allowed: vec!["bar".into(), "line".into()],
            what: "values",
        })
    );
    let reading = read("unknown field `x`, there are no fields");
    assert_eq!(reading.unknown.map(|u| u.allowed), Some(Vec::new()));
}

#[test]
fn a_line_that_may_lack_the_space_after_its_colon() {
    assert!(
        read("invalid type: string \"chapter:one\", expected struct RawPageData")
            .maybe_missing_space
    );
    assert!(read("could not find expected ':'").maybe_missing_space);
    assert!(!read("invalid type: string \"x\", expected a sequence").maybe_missing_space);
}

#[test]
fn messages_taken_apart() {
    let m = Message::split(
        "charts[0].kind: unknown variant `pie`, expected `bar` at line 19 column 11",
    );
    assert_eq!(
        (m.path, m.main, m.context, m.context_line),
        (
            Some("charts[0].kind"),
            "unknown variant `pie`, expected `bar`",
            None,
            None
        )
    );
    let m = Message::split(
        "did not find expected ',' or ']' at line 3 column 1, while parsing a flow sequence at line 2 column 8",
    );
    assert_eq!(
        (m.path, m.main, m.context, m.context_line),
        (
            None,
            "did not find expected ',' or ']'",
            Some(Context::FlowList),
            Some(2)
        )
    );
    let m =
        Message::split(".[0].term: invalid type: sequence, expected a string at line 2 column 9");
    assert_eq!(
        (m.path, m.main),
        (
            Some("[0].term"),
            "invalid type: sequence, expected a string"
        )
    );
}

#[test]
fn every_shape_in_japanese_keeps_libyaml_words_aside() {
    let reading = read("mapping values are not allowed in this context");
    assert_eq!(
        reading.message_ja.as_deref(),
        Some("ここに `キー: 値` は書けません")
    );
    assert_eq!(
        reading.original.as_deref(),
        Some("mapping values are not allowed in this context")
    );
    // A libyaml message the table does not know is still told in Japanese, with libyaml's words kept.
    let reading = read("found incompatible YAML document");
    assert_eq!(reading.message_ja.as_deref(), Some("YAML として読めません"));
    assert_eq!(
        reading.original.as_deref(),
        Some("found incompatible YAML document")
    );
    // yaml_serde's own messages are told in Japanese whole: nothing of theirs is kept.
    let reading = read("unknown anchor");
    assert_eq!(
        (reading.message_ja.as_deref(), reading.original),
        (Some("別名（`*名前`）が指す `&名前` がありません"), None)
    );
    // Half-width words are set apart from the Japanese that follows them.
    let reading = read("invalid type: string \"x\", expected a boolean");
    assert_eq!(
        reading.message_ja.as_deref(),
        Some("型が違います：文字列 \"x\" が書かれていますが、true か false が必要です")
    );
}
