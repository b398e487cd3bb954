//! `hakusho serve` as a real process on a free loopback port: pages, edits with reload events, the error
//! overlay and recovery, refused traversal and foreign hosts.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::harness::SiteTest;

pub(crate) struct Server {
    child: Child,
    pub(crate) port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub(crate) fn start(site: &SiteTest) -> Server {
    start_in(site, "en")
}

/// `hakusho serve` with messages in `lang` (`ja` or `en`).
pub(crate) fn start_in(site: &SiteTest, lang: &str) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hakusho"))
        .args(["serve", "--port", "0"])
        .current_dir(&site.dir)
        .env("HAKUSHO_LANG", lang)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let port = loop {
        let line = lines.next().expect("serve prints its address").unwrap();
        if let Some((_, rest)) = line.split_once("http://127.0.0.1:") {
            break rest.split('/').next().unwrap().parse().unwrap();
        }
    };
    std::thread::spawn(move || for _ in lines {});
    Server { child, port }
}

/// The raw response to an HTTP/1.1 GET.
pub(crate) fn request(port: u16, path: &str, host: &str) -> Vec<u8> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    raw
}

/// A raw HTTP/1.1 GET; returns (status, headers, body).
pub(crate) fn get_with_host(port: u16, path: &str, host: &str) -> (u16, String, String) {
    let raw = request(port, path, host);
    let text = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let status = head.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    (status, head.to_string(), body.to_string())
}

pub(crate) fn get(port: u16, path: &str) -> (u16, String, String) {
    get_with_host(port, path, &format!("127.0.0.1:{port}"))
}

/// Waits until `path` shows `needle` (the watcher debounces edits).
pub(crate) fn eventually(port: u16, path: &str, needle: &str) -> String {
    let started = Instant::now();
    loop {
        let (_, _, body) = get(port, path);
        if body.contains(needle) {
            return body;
        }
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{path} never showed {needle}:\n{body}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn serves_reloads_on_edit_and_shows_build_errors_over_the_last_good_site() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let (status, head, body) = get(server.port, "/ja/cases/alpha/");
    assert_eq!(status, 200);
    assert!(head.contains("Content-Type: text/html; charset=utf-8"));
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("access-control-allow-origin")
    );
    assert!(body.contains("<h1>事例アルファ</h1>"));
    assert!(
        body.contains("new EventSource('/__hakusho/events')"),
        "reload script injected when serving"
    );

    // An open page listens for reloads.
    let mut events = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    events
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    write!(
        events,
        "GET /__hakusho/events HTTP/1.1\r\nHost: 127.0.0.1:{}\r\n\r\n",
        server.port
    )
    .unwrap();
    let mut reader = BufReader::new(events);
    let mut line = String::new();
    while !line.starts_with(": connected") {
        line.clear();
        reader.read_line(&mut line).unwrap();
    }

    site.write(
        "content/cases/alpha/index.ja.md",
        std::fs::read_to_string(site.dir.join("content/cases/alpha/index.ja.md"))
            .unwrap()
            .replace("二つ目の見出しである。", "編集した本文である。"),
    );
    loop {
        line.clear();
        reader.read_line(&mut line).expect("a reload event arrives");
        if line.starts_with("data: reload") {
            break;
        }
    }
    eventually(server.port, "/ja/cases/alpha/", "編集した本文である。");

    // A broken file: the overlay names the position, the last good page stays.
    site.write(
        "content/cases/alpha/index.en.md",
        "---\ntitel: Case Alpha\n---\n",
    );
    let body = eventually(server.port, "/en/cases/alpha/", "hakusho-error");
    assert!(
        body.contains("content/cases/alpha/index.en.md:2:1: error: unknown field `titel`"),
        "{body}"
    );
    assert!(
        body.contains("<h1>Case Alpha</h1>"),
        "the last good page is still served"
    );

    // Fixed: the overlay goes, the new text shows, without a restart.
    site.write(
        "content/cases/alpha/index.en.md",
        "---\ntitle: Case Alpha fixed\nsummary: Fixed.\n---\nFixed.\n",
    );
    let body = eventually(server.port, "/en/cases/alpha/", "Case Alpha fixed");
    assert!(!body.contains("hakusho-error"));
}

#[test]
fn refuses_traversal_foreign_hosts_and_unknown_paths() {
    let site = SiteTest::fixture("minimal");
    site.write("secret.txt", "secret");
    let server = start(&site);
    for path in [
        "/../secret.txt",
        "/ja/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/ja%5c..%5c..%5csecret.txt",
    ] {
        let (status, _, body) = get(server.port, path);
        assert!(status == 400 || status == 404, "{path}: {status}");
        assert!(!body.contains("secret"), "{path}");
    }
    let (status, _, _) = get_with_host(server.port, "/ja/", "evil.example");
    assert_eq!(status, 403);
    let (status, _, _) = get_with_host(server.port, "/ja/", "localhost");
    assert_eq!(status, 200);
    let (status, _, body) = get(server.port, "/ja/nowhere/");
    assert_eq!(status, 404);
    assert!(body.contains("ページが見つかりません"));
    let (status, head, _) = get(server.port, "/ja/cases");
    assert_eq!(status, 301);
    assert!(head.contains("Location: /ja/cases/"));
    assert!(
        !site.dir.join("output").exists(),
        "serve never writes output/"
    );
}

#[test]
fn build_output_has_no_reload_script() {
    let site = SiteTest::fixture("minimal");
    site.build_ok(&[]);
    for (path, html) in site.outputs_ending(".html") {
        assert!(!html.contains("EventSource"), "{path}");
        assert!(!html.contains("__hakusho"), "{path}");
    }
}

/// The body of a GET as bytes, with chunked transfer decoded.
fn get_body(port: u16, path: &str) -> Vec<u8> {
    let raw = request(port, path, &format!("127.0.0.1:{port}"));
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&raw[..end]).to_ascii_lowercase();
    assert!(head.starts_with("http/1.1 200"), "{path}: {head}");
    let mut body = &raw[end + 4..];
    if !head.contains("transfer-encoding: chunked") {
        return body.to_vec();
    }
    let mut out = Vec::new();
    loop {
        let line = body.windows(2).position(|w| w == b"\r\n").unwrap();
        let size =
            usize::from_str_radix(std::str::from_utf8(&body[..line]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[line + 2..line + 2 + size]);
        body = &body[line + 2 + size + 2..];
    }
}

#[test]
fn whole_report_and_search_index_match_the_build() {
    // `build` writes both while the pages render; `serve` writes them when asked, from what the pages
    // kept. They must be the same files.
    let site = SiteTest::bundled();
    let server = start(&site);
    let base = format!("http://127.0.0.1:{}/", server.port);
    site.build_ok(&["--base-url", &base]);
    for lang in ["ja", "en"] {
        let path = format!("{lang}/search/search-index.js");
        let served = String::from_utf8(get_body(server.port, &format!("/{path}"))).unwrap();
        assert!(served == site.output(&path), "{path} differs");
        // Every part of the whole report.
        let parts = site.report_parts(lang);
        assert_eq!(parts.len(), 6, "{lang}");
        for (path, built) in parts {
            let served = String::from_utf8(get_body(server.port, &format!("/{path}"))).unwrap();
            let script = served
                .find("<script>(function(){var s=new EventSource")
                .unwrap();
            let end = script + served[script..].find("</script>").unwrap() + "</script>".len();
            let served = format!("{}{}", &served[..script], &served[end..]);
            // `serve` makes the PDF editions when asked for, so it cannot give their size in the link.
            let without_size = |html: &str| {
                let re_start = html.find("<p class=\"pdf-link\">").unwrap();
                let re_end = re_start + html[re_start..].find("</p>").unwrap();
                format!("{}{}", &html[..re_start], &html[re_end..])
            };
            assert!(
                without_size(&served) == without_size(&built),
                "{path} differs"
            );
        }
    }
}

#[test]
fn makes_each_pdf_edition_when_asked_the_same_as_a_build_and_again_after_an_edit() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let base = format!("http://127.0.0.1:{}/", server.port);
    site.build_ok(&["--base-url", &base]);
    let path = "ja/cases/alpha/alpha-ja.pdf";
    let (status, head, _) = get(server.port, &format!("/{path}"));
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: application/pdf"),
        "{head}"
    );
    let served = get_body(server.port, &format!("/{path}"));
    let built = std::fs::read(site.dir.join("output").join(path)).unwrap();
    assert!(served == built, "{path}: served and built PDFs differ");
    // An edit: the next request makes the edition again, with the new text.
    let page = site.read("content/cases/alpha/index.ja.md");
    site.write(
        "content/cases/alpha/index.ja.md",
        page.replace("title: 事例アルファ", "title: 事例ベータ"),
    );
    eventually(server.port, "/ja/cases/alpha/", "事例ベータ");
    let again = get_body(server.port, &format!("/{path}"));
    assert!(
        again.starts_with(b"%PDF-") && again != served,
        "{path} was not made again"
    );
}

#[test]
fn draws_each_figure_png_when_asked_the_same_as_a_build_and_again_after_an_edit() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let base = format!("http://127.0.0.1:{}/", server.port);
    site.build_ok(&["--base-url", &base, "--no-pdf"]);
    let path = "ja/figures/alpha-growth/alpha-growth-ja.png";
    let (status, head, _) = get(server.port, &format!("/{path}"));
    assert_eq!(status, 200, "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: image/png"),
        "{head}"
    );
    let served = get_body(server.port, &format!("/{path}"));
    let built = std::fs::read(site.dir.join("output").join(path)).unwrap();
    assert!(served == built, "{path}: served and built PNGs differ");
    // Not an image of a figure: nothing is drawn.
    let (status, _, _) = get(server.port, "/ja/figures/alpha-growth/other-ja.png");
    assert_eq!(status, 404);
    // An edit of the figure's title: the next request draws it again.
    let data = site.read("content/cases/alpha/data.yaml");
    site.write(
        "content/cases/alpha/data.yaml",
        data.replace("{ja: 企業数の推移,", "{ja: 企業数の変化,"),
    );
    eventually(server.port, "/ja/cases/alpha/", "企業数の変化");
    let again = get_body(server.port, &format!("/{path}"));
    assert!(
        again.starts_with(b"\x89PNG") && again != served,
        "{path} was not drawn again"
    );
}
