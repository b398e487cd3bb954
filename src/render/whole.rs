//! The outputs made of every page ([`Whole`]): each language's whole report (in parts), search index and
//! feed.
//!
//! In a full build the report and the index are written while the pages render: each page job hands over
//! its part (its section of the report, its search entry) through a [`Stream`], and the parts are written in
//! reading order as soon as the pages before them are done, so that neither output is ever held whole.
//! Otherwise (`serve`) pages keep their parts and the outputs are written from them when asked for.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;

use super::context::Context;
use super::lists::SEARCH_INDEX_FILE;
use super::report::Frame;
use super::report_parts::ReportParts;
use super::search_entries::search_entry;
use super::urls::page_path;
use crate::diag::Diagnostic;
use crate::model::lang::{Lang, Localized};
use crate::output::Sink;
use crate::search::{Entry, IndexBuilder, Prepared, prepare};
use rayon::prelude::*;

/// An output made of every page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Whole {
    /// The whole report in parts in each language (`ja/report/index.html`, `ja/report/chapters/<slug>/…`,
    /// `ja/report/appendix/index.html`: see [`super::report_parts`]).
    Report,
    /// The search index of each language (`ja/search/search-index.js`).
    Search,
    /// The Atom feed of each language (`ja/feed.xml`).
    Feeds,
}

impl Whole {
    /// Every output made of every page.
    pub const ALL: [Whole; 3] = [Whole::Report, Whole::Search, Whole::Feeds];

    /// Whether the file at `site_path` is one of those it writes.
    pub fn owns(self, site_path: &str) -> bool {
        let Some((lang, rest)) = site_path.split_once('/') else {
            return false;
        };
        Lang::from_code(lang).is_some()
            && match self {
                Whole::Report => ReportParts::is_part_file(rest),
                Whole::Search => rest.strip_prefix("search/").is_some_and(|file| {
                    file == SEARCH_INDEX_FILE
                        || ["t/", "d/"].iter().any(|dir| {
                            file.strip_prefix(dir)
                                .and_then(|n| n.strip_suffix(".js"))
                                .is_some_and(|n| {
                                    !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
                                })
                        })
                }),
                Whole::Feeds => rest == "feed.xml",
            }
    }

    /// Whether it is made of the pages' parts as they render ([`streaming`]) rather than of pages rendered
    /// before.
    pub fn streams(self) -> bool {
        matches!(self, Whole::Report | Whole::Search)
    }
}

/// Where page jobs hand their parts while the whole outputs are written (see [`streaming`]).
pub struct Stream(std::sync::mpsc::Sender<(usize, Option<Part<'static>>)>);

impl Stream {
    /// Hands over the part of the page job at `place` in writing order (`None` for a job without one).
    pub(crate) fn send(&self, place: usize, part: Option<Part<'static>>) {
        // The writer only stops early when writing failed; that error is reported.
        let _ = self.0.send((place, part));
    }
}

/// Runs `render` with a [`Stream`] while the streamed outputs among `outputs` are written from what it
/// sends, on a thread of their own; `render` gets no stream when none is wanted.
pub(crate) fn streaming<R: Send>(
    ctx: &Context<'_>,
    sink: &dyn Sink,
    outputs: &[Whole],
    render: impl FnOnce(Option<&Stream>) -> R + Send,
) -> (R, Result<Written, Vec<Diagnostic>>) {
    let report = outputs.contains(&Whole::Report);
    let search = outputs.contains(&Whole::Search);
    if !report && !search {
        return (render(None), Ok(Written::default()));
    }
    let frames = match report.then(|| super::report::frames(ctx)).transpose() {
        Ok(frames) => frames,
        Err(e) => return (render(None), Err(e)),
    };
    let extra = search.then(|| super::search_entries::search_entries(ctx));
    std::thread::scope(|s| {
        let (queue, parts) = std::sync::mpsc::channel();
        let frames = frames.as_deref();
        let extra = extra.as_ref();
        let writer = s.spawn(move || write_whole(sink, frames, extra, &mut received(parts)));
        let stream = Stream(queue);
        let rendered = render(Some(&stream));
        drop(stream);
        let written = writer
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (rendered, written.map_err(|e| vec![e]))
    })
}

/// Writes the outputs among `outputs` that are made of page parts from pages that kept them.
pub(crate) fn write_kept(
    ctx: &Context<'_>,
    rendered: &[std::sync::Arc<super::rendered::RenderedPage>],
    sink: &dyn Sink,
    outputs: &[Whole],
) -> Result<Written, Vec<Diagnostic>> {
    let report = outputs.contains(&Whole::Report);
    let search = outputs.contains(&Whole::Search);
    if !report && !search {
        return Ok(Written::default());
    }
    let frames = report.then(|| super::report::frames(ctx)).transpose()?;
    let extra = search.then(|| super::search_entries::search_entries(ctx));
    write_whole_from(ctx, rendered, sink, frames.as_deref(), extra.as_ref()).map_err(|e| vec![e])
}

/// What one page in one language adds to the whole outputs.
pub(crate) struct Part<'a> {
    /// The language of the outputs it goes to.
    pub lang: Lang,
    /// Its section of the whole report (`None` for a page the report leaves out).
    pub section: Option<Cow<'a, [u8]>>,
    /// The index of the part of the whole report its section is on (see [`super::report_parts`]; 0 for a
    /// page the report leaves out).
    pub part: usize,
    /// Its search entry, prepared for the index.
    pub entry: Prepared,
}

/// The order in which the parts of the pages with `ids` (one per page job) are written: by the page's place
/// in reading order, pages outside it last in job order. Returns the job indices in that order and, per
/// job, whether the whole report shows it.
pub(crate) fn writing_order(ctx: &Context<'_>, ids: &[&str]) -> (Vec<usize>, Vec<bool>) {
    let position: HashMap<&str, usize> = ctx
        .site
        .reading_order()
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let place: Vec<Option<usize>> = ids.iter().map(|id| position.get(id).copied()).collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by_key(|&j| (place[j].unwrap_or(usize::MAX), j));
    (order, place.iter().map(Option::is_some).collect())
}

/// The parts sent to the writer, taken in bursts: the writer looks for new parts every half millisecond
/// instead of waiting on the channel, so the page jobs never have to wake it (waking it for each of 20,000
/// parts cost about 2% of a large build). Ends when every sender is gone.
pub(crate) fn received<T>(parts: std::sync::mpsc::Receiver<T>) -> impl Iterator<Item = T> {
    use std::sync::mpsc::TryRecvError;
    std::iter::from_fn(move || {
        loop {
            match parts.try_recv() {
                Ok(part) => return Some(part),
                Err(TryRecvError::Empty) => {
                    std::thread::sleep(std::time::Duration::from_micros(500))
                }
                Err(TryRecvError::Disconnected) => return None,
            }
        }
    })
}

/// What the whole outputs came to.
#[derive(Debug, Default)]
pub struct Written {
    /// Files written.
    pub files: usize,
    /// Size of each language's search index, in bytes.
    pub search_index_bytes: Localized<usize>,
    /// Time spent building the search indexes (on the writer's thread, while the pages render).
    pub search_index_time: std::time::Duration,
}

/// Writes the parts of the whole report (when `frames` is given, one frame per part) and the search
/// indexes (when `search` gives the entries that are not pages) into `sink` from `parts`, each numbered by
/// its place in writing order; they may come in any order, each place exactly once (`None` for a page that
/// has no part). The report's parts are written one after the other, each while its pages come.
pub(crate) fn write_whole<'a>(
    sink: &dyn Sink,
    frames: Option<&[Localized<Frame>]>,
    search: Option<&Localized<Vec<Entry<'static>>>>,
    parts: &mut dyn Iterator<Item = (usize, Option<Part<'a>>)>,
) -> Result<Written, Diagnostic> {
    let mut written = Written::default();
    // The index files are put as they are done; the first error stops the writing.
    let put_error = std::cell::RefCell::new(None);
    let mut index_time = std::time::Duration::ZERO;
    let mut put = |lang: Lang, (name, bytes): (String, Vec<u8>)| -> std::io::Result<()> {
        let path = format!("{}{name}", page_path(lang, "search"));
        *written.search_index_bytes.get_mut(lang) += bytes.len();
        written.files += 1;
        sink.put(&path, bytes).map_err(|e| {
            let message = e.message.clone();
            *put_error.borrow_mut() = Some(e);
            std::io::Error::other(message)
        })
    };
    let mut indexes = search.map(|_| Localized::from_fn(|l| IndexBuilder::new(l.code())));
    // A page's section goes to the report part being written, its entry to the index.
    let mut add = |part: Part<'a>,
                   report: Option<&mut Localized<&mut &mut dyn Write>>|
     -> std::io::Result<()> {
        if let (Some(report), Some(section)) = (report, &part.section) {
            report.get_mut(part.lang).write_all(section)?;
        }
        if let Some(indexes) = &mut indexes {
            let t = std::time::Instant::now();
            let full = indexes.get_mut(part.lang).push_prepared(part.entry);
            index_time += t.elapsed();
            if let Some(full) = full {
                put(part.lang, full)?;
            }
        }
        Ok(())
    };
    let mut parts = in_order(parts).peekable();
    let mut report_files = 0;
    for (k, frame) in frames.unwrap_or_default().iter().enumerate() {
        let paths = [frame.ja.path.as_str(), frame.en.path.as_str()];
        let result = sink.put_streams(&paths, &mut |writers| {
            let [ja, en] = writers else {
                return Err(std::io::Error::other("two writers expected"));
            };
            ja.write_all(frame.ja.head.as_bytes())?;
            en.write_all(frame.en.head.as_bytes())?;
            let mut report = Localized { ja, en };
            // The pages of this part, and any page outside the report that comes before the next part's.
            while let Some(part) = parts.next_if(|p| p.part <= k) {
                add(part, Some(&mut report))?;
            }
            report.ja.write_all(frame.ja.tail.as_bytes())?;
            report.en.write_all(frame.en.tail.as_bytes())?;
            Ok(())
        });
        if let Some(e) = put_error.borrow_mut().take() {
            return Err(e);
        }
        result?;
        report_files += paths.len();
    }
    for part in parts {
        if add(part, None).is_err() {
            break;
        }
    }

    if let Some(e) = put_error.borrow_mut().take() {
        return Err(e);
    }
    if let (Some(mut indexes), Some(extra)) = (indexes, search) {
        let t = std::time::Instant::now();
        let finish = || -> std::io::Result<()> {
            for lang in Lang::ALL {
                // Prepared on every thread (the pages are done), added in order.
                let prepared: Vec<Prepared> = extra.get(lang).par_iter().map(prepare).collect();
                for entry in prepared {
                    if let Some(full) = indexes.get_mut(lang).push_prepared(entry) {
                        put(lang, full)?;
                    }
                }
            }
            let Localized { ja, en } = indexes;
            for (lang, builder) in [(Lang::Ja, ja), (Lang::En, en)] {
                for file in builder.finish() {
                    put(lang, file)?;
                }
            }
            Ok(())
        };
        // `put` fails only with the error it keeps.
        let _ = finish();
        index_time += t.elapsed();
        if let Some(e) = put_error.borrow_mut().take() {
            return Err(e);
        }
    }
    written.files += report_files;
    written.search_index_time = index_time;
    Ok(written)
}

/// The parts of `parts` in the order of their places, as they come: parts that come before their turn wait.
fn in_order<'p, T>(
    parts: &'p mut dyn Iterator<Item = (usize, Option<T>)>,
) -> impl Iterator<Item = T> + 'p {
    let mut waiting = BTreeMap::new();
    let mut next = 0;
    std::iter::from_fn(move || {
        loop {
            if let Some(part) = waiting.remove(&next) {
                next += 1;
                match part {
                    Some(part) => return Some(part),
                    None => continue,
                }
            }
            let (place, part) = parts.next()?;
            waiting.insert(place, part);
        }
    })
}

/// The part of a page just rendered, taken out of it (it is written soon and need not be kept).
pub(crate) fn take_part(
    ctx: &Context<'_>,
    r: &mut super::rendered::RenderedPage,
    in_report: bool,
) -> Part<'static> {
    Part {
        lang: r.lang,
        section: r
            .report_section
            .take()
            .filter(|_| in_report)
            .map(Cow::Owned),
        part: ctx.report.part_of(&r.page_id).unwrap_or(0),
        entry: prepare(&search_entry(
            ctx,
            r.lang,
            &r.page_id,
            (
                r.title.as_str().into(),
                r.summary.as_deref().unwrap_or("").into(),
                r.text.take().unwrap_or_default().into(),
            ),
            &r.headings,
        )),
    }
}

/// Writes the whole outputs from pages rendered before, which kept their sections and text (`serve` writes
/// them when asked).
fn write_whole_from(
    ctx: &Context<'_>,
    rendered: &[std::sync::Arc<super::rendered::RenderedPage>],
    sink: &dyn Sink,
    frames: Option<&[Localized<Frame>]>,
    search: Option<&Localized<Vec<Entry<'static>>>>,
) -> Result<Written, Diagnostic> {
    let rendered: Vec<&super::rendered::RenderedPage> = rendered
        .iter()
        .map(|r| &**r)
        .filter(|r| ctx.site.page(&r.page_id).is_some())
        .collect();
    let ids: Vec<&str> = rendered.iter().map(|r| r.page_id.as_str()).collect();
    let (order, in_report) = writing_order(ctx, &ids);
    let mut parts = order.iter().enumerate().map(|(place, &j)| {
        let r = rendered[j];
        let part = Part {
            lang: r.lang,
            section: in_report[j]
                .then_some(r.report_section.as_deref())
                .flatten()
                .map(Cow::Borrowed),
            part: ctx.report.part_of(&r.page_id).unwrap_or(0),
            entry: prepare(&search_entry(
                ctx,
                r.lang,
                &r.page_id,
                (
                    r.title.as_str().into(),
                    r.summary.as_deref().unwrap_or("").into(),
                    r.text.as_deref().unwrap_or("").into(),
                ),
                &r.headings,
            )),
        };
        (place, Some(part))
    });
    write_whole(sink, frames, search, &mut parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::Memory;

    fn part(lang: Lang, section: Option<&str>, title: &str) -> Part<'static> {
        Part {
            lang,
            section: section.map(|s| Cow::Owned(s.as_bytes().to_vec())),
            // The sections named `…3` and after are on the second part of the report.
            part: usize::from(title.as_bytes()[1] >= b'3'),
            entry: prepare(&entry(title)),
        }
    }

    fn entry(title: &str) -> Entry<'static> {
        Entry {
            title: title.to_string().into(),
            url: format!("{title}/").into(),
            kind: crate::search::kind::PAGE,
            summary: "".into(),
            headings: "".into(),
            text: format!("text of {title}").into(),
        }
    }

    #[test]
    fn parts_are_written_in_their_places_whatever_order_they_come_in() {
        let frames: Vec<Localized<Frame>> = ["report", "report/chapters/c"]
            .iter()
            .map(|id| {
                Localized::from_fn(|l| Frame {
                    path: format!("{}index.html", page_path(l, id)),
                    head: format!("<{}>", l.code()),
                    tail: format!("</{}>", l.code()),
                })
            })
            .collect();
        // Places 0..6: a job without a part (2), a page the report leaves out (5).
        let mut parts = vec![
            (4, Some(part(Lang::En, Some("[e4]"), "e4"))),
            (1, Some(part(Lang::En, Some("[e1]"), "e1"))),
            (5, Some(part(Lang::Ja, None, "j5"))),
            (2, None),
            (0, Some(part(Lang::Ja, Some("[j0]"), "j0"))),
            (3, Some(part(Lang::Ja, Some("[j3]"), "j3"))),
        ]
        .into_iter();
        let sink = Memory::new();
        let extra = Localized::from_fn(|l| vec![entry(&format!("x{}", l.code()))]);
        let written = write_whole(&sink, Some(&frames[..]), Some(&extra), &mut parts).unwrap();
        let files = sink.into_files();
        assert_eq!(written.files, files.len());
        assert_eq!(files["ja/report/index.html"], b"<ja>[j0]</ja>");
        assert_eq!(files["en/report/index.html"], b"<en>[e1]</en>");
        assert_eq!(files["ja/report/chapters/c/index.html"], b"<ja>[j3]</ja>");
        assert_eq!(files["en/report/chapters/c/index.html"], b"<en>[e4]</en>");
        let read = |lang: &str| {
            crate::search::query::Index::read(files.iter().filter_map(|(path, bytes)| {
                let name = path.strip_prefix(&format!("{lang}/search/"))?;
                Some((name, std::str::from_utf8(bytes).unwrap()))
            }))
        };
        let titles = |ix: &crate::search::query::Index| -> Vec<String> {
            ix.docs.iter().map(|d| d.title.clone()).collect()
        };
        let (ja, en) = (read("ja"), read("en"));
        assert_eq!(titles(&ja), ["j0", "j3", "j5", "xja"]);
        assert_eq!(titles(&en), ["e1", "e4", "xen"]);
        assert_eq!(
            written.search_index_bytes.ja,
            files
                .iter()
                .filter(|(p, _)| p.starts_with("ja/search/"))
                .map(|(_, b)| b.len())
                .sum::<usize>()
        );
        assert!(Whole::Search.owns("ja/search/t/0.js"));
        assert!(Whole::Search.owns("en/search/d/12.js"));
        assert!(!Whole::Search.owns("en/search/d/x.js"));
        assert!(Whole::Report.owns("ja/report/index.html"));
        assert!(Whole::Report.owns("en/report/chapters/hubs/2/index.html"));
        assert!(Whole::Report.owns("en/report/appendix/index.html"));
        assert!(!Whole::Report.owns("en/report/report-en.pdf"));
    }
}
