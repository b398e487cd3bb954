//! The site files at the top of `content/`: `site.yaml`, `sources.yaml`, `taxonomies.yaml`, `glossary.yaml`.

use std::path::Path;

use serde::Deserialize;

use super::base_url::base_url;
use super::identity::{RawContact, RawIdentity, RawLicence};
use super::raw::DateText;
use super::text::RawText;
use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::markdown::join_japanese_lines;
use crate::model::date::DateStyle;
use crate::model::lang::{Lang, Text};
use crate::model::site::{BaseUrl, FigureRef, GlossaryEntry, SiteConfig, Source as DocSource};
use crate::model::text_file::TextFile;
use crate::yaml::{self, Seg, Source};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSiteConfig {
    title: RawText,
    subtitle: Option<RawText>,
    publisher: RawText,
    base_url: String,
    default_language: Option<String>,
    theme: Option<String>,
    chapters: Vec<String>,
    #[serde(default)]
    cover: RawCover,
    pdf: Option<bool>,
    japanese_dates: Option<String>,
    edition: Option<RawText>,
    published: Option<DateText>,
    updated: Option<DateText>,
    licence: Option<RawLicence>,
    contact: Option<RawContact>,
    #[serde(default)]
    allow_active_files: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCover {
    #[serde(default)]
    key_figures: Vec<String>,
}

/// Parses `site.yaml`.
pub(crate) fn parse_site_config(path: &Path, text: &str) -> Result<SiteConfig, Vec<Diagnostic>> {
    let src = Source::file(path, text);
    let raw: RawSiteConfig = yaml::parse_all(&src)?;
    let mut errors = Vec::new();
    let base_url = match base_url(&raw.base_url) {
        Ok(b) => b,
        Err(problem) => {
            errors.push(
                src.error_at(Code::InvalidValue, &[Seg::Key("base_url")], problem.en)
                    .with_help(
                        "write the address the site will be published at, e.g. `https://example.org/reports/2025/`",
                    )
                    .ja(problem.ja)
                    .ja_help(
                        "サイトを公開するアドレスを書いてください。例：`https://example.org/reports/2025/`",
                    ),
            );
            BaseUrl {
                origin: String::new(),
                path: "/".into(),
            }
        }
    };
    let default_language = match raw.default_language.as_deref() {
        None => Lang::Ja,
        Some(code) => Lang::from_code(code).unwrap_or_else(|| {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key("default_language")],
                    format!("`{code}` is not a language of this report; use `ja` or `en`"),
                )
                .ja(format!(
                    "`{code}` はこの報告書の言語ではありません。`ja` か `en` を書いてください"
                )),
            );
            Lang::Ja
        }),
    };
    let theme = raw.theme.unwrap_or_else(|| "default".to_string());
    if super::walk::slug_problem(&theme).is_some() {
        errors.push(
            src.error_at(
                Code::InvalidValue,
                &[Seg::Key("theme")],
                format!("`{theme}` is not a theme folder name"),
            )
            .ja(format!("`{theme}` はテーマのフォルダー名に使えません")),
        );
    }
    if raw.chapters.is_empty() {
        errors.push(
            src.error_at(
                Code::InvalidValue,
                &[Seg::Key("chapters")],
                "the report needs at least one chapter",
            )
            .with_help(
                "list chapter folders (content/chapters/<name>/) in order: `chapters: [overview]`",
            )
            .ja("報告書には章が少なくとも一つ必要です")
            .ja_help(
                "章のフォルダー（content/chapters/<name>/）を順に並べてください。例：`chapters: [overview]`",
            ),
        );
    }
    for (i, c) in raw.chapters.iter().enumerate() {
        if raw.chapters[..i].contains(c) {
            errors.push(
                src.error_at(
                    Code::DuplicateId,
                    &[Seg::Key("chapters"), Seg::Index(i)],
                    format!("the chapter `{c}` is listed twice"),
                )
                .ja(format!("章 `{c}` が2回書かれています")),
            );
        }
    }
    let mut cover_figures = Vec::new();
    for (i, r) in raw.cover.key_figures.iter().enumerate() {
        match r.split_once('#') {
            Some((page, id)) if !page.is_empty() && !id.is_empty() => {
                cover_figures.push(FigureRef {
                    page: page.trim_matches('/').to_string(),
                    id: id.to_string(),
                })
            }
            _ => errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key("cover"), Seg::Key("key_figures"), Seg::Index(i)],
                    format!("`{r}` does not name a key figure"),
                )
                .with_help("write <page folder>#<key figure id>, e.g. `cases/kobe#companies`")
                .ja(format!("`{r}` は主要数値を指していません"))
                .ja_help("<ページのフォルダー>#<主要数値の id> と書いてください。例：`cases/kobe#companies`"),
            ),
        }
    }
    let pdf = pdf_editions(raw.pdf, &src, &mut errors);
    let identity = super::identity::resolve(
        RawIdentity {
            edition: raw.edition,
            published: raw.published,
            updated: raw.updated,
            licence: raw.licence,
            contact: raw.contact,
        },
        &src,
        &mut errors,
    );
    let japanese_dates = match raw.japanese_dates.as_deref() {
        None => DateStyle::default(),
        Some(name) => DateStyle::from_name(name).unwrap_or_else(|| {
            let near = did_you_mean(name, DateStyle::NAMES);
            let near_ja = near
                .map(|n| format!("`{n}` のことですか？ "))
                .unwrap_or_default();
            let near = near
                .map(|n| format!("did you mean `{n}`? "))
                .unwrap_or_default();
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key("japanese_dates")],
                    format!("`{name}` is not a way of writing dates"),
                )
                .with_help(format!(
                    "{near}write `gregorian` (2023年度), `era` (令和5年度) or `both` (2023（令和5）年度)"
                ))
                .ja(format!("`{name}` という日付の書き方はありません"))
                .ja_help(format!(
                    "{near_ja}`gregorian`（2023年度）、`era`（令和5年度）、`both`（2023（令和5）年度）のどれかを書いてください"
                )),
            );
            DateStyle::default()
        }),
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(SiteConfig {
        title: raw.title.0,
        subtitle: raw.subtitle.map(|t| t.0),
        publisher: raw.publisher.0,
        base_url,
        default_language,
        theme,
        chapters: raw.chapters,
        cover_figures,
        pdf,
        japanese_dates,
        identity,
        allow_active_files: raw.allow_active_files,
        file: TextFile {
            path: path.to_path_buf(),
            text: text.into(),
        },
    })
}

/// Whether the PDF editions are made: as `pdf:` says, on when it says nothing; a hakusho built without
/// them (the `pdf` cargo feature) refuses `pdf: true`.
fn pdf_editions(pdf: Option<bool>, src: &Source<'_>, errors: &mut Vec<Diagnostic>) -> bool {
    let built_with_pdf = cfg!(feature = "pdf");
    if pdf == Some(true) && !built_with_pdf {
        errors.push(
            src.error_at(
                Code::Usage,
                &[Seg::Key("pdf")],
                "this hakusho was built without PDF editions",
            )
            .with_help("build hakusho with its default features (`cargo build --release`), or write `pdf: false`")
            .ja("この hakusho は PDF 版を作れないように作られています")
            .ja_help("hakusho を標準の機能のまま作り直すか（`cargo build --release`）、`pdf: false` と書いてください"),
        );
    }
    pdf.unwrap_or(true) && built_with_pdf
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: RawText,
    issuer: RawText,
    short: Option<RawText>,
    year: i32,
    url: Option<String>,
}

/// Parses `sources.yaml`: a mapping from id to source, kept in file order.
pub(crate) fn parse_sources(path: &Path, text: &str) -> Result<Vec<DocSource>, Vec<Diagnostic>> {
    let src = Source::file(path, text);
    let raw: indexmap_like::OrderedMap<RawSource> = yaml::parse_all(&src)?;
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (id, s) in raw.0 {
        if let Some(url) = &s.url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Key(&id), Seg::Key("url")],
                    format!("`{url}` is not a web address; it must start with https:// or http://"),
                )
                .ja(format!(
                    "`{url}` はウェブのアドレスではありません。https:// か http:// で始めてください"
                )),
            );
        }
        out.push(DocSource {
            position: src.key_position(&[Seg::Key(&id)]),
            id,
            title: s.title.0,
            issuer: s.issuer.0,
            short: s.short.map(|t| t.0),
            year: s.year,
            url: s.url,
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossaryEntry {
    id: String,
    term: super::text::RawLabel,
    reading: Option<String>,
    expansion: Option<RawText>,
    definition: RawText,
}

/// Parses `glossary.yaml`: a list of entries.
pub(crate) fn parse_glossary(
    path: &Path,
    text: &str,
) -> Result<Vec<GlossaryEntry>, Vec<Diagnostic>> {
    let src = Source::file(path, text);
    let raw: Vec<RawGlossaryEntry> = yaml::parse_all(&src)?;
    let mut errors = Vec::new();
    let mut out: Vec<GlossaryEntry> = Vec::new();
    // Where each id was first given: looked up, so that thousands of entries are not each compared with
    // every entry before them.
    let mut first_of: std::collections::HashMap<String, usize> =
        std::collections::HashMap::with_capacity(raw.len());
    for (i, e) in raw.into_iter().enumerate() {
        super::raw::check_id(&src, &mut errors, &e.id, &[Seg::Index(i), Seg::Key("id")]);
        if let Some(&first) = first_of.get(&e.id) {
            let (en, ja) = match src.value_position(&[Seg::Index(first), Seg::Key("id")]) {
                Some(p) => (
                    format!(" (first at line {})", p.line),
                    format!("（最初は {} 行目）", p.line),
                ),
                None => (String::new(), String::new()),
            };
            errors.push(
                src.error_at(
                    Code::DuplicateId,
                    &[Seg::Index(i), Seg::Key("id")],
                    format!("the glossary id `{}` is used twice{en}", e.id),
                )
                .ja(format!("用語集の id `{}` が2回使われています{ja}", e.id)),
            );
        }
        if let Some(r) = &e.reading
            && (r.trim().is_empty() || r.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)))
        {
            errors.push(
                src.error_at(
                    Code::InvalidValue,
                    &[Seg::Index(i), Seg::Key("reading")],
                    format!("the reading `{r}` is not written in kana"),
                )
                .with_help("write how the Japanese term is read, in kana, e.g. `reading: こうせん`")
                .ja(format!("読み `{r}` がかなで書かれていません"))
                .ja_help("日本語の用語の読みをかなで書いてください。例：`reading: こうせん`"),
            );
        }
        let term = e.term.0;
        let join = |t: &Text| Text {
            ja: join_japanese_lines(&t.ja),
            en: t.en.clone(),
        };
        // An expansion that only repeats its term says nothing: it is left out.
        let expansion = e.expansion.map(|t| join(&t.0)).map(|t| Text {
            ja: if t.ja == term.ja { String::new() } else { t.ja },
            en: if t.en == term.en { String::new() } else { t.en },
        });
        first_of.entry(e.id.clone()).or_insert(out.len());
        out.push(GlossaryEntry {
            id: e.id,
            reading: e.reading.map(|r| r.trim().to_string()),
            expansion: expansion.unwrap_or_else(|| Text::same("")),
            definition: join(&e.definition.0),
            term,
            term_position: src.value_position(&[Seg::Index(i), Seg::Key("term")]),
        });
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// A YAML mapping read in file order (serde_yaml maps into `BTreeMap` would sort the keys).
pub(super) mod indexmap_like {
    use std::fmt;
    use std::marker::PhantomData;

    use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

    use crate::diag::Code;
    use crate::yaml::own::Finding;

    #[derive(Debug)]
    pub(crate) struct OrderedMap<V>(pub Vec<(String, V)>);

    impl<V> Default for OrderedMap<V> {
        fn default() -> Self {
            OrderedMap(Vec::new())
        }
    }

    impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Vis<V>(PhantomData<V>);
            impl<'de, V: Deserialize<'de>> Visitor<'de> for Vis<V> {
                type Value = OrderedMap<V>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("a mapping of ids to entries")
                }
                fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                    let mut out: Vec<(String, V)> = Vec::new();
                    while let Some(key) = map.next_key::<String>()? {
                        if out.iter().any(|(k, _)| *k == key) {
                            return Err(Finding::new(
                                Code::DuplicateKey,
                                format!("the key `{key}` is given twice"),
                            )
                            .ja(format!("キー `{key}` が2回書かれています"))
                            .into_error());
                        }
                        let value = map.next_value()?;
                        out.push((key, value));
                    }
                    Ok(OrderedMap(out))
                }
            }
            d.deserialize_map(Vis(PhantomData))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_entries_keep_where_their_term_is() {
        let text = "- id: coi\n  term: COI\n  definition: {ja: 拠点, en: Hubs}\n\n- definition: {ja: 再生, en: Regeneration}\n  id: ips\n  term: {ja: iPS細胞, en: iPS cells}\n";
        let entries = parse_glossary(Path::new("glossary.yaml"), text).unwrap();
        let positions: Vec<_> = entries.iter().map(|e| e.term_position).collect();
        assert_eq!(
            positions,
            [
                Some(crate::diag::Position { line: 2, column: 9 }),
                Some(crate::diag::Position { line: 7, column: 9 }),
            ]
        );
    }

    /// Ids are checked against those seen by a lookup: 40,000 entries were 800 million comparisons before.
    #[test]
    fn a_large_glossary_is_read_in_linear_time() {
        let mut text: String = (0..40_000)
            .map(|i| format!("- id: t{i}\n  term: T{i}\n  definition: {{ja: 説明, en: Meaning}}\n"))
            .collect();
        text.push_str("- id: t7\n  term: Again\n  definition: {ja: 説明, en: Meaning}\n");
        let started = std::time::Instant::now();
        let errors = parse_glossary(Path::new("glossary.yaml"), &text).unwrap_err();
        let took = started.elapsed();
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0]
                .to_string()
                .contains("the glossary id `t7` is used twice (first at line 22)"),
            "{}",
            errors[0]
        );
        assert!(took < std::time::Duration::from_secs(15), "took {took:?}");
    }
}
