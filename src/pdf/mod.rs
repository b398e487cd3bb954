//! The PDF editions: the whole report and each case, in each language, made in-process with Typst from the
//! same content, figure numbers and charts as the site. Editors never write Typst: hakusho writes each
//! edition's main file (`source`) from the parsed Markdown (`markup`) and the data, calling the functions of
//! the theme's `pdf/layout.typ`, and compiles it in a world of files held in memory (`world`) into a tagged
//! PDF that conforms to PDF/UA-1.

mod escape;
mod links;
mod markup;
mod placed;
mod source;
mod targets;
mod world;

use std::collections::{BTreeSet, HashSet};

use rayon::prelude::*;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::{World as _, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

use crate::diag::{Code, Diagnostic, LineIndex, Position};
use crate::model::date::PartialDate;
use crate::model::lang::Lang;
use crate::model::page::{Page, PageKind, case_pdf_name};
use crate::model::site::Site;
use crate::render::Context;
use crate::render::urls::page_path;
use placed::Placed;
use source::Main;
use targets::{Edition, chart_path};
use world::EditionWorld;

/// One PDF edition: a language and the whole report or one case.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EditionId {
    /// Its language.
    pub lang: Lang,
    /// The case, by page id; `None` for the whole report.
    pub case: Option<String>,
}

impl EditionId {
    /// Its file in the output: `ja/report/report-ja.pdf`, `ja/cases/kobe/kobe-ja.pdf`.
    pub fn path(&self) -> String {
        let lang = self.lang.code();
        match &self.case {
            None => format!("{}report-{lang}.pdf", page_path(self.lang, "report")),
            Some(id) => format!(
                "{}{}",
                page_path(self.lang, id),
                case_pdf_name(id, self.lang)
            ),
        }
    }
}

/// Every edition of `site` (none when the site switches them off).
pub fn editions(site: &Site) -> Vec<EditionId> {
    if !site.config.pdf {
        return Vec::new();
    }
    Lang::ALL
        .into_iter()
        .flat_map(|lang| {
            std::iter::once(EditionId { lang, case: None }).chain(
                site.pages
                    .iter()
                    .filter(|p| p.kind == PageKind::Case)
                    .map(move |p| EditionId {
                        lang,
                        case: Some(p.id.clone()),
                    }),
            )
        })
        .collect()
}

/// The edition whose file is at `site_path`, if one is.
pub fn edition_at(site: &Site, site_path: &str) -> Option<EditionId> {
    if !site_path.ends_with(".pdf") {
        return None;
    }
    editions(site).into_iter().find(|e| e.path() == site_path)
}

/// Above this many case editions (all languages), a report is long: its editions are made in two phases.
const LONG_REPORT_EDITIONS: usize = 100;

/// How many case editions made since a memoized result of Typst was last used before it is dropped.
const CASE_CACHE_AGE: usize = 10;

/// The stack of each thread that makes PDFs.
const STACK_SIZE: usize = 256 * 1024 * 1024;

/// The PDF editions made: each one's site path and bytes, and the warnings about them.
#[derive(Debug, Default)]
pub struct Made {
    /// (site path, bytes), in the order asked for.
    pub pdfs: Vec<(String, Vec<u8>)>,
    /// Problems that do not stop the build (a character the fonts lack).
    pub warnings: Vec<Diagnostic>,
}

/// One edition made, or why not.
type Outcome = Result<((String, Vec<u8>), Vec<Diagnostic>), Vec<Diagnostic>>;

/// Makes `editions` (in parallel).
pub fn make(ctx: &Context<'_>, editions: &[EditionId]) -> Result<Made, Vec<Diagnostic>> {
    if editions.is_empty() {
        return Ok(Made::default());
    }
    let fonts: Vec<Vec<u8>> = ctx.theme.fonts.iter().map(|(_, b)| b.clone()).collect();
    let shared = world::Shared::new(&fonts);
    let one = |e: &EditionId| -> Outcome {
        make_one(ctx, &shared, e).map(|(bytes, w)| ((e.path(), bytes), w))
    };
    // Typst memoizes layout in one global cache, which keeps every result until it is evicted: 12.8 GB
    // for the 2,002 editions of 1,000 cases when nothing was. A short report's editions are all made at
    // once (the quickest: 1.85 s against 2.1 s for the bundled report's 22). For a long one, the cases
    // first, in parallel, dropping after each what the last few did not use; then the whole reports, one
    // after the other (each holds about 3 GB for 1,000 cases, and reuses its results over several layout
    // passes, so nothing is evicted while one is made): 5.1 GB at the peak for 1,000 cases.
    let make_all = || -> Vec<Outcome> {
        let (whole, cases): (Vec<&EditionId>, Vec<&EditionId>) =
            editions.iter().partition(|e| e.case.is_none());
        if cases.len() <= LONG_REPORT_EDITIONS {
            return editions.par_iter().map(one).collect();
        }
        let cases: Vec<Outcome> = cases
            .into_par_iter()
            .map(|e| {
                let outcome = one(e);
                typst::comemo::evict(CASE_CACHE_AGE);
                outcome
            })
            .collect();
        let whole: Vec<Outcome> = whole
            .into_iter()
            .map(|e| {
                let outcome = one(e);
                typst::comemo::evict(0);
                outcome
            })
            .collect();
        let (mut whole, mut cases) = (whole.into_iter(), cases.into_iter());
        editions
            .iter()
            .filter_map(|e| match e.case {
                None => whole.next(),
                Some(_) => cases.next(),
            })
            .collect()
    };
    // Typst lays out long documents with deep recursion: its threads get large stacks.
    let results = match rayon::ThreadPoolBuilder::new()
        .stack_size(STACK_SIZE)
        .build()
    {
        Ok(pool) => pool.install(make_all),
        Err(_) => make_all(),
    };
    // Nothing of Typst's cache is kept for later: `serve` runs for hours.
    typst::comemo::evict(0);
    let mut made = Made::default();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok((pdf, mut warnings)) => {
                made.pdfs.push(pdf);
                made.warnings.append(&mut warnings);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        made.warnings.sort();
        made.warnings.dedup();
        Ok(made)
    } else {
        errors.sort();
        errors.dedup();
        Err(errors)
    }
}

fn make_one(
    ctx: &Context<'_>,
    shared: &world::Shared,
    id: &EditionId,
) -> Result<(Vec<u8>, Vec<Diagnostic>), Vec<Diagnostic>> {
    let pages: Vec<&Page> = match &id.case {
        None => ctx.site.reading_order(),
        Some(case) => ctx.site.page(case).into_iter().collect(),
    };
    let ids: BTreeSet<String> = pages.iter().map(|p| p.id.clone()).collect();
    let edition = Edition::new(ctx, id.lang, ids, id.case.is_none());
    let main = source::main(&edition, &pages);
    let missing_alt = images_without_alt(ctx, &main);
    if !missing_alt.is_empty() {
        return Err(missing_alt);
    }
    let unprintable = missing_glyphs(ctx, shared, id.lang, &pages, &main.text);
    if !unprintable.is_empty() {
        return Err(unprintable);
    }
    let files = files(ctx, id.lang, &pages, &main);
    let (layout_path, layout) = &ctx.theme.pdf_layout;
    let world = EditionWorld::new(shared, main.text.clone(), layout.clone(), files);
    let report = |diags: &[SourceDiagnostic]| -> Vec<Diagnostic> {
        diags
            .iter()
            .map(|d| diagnostic(ctx, &world, &main, layout_path, d))
            .collect()
    };
    let compiled = typst::compile::<PagedDocument>(&world);
    // Typst's warnings (a font family the theme's layout names but does not have, say) are the build's.
    let warnings = report(&compiled.warnings);
    let document = compiled.output.map_err(|e| report(&e))?;
    let options = PdfOptions {
        standards: PdfStandards::new(&[PdfStandard::Ua_1]).map_err(|e| {
            vec![
                Diagnostic::general(
                    Code::Pdf,
                    format!("the PDF standard cannot be set: {}", e.message()),
                )
                .ja(format!(
                    "PDF の規格（PDF/UA-1）を設定できません（Typst の説明：{}）",
                    e.message()
                )),
            ]
        })?,
        timestamp: edition_date(&pages, id),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|e| report(&e))?;
    Ok((pdf, warnings))
}

/// The PDF's creation date: the edition's date (the cover's for the whole report, the case's for a case),
/// never the clock, so that two builds of the same content give the same bytes. None without a date.
fn edition_date(pages: &[&Page], id: &EditionId) -> Option<typst_pdf::Timestamp> {
    let page = match &id.case {
        None => pages.iter().find(|p| p.id.is_empty()),
        Some(_) => pages.first(),
    }?;
    let (y, m, d) = match page.doc_for(id.lang).0.date? {
        PartialDate::Day(y, m, d) => (y, m, d),
        PartialDate::Month(y, m) => (y, m, 1),
        PartialDate::Year(y) | PartialDate::FiscalYear(y) => (y, 1, 1),
    };
    let date = typst::foundations::Datetime::from_ymd_hms(y, m as u8, d as u8, 0, 0, 0)?;
    Some(typst_pdf::Timestamp::new_utc(date))
}

/// An error for each character the edition prints that no font of the PDF edition has: it would show as
/// an empty box, which an accessible PDF (PDF/UA-1) may not have, so Typst would refuse the edition with
/// no place to point at. Found in the whole source (text, data, glossary, UI strings), placed at its first
/// occurrence in the content.
fn missing_glyphs(
    ctx: &Context<'_>,
    shared: &world::Shared,
    lang: Lang,
    pages: &[&Page],
    source: &str,
) -> Vec<Diagnostic> {
    // Each character looked up in the fonts once (a source has about 2,000 distinct ones in 150,000).
    let written: HashSet<char> = source.chars().collect();
    let missing: BTreeSet<char> = written
        .into_iter()
        .filter(|&c| !c.is_whitespace() && !c.is_control() && !shared.covers(c))
        .collect();
    missing
        .into_iter()
        .map(|c| {
            let message = format!(
                "the character {c} (U+{:04X}) is in none of the fonts of the PDF edition, which cannot show it",
                c as u32
            );
            let help = "write the character another way, or give the theme a font that has it (themes/<name>/fonts/, named in pdf/layout.typ)";
            match first_place(ctx, lang, pages, c) {
                Some((path, position)) => Diagnostic::error(Code::Pdf, path, message).at_opt(position),
                None => Diagnostic::general(Code::Pdf, message),
            }
            .with_help(help)
            .ja(format!(
                "文字 {c}（U+{:04X}）は PDF 版のどのフォントにもないため、PDF 版に表示できません",
                c as u32
            ))
            .ja_help("この文字を別の書き方にするか、この文字のあるフォントをテーマに加えてください（themes/<name>/fonts/ に置き、pdf/layout.typ で指定します）")
        })
        .collect()
}

/// The first place in the content of the edition's `pages` (then the site's files) where `c` is written.
fn first_place(
    ctx: &Context<'_>,
    lang: Lang,
    pages: &[&Page],
    c: char,
) -> Option<(std::path::PathBuf, Option<Position>)> {
    let in_file = |file: &crate::model::text_file::TextFile| {
        let at = file.text.find(c)?;
        Some((
            file.path.clone(),
            Some(LineIndex::new(&file.text).position(at)),
        ))
    };
    for page in pages {
        let (doc, _) = page.doc_for(lang);
        if let Some(at) = doc.body.find(c) {
            let position = markdown_position(&doc.body, doc.body_line, at);
            return Some((doc.path.clone(), Some(position)));
        }
        if doc.title.contains(c) || doc.summary.as_deref().is_some_and(|s| s.contains(c)) {
            return Some((doc.path.clone(), None));
        }
        if let Some(found) = page.data_file.as_ref().and_then(in_file) {
            return Some(found);
        }
    }
    if let Some(found) = in_file(&ctx.site.config.file) {
        return Some(found);
    }
    ctx.site
        .glossary
        .iter()
        .find(|e| {
            [&e.term, &e.expansion, &e.definition]
                .iter()
                .any(|t| t.get(lang).contains(c))
        })
        .map(|e| (ctx.content.join("glossary.yaml"), e.term_position))
}

/// The files an edition reads besides its source: the charts of its pages, the images they show.
fn files(ctx: &Context<'_>, lang: Lang, pages: &[&Page], main: &Main) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = pages
        .iter()
        .flat_map(|p| p.data.charts.iter())
        .filter_map(|c| {
            let svg = ctx.svgs.get(&(c.id.clone(), lang))?;
            Some((chart_path(&c.id, lang), svg.wide.as_bytes().to_vec()))
        })
        .collect();
    for (path, rel) in &main.images {
        if let Some(bytes) = read_image(&ctx.content.join(rel)) {
            files.push((path.clone(), bytes));
        }
    }
    files
}

/// An image beside a page, read as the load step checked it: a regular file (one swapped for a named pipe
/// since is not waited on) and no larger than the limit for files beside pages; `None` otherwise (Typst then
/// reports the file as not found, an error of the edition).
fn read_image(path: &std::path::Path) -> Option<Vec<u8>> {
    use std::io::Read;
    let limit = crate::load::file_kind::MAX_ASSET_BYTES;
    let mut bytes = Vec::new();
    crate::load::file_kind::open_regular(path)
        .ok()?
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    (bytes.len() as u64 <= limit).then_some(bytes)
}

/// An error for each image shown without alt text: a tagged, accessible PDF (PDF/UA-1) needs one.
fn images_without_alt(ctx: &Context<'_>, main: &Main) -> Vec<Diagnostic> {
    main.images_without_alt
        .iter()
        .filter_map(|(page_id, lang, offset, dest)| {
            let doc = ctx.site.page(page_id)?.docs.get(*lang).as_ref()?;
            Some(
                Diagnostic::error(
                    Code::MissingAltText,
                    &doc.path,
                    format!("the image `{dest}` has no alt text, which the PDF edition needs (an accessible PDF, PDF/UA-1, describes every image)"),
                )
                .at_opt(Some(markdown_position(&doc.body, doc.body_line, *offset)))
                .with_help("describe the image in the brackets: ![神戸医療産業都市の航空写真](photo.jpg), or switch the PDF editions off with `pdf: false` in site.yaml")
                .ja(format!("画像 `{dest}` に代替テキスト（画像の説明）がありません。PDF 版には必要です（読み上げにも対応した PDF（PDF/UA-1）では、すべての画像に説明を付けます）"))
                .ja_help("角かっこの中に画像の説明を書いてください：![神戸医療産業都市の航空写真](photo.jpg)。または site.yaml に `pdf: false` と書いて PDF 版を作らないようにしてください"),
            )
        })
        .collect()
}

/// Line and column in the page file of a byte offset in its Markdown.
fn markdown_position(markdown: &str, first_line: usize, offset: usize) -> Position {
    let p = LineIndex::new(markdown).position(offset);
    Position {
        line: p.line + first_line - 1,
        column: p.column,
    }
}

/// A Typst error as an editor's error: at the Markdown it came from when it points into a document, at the
/// theme's layout when it points there.
fn diagnostic(
    ctx: &Context<'_>,
    world: &EditionWorld<'_>,
    main: &Main,
    layout_path: &std::path::Path,
    d: &SourceDiagnostic,
) -> Diagnostic {
    let (message, message_ja) = match d.severity {
        TypstSeverity::Error => (
            format!("the PDF edition cannot be made: {}", d.message),
            format!("PDF 版を作れません（Typst の説明：{}）", d.message),
        ),
        TypstSeverity::Warning => (
            format!("in the PDF edition: {}", d.message),
            format!("PDF 版についての注意です（Typst の説明：{}）", d.message),
        ),
    };
    let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
    let with_hints = |mut diag: Diagnostic| {
        if d.severity == TypstSeverity::Warning {
            diag.severity = crate::diag::Severity::Warning;
        }
        diag = diag.ja(message_ja.clone());
        if hints.is_empty() {
            diag
        } else {
            diag.with_help(hints.join("; "))
                .ja_help(format!("Typst のヒント：{}", hints.join("; ")))
        }
    };
    let range = world.range(d.span);
    match (d.span.id(), range) {
        (Some(id), Some(range)) if world.is_main(id) => {
            let placed = main
                .placed
                .iter()
                .find(|p| p.start <= range.start && range.start < p.start + p.len);
            match placed.and_then(|p| document_position(ctx, p, range.start)) {
                Some((path, position)) => {
                    with_hints(Diagnostic::error(Code::Pdf, path, message).at_opt(Some(position)))
                }
                None => with_hints(Diagnostic::general(Code::Pdf, message)),
            }
        }
        (Some(id), Some(range)) => {
            let position = world
                .source(id)
                .ok()
                .and_then(|s| s.lines().byte_to_line_column(range.start))
                .map(|(line, column)| Position {
                    line: line + 1,
                    column: column + 1,
                });
            with_hints(Diagnostic::error(Code::Template, layout_path, message).at_opt(position))
        }
        _ => with_hints(Diagnostic::general(Code::Pdf, message)),
    }
}

/// The page file and position a place in the main file came from.
fn document_position(
    ctx: &Context<'_>,
    placed: &Placed,
    at: usize,
) -> Option<(std::path::PathBuf, Position)> {
    let doc = ctx
        .site
        .page(&placed.page)?
        .docs
        .get(placed.doc_lang)
        .as_ref()?;
    let within = at - placed.start;
    let origin = placed
        .origins
        .iter()
        .take_while(|(start, _)| *start <= within)
        .last()
        .map_or(0, |(_, md)| *md);
    Some((
        doc.path.clone(),
        markdown_position(&doc.body, doc.body_line, origin),
    ))
}
