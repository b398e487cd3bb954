//! The random differential test: thousands of documents built from risky pieces, each rendered as a pair
//! and each way alone; the pair must give, for each way, exactly what rendering it alone gives.

use std::path::Path;

use super::super::*;

/// A small xorshift generator (std only, fixed seed: every run sees the same documents).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number below `n`.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'t>(&mut self, list: &[&'t str]) -> &'t str {
        list[self.below(list.len())]
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Inline pieces: text (Japanese, glossary terms, odd whitespace), footnote references, links, images,
/// raw HTML, figure references and inline markup.
const INLINE: &[&str] = &[
    "text",
    "神戸の医療産業都市",
    "震災復興から",
    "COI",
    "COI-NEXT",
    "COINS",
    "高専",
    "高専と神戸",
    "@fig:c1",
    "@fig:c2",
    "@fig:c3",
    "@fig:nope",
    "@fig:",
    "mail@fig:c1",
    "@tbl:t1",
    "@tbl:other#t2",
    "@tbl:nope",
    "@chap:hubs",
    "@chap:hub",
    "@sec:#概要を見よ",
    "@sec:#given",
    "@sec:other#x",
    "@kf:k1",
    "@kf:other#k1",
    "@kf:",
    " ",
    "  ",
    "\u{85}",
    "\u{2028}",
    "\u{3000}",
    "\u{a0}",
    "\t",
    "\n",
    "  \n",
    "。",
    "[^a]",
    "[^b]",
    "[^c]",
    "[^nodef]",
    "\\[^a]",
    "[神戸](/cases/kobe/)",
    "[概要](/cases/kobe/#概要)",
    "[外](https://example.org/)",
    "[m](mailto:a@b)",
    "[危](javascript:alert(1))",
    "[危](JaVaScRiPt:x)",
    "[壊](/nowhere/)",
    "[rel](photo.jpg)",
    "[//](//evil.example/)",
    "[題](/cases/kobe/ \"title\")",
    "[**強** COI](/cases/kobe/)",
    "[ref][r1]",
    "<https://auto.example/>",
    "![写真](photo.jpg)",
    "![](photo.jpg)",
    "![alt *em* [神戸](/cases/kobe/)[^a]](photo.jpg \"t\")",
    "![x](/nowhere.png)",
    "![x](javascript:x)",
    "![COI @fig:c1](photo.jpg)",
    "<br>",
    "<strong>",
    "</strong>",
    "<script>",
    "<img src=x>",
    "<!-- c -->",
    "<sup>1</sup>",
    "*em*",
    "**強調**",
    "~~del~~",
    "`code`",
    "`COI`",
    "&amp;",
    "&#x3000;",
];

/// Heading lines.
const HEADINGS: &[&str] = &[
    "# Title",
    "## 概要",
    "## 概要",
    "## Title {#given}",
    "## Other {#given}",
    "### {#x}",
    "## fig-1",
    "## !!!",
    "#### [神戸](/cases/kobe/) `code`",
    "## COI and @fig:c1[^a]",
    "###### Deep",
    "##   　spaced　  ",
    "## ![写真](photo.jpg)",
];

/// Whole blocks other than headings and paragraphs.
const BLOCKS: &[&str] = &[
    "Setext\n===",
    "```rust\nfn x() {}\n```",
    "```\nplain <b> COI @fig:c1 [^a]\n```",
    "    indented code",
    "```chart\nc1\n```",
    "```chart\nc2\n```",
    "```chart\nbad\n```",
    "```chart\nnope\n```",
    "```chart\n\n```",
    "```chart c1\n```",
    "```table\nt1\n```",
    "```table t1\n```",
    "```table\nnope\n```",
    "Table: 施策の規模 {#m1}\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    "表：見出し @fig:c1 [^a] {#m2}\n\n| a |\n|:-:|\n| COI |",
    "Table: no id\n\n| a |\n|---|\n| 1 |",
    "Table: lonely {#m3}",
    "Table: Bad {#Bad}\n\n| a |\n|---|",
    "> Table: quoted {#m4}\n>\n> | a |\n> |---|\n> | 1 |",
    "- Table: listed {#m5}\n\n  | a |\n  |---|\n  | 1 |",
    "```chart\na b\n```",
    "[^a]: the note a",
    "[^b]: ## heading in a note",
    "[^b]: b with [神戸](/cases/kobe/) and COI",
    "[^c]: note\n\n    | a | b |\n    |---|---|\n    | [神戸](/cases/kobe/) | [^a] |",
    "[^unused]: never referenced",
    "> [^a]: quoted note",
    "- item\n\n  [^b]: in a list",
    "> ## Quoted heading\n> [神戸](/cases/kobe/)",
    "<div>\nblock\n</div>",
    "<script>alert(1)</script>",
    "<!-- comment -->",
    "<br>",
    "---",
    "[r1]: /cases/kobe/",
    "\u{85}\u{2028}\u{3000}",
];

fn inline(rng: &mut Rng, pieces: usize) -> String {
    let mut s = String::new();
    for _ in 0..pieces {
        s.push_str(rng.pick(INLINE));
        if rng.chance(3) {
            s.push(' ');
        }
    }
    s
}

fn block(rng: &mut Rng) -> String {
    match rng.below(9) {
        0 | 1 => rng.pick(HEADINGS).to_string(),
        2 | 3 => {
            let n = 1 + rng.below(8);
            inline(rng, n)
        }
        4 => {
            let mut s = String::new();
            for _ in 0..1 + rng.below(3) {
                let marker = rng.pick(&["- ", "1. ", "- [x] ", "- [ ] ", "* "]);
                s.push_str(marker);
                let n = 1 + rng.below(4);
                s.push_str(&inline(rng, n).replace('\n', " "));
                s.push('\n');
                if rng.chance(4) {
                    s.push_str("  ");
                    s.push_str(rng.pick(HEADINGS));
                    s.push('\n');
                }
            }
            s
        }
        5 => {
            let n = 1 + rng.below(4);
            format!("> {}", inline(rng, n).replace('\n', "\n> "))
        }
        6 => {
            let mut s = String::from("| a | b |\n|---|:-:|\n");
            for _ in 0..1 + rng.below(2) {
                let (a, b) = (1 + rng.below(3), 1 + rng.below(3));
                let cell = |rng: &mut Rng, n| inline(rng, n).replace(['\n', '|'], " ");
                s.push_str(&format!("| {} | {} |\n", cell(rng, a), cell(rng, b)));
            }
            s
        }
        _ => rng.pick(BLOCKS).to_string(),
    }
}

/// A document of a few blocks, sometimes run together (lazy continuations, setext underlines).
fn document(rng: &mut Rng) -> String {
    let mut doc = String::new();
    for _ in 0..1 + rng.below(7) {
        doc.push_str(&block(rng));
        doc.push_str(rng.pick(&["\n\n", "\n\n", "\n"]));
    }
    doc
}

/// A resolver for the page (`report == false`) or for its section of the whole report.
struct Site {
    report: bool,
    /// Links into the report go to their ids on the one page.
    single_page: bool,
    glossary: Vec<GlossaryTerm>,
    /// What it was asked, in order (`chart c1: placed`, `figure c3`, `link /cases/kobe/`, …).
    asked: Vec<String>,
}

impl Site {
    fn new(report: bool, single_page: bool) -> Site {
        let p = if report { "#r-" } else { "/ja/glossary/#" };
        let term = |id: &str, term: &str| GlossaryTerm {
            id: id.into(),
            term: term.into(),
            title: format!("{term} <expanded> \"q\""),
            href: format!("{p}{id}"),
        };
        Site {
            report,
            single_page,
            glossary: vec![
                term("coi-next", "COI-NEXT"),
                term("kosen", "高専"),
                term("coi", "COI"),
            ],
            asked: Vec::new(),
        }
    }

    fn prefix(&self) -> &'static str {
        if self.report { "r-" } else { "" }
    }
}

impl Resolve for Site {
    fn chart(&mut self, id: &str) -> Option<String> {
        let p = self.prefix();
        let figure = match id {
            "c1" | "c2" => Some(format!("<figure id=\"{p}fig-{id}\">FIG {id}</figure>\n")),
            // A chart that fails to render: the real resolver records an error and places nothing.
            "bad" => Some(String::new()),
            _ => None,
        };
        let answer = if figure.is_some() { "placed" } else { "none" };
        self.asked.push(format!("chart {id}: {answer}"));
        figure
    }

    fn table(&mut self, id: &str) -> Option<String> {
        let p = self.prefix();
        let table = (id == "t1").then(|| format!("<figure id=\"{p}tbl-{id}\">TABLE</figure>\n"));
        let answer = if table.is_some() { "placed" } else { "none" };
        self.asked.push(format!("table {id}: {answer}"));
        table
    }

    fn reference(&mut self, kind: RefKind, target: &str) -> Result<Reference, RefError> {
        self.asked.push(format!("{} {target}", kind.prefix()));
        let p = self.prefix();
        let found = |text: &str, href: String, used: usize| {
            Ok(Reference {
                text: text.into(),
                href,
                title: (kind == RefKind::Chapter).then(|| "拠点".to_string()),
                used,
            })
        };
        match (kind, target) {
            (RefKind::Figure, "c1") => found("図2-1", format!("#{p}fig-c1"), 2),
            (RefKind::Figure, "c2") => found("図2-2", format!("#{p}fig-c2"), 2),
            (RefKind::Figure, "c3") if self.single_page => {
                found("図3-1", "#other-fig-c3".into(), 2)
            }
            (RefKind::Figure, "c3") => found("図3-1", "../other/#fig-c3".into(), 2),
            (RefKind::Table, "t1") => found("表2-1", format!("#{p}tbl-t1"), 2),
            (RefKind::Table, "other#t2") => found("表3-1", "../other/#tbl-t2".into(), 8),
            (RefKind::Chapter, "hubs") => found("第2章", "../hubs/".into(), 4),
            (RefKind::Section, "#概要を見よ") => found("概要", format!("#{p}概要"), 7),
            (RefKind::Section, "#given") => found("Title", format!("#{p}given"), 6),
            (RefKind::KeyFigure, "k1") => found("約362社", format!("#{p}kf-k1"), 2),
            _ => Err(RefError {
                message: format!("{}{target} names nothing", kind.prefix()),
                help: "fix it".into(),
                message_ja: format!("{}{target} に当たるものがありません", kind.prefix()),
                help_ja: "直してください".into(),
            }),
        }
    }

    fn link(&mut self, url: &str) -> Result<LinkTarget, LinkError> {
        self.asked.push(format!("link {url}"));
        let (href, in_report) = match url {
            "/cases/kobe/" => ("/ja/cases/kobe/", Some("cases-kobe-top")),
            "/cases/kobe/#概要" => ("/ja/cases/kobe/#概要", Some("cases-kobe-概要")),
            "photo.jpg" if self.report => ("../photo.jpg", None),
            "photo.jpg" => ("photo.jpg", None),
            _ => {
                return Err(LinkError::new(
                    "there is no such page",
                    "そのページはありません",
                ));
            }
        };
        let href = match in_report {
            Some(anchor) if self.single_page => format!("#{anchor}"),
            _ => href.to_string(),
        };
        Ok(LinkTarget {
            href,
            in_report: in_report.map(|anchor| format!("#{anchor}")),
        })
    }

    fn glossary(&self) -> &[GlossaryTerm] {
        &self.glossary
    }

    fn single_page(&self) -> bool {
        self.single_page
    }
}

fn labels() -> Labels {
    Labels {
        back_to_text: "本文へ戻る".into(),
        task_done: "完了".into(),
        task_open: "未完了".into(),
        table: "表 <t>".into(),
    }
}

fn strings(list: &[crate::diag::Diagnostic]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// Everything a way gives that the pair must give too: all of it for the page, the HTML for the variant.
fn page_outputs(r: &Rendered) -> String {
    format!(
        "{}\n--\n{}\n--\n{}\n--\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}",
        r.html,
        r.footnotes_html,
        r.text,
        r.headings,
        r.links,
        strings(&r.errors),
        strings(&r.warnings),
        r.charts,
        r.tables,
        r.figure_refs,
        r.glossary_used
    )
}

fn variant_outputs(r: &Rendered) -> String {
    format!("{}\n--\n{}", r.html, r.footnotes_html)
}

/// The charts and tables placed (rendered, in the real site, with any error recorded).
fn charts(asked: &[String]) -> Vec<&String> {
    asked
        .iter()
        .filter(|a| (a.starts_with("chart ") || a.starts_with("table ")) && a.ends_with(": placed"))
        .collect()
}

#[test]
fn a_pair_renders_each_way_as_rendering_it_alone_would_for_random_documents() {
    let labels = labels();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for n in 0..3000 {
        let markdown = document(&mut rng);
        let page_input = Input {
            markdown: &markdown,
            path: Path::new("p.md"),
            first_line: 1 + rng.below(5),
            id_prefix: rng.pick(&["", "", "p-"]),
            heading_shift: [0, 0, 1][rng.below(3)],
            labels: &labels,
        };
        let variant_input = Input {
            id_prefix: rng.pick(&["r-", "r-", "", "doc-"]),
            heading_shift: rng.below(4) as u8,
            ..page_input
        };
        let single_page = !rng.chance(4);
        let (mut page_site, mut variant_site) =
            (Site::new(false, false), Site::new(true, single_page));
        let (page, variant) =
            render_pair(page_input, &mut page_site, variant_input, &mut variant_site);
        let mut page_alone_site = Site::new(false, false);
        let page_alone = render(page_input, &mut page_alone_site);
        let mut variant_alone_site = Site::new(true, single_page);
        let variant_alone = render(variant_input, &mut variant_alone_site);
        let context = format!("document {n}:\n{markdown}");
        assert_eq!(
            page_outputs(&page),
            page_outputs(&page_alone),
            "the page of {context}"
        );
        assert_eq!(
            variant_outputs(&variant),
            variant_outputs(&variant_alone),
            "the variant of {context}"
        );
        // The page's resolver is asked as if the page were rendered alone (the site pairs the link
        // targets it records with the page's links); the variant's places the same charts.
        assert_eq!(
            page_site.asked, page_alone_site.asked,
            "the page's resolver, {context}"
        );
        // Headings found without rendering (for `@sec:` references) are the headings rendering finds.
        let outlined: Vec<Heading> = headings::outline(&markdown)
            .into_iter()
            .map(|mut h| {
                h.id = format!("{}{}", page_input.id_prefix, h.id);
                h
            })
            .collect();
        assert_eq!(outlined, page_alone.headings, "the outline of {context}");
        // Captioned tables found without rendering (to number them) are the ones rendering places; a
        // document with a mistake in a caption line is refused at load, so only clean ones must agree.
        let (captioned, mistakes) = captions::scan(&markdown);
        if mistakes.is_empty() {
            let ids: Vec<String> = captioned.into_iter().map(|c| c.id).collect();
            assert_eq!(
                ids, page_alone.captioned_tables,
                "the captions of {context}"
            );
        }
        assert_eq!(
            charts(&variant_site.asked),
            charts(&variant_alone_site.asked),
            "the variant's charts, {context}"
        );
    }
}
