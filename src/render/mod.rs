//! From the resolved [`Dossier`] and the project's theme (read by [`crate::load::theme`],
//! compiled into [`Templates`]) to the files of the site: every page, the assets, the
//! search index, `dossier.json` and the feeds, rendered in parallel and handed one by
//! one to a [`Sink`] (a folder being built, or memory for the preview server), so that
//! the whole site is never held in memory at once. Nothing here reads the disk.
//!
//! Source pages are rendered first: rendering a body also yields the sentence around
//! each mention, which the actor profiles then quote.

mod crossref;
mod feeds;
pub mod fragments;
pub mod highlight;
mod label_use;
pub mod links;
pub(crate) mod markdown;
mod model_json;
mod outputs;
mod pager;
mod pages;
pub mod periods;
mod pictures;
mod search;
mod template_hints;
pub mod templates;
pub mod trust;
pub mod typography;
pub mod views;

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::labels::{self, Labels};
use crate::model::{Dossier, Language};
use crate::plain_text;
use crate::write::{Sink, WriteError};
pub use crossref::CrossRef;
use highlight::Highlighter;
use markdown::Markdown;
pub use markdown::{Local, LocalLink};
pub use outputs::SiteFile;
use pages::Job;
pub use pages::briefing;
pub use templates::Templates;

/// What can go wrong while rendering a valid dossier.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// A template does not parse or does not render.
    #[error("template {name}: {message}")]
    Template {
        /// The template.
        name: String,
        /// What tera says.
        message: String,
    },
    /// A template of the project does not render, at a place of `templates/` (the
    /// diagnostic to show, which says where).
    #[error("{}, at {}:{}:{}", .0.message, .0.path.display(), .0.line, .0.column)]
    TemplateAt(Box<crate::diagnostics::Diagnostic>),
    /// The output cannot be written.
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl RenderError {
    /// The diagnostic that tells this error: at its place in `templates/` when it has
    /// one, else about `fallback` (the output, the project).
    pub fn diagnostic(&self, fallback: &std::path::Path) -> crate::diagnostics::Diagnostic {
        match self {
            Self::TemplateAt(located) => (**located).clone(),
            other => crate::diagnostics::Diagnostic::file(
                crate::diagnostics::Severity::Error,
                fallback,
                other.to_string(),
            ),
        }
    }
}

/// How much was written.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderStats {
    /// HTML pages.
    pub pages: usize,
    /// Files, pages included.
    pub files: usize,
    /// Bytes.
    pub bytes: u64,
}

/// Everything a page needs, shared by reference between the workers.
pub struct Site<'a> {
    /// The dossier.
    pub dossier: &'a Dossier,
    /// Who refers to what.
    pub cross: CrossRef,
    /// Markdown rendering.
    pub markdown: Markdown<'a>,
    /// The templates.
    pub templates: &'a Templates,
    /// The interface language.
    pub language: Language,
    /// The interface labels.
    pub labels: &'static Labels,
    /// The rendered header and footer, by section and depth of page.
    pub frames: views::Frames,
    /// For each source, how a citation names it: its short title, and its full title
    /// with date and grade (computed once: citations are many).
    pub cite_names: Vec<(String, String)>,
    /// What the dossier is about, for the pages that say nothing more precise: its
    /// subtitle, else the start of its summary, else its title.
    pub description: String,
    /// The words of the search index, by shard, once computed.
    search_terms: std::sync::OnceLock<Vec<search::Shard>>,
    /// How the search index is cut, once computed.
    search_layout: std::sync::OnceLock<search::Layout>,
}

impl<'a> Site<'a> {
    /// Everything the pages of `dossier` need, with the project's theme (`templates`).
    pub fn new(dossier: &'a Dossier, templates: &'a Templates) -> Result<Self, RenderError> {
        let language = dossier.meta.language;
        let mut site = Site {
            frames: std::collections::BTreeMap::new(),
            dossier,
            cross: CrossRef::new(dossier),
            markdown: Markdown {
                dossier,
                highlighter: &Highlighter,
                language,
            },
            templates,
            language,
            labels: labels::site(language),
            cite_names: cite_names(dossier, language),
            description: describe(dossier),
            search_terms: std::sync::OnceLock::new(),
            search_layout: std::sync::OnceLock::new(),
        };
        site.frames = site.render_frames()?;
        Ok(site)
    }
}

/// How a citation names each source: its short title, told apart by outlet (or else by
/// date) from another source whose short title reads the same; and its full title with
/// date and grade, for the hover.
fn cite_names(dossier: &Dossier, language: Language) -> Vec<(String, String)> {
    let mut names: Vec<(String, String)> = dossier
        .sources
        .par_iter()
        .map(|source| {
            let mut title = format!("{} ({})", source.title, source.published.human(language));
            if let Some(grade) = source.grade() {
                title.push_str(" — ");
                title.push_str(&grade);
            }
            (plain_text::short_title(&source.title, 40), title)
        })
        .collect();
    let mut seen: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (index, (short, _)) in names.iter().enumerate() {
        seen.entry(short.as_str()).or_default().push(index);
    }
    let shared: Vec<Vec<usize>> = seen.into_values().filter(|list| list.len() > 1).collect();
    for list in shared {
        let outlets: Vec<Option<&str>> = list
            .iter()
            .map(|&i| dossier.sources[i].outlet.as_deref())
            .collect();
        let outlets_differ = outlets
            .iter()
            .enumerate()
            .all(|(a, x)| x.is_some() && outlets.iter().skip(a + 1).all(|y| y != x));
        for &i in &list {
            let source = &dossier.sources[i];
            let tell = match &source.outlet {
                Some(outlet) if outlets_differ => outlet.clone(),
                _ => source.published.human(language),
            };
            names[i].0 = format!("{} ({tell})", names[i].0);
        }
    }
    names
}

/// The dossier in a sentence or two: its subtitle, else the start of its summary, else
/// its title.
fn describe(dossier: &Dossier) -> String {
    let meta = &dossier.meta;
    if let Some(subtitle) = &meta.subtitle {
        return subtitle.clone();
    }
    meta.summary.as_deref().map_or_else(
        || meta.title.clone(),
        |summary| plain_text::short_title(plain_text::plain(summary, dossier).trim(), 200),
    )
}

impl Site<'_> {
    /// How many pages the list of sources takes.
    pub fn sources_pages(&self) -> usize {
        pager::page_count(self.dossier.sources.len(), pager::SOURCES_PER_PAGE)
    }

    /// How many pages the roster of actors takes.
    pub fn roster_pages(&self) -> usize {
        pager::page_count(self.dossier.actors.len(), pager::ACTORS_PER_PAGE)
    }
}

/// What a long render reports as it goes, for a progress bar.
pub trait Progress: Sync {
    /// The site has `pages` HTML pages to write.
    fn start(&self, pages: usize);
    /// One more page is written.
    fn page(&self);
}

/// Reports nothing.
impl Progress for () {
    fn start(&self, _: usize) {}
    fn page(&self) {}
}

/// Whether a path of the site is an HTML page.
fn is_page(path: &str) -> bool {
    path.to_ascii_lowercase().ends_with(".html")
}

/// Counts what goes to the sink and reports progress.
struct Output<'s> {
    sink: &'s dyn Sink,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
    progress: &'s dyn Progress,
}

impl Output<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), RenderError> {
        self.sink.write(path, bytes)?;
        self.count(path, bytes.len() as u64);
        Ok(())
    }

    fn write_with(&self, path: &str, fill: crate::write::Fill<'_>) -> Result<(), RenderError> {
        let written = self.sink.write_with(path, fill)?;
        self.count(path, written);
        Ok(())
    }

    fn count(&self, path: &str, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if is_page(path) {
            self.pages.fetch_add(1, Ordering::Relaxed);
            self.progress.page();
        }
    }
}

/// Renders the site of `dossier` with the project's theme (`templates`) into `sink`:
/// every file of [`Site::files`], the one list of the site's files. `progress` hears
/// how many pages there are, then of each page written.
pub fn render(
    dossier: &Dossier,
    templates: &Templates,
    sink: &dyn Sink,
    progress: &dyn Progress,
) -> Result<RenderStats, RenderError> {
    let site = Site::new(dossier, templates)?;
    let files = site.files();
    progress.start(files.keys().filter(|path| is_page(path)).count());
    let out = Output {
        sink,
        files: AtomicUsize::new(0),
        pages: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
        progress,
    };
    let plan = Plan::of(&files);
    // The big single files (the data, the chronology, the briefing) are tasks of their
    // own, taken by whichever worker is free; the pages are many small tasks. Sources
    // come first: rendering them gives the quotes that the actor profiles show.
    let failure: Mutex<Option<RenderError>> = Mutex::new(None);
    let keep = |result: Result<(), RenderError>| {
        if let Err(error) = result {
            let mut first = crate::sync::lock(&failure);
            first.get_or_insert(error);
        }
    };
    rayon::scope(|scope| {
        for &(path, file) in &plan.big {
            let (site, out, keep) = (&site, &out, &keep);
            scope.spawn(move |_| keep(write_file(site, path, file, out)));
        }
        keep(pages_in_parallel(&site, &plan, &out));
        // Then the small files (the search index's blocks of texts, most of them), in
        // parallel too, while the big ones finish.
        keep(
            plan.small
                .par_iter()
                .try_for_each(|&(path, file)| write_file(&site, path, file, &out)),
        );
    });
    if let Some(error) = failure
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return Err(error);
    }
    Ok(RenderStats {
        pages: out.pages.load(Ordering::Relaxed),
        files: out.files.load(Ordering::Relaxed),
        bytes: out.bytes.load(Ordering::Relaxed),
    })
}

/// The files of the site sorted by how a full build renders them.
struct Plan<'f, 's> {
    /// The sources, by index.
    sources: Vec<usize>,
    /// The pages rendered after the sources (they may quote them).
    pages: Vec<(&'f str, &'f Job<'s>)>,
    /// The few big files, each a task of its own.
    big: Vec<(&'f str, &'f SiteFile<'s>)>,
    /// The small files written after the pages (the blocks of the search index's texts,
    /// assets, feeds, `static/`).
    small: Vec<(&'f str, &'f SiteFile<'s>)>,
}

impl<'f, 's> Plan<'f, 's> {
    fn of(files: &'f std::collections::BTreeMap<String, SiteFile<'s>>) -> Self {
        let mut plan = Plan {
            sources: Vec::new(),
            pages: Vec::new(),
            big: Vec::new(),
            small: Vec::new(),
        };
        for (path, file) in files {
            match file {
                SiteFile::Source(index) => plan.sources.push(*index),
                SiteFile::Page(job) => plan.pages.push((path, job)),
                SiteFile::Model
                | SiteFile::Export(_)
                | SiteFile::SearchIndex
                | SiteFile::Chronology
                | SiteFile::Briefing => plan.big.push((path, file)),
                // Written with the search index, as soon as its words are counted.
                SiteFile::SearchTerms(_) | SiteFile::SearchNext(_) => {}
                SiteFile::Atom(_)
                | SiteFile::SearchDocs(_)
                | SiteFile::Sitemap(_)
                | SiteFile::Bytes(_) => plan.small.push((path, file)),
            }
        }
        plan.sources.sort_unstable();
        plan
    }
}

/// Renders one file that quotes no source and hands it to `out`; the big ones are
/// written as they are rendered, never held whole.
fn write_file(
    site: &Site<'_>,
    path: &str,
    file: &SiteFile<'_>,
    out: &Output<'_>,
) -> Result<(), RenderError> {
    match file {
        SiteFile::Model => out.write_with(path, &mut |w| model_json::write(site.dossier, w)),
        SiteFile::SearchIndex => {
            let layout = site.search_layout();
            out.write_with(path, &mut |w| search::write_manifest(layout, w))?;
            // The words' shards, computed here beside the pages and written at once:
            // held until the end, they would add to the build's peak of memory.
            let shards = search::shards(site, layout, None);
            for index in 0..layout.shards {
                let terms = search::Layout::shard_path(index);
                out.write_with(terms.as_str(), &mut |w| {
                    search::write_shard(&shards, index, w)
                })?;
                let next = search::Layout::next_path(index);
                out.write_with(next.as_str(), &mut |w| {
                    search::write_next(&shards, index, w)
                })?;
            }
            Ok(())
        }
        SiteFile::Chronology => {
            let page = pages::chronology(site)?;
            out.write_with(path, &mut |w| page.write_to(w))
        }
        SiteFile::Briefing => {
            let briefing = pages::briefing::page(site, &briefing::Layout::site())?;
            out.write_with(path, &mut |w| briefing.write_to(w))
        }
        SiteFile::Export(name) => out.write_with(path, &mut |w| {
            crate::export::write_site_file(site.dossier, name, w)
        }),
        other => out.write(path, &site.render_file(other, &|_| Ok(Vec::new()))?),
    }
}

/// Every page but the few big ones: the sources, then the pages that quote them.
fn pages_in_parallel(
    site: &Site<'_>,
    plan: &Plan<'_, '_>,
    out: &Output<'_>,
) -> Result<(), RenderError> {
    let per_source: Vec<Vec<String>> = plan
        .sources
        .par_iter()
        .map(|&index| {
            let (page, html) = pages::source(site, index)?;
            out.write(page.path.as_str(), &html)?;
            Ok(page.quotes)
        })
        .collect::<Result<_, RenderError>>()?;
    let quotes: Vec<String> = per_source.into_iter().flatten().collect();
    plan.pages.par_iter().try_for_each(|&(path, job)| {
        let (_, html) = pages::render(site, job, &quotes)?;
        out.write(path, &html)
    })
}
