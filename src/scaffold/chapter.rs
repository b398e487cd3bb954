//! `hakusho new chapter <slug>`: a chapter folder with both languages, listed in `site.yaml`.

use std::fs;
use std::path::{Path, PathBuf};

use super::{
    chapter_list, check_slug, outline, page_files, refuse_existing, unknown_chapter, write_new,
};
use crate::diag::{Code, Diagnostic};
use crate::load;

/// Where the new chapter stands in `site.yaml`'s `chapters:`.
#[derive(Debug, PartialEq)]
pub enum Listed {
    /// Added to the list in this file: the chapter's number and how many there are now.
    Added {
        /// `site.yaml`.
        site_yaml: PathBuf,
        /// 1-based position in the list.
        number: usize,
        /// Chapters in the list.
        of: usize,
    },
    /// The list named it already (the editor wrote it first).
    Already {
        /// 1-based position in the list.
        number: usize,
    },
}

/// Creates `content/chapters/<slug>/` and adds `slug` to `chapters:` in `site.yaml`, after the chapter
/// `after` or at the end. Nothing is written unless all of it can be: the edited `site.yaml` is read back
/// and must list exactly the chapters expected. Returns the files written and where the chapter is listed.
pub fn new_chapter(
    content: &Path,
    slug: &str,
    after: Option<&str>,
    today: &str,
) -> Result<(Vec<PathBuf>, Listed), Diagnostic> {
    check_slug(slug, "a chapter name", "hakusho new chapter regions")?;
    let (chapters, _) = outline(content)?;
    let dir = content.join("chapters").join(slug);
    refuse_existing(
        &dir,
        "choose another name, or edit the existing chapter",
        "別の名前にするか、すでにある章を編集してください",
    )?;
    if let Some(after) = after
        && !chapters.iter().any(|c| c == after)
    {
        return Err(unknown_chapter(
            after,
            &format!("`--after {after}`: "),
            &chapters,
        ));
    }
    let site_yaml = content.join("site.yaml");
    let already = chapters.iter().position(|c| c == slug);
    if already.is_some() && after.is_some() {
        return Err(Diagnostic::general(
            Code::Usage,
            format!("site.yaml lists `{slug}` already; `--after` cannot move it"),
        )
        .with_help("leave out `--after`, or change the order of `chapters:` in site.yaml")
        .ja(format!(
            "site.yaml にはすでに `{slug}` があるため、`--after` で動かすことはできません"
        ))
        .ja_help("`--after` を外すか、site.yaml の `chapters:` の順番を書き換えてください"));
    }
    // site.yaml is rewritten below: not through a link out of content (checked before anything is made).
    super::refuse_leaving_content(content, &site_yaml)?;
    let edit = match already {
        Some(_) => None,
        None => Some(edited_site_yaml(&site_yaml, &chapters, slug, after)?),
    };
    let files = page_files(&dir, ja_text(slug, today), |v| en_text(slug, today, v));
    let written = write_new(content, &dir, &files)?;
    let listed = match edit {
        Some((text, number, of)) => {
            replace_file(&site_yaml, &text)?;
            Listed::Added {
                site_yaml,
                number,
                of,
            }
        }
        None => Listed::Already {
            number: already.map_or(0, |i| i + 1),
        },
    };
    Ok((written, listed))
}

/// The new text of `site.yaml`, the chapter's number and the number of chapters; an error when the list
/// cannot be edited safely.
fn edited_site_yaml(
    path: &Path,
    chapters: &[String],
    slug: &str,
    after: Option<&str>,
) -> Result<(String, usize, usize), Diagnostic> {
    let text = fs::read_to_string(path).map_err(|e| {
        Diagnostic::general(Code::Io, format!("cannot read {}: {e}", path.display())).ja(format!(
            "{} を読めません（{}）",
            path.display(),
            crate::output::io_reason_ja(&e)
        ))
    })?;
    let mut expected = chapters.to_vec();
    let at = after
        .and_then(|a| chapters.iter().position(|c| c == a))
        .map_or(chapters.len(), |i| i + 1);
    expected.insert(at, slug.to_string());
    let refuse = || {
        Diagnostic::error(
            Code::Usage,
            path,
            "the `chapters:` list cannot be changed safely here, so nothing was created",
        )
        .with_help(format!(
            "write the list on one line, `chapters: [{}]`, or add `{slug}` to it yourself and run the command again",
            expected.join(", ")
        ))
        .ja("`chapters:` の書き方をこのコマンドでは安全に書き換えられないため、何も作っていません")
        .ja_help(format!(
            "一行で `chapters: [{}]` と書くか、自分で `{slug}` を加えてから、もう一度実行してください",
            expected.join(", ")
        ))
    };
    let new_text = chapter_list::with_chapter(&text, chapters, slug, after).ok_or_else(refuse)?;
    match load::site_chapters(path, &new_text) {
        Ok(read_back) if read_back == expected => Ok((new_text, at + 1, expected.len())),
        _ => Err(refuse()),
    }
}

/// Replaces `path`'s content through a new file renamed over it, so that a failed write leaves the old one.
fn replace_file(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.hakusho-new"));
    fs::write(&temp, text)
        .and_then(|()| fs::rename(&temp, &target))
        .map_err(|e| {
            let _ = fs::remove_file(&temp);
            super::cannot_write(path, &e)
        })
}

fn ja_text(slug: &str, today: &str) -> String {
    format!(
        "---\ntitle: TODO 章の題名\nsummary: TODO この章が扱うことを一、二文で（目次・一覧・検索・フィードに使われる）。\n\
date: {today}  # TODO 公開日に直す（作成した日が入っている）\n---\n\
TODO 章の導入を書く。見出しは ## から始める。事例は、その data.yaml に `chapter: {slug}` と書くとこの章に並ぶ。\n"
    )
}

fn en_text(slug: &str, today: &str, ja_version: &str) -> String {
    format!(
        "---\ntitle: TODO the chapter's title\nsummary: TODO one or two sentences on what the chapter covers (used in the contents, lists, search and feeds).\n\
date: {today}  # TODO the publication date (the day this file was made is a placeholder)\n\
translated_from: ja@{ja_version}\n---\n\
TODO Write the chapter's introduction. Start headings at ##. A case joins this chapter when its data.yaml says `chapter: {slug}`.\n"
    )
}
