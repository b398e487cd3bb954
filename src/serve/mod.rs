//! `hakusho serve`: builds into memory, serves on 127.0.0.1, watches `content/` and `themes/`, rebuilds what
//! an edit affects and reloads open pages; a failed build shows as an overlay over the last good site.
//! Never writes to disk.

mod answer;
mod body;
mod http;
mod impact;
mod published;
mod reload;
mod server;
mod session;
mod workbench;

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::diag::{Code, Diagnostic, MessageLanguage};
use crate::pipeline::{SiteOptions, project_root};
use published::{Context, Shared};
pub use session::{Rebuild, Rebuilt, Session};

/// What to serve.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The site (its base URL is replaced by the server's address).
    pub site: SiteOptions,
    /// Port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Open the site in the default browser.
    pub open: bool,
    /// The language of the error overlay and the workbench.
    pub lang: MessageLanguage,
}

/// What happens while serving, for the caller to print.
#[derive(Debug)]
pub enum Event {
    /// The server listens at this address.
    Listening(String),
    /// A build succeeded.
    Built(Rebuilt),
    /// A build failed; the last good site stays served.
    Failed(Vec<Diagnostic>),
    /// Something worth telling (a browser that would not open).
    Note(String),
}

/// Serves until the process is stopped.
pub fn serve(
    opts: ServeOptions,
    on_event: impl Fn(Event) + Send + Sync + 'static,
) -> Result<(), Diagnostic> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", opts.port)).map_err(|e| {
        Diagnostic::general(
            Code::Io,
            format!("cannot listen on 127.0.0.1:{}: {e}", opts.port),
        )
        .with_help("choose another port with --port, or stop the program that uses it")
        .ja(format!(
            "127.0.0.1:{} で待ち受けできません（{e}）",
            opts.port
        ))
        .ja_help("--port で別のポートを選ぶか、そのポートを使っているプログラムを止めてください")
    })?;
    let port = listener.local_addr().map_or(opts.port, |a| a.port());
    let url = format!("http://127.0.0.1:{port}/");
    let mut site = opts.site.clone();
    site.base_url = Some(url.clone());
    site.relative_links = false;
    let on_event = Arc::new(on_event);
    let cwd = std::env::current_dir().unwrap_or_default();
    let context = Context {
        lang: opts.lang,
        root: cwd.join(project_root(&site.content)),
        cwd,
    };
    let mut session = Session::new(site.clone());
    // Watch before the first build, so that no edit made while it runs (or just after) is missed: the edits
    // wait in the channel until the watcher's thread starts.
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let _watcher = watch(&site, tx)?;
    let failure = report(session.rebuild_all(), on_event.as_ref());
    let shared = Arc::new(Shared::new(session, failure, context));
    {
        let (shared, on_event) = (Arc::clone(&shared), Arc::clone(&on_event));
        std::thread::spawn(move || rebuild_on_changes(&rx, &shared, on_event.as_ref()));
    }
    on_event(Event::Listening(url.clone()));
    if opts.open {
        open_browser(&url, opts.lang, on_event.as_ref());
    }
    server::run(listener, shared).map_err(|e| {
        Diagnostic::general(Code::Io, format!("cannot serve on {url}: {e}"))
            .ja(format!("{url} で配信できません（{e}）"))
    })
}

/// Tells the caller how a build went; the errors of a failed one, for the overlay.
fn report(
    result: Result<Rebuilt, Vec<Diagnostic>>,
    on_event: &(impl Fn(Event) + ?Sized),
) -> Option<Vec<Diagnostic>> {
    match result {
        Ok(rebuilt) => {
            on_event(Event::Built(rebuilt));
            None
        }
        Err(errors) => {
            on_event(Event::Failed(errors.clone()));
            Some(errors)
        }
    }
}

/// Watches content/ and themes/, sending each batch of changes to `tx`.
fn watch(
    site: &SiteOptions,
    tx: mpsc::Sender<DebounceEventResult>,
) -> Result<impl Drop, Diagnostic> {
    let mut debouncer = new_debouncer(Duration::from_millis(60), None, tx).map_err(|e| {
        Diagnostic::general(Code::Io, format!("cannot watch files: {e}"))
            .ja(format!("ファイルの変更を見張れません（{e}）"))
    })?;
    let themes = project_root(&site.content).join("themes");
    for dir in [site.content.clone(), themes] {
        if dir.is_dir() {
            debouncer
                .watch(&dir, RecursiveMode::Recursive)
                .map_err(|e| {
                    Diagnostic::general(Code::Io, format!("cannot watch {}: {e}", dir.display()))
                        .ja(format!("{} の変更を見張れません（{e}）", dir.display()))
                })?;
        }
    }
    Ok(debouncer)
}

/// Each batch of changes updates the session (on this thread, never the serving one), publishes the new
/// snapshot and reloads the open pages.
fn rebuild_on_changes(
    rx: &mpsc::Receiver<DebounceEventResult>,
    shared: &Shared,
    on_event: &(impl Fn(Event) + ?Sized),
) {
    while let Ok(result) = rx.recv() {
        let Ok(events) = result else { continue };
        let mut paths: Vec<PathBuf> = changes(&events);
        // Take every change that has arrived meanwhile, so one save is one rebuild.
        while let Ok(Ok(more)) = rx.try_recv() {
            paths.extend(changes(&more));
        }
        if paths.is_empty() {
            continue;
        }
        paths.sort();
        paths.dedup();
        {
            let mut session = shared.session.lock().unwrap_or_else(|e| e.into_inner());
            let result = session.apply(&paths);
            if matches!(&result, Ok(r) if r.what == Rebuild::Nothing) {
                continue;
            }
            let failure = report(result, on_event);
            shared.publish(&session, failure);
        }
        shared.reloads.send(reload::RELOAD);
    }
}

/// The paths of events that change files (reading them, which the build itself does, is not a change).
fn changes(events: &[notify_debouncer_full::DebouncedEvent]) -> Vec<PathBuf> {
    use notify_debouncer_full::notify::EventKind;
    use notify_debouncer_full::notify::event::ModifyKind;
    events
        .iter()
        .filter(|e| match e.kind {
            EventKind::Create(_) | EventKind::Remove(_) => true,
            EventKind::Modify(ModifyKind::Metadata(_)) => false,
            EventKind::Modify(_) => true,
            _ => false,
        })
        .flat_map(|e| e.paths.iter().cloned())
        .collect()
}

fn open_browser(url: &str, lang: MessageLanguage, on_event: &(impl Fn(Event) + ?Sized)) {
    let result = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if result.is_err() {
        on_event(Event::Note(match lang {
            MessageLanguage::English => format!("could not open a browser; open {url} yourself"),
            MessageLanguage::Japanese => {
                format!("ブラウザーを開けませんでした。{url} を開いてください")
            }
        }));
    }
}
