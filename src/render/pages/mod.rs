//! One module per kind of page: each builds its typed view and renders its template.

mod actors;
pub mod briefing;
mod chronology;
mod home;
mod roster;
mod sources;
mod tags;

pub use chronology::chronology;
pub use sources::source;

use super::links::PagePath;
use super::{RenderError, Site};

/// A page to render after the source pages.
#[derive(Debug, Clone, Copy)]
pub enum Job<'a> {
    /// `index.html`.
    Home,
    /// `sources/index.html`, or page N of the list (`sources/index-N.html`).
    SourcesIndex(usize),
    /// `actors/index.html`, or page N of the roster (`actors/index-N.html`).
    ActorsIndex(usize),
    /// `actors/ID/index.html`, by index.
    Actor(usize),
    /// `tags/index.html`.
    TagsIndex,
    /// `tags/SLUG/index.html`, or page N of it (`tags/SLUG/index-N.html`).
    Tag(&'a str, usize),
    /// `chronology/PERIOD/index.html`, by index in `periods::periods`.
    Period(usize),
    /// `search/index.html`.
    Search,
    /// `404.html`.
    NotFound,
}

/// Renders one page; `quotes` are the sentences around each mention.
pub fn render(
    site: &Site<'_>,
    job: &Job<'_>,
    quotes: &[String],
) -> Result<(PagePath, Vec<u8>), RenderError> {
    match *job {
        Job::Home => home::home(site),
        Job::SourcesIndex(number) => sources::index(site, number),
        Job::ActorsIndex(number) => roster::index(site, number),
        Job::Actor(index) => actors::actor(site, index, quotes),
        Job::TagsIndex => tags::index(site),
        Job::Tag(slug, number) => tags::tag(site, slug, number),
        Job::Period(index) => chronology::period(site, index),
        Job::Search => tags::search(site),
        Job::NotFound => tags::not_found(site),
    }
}
