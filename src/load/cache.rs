//! What loading keeps from one run to the next on the same project, for the preview
//! server: each file's raw documents and diagnostics, reused while the file keeps its
//! size and modification time, so that a rebuild reads again only what changed.

use std::ffi::{OsStr, OsString};
use std::path::Path;
use std::sync::Arc;
use std::sync::{Mutex, MutexGuard};
use std::time::SystemTime;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::diagnostics::Diagnostics;
use crate::load::raw::{RawActor, RawEvent, RawSource};

/// The raw documents of the files read by the last runs, by path.
#[derive(Debug, Default)]
pub struct FileCache {
    entries: Mutex<HashMap<OsString, Remembered>>,
}

/// What one file gave.
#[derive(Debug, Clone)]
pub enum Documents {
    /// A source (none when it could not be read).
    Source(Option<RawSource>),
    /// An actor.
    Actor(Option<RawActor>),
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

impl Document for RawSource {
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

impl Document for RawActor {
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
}

impl Stamp {
    fn of(path: &Path) -> Option<Self> {
        let meta = std::fs::metadata(path).ok()?;
        Some(Self {
            len: meta.len(),
            modified: meta.modified().ok(),
        })
    }
}

impl FileCache {
    /// The documents of the file at `path`, with its diagnostics: remembered when the
    /// file is unchanged, else read by `read` (and remembered).
    pub fn through(
        &self,
        path: &Path,
        read: impl FnOnce(&mut Diagnostics) -> Documents,
    ) -> (Documents, Diagnostics) {
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
    pub fn keep_only<'p>(&self, paths: impl IntoIterator<Item = &'p Path>) {
        let kept: HashSet<&OsStr> = paths.into_iter().map(Path::as_os_str).collect();
        self.lock()
            .retain(|path, _| kept.contains(path.as_os_str()));
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<OsString, Remembered>> {
        // Every update is one insert: a panic cannot leave it half done.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}
