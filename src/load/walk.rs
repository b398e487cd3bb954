//! Which files in `content/` are content: page folders with `index.<lang>.md`, their `data.yaml` and assets,
//! and the site files at the top. Refuses unsafe names and symlinks that leave `content/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

pub(crate) use super::names::{asset_problem, slug_problem};
use crate::diag::{Code, Diagnostic};
use crate::model::lang::Lang;

/// The files of one page folder, found on disk.
#[derive(Debug, Default)]
pub(crate) struct FoundPage {
    /// Folder relative to `content/`, `/`-separated; empty for the cover.
    pub id: String,
    /// `index.<lang>.md` per language.
    pub docs: BTreeMap<Lang, PathBuf>,
    /// `data.yaml`.
    pub data: Option<PathBuf>,
    /// Other files, relative to `content/`.
    pub assets: Vec<PathBuf>,
}

/// Everything found under `content/`.
#[derive(Debug, Default)]
pub(crate) struct Found {
    /// Page folders, sorted by id.
    pub pages: Vec<FoundPage>,
    /// Problems with names and links, all of them.
    pub errors: Vec<Diagnostic>,
    /// Files ignored with a reason.
    pub warnings: Vec<Diagnostic>,
}

/// Site files at the top of `content/`.
pub(crate) const SITE_FILES: [&str; 4] = [
    "site.yaml",
    "sources.yaml",
    "taxonomies.yaml",
    "glossary.yaml",
];

/// Top-level folder names whose addresses hakusho generates itself.
pub(crate) const RESERVED: [&str; 13] = [
    "ja",
    "en",
    "static",
    "figures",
    "glossary",
    "search",
    "report",
    "regions",
    "fields",
    "programmes",
    "sources",
    "404",
    "feed",
];

/// Walks `content/` in name order (so the result does not depend on the file system).
pub(crate) fn walk(content: &Path) -> Found {
    walk_tree(content, content, None)
}

/// Walks one page folder (`id` relative to content) without its sub-folders, for incremental rebuilds.
/// A folder that no longer exists yields no page.
pub(crate) fn walk_folder(content: &Path, id: &str) -> Found {
    let start = if id.is_empty() {
        content.to_path_buf()
    } else {
        content.join(id)
    };
    if !start.is_dir() {
        return Found::default();
    }
    let mut found = walk_tree(content, &start, Some(1));
    if !id.is_empty()
        && let Err(diag) = check_folder_name(&start, Path::new(id))
    {
        found.errors.push(diag);
    }
    found
}

fn walk_tree(content: &Path, start: &Path, max_depth: Option<usize>) -> Found {
    let root = match content.canonicalize() {
        Ok(root) => root,
        Err(e) => {
            let mut found = Found::default();
            found.errors.push(
                Diagnostic::error(
                    Code::Io,
                    content,
                    format!("the content folder cannot be read: {e}"),
                )
                .ja(format!(
                    "content フォルダーを読めません（{}）",
                    super::read::io_reason_ja(&e)
                )),
            );
            return found;
        }
    };
    let mut walk = Walk {
        content,
        root,
        pages: BTreeMap::new(),
        loose: Vec::new(),
        found: Found::default(),
    };
    let mut walker = WalkDir::new(start).follow_links(false);
    if let Some(depth) = max_depth {
        walker = walker.max_depth(depth);
    }
    let walker = walker
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_debris(&e.file_name().to_string_lossy()));
    for entry in walker {
        match entry {
            Ok(entry) if entry.depth() == 0 => {}
            Ok(entry) => walk.visit(&entry),
            Err(e) => {
                let path = e
                    .path()
                    .map(Path::to_path_buf)
                    .unwrap_or_else(|| content.to_path_buf());
                walk.found.errors.push(
                    Diagnostic::error(Code::Io, path, format!("cannot be read: {e}")).ja(
                        match e.io_error() {
                            Some(io) => format!("読めません（{}）", super::read::io_reason_ja(io)),
                            None => format!("読めません（システムの説明：{e}）"),
                        },
                    ),
                );
            }
        }
    }
    walk.finish()
}

/// What a walk has found so far.
struct Walk<'c> {
    content: &'c Path,
    /// `content`, canonical (symlinks must point inside it).
    root: PathBuf,
    /// Page folders by id.
    pages: BTreeMap<String, FoundPage>,
    /// Files that are neither page files nor site files, relative to `content`: assets if their folder is a
    /// page.
    loose: Vec<PathBuf>,
    found: Found,
}

impl Walk<'_> {
    /// Takes one file or folder below the start.
    fn visit(&mut self, entry: &walkdir::DirEntry) {
        let path = entry.path();
        let Ok(rel) = path.strip_prefix(self.content).map(Path::to_path_buf) else {
            return;
        };
        if entry.path_is_symlink() {
            match symlink_target_inside(path, &self.root) {
                Err(diag) => {
                    self.found.errors.push(diag);
                    return;
                }
                Ok(true) => {
                    self.found.warnings.push(Diagnostic::warning(
                        Code::Symlink,
                        path,
                        "symlinked folders are not followed; this folder is ignored",
                    )
.ja("シンボリックリンクのフォルダーはたどらないため、このフォルダーは無視しました"));
                    return;
                }
                Ok(false) => {}
            }
        } else if entry.file_type().is_dir() {
            if let Err(diag) = check_folder_name(path, &rel) {
                self.found.errors.push(diag);
            }
            return;
        }
        let name = entry.file_name().to_string_lossy().to_string();
        let folder = rel.parent().map(page_id).unwrap_or_default();
        if folder.is_empty() && SITE_FILES.contains(&name.as_str()) {
            return;
        }
        self.file(path, rel, &name, folder);
    }

    /// Sorts a file: a page's text, its data, a misnamed one, or something else (an asset, perhaps).
    fn file(&mut self, path: &Path, rel: PathBuf, name: &str, folder: String) {
        if let Some(lang) = name
            .strip_prefix("index.")
            .and_then(|rest| rest.strip_suffix(".md"))
        {
            match Lang::from_code(lang) {
                Some(lang) => {
                    let page = self.pages.entry(folder.clone()).or_default();
                    page.id = folder;
                    page.docs.insert(lang, path.to_path_buf());
                }
                None => self.found.errors.push(
                    Diagnostic::error(
                        Code::FileName,
                        path,
                        format!("`{lang}` is not a language of this report"),
                    )
                    .with_help("name page files index.ja.md (Japanese) or index.en.md (English)")
                    .ja(format!("`{lang}` はこの報告書の言語ではありません"))
                    .ja_help("ページのファイルは index.ja.md（日本語）か index.en.md（英語）と名付けてください"),
                ),
            }
        } else if name == "index.md"
            || (name.ends_with(".md") && !folder.is_empty() && name.starts_with("index"))
        {
            self.found.errors.push(
                Diagnostic::error(
                    Code::FileName,
                    path,
                    "the file name does not say its language",
                )
                .with_help("rename it to index.ja.md (Japanese) or index.en.md (English)")
                .ja("ファイル名に言語が書かれていません")
                .ja_help("index.ja.md（日本語）か index.en.md（英語）に名前を変えてください"),
            );
        } else if name == "data.yaml" {
            let page = self.pages.entry(folder.clone()).or_default();
            page.id = folder;
            page.data = Some(path.to_path_buf());
        } else if name == "data.yml" {
            self.found.errors.push(
                Diagnostic::error(
                    Code::FileName,
                    path,
                    "page facts must be in a file named data.yaml",
                )
                .with_help("rename data.yml to data.yaml")
                .ja("ページの事実は data.yaml という名前のファイルに書きます")
                .ja_help("data.yml を data.yaml に名前を変えてください"),
            );
        } else if let Some(refused) = super::file_kind::not_regular(path) {
            // A named pipe, socket or device is never opened: reading it could wait for ever or never end
            // (page texts and data are checked the same way where they are read).
            self.found.errors.push(refused);
        } else {
            self.loose.push(rel);
        }
    }

    /// Gives each loose file to its page as an asset (or ignores it, with a warning), and checks that every
    /// page folder has a text.
    fn finish(mut self) -> Found {
        let content = self.content;
        for rel in std::mem::take(&mut self.loose) {
            let folder = rel.parent().map(page_id).unwrap_or_default();
            match self.pages.get_mut(&folder) {
                Some(page) => {
                    let name = rel.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
                    match asset_problem(&name) {
                        Some(problem) => self.found.errors.push(
                            Diagnostic::error(Code::FileName, content.join(&rel), format!("the file name `{name}` cannot be used in an address: {problem}"))
                                .with_help("rename the file using letters, digits, `-`, `_` and `.`")
                                .ja(format!("ファイル名 `{name}` はアドレスに使えません：{}", problem.ja))
                                .ja_help("文字、数字、`-`、`_`、`.` を使った名前に変えてください"),
                        ),
                        None => match super::file_kind::too_large_asset(&content.join(&rel)) {
                            Some(diag) => self.found.errors.push(diag),
                            None => page.assets.push(rel),
                        },
                    }
                }
                None if rel.extension().is_some_and(|e| e == "md") => self.found.warnings.push(
                    Diagnostic::warning(Code::Ignored, content.join(&rel), "ignored: a page is a folder holding index.ja.md and/or index.en.md")
                        .with_help(format!(
                            "move it to {}/index.ja.md or index.en.md",
                            rel.with_extension("").to_string_lossy()
                        ))
                        .ja("無視しました：ページは index.ja.md や index.en.md を入れたフォルダーです")
                        .ja_help(format!(
                            "{}/index.ja.md か index.en.md に移してください",
                            rel.with_extension("").to_string_lossy()
                        )),
                ),
                None => self.found.warnings.push(Diagnostic::warning(Code::Ignored,
                    content.join(&rel),
                    "ignored: this file is not in a page folder (a folder with index.ja.md or index.en.md)",
                ).ja("無視しました：このファイルはページのフォルダー（index.ja.md や index.en.md のあるフォルダー）にありません")),
            }
        }
        for (id, page) in &self.pages {
            if page.docs.is_empty() {
                let at = page.data.clone().unwrap_or_else(|| content.join(id));
                self.found.errors.push(
                    Diagnostic::error(
                        Code::Structure,
                        at,
                        "this folder has data.yaml but no index.ja.md or index.en.md",
                    )
                    .with_help("add the page text in index.ja.md and/or index.en.md")
                    .ja("このフォルダーには data.yaml がありますが、index.ja.md も index.en.md もありません")
                    .ja_help("ページの本文を index.ja.md や index.en.md に書いてください"),
                );
            }
        }
        self.found.pages = self
            .pages
            .into_values()
            .filter(|p| !p.docs.is_empty())
            .collect();
        self.found
    }
}

/// Editor debris and hidden files: `.#x`, `x~`, `#x#`, `.DS_Store`, `*.swp`, anything starting with `.`.
pub(crate) fn is_debris(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || [".swp", ".swo", ".swx", ".tmp", ".bak", ".orig"]
            .iter()
            .any(|ext| name.ends_with(ext))
        || name == "Thumbs.db"
        || name == "desktop.ini"
}

fn check_folder_name(path: &Path, rel: &Path) -> Result<(), Diagnostic> {
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    if let Some(problem) = slug_problem(&name) {
        return Err(Diagnostic::error(
            Code::FileName,
            path,
            format!("the folder name `{name}` cannot be used in an address: {problem}"),
        )
        .ja(format!(
            "フォルダー名 `{name}` はアドレスに使えません：{}",
            problem.ja
        )));
    }
    if rel.components().count() == 1 && RESERVED.contains(&name.as_str()) {
        return Err(Diagnostic::error(
            Code::FileName,
            path,
            format!(
                "`{name}` is an address hakusho generates itself (/ja/{name}/); choose another folder name"
            ),
        )
        .ja(format!(
            "`{name}` は hakusho が自分で作るアドレスです（/ja/{name}/）。別のフォルダー名にしてください"
        )));
    }
    Ok(())
}

/// `Ok(true)` for a symlinked folder inside content, `Ok(false)` for a symlinked file inside content,
/// an error for a link that leaves content or does not resolve.
fn symlink_target_inside(path: &Path, root: &Path) -> Result<bool, Diagnostic> {
    match path.canonicalize() {
        Ok(target) if target.starts_with(root) => Ok(target.is_dir()),
        Ok(_) => Err(Diagnostic::error(
            Code::Symlink,
            path,
            "this symlink points outside the content folder; hakusho does not read it",
        )
        .with_help("copy the file into content/ instead of linking to it")
        .ja("このシンボリックリンクは content フォルダーの外を指しているため、読みません")
        .ja_help("リンクではなく、ファイルを content/ にコピーしてください")),
        Err(e) => Err(Diagnostic::error(
            Code::Symlink,
            path,
            format!("this symlink cannot be followed ({e})"),
        )
        .with_help("remove the broken or looping link")
        .ja(format!(
            "このシンボリックリンクはたどれません（{}）",
            super::read::io_reason_ja(&e)
        ))
        .ja_help("壊れたリンク、または輪になったリンクを消してください")),
    }
}

fn page_id(folder: &Path) -> String {
    folder
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debris_is_recognised() {
        for name in [
            ".#a.md",
            "a.md~",
            ".DS_Store",
            ".index.ja.md.swp",
            "#a.md#",
            "x.swp",
        ] {
            assert!(is_debris(name), "{name}");
        }
        for name in ["index.ja.md", "photo.jpg", "data.yaml"] {
            assert!(!is_debris(name), "{name}");
        }
    }
}
