//! What loading keeps from one run to the next on the same project, for the preview
//! server: the last walk of `content/`, and each file's raw documents and diagnostics.
//! A file's are reused while it keeps its size and modification time or, when the
//! watcher's list of changed paths is trusted, while that list does not name it; so a
//! rebuild reads again only what changed.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::{Mutex, MutexGuard};
use std::time::SystemTime;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostics::Diagnostics;
use crate::load::raw::{RawActor, RawEvent, RawSource};
use crate::load::walk::Listing;
use crate::sync::lock;

/// The raw documents of the files read by the last runs, by path, and the last walk.
#[derive(Debug, Default)]
pub struct FileCache {
    entries: Mutex<HashMap<OsString, Remembered>>,
    listing: Mutex<Option<Arc<Listing>>>,
}

/// What one file gave (shared: handing it out again copies nothing).
#[derive(Debug, Clone)]
pub enum Documents {
    /// A source (none when it could not be read).
    Source(Option<Arc<RawSource>>),
    /// An actor.
    Actor(Option<Arc<RawActor>>),
    /// The events of an events file.
    Events(Vec<Arc<RawEvent>>),
}

/// What one file can give, kept in the cache as [`Documents`].
pub trait Document: Sized + Send {
    /// Into the cache's form.
    fn wrap(read: Option<Self>) -> Documents;
    /// Out of the cache's form (`None` for another kind of file).
    fn unwrap(documents: Documents) -> Option<Self>;
}

impl Document for Arc<RawSource> {
    fn wrap(read: Option<Self>) -> Documents {
        Documents::Source(read)
    }
    fn unwrap(documents: Documents) -> Option<Self> {
        match documents {
            Documents::Source(source) => source,
            _ => None,
        }
    }
}

impl Document for Arc<RawActor> {
    fn wrap(read: Option<Self>) -> Documents {
        Documents::Actor(read)
    }
    fn unwrap(documents: Documents) -> Option<Self> {
        match documents {
            Documents::Actor(actor) => actor,
            _ => None,
        }
    }
}

impl Document for Vec<Arc<RawEvent>> {
    fn wrap(read: Option<Self>) -> Documents {
        Documents::Events(read.unwrap_or_default())
    }
    fn unwrap(documents: Documents) -> Option<Self> {
        match documents {
            Documents::Events(events) => Some(events),
            _ => None,
        }
    }
}

#[derive(Debug)]
struct Remembered {
    stamp: Stamp,
    documents: Documents,
    diagnostics: Diagnostics,
}

/// What tells that a file changed without reading it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    /// The file has other names (hard links), perhaps outside `content/`, through
    /// which it can change without an event there.
    shared: bool,
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        let shared = std::os::unix::fs::MetadataExt::nlink(&meta) > 1;
        #[cfg(not(unix))]
        let shared = false;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok(),
            shared,
        })
    }
}

impl FileCache {
    /// The documents of `root/content/`: those of the last walk when `changed` (the
    /// paths that changed since the last run, relative to `root`, when they are known)
    /// names no new or removed document, else a new walk. Also whether the last walk
    /// was taken again: the files it does not name as changed are then unchanged. The
    /// files named as changed are forgotten here, to be read again.
    pub fn listing(&self, root: &Path, changed: Option<&[PathBuf]>) -> (Arc<Listing>, bool) {
        let mut last = lock(&self.listing);
        if let Some(changed) = changed {
            // Read again even if their size and time did not change.
            let mut entries = self.lock();
            for path in changed {
                entries.remove(root.join(path).as_os_str());
            }
        }
        if let (Some(changed), Some(listing)) = (changed, last.as_ref())
            && let Some(stale) = listing.still_holds(root, changed)
        {
            let mut entries = self.lock();
            for path in stale {
                entries.remove(path.as_os_str());
            }
            return (Arc::clone(listing), true);
        }
        let listing = Arc::new(Listing::walk(root));
        self.keep_only(listing.all().map(|found| found.path.as_path()));
        *last = Some(Arc::clone(&listing));
        (listing, false)
    }

    /// The documents of the file at `path`, with its diagnostics: remembered when the
    /// file is unchanged (or, when `trusted`, when it is remembered at all: it was
    /// forgotten if it changed), else read by `read` (and remembered).
    pub fn through(
        &self,
        path: &Path,
        trusted: bool,
        read: impl FnOnce(&mut Diagnostics) -> Documents,
    ) -> (Documents, Diagnostics) {
        if trusted
            && let Some(entry) = self.lock().get(path.as_os_str())
            && !entry.stamp.shared
        {
            return (entry.documents.clone(), entry.diagnostics.clone());
        }
        let stamp = Stamp::of(path);
        if let Some(stamp) = stamp
            && let Some(entry) = self.lock().get(path.as_os_str())
            && entry.stamp == stamp
        {
            return (entry.documents.clone(), entry.diagnostics.clone());
        }
        let mut diagnostics = Diagnostics::default();
        let documents = read(&mut diagnostics);
        if let Some(stamp) = stamp {
            self.lock().insert(
                path.as_os_str().to_os_string(),
                Remembered {
                    stamp,
                    documents: documents.clone(),
                    diagnostics: diagnostics.clone(),
                },
            );
        }
        (documents, diagnostics)
    }

    /// Forgets the files that are not in `paths` (deleted or renamed).
    fn keep_only<'p>(&self, paths: impl IntoIterator<Item = &'p Path>) {
        let kept: HashSet<&OsStr> = paths.into_iter().map(Path::as_os_str).collect();
        self.lock()
            .retain(|path, _| kept.contains(path.as_os_str()));
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<OsString, Remembered>> {
        lock(&self.entries)
    }
}
