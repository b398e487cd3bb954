//! Tera's errors as editor diagnostics: the template file, line and column, and the page being rendered,
//! in English and in Japanese.

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
    let while_rendering_ja = |msg: String| match page {
        Some(p) => format!("{msg}（{p} を作成中）"),
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
            let mut message_ja = tera_message_ja(report.message());
            if let Some(source) = err.source() {
                message = format!("{message}: {source}");
                message_ja = format!("{message_ja}（詳細：{source}）");
            }
            let d = Diagnostic::error(Code::Template, path_of(&name), while_rendering(message))
                .at(span.start_line.max(1), span.start_col + 1)
                .ja(while_rendering_ja(message_ja));
            vec![(Some(name), with_help_for(d, report.message()))]
        }
        tera::ErrorKind::TemplateNotFound(name) => vec![(
            None,
            Diagnostic::general(
                Code::Template,
                while_rendering(format!("the template `{name}` does not exist")),
            )
            .with_help("add it to the theme's templates/ folder, or correct the name")
            .ja(while_rendering_ja(format!(
                "テンプレート `{name}` がありません"
            )))
            .ja_help(
                "テーマの templates/ フォルダーにそのテンプレートを加えるか、名前を直してください",
            ),
        )],
        tera::ErrorKind::MissingParent { current, parent } => vec![(
            Some(current.clone()),
            Diagnostic::error(
                Code::Template,
                path_of(current),
                format!("extends `{parent}`, which does not exist"),
            )
            .with_help("correct the name in {% extends %} or add the template")
            .ja(format!(
                "`{{% extends %}}` で指定したテンプレート `{parent}` がありません"
            ))
            .ja_help("{% extends %} の名前を直すか、そのテンプレートを加えてください"),
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
            )
            .ja(format!(
                "テンプレートが互いを extends し合い、輪になっています：{}",
                inheritance_chain.join(" → ")
            )),
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
            )
            .ja(format!(
                "テンプレートが互いを include し合い、輪になっています：{}",
                include_chain.join(" → ")
            )),
        )],
        _ => {
            let text = err.to_string();
            let parsed = parse_reports(&text, &path_of, &while_rendering, &while_rendering_ja);
            if parsed.is_empty() {
                let known = known_message_ja(&text);
                let mut message = text;
                if let Some(source) = err.source() {
                    message = format!("{message}: {source}");
                }
                let message_ja = match (known, err.source()) {
                    (Some(known), Some(source)) => format!("{known}（詳細：{source}）"),
                    (Some(known), None) => known,
                    (None, _) => format!("テンプレートを処理できません（Tera の説明：{message}）"),
                };
                let d = Diagnostic::general(Code::Template, while_rendering(message.clone()))
                    .ja(while_rendering_ja(message_ja));
                vec![(None, with_help_for(d, &message))]
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
    while_rendering_ja: &dyn Fn(String) -> String,
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
                        .ja(while_rendering_ja(tera_message_ja(&m)));
                out.push((Some(name), with_help_for(d, &m)));
            }
        }
    }
    out
}

/// Tera's own English message said in Japanese: the common ones in full, the others as a Japanese sentence
/// with Tera's words in parentheses.
fn tera_message_ja(message: &str) -> String {
    known_message_ja(message).unwrap_or_else(|| {
        format!("テンプレートの書き方に誤りがあります（Tera の説明：{message}）")
    })
}

/// One of Tera's common messages (an undefined variable, an unknown template, tag, filter or function,
/// endless recursion) in Japanese; `None` for the others.
fn known_message_ja(message: &str) -> Option<String> {
    let name = || message.split('`').nth(1).unwrap_or("");
    let available = |marker: &str| {
        message
            .split_once(marker)
            .map(|(_, list)| list.trim().to_string())
    };
    if message.starts_with("Variable `") && message.contains("is not defined") {
        return Some(match available("Available variables:") {
            Some(list) => format!("変数 `{}` は定義されていません。使える変数：{list}", name()),
            None => format!("変数 `{}` は定義されていません", name()),
        });
    }
    if message.starts_with("Field `") && message.contains("is not defined") {
        return Some(match available("Available fields:") {
            Some(list) => format!("項目 `{}` はありません。使える項目：{list}", name()),
            None => format!("項目 `{}` はありません", name()),
        });
    }
    let unknown = [
        ("Unknown template `", "テンプレート"),
        ("Unknown filter `", "フィルター"),
        ("Unknown function `", "関数"),
        ("Unknown test `", "テスト"),
        ("Unknown component `", "コンポーネント"),
    ];
    for (prefix, what) in unknown {
        if message.starts_with(prefix) {
            return Some(format!("{what} `{}` がありません", name()));
        }
    }
    if message.trim() == "Unknown tag" {
        return Some("ここには書けないタグです（タグの名前の誤りか、その前に閉じていないタグ（`{% if %}` など）があります）".into());
    }
    if message.starts_with("Maximum render recursion depth") {
        return Some(
            "コンポーネントが自分自身を限りなく呼び出しているため、ページを作れません".into(),
        );
    }
    if message.starts_with("Block `") && message.contains("is not defined in any parent template") {
        return Some(format!(
            "ブロック `{}` は継承元のテンプレートのどこにもありません",
            name()
        ));
    }
    None
}

/// Adds the hint for a Tera message, in English and in Japanese.
fn with_help_for(d: Diagnostic, message: &str) -> Diagnostic {
    let (en, ja) = help_for(message);
    d.with_help(en).ja_help(ja)
}

fn help_for(message: &str) -> (String, String) {
    let listed = message
        .split_once("is not defined. Available fields: ")
        .or_else(|| message.split_once("is not defined. Available variables: "));
    if let Some((head, fields)) = listed {
        let wanted = head.split('`').nth(1).unwrap_or("");
        // Tera may add what it was rendering after the list: `… t (while rendering …)`.
        let fields = fields.split(" (").next().unwrap_or(fields);
        let fields: Vec<&str> = fields.split(", ").map(str::trim).collect();
        if let Some(best) = crate::diag::did_you_mean(wanted, fields.iter().copied()) {
            return (
                format!("did you mean `{best}`?"),
                format!("`{best}` のことですか？"),
            );
        }
        let (what, what_ja) = if message.contains("Available variables:") {
            ("variables", "変数")
        } else {
            ("fields", "項目")
        };
        return (
            format!("use one of the available {what}, or `x or \"\"` for an optional value"),
            format!(
                "使える{what_ja}のどれかを使うか、ないこともある値には `x or \"\"` と書いてください"
            ),
        );
    }
    if message.contains("Unknown template") || message.contains("not found") {
        return (
            "add the template to the theme's templates/ folder, or correct its name".into(),
            "テーマの templates/ フォルダーにそのテンプレートを加えるか、名前を直してください"
                .into(),
        );
    }
    if message.contains("recursion") {
        return (
            "a component or include calls itself without end; give it a condition that stops"
                .into(),
            "コンポーネントか include が自分自身を限りなく呼び出しています。止まる条件を付けてください"
                .into(),
        );
    }
    if message.contains("not found in context") || message.contains("undefined") {
        (
            "templates may only use variables the page gives them (see README, \"Themes\"); write `x or \"\"`, or `a?.b or \"\"`, for values that may be missing".into(),
            "テンプレートで使えるのは、ページが渡す変数だけです（README の「Themes」を参照）。ないこともある値には `x or \"\"` や `a?.b or \"\"` と書いてください".into(),
        )
    } else if message.contains("Unknown filter") || message.contains("Unknown function") {
        (
            "see the Tera 2 documentation for the filters and functions that exist".into(),
            "使えるフィルターと関数は Tera 2 の説明書で確かめてください".into(),
        )
    } else {
        (
            "check the template syntax around this position (Tera 2)".into(),
            "この位置のあたりのテンプレートの書き方（Tera 2）を確かめてください".into(),
        )
    }
}
