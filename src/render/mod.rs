//! From the resolved [`Dossier`] to the files of the site: every page, the assets, the
//! search index, `dossier.json` and the feeds, rendered in parallel and handed one by
//! one to a [`Sink`] (a folder being built, or memory for the preview server), so that
//! the whole site is never held in memory at once.
//!
//! Source pages are rendered first: rendering a body also yields the sentence around
//! each mention, which the actor profiles then quote.

mod crossref;
mod feeds;
pub mod fragments;
pub mod highlight;
mod label_use;
pub mod links;
mod markdown;
mod model_json;
mod outputs;
mod pager;
mod pages;
pub mod periods;
mod pictures;
pub mod plain_text;
mod search;
pub mod templates;
pub mod views;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::labels::{self, Labels};
use crate::model::{Dossier, Language};
use crate::write::{Sink, WriteError};
pub use crossref::CrossRef;
use highlight::Highlighter;
use links::PagePath;
use markdown::Markdown;
pub use markdown::{Local, LocalLink};
pub use outputs::SiteFile;
use templates::Templates;

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
    /// A project file (template, static file) cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The output cannot be written.
    #[error(transparent)]
    Write(#[from] WriteError),
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
}

impl<'a> Site<'a> {
    /// Everything the pages of `dossier` need, with these templates and highlighter.
    pub fn new(
        dossier: &'a Dossier,
        templates: &'a Templates,
        highlighter: &'a Highlighter,
    ) -> Result<Self, RenderError> {
        let language = dossier.meta.language;
        let mut site = Site {
            frames: std::collections::BTreeMap::new(),
            dossier,
            cross: CrossRef::new(dossier),
            markdown: Markdown {
                dossier,
                highlighter,
                language,
            },
            templates,
            language,
            labels: labels::site(language),
            cite_names: dossier
                .sources
                .par_iter()
                .map(|source| {
                    let mut title =
                        format!("{} ({})", source.title, source.published.human(language));
                    if let Some(grade) = source.grade() {
                        title.push_str(" — ");
                        title.push_str(&grade);
                    }
                    (plain_text::short_title(&source.title, 40), title)
                })
                .collect(),
        };
        site.frames = site.render_frames()?;
        Ok(site)
    }
}

impl Site<'_> {
    /// How many pages the list of sources takes.
    pub fn sources_pages(&self) -> usize {
        pager::page_count(self.dossier.sources.len(), pager::SOURCES_PER_PAGE)
    }
}

/// Counts what goes to the sink and reports progress.
struct Output<'s> {
    sink: &'s dyn Sink,
    files: AtomicUsize,
    pages: AtomicUsize,
    bytes: AtomicU64,
    progress: &'s (dyn Fn() + Sync),
}

impl Output<'_> {
    fn write(&self, path: &PagePath, bytes: &[u8]) -> Result<(), RenderError> {
        self.sink.write(path.as_str(), bytes)?;
        self.count(path, bytes.len() as u64);
        Ok(())
    }

    fn write_with(&self, path: &PagePath, fill: crate::write::Fill<'_>) -> Result<(), RenderError> {
        let written = self.sink.write_with(path.as_str(), fill)?;
        self.count(path, written);
        Ok(())
    }

    fn count(&self, path: &PagePath, bytes: u64) {
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
        if path.as_str().to_ascii_lowercase().ends_with(".html") {
            self.pages.fetch_add(1, Ordering::Relaxed);
            (self.progress)();
        }
    }
}

/// How many pages a dossier makes, for a progress bar.
pub fn page_count(dossier: &Dossier) -> usize {
    let cross_tags = {
        let mut tags: Vec<&str> = dossier
            .sources
            .iter()
            .flat_map(|s| &s.tags)
            .chain(dossier.actors.iter().flat_map(|a| &a.tags))
            .chain(dossier.events.iter().flat_map(|e| &e.tags))
            .map(String::as_str)
            .collect();
        tags.sort_unstable();
        tags.dedup();
        tags.len()
    };
    dossier.sources.len()
        + dossier.actors.len()
        + cross_tags
        + periods::periods(dossier).len()
        + pager::page_count(dossier.sources.len(), pager::SOURCES_PER_PAGE)
        + 8
}

/// Renders the site of `dossier` (whose project is at `root`, for templates and
/// `static/`) into `sink`. `progress` is called once per page written.
pub fn render(
    dossier: &Dossier,
    root: &Path,
    sink: &dyn Sink,
    progress: &(dyn Fn() + Sync),
) -> Result<RenderStats, RenderError> {
    let templates = Templates::load(root)?;
    let highlighter = Highlighter::new();
    let site = Site::new(dossier, &templates, &highlighter)?;
    let out = Output {
        sink,
        files: AtomicUsize::new(0),
        pages: AtomicUsize::new(0),
        bytes: AtomicU64::new(0),
        progress,
    };
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
        scope.spawn(|_| {
            keep(out.write_with(&PagePath::new("dossier.json"), &mut |w| {
                model_json::write(dossier, w)
            }));
        });
        scope.spawn(|_| keep(write_search(&site, &out)));
        scope.spawn(|_| {
            keep(
                pages::chronology(&site)
                    .and_then(|page| out.write_with(&page.path, &mut |w| page.write_to(w))),
            );
        });
        scope.spawn(|_| {
            keep(crate::briefing::page(&site, None).and_then(|briefing| {
                out.write_with(&crate::briefing::path(), &mut |w| briefing.write_to(w))
            }));
        });
        keep(pages_in_parallel(&site, &out));
    });
    if let Some(error) = failure
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return Err(error);
    }
    for (name, bytes) in templates.assets() {
        out.write(&PagePath::asset(name), bytes)?;
    }
    out.write(
        &PagePath::asset("highlight.css"),
        highlight::stylesheet().as_bytes(),
    )?;
    out.write(&PagePath::new(".nojekyll"), b"")?;
    if let Some(base) = &dossier.meta.base_url {
        out.write(
            &PagePath::new("atom.xml"),
            feeds::atom(&site, base).as_bytes(),
        )?;
        out.write(
            &PagePath::new("sitemap.xml"),
            feeds::sitemap(&site, base).as_bytes(),
        )?;
    }
    copy_static(root, &out)?;
    Ok(RenderStats {
        pages: out.pages.load(Ordering::Relaxed),
        files: out.files.load(Ordering::Relaxed),
        bytes: out.bytes.load(Ordering::Relaxed),
    })
}

/// The search index: how it is cut, the blocks of documents, the shards of words.
fn write_search(site: &Site<'_>, out: &Output<'_>) -> Result<(), RenderError> {
    let layout = search::Layout::new(site.dossier);
    out.write_with(&PagePath::asset("search-index.js"), &mut |w| {
        search::write_manifest(&layout, w)
    })?;
    (0..layout.blocks.len())
        .into_par_iter()
        .try_for_each(|index| {
            out.write_with(&search::Layout::block_path(index), &mut |w| {
                search::write_block(site, &layout, index, w)
            })
        })?;
    let shards = search::shards(site, &layout, None);
    (0..layout.shards).into_par_iter().try_for_each(|index| {
        out.write_with(&search::Layout::shard_path(index), &mut |w| {
            search::write_shard(&shards, index, w)
        })
    })
}

/// Every page but the few big ones: the sources, then the pages that quote them.
fn pages_in_parallel(site: &Site<'_>, out: &Output<'_>) -> Result<(), RenderError> {
    let per_source: Vec<Vec<String>> = (0..site.dossier.sources.len())
        .into_par_iter()
        .map(|index| {
            let (page, html) = pages::source(site, index)?;
            out.write(&page.path, &html)?;
            Ok(page.quotes)
        })
        .collect::<Result<_, RenderError>>()?;
    let quotes: Vec<String> = per_source.into_iter().flatten().collect();
    let mut jobs = vec![pages::Job::Home];
    jobs.extend((1..=site.sources_pages()).map(pages::Job::SourcesIndex));
    jobs.extend((0..site.dossier.actors.len()).map(pages::Job::Actor));
    jobs.push(pages::Job::ActorsIndex);
    jobs.push(pages::Job::TagsIndex);
    for (slug, tagged) in &site.cross.tags {
        let count = pager::page_count(tagged.len(), pager::TAGGED_PER_PAGE);
        jobs.extend((1..=count).map(|number| pages::Job::Tag(slug, number)));
    }
    jobs.extend((0..periods::periods(site.dossier).len()).map(pages::Job::Period));
    jobs.extend([pages::Job::Search, pages::Job::NotFound]);
    jobs.par_iter().try_for_each(|job| {
        let (path, html) = pages::render(site, job, &quotes)?;
        out.write(&path, &html)
    })
}

/// Copies `root/static/` into the output as is (regular files only: no links out).
fn copy_static(root: &Path, out: &Output<'_>) -> Result<(), RenderError> {
    for (relative, path) in static_files(root)? {
        let bytes = std::fs::read(&path).map_err(|source| RenderError::Read {
            path: path.clone(),
            source,
        })?;
        out.write(&PagePath::new(relative), &bytes)?;
    }
    Ok(())
}

/// The regular files of `root/static/` (no links out), by path inside it.
fn static_files(root: &Path) -> Result<Vec<(String, PathBuf)>, RenderError> {
    let folder = root.join("static");
    let mut files = Vec::new();
    if !folder.is_dir() {
        return Ok(files);
    }
    let entries = walkdir::WalkDir::new(&folder)
        .follow_links(false)
        .sort_by_file_name();
    for entry in entries {
        let entry = entry.map_err(|e| RenderError::Read {
            path: e.path().map_or_else(|| folder.clone(), Path::to_path_buf),
            source: e
                .into_io_error()
                .unwrap_or_else(|| std::io::Error::other("cannot walk static/")),
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Ok(relative) = entry.path().strip_prefix(&folder) else {
            continue;
        };
        let Some(relative) = relative.to_str().map(|r| r.replace('\\', "/")) else {
            continue;
        };
        files.push((relative, entry.path().to_path_buf()));
    }
    Ok(files)
}
