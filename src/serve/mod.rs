//! `hakusho serve`: builds into memory, serves on 127.0.0.1, watches `content/` and `themes/`, rebuilds what
//! an edit affects and reloads open pages; a failed build shows as an overlay over the last good site.
//! Never writes to disk.

mod http;
mod impact;
mod session;
mod workbench;

use std::io::Write;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};
use tiny_http::{Header, Request, Response, Server};

use crate::diag::{Code, Diagnostic, MessageLanguage};
use crate::pipeline::{SiteOptions, project_root};
use http::{Route, content_type, host_is_loopback, inject, overlay, route};
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

type Clients = Arc<Mutex<Vec<Sender<()>>>>;

/// The errors of the last build, if it failed.
type Failure = Arc<Mutex<Option<Vec<Diagnostic>>>>;

/// What answering a request needs besides the session.
struct Context {
    lang: MessageLanguage,
    /// The project folder.
    root: PathBuf,
    /// Where serve runs (paths in findings are relative to it).
    cwd: PathBuf,
}

/// Serves until the process is stopped.
pub fn serve(
    opts: ServeOptions,
    on_event: impl Fn(Event) + Send + Sync + 'static,
) -> Result<(), Diagnostic> {
    let server = Server::http(("127.0.0.1", opts.port)).map_err(|e| {
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
    let port = server
        .server_addr()
        .to_ip()
        .map(|a| a.port())
        .unwrap_or(opts.port);
    let url = format!("http://127.0.0.1:{port}/");
    let mut site = opts.site.clone();
    site.base_url = Some(url.clone());
    site.relative_links = false;
    let on_event = Arc::new(on_event);
    let session = Arc::new(Mutex::new(Session::new(site.clone())));
    let failure: Failure = Arc::default();
    let cwd = std::env::current_dir().unwrap_or_default();
    let context = Arc::new(Context {
        lang: opts.lang,
        root: cwd.join(project_root(&site.content)),
        cwd,
    });
    let clients: Clients = Arc::default();
    // Watch before the first build, so that no edit made while it runs (or just after) is missed.
    let _watcher = watch(
        &site,
        Arc::clone(&session),
        Arc::clone(&failure),
        Arc::clone(&clients),
        Arc::clone(&on_event),
    )?;
    {
        let mut s = session.lock().unwrap_or_else(|e| e.into_inner());
        report(s.rebuild_all(), &failure, on_event.as_ref());
    }
    on_event(Event::Listening(url.clone()));
    if opts.open {
        open_browser(&url, opts.lang, on_event.as_ref());
    }
    let server = Arc::new(server);
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (server, session, failure, clients, context) = (
                Arc::clone(&server),
                Arc::clone(&session),
                Arc::clone(&failure),
                Arc::clone(&clients),
                Arc::clone(&context),
            );
            std::thread::spawn(move || {
                while let Ok(request) = server.recv() {
                    handle(request, &session, &failure, &clients, &context);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(())
}

fn report(
    result: Result<Rebuilt, Vec<Diagnostic>>,
    failure: &Mutex<Option<Vec<Diagnostic>>>,
    on_event: &(impl Fn(Event) + ?Sized),
) {
    let mut f = failure.lock().unwrap_or_else(|e| e.into_inner());
    match result {
        Ok(rebuilt) => {
            *f = None;
            on_event(Event::Built(rebuilt));
        }
        Err(errors) => {
            *f = Some(errors.clone());
            on_event(Event::Failed(errors));
        }
    }
}

/// Watches content/ and themes/; each batch of changes updates the session and reloads the browsers.
fn watch(
    site: &SiteOptions,
    session: Arc<Mutex<Session>>,
    failure: Failure,
    clients: Clients,
    on_event: Arc<impl Fn(Event) + Send + Sync + 'static>,
) -> Result<impl Drop, Diagnostic> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
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
    std::thread::spawn(move || {
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
            let result = {
                let mut s = session.lock().unwrap_or_else(|e| e.into_inner());
                s.apply(&paths)
            };
            if matches!(&result, Ok(r) if r.what == Rebuild::Nothing) {
                continue;
            }
            report(result, &failure, on_event.as_ref());
            let mut list = clients.lock().unwrap_or_else(|e| e.into_inner());
            list.retain(|c| c.send(()).is_ok());
        }
    });
    Ok(debouncer)
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

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("static header names and values are valid")
}

fn handle(
    request: Request,
    session: &Mutex<Session>,
    failure: &Mutex<Option<Vec<Diagnostic>>>,
    clients: &Clients,
    context: &Context,
) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if !host_is_loopback(host.as_deref()) {
        let _ = request.respond(text(
            403,
            "hakusho serve answers only to 127.0.0.1 and localhost\n",
        ));
        return;
    }
    if !matches!(
        request.method(),
        tiny_http::Method::Get | tiny_http::Method::Head
    ) {
        let _ = request.respond(text(405, "only GET and HEAD\n"));
        return;
    }
    match route(request.url()) {
        Route::Bad => {
            let _ = request.respond(text(400, "bad path\n"));
        }
        Route::Events => events(request, clients),
        Route::Workbench(path) => {
            let response = match workbench_page(&path, session, failure, context) {
                Some(page) => Response::from_data(inject(page.as_bytes(), None))
                    .with_header(header("Content-Type", "text/html; charset=utf-8"))
                    .with_header(header("Cache-Control", "no-store")),
                None => not_found(session, failure, context.lang),
            };
            let _ = request.respond(response);
        }
        Route::AddSlash(to) => {
            let exists = session
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .file(&format!("{}index.html", to.trim_start_matches('/')))
                .is_some();
            let response = if exists || to.starts_with(&format!("/{}/", http::WORKBENCH)) {
                text(301, "").with_header(header("Location", &to))
            } else {
                not_found(session, failure, context.lang)
            };
            let _ = request.respond(response);
        }
        Route::File(path) => {
            let file = session
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .file(&path);
            let response = match file {
                Some(bytes) => {
                    let is_html = path.ends_with(".html");
                    let body = if is_html {
                        let overlay = failure
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .as_deref()
                            .map(|errors| overlay(errors, context.lang));
                        inject(&bytes, overlay.as_deref())
                    } else {
                        bytes.to_vec()
                    };
                    Response::from_data(body)
                        .with_header(header("Content-Type", content_type(&path)))
                        .with_header(header("Cache-Control", "no-store"))
                }
                None => not_found(session, failure, context.lang),
            };
            let _ = request.respond(response);
        }
    }
}

/// A workbench page, from a snapshot of the session taken now (the lock is not held while it is made).
fn workbench_page(
    path: &str,
    session: &Mutex<Session>,
    failure: &Mutex<Option<Vec<Diagnostic>>>,
    context: &Context,
) -> Option<String> {
    let (pages, mut findings) = session
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .workbench_parts()?;
    let errors = failure.lock().unwrap_or_else(|e| e.into_inner()).clone();
    let failed = errors.is_some();
    findings.extend(errors.unwrap_or_default());
    let snap = workbench::Snapshot {
        pages,
        findings,
        failed,
        root: context.root.clone(),
        cwd: context.cwd.clone(),
        lang: context.lang,
    };
    workbench::respond(&snap, path)
}

fn text(status: u16, body: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(body.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn not_found(
    session: &Mutex<Session>,
    failure: &Mutex<Option<Vec<Diagnostic>>>,
    lang: MessageLanguage,
) -> Response<std::io::Cursor<Vec<u8>>> {
    let page = session
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .file("404.html");
    let overlay = failure
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .as_deref()
        .map(|errors| overlay(errors, lang));
    let body = match page {
        Some(bytes) => inject(&bytes, overlay.as_deref()),
        None => inject(
            b"<!DOCTYPE html><html><body><p>404</p></body></html>",
            overlay.as_deref(),
        ),
    };
    Response::from_data(body)
        .with_status_code(404)
        .with_header(header("Content-Type", "text/html; charset=utf-8"))
}

/// A Server-Sent Events stream: `data: reload` after each build. One thread per open page.
fn events(request: Request, clients: &Clients) {
    let (tx, rx): (Sender<()>, Receiver<()>) = mpsc::channel();
    clients.lock().unwrap_or_else(|e| e.into_inner()).push(tx);
    std::thread::spawn(move || {
        let mut writer = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n: connected\n\n";
        if writer
            .write_all(head.as_bytes())
            .and_then(|()| writer.flush())
            .is_err()
        {
            return;
        }
        loop {
            let message: &[u8] = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(()) => b"data: reload\n\n",
                Err(RecvTimeoutError::Timeout) => b": ping\n\n",
                Err(RecvTimeoutError::Disconnected) => return,
            };
            if writer
                .write_all(message)
                .and_then(|()| writer.flush())
                .is_err()
            {
                return;
            }
        }
    });
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
