//! Adding a chapter to `chapters:` in `site.yaml` by editing its text, so that the editor's comments,
//! quoting and layout stay as they were. Two forms are understood: a one-line list (`chapters: [a, b]`) and
//! a block list (`- a` lines below `chapters:`); anything else is left to the editor.

/// `text` with `slug` put into the `chapters:` list after the chapter `after` (or at the end), or `None`
/// when the list is not written in a form this understands. `chapters` is the list as parsed.
pub(super) fn with_chapter(
    text: &str,
    chapters: &[String],
    slug: &str,
    after: Option<&str>,
) -> Option<String> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let key = lines.iter().position(|l| l.starts_with("chapters:"))?;
    let (value, comment) = split_comment(&lines[key]["chapters:".len()..]);
    let value = value.trim();
    let mut out: Vec<String> = lines.iter().map(|l| l.to_string()).collect();
    if value.starts_with('[') && value.ends_with(']') {
        let mut list: Vec<&str> = chapters.iter().map(String::as_str).collect();
        let at = match after {
            Some(a) => list.iter().position(|c| *c == a)? + 1,
            None => list.len(),
        };
        list.insert(at, slug);
        let ending = line_ending(lines[key]);
        let comment = comment.map(|c| format!("  {c}")).unwrap_or_default();
        out[key] = format!("chapters: [{}]{comment}{ending}", list.join(", "));
    } else if value.is_empty() {
        // The block list: `- name` lines (blank and comment lines may sit between them).
        let mut items: Vec<(usize, &str, String)> = Vec::new();
        for (i, line) in lines.iter().enumerate().skip(key + 1) {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            let Some(item) = line.trim_start().strip_prefix("- ") else {
                break;
            };
            let indent = &line[..line.len() - line.trim_start().len()];
            let (name, _) = split_comment(item);
            items.push((i, indent, unquote(name.trim()).to_string()));
        }
        let (last, indent, _) = items.last()?;
        let (line, indent) = match after {
            Some(a) => {
                let (i, indent, _) = items.iter().find(|(_, _, name)| name == a)?;
                (*i, *indent)
            }
            None => (*last, *indent),
        };
        let ending = line_ending(lines[line]);
        if !lines[line].ends_with('\n') {
            out[line].push('\n');
        }
        out.insert(line + 1, format!("{indent}- {slug}{ending}"));
    } else {
        return None;
    }
    Some(out.concat())
}

/// A YAML line's value and its comment (`# …`, after a space), if any.
fn split_comment(value: &str) -> (&str, Option<&str>) {
    let value = value.trim_end_matches(['\n', '\r']);
    match value.find(" #") {
        Some(i) => (&value[..i], Some(value[i + 1..].trim())),
        None => (value, None),
    }
}

fn unquote(name: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = name.strip_prefix(q).and_then(|n| n.strip_suffix(q)) {
            return inner;
        }
    }
    name
}

fn line_ending(line: &str) -> &'static str {
    if line.ends_with("\r\n") { "\r\n" } else { "\n" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chapters(list: &[&str]) -> Vec<String> {
        list.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn a_one_line_list_gets_the_chapter_where_asked() {
        let text = "title: T\nchapters: [a, b]   # the order of the report\ncover: {}\n";
        let ab = chapters(&["a", "b"]);
        assert_eq!(
            with_chapter(text, &ab, "n", None).unwrap(),
            "title: T\nchapters: [a, b, n]  # the order of the report\ncover: {}\n"
        );
        assert_eq!(
            with_chapter(text, &ab, "n", Some("a")).unwrap(),
            "title: T\nchapters: [a, n, b]  # the order of the report\ncover: {}\n"
        );
        assert_eq!(
            with_chapter("chapters: []", &[], "n", None).unwrap(),
            "chapters: [n]\n"
        );
        assert_eq!(with_chapter(text, &ab, "n", Some("zz")), None);
    }

    #[test]
    fn a_block_list_gets_a_line_in_the_same_style() {
        let text = "chapters:\n  - a   # first\n\n  # the hubs\n  - \"b\"\ncover: {}\n";
        let ab = chapters(&["a", "b"]);
        assert_eq!(
            with_chapter(text, &ab, "n", None).unwrap(),
            "chapters:\n  - a   # first\n\n  # the hubs\n  - \"b\"\n  - n\ncover: {}\n"
        );
        assert_eq!(
            with_chapter(text, &ab, "n", Some("a")).unwrap(),
            "chapters:\n  - a   # first\n  - n\n\n  # the hubs\n  - \"b\"\ncover: {}\n"
        );
        assert_eq!(
            with_chapter("chapters:\r\n- a\r\n- b", &ab, "n", None).unwrap(),
            "chapters:\r\n- a\r\n- b\n- n\n"
        );
    }

    #[test]
    fn other_forms_are_left_alone() {
        let ab = chapters(&["a", "b"]);
        assert_eq!(with_chapter("title: T\n", &ab, "n", None), None);
        assert_eq!(with_chapter("chapters: [a,\n  b]\n", &ab, "n", None), None);
        assert_eq!(with_chapter("chapters: &x [a, b]\n", &ab, "n", None), None);
        assert_eq!(with_chapter("chapters:\n", &[], "n", None), None);
    }
}
