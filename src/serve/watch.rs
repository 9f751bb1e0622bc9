//! Watches `content/`, `templates/` and `static/`, and rebuilds the preview when they
//! change. Reads by the build itself (access events), editors' backup and swap files,
//! and everything outside those folders (the output among them) are ignored, so a build
//! never triggers another.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::event::{AccessKind, AccessMode};
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, DebouncedEvent, Debouncer, RecommendedCache};

use super::pages::{Model, Renderer};
use super::state::State;
use super::{Notice, Reporter, ServeError, Served};
use crate::Rechecker;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::Dossier;
use crate::render::templates::Templates;

/// The folders of a project whose changes trigger a rebuild.
pub const WATCHED: [&str; 3] = ["content", "templates", "static"];
/// How long the folders must stay quiet before a rebuild: editors write a file in a
/// few steps (temporary file, rename, metadata).
const QUIET: Duration = Duration::from_millis(40);

/// A running watch of a project.
pub struct Watch {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
}

impl Watch {
    /// Starts watching the project at `root` (canonical).
    pub fn start(root: &Path) -> Result<Self, ServeError> {
        let (sender, events) = channel();
        let watch_error = |path: &Path| {
            let path = path.to_path_buf();
            move |cause| ServeError::Watch { path, cause }
        };
        let mut debouncer =
            notify_debouncer_full::new_debouncer(QUIET, None, sender).map_err(watch_error(root))?;
        // The root itself, not recursively, to see `templates/` or `static/` appear.
        debouncer
            .watch(root, RecursiveMode::NonRecursive)
            .map_err(watch_error(root))?;
        for name in WATCHED {
            let folder = root.join(name);
            if folder.is_dir() {
                debouncer
                    .watch(&folder, RecursiveMode::Recursive)
                    .map_err(watch_error(&folder))?;
            }
        }
        Ok(Self {
            root: root.to_path_buf(),
            debouncer,
            events,
        })
    }

    /// Rebuilds the site whenever the project changes, until the server stops.
    pub fn run(mut self, builder: &Builder, state: &State, report: &Reporter) {
        loop {
            let first = match self.events.recv_timeout(Duration::from_millis(200)) {
                Ok(result) => result,
                Err(RecvTimeoutError::Timeout) if !state.snapshot().stopping => continue,
                Err(_) => break,
            };
            // Changes made during the previous build are all handled by one build.
            let mut changed = Vec::new();
            for result in std::iter::once(first).chain(self.events.try_iter()) {
                match result {
                    Ok(events) => changed.extend(self.relevant_paths(&events)),
                    Err(errors) => {
                        for error in errors {
                            report(Notice::WatchFailed(error.to_string()));
                        }
                    }
                }
            }
            if state.snapshot().stopping {
                break;
            }
            if changed.is_empty() {
                continue;
            }
            changed.sort();
            changed.dedup();
            self.watch_new_folders(&changed, report);
            report(Notice::Changed(changed));
            builder.build(state, report);
        }
        self.debouncer.stop_nonblocking();
    }

    /// The project-relative paths that a batch of events changed and that matter.
    fn relevant_paths(&self, events: &[DebouncedEvent]) -> Vec<PathBuf> {
        events
            .iter()
            .filter(|e| !is_read(e.event.kind))
            .flat_map(|e| &e.event.paths)
            .filter_map(|path| path.strip_prefix(&self.root).ok())
            .filter(|path| is_watched(path))
            .map(Path::to_path_buf)
            .collect()
    }

    /// Starts watching `templates/` or `static/` when it was just created.
    fn watch_new_folders(&mut self, changed: &[PathBuf], report: &Reporter) {
        for name in WATCHED {
            let folder = self.root.join(name);
            if !changed.iter().any(|p| p == Path::new(name)) || !folder.is_dir() {
                continue;
            }
            if let Err(error) = self.debouncer.watch(&folder, RecursiveMode::Recursive) {
                report(Notice::WatchFailed(format!(
                    "{}: {error}",
                    folder.display()
                )));
            }
        }
    }
}

/// Checks the project and hands the dossier to the renderer, again after each change.
pub struct Builder {
    root: PathBuf,
    renderer: Renderer,
    checker: Rechecker,
}

impl Builder {
    /// A builder of the project at `root` (canonical) for `renderer`.
    pub fn new(root: PathBuf, renderer: Renderer) -> Self {
        Self {
            root,
            renderer,
            checker: Rechecker::default(),
        }
    }

    /// Checks the project (reading again only what changed since the last time) and
    /// publishes the outcome to the pages and the terminal.
    pub fn build(&self, state: &State, report: &Reporter) {
        let started = Instant::now();
        let (dossier, mut diagnostics) = self.checker.check(&self.root);
        let served = match dossier.filter(|_| !diagnostics.failed(false)) {
            Some(dossier) => self.serve(dossier),
            None => Err(None),
        };
        match served {
            Ok(served) => {
                state.succeeded(served);
                report(Notice::Built {
                    elapsed: started.elapsed(),
                    warnings: diagnostics,
                });
            }
            Err(problem) => {
                if let Some(message) = problem {
                    let message = format!("cannot build the site: {message}");
                    diagnostics.push(Diagnostic::file(Severity::Error, &self.root, message));
                }
                state.failed(diagnostics.render(false));
                report(Notice::Failed {
                    elapsed: started.elapsed(),
                    diagnostics,
                });
            }
        }
    }

    /// Makes `dossier` the one served; `Err(Some(why))` when its site cannot be rendered.
    fn serve(&self, dossier: Dossier) -> Result<Served, Option<String>> {
        let templates = Templates::load(&self.root).map_err(|e| Some(e.to_string()))?;
        let model = Model {
            dossier,
            templates,
            root: self.root.clone(),
        };
        let paths = self.renderer.replace(model).map_err(Some)?;
        Ok(Served {
            paths,
            renderer: self.renderer.clone(),
        })
    }
}

/// Whether an event only reports that a file was opened or read (by the build itself,
/// an editor, a backup tool…). A file closed after writing is a change.
fn is_read(kind: EventKind) -> bool {
    matches!(kind, EventKind::Access(access)
        if access != AccessKind::Close(AccessMode::Write))
}

/// Whether a project-relative path is inside a watched folder (or is one) and is not an
/// editor's hidden, swap or backup file.
fn is_watched(path: &Path) -> bool {
    let mut components = path.components();
    let in_watched = components
        .next()
        .and_then(|c| c.as_os_str().to_str())
        .is_some_and(|first| WATCHED.contains(&first));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    in_watched && !name.starts_with('.') && !name.ends_with('~') && name != "4913"
}

#[cfg(test)]
mod tests {
    use super::*;

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
            notify_debouncer_full::notify::event::AccessMode::Any
        ))));
        assert!(is_read(EventKind::Access(AccessKind::Close(
            AccessMode::Read
        ))));
        assert!(!is_read(EventKind::Access(AccessKind::Close(
            AccessMode::Write
        ))));
        assert!(!is_read(EventKind::Modify(
            notify_debouncer_full::notify::event::ModifyKind::Any
        )));
    }
}
