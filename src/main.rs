//! The `hakusho` binary: parses arguments, calls the library, prints diagnostics and the summary line.

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{BuildArgs, CheckArgs, Cli, Command, Format};
use hakusho::diag::{Code, Diagnostic};
use hakusho::format::size::file_size;
use hakusho::pipeline::{self, SiteOptions};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `purge_delay` option (`mi_option_purge_delay` in mimalloc.h).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// A build is short-lived: memory it frees is kept for its own reuse instead of being handed back to the
/// system and faulted in again, zeroed, moments later (at 10,000 cases a build otherwise took 10,000–20,000
/// page faults instead of about 500).
fn keep_freed_memory() {
    // SAFETY: sets a plain integer option of the allocator; mimalloc reads options at any time.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, -1) };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            keep_freed_memory();
            build(args)
        }
        Command::Check(args) => {
            keep_freed_memory();
            check(args)
        }
        Command::Serve(args) => serve(args),
        Command::New(cli::NewCommand::Case(args)) => new_case(args),
        Command::New(cli::NewCommand::Chapter(args)) => new_chapter(args),
        Command::New(cli::NewCommand::Page(args)) => new_page(args),
        Command::Translated(args) => translated(args),
    }
}

/// Ctrl+C or SIGTERM during a build: remove the half-written staging folder and stop; the previous
/// output stays as it was.
fn on_interrupt_remove_staging() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            hakusho::output::abort();
            eprintln!("interrupted: the output folder was left as it was");
            std::process::exit(130);
        }
    });
}

fn site_options(args: &cli::SiteArgs) -> SiteOptions {
    SiteOptions {
        content: args.content.clone(),
        base_url: args.base_url.clone(),
        relative_links: args.relative_links,
        no_pdf: args.no_pdf,
        drafts: args.drafts,
    }
}

fn build(args: BuildArgs) -> ExitCode {
    on_interrupt_remove_staging();
    let opts = site_options(&args.site);
    let bar = Bar::new();
    let out = pipeline::OutputOptions {
        force: args.force,
        deny_warnings: args.deny_warnings,
    };
    let result = pipeline::build(&opts, &args.output, out, &bar);
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let untranslated = report
                .warnings
                .iter()
                .filter(|w| w.code == Code::Untranslated)
                .count();
            let pdfs = match report.pdfs {
                (0, _) => String::new(),
                (1, bytes) => format!("1 PDF ({}), ", file_size(bytes)),
                (n, bytes) => format!("{n} PDFs ({}), ", file_size(bytes)),
            };
            let mut line = format!(
                "built {} ja + {} en pages, {} charts, {pdfs}{} files, search index {} + {} KB in {:.2} s → {}",
                report.pages.ja,
                report.pages.en,
                report.charts,
                report.files,
                report.search_index_bytes.ja.div_ceil(1024),
                report.search_index_bytes.en.div_ceil(1024),
                report.elapsed.as_secs_f64(),
                args.output.display()
            );
            if !report.warnings.is_empty() {
                line.push_str(&format!(
                    " ({} warning{}{})",
                    report.warnings.len(),
                    if report.warnings.len() == 1 { "" } else { "s" },
                    if untranslated > 0 {
                        format!(", {untranslated} untranslated")
                    } else {
                        String::new()
                    }
                ));
            }
            if args.timings {
                for (step, time) in &report.timings {
                    eprintln!("  {step:<8} {:>8.1} ms", time.as_secs_f64() * 1000.0);
                }
            }
            println!("{line}");
            // The process ends here: freeing every rendered page's record one by one would only delay it.
            std::mem::forget(report);
            ExitCode::SUCCESS
        }
        Err(errors) => {
            print_diagnostics(&errors);
            let n = errors.iter().filter(|e| e.is_error()).count();
            eprintln!(
                "build failed: {n} error{}; {} was left unchanged",
                if n == 1 { "" } else { "s" },
                args.output.display()
            );
            ExitCode::FAILURE
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let report = pipeline::check(&site_options(&args.site));
    let text = match args.format {
        Format::Text => hakusho::check::to_text(&report),
        Format::Json => hakusho::check::to_json(&report),
    };
    print!("{text}");
    if report.findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn serve(args: cli::ServeArgs) -> ExitCode {
    use hakusho::serve::{Event, ServeOptions};
    let opts = ServeOptions {
        site: SiteOptions {
            content: args.content,
            base_url: None,
            relative_links: false,
            no_pdf: false,
            drafts: true,
        },
        port: args.port,
        open: args.open,
    };
    let result = hakusho::serve::serve(opts, |event| match event {
        Event::Listening(url) => {
            println!("serving {url} (Ctrl+C to stop); watching content/ and themes/");
            let _ = std::io::stdout().flush();
        }
        Event::Built(r) => {
            print_diagnostics(&r.warnings);
            println!(
                "rebuilt {} in {} ms ({} files)",
                r.what,
                r.elapsed.as_millis(),
                r.files
            );
            let _ = std::io::stdout().flush();
        }
        Event::Failed(errors) => {
            print_diagnostics(&errors);
            println!("build failed: the last good site stays served; fix the file and save");
            let _ = std::io::stdout().flush();
        }
        Event::Note(note) => eprintln!("{note}"),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn new_case(args: cli::NewCaseArgs) -> ExitCode {
    let today = hakusho::scaffold::today();
    let created =
        hakusho::scaffold::new_case(&args.content, &args.slug, args.chapter.as_deref(), &today);
    report_created(
        created,
        "write the case in both files, fill data.yaml, then run `hakusho check`",
    )
}

fn new_chapter(args: cli::NewChapterArgs) -> ExitCode {
    let today = hakusho::scaffold::today();
    match hakusho::scaffold::new_chapter(&args.content, &args.slug, args.after.as_deref(), &today) {
        Ok((files, listed)) => {
            for f in &files {
                println!("created {}", f.display());
            }
            match listed {
                hakusho::scaffold::Listed::Added {
                    site_yaml,
                    number,
                    of,
                } => println!(
                    "added `{}` to `chapters:` in {}: chapter {number} of {of}",
                    args.slug,
                    site_yaml.display()
                ),
                hakusho::scaffold::Listed::Already { number } => {
                    println!("site.yaml already lists `{}`: chapter {number}", args.slug)
                }
            }
            println!(
                "next: write the chapter in both files, give its cases `chapter: {}`, then run `hakusho check`",
                args.slug
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn new_page(args: cli::NewPageArgs) -> ExitCode {
    let today = hakusho::scaffold::today();
    let created = hakusho::scaffold::new_page(&args.content, &args.path, &today);
    report_created(
        created,
        "write the page in both files, link it from another page, then run `hakusho check`",
    )
}

/// Prints the files a scaffold created and what to do next, or its error.
fn report_created(created: Result<Vec<std::path::PathBuf>, Diagnostic>, next: &str) -> ExitCode {
    match created {
        Ok(files) => {
            for f in &files {
                println!("created {}", f.display());
            }
            println!("next: {next}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn translated(args: cli::TranslatedArgs) -> ExitCode {
    match hakusho::scaffold::translated(&args.content, &args.page) {
        Ok((path, line, old)) => {
            match old {
                Some(old) if old == line => println!("{}: already `{line}`", path.display()),
                Some(old) => println!("{}: `{line}` (was `{old}`)", path.display()),
                None => println!("{}: `{line}` added", path.display()),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// A progress bar on stderr for builds of many pages, drawn only when stderr is a terminal.
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn new() -> Bar {
        Bar(indicatif::ProgressBar::hidden())
    }
}

impl hakusho::progress::Progress for Bar {
    fn start(&self, total: usize) {
        use std::io::IsTerminal;
        if total >= 200 && std::io::stderr().is_terminal() {
            self.0
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.0.set_length(total as u64);
            self.0.set_style(
                indicatif::ProgressStyle::with_template(
                    "rendering {pos}/{len} pages {wide_bar} {eta}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
        }
    }
    fn advance(&self) {
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn print_diagnostics(diags: &[Diagnostic]) {
    let stderr = std::io::stderr();
    let mut err = stderr.lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
}
