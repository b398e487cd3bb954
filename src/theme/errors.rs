//! Tera's errors as editor diagnostics: the template file, line and column, and the page being rendered.

use std::collections::HashMap;
use std::error::Error as _;
use std::path::PathBuf;

use crate::diag::{Code, Diagnostic};

/// Turns a Tera error into diagnostics, each with the template name it concerns (if known).
/// `page` names the page being rendered, for rendering errors.
pub(crate) fn tera_diagnostics(
    err: &tera::Error,
    paths: &HashMap<String, PathBuf>,
    page: Option<&str>,
) -> Vec<(Option<String>, Diagnostic)> {
    let while_rendering = |msg: String| match page {
        Some(p) => format!("{msg} (while rendering {p})"),
        None => msg,
    };
    let path_of = |name: &str| {
        paths
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(format!("themes/default/templates/{name}")))
    };
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let name = report.filename().to_string();
            let span = report.span();
            let mut message = report.message().to_string();
            if let Some(source) = err.source() {
                message = format!("{message}: {source}");
            }
            let d = Diagnostic::error(Code::Template, path_of(&name), while_rendering(message))
                .at(span.start_line.max(1), span.start_col + 1)
                .with_help(help_for(report.message()));
            vec![(Some(name), d)]
        }
        tera::ErrorKind::TemplateNotFound(name) => vec![(
            None,
            Diagnostic::general(
                Code::Template,
                while_rendering(format!("the template `{name}` does not exist")),
            )
            .with_help("add it to the theme's templates/ folder, or correct the name"),
        )],
        tera::ErrorKind::MissingParent { current, parent } => vec![(
            Some(current.clone()),
            Diagnostic::error(
                Code::Template,
                path_of(current),
                format!("extends `{parent}`, which does not exist"),
            )
            .with_help("correct the name in {% extends %} or add the template"),
        )],
        tera::ErrorKind::CircularExtend {
            tpl,
            inheritance_chain,
        } => vec![(
            Some(tpl.clone()),
            Diagnostic::error(
                Code::Template,
                path_of(tpl),
                format!(
                    "the templates extend each other in a loop: {}",
                    inheritance_chain.join(" → ")
                ),
            ),
        )],
        tera::ErrorKind::CircularInclude { tpl, include_chain } => vec![(
            Some(tpl.clone()),
            Diagnostic::error(
                Code::Template,
                path_of(tpl),
                format!(
                    "the templates include each other in a loop: {}",
                    include_chain.join(" → ")
                ),
            ),
        )],
        _ => {
            let text = err.to_string();
            let parsed = parse_reports(&text, &path_of, &while_rendering);
            if parsed.is_empty() {
                let mut message = text;
                if let Some(source) = err.source() {
                    message = format!("{message}: {source}");
                }
                let help = help_for(&message);
                vec![(
                    None,
                    Diagnostic::general(Code::Template, while_rendering(message)).with_help(help),
                )]
            } else {
                parsed
            }
        }
    }
}

/// Tera joins several validation errors into one text of `error: …` / ` --> name:line:col` blocks.
fn parse_reports(
    text: &str,
    path_of: &dyn Fn(&str) -> PathBuf,
    while_rendering: &dyn Fn(String) -> String,
) -> Vec<(Option<String>, Diagnostic)> {
    let mut out = Vec::new();
    let mut message: Option<String> = None;
    for line in text.lines() {
        if let Some(m) = line.strip_prefix("error: ") {
            message = Some(m.to_string());
        } else if let Some(loc) = line.trim_start().strip_prefix("--> ") {
            let mut parts = loc.rsplitn(3, ':');
            let col = parts.next().and_then(|c| c.parse::<usize>().ok());
            let line_no = parts.next().and_then(|l| l.parse::<usize>().ok());
            let name = parts.next().unwrap_or("").to_string();
            if let (Some(m), Some(l), Some(c)) = (message.take(), line_no, col) {
                let d =
                    Diagnostic::error(Code::Template, path_of(&name), while_rendering(m.clone()))
                        .at(l, c)
                        .with_help(help_for(&m));
                out.push((Some(name), d));
            }
        }
    }
    out
}

fn help_for(message: &str) -> String {
    if let Some((head, fields)) = message.split_once("is not defined. Available fields: ") {
        let wanted = head.split('`').nth(1).unwrap_or("");
        let fields: Vec<&str> = fields.split(", ").map(str::trim).collect();
        if let Some(best) = crate::diag::did_you_mean(wanted, fields.iter().copied()) {
            return format!("did you mean `{best}`?");
        }
        return "use one of the available fields, or `x or \"\"` for an optional value".into();
    }
    if message.contains("Unknown template") || message.contains("not found") {
        return "add the template to the theme's templates/ folder, or correct its name".into();
    }
    if message.contains("recursion") {
        return "a component or include calls itself without end; give it a condition that stops"
            .into();
    }
    if message.contains("not found in context") || message.contains("undefined") {
        "templates may only use variables the page gives them (see README, \"Themes\"); write `x or \"\"`, or `a?.b or \"\"`, for values that may be missing".into()
    } else if message.contains("Unknown filter") || message.contains("Unknown function") {
        "see the Tera 2 documentation for the filters and functions that exist".into()
    } else {
        "check the template syntax around this position (Tera 2)".into()
    }
}
