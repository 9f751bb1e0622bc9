//! The printable briefing (SPEC §4): one self-contained HTML page laid out for print —
//! title block, contents, summary, key judgments, chronology table, actor roster,
//! graded source list and numbered endnotes — written into the site as
//! `briefing/index.html` and by `dossier briefing`, which can also print it to PDF
//! with a headless Chromium. Every link of the page points inside it, except the
//! sources' own addresses.

mod browser;
mod files;
mod notes;
mod page;
pub mod pdf;
mod rows;
mod text;
mod view;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use page::BriefingHtml;
pub use pdf::{Paper, PdfError};

use crate::diagnostics::Diagnostics;
use crate::model::Dossier;
use crate::render::highlight::Highlighter;
use crate::render::links::PagePath;
use crate::render::templates::Templates;
use crate::render::{RenderError, Site};

/// How long Chromium may take to print before it is stopped, by default.
pub const PRINT_TIMEOUT: Duration = Duration::from_mins(1);

/// What the briefing is called in `language` ("Note de synthèse", "Briefing"), for
/// the links of the site to it.
pub fn name(language: crate::model::Language) -> &'static str {
    crate::labels::briefing(language).briefing
}

/// Where the briefing lives in the site.
pub fn path() -> PagePath {
    PagePath::section("briefing")
}

/// Renders the briefing of a site, ready to be written (its last lists are written on
/// the way). `paper` fixes the page size (when printing to PDF); without it the
/// printer's paper is used.
pub fn page<'a>(site: &Site<'a>, paper: Option<Paper>) -> Result<BriefingHtml<'a>, RenderError> {
    BriefingHtml::render(site, &path(), paper.map(Paper::css))
}

/// Renders the briefing of a site as one string (see [`page`]).
pub fn html(site: &Site<'_>, paper: Option<Paper>) -> Result<String, RenderError> {
    Ok(page(site, paper)?.to_html())
}

/// Renders the briefing of a valid dossier whose project is at `root` (for its
/// templates), on its own.
pub fn render(dossier: &Dossier, root: &Path, paper: Option<Paper>) -> Result<String, RenderError> {
    let templates = Templates::load(root)?;
    let highlighter = Highlighter::new();
    html(&Site::new(dossier, &templates, &highlighter)?, paper)
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
    pub paper: Paper,
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
            paper: Paper::A4,
            timeout: PRINT_TIMEOUT,
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

/// Why the briefing was not written.
#[derive(Debug, thiserror::Error)]
pub enum BriefingError {
    /// The content has errors (or warnings, when strict): see the diagnostics.
    #[error("the content has problems: {0}")]
    Content(String),
    /// The page could not be rendered.
    #[error(transparent)]
    Render(#[from] RenderError),
    /// The PDF could not be printed.
    #[error(transparent)]
    Pdf(#[from] PdfError),
}

/// Loads and checks the project at `root`, then writes its briefing as `options` say.
/// A browser is looked for before anything is rendered; each file is written beside
/// its target under a temporary name and renamed only once both are ready, so that on
/// an error nothing is written.
pub fn run(
    root: &Path,
    options: &BriefingOptions,
) -> (Result<BriefingReport, BriefingError>, Diagnostics) {
    let (dossier, diagnostics) = crate::check(root);
    let dossier = match dossier {
        Some(d) if !diagnostics.failed(options.strict) => d,
        _ => {
            return (
                Err(BriefingError::Content(diagnostics.summary())),
                diagnostics,
            );
        }
    };
    let result = (|| {
        let browser = match &options.pdf {
            Some(_) => Some(pdf::find_browser(options.chrome.as_deref())?),
            None => None,
        };
        let templates = Templates::load(root)?;
        let highlighter = Highlighter::new();
        let site = Site::new(&dossier, &templates, &highlighter)?;
        let mut report = BriefingReport::default();
        let html_file = match &options.html {
            Some(out) => {
                let page = html(&site, None)?;
                report.html = Some((out.clone(), page.len() as u64));
                Some(files::Pending::write(out, page.as_bytes())?)
            }
            None => None,
        };
        let pdf_file = match (&options.pdf, browser) {
            (Some(out), Some(browser)) => {
                let page = html(&site, Some(options.paper))?;
                let started = Instant::now();
                let pending = pdf::print(&browser, &page, out, options.timeout)?;
                report.pdf = Some((out.clone(), pending.len(), browser, started.elapsed()));
                Some(pending)
            }
            _ => None,
        };
        for file in [html_file, pdf_file].into_iter().flatten() {
            file.commit()?;
        }
        Ok(report)
    })();
    (result, diagnostics)
}
