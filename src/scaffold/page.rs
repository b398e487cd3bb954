//! `hakusho new page <path>`: any other page (about, methodology, a nested `about/team`), in both languages.

use std::path::{Path, PathBuf};

use super::{check_slug, outline, page_files, refuse_existing, write_new};
use crate::diag::{Code, Diagnostic};
use crate::load::walk::RESERVED;

/// Creates `content/<path>/`, `path` being `/`-separated folder names. Returns the files written.
pub fn new_page(content: &Path, path: &str, today: &str) -> Result<Vec<PathBuf>, Diagnostic> {
    let content_prefix = format!("{}/", content.to_string_lossy().trim_end_matches('/'));
    let path = path.trim_matches('/');
    let path = path.strip_prefix(&content_prefix).unwrap_or(path);
    let parts: Vec<&str> = path.split('/').collect();
    for part in &parts {
        check_slug(part, "a page's folder name", "hakusho new page methodology")?;
    }
    match parts[0] {
        "cases" | "chapters" => {
            let kind = &parts[0][..parts[0].len() - 1];
            let example = parts.get(1).copied().unwrap_or("<name>");
            return Err(Diagnostic::general(
                Code::Usage,
                format!("pages in content/{}/ are {kind}s", parts[0]),
            )
            .with_help(format!("use `hakusho new {kind} {example}`"))
            .ja(format!(
                "content/{}/ のページは{}です",
                parts[0],
                if kind == "case" { "事例" } else { "章" }
            ))
            .ja_help(format!("`hakusho new {kind} {example}` を使ってください")));
        }
        first if parts.len() == 1 && RESERVED.contains(&first) => {
            return Err(Diagnostic::general(
                Code::Usage,
                format!("`{first}` is an address hakusho generates itself (/ja/{first}/)"),
            )
            .with_help("choose another folder name")
            .ja(format!(
                "`{first}` は hakusho が自分で作るアドレスです（/ja/{first}/）"
            ))
            .ja_help("別のフォルダー名にしてください"));
        }
        _ => {}
    }
    // The site must be readable: a page is no use in a folder that does not build.
    outline(content)?;
    let dir = content.join(path);
    refuse_existing(
        &dir,
        "choose another name, or edit the existing page",
        "別の名前にするか、すでにあるページを編集してください",
    )?;
    let files = page_files(&dir, ja_text(today), |v| en_text(today, v));
    write_new(content, &dir, &files)
}

fn ja_text(today: &str) -> String {
    format!(
        "---\ntitle: TODO ページの題名\ndate: {today}  # TODO 公開日に直す（作成した日が入っている）\n---\n\
TODO 本文を書く。見出しは ## から始める。\n"
    )
}

fn en_text(today: &str, ja_version: &str) -> String {
    format!(
        "---\ntitle: TODO the page's title\n\
date: {today}  # TODO the publication date (the day this file was made is a placeholder)\n\
translated_from: ja@{ja_version}\n---\nTODO Write the text. Start headings at ##.\n"
    )
}
