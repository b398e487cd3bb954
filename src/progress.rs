//! How far a build is, for the binary to show (the library itself never prints).

/// Told about rendering progress, from many threads.
pub trait Progress: Sync {
    /// Rendering of `total` pages starts.
    fn start(&self, total: usize);
    /// One more page is done.
    fn advance(&self);
    /// Rendering is over.
    fn finish(&self);
}

/// Progress nobody watches.
pub struct Silent;

impl Progress for Silent {
    fn start(&self, _total: usize) {}
    fn advance(&self) {}
    fn finish(&self) {}
}
