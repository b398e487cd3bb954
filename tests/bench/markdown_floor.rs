//! The Markdown floor of the benchmark: pulldown-cmark alone renders every page's Markdown of a corpus to
//! HTML on one core (reading the files first, front matter skipped), and prints the seconds it took.
//!
//! usage: cargo run --release --example markdown_floor -- CONTENT_DIR

use std::time::Instant;

use pulldown_cmark::{Options, Parser, html};

fn main() {
    let dir = std::env::args()
        .nth(1)
        .expect("usage: markdown_floor CONTENT_DIR");
    let mut bodies = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = entry.expect("readable corpus");
        let name = entry.file_name().to_string_lossy();
        if name.starts_with("index.") && name.ends_with(".md") {
            let text = std::fs::read_to_string(entry.path()).expect("UTF-8 Markdown");
            let body = match text
                .strip_prefix("---\n")
                .and_then(|t| t.split_once("\n---\n"))
            {
                Some((_, body)) => body.to_string(),
                None => text,
            };
            bodies.push(body);
        }
    }
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let started = Instant::now();
    let mut bytes = 0;
    for body in &bodies {
        let mut out = String::with_capacity(body.len() * 3 / 2);
        html::push_html(&mut out, Parser::new_ext(body, options));
        bytes += out.len();
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("{seconds:.3} {} {bytes}", bodies.len());
}
