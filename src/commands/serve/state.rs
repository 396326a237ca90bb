//! What the server shares between its rebuild loop and its connections.

use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64};

/// What the pages poll: a build counter (a change reloads them) and the failed build's report.
pub struct State {
    pub version: AtomicU64,
    pub report: Mutex<String>,
    pub output: PathBuf,
    /// Whether the output holds a build to serve.
    pub has_build: AtomicBool,
}

impl State {
    pub fn report(&self) -> String {
        self.report.lock().map(|r| r.clone()).unwrap_or_default()
    }
}
