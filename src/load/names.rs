//! Whether a name can be part of an address (folders, and files published next to a page), and why not, in
//! English and Japanese.

/// Why a name cannot be part of an address, in English and in Japanese.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameProblem {
    /// The reason, in English.
    pub en: String,
    /// The reason, in Japanese.
    pub ja: String,
}

impl NameProblem {
    fn new(en: impl Into<String>, ja: impl Into<String>) -> NameProblem {
        NameProblem {
            en: en.into(),
            ja: ja.into(),
        }
    }
}

impl std::fmt::Display for NameProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// Whether a folder name can be part of an address. Returns the reason if not.
pub(crate) fn slug_problem(name: &str) -> Option<NameProblem> {
    name_problem(
        name,
        (
            "use letters, digits, `-` and `_`",
            "文字、数字、`-`、`_` を使ってください",
        ),
    )
}

/// Whether `name` can be part of an address; `allowed` says which characters are (for the reason).
fn name_problem(name: &str, allowed: (&str, &str)) -> Option<NameProblem> {
    if name.is_empty() {
        return Some(NameProblem::new("the name is empty", "名前が空です"));
    }
    if name == "." || name == ".." || name.contains("..") {
        return Some(NameProblem::new(
            "`..` is not allowed in a name",
            "名前に `..` は使えません",
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
    {
        let shown = if c.is_control() || c == '\0' {
            format!("U+{:04X}", c as u32)
        } else {
            c.to_string()
        };
        return Some(NameProblem::new(
            format!("`{shown}` is not allowed; {}", allowed.0),
            format!("`{shown}` は使えません。{}", allowed.1),
        ));
    }
    if !unicode_normalization::is_nfc(name) {
        let nfc = unicode_normalization::UnicodeNormalization::nfc(name).collect::<String>();
        return Some(NameProblem::new(
            format!("the name is not in composed Unicode form (NFC); retype it as `{nfc}`"),
            format!("名前が合成済みの Unicode（NFC）ではありません。`{nfc}` と打ち直してください"),
        ));
    }
    if name.chars().any(char::is_uppercase) {
        return Some(upper_case(name));
    }
    if name.chars().count() > 80 || name.len() > 200 {
        return Some(NameProblem::new(
            "the name is too long (at most 80 characters)",
            "名前が長すぎます（80文字まで）",
        ));
    }
    None
}

fn upper_case(name: &str) -> NameProblem {
    let lower = name.to_lowercase();
    NameProblem::new(
        format!(
            "upper-case letters are not allowed, so that addresses do not depend on case; use `{lower}`"
        ),
        format!(
            "アドレスが大文字・小文字で変わらないよう、大文字は使えません。`{lower}` としてください"
        ),
    )
}

/// Whether a file in a page folder can be published next to the page. Returns the reason if not.
pub(crate) fn asset_problem(name: &str) -> Option<NameProblem> {
    let stem = name.replace('.', "");
    if name.starts_with('.') || name.ends_with('.') {
        return Some(NameProblem::new(
            "a name may not start or end with `.`",
            "名前の最初と最後に `.` は使えません",
        ));
    }
    if name.eq_ignore_ascii_case("index.html") {
        return Some(NameProblem::new(
            "`index.html` is the page itself",
            "`index.html` はページそのものの名前です",
        ));
    }
    if name.chars().any(char::is_uppercase) {
        return Some(upper_case(name));
    }
    name_problem(
        &stem,
        (
            "use letters, digits, `-`, `_` and `.`",
            "文字、数字、`-`、`_`、`.` を使ってください",
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_names() {
        assert_eq!(asset_problem("photo.jpg"), None);
        assert_eq!(asset_problem("神戸-1.png"), None);
        assert!(asset_problem("index.html").is_some());
        assert!(asset_problem("a b.png").is_some());
        assert!(asset_problem(".htaccess").is_some());
        assert!(asset_problem("x\"onload.png").is_some());
    }

    #[test]
    fn decomposed_unicode_is_refused() {
        assert_eq!(slug_problem("が"), None);
        assert!(slug_problem("か\u{3099}").is_some());
        assert!(
            slug_problem("\u{1112}\u{1161}\u{11AB}")
                .unwrap()
                .en
                .contains("NFC")
        );
    }

    #[test]
    fn slugs_keep_japanese_and_refuse_paths() {
        assert_eq!(slug_problem("kobe"), None);
        assert_eq!(slug_problem("神戸"), None);
        assert_eq!(slug_problem("case_2-b"), None);
        assert!(slug_problem("..").is_some());
        assert!(slug_problem("a b").is_some());
        assert!(slug_problem("a\\b").is_some());
        assert!(slug_problem("a\0b").unwrap().en.contains("U+0000"));
        assert!(slug_problem("Kobe").unwrap().en.contains("`kobe`"));
        assert!(slug_problem(&"神".repeat(81)).is_some());
    }
}
