//! The `hakusho` binary: parses arguments, calls the library, prints diagnostics and the summary line.

mod cli;
mod cli_ja;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use cli::{BuildArgs, CheckArgs, Cli, Command, Format};
use hakusho::diag::{Code, Diagnostic, MessageLanguage};
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

/// The language of messages, chosen once at the start.
static LANG: std::sync::OnceLock<MessageLanguage> = std::sync::OnceLock::new();

fn lang() -> MessageLanguage {
    LANG.get().copied().unwrap_or_default()
}

fn main() -> ExitCode {
    // The language is needed before clap reads the arguments: for `--help` and usage errors.
    let args: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let chosen = cli_ja::lang_in_args(&args)
        .and_then(MessageLanguage::from_name)
        .unwrap_or_else(|| MessageLanguage::from_env(|name| std::env::var(name).ok()));
    let _ = LANG.set(chosen);
    let cli = match chosen {
        MessageLanguage::English => Cli::parse(),
        MessageLanguage::Japanese => match parse_in_japanese() {
            Ok(cli) => cli,
            Err(code) => return code,
        },
    };
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
            eprintln!(
                "{}",
                lang().pick(
                    "interrupted: the output folder was left as it was",
                    "中断しました。出力フォルダーは元のままです"
                )
            );
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
    if result.is_err() && hakusho::output::aborting() {
        // Interrupted: the signal handler cleans up, says so and exits with 130; these errors are its.
        loop {
            std::thread::park();
        }
    }
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            let untranslated = report
                .warnings
                .iter()
                .filter(|w| w.code == Code::Untranslated)
                .count();
            let line = summary_line(&report, untranslated, &args.output.display().to_string());
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
            let output = args.output.display();
            match lang() {
                MessageLanguage::English => eprintln!(
                    "build failed: {n} error{}; {output} was left unchanged",
                    if n == 1 { "" } else { "s" },
                ),
                MessageLanguage::Japanese => {
                    eprintln!("ビルドに失敗しました（エラー {n} 件）。{output} は変更していません")
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// The line a successful build ends with, in the chosen language.
fn summary_line(report: &pipeline::BuildReport, untranslated: usize, output: &str) -> String {
    let (pages, kb) = (&report.pages, &report.search_index_bytes);
    let (ja_kb, en_kb) = (kb.ja.div_ceil(1024), kb.en.div_ceil(1024));
    let seconds = report.elapsed.as_secs_f64();
    let warnings = report.warnings.len();
    match lang() {
        MessageLanguage::English => {
            let pdfs = match report.pdfs {
                (0, _) => String::new(),
                (1, bytes) => format!("1 PDF ({}), ", file_size(bytes)),
                (n, bytes) => format!("{n} PDFs ({}), ", file_size(bytes)),
            };
            let mut line = format!(
                "built {} ja + {} en pages, {} charts, {pdfs}{} files, search index {ja_kb} + {en_kb} KB in {seconds:.2} s → {output}",
                pages.ja, pages.en, report.charts, report.files,
            );
            if warnings > 0 {
                line.push_str(&format!(
                    " ({warnings} warning{}{})",
                    if warnings == 1 { "" } else { "s" },
                    if untranslated > 0 {
                        format!(", {untranslated} untranslated")
                    } else {
                        String::new()
                    }
                ));
            }
            line
        }
        MessageLanguage::Japanese => {
            let pdfs = match report.pdfs {
                (0, _) => String::new(),
                (n, bytes) => format!("PDF {n} 件（{}）、", file_size(bytes)),
            };
            let mut line = format!(
                "ja {} ページ・en {} ページ、図 {} 点、{pdfs}ファイル {} 件、検索索引 {ja_kb} + {en_kb} KB を {seconds:.2} 秒で作成 → {output}",
                pages.ja, pages.en, report.charts, report.files,
            );
            if warnings > 0 {
                line.push_str(&format!("（警告 {warnings} 件"));
                if untranslated > 0 {
                    line.push_str(&format!("、うち未翻訳 {untranslated} 件"));
                }
                line.push('）');
            }
            line
        }
    }
}

fn check(args: CheckArgs) -> ExitCode {
    let report = pipeline::check(&site_options(&args.site));
    let text = match args.format {
        Format::Text => hakusho::check::to_text(&report, lang()),
        Format::Json => hakusho::check::to_json(&report, lang()),
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
        lang: lang(),
    };
    let result = hakusho::serve::serve(opts, |event| match event {
        Event::Listening(url) => {
            match lang() {
                MessageLanguage::English => {
                    println!("serving {url} (Ctrl+C to stop); watching content/ and themes/")
                }
                MessageLanguage::Japanese => println!(
                    "{url} で表示中（Ctrl+C で終了）。content/ と themes/ の変更を監視しています"
                ),
            }
            println!(
                "{}{url}_hakusho/",
                lang().pick("translation workbench: ", "翻訳ワークベンチ：")
            );
            let _ = std::io::stdout().flush();
        }
        Event::Built(r) => {
            print_diagnostics(&r.warnings);
            let ms = r.elapsed.as_millis();
            match lang() {
                MessageLanguage::English => {
                    println!("rebuilt {} in {ms} ms ({} files)", r.what, r.files)
                }
                MessageLanguage::Japanese => {
                    println!(
                        "{}を {ms} ミリ秒で再構築しました（ファイル {} 件）",
                        r.what.describe_in(MessageLanguage::Japanese),
                        r.files
                    )
                }
            }
            let _ = std::io::stdout().flush();
        }
        Event::Failed(errors) => {
            print_diagnostics(&errors);
            println!(
                "{}",
                lang().pick(
                    "build failed: the last good site stays served; fix the file and save",
                    "ビルドに失敗しました。最後に成功したサイトを表示したままにします。ファイルを直して保存してください"
                )
            );
            let _ = std::io::stdout().flush();
        }
        Event::Note(note) => eprintln!("{note}"),
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", e.display_in(lang()));
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
        lang().pick(
            "write the case in both files, fill data.yaml, then run `hakusho check`",
            "両方のファイルに事例を書き、data.yaml を埋めてから `hakusho check` を実行してください",
        ),
    )
}

fn new_chapter(args: cli::NewChapterArgs) -> ExitCode {
    let today = hakusho::scaffold::today();
    match hakusho::scaffold::new_chapter(&args.content, &args.slug, args.after.as_deref(), &today) {
        Ok((files, listed)) => {
            for f in &files {
                print_created(f);
            }
            let slug = &args.slug;
            match listed {
                hakusho::scaffold::Listed::Added {
                    site_yaml,
                    number,
                    of,
                } => {
                    let site_yaml = site_yaml.display();
                    match lang() {
                        MessageLanguage::English => println!(
                            "added `{slug}` to `chapters:` in {site_yaml}: chapter {number} of {of}"
                        ),
                        MessageLanguage::Japanese => println!(
                            "{site_yaml} の `chapters:` に `{slug}` を加えました（全 {of} 章の第 {number} 章）"
                        ),
                    }
                }
                hakusho::scaffold::Listed::Already { number } => match lang() {
                    MessageLanguage::English => {
                        println!("site.yaml already lists `{slug}`: chapter {number}")
                    }
                    MessageLanguage::Japanese => {
                        println!("site.yaml には `{slug}` がすでにあります（第 {number} 章）")
                    }
                },
            }
            match lang() {
                MessageLanguage::English => println!(
                    "next: write the chapter in both files, give its cases `chapter: {slug}`, then run `hakusho check`"
                ),
                MessageLanguage::Japanese => println!(
                    "次に：両方のファイルに章を書き、この章の事例の data.yaml に `chapter: {slug}` と書いてから `hakusho check` を実行してください"
                ),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.display_in(lang()));
            ExitCode::FAILURE
        }
    }
}

fn new_page(args: cli::NewPageArgs) -> ExitCode {
    let today = hakusho::scaffold::today();
    let created = hakusho::scaffold::new_page(&args.content, &args.path, &today);
    report_created(
        created,
        lang().pick(
            "write the page in both files, link it from another page, then run `hakusho check`",
            "両方のファイルにページを書き、ほかのページからリンクしてから `hakusho check` を実行してください",
        ),
    )
}

fn print_created(file: &std::path::Path) {
    match lang() {
        MessageLanguage::English => println!("created {}", file.display()),
        MessageLanguage::Japanese => println!("作成しました：{}", file.display()),
    }
}

/// Prints the files a scaffold created and what to do next, or its error.
fn report_created(created: Result<Vec<std::path::PathBuf>, Diagnostic>, next: &str) -> ExitCode {
    match created {
        Ok(files) => {
            for f in &files {
                print_created(f);
            }
            println!("{}{next}", lang().pick("next: ", "次に："));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.display_in(lang()));
            ExitCode::FAILURE
        }
    }
}

fn translated(args: cli::TranslatedArgs) -> ExitCode {
    match hakusho::scaffold::translated(&args.content, &args.page) {
        Ok((path, line, old)) => {
            let path = path.display();
            match (old, lang()) {
                (Some(old), MessageLanguage::English) if old == line => {
                    println!("{path}: already `{line}`")
                }
                (Some(old), MessageLanguage::Japanese) if old == line => {
                    println!("{path}：すでに `{line}` です")
                }
                (Some(old), MessageLanguage::English) => println!("{path}: `{line}` (was `{old}`)"),
                (Some(old), MessageLanguage::Japanese) => {
                    println!("{path}：`{old}` を `{line}` に書き換えました")
                }
                (None, MessageLanguage::English) => println!("{path}: `{line}` added"),
                (None, MessageLanguage::Japanese) => println!("{path}：`{line}` を加えました"),
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}", e.display_in(lang()));
            ExitCode::FAILURE
        }
    }
}

/// The arguments read with the help and usage errors in Japanese; `Err` with the exit code when clap has
/// answered (help shown, or a usage error).
fn parse_in_japanese() -> Result<Cli, ExitCode> {
    use clap::{CommandFactory, FromArgMatches};
    let mut cmd = cli_ja::localize(Cli::command());
    let matches = match cmd.clone().try_get_matches_from(std::env::args_os()) {
        Ok(matches) => matches,
        Err(e) => {
            if let Some(text) = cli_ja::usage_error(&e) {
                eprint!("{text}");
                return Err(ExitCode::from(2));
            }
            e.exit();
        }
    };
    // `hakusho help new case`, `hakusho new help case`: the help of the command named, in Japanese.
    let mut names: Vec<String> = Vec::new();
    let mut level = &matches;
    while let Some((name, sub)) = level.subcommand() {
        if name == cli_ja::HELP {
            names.extend(
                sub.get_many::<String>("command")
                    .into_iter()
                    .flatten()
                    .cloned(),
            );
            cmd.build();
            let mut target = &mut cmd;
            for name in &names {
                match target.find_subcommand_mut(name) {
                    Some(next) => target = next,
                    None => {
                        eprintln!("エラー: `{name}` というコマンドはありません");
                        return Err(ExitCode::from(2));
                    }
                }
            }
            print!("{}", target.render_help());
            return Err(ExitCode::SUCCESS);
        }
        names.push(name.to_string());
        level = sub;
    }
    Cli::from_arg_matches(&matches).map_err(|e| e.exit())
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
                indicatif::ProgressStyle::with_template(lang().pick(
                    "rendering {pos}/{len} pages {wide_bar} {eta}",
                    "ページを作成中 {pos}/{len} {wide_bar} 残り {eta}",
                ))
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
        let _ = writeln!(err, "{}", d.display_in(lang()));
    }
}
