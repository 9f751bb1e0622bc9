//! What the watcher saw change between two builds: the paths, whether one of them calls
//! for a build, and whether the list is whole (the watcher can lose events: its queue
//! overflows, it fails). A build trusts a whole list, and reads only the files it names.

use std::path::{Path, PathBuf};

use notify_debouncer_full::DebouncedEvent;
use notify_debouncer_full::notify::EventKind;
use notify_debouncer_full::notify::event::{AccessKind, AccessMode};

use super::watch::WATCHED;

/// The changes gathered since the last build.
#[derive(Debug, Default)]
pub struct Changes {
    /// Every changed path inside the watched folders, relative to the project root,
    /// editors' swap and backup files included (the checks read the folders, so they
    /// must hear of them too).
    paths: Vec<PathBuf>,
    /// The watcher lost events: the list is not whole.
    lost: bool,
}

impl Changes {
    /// Adds what a batch of events from the watcher of the project at `root` changed.
    pub fn add(&mut self, root: &Path, events: &[DebouncedEvent]) {
        for event in events {
            if event.need_rescan() {
                self.lost = true;
            }
            if is_read(event.kind) {
                continue;
            }
            let inside = event
                .paths
                .iter()
                .filter_map(|path| path.strip_prefix(root).ok())
                .filter(|path| in_watched(path));
            self.paths.extend(inside.map(Path::to_path_buf));
        }
    }

    /// Records that the watcher failed, and may have missed changes.
    pub fn lose(&mut self) {
        self.lost = true;
    }

    /// Whether a build is needed: a change that is not only an editor's swap or backup
    /// file, or lost events.
    pub fn call_for_build(&self) -> bool {
        self.lost || self.paths.iter().any(|path| is_watched(path))
    }

    /// The changes to show: sorted, once each, without editors' files.
    pub fn shown(&self) -> Vec<PathBuf> {
        let mut shown: Vec<PathBuf> = self
            .paths
            .iter()
            .filter(|path| is_watched(path))
            .cloned()
            .collect();
        shown.sort();
        shown.dedup();
        shown
    }

    /// Every changed path, when the list is whole.
    pub fn known(&self) -> Option<&[PathBuf]> {
        (!self.lost).then_some(self.paths.as_slice())
    }
}

/// Whether an event only reports that a file was opened or read (by the build itself,
/// an editor, a backup tool…). A file closed after writing is a change.
fn is_read(kind: EventKind) -> bool {
    matches!(kind, EventKind::Access(access)
        if access != AccessKind::Close(AccessMode::Write))
}

/// Whether a project-relative path is inside a watched folder, or is one.
fn in_watched(path: &Path) -> bool {
    path.components()
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .is_some_and(|first| WATCHED.contains(&first))
}

/// Whether a project-relative path is inside a watched folder (or is one) and is not an
/// editor's hidden, swap or backup file.
fn is_watched(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    in_watched(path) && !name.starts_with('.') && !name.ends_with('~') && name != "4913"
}

#[cfg(test)]
mod tests {
    use super::*;
    use notify_debouncer_full::notify::Event;
    use notify_debouncer_full::notify::event::{CreateKind, Flag, ModifyKind};
    use std::time::Instant;

    fn event(kind: EventKind, path: &str) -> DebouncedEvent {
        let event = Event::new(kind).add_path(PathBuf::from("/p").join(path));
        DebouncedEvent::new(event, Instant::now())
    }

    #[test]
    fn only_changes_inside_the_watched_folders_count() {
        assert!(is_watched(Path::new("content/sources/a.md")));
        assert!(is_watched(Path::new("static")));
        assert!(is_watched(Path::new("templates/page.html")));
        assert!(!is_watched(Path::new("public/index.html")));
        assert!(!is_watched(Path::new("README.md")));
        assert!(!is_watched(Path::new("content/sources/.a.md.swp")));
        assert!(!is_watched(Path::new("content/sources/a.md~")));
        assert!(!is_watched(Path::new("content/sources/4913")));
    }

    #[test]
    fn reads_are_not_changes_but_a_close_after_writing_is() {
        assert!(is_read(EventKind::Access(AccessKind::Open(
            AccessMode::Any
        ))));
        assert!(is_read(EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_read(EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!is_read(EventKind::Modify(ModifyKind::Any)));
    }

    #[test]
    fn editors_files_are_passed_on_without_calling_for_a_build() {
        let root = Path::new("/p");
        let mut changes = Changes::default();
        changes.add(
            root,
            &[
                event(EventKind::Create(CreateKind::File), "content/sources/a.md~"),
                event(EventKind::Modify(ModifyKind::Any), "public/index.html"),
                event(EventKind::Access(AccessKind::Any), "content/sources/b.md"),
            ],
        );
        assert!(!changes.call_for_build());
        assert_eq!(
            changes.known(),
            Some(&[PathBuf::from("content/sources/a.md~")][..])
        );
        changes.add(
            root,
            &[event(
                EventKind::Modify(ModifyKind::Any),
                "content/sources/a.md",
            )],
        );
        assert!(changes.call_for_build());
        assert_eq!(changes.shown(), [PathBuf::from("content/sources/a.md")]);
        assert_eq!(changes.known().map(<[PathBuf]>::len), Some(2));
    }

    #[test]
    fn lost_events_call_for_a_build_of_every_file() {
        let mut changes = Changes::default();
        let overflow = Event::new(EventKind::Other).set_flag(Flag::Rescan);
        changes.add(
            Path::new("/p"),
            &[DebouncedEvent::new(overflow, Instant::now())],
        );
        assert!(changes.call_for_build());
        assert_eq!(changes.known(), None);
        assert!(changes.shown().is_empty());
    }
}
