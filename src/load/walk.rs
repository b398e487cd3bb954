//! Which files in `content/` are content: page folders with `index.<lang>.md`, their `data.yaml` and assets,
//! and the site files at the top. Refuses unsafe names and symlinks that leave `content/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

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
            found.errors.push(Diagnostic::error(
                Code::Io,
                content,
                format!("the content folder cannot be read: {e}"),
            ));
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
                walk.found.errors.push(Diagnostic::error(
                    Code::Io,
                    path,
                    format!("cannot be read: {e}"),
                ));
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
                    ));
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
                    .with_help("name page files index.ja.md (Japanese) or index.en.md (English)"),
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
                .with_help("rename it to index.ja.md (Japanese) or index.en.md (English)"),
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
                .with_help("rename data.yml to data.yaml"),
            );
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
                                .with_help("rename the file using letters, digits, `-`, `_` and `.`"),
                        ),
                        None => page.assets.push(rel),
                    }
                }
                None if rel.extension().is_some_and(|e| e == "md") => self.found.warnings.push(
                    Diagnostic::warning(Code::Ignored, content.join(&rel), "ignored: a page is a folder holding index.ja.md and/or index.en.md")
                        .with_help(format!(
                            "move it to {}/index.ja.md or index.en.md",
                            rel.with_extension("").to_string_lossy()
                        )),
                ),
                None => self.found.warnings.push(Diagnostic::warning(Code::Ignored,
                    content.join(&rel),
                    "ignored: this file is not in a page folder (a folder with index.ja.md or index.en.md)",
                )),
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
                    .with_help("add the page text in index.ja.md and/or index.en.md"),
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

/// Whether a folder name can be part of an address. Returns the reason if not.
pub(crate) fn slug_problem(name: &str) -> Option<String> {
    name_problem(name, "use letters, digits, `-` and `_`")
}

/// Whether `name` can be part of an address; `allowed` says which characters are (for the reason).
fn name_problem(name: &str, allowed: &str) -> Option<String> {
    if name.is_empty() {
        return Some("the name is empty".into());
    }
    if name == "." || name == ".." || name.contains("..") {
        return Some("`..` is not allowed in a name".into());
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_alphanumeric() || *c == '-' || *c == '_'))
    {
        let shown = if c.is_control() || c == '\0' {
            format!("U+{:04X}", c as u32)
        } else {
            c.to_string()
        };
        return Some(format!("`{shown}` is not allowed; {allowed}"));
    }
    if !unicode_normalization::is_nfc(name) {
        return Some(format!(
            "the name is not in composed Unicode form (NFC); retype it as `{}`",
            unicode_normalization::UnicodeNormalization::nfc(name).collect::<String>()
        ));
    }
    if name.chars().any(char::is_uppercase) {
        return Some(format!(
            "upper-case letters are not allowed, so that addresses do not depend on case; use `{}`",
            name.to_lowercase()
        ));
    }
    if name.chars().count() > 80 || name.len() > 200 {
        return Some("the name is too long (at most 80 characters)".into());
    }
    None
}

/// Whether a file in a page folder can be published next to the page. Returns the reason if not.
pub(crate) fn asset_problem(name: &str) -> Option<String> {
    let stem = name.replace('.', "");
    if name.starts_with('.') || name.ends_with('.') {
        return Some("a name may not start or end with `.`".into());
    }
    if name.eq_ignore_ascii_case("index.html") {
        return Some("`index.html` is the page itself".into());
    }
    if name.chars().any(char::is_uppercase) {
        return Some(format!(
            "upper-case letters are not allowed, so that addresses do not depend on case; use `{}`",
            name.to_lowercase()
        ));
    }
    name_problem(&stem, "use letters, digits, `-`, `_` and `.`")
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
        ));
    }
    if rel.components().count() == 1 && RESERVED.contains(&name.as_str()) {
        return Err(Diagnostic::error(
            Code::FileName,
            path,
            format!(
                "`{name}` is an address hakusho generates itself (/ja/{name}/); choose another folder name"
            ),
        ));
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
        .with_help("copy the file into content/ instead of linking to it")),
        Err(e) => Err(Diagnostic::error(
            Code::Symlink,
            path,
            format!("this symlink cannot be followed ({e})"),
        )
        .with_help("remove the broken or looping link")),
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

    #[test]
    fn asset_names() {
        assert_eq!(asset_problem("photo.jpg"), None);
        assert_eq!(asset_problem("神戸-1.png"), None);
        assert!(asset_problem("index.html").is_some());
        assert!(asset_problem("a b.png").is_some());
        assert!(asset_problem(".htaccess").is_some());
        assert!(asset_problem("x\"onload.png").is_some());
    }

    #[test]
    fn decomposed_unicode_is_refused() {
        assert_eq!(slug_problem("が"), None);
        assert!(slug_problem("か\u{3099}").is_some());
        assert!(
            slug_problem("\u{1112}\u{1161}\u{11AB}")
                .unwrap()
                .contains("NFC")
        );
    }

    #[test]
    fn slugs_keep_japanese_and_refuse_paths() {
        assert_eq!(slug_problem("kobe"), None);
        assert_eq!(slug_problem("神戸"), None);
        assert_eq!(slug_problem("case_2-b"), None);
        assert!(slug_problem("..").is_some());
        assert!(slug_problem("a b").is_some());
        assert!(slug_problem("a\\b").is_some());
        assert!(slug_problem("a\0b").unwrap().contains("U+0000"));
        assert!(slug_problem("Kobe").unwrap().contains("`kobe`"));
        assert!(slug_problem(&"神".repeat(81)).is_some());
    }
}
