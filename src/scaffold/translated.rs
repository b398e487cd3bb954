//! `hakusho translated <page>`: a translation's `translated_from` brought up to its source's version, by
//! changing one front-matter line.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diag::{Code, Diagnostic};
use crate::load;
use crate::model::page::Document;

/// `hakusho translated <page>`: records in the translation's front matter (`translated_from: ja@…`) that it
/// now follows the current version of its source. `page` is the page's folder (`cases/kobe`, with or
/// without `content/`) or the translation's file. The translation is the file named, else the one already
/// naming its source, else the page's file in the language other than the site's default. Returns the file
/// changed, the line written and the line it replaced.
pub fn translated(
    content: &Path,
    page: &str,
) -> Result<(PathBuf, String, Option<String>), Diagnostic> {
    let usage = |message: String, message_ja: String| {
        Diagnostic::general(Code::Usage, message)
            .with_help("name the page's folder below content/, e.g. `hakusho translated cases/kobe`, or its translation's file")
            .ja(message_ja)
            .ja_help("content/ の下にあるページのフォルダー（例：`hakusho translated cases/kobe`）か、翻訳のファイルを指定してください")
    };
    let content_prefix = format!("{}/", content.to_string_lossy().trim_end_matches('/'));
    let mut rel = page.trim_end_matches('/').to_string();
    if let Some(r) = rel.strip_prefix(&content_prefix) {
        rel = r.to_string();
    }
    let mut named: Option<crate::model::lang::Lang> = None;
    if let Some((dir, file)) = rel.rsplit_once('/').or(Some(("", rel.as_str())))
        && let Some(code) = file
            .strip_prefix("index.")
            .and_then(|f| f.strip_suffix(".md"))
    {
        named = Some(crate::model::lang::Lang::from_code(code).ok_or_else(|| {
            usage(
                format!("`{file}` is not a page file"),
                format!("`{file}` はページのファイルではありません"),
            )
        })?);
        rel = dir.to_string();
    }
    let dir = content.join(&rel);
    let read = |lang: crate::model::lang::Lang| -> Option<Result<(PathBuf, String, Document), Diagnostic>> {
        let path = dir.join(format!("index.{}.md", lang.code()));
        let text = fs::read_to_string(&path).ok()?;
        Some(
            load::parse_document_text(&path, &text)
                .map(|d| (path.clone(), text.clone(), d))
                .map_err(|mut e| e.remove(0)),
        )
    };
    use crate::model::lang::Lang;
    let docs: Vec<(Lang, (PathBuf, String, Document))> = Lang::ALL
        .into_iter()
        .filter_map(|l| read(l).map(|r| r.map(|d| (l, d))))
        .collect::<Result<_, _>>()?;
    if docs.is_empty() {
        return Err(usage(
            format!("there is no page file in {}", dir.display()),
            format!("{} にページのファイルがありません", dir.display()),
        ));
    }
    if docs.len() == 1 {
        let (lang, _) = &docs[0];
        return Err(Diagnostic::general(
            Code::Usage,
            format!(
                "{} has only its {} file: there is nothing to translate from",
                dir.display(),
                lang.code()
            ),
        )
        .with_help("write the other language's index file first")
        .ja(format!(
            "{} には {} のファイルしかないため、翻訳元がありません",
            dir.display(),
            lang.code()
        ))
        .ja_help("先に、もう一方の言語の index ファイルを書いてください"));
    }
    let default = load::site_outline_default_language(content).unwrap_or(Lang::Ja);
    let target = named
        .or_else(|| {
            docs.iter()
                .find(|(_, (_, _, d))| d.translated_from.is_some())
                .map(|(l, _)| *l)
        })
        .unwrap_or(default.other());
    let source = target.other();
    let version = docs
        .iter()
        .find(|(l, _)| *l == source)
        .map(|(_, (_, _, d))| d.version())
        .unwrap_or_default();
    let (path, text, _) = docs
        .into_iter()
        .find(|(l, _)| *l == target)
        .map(|(_, d)| d)
        .ok_or_else(|| {
            usage(
                format!(
                    "there is no index.{}.md in {}",
                    target.code(),
                    dir.display()
                ),
                format!(
                    "{} に index.{}.md がありません",
                    dir.display(),
                    target.code()
                ),
            )
        })?;
    let line = format!("translated_from: {}@{version}", source.code());
    let (new_text, old) = with_front_matter_line(&text, "translated_from:", &line);
    super::refuse_leaving_content(content, &path)?;
    fs::write(&path, new_text).map_err(|e| super::cannot_write(&path, &e))?;
    Ok((path, line, old))
}

/// `text` (a page file) with its front matter's line starting with `key` replaced by `line` (or `line`
/// added at the end of the front matter), and the line replaced.
fn with_front_matter_line(text: &str, key: &str, line: &str) -> (String, Option<String>) {
    let mut lines: Vec<&str> = text.split('\n').collect();
    let close = lines
        .iter()
        .enumerate()
        .skip(1)
        .find(|(_, l)| l.trim_end() == "---")
        .map(|(i, _)| i)
        .unwrap_or(1);
    let existing = (1..close).find(|&i| lines[i].starts_with(key));
    let old = existing.map(|i| lines[i].to_string());
    match existing {
        Some(i) => lines[i] = line,
        None => lines.insert(close, line),
    }
    (lines.join("\n"), old)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_front_matter_line_is_replaced_or_added() {
        let (text, old) = with_front_matter_line(
            "---\ntitle: A\ntranslated_from: ja@00000000\n---\nBody with translated_from: x\n",
            "translated_from:",
            "translated_from: ja@1234abcd",
        );
        assert_eq!(
            text,
            "---\ntitle: A\ntranslated_from: ja@1234abcd\n---\nBody with translated_from: x\n"
        );
        assert_eq!(old.as_deref(), Some("translated_from: ja@00000000"));
        let (text, old) = with_front_matter_line(
            "---\ntitle: A\n---\nBody\n",
            "translated_from:",
            "translated_from: en@1",
        );
        assert_eq!(text, "---\ntitle: A\ntranslated_from: en@1\n---\nBody\n");
        assert_eq!(old, None);
    }
}
