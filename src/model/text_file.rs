//! A content file's text as it was loaded, kept so that checks made later can place what they find (line and
//! column) without reading the file again, which may have changed since.

use std::path::PathBuf;
use std::sync::Arc;

/// A file of `content/` and its text as loaded (decoded: no BOM, LF line ends).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextFile {
    /// The file, as shown to the user.
    pub path: PathBuf,
    /// Its text.
    pub text: Arc<str>,
}
