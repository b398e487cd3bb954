//! `hakusho serve` under what a browser and a hostile client do: several keep-alive connections at once,
//! oversized request heads, foreign `Host` names, more pages listening for reloads than allowed.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use crate::harness::SiteTest;
use crate::serve::{get, get_with_host, start};

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

/// Reads one response with a `Content-Length` from a kept-alive connection: (status, head, body).
fn read_response(reader: &mut BufReader<TcpStream>) -> (u16, String, Vec<u8>) {
    let mut head = String::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).expect("a response head");
        if line.is_empty() || line == "\r\n" {
            break;
        }
        head.push_str(&line);
    }
    let status = head.split(' ').nth(1).unwrap_or("0").parse().unwrap_or(0);
    let length: usize = head
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().unwrap())
        })
        .expect("a Content-Length");
    let mut body = vec![0; length];
    reader.read_exact(&mut body).unwrap();
    (status, head, body)
}

#[test]
fn six_keep_alive_connections_at_once_are_all_answered_promptly() {
    // A browser opens six connections to a host and keeps them; tiny_http answered four.
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let host = format!("127.0.0.1:{}", server.port);
    let mut readers: Vec<BufReader<TcpStream>> = (0..6)
        .map(|_| BufReader::new(connect(server.port)))
        .collect();
    let started = Instant::now();
    for round in 0..3 {
        for reader in &mut readers {
            write!(
                reader.get_mut(),
                "GET /ja/cases/alpha/ HTTP/1.1\r\nHost: {host}\r\n\r\n"
            )
            .unwrap();
        }
        for (i, reader) in readers.iter_mut().enumerate() {
            let (status, _, body) = read_response(reader);
            assert_eq!(status, 200, "connection {i}, round {round}");
            assert!(String::from_utf8_lossy(&body).contains("<h1>事例アルファ</h1>"));
        }
    }
    // 18 small pages from memory: well under a second even on a busy machine (tiny_http's lost wake-ups
    // and 44 ms delays would show).
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn oversized_or_too_many_header_lines_are_answered_431_and_serving_goes_on() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let host = format!("127.0.0.1:{}", server.port);
    let heads = [
        // One header line of 20 KiB (the bound is 16 KiB for the whole head).
        format!(
            "GET /ja/ HTTP/1.1\r\nHost: {host}\r\nX-Big: {}\r\n\r\n",
            "a".repeat(20 * 1024)
        ),
        // 65 header lines (the bound is 64).
        format!(
            "GET /ja/ HTTP/1.1\r\nHost: {host}\r\n{}\r\n",
            (0..64).map(|i| format!("X-{i}: 1\r\n")).collect::<String>()
        ),
    ];
    for head in heads {
        let mut stream = connect(server.port);
        // The server may close before reading it all: what it answers is what matters.
        let _ = stream.write_all(head.as_bytes());
        let mut raw = Vec::new();
        let _ = stream.read_to_end(&mut raw);
        let text = String::from_utf8_lossy(&raw);
        assert!(
            text.starts_with("HTTP/1.1 431 Request Header Fields Too Large"),
            "{text}"
        );
    }
    // 64 lines in all are fine.
    let mut stream = connect(server.port);
    write!(
        stream,
        "GET /ja/ HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n{}\r\n",
        (0..62).map(|i| format!("X-{i}: 1\r\n")).collect::<String>()
    )
    .unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    assert!(raw.starts_with(b"HTTP/1.1 200 OK"));
}

#[test]
fn only_exact_loopback_host_names_are_served() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let port = server.port;
    for (host, expected) in [
        (format!("127.0.0.1:{port}"), 200),
        (format!("localhost:{port}"), 200),
        (format!("[::1]:{port}"), 200),
        ("[::1]".to_string(), 200),
        ("[::1].evil.example".to_string(), 403),
        (format!("[::1].evil.example:{port}"), 403),
        ("localhost.evil".to_string(), 403),
        (format!("127.0.0.1.nip.io:{port}"), 403),
        ("localhost.".to_string(), 403),
        ("127.0.0.2".to_string(), 403),
        (format!("localhost:{port}:1"), 403),
    ] {
        let (status, _, body) = get_with_host(port, "/ja/", &host);
        assert_eq!(status, expected, "Host: {host}");
        if expected == 403 {
            assert_eq!(
                body,
                "hakusho serve answers only to 127.0.0.1, localhost and [::1]\n"
            );
        }
    }
}

#[test]
fn at_most_a_thousand_pages_listen_for_reloads_and_the_next_is_refused_cleanly() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let host = format!("127.0.0.1:{}", server.port);
    let listen = || {
        let mut stream = connect(server.port);
        write!(
            stream,
            "GET /__hakusho/events HTTP/1.1\r\nHost: {host}\r\n\r\n"
        )
        .unwrap();
        BufReader::new(stream)
    };
    let mut open = Vec::new();
    for i in 0..1000 {
        let mut reader = listen();
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        assert!(status.starts_with("HTTP/1.1 200"), "page {i}: {status}");
        open.push(reader);
    }
    let (status, head, body) = read_response(&mut listen());
    assert_eq!(status, 503, "{head}");
    assert!(head.contains("Retry-After: 10"), "{head}");
    assert_eq!(
        String::from_utf8_lossy(&body),
        "hakusho serve: too many open pages listen for reloads (at most 1000); close some tabs\n"
    );
    // The site is still served.
    let (status, _, _) = get_with_host(server.port, "/ja/", &host);
    assert_eq!(status, 200);
    // A page closed frees its place (the server sees the connection end).
    open.truncate(990);
    let started = Instant::now();
    loop {
        let mut reader = listen();
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        if status.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "no place freed: {status}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

#[cfg(unix)]
#[test]
fn a_rebuild_stuck_on_a_fifo_does_not_stop_the_last_good_site_being_served() {
    let site = SiteTest::fixture("minimal");
    let server = start(&site);
    let port = server.port;
    let (status, _, _) = get(port, "/en/cases/alpha/");
    assert_eq!(status, 200);
    // A page's source replaced by a named pipe nobody writes to: reading it would wait for ever.
    let page = site.dir.join("content/cases/alpha/index.en.md");
    std::fs::remove_file(&page).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(&page)
        .status()
        .unwrap();
    assert!(made.success());
    std::thread::sleep(Duration::from_millis(800));
    for _ in 0..10 {
        let started = Instant::now();
        let (status, _, body) = get(port, "/en/cases/alpha/");
        assert_eq!(status, 200);
        assert!(body.contains("<h1>Case Alpha</h1>"), "{body}");
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{:?}",
            started.elapsed()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
