//! `dossier briefing`: the project checked, its briefing rendered (one page of the
//! site, [`crate::render::briefing`]) with the sections asked for, written as one HTML
//! page and/or printed to PDF ([`crate::print`]) with page numbers in its contents.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::diagnostics::Diagnostics;
use crate::print::{self, Paper, pdf::Info};
use crate::render::briefing::{Layout, Section, Sections};
use crate::render::{self, Site};
use crate::write::{Pending, guard};
use crate::{BuildError, Project, open};

/// How many times the briefing may be printed until its contents' page numbers match
/// the pages (twice is the rule: once to learn them, once with them written).
const PRINTS: usize = 3;

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
    /// How long the browser may take to print, each time.
    pub timeout: Duration,
    /// Warnings fail too.
    pub strict: bool,
    /// The sections the briefing holds.
    pub sections: Sections,
    /// Replace existing files that `dossier briefing` did not write.
    pub force: bool,
}

impl Default for BriefingOptions {
    fn default() -> Self {
        Self {
            html: None,
            pdf: None,
            chrome: None,
            paper: Paper::A4,
            timeout: print::PRINT_TIMEOUT,
            strict: false,
            sections: Sections::default(),
            force: false,
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
pub fn run(
    root: &Path,
    options: &BriefingOptions,
) -> (Result<BriefingReport, BuildError>, Diagnostics) {
    let (project, diagnostics) = open(root, options.strict);
    let result = project.and_then(|project| write(&project, root, options));
    (result, diagnostics)
}

/// Renders the briefing of a checked project (at `root`) and writes it as `options` say.
fn write(
    project: &Project,
    root: &Path,
    options: &BriefingOptions,
) -> Result<BriefingReport, BuildError> {
    if let Some(out) = &options.html {
        guard::file_allowed(root, out, options.force, html_is_ours)?;
    }
    if let Some(out) = &options.pdf {
        guard::file_allowed(root, out, options.force, pdf_is_ours)?;
    }
    let browser = match &options.pdf {
        Some(_) => Some(print::find_browser(options.chrome.as_deref())?),
        None => None,
    };
    let site = Site::new(&project.dossier, &project.templates)?;
    let mut report = BriefingReport::default();
    let html_file = match &options.html {
        Some(out) => {
            let layout = Layout {
                sections: options.sections,
                ..Layout::default()
            };
            let page = render::briefing::html(&site, &layout)?;
            report.html = Some((out.clone(), page.len() as u64));
            Some(Pending::write(out, page.as_bytes())?)
        }
        None => None,
    };
    let pdf_file = match (&options.pdf, browser) {
        (Some(out), Some(browser)) => {
            let started = Instant::now();
            let pending = print_pdf(&site, &browser, out, options)?;
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

/// Prints the briefing to `out` (not yet renamed into place): once to learn the page
/// each section begins on, then again with those pages in the contents, until they
/// match; then writes the document information (title, authors, subject, marking).
fn print_pdf(
    site: &Site<'_>,
    browser: &Path,
    out: &Path,
    options: &BriefingOptions,
) -> Result<Pending, BuildError> {
    let mut layout = Layout {
        paper: Some(options.paper.css()),
        sections: options.sections,
        pages: Some(BTreeMap::new()),
        on_site: false,
    };
    let mut printed = None;
    for _ in 0..PRINTS {
        let page = render::briefing::html(site, &layout)?;
        let pending = print::print(browser, &page, out, options.timeout)?;
        // The contents link to the sections' titles (`chronology-title`): a section's
        // box may begin at the foot of the page before the one its title is printed on.
        let found = print::destination_pages(&pending).map(|pages| {
            pages
                .into_iter()
                .filter_map(|(name, page)| {
                    let section = name.strip_suffix("-title")?;
                    let known = Section::ALL.iter().any(|s| s.name() == section);
                    known.then(|| (section.to_string(), page))
                })
                .collect::<BTreeMap<_, _>>()
        });
        printed = Some(pending);
        if found == layout.pages || layout.pages.is_none() {
            break;
        }
        // Unreadable pages: printed once more, without numbers.
        layout.pages = found;
    }
    let pending = printed.ok_or(print::PdfError::NoBrowser)?;
    let meta = &site.dossier.meta;
    let info = Info {
        title: meta.title.clone(),
        author: (!meta.authors.is_empty()).then(|| meta.authors.join(", ")),
        subject: meta.subtitle.clone(),
        keywords: meta.marking.clone(),
    };
    print::set_info(&pending, &info)?;
    Ok(pending)
}

/// The line in the head of every briefing page, by which a later run knows the file.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"dossier\">";

/// Whether an existing file is a briefing page that `dossier briefing` wrote.
pub fn html_is_ours(path: &Path) -> bool {
    let head = guard::head(path, 8192);
    head.windows(GENERATOR.len())
        .any(|w| w.eq_ignore_ascii_case(GENERATOR.as_bytes()))
}

/// Whether an existing file is a PDF printed by the browser `dossier briefing` drives
/// (Chromium names itself in the file as `Skia/PDF`).
pub fn pdf_is_ours(path: &Path) -> bool {
    let bytes = guard::head(path, 64 << 20);
    bytes.starts_with(b"%PDF-") && bytes.windows(8).any(|w| w == b"Skia/PDF")
}
