//! Locks shared between threads.

use std::sync::{Mutex, MutexGuard, PoisonError};

/// Locks `mutex`, even when a thread panicked while holding it. Every lock of the
/// project guards data that each update leaves whole (one insert, removal or
/// assignment), so a panic elsewhere cannot leave it half written.
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
