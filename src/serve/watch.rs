//! Watches `content/`, `templates/` and `static/`, and rebuilds the preview when they
//! change. Reads by the build itself (access events), editors' backup and swap files,
//! and everything outside those folders (the output among them) are ignored, so a build
//! never triggers another.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use notify_debouncer_full::notify::{RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache};

use super::changes::Changes;
use super::pages::Renderer;
use super::state::State;
use super::{Notice, Reporter, ServeError, Served};
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::render::Templates;
use crate::{Project, Rechecker};

/// The folders of a project whose changes trigger a rebuild.
pub const WATCHED: [&str; 3] = ["content", "templates", "static"];
/// How long the folders must stay quiet before a rebuild: editors write a file in a
/// few steps (backup or temporary file, rename, metadata), within a few milliseconds.
/// A build between two steps is followed by another once the last one is reported:
/// the page can show a passing state, never a stale one.
const QUIET: Duration = Duration::from_millis(20);
/// How often the watcher looks for changes that have been quiet long enough.
const TICK: Duration = Duration::from_millis(5);

/// A running watch of a project.
pub struct Watch {
    root: PathBuf,
    debouncer: Debouncer<RecommendedWatcher, RecommendedCache>,
    events: Receiver<DebounceEventResult>,
    /// A folder could not be watched: its changes may go unreported, so every build
    /// looks at every file.
    blind: bool,
}

impl Watch {
    /// Starts watching the project at `root` (canonical).
    pub fn start(root: &Path) -> Result<Self, ServeError> {
        let (sender, events) = channel();
        let watch_error = |path: &Path| {
            let path = path.to_path_buf();
            move |cause| ServeError::Watch { path, cause }
        };
        let mut debouncer = notify_debouncer_full::new_debouncer(QUIET, Some(TICK), sender)
            .map_err(watch_error(root))?;
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
            blind: false,
        })
    }

    /// Rebuilds the site whenever the project changes, until the server stops.
    pub fn run(mut self, builder: &Builder, state: &State, report: &Reporter) {
        // Changes that called for no build (an editor's backup file…) wait for the next.
        let mut changes = Changes::default();
        loop {
            let first = match self.events.recv_timeout(Duration::from_millis(200)) {
                Ok(result) => result,
                Err(RecvTimeoutError::Timeout) if !state.snapshot().stopping => continue,
                Err(_) => break,
            };
            // Changes made during the previous build are all handled by one build.
            for result in std::iter::once(first).chain(self.events.try_iter()) {
                match result {
                    Ok(events) => changes.add(&self.root, &events),
                    Err(errors) => {
                        changes.lose();
                        for error in errors {
                            report(Notice::WatchFailed(error.to_string()));
                        }
                    }
                }
            }
            if state.snapshot().stopping {
                break;
            }
            if !changes.call_for_build() {
                continue;
            }
            let changes = std::mem::take(&mut changes);
            let shown = changes.shown();
            self.watch_new_folders(&shown, report);
            report(Notice::Changed(shown));
            let known = changes.known().filter(|_| !self.blind);
            builder.build(state, report, known);
        }
        self.debouncer.stop_nonblocking();
    }

    /// Starts watching `templates/` or `static/` when it was just created.
    fn watch_new_folders(&mut self, changed: &[PathBuf], report: &Reporter) {
        for name in WATCHED {
            let folder = self.root.join(name);
            if !changed.iter().any(|p| p == Path::new(name)) || !folder.is_dir() {
                continue;
            }
            if let Err(error) = self.debouncer.watch(&folder, RecursiveMode::Recursive) {
                self.blind = true;
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
    /// The theme of the last build, kept while `templates/` and `static/` do not change.
    theme: Mutex<Option<Arc<Templates>>>,
}

impl Builder {
    /// A builder of the project at `root` (canonical) for `renderer`.
    pub fn new(root: PathBuf, renderer: Renderer) -> Self {
        Self {
            root,
            renderer,
            checker: Rechecker::default(),
            theme: Mutex::default(),
        }
    }

    /// Checks the project (reading again only what changed since the last time: the
    /// paths in `changed`, relative to the root, when the watcher knows them all) and
    /// publishes the outcome to the pages and the terminal.
    pub fn build(&self, state: &State, report: &Reporter, changed: Option<&[PathBuf]>) {
        let started = Instant::now();
        let checked = match changed {
            Some(changed) => self.checker.check_after(&self.root, changed),
            None => self.checker.check(&self.root),
        };
        let (project, mut diagnostics) = crate::prepare(checked, false, |diagnostics| {
            self.theme(changed, diagnostics)
        });
        let served = match project {
            Ok(project) => self.serve(project),
            Err(_) => Err(None),
        };
        match served {
            Ok(served) => {
                state.succeeded(served, by_severity(&diagnostics, Severity::Warning));
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
                let errors = by_severity(&diagnostics, Severity::Error).unwrap_or_default();
                state.failed(errors, by_severity(&diagnostics, Severity::Warning));
                report(Notice::Failed {
                    elapsed: started.elapsed(),
                    diagnostics,
                    last_good: state.snapshot().good.is_some(),
                });
            }
        }
    }

    /// Makes `project` the one served; `Err(Some(why))` when its site cannot be rendered.
    fn serve(&self, project: Project) -> Result<Served, Option<String>> {
        let paths = self.renderer.replace(project).map_err(Some)?;
        Ok(Served {
            paths,
            renderer: self.renderer.clone(),
        })
    }

    /// The project's theme: that of the last build when `changed` (every changed path,
    /// when known) names nothing in `templates/` or `static/` and none of its files is a
    /// link, else read again (`None` when it cannot be, told in `diagnostics`).
    fn theme(
        &self,
        changed: Option<&[PathBuf]>,
        diagnostics: &mut Diagnostics,
    ) -> Option<Arc<Templates>> {
        let mut kept = crate::sync::lock(&self.theme);
        let unchanged = changed.is_some_and(|changed| {
            !changed
                .iter()
                .any(|path| path.starts_with("templates") || path.starts_with("static"))
        });
        if unchanged
            && let Some(theme) = kept.as_ref()
            && !theme.theme().linked
        {
            return Some(Arc::clone(theme));
        }
        *kept = None;
        let theme = Arc::new(crate::theme(&self.root, diagnostics)?);
        *kept = Some(Arc::clone(&theme));
        Some(theme)
    }
}

/// The diagnostics of one severity as plain text (`None` when there is none), for the
/// pages' overlay.
fn by_severity(diagnostics: &Diagnostics, severity: Severity) -> Option<String> {
    let mut chosen = Diagnostics::default();
    for diagnostic in diagnostics.sorted() {
        if diagnostic.severity == severity {
            chosen.push(diagnostic.clone());
        }
    }
    (!chosen.is_empty()).then(|| chosen.render_listing(false, None))
}
