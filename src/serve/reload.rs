//! The pages open in browsers, each listening for `data: reload` on a Server-Sent Events stream. A stream is
//! a channel read by its connection's task (no thread each); there are at most [`MAX_CLIENTS`].

use std::sync::Mutex;

use hyper::body::Bytes;
use tokio::sync::mpsc::{self, Receiver, Sender, error::TrySendError};

/// Open pages listening at once; one more is answered 503.
pub(crate) const MAX_CLIENTS: usize = 1000;

/// Sent when a page starts listening.
const CONNECTED: &[u8] = b": connected\n\n";
/// Sent after each build.
pub(crate) const RELOAD: &[u8] = b"data: reload\n\n";
/// Sent every so often, so that a page gone away is noticed.
pub(crate) const PING: &[u8] = b": ping\n\n";

/// The listening pages.
#[derive(Default)]
pub(crate) struct Reloads {
    clients: Mutex<Vec<Sender<Bytes>>>,
}

impl Reloads {
    /// A new listener's stream (already holding `: connected`), or `None` when [`MAX_CLIENTS`] listen.
    pub(crate) fn subscribe(&self) -> Option<Receiver<Bytes>> {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| !c.is_closed());
        if clients.len() >= MAX_CLIENTS {
            return None;
        }
        let (tx, rx) = mpsc::channel(8);
        tx.try_send(Bytes::from_static(CONNECTED)).ok()?;
        clients.push(tx);
        Some(rx)
    }

    /// Sends `message` to every listening page; pages gone away are forgotten. A page whose queue is full
    /// (it has read nothing for minutes: 8 messages, pings every 15 s) misses this one.
    pub(crate) fn send(&self, message: &'static [u8]) {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| {
            !matches!(
                c.try_send(Bytes::from_static(message)),
                Err(TrySendError::Closed(_))
            )
        });
    }

    /// How many pages listen.
    #[cfg(test)]
    pub(crate) fn count(&self) -> usize {
        let mut clients = self.clients.lock().unwrap_or_else(|e| e.into_inner());
        clients.retain(|c| !c.is_closed());
        clients.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounded_and_forgets_pages_gone_away() {
        let reloads = Reloads::default();
        let mut open: Vec<_> = (0..MAX_CLIENTS)
            .map(|_| reloads.subscribe().expect("room"))
            .collect();
        assert!(reloads.subscribe().is_none(), "one more than the bound");
        open.truncate(10);
        assert_eq!(reloads.count(), 10);
        reloads.send(RELOAD);
        let first = &mut open[0];
        assert_eq!(first.try_recv().unwrap(), Bytes::from_static(CONNECTED));
        assert_eq!(first.try_recv().unwrap(), Bytes::from_static(RELOAD));
        assert!(reloads.subscribe().is_some());
    }
}
