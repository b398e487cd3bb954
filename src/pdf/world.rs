//! The Typst world of one PDF edition: the standard library, the theme's fonts, and files held in memory
//! (the generated `main.typ`, the theme's `layout.typ`, the charts' SVGs, the images pages show). Nothing
//! is read from disk and nothing is fetched: no packages, no system fonts, no clock.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// What every edition shares: the library and the fonts, parsed once per build.
pub(crate) struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl Shared {
    /// The standard library and every face of `fonts` (font files' bytes).
    pub(crate) fn new(fonts: &[Vec<u8>]) -> Shared {
        let fonts: Vec<Font> = fonts
            .iter()
            .flat_map(|bytes| Font::iter(Bytes::new(bytes.clone())))
            .collect();
        Shared {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    }

    /// Whether some font has a glyph for `c`.
    pub(crate) fn covers(&self, c: char) -> bool {
        self.fonts
            .iter()
            .any(|f| f.info().coverage.contains(c as u32))
    }
}

/// The file id of `path` (absolute, inside the edition's files).
pub(crate) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| {
        VirtualPath::new("/invalid").expect("a plain absolute path is a virtual path")
    });
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One edition's world.
pub(crate) struct EditionWorld<'s> {
    shared: &'s Shared,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
}

impl<'s> EditionWorld<'s> {
    /// A world whose main file is `/main.typ` with `main`, importing `/layout.typ` with `layout`, with
    /// `files` (path → bytes) besides.
    pub(crate) fn new(
        shared: &'s Shared,
        main: String,
        layout: String,
        files: Vec<(String, Vec<u8>)>,
    ) -> EditionWorld<'s> {
        let main_id = file_id("/main.typ");
        let layout_id = file_id("/layout.typ");
        let sources = HashMap::from([
            (main_id, Source::new(main_id, main)),
            (layout_id, Source::new(layout_id, layout)),
        ]);
        let files = files
            .into_iter()
            .map(|(path, bytes)| (file_id(&path), Bytes::new(bytes)))
            .collect();
        EditionWorld {
            shared,
            main: main_id,
            sources,
            files,
        }
    }

    /// Whether `id` is the main file.
    pub(crate) fn is_main(&self, id: FileId) -> bool {
        id == self.main
    }
}

impl World for EditionWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let Some(source) = self.sources.get(&id) {
            return Ok(Bytes::from_string(source.text().to_string()));
        }
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        // No clock: two builds of the same content give the same PDF.
        None
    }
}
