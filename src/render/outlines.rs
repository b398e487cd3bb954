//! The headings that `@sec:` references point into, found before rendering (a page may refer to a section
//! of a page rendered after it, or later in its own text).

use std::collections::HashMap;

use crate::markdown::RefKind;
use crate::markdown::headings::{Heading, outline};
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::site::Site;

/// The headings (`##` and deeper) of the documents some `@sec:` reference points into, by page id and the
/// document's own language, found before rendering.
pub type Outlines = HashMap<(String, Lang), Vec<Heading>>;

/// The outlines of every page a `@sec:` reference points into (a reference without a page points into its
/// own), in both languages.
pub fn outlines(site: &Site) -> Outlines {
    let finder = memchr::memmem::Finder::new(RefKind::Section.prefix().as_bytes());
    let mut wanted: Vec<&Page> = Vec::new();
    for page in &site.pages {
        for doc in page.docs.ja.iter().chain(page.docs.en.iter()) {
            for at in finder.find_iter(doc.body.as_bytes()) {
                let after = &doc.body[at + RefKind::Section.prefix().len()..];
                let target = RefKind::Section.target_of(after);
                let id = target.split('#').next().unwrap_or("").trim_matches('/');
                let target_page = if id.is_empty() {
                    Some(&**page)
                } else {
                    site.page(id)
                };
                if let Some(p) = target_page
                    && !wanted.iter().any(|w| std::ptr::eq(*w, p))
                {
                    wanted.push(p);
                }
            }
        }
    }
    let mut out = Outlines::new();
    for page in wanted {
        for lang in Lang::ALL {
            if let Some(doc) = page.docs.get(lang) {
                out.insert((page.id.clone(), lang), outline(&doc.body));
            }
        }
    }
    out
}
