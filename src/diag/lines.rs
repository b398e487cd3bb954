//! Positions in a text: the line and column (in characters) of a byte offset.

use super::Position;

/// Line and column (1-based, columns in characters) of a byte offset in `text`.
pub fn position_of(text: &str, byte_offset: usize) -> Position {
    let offset = byte_offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    Position { line, column }
}

/// Positions of many byte offsets in one text. Offsets asked in order (the usual case) continue from the
/// previous answer, so the text is scanned once in all; line starts are indexed only if an earlier offset
/// is asked after a later one.
#[derive(Debug, Clone)]
pub struct LineIndex<'t> {
    text: &'t str,
    /// Line, byte offset and column of the last answer.
    last: std::cell::Cell<(usize, usize, usize)>,
    /// Where each line starts, made on the first step backwards.
    starts: std::cell::OnceCell<Vec<usize>>,
}

impl<'t> LineIndex<'t> {
    /// Indexes `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        LineIndex {
            text,
            last: std::cell::Cell::new((1, 0, 1)),
            starts: std::cell::OnceCell::new(),
        }
    }

    /// Line and column (1-based, columns in characters) of a byte offset.
    pub fn position(&self, byte_offset: usize) -> Position {
        let mut offset = byte_offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let (mut line, mut from, mut column) = self.last.get();
        if offset < from {
            // Back to the start of the line holding `offset`.
            let starts = self.starts.get_or_init(|| {
                let mut starts = vec![0];
                starts.extend(memchr::memchr_iter(b'\n', self.text.as_bytes()).map(|i| i + 1));
                starts
            });
            line = starts.partition_point(|&s| s <= offset).max(1);
            from = starts[line - 1];
            column = 1;
        }
        let gap = &self.text[from..offset];
        match memchr::memrchr(b'\n', gap.as_bytes()) {
            Some(last_newline) => {
                line += memchr::memchr_iter(b'\n', gap.as_bytes()).count();
                column = gap[last_newline + 1..].chars().count() + 1;
            }
            None => column += gap.chars().count(),
        }
        self.last.set((line, offset, column));
        Position { line, column }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "一行目\n神戸: x\n";
        assert_eq!(position_of(text, 0), Position { line: 1, column: 1 });
        let x = text.find('x').unwrap();
        assert_eq!(position_of(text, x), Position { line: 2, column: 5 });
    }

    #[test]
    fn line_index_agrees_with_position_of() {
        let text = "一行目\n神戸: x\n\nend";
        let index = LineIndex::new(text);
        for offset in 0..=text.len() {
            if text.is_char_boundary(offset) {
                assert_eq!(
                    index.position(offset),
                    position_of(text, offset),
                    "{offset}"
                );
            }
        }
        // Backwards, and jumping about.
        for offset in (0..=text.len()).rev().chain([3, 17, 0, 12, 4]) {
            if text.is_char_boundary(offset) {
                assert_eq!(
                    index.position(offset),
                    position_of(text, offset),
                    "{offset}"
                );
            }
        }
    }
}
