//! Tests of Markdown rendering with a fake site.

use std::path::Path;

use super::*;

mod japanese;
mod random;

struct Fake {
    glossary: Vec<GlossaryTerm>,
    /// Answers as for the whole-report page (everything within the page, ids prefixed `r-`).
    report: bool,
}

impl Resolve for Fake {
    fn chart(&mut self, id: &str) -> Option<String> {
        let p = if self.report { "r-" } else { "" };
        (id == "c1").then(|| format!("<figure id=\"{p}fig-c1\">FIG</figure>\n"))
    }
    fn table(&mut self, id: &str) -> Option<String> {
        let p = if self.report { "r-" } else { "" };
        (id == "t1").then(|| format!("<figure id=\"{p}tbl-t1\">TABLE</figure>\n"))
    }
    fn reference(&mut self, kind: RefKind, target: &str) -> Result<Reference, RefError> {
        let p = if self.report { "r-" } else { "" };
        match (kind, target) {
            (RefKind::Figure, "c1") => Ok(Reference {
                text: "図2-1".into(),
                href: format!("#{p}fig-c1"),
                title: None,
                used: 2,
            }),
            (RefKind::Section, t) if t.starts_with("#概要") => Ok(Reference {
                text: "概要".into(),
                href: format!("#{p}概要"),
                title: None,
                used: "#概要".len(),
            }),
            _ => Err(RefError {
                message: format!(
                    "the figure reference {}{target} names no chart",
                    kind.prefix()
                ),
                help: "use the id of a chart defined in a data.yaml of this report".into(),
                message_ja: format!("図の参照 {}{target} に当たる図がありません", kind.prefix()),
                help_ja: "このレポートのいずれかの data.yaml で定義した図の id を書いてください"
                    .into(),
            }),
        }
    }
    fn link(&mut self, url: &str) -> Result<LinkTarget, LinkError> {
        let (href, in_report) = match (url, self.report) {
            ("/cases/kobe/", false) => ("/ja/cases/kobe/", Some("#cases-kobe-top")),
            ("/cases/kobe/", true) => ("#cases-kobe-top", Some("#cases-kobe-top")),
            ("photo.jpg", false) => ("photo.jpg", None),
            ("photo.jpg", true) => ("../photo.jpg", None),
            _ => {
                return Err(LinkError::new(
                    "there is no such page",
                    "そのページはありません",
                ));
            }
        };
        Ok(LinkTarget {
            href: href.into(),
            in_report: in_report.map(str::to_string),
        })
    }
    fn glossary(&self) -> &[GlossaryTerm] {
        &self.glossary
    }
    fn single_page(&self) -> bool {
        self.report
    }
}

fn labels() -> Labels {
    Labels {
        back_to_text: "本文へ戻る".into(),
        task_done: "完了".into(),
        task_open: "未完了".into(),
        table: "表".into(),
    }
}

fn fake(report: bool) -> Fake {
    Fake {
        glossary: vec![GlossaryTerm {
            id: String::new(),
            term: "COI".into(),
            title: "センター・オブ・イノベーション".into(),
            href: if report {
                "#r-coi"
            } else {
                "/ja/glossary/#coi"
            }
            .into(),
        }],
        report,
    }
}

fn input<'a>(markdown: &'a str, labels: &'a Labels) -> Input<'a> {
    Input {
        markdown,
        path: Path::new("p.md"),
        first_line: 5,
        id_prefix: "",
        heading_shift: 0,
        labels,
    }
}

fn md(markdown: &str) -> Rendered {
    let labels = labels();
    render(input(markdown, &labels), &mut fake(false))
}

/// `markdown` rendered as a pair (the page, and the report's variant with `heading_shift`), and each way alone.
fn pair_and_alone(markdown: &str, heading_shift: u8) -> [Rendered; 4] {
    let labels = labels();
    let page_input = input(markdown, &labels);
    let report_input = Input {
        id_prefix: "r-",
        heading_shift,
        ..page_input
    };
    let (page, report) = render_pair(page_input, &mut fake(false), report_input, &mut fake(true));
    let page_alone = render(page_input, &mut fake(false));
    let report_alone = render(report_input, &mut fake(true));
    [page, report, page_alone, report_alone]
}

#[test]
fn a_pair_renders_each_way_as_rendering_it_alone_would_wherever_the_patches_stand() {
    // Patched events whose HTML depends on where they stand (after raw HTML, in alt text, tables, notes).
    let snippets = [
        "<br>\n## After raw HTML\n\ntext\n",
        "```chart\nc1\n```\n## After a figure\n",
        "![photo [神戸](/cases/kobe/) and[^a]](photo.jpg \"a title\")\n\n[^a]: note\n",
        "![写真](photo.jpg)![again](photo.jpg)\n",
        "| a | b |\n|---|---|\n| [神戸](/cases/kobe/) | ## no |\n",
        "> ## Quoted heading\n> [神戸](/cases/kobe/)\n",
        "- item\n  ## in a list\n- [神戸](/cases/kobe/)[^a]\n\n[^a]: [神戸](/cases/kobe/)\n",
        "# One\n# One\n\n### [x](/cases/kobe/) and `code`\n",
        "COI and COI @fig:c1 @fig:c1\n\n```chart\nc1\n```\n",
        "text[^a]\n\n[^a]: ## heading in a note\n",
    ];
    for markdown in snippets {
        let [page, report, page_alone, alone] = pair_and_alone(markdown, 1);
        assert_eq!(page.html, page_alone.html, "{markdown}");
        assert_eq!(report.html, alone.html, "{markdown}");
        assert_eq!(report.footnotes_html, alone.footnotes_html, "{markdown}");
    }
}

#[test]
fn a_pair_renders_each_way_as_rendering_it_alone_would() {
    let markdown = "# Title\n\n## 概要 {#given}\n\nCOI は [神戸](/cases/kobe/) と [外](https://example.org/) と \
                    [壊](/nowhere/) と [危](javascript:x) を結ぶ[^a]。@fig:c1 を見よ[^b][^a]。\n\n\
                    ![写真](photo.jpg)\n\n```chart\nc1\n```\n\n### [神戸へ](/cases/kobe/)\n\n\
                    [^a]: 注は [神戸](/cases/kobe/) を指す。\n\n[^b]: 二つ目。\n\n[^unused]: 使われない。\n";
    let [page, report, page_alone, report_alone] = pair_and_alone(markdown, 2);
    assert_eq!(page.html, page_alone.html);
    assert_eq!(page.footnotes_html, page_alone.footnotes_html);
    assert_eq!(page.text, page_alone.text);
    assert_eq!(page.headings, page_alone.headings);
    assert_eq!(page.links, page_alone.links);
    assert_eq!(errors(&page), errors(&page_alone));
    assert_eq!(page.warnings.len(), page_alone.warnings.len());
    assert_eq!(report.html, report_alone.html);
    assert_eq!(report.footnotes_html, report_alone.footnotes_html);
    // The two ways differ where they should.
    for wanted in [
        "<h4 id=\"r-given\">",
        "href=\"#cases-kobe-top\"",
        "href=\"#r-fig-c1\"",
        "<figure id=\"r-fig-c1\">",
        "href=\"#r-coi\"",
        "id=\"r-fnref-1\"",
        "id=\"r-fnref-1-2\"",
        "src=\"../photo.jpg\"",
        "<h5 id=\"r-神戸へ\"><a href=\"#cases-kobe-top\">",
    ] {
        assert!(report.html.contains(wanted), "{wanted} in {}", report.html);
    }
    assert!(
        report
            .footnotes_html
            .contains("<li id=\"r-fn-1\"><p>注は <a href=\"#cases-kobe-top\">"),
        "{}",
        report.footnotes_html
    );
    assert!(page.html.contains("<h2 id=\"given\">"), "{}", page.html);
    assert!(page.footnotes_html.contains("<a href=\"/ja/cases/kobe/\">"));
}

fn errors(r: &Rendered) -> Vec<String> {
    r.errors.iter().map(ToString::to_string).collect()
}

#[test]
fn japanese_heading_ids_unique() {
    let r = md("## 概要\n\n## 概要\n\n### How it *began*\n");
    assert!(r.html.contains("<h2 id=\"概要\">概要</h2>"), "{}", r.html);
    assert!(r.html.contains("<h2 id=\"概要-2\">"));
    assert!(r.html.contains("<h3 id=\"how-it-began\">"));
    assert_eq!(r.headings.len(), 3);
    assert_eq!(r.headings[2].text, "How it began");
}

#[test]
fn heading_attributes_other_than_id_are_dropped() {
    let r = md("## Title {#mine .evil onclick=alert(1)}\n");
    assert!(r.html.contains("<h2 id=\"mine\">Title</h2>"), "{}", r.html);
    assert!(!r.html.contains("onclick"));
}

#[test]
fn soft_breaks_between_japanese_disappear() {
    let r = md("神戸医療産業都市は\n震災復興から始まった。\nIt began\nin 1998.\n");
    assert!(
        r.html.contains("神戸医療産業都市は震災復興から始まった。"),
        "{}",
        r.html
    );
    assert!(r.html.contains("It began\nin 1998."));
}

#[test]
fn footnotes_numbered_with_backlinks() {
    let r = md("本文[^a]と[^b]、再び[^a]。\n\n[^b]: 二つ目。\n[^a]: 一つ目。\n");
    assert!(
        r.html
            .contains("<a href=\"#fn-1\" id=\"fnref-1\" role=\"doc-noteref\">1</a>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("id=\"fnref-1-2\""));
    assert!(
        r.footnotes_html
            .contains("<li id=\"fn-1\"><p>一つ目。</p>\n<a href=\"#fnref-1\""),
        "{}",
        r.footnotes_html
    );
    assert!(r.footnotes_html.contains("<li id=\"fn-2\"><p>二つ目。</p>"));
}

#[test]
fn charts_and_figure_references() {
    let r = md("@fig:c1 のとおり。\n\n```chart\nc1\n```\n\n```chart\nnope\n```\n");
    assert!(
        r.html
            .contains("<a class=\"xref\" href=\"#fig-c1\">図2-1</a> のとおり。"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<figure id=\"fig-c1\">FIG</figure>"));
    assert_eq!(r.charts, vec!["c1"]);
    assert_eq!(
        errors(&r),
        vec![
            "p.md:11:1: error: there is no chart `nope` in this page's data.yaml\n  help: define it under `charts:` in the data.yaml next to this file, or correct the id"
        ]
    );
}

#[test]
fn unknown_figure_reference_is_an_error() {
    let r = md("本文\n\n図は @fig:missing にある。\n");
    assert_eq!(
        errors(&r),
        vec![
            "p.md:7:4: error: the figure reference @fig:missing names no chart\n  help: use the id of a chart defined in a data.yaml of this report"
        ]
    );
}

#[test]
fn links_resolved_and_policed() {
    let r = md(
        "[神戸](/cases/kobe/) [x](javascript:alert(1)) [y](/nowhere/) [z](https://example.org/)\n",
    );
    assert!(
        r.html.contains("<a href=\"/ja/cases/kobe/\">神戸</a>"),
        "{}",
        r.html
    );
    assert!(r.html.contains("<a href=\"https://example.org/\">z</a>"));
    assert!(!r.html.contains("javascript"));
    assert_eq!(errors(&r).len(), 2, "{:?}", errors(&r));
    assert!(errors(&r)[0].starts_with("p.md:5:20"), "{:?}", errors(&r));
    assert!(
        errors(&r)[0]
            .starts_with("p.md:5:20: error: links with the scheme `javascript:` are not allowed")
    );
    assert!(
        errors(&r)[1]
            .starts_with("p.md:5:45: error: broken link `/nowhere/`: there is no such page")
    );
}

#[test]
fn raw_html_policy() {
    let r = md(
        "a<br>b <strong>「重要」</strong>\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n",
    );
    assert!(
        r.html.contains("a<br>b <strong>「重要」</strong>"),
        "{}",
        r.html
    );
    assert!(!r.html.contains("<script"));
    assert!(!r.html.contains("<img"));
    let e = errors(&r);
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(e[0].starts_with("p.md:7:1: error: raw HTML is not allowed: `<script>`"));
}

#[test]
fn glossary_first_use_only() {
    let r = md("COIとCOI。\n\n`COI` in code\n");
    assert_eq!(
        r.html
            .matches("<abbr title=\"センター・オブ・イノベーション\">COI</abbr>")
            .count(),
        1,
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<a class=\"term\" href=\"/ja/glossary/#coi\">")
    );
}

#[test]
fn images_need_alt_text() {
    let r = md("![](photo.jpg)\n\n![神戸の写真](photo.jpg)\n");
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(
        r.warnings[0].to_string(),
        "p.md:5:1: warning: the image `photo.jpg` has no alt text\n  help: describe the image in the brackets: ![神戸医療産業都市の航空写真](photo.jpg)"
    );
}

#[test]
fn tables_and_tasks() {
    let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n");
    assert!(
        r.html.contains(
            "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"表\"><table>"
        ),
        "{}",
        r.html
    );
    assert!(
        r.html
            .contains("<span class=\"visually-hidden\">完了</span>")
    );
}

#[test]
fn text_is_collected_for_search() {
    let r = md("## 概要\n\n神戸の**再生医療**。\n");
    assert!(r.text.contains("概要"));
    assert!(r.text.contains("神戸の再生医療。"));
}

#[test]
fn text_next_to_markup_keeps_single_spaces() {
    let cases = [
        (
            "The **bold** text and *it* ends.",
            "The bold text and it ends.",
        ),
        ("a  **b**  c", "a b c"),
        ("**x** ", "x"),
        (
            "神戸の **再生医療** と　*鶴岡*。",
            "神戸の 再生医療 と 鶴岡。",
        ),
        ("`code` after", "code after"),
        ("tab\t**b**\tc", "tab b c"),
    ];
    for (markdown, text) in cases {
        assert_eq!(md(&format!("{markdown}\n")).text, text, "{markdown}");
    }
}

#[test]
fn undefined_footnote_is_a_warning() {
    let r = md("本文[^nodef]。\n");
    assert_eq!(
        r.warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        vec![
            "p.md:5:3: warning: the footnote `[^nodef]` has no definition, so it shows as text\n  help: add a line `[^nodef]: …` below the paragraph, or remove the reference"
        ]
    );
}

#[test]
fn plain_text_has_one_space_for_each_run_of_whitespace() {
    let r = md("# 見出し\n\n第一段落　全角空白\n改行。\n\n- one\n- two  three\n");
    assert_eq!(r.text, "見出し 第一段落 全角空白改行。 one two three");
}

/// Work grows with the text, not with its square: 50,000 footnotes (each looked up by its label when
/// referenced, listed and checked) and 10,000 headings of the same text render in a few seconds even
/// unoptimised; with a lookup by scanning, as before, the footnotes alone took over a minute at 100,000.
#[test]
fn many_footnotes_and_same_headings_take_linear_time() {
    let n = 50_000;
    let mut text: String = (0..n).map(|i| format!("文{i}[^n{i}]。")).collect();
    text.push_str("\n\n");
    text.extend((0..n).map(|i| format!("[^n{i}]: 注{i}。\n")));
    text.extend((0..10_000).map(|_| "\n## 同じ見出し\n\n本文。\n"));
    let started = std::time::Instant::now();
    let r = md(&text);
    let took = started.elapsed();
    assert_eq!(r.footnotes_html.matches("<li id=\"fn-").count(), n);
    assert!(r.html.contains("id=\"同じ見出し-10000\""));
    assert!(r.warnings.is_empty(), "{:?}", r.warnings.first());
    assert!(
        took < std::time::Duration::from_secs(20),
        "50,000 footnotes and 10,000 headings took {took:?}"
    );
}
