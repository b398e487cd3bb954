//! What a PDF holds, read the way a PDF reader does: the catalogue (language, title shown, tagged), the
//! outline, the structure tree, the fonts of each page (with `hayro-syntax`, the PDF parser Typst itself
//! uses); its text and page images with poppler (`pdftotext`, `pdftoppm`, installed by tests/setup.sh).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use hayro_syntax::Pdf;
use hayro_syntax::object::{Array, Dict, Name, Object, String as PdfString};

/// The facts of one PDF that the tests look at.
#[derive(Debug)]
pub struct PdfFacts {
    pub pages: usize,
    /// `/Lang` of the catalogue.
    pub lang: Option<String>,
    /// `/Title` of the document information (what a viewer shows as the window title).
    pub title: Option<String>,
    /// `/ViewerPreferences /DisplayDocTitle`.
    pub display_doc_title: bool,
    /// `/MarkInfo /Marked`.
    pub marked: bool,
    /// The outline (bookmarks): (depth from 1, title) in reading order.
    pub outline: Vec<(usize, String)>,
    /// How many structure elements of each type (`/S`) the structure tree has.
    pub structure: BTreeMap<String, usize>,
    /// The alternative text of each `Figure` element, in tree order (None when it has none).
    pub figure_alts: Vec<Option<String>>,
    /// The fonts used on the pages: base font name, whether a font file is embedded.
    pub fonts: BTreeMap<String, bool>,
}

/// Reads the PDF at `path`; panics with the path if it is not a PDF.
pub fn facts(path: &Path) -> PdfFacts {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        bytes.starts_with(b"%PDF-"),
        "{} is not a PDF",
        path.display()
    );
    let pdf =
        Pdf::new(bytes).unwrap_or_else(|e| panic!("{}: unreadable PDF: {e:?}", path.display()));
    let xref = pdf.xref();
    let catalog: Dict<'_> = xref.get(xref.root_id()).expect("a catalogue");
    let mut structure = BTreeMap::new();
    let mut figure_alts = Vec::new();
    if let Some(root) = catalog.get::<Dict<'_>>(b"StructTreeRoot") {
        walk_structure(&root, 0, &mut structure, &mut figure_alts);
    }
    let mut outline = Vec::new();
    if let Some(first) = catalog
        .get::<Dict<'_>>(b"Outlines")
        .and_then(|o| o.get::<Dict<'_>>(b"First"))
    {
        walk_outline(first, 1, &mut outline);
    }
    let mut fonts = BTreeMap::new();
    for page in pdf.pages().iter() {
        for (key, _) in page.resources().fonts.entries() {
            if let Some(font) = page.resources().fonts.get::<Dict<'_>>(key.as_ref()) {
                let (name, embedded) = font_facts(&font);
                *fonts.entry(name).or_insert(embedded) &= embedded;
            }
        }
    }
    let title = pdf.metadata().title.as_deref().map(text_string);
    PdfFacts {
        pages: pdf.pages().len(),
        lang: catalog
            .get::<PdfString<'_>>(b"Lang")
            .map(|s| text_string(s.as_bytes())),
        title,
        display_doc_title: catalog
            .get::<Dict<'_>>(b"ViewerPreferences")
            .and_then(|v| v.get::<bool>(b"DisplayDocTitle"))
            .unwrap_or(false),
        marked: catalog
            .get::<Dict<'_>>(b"MarkInfo")
            .and_then(|m| m.get::<bool>(b"Marked"))
            .unwrap_or(false),
        outline,
        structure,
        figure_alts,
        fonts,
    }
}

fn walk_structure(
    node: &Dict<'_>,
    depth: usize,
    types: &mut BTreeMap<String, usize>,
    alts: &mut Vec<Option<String>>,
) {
    assert!(depth < 200, "structure tree deeper than 200");
    if let Some(kind) = node.get::<Name<'_>>(b"S") {
        let kind = kind.as_str().to_string();
        if kind == "Figure" {
            alts.push(
                node.get::<PdfString<'_>>(b"Alt")
                    .map(|s| text_string(s.as_bytes())),
            );
        }
        *types.entry(kind).or_default() += 1;
    }
    match node.get::<Object<'_>>(b"K") {
        Some(Object::Dict(child)) => walk_structure(&child, depth + 1, types, alts),
        Some(Object::Array(children)) => {
            for child in children.iter::<Object<'_>>() {
                if let Object::Dict(child) = child {
                    walk_structure(&child, depth + 1, types, alts);
                }
            }
        }
        _ => {}
    }
}

fn walk_outline(mut item: Dict<'_>, depth: usize, out: &mut Vec<(usize, String)>) {
    for _ in 0..100_000 {
        let title = item
            .get::<PdfString<'_>>(b"Title")
            .map(|s| text_string(s.as_bytes()))
            .unwrap_or_default();
        out.push((depth, title));
        if let Some(child) = item.get::<Dict<'_>>(b"First") {
            walk_outline(child, depth + 1, out);
        }
        match item.get::<Dict<'_>>(b"Next") {
            Some(next) => item = next,
            None => return,
        }
    }
    panic!("an outline level with more than 100,000 entries (a loop?)");
}

/// A font's base name and whether its glyphs are embedded (for a composite font, in its descendant).
fn font_facts(font: &Dict<'_>) -> (String, bool) {
    let name = font
        .get::<Name<'_>>(b"BaseFont")
        .map(|n| n.as_str().to_string())
        .unwrap_or_else(|| "(Type3)".to_string());
    let described = font
        .get::<Array<'_>>(b"DescendantFonts")
        .and_then(|d| d.iter::<Dict<'_>>().next());
    let descriptor = described
        .as_ref()
        .unwrap_or(font)
        .get::<Dict<'_>>(b"FontDescriptor");
    let embedded = descriptor.is_some_and(|d| {
        ["FontFile", "FontFile2", "FontFile3"]
            .iter()
            .any(|k| d.contains_key(k.as_bytes()))
    }) || font
        .get::<Name<'_>>(b"Subtype")
        .is_some_and(|s| s.as_str() == "Type3");
    (name, embedded)
}

/// A PDF text string: UTF-16BE after a byte-order mark, else PDFDocEncoding (Latin-1 for what matters here).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// The text of the PDF as `pdftotext -layout` extracts it (a reader's copy and search), page by page.
pub fn text_pages(path: &Path) -> Vec<String> {
    let text = String::from_utf8(run_poppler(
        "pdftotext",
        &["-layout", "-enc", "UTF-8"],
        path,
        &["-"],
    ))
    .expect("pdftotext writes UTF-8");
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

/// The lines of each page as a reader sees them: the words `pdftotext -bbox` places, put in rows by their
/// vertical centre (Latin figures and Japanese text on one line have different heights but the same
/// centre) and split where a row has a gap wider than a character (columns, leaders' ends). Unlike
/// `-layout`, this does not break a line where Typst draws paired Japanese brackets closer together.
pub fn visual_lines(path: &Path) -> Vec<Vec<String>> {
    let html = String::from_utf8(run_poppler(
        "pdftotext",
        &["-bbox", "-enc", "UTF-8"],
        path,
        &["-"],
    ))
    .expect("pdftotext writes UTF-8");
    html.split("<page ")
        .skip(1)
        .map(|page| {
            // (centre, xMin, xMax, text)
            let mut words: Vec<(f64, f64, f64, String)> = page
                .split("<word ")
                .skip(1)
                .filter_map(|w| {
                    let attr = |name: &str| -> Option<f64> {
                        let at = w.find(&format!("{name}=\""))? + name.len() + 2;
                        w[at..].split('"').next()?.parse().ok()
                    };
                    let text = w.split_once('>')?.1.split("</word>").next()?;
                    let text = text
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&quot;", "\"")
                        .replace("&amp;", "&");
                    let centre = (attr("yMin")? + attr("yMax")?) / 2.0;
                    Some((centre, attr("xMin")?, attr("xMax")?, text))
                })
                .collect();
            words.sort_by(|a, b| a.0.total_cmp(&b.0));
            let mut rows: Vec<Vec<(f64, f64, f64, String)>> = Vec::new();
            for w in words {
                match rows.last_mut() {
                    Some(row) if (w.0 - row[0].0).abs() < 3.0 => row.push(w),
                    _ => rows.push(vec![w]),
                }
            }
            let mut lines = Vec::new();
            for mut row in rows {
                row.sort_by(|a, b| a.1.total_cmp(&b.1));
                let mut line = String::new();
                let mut end = f64::NEG_INFINITY;
                for (_, x0, x1, text) in row {
                    if x0 - end > 12.0 && !line.is_empty() {
                        lines.push(std::mem::take(&mut line));
                    } else if !line.is_empty() && x0 - end > 1.0 {
                        line.push(' ');
                    }
                    line.push_str(&text);
                    end = end.max(x1);
                }
                lines.push(line);
            }
            lines
        })
        .collect()
}

/// Page `n` (from 1) rendered as a greyscale image at `dpi`: (width, height, one byte per pixel).
pub fn page_image(path: &Path, n: usize, dpi: u32) -> (usize, usize, Vec<u8>) {
    let (dpi, n) = (dpi.to_string(), n.to_string());
    let data = run_poppler(
        "pdftoppm",
        &["-gray", "-r", &dpi, "-f", &n, "-l", &n],
        path,
        &[],
    );
    // PGM: "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).to_string());
    }
    assert_eq!(fields[0], "P5", "pdftoppm -gray writes PGM");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = data[at + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    (w, h, pixels)
}

/// What a poppler tool writes for `path` given these arguments before and after it; fails with its message.
fn run_poppler(tool: &str, before: &[&str], path: &Path, after: &[&str]) -> Vec<u8> {
    let out = poppler(tool)
        .args(before)
        .arg(path)
        .args(after)
        .output()
        .unwrap_or_else(|e| panic!("{tool} does not run: {e}"));
    assert!(
        out.status.success(),
        "{tool} {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// A poppler tool, or a failure that says how to get it.
fn poppler(tool: &str) -> Command {
    let found = Command::new(tool).arg("-v").output().is_ok();
    assert!(
        found,
        "`{tool}` (poppler-utils) is missing: run `bash tests/setup.sh`, which installs it"
    );
    Command::new(tool)
}
