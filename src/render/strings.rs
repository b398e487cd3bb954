//! The theme's UI strings: looking one up, and filling its `{name}` placeholders.

use crate::model::lang::Lang;
use crate::theme::Theme;

/// A UI string, or the key itself if the theme lacks it (the theme loader fills gaps from the other
/// language).
pub(crate) fn t(theme: &Theme, lang: Lang, key: &str) -> String {
    theme
        .strings
        .get(lang)
        .get(key)
        .cloned()
        .unwrap_or_else(|| key.to_string())
}

/// 第2章 / Chapter 2.
pub(crate) fn chapter_label(theme: &Theme, lang: Lang, number: usize) -> String {
    fill(
        &t(theme, lang, "chapter_label"),
        &[("n", &number.to_string())],
    )
}

/// Replaces each `{key}` in `template` with its value.
pub(crate) fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders() {
        assert_eq!(fill("第{n}章", &[("n", "2")]), "第2章");
        assert_eq!(fill("Chapter {n}", &[("n", "2")]), "Chapter 2");
        assert_eq!(fill("{a}{a}", &[("a", "x")]), "xx");
    }
}
