//! Checks of the Markdown tables given a caption line (`Table: … {#id}`) that need more than one file:
//! their ids are shared with the charts and tables of every `data.yaml`, and a caption is given in both
//! languages.

use std::collections::HashMap;

use crate::diag::{Code, Diagnostic};
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::model::site::Site;

/// Each captioned table's id is unused by any chart or table (`ids`: those of every `data.yaml`, with their
/// page); a page's two languages give each id once.
pub(super) fn check_ids<'s>(
    site: &'s Site,
    ids: &mut HashMap<&'s str, &'s Page>,
    errors: &mut Vec<Diagnostic>,
) {
    for page in &site.pages {
        let mut seen: Vec<&str> = Vec::new();
        for doc in Lang::ALL.iter().filter_map(|l| page.docs.get(*l).as_ref()) {
            for t in &doc.tables {
                if seen.contains(&t.id.as_str()) {
                    continue;
                }
                seen.push(&t.id);
                if let Some(other) = ids.insert(&t.id, page) {
                    let other_path = super::shown_data_file(other);
                    errors.push(
                        Diagnostic::error(
                            Code::DuplicateId,
                            &doc.path,
                            format!("the table id `{}` is already used in {other_path}", t.id),
                        )
                        .at(t.position.line, t.position.column)
                        .with_help(super::UNIQUE_IDS)
                        .ja(format!(
                            "表の id `{}` は {other_path} ですでに使われています",
                            t.id
                        ))
                        .ja_help(super::UNIQUE_IDS_JA),
                    );
                }
            }
        }
    }
}

/// A caption in one language only is a warning (the table is numbered all the same, so the numbers of the
/// two languages still agree).
pub(super) fn check_languages(page: &Page, warnings: &mut Vec<Diagnostic>) {
    if let (Some(ja), Some(en)) = (&page.docs.ja, &page.docs.en) {
        for (doc, other, other_lang) in [(ja, en, Lang::En), (en, ja, Lang::Ja)] {
            for t in doc
                .tables
                .iter()
                .filter(|t| !other.tables.iter().any(|o| o.id == t.id))
            {
                warnings.push(
                    Diagnostic::warning(
                        Code::TablePlacement,
                        &doc.path,
                        format!(
                            "the table `{}` has a caption here but not in the {} text",
                            t.id,
                            other_lang.name_in_english()
                        ),
                    )
                    .at(t.position.line, t.position.column)
                    .with_help(format!(
                        "give the same table the caption line `Table: … {{#{}}}` in index.{}.md too",
                        t.id,
                        other_lang.code()
                    ))
                    .ja(format!(
                        "表 `{}` には、ここでは表題の行がありますが、{}の本文にはありません",
                        t.id,
                        other_lang.name_in_japanese()
                    ))
                    .ja_help(format!(
                        "index.{}.md でも同じ表に見出しの行 `Table: … {{#{}}}` を付けてください",
                        other_lang.code(),
                        t.id
                    )),
                );
            }
        }
    }
}
