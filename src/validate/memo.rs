//! What the checks keep from one run to the next on the same project, for the preview
//! server: the scan of each source body and the mentions found in it, reused as long as
//! the file was not read again and the actors' names did not change.

use std::ffi::OsString;

use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::body::{self, BodyLink, BodyScan};
use crate::diagnostics::SourceFile;
use crate::mentions::Found;
use crate::model::Event;
use crate::validate::Resolved;

/// The scans and mentions of the bodies of the last run, by file, and the links of the
/// Markdown fields, by text.
#[derive(Debug, Default)]
pub struct BodyMemo {
    entries: Mutex<HashMap<OsString, Remembered>>,
    fields: Mutex<FieldLinks>,
    events: Mutex<Option<RememberedEvents>>,
}

/// The events of the last run, resolved, with what they were resolved from.
#[derive(Debug)]
struct RememberedEvents {
    files: Vec<Arc<SourceFile>>,
    ids: u64,
    resolved: Resolved<Vec<Event>>,
}

/// The links of Markdown fields: those of this run, and those of the last one.
#[derive(Debug, Default)]
struct FieldLinks {
    current: HashMap<String, Arc<Vec<BodyLink>>>,
    previous: HashMap<String, Arc<Vec<BodyLink>>>,
}

#[derive(Debug)]
struct Remembered {
    /// The file as read: a file read again is another `Arc`, and is scanned again.
    file: Arc<SourceFile>,
    scan: Arc<BodyScan>,
    /// The mentions, with the key of the names they were looked for.
    mentions: Option<(u64, Arc<Vec<Found>>)>,
}

impl BodyMemo {
    /// The scan of `body`, the body of `file`: remembered, or made now.
    pub fn scan(&self, file: &Arc<SourceFile>, body: &str) -> Arc<BodyScan> {
        if let Some(entry) = self.lock().get(file.path.as_os_str())
            && Arc::ptr_eq(&entry.file, file)
        {
            return Arc::clone(&entry.scan);
        }
        let scan = Arc::new(body::scan(body));
        self.lock().insert(
            file.path.clone().into_os_string(),
            Remembered {
                file: Arc::clone(file),
                scan: Arc::clone(&scan),
                mentions: None,
            },
        );
        scan
    }

    /// The mentions in the body of `file` for the names whose key is `names`:
    /// remembered, or found now by `find`.
    pub fn mentions(
        &self,
        file: &Arc<SourceFile>,
        names: u64,
        find: impl FnOnce() -> Vec<Found>,
    ) -> Arc<Vec<Found>> {
        if let Some(entry) = self.lock().get(file.path.as_os_str())
            && Arc::ptr_eq(&entry.file, file)
            && let Some((key, found)) = &entry.mentions
            && *key == names
        {
            return Arc::clone(found);
        }
        let found = Arc::new(find());
        if let Some(entry) = self.lock().get_mut(file.path.as_os_str())
            && Arc::ptr_eq(&entry.file, file)
        {
            entry.mentions = Some((names, Arc::clone(&found)));
        }
        found
    }

    /// Forgets the files that are not in `files` (deleted or renamed).
    pub fn keep_only<'f>(&self, files: impl IntoIterator<Item = &'f Arc<SourceFile>>) {
        let kept: rustc_hash::FxHashSet<&std::ffi::OsStr> = files
            .into_iter()
            .map(|file| file.path.as_os_str())
            .collect();
        self.lock()
            .retain(|path, _| kept.contains(path.as_os_str()));
    }

    /// The links of the Markdown field `text`: remembered, or found now.
    pub fn field_links(&self, text: &str) -> Arc<Vec<BodyLink>> {
        let mut fields = lock(&self.fields);
        if let Some(links) = fields.current.get(text) {
            return Arc::clone(links);
        }
        let links = fields
            .previous
            .remove(text)
            .unwrap_or_else(|| Arc::new(body::links(text)));
        fields.current.insert(text.to_string(), Arc::clone(&links));
        links
    }

    /// The events read from `files` (as read: a file read again is another `Arc`),
    /// resolved against ids whose key is `ids`: remembered, or resolved now by `resolve`.
    pub fn events(
        &self,
        files: &[Arc<SourceFile>],
        ids: u64,
        resolve: impl FnOnce() -> Resolved<Vec<Event>>,
    ) -> Resolved<Vec<Event>> {
        if let Some(known) = lock(&self.events).as_ref()
            && known.ids == ids
            && known.files.len() == files.len()
            && known
                .files
                .iter()
                .zip(files)
                .all(|(a, b)| Arc::ptr_eq(a, b))
        {
            return known.resolved.clone();
        }
        let resolved = resolve();
        *lock(&self.events) = Some(RememberedEvents {
            files: files.to_vec(),
            ids,
            resolved: resolved.clone(),
        });
        resolved
    }

    /// Ends a run: the fields' links not used by it are forgotten at the end of the next.
    pub fn end_run(&self) {
        let mut fields = lock(&self.fields);
        fields.previous = std::mem::take(&mut fields.current);
    }

    fn lock(&self) -> MutexGuard<'_, HashMap<OsString, Remembered>> {
        lock(&self.entries)
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // Every update is one insert, removal or assignment: a panic cannot leave it half
    // done.
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}
