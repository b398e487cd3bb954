//! `taxonomies.yaml`: the labels of the region, field and programme keys, and for a region that is one
//! prefecture its JIS X 0401 code (`kanagawa: {ja: 神奈川県, en: Kanagawa, code: 14}`).

use std::fmt;
use std::path::Path;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::site_files::indexmap_like::OrderedMap;
use super::text::{RawText, StringOrNumber, both_texts};
use crate::diag::{Code, Diagnostic};
use crate::model::lang::Text;
use crate::model::taxonomy::{Taxonomies, Term};
use crate::yaml::own::Finding;
use crate::yaml::{self, Seg, Source};

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTaxonomies {
    #[serde(default)]
    regions: OrderedMap<RawRegion>,
    #[serde(default)]
    fields: OrderedMap<RawText>,
    #[serde(default)]
    programmes: OrderedMap<RawText>,
}

/// A region as written: `{ja: …, en: …}` and, for a prefecture, `code: 14`.
#[derive(Debug)]
struct RawRegion {
    label: Text,
    code: Option<i64>,
}

impl<'de> Deserialize<'de> for RawRegion {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawRegion;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a region: {ja: …, en: …, code: …}")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRegion, E> {
                Err(Finding::new(
                    Code::WrongType,
                    format!(
                        "expected a text in both languages, written {{ja: …, en: …}}, found the plain text \"{v}\""
                    ),
                )
                .ja(format!(
                    "ここには両方の言語の文を {{ja: …, en: …}} の形で書きます。書かれているのは一つの文 \"{v}\" だけです"
                ))
                .into_error())
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRegion, A::Error> {
                let (mut ja, mut en, mut code) = (None, None, None);
                while let Some(key) = map.next_key::<String>()? {
                    let given = match key.as_str() {
                        "ja" => ja.is_some(),
                        "en" => en.is_some(),
                        "code" => code.is_some(),
                        other => {
                            return Err(Finding::new(
                                Code::UnknownKey,
                                format!("unknown key `{other}`, expected `ja`, `en` or `code`"),
                            )
                            .ja(format!(
                                "`{other}` というキーはありません。`ja`、`en`、`code` のどれかを書いてください"
                            ))
                            .into_error());
                        }
                    };
                    if given {
                        return Err(Finding::new(
                            Code::DuplicateKey,
                            format!("the key `{key}` is given twice"),
                        )
                        .ja(format!("キー `{key}` が2回書かれています"))
                        .into_error());
                    }
                    match key.as_str() {
                        "ja" => ja = Some(map.next_value::<StringOrNumber>()?.0),
                        "en" => en = Some(map.next_value::<StringOrNumber>()?.0),
                        _ => code = Some(map.next_value::<i64>()?),
                    }
                }
                Ok(RawRegion {
                    label: both_texts(ja, en, false)?,
                    code,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Parses `taxonomies.yaml`.
pub(crate) fn parse_taxonomies(path: &Path, text: &str) -> Result<Taxonomies, Vec<Diagnostic>> {
    let src = Source::file(path, text);
    let raw: RawTaxonomies = yaml::parse_all(&src)?;
    let mut errors = Vec::new();
    let regions = raw
        .regions
        .0
        .into_iter()
        .map(|(key, r)| {
            let code = r.code.and_then(|c| region_code(&src, &key, c, &mut errors));
            (key, r.label, code)
        })
        .collect();
    let taxonomies = Taxonomies {
        regions: terms(&src, "regions", regions, &mut errors),
        fields: terms(&src, "fields", labels(raw.fields), &mut errors),
        programmes: terms(&src, "programmes", labels(raw.programmes), &mut errors),
    };
    if errors.is_empty() {
        Ok(taxonomies)
    } else {
        Err(errors)
    }
}

fn labels(map: OrderedMap<RawText>) -> Vec<(String, Text, Option<u8>)> {
    map.0.into_iter().map(|(k, t)| (k, t.0, None)).collect()
}

/// The terms, with an error for each key that cannot be part of an address and for a code given twice.
fn terms(
    src: &Source<'_>,
    kind: &'static str,
    entries: Vec<(String, Text, Option<u8>)>,
    errors: &mut Vec<Diagnostic>,
) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    for (key, label, code) in entries {
        if let Some(problem) = super::walk::slug_problem(&key) {
            errors.push(
                src.error_at_key(
                    Code::FileName,
                    &[Seg::Key(kind), Seg::Key(&key)],
                    format!("the key `{key}` cannot be used in an address: {problem}"),
                )
                .ja(format!(
                    "キー `{key}` はアドレスに使えません：{}",
                    problem.ja
                )),
            );
        }
        if let Some(first) = code.and_then(|c| out.iter().find(|t| t.code == Some(c))) {
            errors.push(
                src.error_at(
                    Code::DuplicateId,
                    &[Seg::Key(kind), Seg::Key(&key), Seg::Key("code")],
                    format!(
                        "the prefecture code {} is already given to `{}`",
                        code.unwrap_or_default(),
                        first.key
                    ),
                )
                .with_help("each prefecture is one region: use one key for it")
                .ja(format!(
                    "都道府県コード {} は `{}` にもう使われています",
                    code.unwrap_or_default(),
                    first.key
                ))
                .ja_help("一つの都道府県は一つの地域です。キーを一つにまとめてください"),
            );
        }
        out.push(Term { key, label, code });
    }
    out
}

/// A region's JIS X 0401 code, 1 to 47; an error at its position otherwise.
fn region_code(src: &Source<'_>, key: &str, code: i64, errors: &mut Vec<Diagnostic>) -> Option<u8> {
    match u8::try_from(code) {
        Ok(c @ 1..=47) => Some(c),
        _ => {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key("regions"), Seg::Key(key), Seg::Key("code")],
                    format!("`{code}` is not a prefecture code: JIS X 0401 numbers the prefectures 1 (Hokkaido) to 47 (Okinawa)"),
                )
                .with_help("write the prefecture's code, e.g. `code: 14` for Kanagawa, or leave `code` out for a region that is not one prefecture (e.g. nationwide)")
                .ja(format!("`{code}` は都道府県コードではありません。JIS X 0401 の都道府県コードは 1（北海道）から 47（沖縄県）です"))
                .ja_help("都道府県のコードを書いてください（例：神奈川県は `code: 14`）。一つの都道府県ではない地域（全国など）には `code` を書きません"),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_carry_their_prefecture_code() {
        let t = parse_taxonomies(
            Path::new("taxonomies.yaml"),
            "regions:\n  kanagawa: {ja: 神奈川県, en: Kanagawa, code: 14}\n  nationwide: {ja: 全国, en: Nationwide}\n",
        )
        .unwrap();
        assert_eq!(t.regions[0].code, Some(14));
        assert_eq!(t.regions[1].code, None);
    }

    #[test]
    fn a_code_outside_1_to_47_is_an_error_at_its_position() {
        let errors = parse_taxonomies(
            Path::new("taxonomies.yaml"),
            "regions:\n  kanagawa: {ja: 神奈川県, en: Kanagawa, code: 48}\n",
        )
        .unwrap_err();
        let e = errors[0].to_string();
        assert!(e.contains("taxonomies.yaml:2:"), "{e}");
        assert!(e.contains("`48` is not a prefecture code"), "{e}");
    }
}
