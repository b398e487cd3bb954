//! Answering one request of the preview server: only GET and HEAD, only loopback `Host` names, only paths
//! inside the site (no `..`, no encoded or backslash traversal), no cross-origin headers.

/// How a request path maps onto the site.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// A site path such as `ja/index.html`.
    File(String),
    /// A folder asked for without its final `/`: redirect there.
    AddSlash(String),
    /// The live-reload event stream.
    Events,
    /// A page of the translation workbench: the path under `/_hakusho/` (`""`, `side/cases/kobe/`, …).
    Workbench(String),
    /// A path that tries to leave the site or cannot be read.
    Bad,
}

/// Whether a `Host` header names this machine exactly (a page elsewhere cannot reach the server through DNS
/// tricks): `localhost`, `127.0.0.1` or `[::1]`, each with an optional port, and nothing else
/// (`[::1].evil.example`, `localhost.evil`, `127.0.0.1.nip.io` and a trailing dot are refused).
pub(crate) fn host_is_loopback(host: Option<&str>) -> bool {
    let Some(host) = host else { return false };
    let (name, port) = match host.strip_prefix('[') {
        Some(rest) => match rest.split_once(']') {
            Some((name, "")) => (name, None),
            Some((name, after)) => match after.strip_prefix(':') {
                Some(port) => (name, Some(port)),
                None => return false,
            },
            None => return false,
        },
        None => match host.split_once(':') {
            Some((name, port)) => (name, Some(port)),
            None => (host, None),
        },
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u16>().is_ok()
    });
    let name_ok = if host.starts_with('[') {
        name == "::1"
    } else {
        name.eq_ignore_ascii_case("localhost") || name == "127.0.0.1"
    };
    port_ok && name_ok
}

/// The first segment of the workbench's paths; no site path starts with it (`build` never writes it).
pub(crate) const WORKBENCH: &str = "_hakusho";

/// Maps a request target (`/ja/cases/kobe/?x=1`) to a route.
pub(crate) fn route(target: &str) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or("");
    if path == "/__hakusho/events" {
        return Route::Events;
    }
    let Some(decoded) = percent_decode(path) else {
        return Route::Bad;
    };
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return Route::Bad;
    }
    let segments: Vec<&str> = decoded.split('/').skip(1).collect();
    if segments
        .iter()
        .any(|s| *s == ".." || *s == "." || s.contains(':'))
    {
        return Route::Bad;
    }
    if segments.first() == Some(&WORKBENCH) {
        return match segments.len() {
            1 => Route::AddSlash(format!("{decoded}/")),
            _ => Route::Workbench(segments[1..].join("/")),
        };
    }
    let rel = segments.join("/");
    if rel.is_empty() || rel.ends_with('/') {
        return Route::File(format!("{rel}index.html"));
    }
    let last = segments.last().copied().unwrap_or("");
    if !last.contains('.') {
        return Route::AddSlash(format!("{decoded}/"));
    }
    Route::File(rel)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The `Content-Type` for a site path.
pub(crate) fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "xml" => "application/xml; charset=utf-8",
        "svg" => "image/svg+xml",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The script that reloads the page when the site is rebuilt (only ever added by `serve`).
const RELOAD_SCRIPT: &str = "<script>(function(){var s=new EventSource('/__hakusho/events');\
s.onmessage=function(e){if(e.data==='reload'){s.close();location.reload();}};})();</script>";

/// Adds the reload script, and the error overlay when the last build failed, before `</body>`.
pub(crate) fn inject(html: &[u8], overlay: Option<&str>) -> Vec<u8> {
    let text = String::from_utf8_lossy(html);
    let mut extra = String::from(RELOAD_SCRIPT);
    if let Some(o) = overlay {
        extra.push_str(o);
    }
    match text.rfind("</body>") {
        Some(i) => format!("{}{extra}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{extra}").into_bytes(),
    }
}

/// The overlay showing a failed build's errors on every page, in the editor's language.
pub(crate) fn overlay(
    errors: &[crate::diag::Diagnostic],
    lang: crate::diag::MessageLanguage,
) -> String {
    let listed: Vec<String> = errors.iter().map(|e| e.display_in(lang)).collect();
    format!(
        "<div id=\"hakusho-error\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;\
z-index:2147483647;background:#fff5f5;color:#1a1a1a;border-top:4px solid #b00020;padding:1rem 1.25rem;\
font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 -4px 16px rgba(0,0,0,.2)\">\
<p style=\"margin:0 0 .5rem;font-weight:700;color:#b00020\">{}</p>\
<pre style=\"margin:0;white-space:pre-wrap\">{}</pre><p style=\"margin:.5rem 0 0\"><a href=\"/_hakusho/\">{}</a></p></div>",
        lang.pick(
            "hakusho: the last build failed; showing the last good site",
            "hakusho：最後のビルドに失敗しました。最後に成功したサイトを表示しています"
        ),
        crate::format::escape::escape_html(&listed.join("\n")),
        lang.pick(
            "All findings in the workbench",
            "すべての問題をワークベンチで見る"
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts_only() {
        for ok in [
            "127.0.0.1:8080",
            "127.0.0.1",
            "localhost",
            "LOCALHOST:1",
            "localhost:65535",
            "[::1]",
            "[::1]:3000",
        ] {
            assert!(host_is_loopback(Some(ok)), "{ok}");
        }
        for bad in [
            "",
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "127.0.0.1.nip.io:8080",
            "localhost.evil",
            "localhost.evil:80",
            "localhost.",
            "evil.localhost",
            "[::1].evil.example",
            "[::1].evil.example:80",
            "[::1]evil",
            "[::1]:80:80",
            "[::1",
            "[0:0:0:0:0:0:0:1]",
            "::1",
            "[::ffff:127.0.0.1]",
            "127.0.0.2",
            "127.1",
            "0.0.0.0",
            "10.0.0.1",
            "localhost:",
            "localhost:http",
            "localhost:65536",
            "localhost:8080:1",
            "127.0.0.1:-1",
            "127.0.0.1:+80",
            "localhost@evil.example",
            "evil.example#localhost",
            " localhost",
        ] {
            assert!(!host_is_loopback(Some(bad)), "{bad}");
        }
        assert!(!host_is_loopback(None));
    }

    #[test]
    fn routes_stay_inside_the_site() {
        assert_eq!(route("/"), Route::File("index.html".into()));
        assert_eq!(
            route("/ja/cases/kobe/?q=1"),
            Route::File("ja/cases/kobe/index.html".into())
        );
        assert_eq!(
            route("/ja/cases/kobe"),
            Route::AddSlash("/ja/cases/kobe/".into())
        );
        assert_eq!(route("/_hakusho"), Route::AddSlash("/_hakusho/".into()));
        assert_eq!(route("/_hakusho/"), Route::Workbench(String::new()));
        assert_eq!(
            route("/_hakusho/side/cases/kobe/"),
            Route::Workbench("side/cases/kobe/".into())
        );
        assert_eq!(route("/_hakusho/../etc/passwd"), Route::Bad);
        assert_eq!(
            route("/static/style.css"),
            Route::File("static/style.css".into())
        );
        assert_eq!(
            route("/ja/%E7%A5%9E%E6%88%B8/"),
            Route::File("ja/神戸/index.html".into())
        );
        for bad in [
            "/../etc/passwd",
            "/ja/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/..%2fetc%2fpasswd",
            "/..%5c..%5cetc%5cpasswd",
            "/ja\\..\\x",
            "/%00",
            "/%zz",
            "/C:/x",
        ] {
            assert_eq!(route(bad), Route::Bad, "{bad}");
        }
    }

    #[test]
    fn injects_before_body_end() {
        let out = String::from_utf8(inject(
            b"<html><body><p>x</p></body></html>",
            Some("<div>E</div>"),
        ))
        .unwrap();
        assert!(out.contains("<p>x</p><script>"));
        assert!(out.ends_with("<div>E</div></body></html>"));
        let error = crate::diag::Diagnostic::general(crate::diag::Code::Io, "<b>").ja("<i>");
        assert!(
            overlay(
                std::slice::from_ref(&error),
                crate::diag::MessageLanguage::English
            )
            .contains("&lt;b&gt;")
        );
        let ja = overlay(&[error], crate::diag::MessageLanguage::Japanese);
        assert!(ja.contains("エラー: &lt;i&gt;") && ja.contains("最後のビルドに失敗しました"));
    }
}
