//! A load generator for `hakusho serve` on 127.0.0.1 (issue 24, part 9). Bounded in count and time: each phase
//! sends a fixed number of requests on a fixed schedule and every socket times out after 5 s.
//!
//! ```text
//! hakusho serve --port 1111 &            # in a copy of the bundled report
//! cargo run --example serve_load -- 1111 <pid of serve> <a page source to re-save, e.g. content/about/index.en.md>
//! ```
//!
//! Phases: 2,000 requests/s for 20 s over new connections (one request each, `Connection: close`); the same
//! over 32 kept-alive connections; 500 pages listening for reloads while the page source is saved again (all
//! must get `data: reload`); 100 clients sending their request heads a byte every 100 ms while 500 requests/s
//! for 5 s go over 8 kept-alive connections (compared with the same without them). Latency is from the
//! request's first byte written (after connecting, for new connections: connecting included) to the last byte
//! of the answer read. Memory is the server's VmRSS and VmHWM (peak since it started, the first build included)
//! from /proc/<pid>/status.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PATH: &str = "/ja/";
const TIMEOUT: Duration = Duration::from_secs(5);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, port, pid, page] = &args[..] else {
        eprintln!("usage: serve_load <port> <server pid> <page source to save again>");
        std::process::exit(2);
    };
    let port: u16 = port.parse().expect("a port");
    println!("serving {PATH} from 127.0.0.1:{port}; {}", memory(pid));

    let r = paced(port, 2000, Duration::from_secs(20), 64, false);
    println!("new connections, 2000/s for 20 s: {r}; {}", memory(pid));
    let r = paced(port, 2000, Duration::from_secs(20), 32, true);
    println!(
        "32 kept-alive connections, 2000/s for 20 s: {r}; {}",
        memory(pid)
    );
    reloads(port, page, 500);
    println!("after the reloads: {}", memory(pid));
    let quiet = paced(port, 500, Duration::from_secs(5), 8, true);
    println!("8 kept-alive connections, 500/s for 5 s, alone: {quiet}");
    let stop = Arc::new(Mutex::new(false));
    let slow: Vec<_> = (0..100)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || slow_client(port, &stop))
        })
        .collect();
    std::thread::sleep(Duration::from_millis(300));
    let busy = paced(port, 500, Duration::from_secs(5), 8, true);
    *stop.lock().unwrap() = true;
    let sent: usize = slow.into_iter().map(|t| t.join().unwrap_or(0)).sum();
    println!(
        "8 kept-alive connections, 500/s for 5 s, with 100 slow clients ({sent} bytes trickled): {busy}; {}",
        memory(pid)
    );
}

/// What a phase measured.
struct Figures {
    sent: usize,
    answered: usize,
    wall: Duration,
    latencies: Vec<Duration>,
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut l = self.latencies.clone();
        l.sort();
        let pick = |q: f64| {
            l.get(((l.len() as f64 * q) as usize).min(l.len().saturating_sub(1)))
                .map_or(0.0, |d| d.as_secs_f64() * 1000.0)
        };
        write!(
            f,
            "{} of {} answered 200 in {:.1} s, p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            self.answered,
            self.sent,
            self.wall.as_secs_f64(),
            pick(0.5),
            pick(0.99),
            pick(1.0)
        )
    }
}

/// `rate` requests a second for `time`, spread over `threads` (each a kept-alive connection when `keep`).
fn paced(port: u16, rate: usize, time: Duration, threads: usize, keep: bool) -> Figures {
    let total = rate * time.as_secs() as usize;
    let started = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|k| {
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut conn: Option<BufReader<TcpStream>> = None;
                let mut i = k;
                while i < total {
                    let due = started + Duration::from_secs_f64(i as f64 / rate as f64);
                    if let Some(wait) = due.checked_duration_since(Instant::now()) {
                        std::thread::sleep(wait);
                    }
                    let t = Instant::now();
                    let ok = if keep {
                        if conn.is_none() {
                            conn = connect(port).map(BufReader::new);
                        }
                        let ok = conn.as_mut().is_some_and(|c| one(c, port, true));
                        if !ok {
                            conn = None;
                        }
                        ok
                    } else {
                        connect(port).is_some_and(|s| one(&mut BufReader::new(s), port, false))
                    };
                    if ok {
                        latencies.push(t.elapsed());
                    }
                    i += threads;
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for w in workers {
        latencies.extend(w.join().unwrap_or_default());
    }
    Figures {
        sent: total,
        answered: latencies.len(),
        wall: started.elapsed(),
        latencies,
    }
}

fn connect(port: u16) -> Option<TcpStream> {
    let s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(TIMEOUT)).ok()?;
    s.set_write_timeout(Some(TIMEOUT)).ok()?;
    s.set_nodelay(true).ok()?;
    Some(s)
}

/// One GET and its whole answer; true when it was a 200 with its full body.
fn one(c: &mut BufReader<TcpStream>, port: u16, keep: bool) -> bool {
    let close = if keep { "" } else { "Connection: close\r\n" };
    let head = format!("GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{close}\r\n");
    if c.get_mut().write_all(head.as_bytes()).is_err() {
        return false;
    }
    let mut status = String::new();
    if c.read_line(&mut status).is_err() || !status.starts_with("HTTP/1.1 200") {
        return false;
    }
    let (mut length, mut chunked) = (None, false);
    loop {
        let mut line = String::new();
        if c.read_line(&mut line).unwrap_or(0) == 0 {
            return false;
        }
        if line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse::<usize>().ok();
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                chunked = value.trim().eq_ignore_ascii_case("chunked");
            }
        }
    }
    if !chunked {
        let Some(length) = length else { return false };
        let mut body = vec![0; length];
        return c.read_exact(&mut body).is_ok();
    }
    // A chunked body (as tiny_http sent, for comparing with it).
    loop {
        let mut size = String::new();
        if c.read_line(&mut size).unwrap_or(0) == 0 {
            return false;
        }
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else {
            return false;
        };
        let mut chunk = vec![0; size + 2];
        if c.read_exact(&mut chunk).is_err() {
            return false;
        }
        if size == 0 {
            return true;
        }
    }
}

/// `clients` pages listen for reloads; the page source is saved again; how many got `data: reload`, and when.
fn reloads(port: u16, page: &str, clients: usize) {
    let listening: Vec<_> = (0..clients)
        .filter_map(|_| {
            let mut s = connect(port)?;
            s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
            write!(
                s,
                "GET /__hakusho/events HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n"
            )
            .ok()?;
            let mut r = BufReader::new(s);
            let mut line = String::new();
            while !line.starts_with(": connected") {
                line.clear();
                if r.read_line(&mut line).unwrap_or(0) == 0 {
                    return None;
                }
            }
            Some(r)
        })
        .collect();
    let connected = listening.len();
    let saved = Instant::now();
    let text = std::fs::read(page).expect("the page source");
    std::fs::write(page, text).expect("the page source saved again");
    let waits: Vec<_> = listening
        .into_iter()
        .map(|mut r| {
            std::thread::spawn(move || {
                let mut line = String::new();
                loop {
                    line.clear();
                    if r.read_line(&mut line).unwrap_or(0) == 0 {
                        return None;
                    }
                    if line.starts_with("data: reload") {
                        return Some(saved.elapsed());
                    }
                }
            })
        })
        .collect();
    let mut got: Vec<Duration> = waits
        .into_iter()
        .filter_map(|w| w.join().ok().flatten())
        .collect();
    got.sort();
    println!(
        "{connected} of {clients} pages listening; {} got `data: reload` after the save, the last {:.0} ms after it (rebuild included)",
        got.len(),
        got.last().map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    );
}

/// Sends a request head a byte every 100 ms until told to stop; the bytes sent.
fn slow_client(port: u16, stop: &Mutex<bool>) -> usize {
    let Some(mut s) = connect(port) else { return 0 };
    let head = format!(
        "GET {PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: {}\r\n\r\n",
        "z".repeat(200)
    );
    let mut sent = 0;
    for b in head.as_bytes() {
        if *stop.lock().unwrap() || s.write_all(&[*b]).is_err() {
            break;
        }
        sent += 1;
        std::thread::sleep(Duration::from_millis(100));
    }
    sent
}

/// The server's resident and peak memory.
fn memory(pid: &str) -> String {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .map_or("?".to_string(), |v| v.trim().to_string())
    };
    format!(
        "server VmRSS {}, VmHWM {}",
        field("VmRSS:"),
        field("VmHWM:")
    )
}
