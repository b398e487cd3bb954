//! Filling `{name}` placeholders in UI strings.

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
