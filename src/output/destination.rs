//! Which folders `build` may replace: decided before anything is touched, on the real paths of both sides
//! (every symlink resolved), so that no spelling of a path lets a build replace the project or its sources.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::MARKER;
use crate::diag::{Code, Diagnostic};
use crate::load::file_kind::kind_words;

/// Refuses destinations whose replacement would destroy something: `/`, the home folder, the project,
/// `content/`, `themes/`, a folder holding `.git` or `site.yaml`, a symlink, anything that is not a folder,
/// or a non-empty folder that hakusho did not make (unless `force`). `content` is the content folder as
/// given; the project is the folder holding it, both as written and as its symlinks resolve.
pub fn refuse_destination(
    dest: &Path,
    project_root: &Path,
    content: &Path,
    force: bool,
) -> Result<(), Diagnostic> {
    let refuse = |why: &str, why_ja: &str| {
        Err(Diagnostic::general(
            Code::Output,
            format!(
                "refusing to use {} as the output folder: {why}",
                dest.display()
            ),
        )
        .with_help("choose a dedicated folder, e.g. --output output")
        .ja(format!(
            "{} は出力フォルダーに使えません：{why_ja}",
            dest.display()
        ))
        .ja_help("出力専用のフォルダーを指定してください（例：--output output）"))
    };
    if dest.as_os_str().is_empty() {
        return refuse("no folder given", "フォルダーが指定されていません");
    }
    let meta = fs::symlink_metadata(dest).ok();
    if let Some(meta) = &meta {
        if meta.file_type().is_symlink() {
            return refuse("it is a symlink", "シンボリックリンクです");
        }
        if !meta.is_dir() {
            let (what, what_ja) = kind_of(&meta.file_type());
            return refuse(&format!("it is {what}"), &format!("{what_ja}です"));
        }
    }
    let abs = real(dest);
    if abs.parent().is_none() {
        return refuse(
            "it is the root of the file system",
            "ファイルシステムのいちばん上（ルート）です",
        );
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && abs == real(&home)
    {
        return refuse("it is your home folder", "ホームフォルダーです");
    }
    // The project and its content as they really are (`--content` may be reached through a symlink).
    let real_content = real(content);
    let root = real(project_root);
    if abs == root {
        return refuse("it is the project folder", "プロジェクトのフォルダーです");
    }
    if root.starts_with(&abs) {
        return refuse(
            "it contains the project",
            "プロジェクトを含むフォルダーです",
        );
    }
    let mut protected: Vec<(String, PathBuf)> = ["content", "themes", "src", "tests", ".git"]
        .iter()
        .map(|name| (name.to_string(), real(&root.join(name))))
        .collect();
    protected.push(("content".to_string(), real_content));
    for (name, p) in &protected {
        if abs.starts_with(p) {
            return refuse(
                &format!("it is inside {name}/"),
                &format!("{name}/ の中です"),
            );
        }
        if p.starts_with(&abs) && (name == "content" || name == "themes") {
            return refuse(
                &format!("it contains {name}/"),
                &format!("{name}/ を含むフォルダーです"),
            );
        }
    }
    if meta.is_some() {
        if abs.join(".git").exists() {
            return refuse("it holds a .git folder", ".git フォルダーが入っています");
        }
        if abs.join("site.yaml").exists() || abs.join("Cargo.toml").exists() {
            return refuse(
                "it holds a site.yaml or Cargo.toml",
                "site.yaml か Cargo.toml が入っています",
            );
        }
        let empty = fs::read_dir(&abs)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty && !abs.join(MARKER).exists() && !force {
            return Err(Diagnostic::general(
                Code::Output,
                format!(
                    "refusing to replace {}: it is not empty and was not made by hakusho",
                    dest.display()
                ),
            )
            .with_help(
                "choose another --output, empty the folder, or pass --force to replace it",
            )
            .ja(format!(
                "{} は空ではなく、hakusho が作ったフォルダーでもないため、置き換えません",
                dest.display()
            ))
            .ja_help(
                "別の --output を指定するか、フォルダーを空にするか、置き換えてよければ --force を付けてください",
            ));
        }
    }
    Ok(())
}

/// What a file that is not a folder is, in words (English, Japanese): [`kind_words`], with a regular file
/// said to be one instead of a folder.
pub(crate) fn kind_of(t: &fs::FileType) -> (&'static str, &'static str) {
    match kind_words(t) {
        ("a file", _) => ("a file", "フォルダーではなくファイル"),
        ("not a regular file", _) => ("not a folder", "フォルダーではないもの"),
        words => words,
    }
}

/// The absolute path with every symlink resolved: the longest part that exists is canonicalised, the rest
/// (not yet made) is appended with `.` and `..` applied.
pub(crate) fn real(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut existing = joined.as_path();
    let mut rest: Vec<Component<'_>> = Vec::new();
    let base = loop {
        if let Ok(canonical) = existing.canonicalize() {
            break canonical;
        }
        match (existing.parent(), existing.components().next_back()) {
            (Some(parent), Some(last)) => {
                rest.push(last);
                existing = parent;
            }
            _ => break PathBuf::from("/"),
        }
    };
    let mut out = base;
    for c in rest.into_iter().rev() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
            Component::Normal(name) => out.push(name),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_paths_resolve_what_exists_and_keep_the_rest() {
        let tmp = std::env::temp_dir().join(format!("hakusho-real-{}", std::process::id()));
        fs::create_dir_all(tmp.join("a")).unwrap();
        let link = tmp.join("l");
        let _ = fs::remove_file(&link);
        std::os::unix::fs::symlink(tmp.join("a"), &link).unwrap();
        let base = tmp.canonicalize().unwrap();
        assert_eq!(real(&link.join("x/../y")), base.join("a/y"));
        assert_eq!(real(&link), base.join("a"));
        fs::remove_dir_all(&tmp).unwrap();
    }
}
