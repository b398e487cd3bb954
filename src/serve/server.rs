//! The accept loop: HTTP/1.1 (hyper) on one thread (a current-thread tokio runtime), each connection a task.
//! Request heads are bounded (16 KiB, 64 header lines: beyond either, hyper answers 431 and closes), must
//! arrive within 30 s, and answers are not held back by Nagle's algorithm (`TCP_NODELAY`).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};

use super::answer::answer;
use super::published::Shared;
use super::reload::PING;

/// The largest request head (request line and header lines), in bytes.
pub(crate) const MAX_HEAD_BYTES: usize = 16 * 1024;
/// The most header lines in a request.
pub(crate) const MAX_HEADERS: usize = 64;
/// How long a client may take to send a request head.
const HEAD_TIMEOUT: Duration = Duration::from_secs(30);
/// How often listening pages are pinged (so that one gone away is noticed and forgotten).
const PING_EVERY: Duration = Duration::from_secs(15);

/// Serves `listener` until the process is stopped.
pub(crate) fn run(listener: std::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .max_blocking_threads(16)
        .build()?;
    let listener = {
        let _inside = runtime.enter();
        tokio::net::TcpListener::from_std(listener)?
    };
    runtime.block_on(accept(listener, shared));
    Ok(())
}

/// Takes connections for ever.
async fn accept(listener: tokio::net::TcpListener, shared: Arc<Shared>) {
    let pinged = Arc::clone(&shared);
    tokio::spawn(async move {
        let mut every = tokio::time::interval(PING_EVERY);
        every.tick().await;
        loop {
            every.tick().await;
            pinged.reloads.send(PING);
        }
    });
    let mut config = http1::Builder::new();
    config
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .max_header_size(MAX_HEAD_BYTES)
        .max_headers(MAX_HEADERS)
        .max_buf_size(MAX_HEAD_BYTES.max(64 * 1024))
        .title_case_headers(true)
        .keep_alive(true);
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(_) => {
                // Out of file descriptors, or a connection reset before it was taken: wait a little.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        let connection = config.serve_connection(
            TokioIo::new(stream),
            service_fn(move |request| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(answer(request, shared).await) }
            }),
        );
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
}
