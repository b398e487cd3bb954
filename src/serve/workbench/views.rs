//! The workbench's views of one page or file: both languages side by side, what changed in a source since its
//! translation, and a content or theme file with its lines numbered.

use std::fmt::Write as _;
use std::path::Path;

use similar::{ChangeTag, TextDiff};

use super::Snapshot;
use super::history::{NotFound, compared_text, compared_text_of, find_version};
use super::shell::{esc, page};
use super::status::{Status, status};
use crate::diag::MessageLanguage;
use crate::model::lang::Lang;
use crate::model::page::Page;
use crate::render::urls::page_path;

/// The most a source view shows of a file.
const MAX_FILE: u64 = 4 * 1024 * 1024;

/// Both languages of a page in two frames that scroll together.
pub(crate) fn side_by_side(snap: &Snapshot, page_id: &str) -> Option<String> {
    let p = snap.page(page_id)?;
    let lang = snap.lang;
    let (doc, _) = p.doc_for(Lang::Ja);
    let body = format!(
        "<h1>{title}</h1><p>{note}</p><div class=\"side\">\
<iframe id=\"ja\" src=\"/{ja}\" title=\"日本語\"></iframe><iframe id=\"en\" src=\"/{en}\" title=\"English\"></iframe></div>\
<script>{SYNC}</script>",
        title = esc(&doc.title),
        note = lang.pick(
            "Japanese on the left, English on the right; scrolling one scrolls the other to the same place.",
            "左が日本語、右が英語です。片方をスクロールすると、もう片方も同じ位置まで動きます。"
        ),
        ja = esc(&page_path(Lang::Ja, page_id)),
        en = esc(&page_path(Lang::En, page_id)),
    );
    Some(page(lang, &doc.title, &body))
}

/// Keeps the two frames at the same fraction of their height (same origin, so the frames can be read).
const SYNC: &str = "(function(){var f=[document.getElementById('ja'),document.getElementById('en')],busy=0;\
function hook(i){var w=f[i].contentWindow;if(!w)return;w.addEventListener('scroll',function(){if(busy){busy--;return;}\
var d=w.document.documentElement,o=f[1-i].contentWindow,od=o.document.documentElement,\
r=d.scrollTop/Math.max(1,d.scrollHeight-w.innerHeight);busy=1;o.scrollTo(0,r*(od.scrollHeight-o.innerHeight));});}\
f.forEach(function(x,i){x.addEventListener('load',function(){hook(i);});});})();";

/// What changed in the source of the translation of `page_id` into `lang` since the version it records.
pub(crate) fn changes(snap: &Snapshot, lang_code: &str, page_id: &str) -> Option<String> {
    let lang = snap.lang;
    let doc_lang = Lang::ALL.into_iter().find(|l| l.code() == lang_code)?;
    let p = snap.page(page_id)?;
    let Status::Outdated {
        from,
        recorded,
        now,
    } = status(p, doc_lang).status
    else {
        let body = format!(
            "<p>{}</p>",
            lang.pick(
                "This translation is not outdated (any more).",
                "この翻訳は古くなっていません（もう最新です）。"
            )
        );
        return Some(page(lang, "hakusho", &body));
    };
    let source = p.docs.get(from).as_ref()?;
    let file = snap.absolute(&source.path);
    let mut body = format!(
        "<h1>{}</h1>",
        esc(&match lang {
            MessageLanguage::English => format!(
                "What changed in index.{}.md since version {recorded}",
                from.code()
            ),
            MessageLanguage::Japanese =>
                format!("index.{}.md の版 {recorded} からの変更点", from.code()),
        })
    );
    match find_version(&snap.root, &file, &recorded) {
        Ok(found) => {
            let _ = write!(
                body,
                "<p>{}</p>",
                esc(&match lang {
                    MessageLanguage::English => format!(
                        "The translation into {} follows version {recorded}, found in the project's git history: commit {} of {} ({}). Below, from that version to the text now ({now}); the translation's own text is not shown.",
                        doc_lang.name_in_english(),
                        found.commit,
                        found.date,
                        found.subject
                    ),
                    MessageLanguage::Japanese => format!(
                        "{}の翻訳は版 {recorded} に基づいています。この版はプロジェクトの git の履歴から見つけました（コミット {}、{}、「{}」）。以下は、その版から現在（{now}）までの変更です。",
                        japanese_name(doc_lang),
                        found.commit,
                        found.date,
                        found.subject
                    ),
                })
            );
            let old = compared_text_of(&file, &found.text).unwrap_or(found.text);
            body.push_str(&diff_html(&old, &compared_text(source), lang));
        }
        Err(why) => {
            let text = match (why, lang) {
                (NotFound::NoGit, MessageLanguage::English) => "The project is not in a git repository (or git cannot be run), and hakusho keeps no copies of past versions: compare the two texts side by side instead.".to_string(),
                (NotFound::NoGit, MessageLanguage::Japanese) => "プロジェクトが git で管理されていない（または git を実行できない）ため、以前の版は見つかりません。hakusho は過去の版を保存しません。両言語を並べて見比べてください。".to_string(),
                (NotFound::NotInHistory { looked }, MessageLanguage::English) => format!("Version {recorded} is in none of the {looked} commits of this file in git (it was recorded before it was committed?): compare the two texts side by side instead."),
                (NotFound::NotInHistory { looked }, MessageLanguage::Japanese) => format!("版 {recorded} は、このファイルの git の履歴（{looked} 件のコミット）にありません（コミットする前に記録した版かもしれません）。両言語を並べて見比べてください。"),
            };
            let _ = write!(
                body,
                "<p>{}</p><p><a href=\"/_hakusho/{}\">{}</a></p>",
                esc(&text),
                esc(&super::overview::side_path(page_id)),
                lang.pick("side by side", "並べて表示")
            );
        }
    }
    Some(page(lang, &source.title, &body))
}

fn japanese_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "日本語",
        Lang::En => "英語",
    }
}

/// The changed lines of `old` → `new`, with three lines of context around each change.
fn diff_html(old: &str, new: &str, lang: MessageLanguage) -> String {
    let diff = TextDiff::from_lines(old, new);
    let mut out = String::from("<div class=\"diff\">");
    let groups = diff.grouped_ops(3);
    if groups.is_empty() {
        let _ = write!(
            out,
            "{}",
            lang.pick(
                "No line changed (only spacing at line ends or blank lines).",
                "行の変更はありません（行末の空白や空行だけの違いです）。"
            )
        );
    }
    for (i, group) in groups.iter().enumerate() {
        if i > 0 {
            out.push_str("<span class=\"gap\">…</span>");
        }
        for op in group {
            for change in diff.iter_changes(op) {
                let line = esc(change.value().trim_end_matches('\n'));
                let _ = match change.tag() {
                    ChangeTag::Delete => write!(out, "<del>- {line}</del>"),
                    ChangeTag::Insert => write!(out, "<ins>+ {line}</ins>"),
                    ChangeTag::Equal => write!(out, "<span>  {line}</span>"),
                };
            }
        }
    }
    out.push_str("</div>");
    out
}

/// A file of `content/` or `themes/` with numbered lines (`#L12` marks line 12); `None` for any other path.
pub(crate) fn source_file(snap: &Snapshot, rel: &str) -> Option<String> {
    if !(rel.starts_with("content/") || rel.starts_with("themes/")) {
        return None;
    }
    let root = snap.root.canonicalize().ok()?;
    let path = root.join(rel).canonicalize().ok()?;
    let inside = ["content", "themes"]
        .iter()
        .any(|top| path.starts_with(root.join(top)));
    // Only regular files are opened: a FIFO or device is never read.
    let meta = std::fs::metadata(&path).ok()?;
    if !inside || !meta.is_file() || meta.len() > MAX_FILE {
        return None;
    }
    let bytes = std::fs::read(&path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let mut body = format!(
        "<h1><code>{}</code></h1><pre class=\"source-file\">",
        esc(rel)
    );
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let _ = write!(
            body,
            "<span id=\"L{n}\"><a href=\"#L{n}\">{n}</a>{}</span>",
            esc(line)
        );
    }
    body.push_str("</pre>");
    Some(page(snap.lang, rel, &body))
}

/// Whether `path` names a page's document or data file; used by the overview.
pub(crate) fn belongs_to(p: &Page, path: &Path) -> Option<Lang> {
    for lang in Lang::ALL {
        if p.docs.get(lang).as_ref().is_some_and(|d| d.path == path) {
            return Some(lang);
        }
    }
    p.data_file
        .as_ref()
        .is_some_and(|f| f.path == path)
        .then_some(Lang::Ja)
}
