//! What the preview server knows about its builds, shared between the builder thread
//! and the request threads: the site of the last good build, and the errors of the
//! latest attempt.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

use super::Served;

/// The state of the builds, as the pages' reload script sees it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    /// Counts the build attempts, failed or not.
    pub version: u64,
    /// The attempt whose output is served: the last one that succeeded, if any.
    pub good: Option<u64>,
    /// The errors of the latest attempt, as plain text, when it failed.
    pub error: Option<String>,
    /// The warnings of the latest attempt, as plain text, if it had any.
    pub warnings: Option<String>,
    /// The server is shutting down.
    pub stopping: bool,
}

impl Status {
    /// The status as the JSON answered to `/__dossier/poll`.
    pub fn to_json(&self) -> String {
        serde_json::json!({
            "version": self.version,
            "good": self.good,
            "error": self.error,
            "warnings": self.warnings,
        })
        .to_string()
    }
}

/// The shared status and site, and a way to wait for them to change.
#[derive(Debug, Default)]
pub struct State {
    inner: Mutex<Inner>,
    changed: Condvar,
}

#[derive(Debug, Default)]
struct Inner {
    status: Status,
    site: Option<Arc<Served>>,
}

impl State {
    /// A copy of the current status.
    pub fn snapshot(&self) -> Status {
        self.lock().status.clone()
    }

    /// The status and the site it describes (none before the first good build), read
    /// together.
    pub fn current(&self) -> (Status, Option<Arc<Served>>) {
        let inner = self.lock();
        (inner.status.clone(), inner.site.clone())
    }

    /// Records a build that succeeded, with the text of its warnings if it had any: its
    /// site is served from now on.
    pub fn succeeded(&self, site: Served, warnings: Option<String>) {
        let previous = {
            let mut inner = self.lock();
            inner.status.version += 1;
            inner.status.good = Some(inner.status.version);
            inner.status.error = None;
            inner.status.warnings = warnings;
            inner.site.replace(Arc::new(site))
        };
        self.changed.notify_all();
        // The previous site is freed here, outside the lock (or by the last request
        // using it).
        drop(previous);
    }

    /// Records a build that failed, with the text of its errors and of its warnings: the
    /// previous output stays served.
    pub fn failed(&self, error: String, warnings: Option<String>) {
        self.update(|inner| {
            inner.status.version += 1;
            inner.status.error = Some(error);
            inner.status.warnings = warnings;
        });
    }

    /// Wakes every waiting request and tells them the server is stopping.
    pub fn stop(&self) {
        self.update(|inner| inner.status.stopping = true);
    }

    /// Waits until the version differs from `seen` (or the server stops), at most
    /// `timeout`, then returns the status.
    pub fn wait_past(&self, seen: u64, timeout: Duration) -> Status {
        let guard = self.lock();
        let (guard, _) = self
            .changed
            .wait_timeout_while(guard, timeout, |inner| {
                inner.status.version == seen && !inner.status.stopping
            })
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        guard.status.clone()
    }

    fn update(&self, change: impl FnOnce(&mut Inner)) {
        change(&mut self.lock());
        self.changed.notify_all();
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        crate::sync::lock(&self.inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn a_failed_build_keeps_the_good_one_and_a_success_clears_the_error() {
        let state = State::default();
        state.succeeded(Served::empty(), None);
        state.failed("boom".into(), Some("careful".into()));
        let status = state.snapshot();
        assert_eq!((status.version, status.good), (2, Some(1)));
        assert_eq!(status.error.as_deref(), Some("boom"));
        assert_eq!(status.warnings.as_deref(), Some("careful"));
        state.succeeded(Served::empty(), None);
        let status = state.snapshot();
        assert_eq!(
            (status.version, status.good, status.error),
            (3, Some(3), None)
        );
    }

    #[test]
    fn waiting_returns_on_a_new_build_and_times_out_otherwise() {
        let state = Arc::new(State::default());
        let waited = state.wait_past(0, Duration::from_millis(20));
        assert_eq!(waited.version, 0);
        let builder = Arc::clone(&state);
        let thread = std::thread::spawn(move || builder.succeeded(Served::empty(), None));
        let waited = state.wait_past(0, Duration::from_secs(10));
        assert_eq!(waited.version, 1);
        thread.join().expect("builder thread");
    }
}
