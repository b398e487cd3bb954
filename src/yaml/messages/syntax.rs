//! yaml_serde's own messages and libyaml's syntax errors, each shape with its words and hint in English and
//! Japanese. libyaml's message is kept as it is in English (editors search for it); the Japanese says what
//! happened in plain words and keeps libyaml's words at the end.

use crate::diag::Code;

/// One of yaml_serde's own messages: its shape, and what it means.
pub(super) struct Own {
    pub shape: &'static str,
    pub code: Code,
    pub words: &'static str,
    pub help: Option<&'static str>,
    pub words_ja: &'static str,
    pub help_ja: Option<&'static str>,
}

const NESTS: &str =
    "the YAML nests too deeply or repeats aliases too often; write the data out plainly";
const NESTS_JA: &str = "入れ子が深すぎるか、別名（`*名前`）の繰り返しが多すぎます。データを省略せずにそのまま書いてください";
const MERGE_JA: &str = "`<<` の後には `キー: 値` の並びか、その並びのリストが必要です";

/// yaml_serde's own messages.
pub(super) const YAML_SERDE: &[Own] = &[
    Own {
        shape: "EOF while parsing a value",
        code: Code::YamlSyntax,
        words: "the file ends where a value should be",
        help: None,
        words_ja: "値があるはずの所でファイルが終わっています",
        help_ja: None,
    },
    Own {
        shape: "deserializing from YAML containing more than one document",
        code: Code::YamlSyntax,
        words: "the file holds more than one YAML document",
        help: Some("a line `---` starts a second document: remove it"),
        words_ja: "このファイルには YAML の文書が二つ以上あります",
        help_ja: Some("`---` の行から二つ目の文書が始まります。その行を消してください"),
    },
    Own {
        shape: "recursion limit exceeded",
        code: Code::YamlSyntax,
        words: "the YAML nests too deeply",
        help: Some(NESTS),
        words_ja: "YAML の入れ子が深すぎます",
        help_ja: Some(NESTS_JA),
    },
    Own {
        shape: "repetition limit exceeded",
        code: Code::YamlSyntax,
        words: "the YAML repeats aliases too often",
        help: Some(NESTS),
        words_ja: "YAML で別名（`*名前`）が繰り返し使われすぎています",
        help_ja: Some(NESTS_JA),
    },
    Own {
        shape: "unknown anchor",
        code: Code::YamlSyntax,
        words: "an alias names no anchor",
        help: Some("an alias `*name` must name an anchor `&name` given before it in the file"),
        words_ja: "別名（`*名前`）が指す `&名前` がありません",
        help_ja: Some(
            "別名 `*name` は、ファイルの中でそれより前に書いた `&name` を指すようにしてください",
        ),
    },
    Own {
        shape: "serialization and deserialization of bytes",
        code: Code::WrongType,
        words: "binary data (`!!binary`) cannot be used here",
        help: None,
        words_ja: "バイナリーデータ（`!!binary`）はここでは使えません",
        help_ja: None,
    },
    Own {
        shape: "expected a mapping or list of mappings for merging",
        code: Code::YamlSyntax,
        words: "a merge key (`<<`) needs a mapping or a list of mappings",
        help: None,
        words_ja: MERGE_JA,
        help_ja: None,
    },
    Own {
        shape: "expected a mapping for merging",
        code: Code::YamlSyntax,
        words: "a merge key (`<<`) needs a mapping or a list of mappings",
        help: None,
        words_ja: MERGE_JA,
        help_ja: None,
    },
    Own {
        shape: "unexpected tagged value in merge",
        code: Code::YamlSyntax,
        words: "a merge key (`<<`) cannot take a tagged value",
        help: None,
        words_ja: "`<<` の後にタグ（`!`）の付いた値は書けません",
        help_ja: None,
    },
    Own {
        shape: "empty YAML tag is not allowed",
        code: Code::YamlSyntax,
        words: "a tag (`!`) without a name is not allowed",
        help: None,
        words_ja: "名前のないタグ（`!`）は使えません",
        help_ja: None,
    },
    Own {
        shape: "failed to parse YAML number",
        code: Code::WrongType,
        words: "the number cannot be read",
        help: None,
        words_ja: "数として読めません",
        help_ja: None,
    },
];

/// One of libyaml's syntax errors: a part of its message, the hint, and both in Japanese.
pub(super) struct Libyaml {
    pub shape: &'static str,
    pub help: Option<&'static str>,
    pub words_ja: &'static str,
    pub help_ja: Option<&'static str>,
}

const INDENT: &str = "check the indentation: entries of one mapping must start in the same column, and each needs `key: value`";
const INDENT_JA: &str = "インデントを確かめてください。同じ並びの項目は同じ列から書き始め、どれも `キー: 値` の形にします";

/// libyaml's syntax errors, by a part of the message (the first that matches counts).
pub(super) const LIBYAML: &[Libyaml] = &[
    Libyaml {
        shape: "expected ',' or ']'",
        help: Some("close the list with ] and separate its items with commas"),
        words_ja: "[ … ] のリストが閉じていないか、項目の間のコンマが抜けています",
        help_ja: Some("リストは ] で閉じ、項目の間はコンマで区切ってください"),
    },
    Libyaml {
        shape: "expected ',' or '}'",
        help: Some("close the mapping with } and separate its entries with commas"),
        words_ja: "{ … } が閉じていないか、項目の間のコンマが抜けています",
        help_ja: Some("{ … } は } で閉じ、項目の間はコンマで区切ってください"),
    },
    Libyaml {
        shape: "mapping values are not allowed",
        help: Some(
            "put a text that contains \": \" in quotes, and start the keys of one mapping in the same column",
        ),
        words_ja: "ここに `キー: 値` は書けません",
        help_ja: Some(
            "「: 」（コロンと半角スペース）を含む文は引用符で囲んでください。また、同じ並びのキーは同じ列から書き始めてください",
        ),
    },
    Libyaml {
        shape: "cannot start any token",
        help: Some(
            "YAML does not allow tabs for indentation, and some characters (@, `) cannot start a text: indent with spaces and quote such texts",
        ),
        words_ja: "値の始めに使えない文字があります",
        help_ja: Some(
            "YAML ではタブでインデントできません。また @ や ` で始まる文は書けません。インデントには半角スペースを使い、そのような文は引用符で囲んでください",
        ),
    },
    Libyaml {
        shape: "did not find expected key",
        help: Some(INDENT),
        words_ja: "キーがあるはずの所にありません",
        help_ja: Some(INDENT_JA),
    },
    Libyaml {
        shape: "could not find expected ':'",
        help: Some(INDENT),
        words_ja: "`キー: 値` の `:` が見つかりません",
        help_ja: Some(INDENT_JA),
    },
    Libyaml {
        shape: "found unexpected end of stream",
        help: Some("a quote or bracket is not closed"),
        words_ja: "ファイルが途中で終わっています",
        help_ja: Some("閉じていない引用符かかっこがあります"),
    },
    Libyaml {
        shape: "found a tab character",
        help: None,
        words_ja: "インデントにタブが使われています",
        help_ja: None,
    },
    Libyaml {
        shape: "did not find expected node content",
        help: None,
        words_ja: "値があるはずの所に値がありません",
        help_ja: None,
    },
    Libyaml {
        shape: "block sequence entries are not allowed",
        help: None,
        words_ja: "ここに `- ` で始まるリストの項目は書けません",
        help_ja: None,
    },
    Libyaml {
        shape: "did not find expected '-' indicator",
        help: None,
        words_ja: "`- ` で始まるリストの項目があるはずの所にありません",
        help_ja: None,
    },
    Libyaml {
        shape: "found unknown escape character",
        help: None,
        words_ja: "引用符の中に、使えない `\\` の組み合わせがあります",
        help_ja: None,
    },
    Libyaml {
        shape: "did not find expected comment or line break",
        help: None,
        words_ja: "値の後に余分な文字があります",
        help_ja: None,
    },
    Libyaml {
        shape: "found unexpected ':'",
        help: None,
        words_ja: "思いがけない所に `:` があります",
        help_ja: None,
    },
    Libyaml {
        shape: "found unexpected document indicator",
        help: None,
        words_ja: "文書の区切り（`---` や `...`）が思いがけない所にあります",
        help_ja: None,
    },
    Libyaml {
        shape: "did not find expected alphabetic or numeric character",
        help: None,
        words_ja: "`&` や `*` の後に、半角英数字の名前がありません",
        help_ja: None,
    },
    Libyaml {
        shape: "found undefined tag handle",
        help: None,
        words_ja: "定義されていないタグ（`!`）があります",
        help_ja: None,
    },
    Libyaml {
        shape: "control characters are not allowed",
        help: None,
        words_ja: "制御文字は使えません",
        help_ja: None,
    },
];

/// What a libyaml message not in the table says, in Japanese.
pub(super) const UNREADABLE_JA: &str = "YAML として読めません";

/// libyaml's errors for a line that should be `key: value` and is not: the line may lack the space after its
/// colon.
pub(super) const MISSING_COLON: [&str; 2] =
    ["could not find expected ':'", "did not find expected key"];
