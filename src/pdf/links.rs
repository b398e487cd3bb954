//! Links inside the PDF, resolved once the edition is written: a document's markup marks where a link's
//! target goes (see [`LINK_MARK`]) because only the whole edition knows which labels it has.

use std::collections::HashSet;

use super::escape::{LINK_MARK, push_string};
use super::placed::Placed;

/// `text` with each mark replaced by its link's target: `label("…")` if the edition defines the label, else
/// the address on the site (a case PDF links to the other cases on the web). Documents keep their places in
/// the text: what comes after a mark moves by the difference, and `placed` is moved with it.
pub(crate) fn resolve(
    text: &str,
    links: &[(String, String)],
    labels: &HashSet<String>,
    placed: &mut [Placed],
) -> String {
    let mark = LINK_MARK.len_utf8();
    let mut out = String::with_capacity(text.len() + links.len() * 16);
    // (offset in `text` just after a mark's end, the total shift from there on)
    let mut shifts: Vec<(usize, isize)> = Vec::new();
    let mut delta: isize = 0;
    let mut consumed = 0;
    let mut rest = text;
    while let Some(at) = rest.find(LINK_MARK) {
        let after = &rest[at + mark..];
        let Some(end) = after.find(LINK_MARK) else {
            break;
        };
        out.push_str(&rest[..at]);
        let written_from = out.len();
        match after[..end]
            .parse::<usize>()
            .ok()
            .and_then(|n| links.get(n))
        {
            Some((label, _)) if labels.contains(label) => {
                out.push_str("label(");
                push_string(&mut out, label);
                out.push(')');
            }
            Some((_, fallback)) => push_string(&mut out, fallback),
            None => out.push_str("\"\""),
        }
        let mark_len = 2 * mark + end;
        delta += (out.len() - written_from) as isize - mark_len as isize;
        consumed += at + mark_len;
        shifts.push((consumed, delta));
        rest = &after[end + mark..];
    }
    out.push_str(rest);
    let moved = |offset: usize| -> usize {
        let before = shifts.partition_point(|(p, _)| *p <= offset);
        let d = if before == 0 { 0 } else { shifts[before - 1].1 };
        offset.saturating_add_signed(d)
    };
    for placed in placed {
        let (old_start, old_end) = (placed.start, placed.start + placed.len);
        placed.start = moved(old_start);
        placed.len = moved(old_end) - placed.start;
        for (at, _) in &mut placed.origins {
            *at = moved(old_start + *at) - placed.start;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lang::Lang;

    fn marked(n: usize) -> String {
        format!("{LINK_MARK}{n}{LINK_MARK}")
    }

    #[test]
    fn marks_become_labels_or_addresses_and_places_follow() {
        let links = vec![
            ("fig-a".to_string(), "/ja/a/#fig-a".to_string()),
            ("case-b".to_string(), "/ja/cases/b/".to_string()),
        ];
        let labels: HashSet<String> = ["fig-a".to_string()].into();
        let first = format!("#link({})[A] and ", marked(0));
        let second = format!("#link({})[B] end", marked(1));
        let text = format!("head {first}{second}");
        // One document covering both links; its origins point at "[A]", " and ", "[B]" and "end".
        let at = |needle: &str| text.find(needle).unwrap();
        let doc_start = at("#link");
        let mut placed = vec![Placed {
            start: doc_start,
            len: text.len() - doc_start,
            page: "a".into(),
            doc_lang: Lang::Ja,
            origins: ["[A]", " and", "[B]", "end"]
                .iter()
                .enumerate()
                .map(|(i, n)| (at(n) - doc_start, i))
                .collect(),
        }];
        let out = resolve(&text, &links, &labels, &mut placed);
        assert_eq!(
            out,
            "head #link(label(\"fig-a\"))[A] and #link(\"/ja/cases/b/\")[B] end"
        );
        let p = &placed[0];
        assert_eq!(
            &out[p.start..p.start + p.len],
            &out[out.find("#link").unwrap()..]
        );
        let found: Vec<&str> = p
            .origins
            .iter()
            .map(|(o, _)| &out[p.start + o..][..3])
            .collect();
        assert_eq!(found, ["[A]", " an", "[B]", "end"]);
    }

    #[test]
    fn text_without_marks_and_broken_marks_are_kept_or_emptied() {
        let mut none: Vec<Placed> = Vec::new();
        assert_eq!(resolve("plain", &[], &HashSet::new(), &mut none), "plain");
        let unknown = format!("x{}y", marked(7));
        assert_eq!(resolve(&unknown, &[], &HashSet::new(), &mut none), "x\"\"y");
        let unclosed = format!("x{LINK_MARK}3");
        assert_eq!(
            resolve(&unclosed, &[], &HashSet::new(), &mut none),
            unclosed
        );
    }
}
