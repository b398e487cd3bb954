//! One pass, two outputs: the events of a document for the page and for its variant (its section of the
//! whole-report page, with other id prefixes, heading levels and link targets; see
//! [`render_pair`](super::render_pair)).
//!
//! The transformer writes events only through [`Dual`], whose methods make it decide for both ways at
//! once: [`Dual::same`] for an event that cannot differ between them, [`Dual::each`] (or [`Dual::fill`])
//! for one made from each way's input and resolver, [`Dual::both`] for one the page's way has already
//! worked out. The variant is kept as the few events that differ from the page's ("patches"); the others
//! are lent to it, not copied (see [`lent`]).

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::{GlossaryTerm, Input, Resolve};

/// One way of rendering a document: its input (id prefix, heading shift) and its resolver.
pub(super) struct Way<'a, 'r> {
    pub(super) input: Input<'a>,
    pub(super) resolve: &'r mut dyn Resolve,
}

/// Which of the two ways.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// The page: the way rendered in full, whose findings (links, errors, …) are recorded.
    Page,
    /// Its variant: only its HTML is kept.
    Variant,
}

/// A run of events for both ways: the page's, and where the variant's differ from them.
#[derive(Default)]
pub(super) struct Events<'a> {
    page: Vec<Event<'a>>,
    /// The variant's events that differ from the page's, by index in `page` (none without a variant).
    patches: Vec<(usize, Event<'a>)>,
}

impl<'a> Events<'a> {
    /// The events of `side`, lent (see [`lent`]).
    pub(super) fn of(&self, side: Side) -> impl Iterator<Item = Event<'_>> {
        let patches = match side {
            Side::Page => &[][..],
            Side::Variant => &self.patches[..],
        };
        patched(&self.page, patches)
    }

    /// The page's events, handed over.
    pub(super) fn into_page(self) -> Vec<Event<'a>> {
        self.page
    }
}

/// Where a run of events starts (see [`Dual::take_since`]).
#[derive(Clone, Copy, Debug)]
pub(super) struct Mark(usize);

/// A place held for an event decided later (a heading's start, once its text is known); it must be
/// [filled](Dual::fill).
#[must_use = "a held place must be filled"]
#[derive(Debug)]
pub(super) struct Held(usize);

/// The transformer's output: events for the page and, if there is one, the variant.
pub(super) struct Dual<'a, 'r> {
    page: Way<'a, 'r>,
    variant: Option<Way<'a, 'r>>,
    events: Events<'a>,
    /// Places held and not yet filled.
    held: usize,
}

impl<'a, 'r> Dual<'a, 'r> {
    /// Events for `page` and `variant`, room made for `capacity` of them.
    pub(super) fn new(page: Way<'a, 'r>, variant: Option<Way<'a, 'r>>, capacity: usize) -> Self {
        Dual {
            page,
            variant,
            events: Events {
                page: Vec::with_capacity(capacity),
                patches: Vec::new(),
            },
            held: 0,
        }
    }

    /// Pushes an event that is the same in both ways. Events that always depend on the way (headings,
    /// footnote references, links, images) are refused in debug builds: they go through [`Dual::each`],
    /// [`Dual::fill`] or [`Dual::both`].
    pub(super) fn same(&mut self, event: Event<'a>) {
        debug_assert!(
            !depends_on_way(&event),
            "{event:?} depends on the way: push it with `each`, `fill` or `both`"
        );
        self.events.page.push(event);
    }

    /// Pushes, for each way, the event `make` makes from it: called for the page, then for the variant if
    /// there is one.
    pub(super) fn each(&mut self, mut make: impl FnMut(&mut Way<'a, 'r>) -> Event<'a>) {
        let at = self.events.page.len();
        let page = make(&mut self.page);
        if let Some(way) = self.variant.as_mut() {
            let event = make(way);
            self.events.patches.push((at, event));
        }
        self.events.page.push(page);
    }

    /// Pushes `page`, the page's event as the page's way has worked it out (recording what it found), and
    /// for the variant, if there is one, the event `variant` makes from that way.
    pub(super) fn both(
        &mut self,
        page: Event<'a>,
        variant: impl FnOnce(&mut Way<'a, 'r>) -> Event<'a>,
    ) {
        if let Some(way) = self.variant.as_mut() {
            let event = variant(way);
            self.events.patches.push((self.events.page.len(), event));
        }
        self.events.page.push(page);
    }

    /// Holds a place for an event decided later.
    pub(super) fn hold(&mut self) -> Held {
        self.events.page.push(Event::Html(CowStr::Borrowed("")));
        self.held += 1;
        Held(self.events.page.len() - 1)
    }

    /// Fills the place `held` with, for each way, the event `make` makes from it (as [`Dual::each`]).
    pub(super) fn fill(&mut self, held: Held, mut make: impl FnMut(&mut Way<'a, 'r>) -> Event<'a>) {
        let Held(at) = held;
        self.events.page[at] = make(&mut self.page);
        if let Some(way) = self.variant.as_mut() {
            let event = make(way);
            self.events.patches.push((at, event));
        }
        self.held -= 1;
    }

    /// The page's events after the place `held` (the text of a heading).
    pub(super) fn after(&self, held: &Held) -> &[Event<'a>] {
        &self.events.page[held.0 + 1..]
    }

    /// The page's way, for what it works out and records (a link's target, a chart) before the events
    /// are pushed with [`Dual::both`], and for its findings (heading ids).
    pub(super) fn page(&mut self) -> &mut Way<'a, 'r> {
        &mut self.page
    }

    /// The page's glossary terms (its first uses decide where terms are marked in both ways).
    pub(super) fn page_glossary(&self) -> &[GlossaryTerm] {
        self.page.resolve.glossary()
    }

    /// Marks where a run of events starts (no place may be held across its start or end).
    pub(super) fn mark(&self) -> Mark {
        debug_assert_eq!(self.held, 0, "no place is held across a run's start");
        Mark(self.events.page.len())
    }

    /// Takes the events pushed since `mark` (a footnote's definition), with their variant's.
    pub(super) fn take_since(&mut self, mark: Mark) -> Events<'a> {
        let Mark(start) = mark;
        debug_assert_eq!(self.held, 0, "no place is held across a run's end");
        let page = self.events.page.split_off(start);
        // No place is held across the run's start or end, so the patches made before the run are those
        // before it, and those made since are those inside it: the run's patches are the last ones.
        let patches = &mut self.events.patches;
        let inside = patches.partition_point(|(i, _)| *i < start);
        debug_assert!(patches[inside..].iter().all(|(i, _)| *i >= start));
        let mut patches = patches.split_off(inside);
        for (i, _) in &mut patches {
            *i -= start;
        }
        Events { page, patches }
    }

    /// The events of the whole document, and the variant's input if there is one.
    pub(super) fn finish(&mut self) -> (Events<'a>, Option<Input<'a>>) {
        debug_assert_eq!(self.held, 0, "every held place is filled");
        let mut events = std::mem::take(&mut self.events);
        // Held places are filled after the events that follow them.
        events.patches.sort_by_key(|(i, _)| *i);
        (events, self.variant.as_ref().map(|v| v.input))
    }
}

/// Whether `event` always depends on the way (see [`Dual::same`]).
fn depends_on_way(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Start(Tag::Heading { .. } | Tag::Link { .. } | Tag::Image { .. })
            | Event::End(TagEnd::Heading(_))
            | Event::FootnoteReference(_)
    )
}

/// `events` with the events at the patches' indices replaced (patches sorted by index, one at most for
/// each event). All are lent, not copied (see [`lent`]).
fn patched<'e>(
    events: &'e [Event<'_>],
    patches: &'e [(usize, Event<'_>)],
) -> impl Iterator<Item = Event<'e>> {
    let mut patches = patches.iter().peekable();
    events.iter().enumerate().map(
        move |(i, event)| match patches.next_if(|(at, _)| *at == i) {
            Some((_, replaced)) => lent(replaced),
            None => lent(event),
        },
    )
}

/// The same event with its text borrowed from `event` (a clone would copy each merged run of text).
fn lent<'e>(event: &'e Event<'_>) -> Event<'e> {
    let lend = |s: &'e CowStr<'_>| CowStr::Borrowed(s.as_ref());
    match event {
        Event::Text(t) => Event::Text(lend(t)),
        Event::Code(t) => Event::Code(lend(t)),
        Event::Html(t) => Event::Html(lend(t)),
        Event::InlineHtml(t) => Event::InlineHtml(lend(t)),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type: *link_type,
            dest_url: lend(dest_url),
            title: lend(title),
            id: lend(id),
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type: *link_type,
            dest_url: lend(dest_url),
            title: lend(title),
            id: lend(id),
        }),
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) if classes.is_empty() && attrs.is_empty() => Event::Start(Tag::Heading {
            level: *level,
            id: id.as_ref().map(lend),
            classes: Vec::new(),
            attrs: Vec::new(),
        }),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use pulldown_cmark::{HeadingLevel, html};

    use super::*;
    use crate::markdown::{Labels, LinkError, LinkTarget, RefError, RefKind, Reference};

    struct Nothing;

    impl Resolve for Nothing {
        fn chart(&mut self, _: &str) -> Option<String> {
            None
        }
        fn table(&mut self, _: &str) -> Option<String> {
            None
        }
        fn reference(&mut self, _: RefKind, _: &str) -> Result<Reference, RefError> {
            Err(RefError::default())
        }
        fn link(&mut self, _: &str) -> Result<LinkTarget, LinkError> {
            Err(LinkError::default())
        }
        fn glossary(&self) -> &[GlossaryTerm] {
            &[]
        }
        fn single_page(&self) -> bool {
            false
        }
    }

    fn html<'e>(events: impl Iterator<Item = Event<'e>>) -> String {
        let mut out = String::new();
        html::push_html(&mut out, events);
        out
    }

    fn html_of(events: &Events<'_>, side: Side) -> String {
        html(events.of(side))
    }

    fn input<'a>(labels: &'a Labels, id_prefix: &'a str) -> Input<'a> {
        Input {
            markdown: "",
            path: Path::new("p.md"),
            first_line: 1,
            id_prefix,
            heading_shift: 0,
            labels,
        }
    }

    #[test]
    fn each_way_gets_its_own_events_and_a_run_keeps_its_own() {
        let labels = Labels::default();
        let (mut page, mut variant) = (Nothing, Nothing);
        let mut dual = Dual::new(
            Way {
                input: input(&labels, "p-"),
                resolve: &mut page,
            },
            Some(Way {
                input: input(&labels, "v-"),
                resolve: &mut variant,
            }),
            8,
        );
        let prefixed =
            |way: &mut Way<'_, '_>| Event::Html(format!("[{}]", way.input.id_prefix).into());
        dual.same(Event::Text("a".into()));
        let held = dual.hold();
        dual.each(prefixed);
        dual.fill(held, prefixed);
        let mark = dual.mark();
        dual.both(Event::Html("(page)".into()), |_| {
            Event::Html("(variant)".into())
        });
        dual.each(prefixed);
        let run = dual.take_since(mark);
        let (events, variant_input) = dual.finish();
        assert_eq!(variant_input.map(|i| i.id_prefix), Some("v-"));
        assert_eq!(html_of(&events, Side::Page), "a[p-][p-]");
        assert_eq!(html_of(&events, Side::Variant), "a[v-][v-]");
        assert_eq!(html_of(&run, Side::Page), "(page)[p-]");
        assert_eq!(html_of(&run, Side::Variant), "(variant)[v-]");
        assert_eq!(html(events.into_page().into_iter()), "a[p-][p-]");
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "depends on the way")]
    fn same_refuses_a_heading() {
        let labels = Labels::default();
        let mut page = Nothing;
        let way = Way {
            input: input(&labels, ""),
            resolve: &mut page,
        };
        Dual::new(way, None, 1).same(Event::End(TagEnd::Heading(HeadingLevel::H2)));
    }
}
