//! The files of the site by path, each of which can be rendered alone: the preview server
//! renders a page when it is asked for, instead of the whole site on every change.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::PathBuf;

use rayon::prelude::*;

use super::links::PagePath;
use super::pages::{self, Job};
use super::{RenderError, Site, feeds, highlight, model_json, pager, search};

/// One file of the site, not rendered yet.
#[derive(Debug, Clone)]
pub enum SiteFile<'s> {
    /// `sources/ID/index.html`, by index.
    Source(usize),
    /// A page rendered after the sources in a full build.
    Page(Job<'s>),
    /// `chronology/index.html`.
    Chronology,
    /// `briefing/index.html`.
    Briefing,
    /// `dossier.json`.
    Model,
    /// `assets/search-index.js`: how the search index is cut.
    SearchIndex,
    /// `assets/search/t-N.js`: a shard of the search index's words.
    SearchTerms(usize),
    /// `assets/search/n-N.js`: the words that follow each word of a shard, for phrases.
    SearchNext(usize),
    /// `assets/search/d-N.js`: a block of the search index's documents.
    SearchDocs(usize),
    /// A file of `exports/`, by name.
    Export(&'static str),
    /// `atom.xml` for a site published at this address.
    Atom(&'s str),
    /// `sitemap.xml` for a site published at this address.
    Sitemap(&'s str),
    /// Bytes known already (stylesheets, scripts, `.nojekyll`, the project's `static/`
    /// files).
    Bytes(Cow<'s, [u8]>),
}

impl Site<'_> {
    /// Every file of the site, by path, as a full build writes them.
    pub fn files(&self) -> BTreeMap<String, SiteFile<'_>> {
        let d = self.dossier;
        let mut files: BTreeMap<String, SiteFile<'_>> = BTreeMap::new();
        let mut add = |path: PagePath, file| {
            files.insert(path.as_str().to_string(), file);
        };
        for (index, source) in d.sources.iter().enumerate() {
            add(PagePath::source(&source.id), SiteFile::Source(index));
        }
        for (index, actor) in d.actors.iter().enumerate() {
            add(
                PagePath::actor(&actor.id),
                SiteFile::Page(Job::Actor(index)),
            );
        }
        for (slug, tagged) in &self.cross.tags {
            let count = pager::page_count(tagged.len(), pager::TAGGED_PER_PAGE);
            for number in 1..=count {
                let path = pager::page_path(&PagePath::tag(slug), number);
                add(path, SiteFile::Page(Job::Tag(slug, number)));
            }
        }
        for number in 1..=self.roster_pages() {
            let path = pager::page_path(&PagePath::section("actors"), number);
            add(path, SiteFile::Page(Job::ActorsIndex(number)));
        }
        for number in 1..=self.sources_pages() {
            let path = pager::page_path(&PagePath::section("sources"), number);
            add(path, SiteFile::Page(Job::SourcesIndex(number)));
        }
        let sections = [
            (PagePath::home(), Job::Home),
            (PagePath::section("tags"), Job::TagsIndex),
            (PagePath::section("search"), Job::Search),
            (PagePath::new("404.html"), Job::NotFound),
        ];
        for (path, job) in sections {
            add(path, SiteFile::Page(job));
        }
        add(PagePath::section("chronology"), SiteFile::Chronology);
        for (index, period) in super::periods::periods(d).into_iter().enumerate() {
            add(period.path, SiteFile::Page(Job::Period(index)));
        }
        add(pages::briefing::path(), SiteFile::Briefing);
        add(PagePath::new("dossier.json"), SiteFile::Model);
        for name in crate::export::SITE_FILES {
            add(
                PagePath::new(format!("exports/{name}")),
                SiteFile::Export(name),
            );
        }
        add(PagePath::asset("search-index.js"), SiteFile::SearchIndex);
        let layout = self.search_layout();
        for index in 0..layout.shards {
            add(
                search::Layout::shard_path(index),
                SiteFile::SearchTerms(index),
            );
            add(
                search::Layout::next_path(index),
                SiteFile::SearchNext(index),
            );
        }
        for index in 0..layout.blocks.len() {
            add(
                search::Layout::block_path(index),
                SiteFile::SearchDocs(index),
            );
        }
        let theme = self.templates.theme();
        let highlight = highlight::stylesheet();
        for (name, bytes) in &theme.assets {
            let file = if *name == "style.css" {
                SiteFile::Bytes(Cow::Owned(whole_style(
                    bytes,
                    &highlight,
                    theme.text("pictures.css"),
                )))
            } else {
                SiteFile::Bytes(Cow::Borrowed(bytes))
            };
            add(PagePath::asset(name), file);
        }
        add(
            PagePath::asset("highlight.css"),
            SiteFile::Bytes(Cow::Owned(highlight.into_bytes())),
        );
        add(
            PagePath::new(".nojekyll"),
            SiteFile::Bytes(Cow::Borrowed(b"")),
        );
        if let Some(base) = &d.meta.base_url {
            add(PagePath::new("atom.xml"), SiteFile::Atom(base));
            add(PagePath::new("sitemap.xml"), SiteFile::Sitemap(base));
        }
        for file in &theme.statics {
            let bytes = SiteFile::Bytes(Cow::Borrowed(&file.bytes));
            add(PagePath::new(file.path.as_str()), bytes);
        }
        files
    }

    /// Renders one file of the site on its own. An actor's profile quotes the sentence
    /// around each mention, which rendering the sources gives: `quotes(source)` returns
    /// those of one source, aligned with its mentions.
    pub fn render_file(
        &self,
        file: &SiteFile<'_>,
        quotes: &(dyn Fn(usize) -> Result<Vec<String>, RenderError> + Sync),
    ) -> Result<Vec<u8>, RenderError> {
        // Writing into memory does not fail; the error is kept for the signatures' sake.
        let io = |source: std::io::Error| {
            RenderError::Write(crate::write::WriteError::Io {
                action: "cannot render",
                path: PathBuf::from("(memory)"),
                source,
            })
        };
        Ok(match file {
            SiteFile::Source(index) => pages::source(self, *index)?.1,
            SiteFile::Page(Job::Actor(index)) => {
                let quotes = self.quotes_of_actor(*index, quotes)?;
                pages::render(self, &Job::Actor(*index), &quotes)?.1
            }
            SiteFile::Page(job) => pages::render(self, job, &[])?.1,
            SiteFile::Chronology => {
                let mut out = Vec::new();
                pages::chronology(self)?.write_to(&mut out).map_err(io)?;
                out
            }
            SiteFile::Briefing => {
                pages::briefing::html(self, &pages::briefing::Layout::site())?.into_bytes()
            }
            SiteFile::Model => {
                let mut out = Vec::new();
                model_json::write(self.dossier, &mut out).map_err(io)?;
                out
            }
            SiteFile::Export(name) => {
                crate::export::site_file(self.dossier, name).unwrap_or_default()
            }
            SiteFile::SearchIndex => {
                let mut out = Vec::new();
                search::write_manifest(self.search_layout(), &mut out).map_err(io)?;
                out
            }
            SiteFile::SearchTerms(index) => {
                let mut out = Vec::new();
                search::write_shard(self.search_shards(), *index, &mut out).map_err(io)?;
                out
            }
            SiteFile::SearchNext(index) => {
                let mut out = Vec::new();
                search::write_next(self.search_shards(), *index, &mut out).map_err(io)?;
                out
            }
            SiteFile::SearchDocs(index) => {
                let mut out = Vec::new();
                search::write_block(self, self.search_layout(), *index, &mut out).map_err(io)?;
                out
            }
            SiteFile::Atom(base) => feeds::atom(self, base).into_bytes(),
            SiteFile::Sitemap(base) => feeds::sitemap(self, base).into_bytes(),
            SiteFile::Bytes(bytes) => bytes.to_vec(),
        })
    }

    /// The words of the search index, by shard (computed once, at the first call).
    pub fn search_shards(&self) -> &[search::Shard] {
        self.search_terms
            .get_or_init(|| search::shards(self, self.search_layout(), None))
    }

    /// How the search index is cut (computed once, at the first call).
    pub fn search_layout(&self) -> &search::Layout {
        self.search_layout
            .get_or_init(|| search::Layout::new(self.dossier))
    }

    /// The sentence around each mention of one source, aligned with its mentions (its
    /// page is rendered to find them).
    pub fn source_quotes(&self, index: usize) -> Result<Vec<String>, RenderError> {
        Ok(pages::source(self, index)?.0.quotes)
    }

    /// The quotes an actor's profile needs, aligned with `Dossier::mentions` (empty for
    /// the mentions of other actors).
    fn quotes_of_actor(
        &self,
        actor: usize,
        quotes: &(dyn Fn(usize) -> Result<Vec<String>, RenderError> + Sync),
    ) -> Result<Vec<String>, RenderError> {
        let mentions = &self.dossier.mentions;
        let mut sources: Vec<usize> = self.cross.mentions_by_actor[actor]
            .iter()
            .map(|&m| mentions[m].source)
            .collect();
        sources.dedup();
        let found: Vec<(usize, Vec<String>)> = sources
            .into_par_iter()
            .map(|source| Ok((source, quotes(source)?)))
            .collect::<Result<_, RenderError>>()?;
        let mut all = vec![String::new(); mentions.len()];
        for (source, quotes) in found {
            let range = self.cross.mentions_by_source[source].clone();
            for (slot, quote) in all[range].iter_mut().zip(quotes) {
                *slot = quote;
            }
        }
        Ok(all)
    }
}

/// `assets/style.css` as the pages link it: the site's stylesheet, then the highlighting
/// and the pictures' stylesheets, in the order the pages linked them, so that a page
/// links one stylesheet. `highlight.css` and `pictures.css` are written too, for a
/// template that links them.
fn whole_style(style: &[u8], highlight: &str, pictures: &str) -> Vec<u8> {
    let mut css = Vec::with_capacity(style.len() + highlight.len() + pictures.len() + 2);
    for part in [style, highlight.as_bytes(), pictures.as_bytes()] {
        css.extend_from_slice(part);
        if !css.ends_with(b"\n") {
            css.push(b'\n');
        }
    }
    css
}
