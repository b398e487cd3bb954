//! Each kind of editor mistake gives `path:line:column: error: …` with a hint, exit code 1, and every error
//! of the build, not only the first.

use crate::harness::SiteTest;

fn minimal() -> SiteTest {
    SiteTest::fixture("minimal")
}

const FAILED: &str = "build failed: 1 error; output was left unchanged\n";

#[test]
fn unknown_front_matter_key_suggests_the_right_one() {
    let site = minimal();
    site.write(
        "content/about/index.ja.md",
        "---\ntitel: 本報告書について\n---\n本文\n",
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/about/index.ja.md:2:1: error: unknown field `titel`, expected one of `title`, `summary`, `date`, `updated`, `translated_from`, `draft`\n  help: did you mean `title`?\n{FAILED}"
        )
    );
}

#[test]
fn yaml_syntax_error_has_the_file_line() {
    let site = minimal();
    site.write(
        "content/about/index.en.md",
        "---\ntitle: About\nsummary: x\n  date: 2025\n---\nText\n",
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/about/index.en.md:4:7: error: mapping values are not allowed in this context\n  help: put a text that contains \": \" in quotes, and start the keys of one mapping in the same column\n{FAILED}"
        )
    );
}

#[test]
fn missing_required_field() {
    let site = minimal();
    site.write(
        "content/cases/alpha/index.en.md",
        "---\ntitle: Case Alpha\n---\nText\n",
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/cases/alpha/index.en.md:2:1: error: missing field `summary` in the front matter\n  help: cases and chapters need a one- or two-sentence `summary: …` for lists, search and feeds\n{FAILED}"
        )
    );
}

#[test]
fn wrong_type() {
    let site = minimal();
    site.write(
        "content/about/index.en.md",
        "---\ntitle: [About, us]\n---\n",
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/about/index.en.md:2:8: error: `title`: wrong type: found sequence, expected a string\n{FAILED}"
        )
    );
}

#[test]
fn no_space_after_the_colon() {
    let site = minimal();
    site.write("content/about/index.en.md", "---\ntitle:About\n---\nText\n");
    assert_eq!(
        site.build_err(),
        format!(
            "content/about/index.en.md:2:7: error: a space is needed after the colon in `title:About`\n  help: without the space YAML reads the line as one text, not as `title` and its value: write `title: About`\n{FAILED}"
        )
    );
    let data = std::fs::read_to_string(site.dir.join("content/cases/alpha/data.yaml")).unwrap();
    site.write(
        "content/about/index.en.md",
        "---\ntitle: About\n---\nText\n",
    );
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("chapter: one", "chapter:one"),
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/cases/alpha/data.yaml:1:9: error: a space is needed after the colon in `chapter:one`\n  help: without the space YAML reads the line as one text, not as `chapter` and its value: write `chapter: one`\n{FAILED}"
        )
    );
}

#[test]
fn a_date_or_an_order_that_is_a_number_of_another_kind() {
    let site = minimal();
    site.write(
        "content/cases/alpha/index.en.md",
        "---\ntitle: Case Alpha\nsummary: A case.\ndate: 2025.0\n---\nText\n",
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/cases/alpha/index.en.md:4:7: error: `date`: `2025.0` is not a date: dates are written 2025, 2025-03, 2025-03-31, FY2024 (a fiscal year) or with an era (令和6年度, R6)\n{FAILED}"
        )
    );
    site.write(
        "content/cases/alpha/index.en.md",
        "---\ntitle: Case Alpha\nsummary: A case.\n---\nText\n",
    );
    let data = std::fs::read_to_string(site.dir.join("content/cases/alpha/data.yaml")).unwrap();
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace(
            "chapter: one\n",
            "chapter: one\norder: 99999999999999999999\n",
        ),
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/cases/alpha/data.yaml:2:8: error: `order`: the number 99999999999999999999 is too large\n  help: write a whole number from -9223372036854775808 to 9223372036854775807\n{FAILED}"
        )
    );
}

#[test]
fn an_invisible_line_break_in_a_text_is_found_on_its_line() {
    for (c, name) in [
        ('\u{85}', "next-line character (U+0085)"),
        ('\u{2028}', "line separator (U+2028)"),
        ('\u{2029}', "paragraph separator (U+2029)"),
    ] {
        let site = minimal();
        site.write(
            "content/about/index.en.md",
            format!("---\ntitle: About{c}us\nsummary: x\n---\nText\n"),
        );
        assert_eq!(
            site.build_err(),
            format!(
                "content/about/index.en.md:2:13: error: this line holds an invisible {name}, which YAML reads as a line break\n  help: delete it; it often comes with text copied from a PDF or a word processor\n{FAILED}"
            )
        );
    }
}

#[test]
fn file_that_is_not_utf8() {
    let site = minimal();
    site.write(
        "content/about/index.ja.md",
        b"---\ntitle: \x93\xfa\x96\x7b\n---\n",
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/about/index.ja.md:2:8: error: the file is not valid UTF-8 (byte 0x93)\n  help: the file looks like Shift_JIS: save it as UTF-8 (in most editors: Save with encoding → UTF-8)\n{FAILED}"
        )
    );
}

#[test]
fn text_missing_a_language_in_data_yaml() {
    let site = minimal();
    let data = std::fs::read_to_string(site.dir.join("content/cases/alpha/data.yaml")).unwrap();
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("label: {ja: 企業数, en: Companies}", "label: {ja: 企業数}"),
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/cases/alpha/data.yaml:9:12: error: `key_figures[0].label`: the English text (`en`) is missing\n{FAILED}"
        )
    );
}

#[test]
fn unknown_taxonomy_key_and_source_are_reported_together() {
    let site = minimal();
    let data = std::fs::read_to_string(site.dir.join("content/cases/alpha/data.yaml")).unwrap();
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("fields: [medicine]", "fields: [medecine]")
            .replace("sources: [doc1]", "sources: [doc1, doc2]"),
    );
    assert_eq!(
        site.build_err(),
        "content/cases/alpha/data.yaml:3:10: error: `medecine` is not defined in taxonomies.yaml under `fields`\n  help: did you mean `medicine`?\n\
         content/cases/alpha/data.yaml:6:17: error: the source `doc2` is not defined in sources.yaml\n  help: did you mean `doc1`?\n\
         build failed: 2 errors; output was left unchanged\n"
    );
}

#[test]
fn errors_in_several_files_are_all_listed() {
    let site = minimal();
    site.write("content/about/index.ja.md", "---\ntitle: a\nfoo: b\n---\n");
    site.write("content/chapters/one/index.en.md", "no front matter\n");
    let err = site.build_err();
    assert!(
        err.contains("content/about/index.ja.md:3:1: error: unknown field `foo`"),
        "{err}"
    );
    assert!(
        err.contains("content/chapters/one/index.en.md:1:1: error: the file has no front matter"),
        "{err}"
    );
    assert!(
        err.ends_with("build failed: 2 errors; output was left unchanged\n"),
        "{err}"
    );
}

#[test]
fn template_error_names_template_position_and_page() {
    let site = minimal();
    site.write(
        "content/site.yaml",
        std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap() + "theme: custom\n",
    );
    site.write(
        "themes/custom/templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.titel }}</p>\n{% endblock main %}\n",
    );
    let err = site.build_err();
    assert!(
        err.contains("themes/custom/templates/page.html:3:12: error: Field `titel` is not defined. Available fields: alternates, body,"),
        "{err}"
    );
    assert!(
        err.contains("(while rendering /ja/about/)\n  help: did you mean `title`?"),
        "{err}"
    );
}

/// A template that loops without end is stopped by the budget of one rendering (512 MiB of output), with an
/// error naming it, instead of growing until memory runs out.
#[test]
fn a_template_writing_without_end_is_stopped() {
    let site = minimal();
    site.write(
        "content/site.yaml",
        std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap() + "theme: custom\n",
    );
    // Each turn writes 64 KiB of text, so that the budget is reached in a few thousand turns.
    let chunk = "over and over, ".repeat(64 * 1024 / 15);
    site.write(
        "themes/custom/templates/page.html",
        format!("{{% for a in range(end=100000) %}}{{% for b in range(end=100000) %}}{{{{ page.title }}}} {chunk}{{% endfor %}}{{% endfor %}}\n"),
    );
    let err = site.build_err();
    assert!(
        err.contains("themes/custom/templates/page.html: error: the template `page.html` wrote more than 512 MiB for /ja/about/: it probably loops without end\n  help: look for a loop"),
        "{err}"
    );
}

#[test]
fn template_syntax_error() {
    let site = minimal();
    site.write(
        "content/site.yaml",
        std::fs::read_to_string(site.dir.join("content/site.yaml")).unwrap() + "theme: custom\n",
    );
    site.write(
        "themes/custom/templates/page.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ page.title }</p>\n",
    );
    let err = site.build_err();
    assert!(
        err.starts_with("themes/custom/templates/page.html:3:18: error: "),
        "{err}"
    );
}

#[test]
fn chart_data_errors_point_into_data_yaml() {
    let site = minimal();
    let data = std::fs::read_to_string(site.dir.join("content/cases/alpha/data.yaml")).unwrap();
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("values: [350, 362]", "values: [350, .nan, 1]")
            .replace("kind: bar", "kind: pie"),
    );
    assert_eq!(
        site.build_err(),
        format!(
            "content/cases/alpha/data.yaml:19:11: error: `charts[0].kind`: unknown value `pie`, expected one of `bar`, `hbar`, `stacked`, `share`, `line`, `combo`, `donut`\n  help: the allowed values are `bar`, `hbar`, `stacked`, `share`, `line`, `combo`, `donut`\n{FAILED}"
        )
    );
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("values: [350, 362]", "values: [350, .nan, 1]"),
    );
    assert_eq!(
        site.build_err(),
        "content/cases/alpha/data.yaml:24:17: error: series 1 (Companies) of chart `alpha-growth` has 3 values but there are 2 categories\n  help: give exactly one value per category, in the same order\n\
         content/cases/alpha/data.yaml:24:23: error: value 2 of series 1 in chart `alpha-growth` is not a finite number\n  help: write a plain number; a missing value cannot be drawn: leave the category out or explain it in `note`\n\
         build failed: 2 errors; output was left unchanged\n"
    );
}

#[test]
fn markdown_naming_an_unknown_chart_or_figure() {
    let site = minimal();
    site.write(
        "content/about/index.ja.md",
        "---\ntitle: について\n---\n@fig:nothing を見よ。\n\n```chart\nnothing\n```\n",
    );
    assert_eq!(
        site.build_err(),
        "content/about/index.ja.md:4:1: error: the figure reference @fig:nothing names no chart\n  help: use the id of a chart defined in a data.yaml of this report\n\
         content/about/index.ja.md:6:1: error: there is no chart `nothing` in this page's data.yaml\n  help: define it under `charts:` in the data.yaml next to this file, or correct the id\n\
         build failed: 2 errors; output was left unchanged\n"
    );
}

/// Both in one run: a broken link does not hide a broken anchor on the same page.
#[test]
fn broken_internal_link_and_anchor() {
    let site = minimal();
    site.write(
        "content/about/index.en.md",
        "---\ntitle: About\n---\nSee [a](/cases/nothing/) and [b](/cases/alpha/#nowhere).\n",
    );
    assert_eq!(
        site.build_err(),
        "content/about/index.en.md:4:5: error: broken link `/cases/nothing/`: there is no page content/cases/nothing/\n\
         content/about/index.en.md:4:30: error: broken link `/cases/alpha/#nowhere`: the page has no anchor `#nowhere`\n  help: anchors come from headings (## 概要 → #概要) or {#id} after a heading\n\
         build failed: 2 errors; output was left unchanged\n"
    );
    site.write(
        "content/about/index.en.md",
        "---\ntitle: About\n---\nSee [b](/cases/alpha/#nowhere).\n",
    );
    assert_eq!(
        site.build_err(),
        "content/about/index.en.md:4:5: error: broken link `/cases/alpha/#nowhere`: the page has no anchor `#nowhere`\n  help: anchors come from headings (## 概要 → #概要) or {#id} after a heading\n\
         build failed: 1 error; output was left unchanged\n"
    );
}
