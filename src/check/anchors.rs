//! Every `#anchor` written in content must exist on the page it points to.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::diag::{Code, Diagnostic, did_you_mean};
use crate::model::lang::Lang;
use crate::model::site::Site;
use crate::render::{Anchors, RenderedPage};

/// The links whose `#fragment` names no id on their target page. With `only`, just the links from or to
/// those pages are checked (the others were checked before and have not changed).
pub fn broken_anchors(
    site: &Site,
    rendered: &[Arc<RenderedPage>],
    only: Option<&HashSet<String>>,
) -> Vec<Diagnostic> {
    let anchors: HashMap<(&str, Lang), &Anchors> = rendered
        .iter()
        .map(|r| ((r.page_id.as_str(), r.lang), &r.anchors))
        .collect();
    let mut errors = Vec::new();
    for r in rendered.iter().filter(|r| !r.is_fallback) {
        let Some(page) = site.page(&r.page_id) else {
            continue;
        };
        let from_changed = only.is_none_or(|ids| ids.contains(&r.page_id));
        let (doc, _) = page.doc_for(r.lang);
        for (link, target) in &r.links {
            let (Some(fragment), Some(target_id)) = (&target.fragment, target.page_id.as_deref())
            else {
                continue;
            };
            if !from_changed && only.is_some_and(|ids| !ids.contains(target_id)) {
                continue;
            }
            let lang = target
                .path
                .split('/')
                .next()
                .and_then(Lang::from_code)
                .unwrap_or(r.lang);
            let Some(ids) = anchors.get(&(target_id, lang)) else {
                continue;
            };
            if !ids.contains(fragment) {
                errors.push(
                    Diagnostic::error(
                        Code::BrokenAnchor,
                        &doc.path,
                        format!(
                            "broken link `{}`: the page has no anchor `#{fragment}`",
                            link.written
                        ),
                    )
                    .at(link.position.line, link.position.column)
                    .with_help(match did_you_mean(fragment, ids.iter()) {
                        Some(near) => format!(
                            "did you mean `#{near}`? anchors come from headings (## 概要 → #概要) or {{#id}} after a heading"
                        ),
                        None => "anchors come from headings (## 概要 → #概要) or {#id} after a heading".to_string(),
                    })
                    .ja(format!(
                        "リンク `{}` は切れています。リンク先のページにアンカー `#{fragment}` がありません",
                        link.written
                    ))
                    .ja_help(match did_you_mean(fragment, ids.iter()) {
                        Some(near) => format!(
                            "`#{near}` のことですか？ アンカーは見出し（## 概要 → #概要）か、見出しの後の {{#id}} から作られます"
                        ),
                        None => "アンカーは見出し（## 概要 → #概要）か、見出しの後の {#id} から作られます".to_string(),
                    }),
                );
            }
        }
    }
    errors
}
