use super::*;

/// Targets for tests: one chart `c1`, figure `c1` as 図2-1 in this PDF, figure `other` elsewhere, links to
/// `/cases/kobe/` inside the PDF and everything else to the site, images under `/assets/`.
struct Fake {
    terms: Vec<GlossaryTerm>,
    explained: HashMap<String, String>,
}

impl Fake {
    fn new() -> Fake {
        Fake {
            terms: vec![GlossaryTerm {
                id: "coi".into(),
                term: "COI".into(),
                title: "Center of Innovation".into(),
                href: String::new(),
            }],
            explained: HashMap::from([("coi".to_string(), "hk-glossary-coi".to_string())]),
        }
    }
}

impl Targets for Fake {
    fn chart(&mut self, id: &str) -> Option<String> {
        (id == "c1").then(|| "#chart-figure(anchor: \"fig-c1\")".to_string())
    }
    fn table(&mut self, id: &str) -> Option<String> {
        (id == "t1").then(|| "#numbered-table(anchor: \"tbl-t1\")".to_string())
    }
    fn reference(&self, kind: RefKind, target: &str) -> Option<(String, usize, Dest)> {
        match (kind, target) {
            (RefKind::Figure, "c1") => Some((
                "図2-1".into(),
                2,
                Dest::Inside {
                    label: "fig-c1".into(),
                    fallback: "https://x/ja/cases/a/#fig-c1".into(),
                },
            )),
            (RefKind::Figure, "other") => Some((
                "図3-1".into(),
                5,
                Dest::Url("https://x/ja/cases/b/#fig-other".into()),
            )),
            (RefKind::Table, "m1") => Some((
                "表2-1".into(),
                2,
                Dest::Inside {
                    label: "tbl-m1".into(),
                    fallback: "https://x/ja/cases/a/#tbl-m1".into(),
                },
            )),
            (RefKind::Section, "#概要を見よ") => Some((
                "概要".into(),
                "#概要".len(),
                Dest::Url("https://x/ja/cases/a/#概要".into()),
            )),
            _ => None,
        }
    }
    fn link(&self, url: &str) -> Option<Dest> {
        if url.starts_with("javascript:") || url == "/nowhere/" {
            return None;
        }
        if url.starts_with("/cases/kobe/") {
            let fragment = url.split_once('#').map_or("top", |(_, f)| f);
            return Some(Dest::Inside {
                label: format!("cases-kobe-{fragment}"),
                fallback: format!("https://x/ja{url}"),
            });
        }
        Some(Dest::Url(url.to_string()))
    }
    fn image(&mut self, url: &str) -> Option<String> {
        url.ends_with(".jpg").then(|| format!("/assets/{url}"))
    }
    fn glossary(&self) -> (&[GlossaryTerm], &HashMap<String, String>) {
        (&self.terms, &self.explained)
    }
}

fn typst(markdown: &str) -> String {
    let placement = Placement {
        title_level: 2,
        heading_shift: 1,
        prefix: "cases-a-",
        outlined: false,
        first_link: 0,
    };
    write(markdown, placement, &mut Fake::new()).markup
}

#[test]
fn text_is_always_a_string_literal() {
    assert_eq!(
        typst("#set page(&quot;x&quot;) $1$ *and* [a] \\\\ < b > @c // d\n"),
        "#\"#set page(\\\"x\\\") $1$ \";#emph[#\"and\";]#\" [a] \\\\ < b > @c // d\";\n\n"
    );
}

#[test]
fn headings_keep_their_html_ids_and_never_skip_a_level() {
    let out = typst("## 概要\n\n#### 詳細 {#detail}\n\n## 概要\n");
    assert_eq!(
        out,
        "#heading(level: 3, outlined: false, bookmarked: true)[#\"概要\";] #label(\"cases-a-概要\")\n\n\
         #heading(level: 4, outlined: false, bookmarked: true)[#\"詳細\";] #label(\"cases-a-detail\")\n\n\
         #heading(level: 3, outlined: false, bookmarked: true)[#\"概要\";] #label(\"cases-a-概要-2\")\n\n"
    );
}

#[test]
fn japanese_line_breaks_join_without_a_space() {
    assert_eq!(
        typst("神戸の\n医療\nand more\n"),
        "#\"神戸の医療\";#\" \";#\"and more\";\n\n"
    );
}

#[test]
fn links_lead_inside_the_pdf_or_to_the_site() {
    let out = typst(
        "[神戸](/cases/kobe/#概要)、[外](https://example.org/)、[壊](/nowhere/)、[危](javascript:x)\n",
    );
    assert_eq!(
        out,
        "#link(\u{E000}0\u{E000})[#\"神戸\";]#\"、\";\
         #link(\"https://example.org/\")[#\"外\";]#\"、\";#\"壊\";#\"、\";#\"危\";\n\n"
    );
}

#[test]
fn figure_references_and_glossary_terms() {
    let out = typst("COI は @fig:c1 と @fig:other を示す。COI。@fig:none @sec:#概要を見よ\n");
    assert_eq!(
        out,
        "#link(label(\"hk-glossary-coi\"))[#\"COI\";]#\" は \";\
         #link(\u{E000}0\u{E000})[#\"図2-1\";]#\" と \";\
         #link(\"https://x/ja/cases/b/#fig-other\")[#\"図3-1\";]#\" を示す。COI。\";#\"@fig:none\";#\" \";\
         #link(\"https://x/ja/cases/a/#概要\")[#\"概要\";]#\"を見よ\";\n\n"
    );
}

#[test]
fn charts_images_and_alt_text() {
    let written = write(
        "```chart\nc1\n```\n\n![写真](photo.jpg) ![](bare.jpg) ![no file](x.pdf)\n",
        Placement {
            title_level: 1,
            heading_shift: 0,
            prefix: "",
            outlined: false,
            first_link: 0,
        },
        &mut Fake::new(),
    );
    assert_eq!(
        written.markup,
        "#chart-figure(anchor: \"fig-c1\")\n\n\
         #box(image(\"/assets/photo.jpg\", alt: \"写真\", width: 100%));#\" \";\
         #box(image(\"/assets/bare.jpg\", alt: \"\", width: 100%));#\" \";#\"no file\";\n\n"
    );
    assert_eq!(
        written.images_without_alt,
        vec![(38, "bare.jpg".to_string())]
    );
}

#[test]
fn footnotes_are_written_where_they_are_referenced() {
    let out = typst("本文[^a]と再び[^a]。\n\n[^a]: 注の*本文*。\n");
    assert_eq!(
        out,
        "#\"本文\";#footnote[#\"注の\";#emph[#\"本文\";]#\"。\";] #label(\"cases-a-fn-a\")#\"と再び\";\
         #footnote(label(\"cases-a-fn-a\"));#\"。\";\n\n"
    );
}

#[test]
fn lists_tables_quotes_and_code() {
    let out = typst(
        "- a\n- [x] b\n\n1. c\n\n> q\n\n| h | n |\n|---|--:|\n| x | 1 |\n\n```rust\nfn x() {}\n```\n\n`c`\n",
    );
    assert_eq!(
        out,
        "#list([#\"a\";], [#\"☑ \";#\"b\";], )\n\n\
         #enum(start: 1, [#\"c\";], )\n\n\
         #quote(block: true)[#\"q\";\n\n]\n\n\
         #table(columns: 2, align: (left, right,), table.header([#\"h\";], [#\"n\";], ), [#\"x\";], [#\"1\";], )\n\n\
         #raw(block: true, lang: \"rust\", \"fn x() {}\")\n\n\
         #raw(\"c\");\n\n"
    );
}

#[test]
fn allowed_raw_html_becomes_typst_and_unclosed_tags_close_with_their_block() {
    let out = typst(
        "H<sub>2</sub>O<br>10<sup>3 and <ruby>漢字<rp>(</rp><rt>かんじ</rt><rp>)</rp></ruby>\n",
    );
    assert_eq!(
        out,
        "#\"H\";#sub[#\"2\";]#\"O\";#linebreak();#\"10\";#super[#\"3 and \";[#\"漢字\";\
         #text(size: 0.7em)[（#\"かんじ\";）]]]\n\n"
    );
}

#[test]
fn a_markdown_table_under_a_caption_line_is_a_numbered_table() {
    let markup = typst(
        "Table: 施策の*規模* {#m1}\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n| c |\n|---|\n| 3 |\n",
    );
    assert_eq!(
        markup,
        "#captioned-table(number: \"表2-1\", caption: \"施策の*規模*\", anchor: \"tbl-m1\")[#table(columns: 2, align: (left, right,), table.header([#\"a\";], [#\"b\";], ), [#\"1\";], [#\"2\";], )]\n\n#table(columns: 1, align: (left,), table.header([#\"c\";], ), [#\"3\";], )\n\n"
    );
    // A caption line with no table under it is refused at load; here it writes nothing.
    assert_eq!(typst("Table: lonely {#m1}\n\nText.\n"), "#\"Text.\";\n\n");
}
