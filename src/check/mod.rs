//! Checks across rendered pages ([`anchors`], [`glossary`]), which take values and read no file, and the report
//! of `hakusho check` (everything an editor can break, found by building in memory: see
//! [`crate::pipeline::check`]), grouped by file and numbered, as text or JSON.

pub mod anchors;
pub mod glossary;
pub mod sources;
pub mod typed_numbers;

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diag::{Diagnostic, MessageLanguage, Severity, display_path, terminal_safe};

/// The findings of a check, and how many pages were looked at.
#[derive(Debug)]
pub struct CheckReport {
    /// Every problem, errors first within each file.
    pub findings: Vec<Diagnostic>,
    /// Pages built (both languages), when the build got that far.
    pub pages: usize,
}

/// Findings by file (`None` for findings that belong to no file), files in name order.
fn grouped(findings: &[Diagnostic]) -> BTreeMap<Option<String>, Vec<&Diagnostic>> {
    let mut groups: BTreeMap<Option<String>, Vec<&Diagnostic>> = BTreeMap::new();
    for d in findings {
        groups
            .entry(d.path.as_deref().map(display_path))
            .or_default()
            .push(d);
    }
    for list in groups.values_mut() {
        list.sort_by_key(|d| (d.position.map(|p| (p.line, p.column)), d.severity));
    }
    groups
}

/// The report as text, in `lang`: a heading per file, numbered findings, a summary line.
pub fn to_text(report: &CheckReport, lang: MessageLanguage) -> String {
    let mut out = String::new();
    let mut n = 0;
    let groups = grouped(&report.findings);
    for (file, list) in &groups {
        out.push_str(&terminal_safe(file.as_deref().unwrap_or("(site)")));
        out.push('\n');
        for d in list {
            n += 1;
            let level = d.level_in(lang);
            let at = d
                .position
                .map(|p| format!("{}:{}: ", p.line, p.column))
                .unwrap_or_default();
            let message = terminal_safe(d.message_in(lang));
            out.push_str(&format!("{n:>4}. {at}{level}: {message}\n"));
            if let Some(help) = d.help_in(lang) {
                let word = lang.pick("help", "ヒント");
                out.push_str(&format!("      {word}: {}\n", terminal_safe(help)));
            }
        }
    }
    let errors = report.findings.iter().filter(|d| d.is_error()).count();
    let warnings = report.findings.len() - errors;
    let (total, files) = (report.findings.len(), groups.len());
    match (lang, total) {
        (MessageLanguage::English, 0) => {
            out.push_str(&format!("no problems found in {} pages\n", report.pages));
        }
        (MessageLanguage::Japanese, 0) => {
            out.push_str(&format!(
                "問題は見つかりませんでした（{} ページ）\n",
                report.pages
            ));
        }
        (MessageLanguage::English, _) => out.push_str(&format!(
            "\n{total} problem{} ({errors} error{}, {warnings} warning{}) in {files} file{}\n",
            plural(total),
            plural(errors),
            plural(warnings),
            plural(files),
        )),
        (MessageLanguage::Japanese, _) => out.push_str(&format!(
            "\n問題 {total} 件（エラー {errors} 件、警告 {warnings} 件）、{files} ファイル\n"
        )),
    }
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    problems: Vec<JsonProblem<'a>>,
    errors: usize,
    warnings: usize,
    pages: usize,
}

#[derive(Serialize)]
struct JsonProblem<'a> {
    number: usize,
    severity: &'static str,
    code: &'static str,
    file: Option<String>,
    line: Option<usize>,
    column: Option<usize>,
    message: &'a str,
    help: Option<&'a str>,
}

/// The same findings, numbered the same way, as JSON, with the messages in `lang`.
pub fn to_json(report: &CheckReport, lang: MessageLanguage) -> String {
    let mut problems = Vec::new();
    for list in grouped(&report.findings).values() {
        for d in list {
            problems.push(JsonProblem {
                number: problems.len() + 1,
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                code: d.code.name(),
                file: d.path.as_deref().map(display_path),
                line: d.position.map(|p| p.line),
                column: d.position.map(|p| p.column),
                message: d.message_in(lang),
                help: d.help_in(lang),
            });
        }
    }
    let errors = report.findings.iter().filter(|d| d.is_error()).count();
    let json = JsonReport {
        errors,
        warnings: report.findings.len() - errors,
        pages: report.pages,
        problems,
    };
    serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".into()) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn groups_and_numbers_findings() {
        let report = CheckReport {
            findings: vec![
                Diagnostic::warning(Code::Untranslated, "b.md", "untranslated"),
                Diagnostic::error(Code::BrokenLink, "a.md", "broken link")
                    .at(4, 5)
                    .with_help("fix it"),
                Diagnostic::warning(Code::MissingAltText, "a.md", "no alt").at(2, 1),
            ],
            pages: 4,
        };
        assert_eq!(
            to_text(&report, MessageLanguage::English),
            "a.md\n   1. 2:1: warning: no alt\n   2. 4:5: error: broken link\n      help: fix it\nb.md\n   3. warning: untranslated\n\n3 problems (1 error, 2 warnings) in 2 files\n"
        );
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&report, MessageLanguage::English)).unwrap();
        assert_eq!(json["problems"][1]["line"], 4);
        assert_eq!(json["problems"][1]["code"], "broken-link");
        assert_eq!(json["problems"][2]["code"], "untranslated");
        assert_eq!(json["problems"][2]["number"], 3);
        assert_eq!(json["errors"], 1);
    }

    #[test]
    fn clean_report() {
        let report = CheckReport {
            findings: Vec::new(),
            pages: 18,
        };
        assert_eq!(
            to_text(&report, MessageLanguage::English),
            "no problems found in 18 pages\n"
        );
    }
}
