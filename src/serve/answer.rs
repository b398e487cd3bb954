//! Answering one request from the published snapshot: site files (with the reload script, and the error
//! overlay after a failed build), the workbench, the live-reload stream, redirects and refusals. Anything
//! slow (a file made when first asked for, a workbench page) runs on a blocking thread.

use std::sync::Arc;
use std::time::Duration;

use hyper::body::Incoming;
use hyper::header::{CACHE_CONTROL, CONTENT_TYPE, HOST, HeaderValue, LOCATION, RETRY_AFTER};
use hyper::{Method, Request, Response, StatusCode};

use super::body::Body;
use super::http::{self, Route, content_type, host_is_loopback, inject, overlay, route};
use super::published::{Made, Published, Shared};
use super::workbench;

/// How long a file made when asked for may wait for a running build when an older copy can be served.
const PATIENCE_WITH_COPY: Duration = Duration::from_millis(300);
/// How long it may wait when there is nothing else to serve.
const PATIENCE: Duration = Duration::from_secs(30);

/// The response to `request`.
pub(crate) async fn answer(request: Request<Incoming>, shared: Arc<Shared>) -> Response<Body> {
    let mut hosts = request.headers().get_all(HOST).iter();
    let host = match (hosts.next(), hosts.next()) {
        (Some(h), None) => h.to_str().ok(),
        _ => None,
    };
    if !host_is_loopback(host) {
        return text(
            StatusCode::FORBIDDEN,
            "hakusho serve answers only to 127.0.0.1, localhost and [::1]\n",
        );
    }
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        return text(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
    }
    let target = request
        .uri()
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .to_string();
    let snap = shared.current();
    match route(&target) {
        Route::Bad => text(StatusCode::BAD_REQUEST, "bad path\n"),
        Route::Events => match shared.reloads.subscribe() {
            Some(stream) => {
                let mut r = Response::new(Body::Stream(stream));
                set(&mut r, CONTENT_TYPE, "text/event-stream");
                set(&mut r, CACHE_CONTROL, "no-store");
                r
            }
            None => {
                let mut r = text(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "hakusho serve: too many open pages listen for reloads (at most 1000); close some tabs\n",
                );
                set(&mut r, RETRY_AFTER, "10");
                r
            }
        },
        Route::Workbench(path) => {
            let page = {
                let shared = Arc::clone(&shared);
                let snap = Arc::clone(&snap);
                tokio::task::spawn_blocking(move || workbench_page(&path, &snap, &shared))
                    .await
                    .ok()
                    .flatten()
            };
            match page {
                Some(page) => html(StatusCode::OK, inject(page.as_bytes(), None)),
                None => not_found(&snap, &shared),
            }
        }
        Route::AddSlash(to) => {
            let index = format!("{}index.html", to.trim_start_matches('/'));
            if snap.files.contains_key(&index) || to.starts_with(&format!("/{}/", http::WORKBENCH))
            {
                let mut r = text(StatusCode::MOVED_PERMANENTLY, "");
                if let Ok(v) = HeaderValue::from_str(&to) {
                    r.headers_mut().insert(LOCATION, v);
                }
                r
            } else {
                not_found(&snap, &shared)
            }
        }
        Route::File(path) => {
            if let Some(bytes) = snap.fresh(&path) {
                return file(&path, bytes, &snap, &shared);
            }
            let copy = snap.files.get(&path).cloned();
            let patience = if copy.is_some() {
                PATIENCE_WITH_COPY
            } else {
                PATIENCE
            };
            let made = {
                let shared = Arc::clone(&shared);
                let path = path.clone();
                tokio::task::spawn_blocking(move || shared.make(&path, patience))
                    .await
                    .unwrap_or(Made::Missing)
            };
            match (made, copy) {
                (Made::File(bytes), _) => file(&path, &bytes, &shared.current(), &shared),
                (Made::Busy, Some(bytes)) => file(&path, &bytes, &snap, &shared),
                (Made::Busy, None) => {
                    let mut r = text(
                        StatusCode::SERVICE_UNAVAILABLE,
                        "hakusho serve: the site is being rebuilt; try again in a moment\n",
                    );
                    set(&mut r, RETRY_AFTER, "2");
                    r
                }
                (Made::Missing, _) => not_found(&snap, &shared),
            }
        }
    }
}

/// A site file; HTML gets the reload script and, after a failed build, the overlay.
fn file(path: &str, bytes: &Arc<Vec<u8>>, snap: &Published, shared: &Shared) -> Response<Body> {
    let body = if path.ends_with(".html") {
        let overlay = snap
            .failure
            .as_deref()
            .map(|errors| overlay(errors, shared.context.lang));
        inject(bytes, overlay.as_deref())
    } else {
        bytes.to_vec()
    };
    let mut r = Response::new(Body::full(body));
    set(&mut r, CONTENT_TYPE, content_type(path));
    set(&mut r, CACHE_CONTROL, "no-store");
    r
}

/// A workbench page, from the snapshot.
fn workbench_page(path: &str, snap: &Published, shared: &Shared) -> Option<String> {
    if snap.files.is_empty() {
        return None;
    }
    let mut findings = snap.warnings.clone();
    findings.extend(snap.failure.clone().unwrap_or_default());
    let view = workbench::Snapshot {
        pages: snap.pages.clone(),
        findings,
        failed: snap.failure.is_some(),
        root: shared.context.root.clone(),
        cwd: shared.context.cwd.clone(),
        lang: shared.context.lang,
    };
    workbench::respond(&view, path)
}

fn not_found(snap: &Published, shared: &Shared) -> Response<Body> {
    let overlay = snap
        .failure
        .as_deref()
        .map(|errors| overlay(errors, shared.context.lang));
    let body = match snap.files.get("404.html") {
        Some(bytes) => inject(bytes, overlay.as_deref()),
        None => inject(
            b"<!DOCTYPE html><html><body><p>404</p></body></html>",
            overlay.as_deref(),
        ),
    };
    html(StatusCode::NOT_FOUND, body)
}

fn html(status: StatusCode, body: Vec<u8>) -> Response<Body> {
    let mut r = Response::new(Body::full(body));
    *r.status_mut() = status;
    set(&mut r, CONTENT_TYPE, "text/html; charset=utf-8");
    set(&mut r, CACHE_CONTROL, "no-store");
    r
}

fn text(status: StatusCode, body: &'static str) -> Response<Body> {
    let mut r = Response::new(Body::full(body));
    *r.status_mut() = status;
    set(&mut r, CONTENT_TYPE, "text/plain; charset=utf-8");
    r
}

fn set(r: &mut Response<Body>, name: hyper::header::HeaderName, value: &'static str) {
    r.headers_mut()
        .insert(name, HeaderValue::from_static(value));
}
