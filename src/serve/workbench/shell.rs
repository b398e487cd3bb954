//! The frame of every workbench page: a self-contained HTML document (styles inline, nothing fetched from a
//! network), in the editor's language.

use crate::diag::MessageLanguage;
use crate::format::escape::escape_html;

/// A whole workbench page titled `title`, with `body` (already HTML).
pub(crate) fn page(lang: MessageLanguage, title: &str, body: &str) -> String {
    let html_lang = lang.pick("en", "ja");
    let home = lang.pick("Translation workbench", "翻訳ワークベンチ");
    format!(
        "<!DOCTYPE html><html lang=\"{html_lang}\"><head><meta charset=\"utf-8\">\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
<meta name=\"robots\" content=\"noindex\"><title>{title} · hakusho</title><style>{CSS}</style></head>\
<body><header><a href=\"/_hakusho/\">{home}</a> · <a href=\"/\">{site}</a></header><main>{body}</main></body></html>",
        title = escape_html(title),
        site = lang.pick("the site", "サイト"),
    )
}

/// `text` escaped for HTML.
pub(crate) fn esc(text: &str) -> String {
    escape_html(text)
}

const CSS: &str = "\
body{margin:0;font:15px/1.6 system-ui,'Hiragino Sans','Noto Sans CJK JP',sans-serif;color:#1a1a1a;background:#fff}\
header{padding:.5rem 1rem;background:#233;color:#fff}header a{color:#fff}\
main{padding:1rem;max-width:80rem}h1{font-size:1.4rem;margin:.5rem 0}h2{font-size:1.15rem;margin:1.5rem 0 .5rem}\
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccd;padding:.3rem .5rem;text-align:left;vertical-align:top}\
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}\
.badge{display:inline-block;padding:0 .4rem;border-radius:.3rem;font-size:.85em;border:1px solid currentColor}\
.current{color:#1b5e20}.outdated{color:#8a4b00}.untranslated,.broken{color:#b00020}.source,.untracked{color:#445}.draft{color:#5b2a86}\
.counts span{margin-right:1rem}.failed{background:#fff5f5;border-left:4px solid #b00020;padding:.5rem 1rem}\
ol.findings li{margin:.4rem 0}.error{color:#b00020;font-weight:700}.warning{color:#8a4b00;font-weight:700}.help{color:#334}\
.diff{white-space:pre-wrap;border:1px solid #ccd;padding:.5rem}.diff del{background:#fde2e2;text-decoration:none;display:block}\
.diff ins{background:#dff3e0;text-decoration:none;display:block}.diff span{display:block}.diff .gap{color:#667}\
.source-file{counter-reset:line}.source-file span{display:block;white-space:pre-wrap}\
.source-file span:target{background:#fff3b0}.source-file a{color:#667;display:inline-block;width:4rem;user-select:none}\
.side{display:flex;gap:.5rem;height:calc(100vh - 9rem)}.side iframe{flex:1;border:1px solid #ccd;width:50%;height:100%}";
