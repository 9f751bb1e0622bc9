//! `dossier` turns a folder of sources (kept verbatim) and hand-written YAML metadata into
//! a cross-linked static site: load → validate → render → write.

pub mod body;
pub mod diagnostics;
pub mod init;
pub mod load;
pub mod mentions;
pub mod model;
pub mod paragraphs;
pub mod pictures;
pub mod print;
pub mod render;
pub mod serve;
pub mod sync;
pub mod urls;
pub mod validate;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
        let dossier = validate::validate_with(raw, Some(&self.bodies), &mut diagnostics);
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
fn checked(root: &Path, strict: bool) -> (Result<Dossier, BuildError>, Diagnostics) {
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
    let (dossier, diagnostics) = checked(root, options.strict);
    let dossier = match dossier {
        Ok(d) => d,
        Err(error) => return (Err(error), diagnostics),
    };
    let result = (|| {
        let staging = Staging::begin(root, out, options.force)?;
        let stats = render_into(
            &dossier,
            root,
            &DirSink::new(staging.folder()),
            options.progress,
        )?;
        staging.commit()?;
        Ok(stats)
    })();
    // The model is freed off the way of the exit (27 ms on one core for 10,000 sources).
    rayon::spawn(move || drop(dossier));
    (result, diagnostics)
}

/// Renders a valid dossier into any [`Sink`] (a folder, memory…), with a progress bar
/// on stderr when `progress` and the site is large enough to need one.
pub fn render_into(
    dossier: &Dossier,
    root: &Path,
    sink: &dyn Sink,
    progress: bool,
) -> Result<RenderStats, RenderError> {
    let total = render::page_count(dossier);
    let bar = (progress && total >= 200).then(|| {
        let bar = indicatif::ProgressBar::new(total as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} building {pos}/{len} pages {wide_bar} {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    });
    let tick = || {
        if let Some(bar) = &bar {
            bar.inc(1);
        }
    };
    let stats = render::render(dossier, root, sink, &tick);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    stats
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
    let (dossier, diagnostics) = checked(root, strict);
    let dossier = match dossier {
        Ok(d) => d,
        Err(error) => return (Err(error), diagnostics),
    };
    let sink = MemorySink::new();
    let result = render::render(&dossier, root, &sink, &|| {})
        .map(|_| sink.into_files())
        .map_err(BuildError::from);
    (result, diagnostics)
}

/// What `dossier briefing` writes.
#[derive(Debug, Clone)]
pub struct BriefingOptions {
    /// Write the HTML page here.
    pub html: Option<PathBuf>,
    /// Print the PDF here.
    pub pdf: Option<PathBuf>,
    /// The browser to print with, instead of looking for one.
    pub chrome: Option<PathBuf>,
    /// The paper of the PDF.
    pub paper: print::Paper,
    /// How long the browser may take to print.
    pub timeout: Duration,
    /// Warnings fail too.
    pub strict: bool,
}

impl Default for BriefingOptions {
    fn default() -> Self {
        Self {
            html: None,
            pdf: None,
            chrome: None,
            paper: print::Paper::A4,
            timeout: print::PRINT_TIMEOUT,
            strict: false,
        }
    }
}

/// What `dossier briefing` wrote.
#[derive(Debug, Clone, Default)]
pub struct BriefingReport {
    /// The HTML page and its size in bytes.
    pub html: Option<(PathBuf, u64)>,
    /// The PDF, its size in bytes, the browser that printed it and how long it took.
    pub pdf: Option<(PathBuf, u64, PathBuf, Duration)>,
}

/// Loads and checks the project at `root`, then writes its briefing as `options` say.
/// A browser is looked for before anything is rendered; each file is written beside
/// its target under a temporary name and renamed only once both are ready, so that on
/// an error nothing is written.
pub fn briefing(
    root: &Path,
    options: &BriefingOptions,
) -> (Result<BriefingReport, BuildError>, Diagnostics) {
    let (dossier, diagnostics) = checked(root, options.strict);
    let result = dossier.and_then(|dossier| write_briefing(&dossier, root, options));
    (result, diagnostics)
}

/// Renders the briefing of a valid dossier and writes it as `options` say.
fn write_briefing(
    dossier: &Dossier,
    root: &Path,
    options: &BriefingOptions,
) -> Result<BriefingReport, BuildError> {
    let browser = match &options.pdf {
        Some(_) => Some(print::find_browser(options.chrome.as_deref())?),
        None => None,
    };
    let templates = render::templates::Templates::load(root)?;
    let highlighter = render::highlight::Highlighter::new();
    let site = render::Site::new(dossier, &templates, &highlighter)?;
    let mut report = BriefingReport::default();
    let html_file = match &options.html {
        Some(out) => {
            let page = render::briefing::html(&site, None)?;
            report.html = Some((out.clone(), page.len() as u64));
            Some(write::Pending::write(out, page.as_bytes())?)
        }
        None => None,
    };
    let pdf_file = match (&options.pdf, browser) {
        (Some(out), Some(browser)) => {
            let page = render::briefing::html(&site, Some(options.paper.css()))?;
            let started = Instant::now();
            let pending = print::print(&browser, &page, out, options.timeout)?;
            report.pdf = Some((out.clone(), pending.len(), browser, started.elapsed()));
            Some(pending)
        }
        _ => None,
    };
    for file in [html_file, pdf_file].into_iter().flatten() {
        file.commit()?;
    }
    Ok(report)
}
