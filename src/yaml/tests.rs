//! Tests of `crate::yaml`.

use super::*;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Front {
    title: String,
    summary: Option<String>,
}

fn err(text: &str) -> String {
    parse::<Front>(&Source::new(Path::new("a.md"), text, 1))
        .unwrap_err()
        .to_string()
}

#[test]
fn unknown_key_gets_suggestion_and_position() {
    assert_eq!(
        err("title: x\ntitel: y\n"),
        "a.md:3:1: error: unknown field `titel`, expected `title` or `summary`\n  help: did you mean `title`?"
    );
}

#[test]
fn duplicate_key_points_at_second() {
    assert_eq!(
        err("title: x\nsummary: y\ntitle: z\n"),
        "a.md:4:1: error: the key `title` is given twice (first at line 2)\n  help: remove one of them; YAML keys must be unique within a mapping"
    );
}

#[test]
fn missing_field_and_wrong_type() {
    assert_eq!(
        err("summary: y\n"),
        "a.md:2:1: error: missing field `title`"
    );
    assert_eq!(
        err("title: [1, 2]\n"),
        "a.md:2:8: error: `title`: wrong type: found sequence, expected a string"
    );
}

#[test]
fn empty_file() {
    assert_eq!(err("  \n"), "a.md:2:1: error: the file is empty");
}

#[test]
fn byte_offsets_give_libyaml_positions_where_no_hidden_break_is() {
    for text in [
        "title: [1, 2]\n",
        "title: x\ntitel: y\n",
        "title: a: b",
        "title: \"x\n",
        "- a",
        "title: x\n  summary: y: z",
        "title: 神戸\nsummary: [1\n",
        "title: 神戸市の「夢」\nsummary: {a: b}\n",
    ] {
        let err = serde_yaml::from_str::<Front>(text).unwrap_err();
        let l = err.location().unwrap();
        assert_eq!(
            position_of(text, l.index()),
            Position {
                line: l.line(),
                column: l.column()
            },
            "{text:?}"
        );
    }
}
