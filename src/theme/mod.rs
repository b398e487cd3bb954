//! Stage 2 of the build, beside loading the content: the theme. Tera templates, static files, UI strings per
//! language and chart colours. The default theme is built in; `themes/default/` on disk and the site's own theme
//! (`theme:` in site.yaml) override it file by file.

pub mod budget;
pub mod errors;

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use walkdir::WalkDir;

use crate::chart::ChartStyle;
use crate::diag::{Code, Diagnostic};
use crate::model::lang::{Lang, Localized};
use errors::tera_diagnostics;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/default_theme.rs"));
}

/// A loaded theme.
pub struct Theme {
    /// Parsed templates.
    pub tera: tera::Tera,
    /// UI strings per language, complete in both.
    pub strings: Localized<BTreeMap<String, String>>,
    /// Files under `static/`, by path inside it.
    pub statics: Vec<(String, Vec<u8>)>,
    /// Chart colours and fonts.
    pub chart_style: ChartStyle,
    /// Where each template came from, for error messages.
    pub template_paths: HashMap<String, PathBuf>,
    /// The layout of the PDF editions (`pdf/layout.typ`, Typst) and where it came from.
    pub pdf_layout: (PathBuf, String),
    /// The fonts of the PDF editions (`fonts/*.otf`, `*.ttf`, `*.ttc`), in name order.
    pub fonts: Vec<(PathBuf, Vec<u8>)>,
}

/// One file of the theme and where it came from.
struct ThemeFile {
    bytes: Vec<u8>,
    shown_as: PathBuf,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChartStyle {
    palette: Option<Vec<String>>,
    font_family: Option<String>,
    text_color: Option<String>,
    axis_color: Option<String>,
    grid_color: Option<String>,
}

/// Loads the theme named `name`, looking in `themes_dir` (the `themes/` folder beside `content/`).
pub fn load(themes_dir: &Path, name: &str) -> Result<(Theme, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut base: BTreeMap<String, ThemeFile> = embedded::FILES
        .iter()
        .map(|(path, bytes)| {
            (
                path.to_string(),
                ThemeFile {
                    bytes: bytes.to_vec(),
                    shown_as: PathBuf::from(format!("themes/default/{path}")),
                },
            )
        })
        .collect();
    let mut errors = Vec::new();
    let default_dir = themes_dir.join("default");
    if default_dir.is_dir() {
        overlay(&default_dir, &mut base, &mut errors);
    }
    let mut site_layer: BTreeMap<String, ThemeFile> = BTreeMap::new();
    if name != "default" {
        let dir = themes_dir.join(name);
        if dir.is_dir() {
            overlay(&dir, &mut site_layer, &mut errors);
        } else {
            errors.push(
                Diagnostic::error(
                    Code::Theme,
                    &dir,
                    format!("the theme `{name}` named in site.yaml has no folder"),
                )
                .with_help(format!(
                    "create {} with the templates or static files to override, or remove `theme:`",
                    dir.display()
                ))
                .ja(format!(
                    "site.yaml で指定したテーマ `{name}` のフォルダーがありません"
                ))
                .ja_help(format!(
                    "置き換えたいテンプレートや静的ファイルを入れたフォルダー {} を作るか、`theme:` を消してください",
                    dir.display()
                )),
            );
        }
    }
    let mut warnings = Vec::new();
    // Strings and chart colours merge key by key; templates and static files replace whole files.
    let layers = [&base, &site_layer];
    let strings = load_strings(&layers, &mut errors, &mut warnings);
    let chart_style = load_chart_style(&layers, &mut errors);
    let mut files = base;
    files.extend(site_layer);
    let (tera, template_paths) = load_templates(&files, &mut errors);
    let statics = files
        .iter()
        .filter_map(|(path, f)| {
            path.strip_prefix("static/")
                .map(|p| (p.to_string(), f.bytes.clone()))
        })
        .collect();
    let pdf_layout = pdf_layout(&files, &mut errors);
    let fonts = files
        .iter()
        .filter(|(path, _)| {
            path.starts_with("fonts/")
                && [".otf", ".ttf", ".ttc", ".otc"]
                    .iter()
                    .any(|ext| path.to_ascii_lowercase().ends_with(ext))
        })
        .map(|(_, f)| (f.shown_as.clone(), f.bytes.clone()))
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((
        Theme {
            tera,
            strings,
            statics,
            chart_style,
            template_paths,
            pdf_layout,
            fonts,
        },
        warnings,
    ))
}

/// `pdf/layout.typ`: the Typst layout of the PDF editions.
fn pdf_layout(
    files: &BTreeMap<String, ThemeFile>,
    errors: &mut Vec<Diagnostic>,
) -> (PathBuf, String) {
    let Some(file) = files.get("pdf/layout.typ") else {
        return (
            PathBuf::from("themes/default/pdf/layout.typ"),
            String::new(),
        );
    };
    match crate::load::decode_text(&file.shown_as, file.bytes.clone()) {
        Ok(text) => (file.shown_as.clone(), text),
        Err(d) => {
            errors.push(d);
            (file.shown_as.clone(), String::new())
        }
    }
}

fn overlay(dir: &Path, files: &mut BTreeMap<String, ThemeFile>, errors: &mut Vec<Diagnostic>) {
    for entry in WalkDir::new(dir).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push(
                    Diagnostic::error(
                        Code::Io,
                        dir,
                        format!("the theme folder cannot be read: {e}"),
                    )
                    .ja(format!("テーマのフォルダーを読めません（{e}）")),
                );
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if !entry.file_type().is_file() || crate::load::walk::is_debris(&name) {
            continue;
        }
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        match fs::read(entry.path()) {
            Ok(bytes) => {
                files.insert(
                    rel,
                    ThemeFile {
                        bytes,
                        shown_as: entry.path().to_path_buf(),
                    },
                );
            }
            Err(e) => errors.push(
                Diagnostic::error(
                    Code::Theme,
                    entry.path(),
                    format!("the file cannot be read: {e}"),
                )
                .ja(format!("ファイルを読めません（{e}）")),
            ),
        }
    }
}

fn load_templates(
    files: &BTreeMap<String, ThemeFile>,
    errors: &mut Vec<Diagnostic>,
) -> (tera::Tera, HashMap<String, PathBuf>) {
    let mut sources: Vec<(String, String)> = Vec::new();
    let mut paths = HashMap::new();
    for (path, file) in files {
        let Some(name) = path.strip_prefix("templates/") else {
            continue;
        };
        match String::from_utf8(file.bytes.clone()) {
            Ok(text) => {
                sources.push((name.to_string(), text));
                paths.insert(name.to_string(), file.shown_as.clone());
            }
            Err(_) => errors.push(
                Diagnostic::error(
                    Code::Theme,
                    &file.shown_as,
                    "the template is not valid UTF-8",
                )
                .ja("テンプレートが UTF-8 で保存されていません"),
            ),
        }
    }
    // Tera stops at the first syntax error; drop a broken template and try again to find them all.
    for _ in 0..=sources.len() {
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml", ".htm"]);
        tera.register_function("range", budget::range);
        match tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))) {
            Ok(()) => return (tera, paths),
            Err(e) => {
                let found = tera_diagnostics(&e, &paths, None);
                let broken: Vec<String> =
                    found.iter().filter_map(|(name, _)| name.clone()).collect();
                errors.extend(found.into_iter().map(|(_, d)| d));
                let before = sources.len();
                sources.retain(|(n, _)| !broken.contains(n));
                if sources.len() == before {
                    break;
                }
            }
        }
    }
    (tera::Tera::new(), paths)
}

fn load_strings(
    layers: &[&BTreeMap<String, ThemeFile>],
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Localized<BTreeMap<String, String>> {
    let mut strings = Localized::<BTreeMap<String, String>>::default();
    let mut shown = Localized::<PathBuf>::default();
    for lang in Lang::ALL {
        let path = format!("strings/{}.yaml", lang.code());
        for layer in layers {
            let Some(file) = layer.get(&path) else {
                continue;
            };
            *shown.get_mut(lang) = file.shown_as.clone();
            let text = match crate::load::decode_text(&file.shown_as, file.bytes.clone()) {
                Ok(t) => t,
                Err(d) => {
                    errors.push(d);
                    continue;
                }
            };
            match crate::yaml::parse::<BTreeMap<String, String>>(&crate::yaml::Source::file(
                &file.shown_as,
                &text,
            )) {
                Ok(map) => strings.get_mut(lang).extend(map),
                Err(d) => errors.push(d),
            }
        }
    }
    for lang in Lang::ALL {
        let missing: Vec<(String, String)> = strings
            .get(lang.other())
            .iter()
            .filter(|(k, _)| !strings.get(lang).contains_key(*k))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, value) in missing {
            warnings.push(
                Diagnostic::warning(
                    Code::Theme,
                    shown.get(lang).clone(),
                    format!(
                        "the UI string `{key}` is missing in {}; the {} text is used",
                        lang.code(),
                        lang.other().code()
                    ),
                )
                .ja(format!(
                    "画面の文言 `{key}` が {} にないため、{} の文言を使います",
                    lang.code(),
                    lang.other().code()
                )),
            );
            strings.get_mut(lang).insert(key, value);
        }
    }
    strings
}

fn load_chart_style(
    layers: &[&BTreeMap<String, ThemeFile>],
    errors: &mut Vec<Diagnostic>,
) -> ChartStyle {
    let mut style = ChartStyle::default();
    for layer in layers {
        if let Some(file) = layer.get("chart.yaml") {
            apply_chart_style(file, &mut style, errors);
        }
    }
    style
}

fn apply_chart_style(file: &ThemeFile, style: &mut ChartStyle, errors: &mut Vec<Diagnostic>) {
    let text = match crate::load::decode_text(&file.shown_as, file.bytes.clone()) {
        Ok(t) => t,
        Err(d) => {
            errors.push(d);
            return;
        }
    };
    let src = crate::yaml::Source::file(&file.shown_as, &text);
    match crate::yaml::parse::<RawChartStyle>(&src) {
        Ok(raw) => {
            let colour_ok = |c: &str| {
                c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
            };
            let mut check = |key: &'static str, value: Option<String>, slot: &mut String| {
                if let Some(v) = value {
                    if colour_ok(&v) {
                        *slot = v;
                    } else {
                        errors.push(
                            src.error_at(
                                Code::Theme,
                                &[crate::yaml::Seg::Key(key)],
                                format!("`{v}` is not a colour; write #rrggbb"),
                            )
                            .ja(format!(
                                "`{v}` は色ではありません。#rrggbb の形で書いてください"
                            )),
                        );
                    }
                }
            };
            check("text_color", raw.text_color, &mut style.text_color);
            check("axis_color", raw.axis_color, &mut style.axis_color);
            check("grid_color", raw.grid_color, &mut style.grid_color);
            if let Some(palette) = raw.palette {
                if palette.is_empty() || palette.iter().any(|c| !colour_ok(c)) {
                    errors.push(
                        src.error_at(
                            Code::Theme,
                            &[crate::yaml::Seg::Key("palette")],
                            "the palette must be a list of colours written #rrggbb",
                        )
                        .ja("palette は #rrggbb の形で書いた色のリストにしてください"),
                    );
                } else {
                    style.palette = palette;
                }
            }
            if let Some(font) = raw.font_family {
                if font.contains(['<', '>', '"', ';', '{', '}']) {
                    errors.push(
                        src.error_at(
                            Code::Theme,
                            &[crate::yaml::Seg::Key("font_family")],
                            "the font list may not contain < > \" ; { }",
                        )
                        .ja("フォントの指定には < > \" ; { } を使えません"),
                    );
                } else {
                    style.font_family = font;
                }
            }
        }
        Err(d) => errors.push(d),
    }
}
