//! "Cite this": a work of the report (a case, a chapter, a figure) described once as a [`Work`], written
//! as a Japanese citation in the SIST 02 manner, an English one in an APA-like manner, a BibTeX
//! `@techreport` and an RIS `RPRT` record. Pure: strings in, strings out, nothing dated by the build, so
//! two builds give the same bytes.

use crate::model::date::PartialDate;
use crate::model::lang::Lang;

/// What is cited, in one language.
#[derive(Clone, Debug)]
pub(crate) struct Work<'a> {
    /// The language of the work (and of its citation).
    pub(crate) lang: Lang,
    /// The work's own title (the case, chapter or figure).
    pub(crate) title: &'a str,
    /// What kind of part it is: 事例 / Case study, 章 / Chapter, 図 / Figure.
    pub(crate) kind: &'a str,
    /// The report's title.
    pub(crate) report: &'a str,
    /// Who wrote and issued it (the publisher stands as corporate author).
    pub(crate) publisher: &'a str,
    /// 初版 / First edition.
    pub(crate) edition: Option<&'a str>,
    /// When it was published (the page's date, else the report's).
    pub(crate) date: Option<PartialDate>,
    /// Its absolute address.
    pub(crate) url: &'a str,
    /// A BibTeX key: ASCII letters, digits and `-`.
    pub(crate) key: &'a str,
}

/// A work cited four ways.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Citation {
    /// SIST 02 style: 編集部.「題」.『報告書』. 初版, 発行者, 2026, URL.
    pub(crate) sist_ja: String,
    /// APA-like: Editors. (2026). Title. In *Report* (First edition). Publisher. URL
    pub(crate) text_en: String,
    /// A BibTeX `@techreport` entry.
    pub(crate) bibtex: String,
    /// An RIS `TY  - RPRT` record (CRLF line ends, as the format asks).
    pub(crate) ris: String,
}

impl Citation {
    /// The four citations of `work`.
    pub(crate) fn of(work: &Work<'_>) -> Citation {
        Citation {
            sist_ja: sist_ja(work),
            text_en: text_en(work),
            bibtex: bibtex(work),
            ris: ris(work),
        }
    }

    /// The formatted citation in `lang`.
    pub(crate) fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ja => &self.sist_ja,
            Lang::En => &self.text_en,
        }
    }
}

/// One line: every run of white space (line breaks included) becomes one space.
fn line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn sist_ja(w: &Work<'_>) -> String {
    let mut out = format!(
        "{}.「{}」.『{}』.",
        line(w.publisher),
        line(w.title),
        line(w.report)
    );
    let mut tail = Vec::new();
    if let Some(e) = w.edition {
        tail.push(line(e));
    }
    tail.push(line(w.publisher));
    if let Some(d) = w.date {
        tail.push(d.year().to_string());
    }
    tail.push(w.url.to_string());
    out.push(' ');
    out.push_str(&tail.join(", "));
    out.push('.');
    out
}

fn text_en(w: &Work<'_>) -> String {
    let year = w
        .date
        .map_or_else(|| "n.d.".to_string(), |d| d.year().to_string());
    let edition = w
        .edition
        .map(|e| format!(" ({})", line(e)))
        .unwrap_or_default();
    format!(
        "{}. ({year}). {}. In {}{edition}. {}",
        line(w.publisher).trim_end_matches('.'),
        line(w.title).trim_end_matches('.'),
        line(w.report),
        w.url
    )
}

/// A BibTeX field value, inside braces: the characters TeX treats specially are escaped, so braces always
/// balance and nothing runs as a command.
pub(crate) fn bibtex_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in line(s).chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '&' | '%' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '^' => out.push_str("\\^{}"),
            '~' => out.push_str("\\~{}"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn bibtex(w: &Work<'_>) -> String {
    let mut fields: Vec<(&str, String)> = vec![
        ("author", format!("{{{}}}", bibtex_escape(w.publisher))),
        ("title", bibtex_escape(w.title)),
        ("institution", bibtex_escape(w.publisher)),
        ("type", bibtex_escape(w.kind)),
        ("note", bibtex_escape(&in_report(w))),
    ];
    if let Some(d) = w.date {
        fields.push(("year", d.year().to_string()));
        if let PartialDate::Month(_, m) | PartialDate::Day(_, m, _) = d {
            fields.push(("month", MONTHS[(m as usize).clamp(1, 12) - 1].to_string()));
        }
    }
    fields.push(("url", bibtex_escape(w.url)));
    fields.push((
        "language",
        match w.lang {
            Lang::Ja => "japanese",
            Lang::En => "english",
        }
        .to_string(),
    ));
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@techreport{{{},\n{}\n}}\n", w.key, body.join(",\n"))
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// In: 『Report』, First edition.
fn in_report(w: &Work<'_>) -> String {
    let edition = w.edition.map(|e| format!(", {e}")).unwrap_or_default();
    match w.lang {
        Lang::Ja => format!("『{}』{}", w.report, edition.replacen(", ", "，", 1)),
        Lang::En => format!("In: {}{edition}", w.report),
    }
}

fn ris(w: &Work<'_>) -> String {
    let mut tags: Vec<(&str, String)> = vec![
        ("TY", "RPRT".into()),
        ("AU", line(w.publisher)),
        ("TI", line(w.title)),
        ("T2", line(w.report)),
        ("M3", line(w.kind)),
        ("PB", line(w.publisher)),
    ];
    if let Some(e) = w.edition {
        tags.push(("ET", line(e)));
    }
    if let Some(d) = w.date {
        tags.push(("PY", d.year().to_string()));
        let (y, m, day) = d.first_day();
        tags.push((
            "DA",
            match d {
                PartialDate::Day(..) => format!("{y:04}/{m:02}/{day:02}/"),
                PartialDate::Month(..) => format!("{y:04}/{m:02}//"),
                _ => format!("{y:04}///"),
            },
        ));
    }
    tags.push(("UR", line(w.url)));
    tags.push(("LA", w.lang.code().into()));
    let mut out = String::new();
    for (tag, value) in tags {
        // RIS values are one line and at most 255 characters in the strictest readers; titles are far
        // shorter, and a line break could start a new tag, so `line` removes them.
        let value: String = value.chars().filter(|c| !c.is_control()).collect();
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn work(lang: Lang) -> Work<'static> {
        match lang {
            Lang::Ja => Work {
                lang,
                title: "神戸医療産業都市",
                kind: "事例",
                report: "地域から始まる科学技術・イノベーション",
                publisher: "hakusho サンプル報告書編集部",
                edition: Some("初版"),
                date: Some(PartialDate::Day(2026, 11, 22)),
                url: "https://example.org/ja/cases/kobe/",
                key: "hakusho-cases-kobe-ja",
            },
            Lang::En => Work {
                lang,
                title: "Kobe Biomedical Innovation Cluster",
                kind: "Case study",
                report: "Science, Technology and Innovation from the Regions",
                publisher: "hakusho sample report editors",
                edition: Some("First edition"),
                date: Some(PartialDate::Month(2026, 11)),
                url: "https://example.org/en/cases/kobe/",
                key: "hakusho-cases-kobe-en",
            },
        }
    }

    #[test]
    fn formats_both_styles() {
        let ja = Citation::of(&work(Lang::Ja));
        assert_eq!(
            ja.sist_ja,
            "hakusho サンプル報告書編集部.「神戸医療産業都市」.『地域から始まる科学技術・イノベーション』. 初版, \
             hakusho サンプル報告書編集部, 2026, https://example.org/ja/cases/kobe/."
        );
        let en = Citation::of(&work(Lang::En));
        assert_eq!(
            en.text_en,
            "hakusho sample report editors. (2026). Kobe Biomedical Innovation Cluster. In Science, Technology \
             and Innovation from the Regions (First edition). https://example.org/en/cases/kobe/"
        );
        assert_eq!(
            en.bibtex,
            "@techreport{hakusho-cases-kobe-en,\n  author = {{hakusho sample report editors}},\n  \
             title = {Kobe Biomedical Innovation Cluster},\n  institution = {hakusho sample report editors},\n  \
             type = {Case study},\n  note = {In: Science, Technology and Innovation from the Regions, First \
             edition},\n  year = {2026},\n  month = {nov},\n  url = {https://example.org/en/cases/kobe/},\n  \
             language = {english}\n}\n"
        );
        assert_eq!(
            ja.ris,
            "TY  - RPRT\r\nAU  - hakusho サンプル報告書編集部\r\nTI  - 神戸医療産業都市\r\n\
             T2  - 地域から始まる科学技術・イノベーション\r\nM3  - 事例\r\nPB  - hakusho サンプル報告書編集部\r\n\
             ET  - 初版\r\nPY  - 2026\r\nDA  - 2026/11/22/\r\nUR  - https://example.org/ja/cases/kobe/\r\n\
             LA  - ja\r\nER  - \r\n"
        );
    }

    #[test]
    fn escapes_what_tex_and_ris_would_read_as_markup() {
        let mut w = work(Lang::En);
        w.title = "50% of R&D {costs} \\input{x} in $ #1_a ^~\nER  - next";
        let c = Citation::of(&w);
        assert!(c.bibtex.contains(
            "title = {50\\% of R\\&D \\{costs\\} \\textbackslash{}input\\{x\\} in \\$ \\#1\\_a \\^{}\\~{} ER - next}"
        ));
        let opens = c.bibtex.matches('{').count() - c.bibtex.matches("\\{").count();
        let closes = c.bibtex.matches('}').count() - c.bibtex.matches("\\}").count();
        assert_eq!(opens, closes);
        // The line break is gone: no record ends early.
        assert_eq!(c.ris.matches("\r\nER  - ").count(), 1);
        assert!(
            c.ris
                .contains("TI  - 50% of R&D {costs} \\input{x} in $ #1_a ^~ ER - next\r\n")
        );
    }
}
