//! `dossier` turns a folder of sources (kept verbatim) and hand-written YAML metadata into
//! a cross-linked static site: load → validate → render → write.

pub mod briefing;
pub mod diagnostics;
pub mod dialect;
pub mod escape;
pub mod estimative;
pub mod export;
pub mod fingerprint;
pub mod import;
pub mod init;
pub mod labels;
pub mod link_safety;
pub mod load;
pub mod lock;
pub mod mentions;
pub mod model;
pub mod paragraphs;
pub mod pictures;
pub mod print;
pub mod printable;
pub mod render;
pub mod scan;
pub mod serve;
pub mod suggest;
pub mod sync;
pub mod validate;
pub mod write;

use std::path::Path;

/// The name of the package on crates.io (`cargo install PACKAGE`); the command it
/// installs is `dossier`.
pub const PACKAGE: &str = env!("CARGO_PKG_NAME");

/// The version of this build.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The reference of the content format (`docs/FORMAT.md`), printed by `dossier format`.
pub const FORMAT_REFERENCE: &str = include_str!("../docs/FORMAT.md");

/// What `dossier --version` prints after the command's name.
pub const VERSION_LINE: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("CARGO_PKG_NAME"),
    " on crates.io)"
);

use diagnostics::Diagnostics;
use model::Dossier;
use render::{RenderError, RenderStats};
use write::{DirSink, MemorySink, Sink, Staging, WriteError};

/// Loads and validates the project at `root`. Returns the dossier when there is no
/// error, and every diagnostic either way.
pub fn check(root: &Path) -> (Option<Dossier>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let raw = load::load(root, &mut diagnostics);
    let dossier = validate::validate(raw, &mut diagnostics);
    (dossier, diagnostics)
}

/// [`check`] for a project checked again and again (the preview server): the files that
/// did not change since the last run are not read again, and what their bodies gave is
/// reused.
#[derive(Debug, Default)]
pub struct Rechecker {
    files: load::FileCache,
    bodies: validate::BodyMemo,
}

impl Rechecker {
    /// Loads and validates the project at `root`, as [`check`] does. Each file's size
    /// and modification time tell whether it changed since the last run.
    pub fn check(&self, root: &Path) -> (Option<Dossier>, Diagnostics) {
        self.run(root, None)
    }

    /// [`Rechecker::check`] when `changed` lists every path (relative to `root`) that
    /// changed since the last run, as a file watcher reports them: the other files are
    /// not looked at, unless a document or a folder appeared or disappeared.
    pub fn check_after(
        &self,
        root: &Path,
        changed: &[std::path::PathBuf],
    ) -> (Option<Dossier>, Diagnostics) {
        self.run(root, Some(changed))
    }

    fn run(
        &self,
        root: &Path,
        changed: Option<&[std::path::PathBuf]>,
    ) -> (Option<Dossier>, Diagnostics) {
        let mut diagnostics = Diagnostics::default();
        let raw = load::load_with(root, Some(&self.files), changed, &mut diagnostics);
        let dossier = validate::validate_with(raw, &self.bodies, &mut diagnostics);
        (dossier, diagnostics)
    }
}

/// How to build.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions {
    /// Warnings fail the build too.
    pub strict: bool,
    /// Replace the output folder even if a previous build did not make it.
    pub force: bool,
    /// Show a progress bar on the terminal (stderr) for long builds.
    pub progress: bool,
}

/// Why a build did not produce a site, or the briefing was not written.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors (or warnings, when strict): see the diagnostics.
    #[error("the content has problems: {0}")]
    Content(String),
    /// The site could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The output folder could not be prepared or replaced.
    #[error(transparent)]
    Write(#[from] WriteError),
    /// The PDF could not be printed.
    #[error(transparent)]
    Print(#[from] print::PdfError),
}

/// Loads and checks the project at `root`: the dossier when it may be rendered (no
/// error, and no warning when `strict`), and every diagnostic either way. The one gate
/// of every command that writes.
pub(crate) fn checked(root: &Path, strict: bool) -> (Result<Dossier, BuildError>, Diagnostics) {
    let (dossier, diagnostics) = check(root);
    match dossier {
        Some(d) if !diagnostics.failed(strict) => (Ok(d), diagnostics),
        _ => (Err(BuildError::Content(diagnostics.summary())), diagnostics),
    }
}

/// What a successful build made.
pub type BuildReport = RenderStats;

/// Builds the site of the project at `root` into the folder `out`, atomically: the site
/// is written into a fresh folder beside `out` and swapped in only on success, so a
/// failed build leaves `out` as it was. Returns the diagnostics in every case (print
/// them: warnings come with a success too).
pub fn build(
    root: &Path,
    out: &Path,
    options: BuildOptions,
) -> (Result<BuildReport, BuildError>, Diagnostics) {
    let (dossier, mut diagnostics) = checked(root, options.strict);
    let dossier = match dossier {
        Ok(d) => d,
        Err(error) => return (Err(error), diagnostics),
    };
    let mut leftover = None;
    let result = (|| {
        let staging = Staging::begin(root, out, options.force)?;
        let stats = render_into(
            &dossier,
            root,
            &DirSink::new(staging.folder()),
            options.progress,
        )?;
        leftover = staging.commit()?;
        Ok(stats)
    })();
    let result = template_syntax(result, &mut diagnostics);
    if let Some(message) = leftover {
        let warning = diagnostics::Severity::Warning;
        diagnostics.push(diagnostics::Diagnostic::file(warning, out, message));
    }
    // The model is freed off the way of the exit (27 ms on one core for 10,000 sources).
    rayon::spawn(move || drop(dossier));
    (result, diagnostics)
}

/// A template that does not parse is told like a problem of the content: as a
/// diagnostic at `templates/NAME:LINE:COLUMN`.
fn template_syntax<T>(
    result: Result<T, BuildError>,
    diagnostics: &mut Diagnostics,
) -> Result<T, BuildError> {
    match result {
        Err(BuildError::Render(RenderError::TemplateSyntax(diagnostic))) => {
            diagnostics.push(*diagnostic);
            Err(BuildError::Content(diagnostics.summary()))
        }
        other => other,
    }
}

/// Renders a valid dossier into any [`Sink`] (a folder, memory…), with a progress bar
/// on stderr when `progress` and the site is large enough to need one.
pub fn render_into(
    dossier: &Dossier,
    root: &Path,
    sink: &dyn Sink,
    progress: bool,
) -> Result<RenderStats, RenderError> {
    let bar = Bar {
        wanted: progress,
        bar: std::sync::OnceLock::new(),
    };
    let stats = render::render(dossier, root, sink, &bar);
    if let Some(bar) = bar.bar.get() {
        bar.finish_and_clear();
    }
    stats
}

/// A progress bar on stderr, shown for sites of 200 pages or more.
struct Bar {
    wanted: bool,
    bar: std::sync::OnceLock<indicatif::ProgressBar>,
}

impl render::Progress for Bar {
    fn start(&self, pages: usize) {
        if !self.wanted || pages < 200 {
            return;
        }
        let bar = indicatif::ProgressBar::new(pages as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} building {pos}/{len} pages {wide_bar} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        let _ = self.bar.set(bar);
    }

    fn page(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }
}

/// Loads, checks and renders the project at `root` into memory, for the preview
/// server: the files of the site by path relative to its root (`sources/x/index.html`).
/// Nothing is written to disk.
pub fn build_in_memory(
    root: &Path,
    strict: bool,
) -> (
    Result<std::collections::BTreeMap<String, Vec<u8>>, BuildError>,
    Diagnostics,
) {
    let (dossier, mut diagnostics) = checked(root, strict);
    let dossier = match dossier {
        Ok(d) => d,
        Err(error) => return (Err(error), diagnostics),
    };
    let sink = MemorySink::new();
    let result = render::render(&dossier, root, &sink, &())
        .map(|_| sink.into_files())
        .map_err(BuildError::from);
    let result = template_syntax(result, &mut diagnostics);
    (result, diagnostics)
}
