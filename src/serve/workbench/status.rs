//! Where each page's translation stands, per language, from the documents as loaded (drafts included, as
//! `serve` loads them).

use crate::model::lang::Lang;
use crate::model::page::Page;

/// The state of one language's document of a page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// The document the other language's translation follows (`translated_from` names this language).
    Source,
    /// A translation that follows the source's current version.
    Current,
    /// A translation that follows an older version of the source.
    Outdated {
        /// The source's language.
        from: Lang,
        /// The version the translation records.
        recorded: String,
        /// The source's version now.
        now: String,
    },
    /// A translation that names a source language whose document does not exist or is its own.
    BrokenRecord,
    /// Both languages exist and neither records which it follows.
    NotTracked,
    /// No document in this language: readers get the other language's.
    Untranslated,
}

/// One language's document of a page: its status and whether it is a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DocStatus {
    pub status: Status,
    pub draft: bool,
}

/// The status of `page`'s document in `lang`.
pub(crate) fn status(page: &Page, lang: Lang) -> DocStatus {
    let Some(doc) = page.docs.get(lang) else {
        return DocStatus {
            status: Status::Untranslated,
            draft: false,
        };
    };
    let other = page.docs.get(lang.other());
    let status = match (&doc.translated_from, other) {
        (Some(from), Some(source)) if from.lang != lang => {
            let now = source.version();
            if now == from.version {
                Status::Current
            } else {
                Status::Outdated {
                    from: from.lang,
                    recorded: from.version.clone(),
                    now,
                }
            }
        }
        (Some(_), _) => Status::BrokenRecord,
        (None, Some(other_doc))
            if other_doc
                .translated_from
                .as_ref()
                .is_some_and(|f| f.lang == lang) =>
        {
            Status::Source
        }
        (None, Some(_)) => Status::NotTracked,
        (None, None) => Status::Source,
    };
    DocStatus {
        status,
        draft: doc.draft,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::lang::Localized;
    use crate::model::page::{Document, PageKind, TranslatedFrom};
    use std::path::PathBuf;

    fn doc(body: &str, from: Option<(Lang, &str)>) -> Document {
        Document {
            path: PathBuf::from("a.md"),
            title: "t".into(),
            summary: None,
            date: None,
            updated: None,
            translated_from: from.map(|(lang, version)| TranslatedFrom {
                lang,
                version: version.into(),
                position: None,
            }),
            body: body.into(),
            body_line: 4,
            draft: false,
            placeholders: Vec::new(),
            tables: Vec::new(),
        }
    }

    fn page(ja: Option<Document>, en: Option<Document>) -> Page {
        Page {
            id: "cases/a".into(),
            kind: PageKind::Case,
            docs: Localized { ja, en },
            data: Default::default(),
            data_file: None,
            assets: Vec::new(),
        }
    }

    #[test]
    fn each_language_gets_its_state() {
        let source = doc("本文。", None);
        let version = source.version();
        let current = page(
            Some(source.clone()),
            Some(doc("Text.", Some((Lang::Ja, &version)))),
        );
        assert_eq!(status(&current, Lang::Ja).status, Status::Source);
        assert_eq!(status(&current, Lang::En).status, Status::Current);

        let outdated = page(
            Some(source),
            Some(doc("Text.", Some((Lang::Ja, "00000000")))),
        );
        assert_eq!(
            status(&outdated, Lang::En).status,
            Status::Outdated {
                from: Lang::Ja,
                recorded: "00000000".into(),
                now: version
            }
        );

        let alone = page(Some(doc("本文。", None)), None);
        assert_eq!(status(&alone, Lang::En).status, Status::Untranslated);
        assert_eq!(status(&alone, Lang::Ja).status, Status::Source);

        let untracked = page(Some(doc("本文。", None)), Some(doc("Text.", None)));
        assert_eq!(status(&untracked, Lang::En).status, Status::NotTracked);

        let mut draft = doc("Text.", Some((Lang::En, "00000000")));
        draft.draft = true;
        let broken = page(Some(doc("本文。", None)), Some(draft));
        assert_eq!(
            status(&broken, Lang::En),
            DocStatus {
                status: Status::BrokenRecord,
                draft: true
            }
        );
    }
}
