//! Files a browser would run (HTML, SVG, scripts) beside pages: refused unless `site.yaml` allows them with
//! `allow_active_files: true`, since a file published as it is would run on the report's own origin.

use std::path::Path;

use super::walk::FoundPage;
use crate::diag::{Code, Diagnostic};

/// Extensions of files a browser runs or renders as a document, compared in lower case.
const ACTIVE: [&str; 6] = ["html", "htm", "xhtml", "svg", "js", "mjs"];

/// Whether a file beside a page is one a browser would run.
pub(crate) fn is_active(path: &Path) -> bool {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .is_some_and(|e| ACTIVE.contains(&e.as_str()))
}

/// An error for each active file beside these pages, unless they are allowed.
pub(crate) fn refuse_active(content: &Path, pages: &[FoundPage], allowed: bool) -> Vec<Diagnostic> {
    if allowed {
        return Vec::new();
    }
    pages
        .iter()
        .flat_map(|p| p.assets.iter())
        .filter(|rel| is_active(rel))
        .map(|rel| {
            Diagnostic::error(
                Code::FileName,
                content.join(rel),
                "files a browser would run (.html, .htm, .xhtml, .svg, .js, .mjs) are not published beside pages",
            )
            .with_help(
                "put the picture in a chart or an image (PNG, JPEG), or, if the file is meant to be published as it is, write `allow_active_files: true` in site.yaml",
            )
            .ja("ブラウザーが実行するファイル（.html、.htm、.xhtml、.svg、.js、.mjs）はページと一緒に公開しません")
            .ja_help(
                "図や画像（PNG、JPEG）にするか、そのまま公開するファイルなら site.yaml に `allow_active_files: true` と書いてください",
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_files_are_known_whatever_their_case() {
        for name in ["a.html", "a.HTM", "a.xhtml", "a.Svg", "a.js", "a.MJS"] {
            assert!(is_active(Path::new(name)), "{name}");
        }
        for name in ["a.png", "a.pdf", "a.json", "html", "a.svgz"] {
            assert!(!is_active(Path::new(name)), "{name}");
        }
    }
}
