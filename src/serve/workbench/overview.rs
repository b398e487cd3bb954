//! `/_hakusho/`: every page with its translation status per language, and the findings of the last build (what
//! `hakusho check` reports) with links to the page and to the file and line.

use std::fmt::Write as _;

use super::Snapshot;
use super::shell::{esc, page};
use super::status::{DocStatus, Status, status};
use crate::diag::{Diagnostic, MessageLanguage, display_path};
use crate::model::lang::Lang;
use crate::render::urls::page_path;

/// The overview page.
pub(crate) fn overview(snap: &Snapshot) -> String {
    let lang = snap.lang;
    let mut body = String::new();
    let _ = write!(
        body,
        "<h1>{}</h1><p>{}</p>",
        lang.pick("Translation workbench", "翻訳ワークベンチ"),
        lang.pick(
            "Shown by hakusho serve only (build never writes it); it follows every save.",
            "hakusho serve だけが表示するページです（build は書き出しません）。保存のたびに更新されます。"
        )
    );
    pages_table(snap, &mut body);
    findings(snap, &mut body);
    page(
        lang,
        lang.pick("Translation workbench", "翻訳ワークベンチ"),
        &body,
    )
}

fn pages_table(snap: &Snapshot, body: &mut String) {
    let lang = snap.lang;
    let rows: Vec<_> = snap
        .pages
        .iter()
        .map(|p| (p, status(p, Lang::Ja), status(p, Lang::En)))
        .collect();
    let count = |want: fn(&DocStatus) -> bool| {
        rows.iter()
            .map(|(_, ja, en)| usize::from(want(ja)) + usize::from(want(en)))
            .sum::<usize>()
    };
    let _ = write!(
        body,
        "<h2>{}</h2><p class=\"counts\"><span>{}: {}</span><span>{}: {}</span><span>{}: {}</span><span>{}: {}</span><span>{}: {}</span></p>",
        lang.pick("Pages", "ページ"),
        lang.pick("pages", "ページ数"),
        rows.len(),
        lang.pick("current translations", "最新の翻訳"),
        count(|s| s.status == Status::Current),
        lang.pick("outdated", "古くなった翻訳"),
        count(|s| matches!(s.status, Status::Outdated { .. })),
        lang.pick("untranslated", "未翻訳"),
        count(|s| s.status == Status::Untranslated),
        lang.pick("drafts", "下書き"),
        count(|s| s.draft),
    );
    let _ = write!(
        body,
        "<table><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">日本語</th><th scope=\"col\">English</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        lang.pick("Page", "ページ"),
        lang.pick("Both languages", "両言語"),
    );
    for (p, ja, en) in &rows {
        let (doc, shown) = p.doc_for(Lang::Ja);
        let _ = write!(
            body,
            "<tr><td><a href=\"/{}\">{}</a><br><code>{}</code></td><td>{}</td><td>{}</td><td><a href=\"/_hakusho/{}\">{}</a></td></tr>",
            esc(&page_path(shown, &p.id)),
            esc(&doc.title),
            esc(if p.id.is_empty() { "(cover)" } else { &p.id }),
            badge(lang, &p.id, Lang::Ja, ja),
            badge(lang, &p.id, Lang::En, en),
            esc(&side_path(&p.id)),
            lang.pick("side by side", "並べて表示"),
        );
    }
    body.push_str("</tbody></table>");
}

/// The path under `/_hakusho/` of a page's side-by-side view (`side/` for the cover).
pub(crate) fn side_path(id: &str) -> String {
    if id.is_empty() {
        "side/".into()
    } else {
        format!("side/{id}/")
    }
}

/// A status as a coloured label; an outdated one links to what changed.
fn badge(lang: MessageLanguage, id: &str, doc_lang: Lang, s: &DocStatus) -> String {
    let (class, text) = match &s.status {
        Status::Source => ("source", lang.pick("source", "原文").to_string()),
        Status::Current => ("current", lang.pick("current", "最新").to_string()),
        Status::Outdated { recorded, now, .. } => (
            "outdated",
            match lang {
                MessageLanguage::English => format!("outdated (follows {recorded}, now {now})"),
                MessageLanguage::Japanese => format!("古い（{recorded} に基づく。現在は {now}）"),
            },
        ),
        Status::BrokenRecord => (
            "broken",
            lang.pick("translated_from is wrong", "translated_from が誤り")
                .to_string(),
        ),
        Status::NotTracked => (
            "untracked",
            lang.pick("no translated_from", "translated_from なし")
                .to_string(),
        ),
        Status::Untranslated => (
            "untranslated",
            lang.pick("untranslated", "未翻訳").to_string(),
        ),
    };
    let mut out = format!("<span class=\"badge {class}\">{}</span>", esc(&text));
    if matches!(s.status, Status::Outdated { .. }) {
        let _ = write!(
            out,
            " <a href=\"/_hakusho/changes/{}/{}\">{}</a>",
            doc_lang.code(),
            esc(&if id.is_empty() {
                String::new()
            } else {
                format!("{id}/")
            }),
            lang.pick("what changed", "変更点")
        );
    }
    if s.draft {
        let _ = write!(
            out,
            " <span class=\"badge draft\">{}</span>",
            lang.pick("draft", "下書き")
        );
    }
    out
}

fn findings(snap: &Snapshot, body: &mut String) {
    let lang = snap.lang;
    let _ = write!(
        body,
        "<h2>{}</h2>",
        lang.pick("Findings of check", "check の結果")
    );
    if snap.failed {
        let _ = write!(
            body,
            "<p class=\"failed\" role=\"alert\">{}</p>",
            lang.pick(
                "The last build failed: until these errors are fixed, the site shows the last good build.",
                "最後のビルドは失敗しました。次のエラーを直すまで、サイトは最後に成功したビルドを表示します。"
            )
        );
    }
    if snap.findings.is_empty() {
        let _ = write!(
            body,
            "<p>{}</p>",
            lang.pick("No problems found.", "問題は見つかりませんでした。")
        );
        return;
    }
    let mut sorted: Vec<&Diagnostic> = snap.findings.iter().collect();
    sorted.sort_by_key(|d| {
        (
            !d.is_error(),
            d.path.clone(),
            d.position.map(|p| (p.line, p.column)),
        )
    });
    body.push_str("<ol class=\"findings\">");
    for d in sorted {
        let level_class = if d.is_error() { "error" } else { "warning" };
        let _ = write!(
            body,
            "<li><span class=\"{level_class}\">{}</span> ",
            d.level_in(lang)
        );
        if let Some(path) = &d.path {
            let shown = display_path(path);
            let at = d
                .position
                .map(|p| format!(":{}:{}", p.line, p.column))
                .unwrap_or_default();
            match snap.file_link(path) {
                Some(rel) => {
                    let anchor = d
                        .position
                        .map(|p| format!("#L{}", p.line))
                        .unwrap_or_default();
                    let _ = write!(
                        body,
                        "<a href=\"/_hakusho/file/{}{anchor}\"><code>{}{at}</code></a> ",
                        esc(&rel),
                        esc(&shown)
                    );
                }
                None => {
                    let _ = write!(body, "<code>{}{at}</code> ", esc(&shown));
                }
            }
        }
        body.push_str(&esc(d.message_in(lang)));
        if let Some((page_lang, id)) = d.path.as_deref().and_then(|p| snap.page_of(p)) {
            let _ = write!(
                body,
                " <a href=\"/{}\">{}</a>",
                esc(&page_path(page_lang, &id)),
                lang.pick("(page)", "（ページ）")
            );
        }
        if let Some(help) = d.help_in(lang) {
            let _ = write!(
                body,
                "<br><span class=\"help\">{}: {}</span>",
                lang.pick("help", "ヒント"),
                esc(help)
            );
        }
        body.push_str("</li>");
    }
    body.push_str("</ol>");
}
