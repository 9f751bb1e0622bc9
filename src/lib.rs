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
pub mod plain_text;
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
use std::sync::Arc;

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
use render::{RenderError, RenderStats, Templates};
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
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Warnings fail the build too.
    pub strict: bool,
    /// Replace the output folder even if a previous build did not make it.
    pub force: bool,
    /// Show a progress bar on the terminal (stderr) for long builds.
    pub progress: bool,
    /// The address where the site is published, in place of the dossier's `base_url`
    /// (an `http` or `https` address, checked by the caller).
    pub base_url: Option<String>,
}

/// Why a build did not produce a site, or the briefing was not written.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content or the theme has errors (or the content warnings, when strict): see
    /// the diagnostics.
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

/// A checked project, ready to render: its dossier and its theme.
pub struct Project {
    /// The dossier, valid.
    pub dossier: Dossier,
    /// The theme, read and compiled (shared: the preview keeps it while it is unchanged).
    pub templates: Arc<Templates>,
}

/// The one gate of every command that renders or writes: the dossier that `check` gave
/// when it may be used (no error, and no warning when `strict`), and every diagnostic
/// either way.
fn admit(
    (dossier, diagnostics): (Option<Dossier>, Diagnostics),
    strict: bool,
) -> (Result<Dossier, BuildError>, Diagnostics) {
    match dossier {
        Some(d) if !diagnostics.failed(strict) => (Ok(d), diagnostics),
        _ => (Err(BuildError::Content(diagnostics.summary())), diagnostics),
    }
}

/// Loads and checks the project at `root`, then stops on its errors (and on its
/// warnings when `strict`): the dossier, and every diagnostic either way.
pub(crate) fn checked(root: &Path, strict: bool) -> (Result<Dossier, BuildError>, Diagnostics) {
    admit(check(root), strict)
}

/// Reads the theme of the project at `root` (`templates/`, `static/`) and compiles its
/// templates; what goes wrong is told in `diagnostics` (`templates/base.html:27:1`).
pub fn theme(root: &Path, diagnostics: &mut Diagnostics) -> Option<Templates> {
    let theme = load::Theme::load(root, diagnostics)?;
    Templates::new(theme)
        .map_err(|diagnostic| diagnostics.push(*diagnostic))
        .ok()
}

/// What `check` gave, through the gate of [`admit`], then the theme that `theme` gives:
/// the project ready to render, or why not (with every diagnostic either way).
pub(crate) fn prepare(
    checked: (Option<Dossier>, Diagnostics),
    strict: bool,
    theme: impl FnOnce(&mut Diagnostics) -> Option<Arc<Templates>>,
) -> (Result<Project, BuildError>, Diagnostics) {
    let (dossier, mut diagnostics) = admit(checked, strict);
    let project = dossier.and_then(|dossier| match theme(&mut diagnostics) {
        Some(templates) => Ok(Project { dossier, templates }),
        None => Err(BuildError::Content(diagnostics.summary())),
    });
    (project, diagnostics)
}

/// Loads and checks the project at `root`, stops on its errors (and on its warnings when
/// `strict`), then reads its theme: the project ready to render, or why not, and every
/// diagnostic either way. The entry of `build`, `briefing` and the preview.
pub fn open(root: &Path, strict: bool) -> (Result<Project, BuildError>, Diagnostics) {
    prepare(check(root), strict, |diagnostics| {
        theme(root, diagnostics).map(Arc::new)
    })
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
    let (project, mut diagnostics) = open(root, options.strict);
    let mut project = match project {
        Ok(project) => project,
        Err(error) => return (Err(error), diagnostics),
    };
    if let Some(base_url) = options.base_url {
        project.dossier.meta.base_url = Some(base_url.trim_end_matches('/').to_string());
    }
    let mut leftover = None;
    let result = (|| {
        let staging = Staging::begin(root, out, options.force)?;
        let sink = DirSink::new(staging.folder());
        let stats = render_into(&project, &sink, options.progress)?;
        leftover = staging.commit()?;
        Ok(stats)
    })();
    if let Some(message) = leftover {
        let warning = diagnostics::Severity::Warning;
        diagnostics.push(diagnostics::Diagnostic::file(warning, out, message));
    }
    // The model is freed off the way of the exit (27 ms on one core for 10,000 sources).
    rayon::spawn(move || drop(project));
    (result, diagnostics)
}

/// Renders a checked project into any [`Sink`] (a folder, memory…), with a progress bar
/// on stderr when `progress` and the site is large enough to need one.
pub fn render_into(
    project: &Project,
    sink: &dyn Sink,
    progress: bool,
) -> Result<RenderStats, RenderError> {
    let bar = Bar {
        wanted: progress,
        bar: std::sync::OnceLock::new(),
    };
    let stats = render::render(&project.dossier, &project.templates, sink, &bar);
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

/// Loads, checks and renders the project at `root` into memory: the files of the site
/// by path relative to its root (`sources/x/index.html`). Nothing is written to disk.
pub fn build_in_memory(
    root: &Path,
    strict: bool,
) -> (
    Result<std::collections::BTreeMap<String, Vec<u8>>, BuildError>,
    Diagnostics,
) {
    let (project, diagnostics) = open(root, strict);
    let result = project.and_then(|project| {
        let sink = MemorySink::new();
        render::render(&project.dossier, &project.templates, &sink, &())?;
        Ok(sink.into_files())
    });
    (result, diagnostics)
}
