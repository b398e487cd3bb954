//! Where each document's markup sits in an edition's main file: made by the source writer, moved by the
//! link resolution, read to place Typst's errors at the Markdown.

use crate::model::lang::Lang;

/// Where a document's markup sits in the main file, to place errors at its Markdown.
pub(crate) struct Placed {
    /// Where the document's markup starts in the main file.
    pub start: usize,
    /// Its length.
    pub len: usize,
    /// The page and language of the document.
    pub page: String,
    pub doc_lang: Lang,
    /// What the markup came from (see [`super::markup::Written::origins`]).
    pub origins: Vec<(usize, usize)>,
}
