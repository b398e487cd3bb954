//! Placeholders left in a file: every `TODO`, anywhere in it (text, front matter, YAML comments). The
//! scaffolds of `hakusho new` mark each value an editor must replace (the text, the date, the pre-filled
//! chapter and source) with one, so `check` names them until they are gone.

use std::path::Path;

use crate::diag::{Code, Diagnostic, LineIndex, Position};

/// Finds `TODO` (long: a prebuilt searcher).
static TODO: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"TODO"));

/// Where each `TODO` of `text` is (line and column of its `T`).
pub(crate) fn positions(text: &str) -> Vec<Position> {
    let Some(first) = TODO.find(text.as_bytes()) else {
        return Vec::new();
    };
    let index = LineIndex::new(text);
    std::iter::once(first)
        .chain(
            TODO.find_iter(&text.as_bytes()[first + 4..])
                .map(|i| first + 4 + i),
        )
        .map(|offset| index.position(offset))
        .collect()
}

/// A warning for the file `path` at its first placeholder, naming the lines of all of them; `None` if
/// there are none.
pub(crate) fn warning(path: &Path, at: &[Position]) -> Option<Diagnostic> {
    let first = at.first()?;
    let mut lines: Vec<usize> = at.iter().map(|p| p.line).collect();
    lines.dedup();
    let shown: Vec<String> = lines.iter().take(8).map(|l| l.to_string()).collect();
    let more = if lines.len() > shown.len() {
        ", …"
    } else {
        ""
    };
    let (count, lines_word) = match (at.len(), lines.len()) {
        (1, _) => ("a TODO placeholder is".to_string(), "line"),
        (n, 1) => (format!("{n} TODO placeholders are"), "line"),
        (n, _) => (format!("{n} TODO placeholders are"), "lines"),
    };
    Some(
        Diagnostic::warning(
            Code::Todo,
            path,
            format!(
                "{count} left in this file ({lines_word} {}{more})",
                shown.join(", ")
            ),
        )
        .at(first.line, first.column)
        .with_help("replace each with the real text or value and delete its TODO before publishing")
        .ja(format!(
            "このファイルには TODO の仮の記述が {} 件残っています（{} 行目{}）",
            at.len(),
            shown.join("、"),
            if more.is_empty() { "" } else { "ほか" }
        ))
        .ja_help("公開する前に、それぞれを本当の文や値に置き換え、TODO を消してください"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_todo_is_found_where_it_stands() {
        assert_eq!(positions("no placeholders"), Vec::new());
        assert_eq!(
            positions("---\ntitle: TODO 名前\ndate: 2026-12-05  # TODO\n---\nTODO TODO\n"),
            vec![
                Position { line: 2, column: 8 },
                Position {
                    line: 3,
                    column: 21
                },
                Position { line: 5, column: 1 },
                Position { line: 5, column: 6 },
            ]
        );
    }

    #[test]
    fn the_warning_counts_and_lists_lines() {
        let path = Path::new("a/index.ja.md");
        assert!(warning(path, &[]).is_none());
        let one = warning(path, &[Position { line: 2, column: 8 }]).unwrap();
        assert_eq!(
            one.message,
            "a TODO placeholder is left in this file (line 2)"
        );
        let at = positions("TODO TODO\nx\nTODO\n");
        let many = warning(path, &at).unwrap();
        assert_eq!(
            many.message,
            "3 TODO placeholders are left in this file (lines 1, 3)"
        );
        let at: Vec<Position> = (1..=10).map(|line| Position { line, column: 1 }).collect();
        assert_eq!(
            warning(path, &at).unwrap().message,
            "10 TODO placeholders are left in this file (lines 1, 2, 3, 4, 5, 6, 7, 8, …)"
        );
    }
}
