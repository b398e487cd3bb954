//! The common shape of a case's `data.yaml` read without the YAML parser: `chapter`, `order` and the term
//! and source lists, one line each (`regions: [kanagawa, tokyo]`), names written as plain slugs. Anything
//! else (facts, charts, a location, block lists, comments, quotes) is left to the YAML parser, whose answer
//! this must always equal.

use super::RawPageData;

/// The data, if every line has the common shape; `None` sends it to the YAML parser. Debug builds parse
/// what this accepts with serde as well, and stop if the two differ.
pub(in crate::load) fn parse(yaml: &str) -> Option<RawPageData> {
    let raw = read(yaml)?;
    #[cfg(debug_assertions)]
    same_as_serde(yaml, &raw);
    Some(raw)
}

/// Stops (in debug builds) when serde reads `yaml` otherwise than the quick way did.
#[cfg(debug_assertions)]
fn same_as_serde(yaml: &str, quick: &RawPageData) {
    let by_serde = serde_yaml::from_str::<RawPageData>(yaml);
    assert!(
        by_serde.as_ref().is_ok_and(|s| s == quick),
        "the quick data.yaml reader and serde differ on {yaml:?}:\n  quick: {quick:?}\n  serde: {by_serde:?}"
    );
}

fn read(yaml: &str) -> Option<RawPageData> {
    if yaml.trim().is_empty() {
        return None;
    }
    let mut raw = RawPageData::default();
    let mut seen = Vec::new();
    for line in yaml.split('\n') {
        if line.bytes().all(|b| b == b' ') {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        let value = value.trim_matches(' ');
        match key {
            "chapter" => raw.chapter = Some(slug(value)?.to_string()),
            "order" => raw.order = Some(integer(value)?),
            "regions" => raw.regions = Some(list(value)?),
            "fields" => raw.fields = Some(list(value)?),
            "programmes" => raw.programmes = Some(list(value)?),
            "related" => raw.related = Some(list(value)?),
            "sources" => raw.sources = list(value)?,
            _ => return None,
        }
    }
    Some(raw)
}

/// `[a, b-c]`: a one-line list of slugs.
fn list(value: &str) -> Option<Vec<String>> {
    let inner = value.strip_prefix('[')?.strip_suffix(']')?;
    if inner.trim_matches(' ').is_empty() {
        return Some(Vec::new());
    }
    inner
        .split(',')
        .map(|item| slug(item.trim_matches(' ')).map(str::to_string))
        .collect()
}

/// A name YAML reads as the same text: lower-case ASCII letters, digits, `-` and `_`, starting with a
/// letter, and none of YAML's words for null and true/false.
fn slug(value: &str) -> Option<&str> {
    let ok = value.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !matches!(
            value,
            "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    ok.then_some(value)
}

/// A whole number as YAML reads it (no sign, no leading zero).
fn integer(value: &str) -> Option<i64> {
    let plain = !value.is_empty()
        && value.len() <= 18
        && value.bytes().all(|b| b.is_ascii_digit())
        && (value == "0" || !value.starts_with('0'));
    if plain { value.parse().ok() } else { None }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agrees_with_the_yaml_parser_or_leaves_it_to_it() {
        let names = [
            "kanagawa",
            "kobe-city",
            "a_b",
            "x1",
            "null",
            "true",
            "no",
            "y",
            "Kobe",
            "1kobe",
            "-x",
            "\"q\"",
            "'q'",
            "a b",
            "a#b",
            "~",
            "",
        ];
        let mut checked = 0;
        let mut compare = |yaml: String| {
            if let Some(quick) = parse(&yaml) {
                let by_yaml: RawPageData = serde_yaml::from_str(&yaml).expect(&yaml);
                assert_eq!(quick, by_yaml, "{yaml:?}");
                checked += 1;
            }
        };
        for n in names {
            compare(format!(
                "chapter: {n}\nregions: [{n}]\nfields: [{n}, {n}]\nsources: [{n}]\n"
            ));
            compare(format!("chapter: cases\nprogrammes: [ {n} ,x ]\n"));
        }
        for order in [
            "0",
            "7",
            "12",
            "-1",
            "+1",
            "007",
            "1.5",
            "1e3",
            "0x10",
            "99999999999999999999",
        ] {
            compare(format!("chapter: cases\norder: {order}\n"));
        }
        for yaml in [
            "chapter: cases\nregions: []\n",
            "chapter: cases\nregions: [ ]\n",
            "chapter: cases\nchapter: other\n",
            "chapter: cases\nregions:\n  - kobe\n",
            "chapter: cases\nregions: [kobe] # comment\n",
            "chapter: cases\nlocation: 神戸\n",
            "chapter: cases\n\n  \nsources: [a]",
            "regions: [a,b]\n",
            "regions: [a,,b]\n",
            "regions: [a, [b]]\n",
        ] {
            compare(yaml.to_string());
        }
        assert!(checked >= 15, "only {checked} inputs took the quick way");
    }

    #[test]
    fn takes_the_common_shape() {
        let raw =
            parse("chapter: cases\nregions: [kanagawa]\nfields: [forestry]\nsources: [corpus]\n")
                .unwrap();
        assert_eq!(raw.chapter.as_deref(), Some("cases"));
        assert_eq!(raw.regions, Some(vec!["kanagawa".to_string()]));
        assert_eq!(raw.sources, vec!["corpus".to_string()]);
        assert!(parse("chapter: cases\nkey_figures: []\n").is_none());
        assert!(
            parse("\n  \n").is_none(),
            "an empty file is the YAML parser's to report"
        );
    }
}
