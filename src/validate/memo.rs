//! What the checks keep from one run to the next on the same project, for the preview
//! server: the scan of each source body and the mentions found in it, reused as long as
//! the file was not read again and the actors' names did not change; the index of ids
//! while the same ids claim the same things; the events while their files and the ids
//! are the same.

use std::ffi::OsString;
use std::sync::atomic::{AtomicU64, Ordering};

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use crate::diagnostics::{Diagnostics, SourceFile};
use crate::mentions::Found;
use crate::scan::{self, BodyLink, BodyScan};
use crate::sync::lock;
use crate::validate::find_mentions::Matcher;
use crate::validate::ids::{Claim, IdIndex};
use crate::validate::{OrderedEvents, ResolvedEvents};

/// The scans and mentions of the bodies of the last run, by file, and the links of the
/// Markdown fields, by text.
#[derive(Debug, Default)]
pub struct BodyMemo {
    entries: Mutex<HashMap<OsString, Remembered>>,
    fields: Mutex<FieldLinks>,
    events: Mutex<Option<RememberedEvents>>,
    ids: Mutex<Option<Arc<IdIndex>>>,
    matcher: Mutex<Option<RememberedMatcher>>,
    /// Numbers the indexes of ids and the matchers made here.
    generations: AtomicU64,
}

/// The matcher of the last run, with the names it was made from.
struct RememberedMatcher {
    names: Vec<Vec<String>>,
    matcher: Arc<Matcher>,
    generation: u64,
}

impl std::fmt::Debug for RememberedMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RememberedMatcher")
            .field("names", &self.names.len())
            .field("generation", &self.generation)
            .finish_non_exhaustive()
    }
}

/// The events of the last run, with the files they were read from: in order with their
/// ids, and resolved against the index of ids of that `generation`.
#[derive(Debug)]
struct RememberedEvents {
    files: Vec<Arc<SourceFile>>,
    ordered: Arc<OrderedEvents>,
    resolved: Option<(u64, Arc<ResolvedEvents>)>,
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
    /// The mentions, with the generation of the matcher that found them.
    mentions: Option<(u64, Arc<Vec<Found>>)>,
}

impl BodyMemo {
    /// The scans of the bodies of the sources, each given with its file: remembered, or
    /// made now (in parallel). The files of sources that are gone are forgotten.
    pub fn scans<'s>(
        &self,
        sources: impl Iterator<Item = (&'s Arc<SourceFile>, &'s str)>,
    ) -> Vec<Arc<BodyScan>> {
        let sources: Vec<_> = sources.collect();
        let known: Vec<Option<Arc<BodyScan>>> = {
            let entries = self.lock();
            sources
                .iter()
                .map(|(file, _)| {
                    let entry = entries.get(file.path.as_os_str())?;
                    Arc::ptr_eq(&entry.file, file).then(|| Arc::clone(&entry.scan))
                })
                .collect()
        };
        let new: Vec<bool> = known.iter().map(Option::is_none).collect();
        let scans: Vec<Arc<BodyScan>> = sources
            .par_iter()
            .zip(known)
            .map(|((_, text), known)| known.unwrap_or_else(|| Arc::new(scan::body(text))))
            .collect();
        let mut entries = self.lock();
        for (((file, _), scan), _) in sources.iter().zip(&scans).zip(new).filter(|(_, new)| *new) {
            entries.insert(
                file.path.clone().into_os_string(),
                Remembered {
                    file: Arc::clone(file),
                    scan: Arc::clone(scan),
                    mentions: None,
                },
            );
        }
        // Every source is in; more entries are sources that are gone.
        if entries.len() != sources.len() {
            let kept: rustc_hash::FxHashSet<&std::ffi::OsStr> = sources
                .iter()
                .map(|(file, _)| file.path.as_os_str())
                .collect();
            entries.retain(|path, _| kept.contains(path.as_os_str()));
        }
        scans
    }

    /// The matcher of the actors' `names` (each actor's, in order), with the number that
    /// tells it from the other matchers made here: the last one when the names are the
    /// same, else a new one made by `make`.
    pub fn matcher(
        &self,
        names: &[Vec<&str>],
        make: impl FnOnce() -> Matcher,
    ) -> (Arc<Matcher>, u64) {
        let mut known = lock(&self.matcher);
        if let Some(known) = known.as_ref()
            && known.names.len() == names.len()
            && known.names.iter().zip(names).all(|(a, b)| a == b)
        {
            return (Arc::clone(&known.matcher), known.generation);
        }
        let generation = self.generations.fetch_add(1, Ordering::Relaxed) + 1;
        let matcher = Arc::new(make());
        *known = Some(RememberedMatcher {
            names: names
                .iter()
                .map(|names| names.iter().map(ToString::to_string).collect())
                .collect(),
            matcher: Arc::clone(&matcher),
            generation,
        });
        (matcher, generation)
    }

    /// The mentions in the body of each of `files`, found by the matcher of `generation`:
    /// remembered, or found now by `find` (given the index of the file, in parallel).
    pub fn mentions(
        &self,
        files: &[Arc<SourceFile>],
        generation: u64,
        find: impl Fn(usize) -> Vec<Found> + Sync,
    ) -> Vec<Arc<Vec<Found>>> {
        let known: Vec<Option<Arc<Vec<Found>>>> = {
            let entries = self.lock();
            files
                .iter()
                .map(|file| {
                    let entry = entries.get(file.path.as_os_str())?;
                    let (made_with, found) = entry.mentions.as_ref()?;
                    (Arc::ptr_eq(&entry.file, file) && *made_with == generation)
                        .then(|| Arc::clone(found))
                })
                .collect()
        };
        let new: Vec<bool> = known.iter().map(Option::is_none).collect();
        let found: Vec<Arc<Vec<Found>>> = known
            .into_par_iter()
            .enumerate()
            .map(|(index, known)| known.unwrap_or_else(|| Arc::new(find(index))))
            .collect();
        let mut entries = self.lock();
        for ((file, found), _) in files.iter().zip(&found).zip(new).filter(|(_, new)| *new) {
            if let Some(entry) = entries.get_mut(file.path.as_os_str())
                && Arc::ptr_eq(&entry.file, file)
            {
                entry.mentions = Some((generation, Arc::clone(found)));
            }
        }
        found
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
            .unwrap_or_else(|| Arc::new(scan::links(text)));
        fields.current.insert(text.to_string(), Arc::clone(&links));
        links
    }

    /// The events read from `files` (as read: a file read again is another `Arc`), in
    /// order with their ids: remembered, or ordered now by `order`.
    pub fn ordered_events(
        &self,
        files: &[Arc<SourceFile>],
        order: impl FnOnce() -> OrderedEvents,
    ) -> Arc<OrderedEvents> {
        let mut known = lock(&self.events);
        if let Some(known) = known.as_ref()
            && known.files.len() == files.len()
            && known
                .files
                .iter()
                .zip(files)
                .all(|(a, b)| Arc::ptr_eq(a, b))
        {
            return Arc::clone(&known.ordered);
        }
        let ordered = Arc::new(order());
        *known = Some(RememberedEvents {
            files: files.to_vec(),
            ordered: Arc::clone(&ordered),
            resolved: None,
        });
        ordered
    }

    /// The index of the ids that `claims` make: the last one when they make the same
    /// again, else a new one (reporting ids claimed twice).
    pub fn id_index<'c, I: Iterator<Item = Claim<'c>>>(
        &self,
        claims: impl Fn() -> I,
        diagnostics: &mut Diagnostics,
    ) -> Arc<IdIndex> {
        let mut known = lock(&self.ids);
        if let Some(index) = known.as_ref()
            && index.made_by(claims())
        {
            return Arc::clone(index);
        }
        let generation = self.generations.fetch_add(1, Ordering::Relaxed) + 1;
        let index = Arc::new(IdIndex::build(claims(), generation, diagnostics));
        *known = Some(Arc::clone(&index));
        index
    }

    /// The events last given by [`BodyMemo::ordered_events`], resolved against the
    /// index of ids of `generation`: remembered, or resolved now by `resolve`.
    pub fn events(
        &self,
        generation: u64,
        resolve: impl FnOnce() -> ResolvedEvents,
    ) -> Arc<ResolvedEvents> {
        if let Some(known) = lock(&self.events).as_ref()
            && let Some((made_with, resolved)) = &known.resolved
            && *made_with == generation
        {
            return Arc::clone(resolved);
        }
        let resolved = Arc::new(resolve());
        if let Some(known) = lock(&self.events).as_mut() {
            known.resolved = Some((generation, Arc::clone(&resolved)));
        }
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
