//! The pictures ([`crate::pictures`]) drawn for a page: the relationship graph and the
//! timeline, with links relative to that page.

use crate::model::{Citation, Target};
use crate::pictures::{self, Frame, Links, Medium};
use crate::render::Site;
use crate::render::links::{PagePath, target_href};

/// Draws on `page` of `site` with the hrefs of that page.
pub struct PagePictures<'s, 'a> {
    site: &'s Site<'a>,
    page: &'s PagePath,
    medium: Medium,
}

impl<'s, 'a> PagePictures<'s, 'a> {
    /// Pictures for a page of the site, as wide as the page.
    pub fn new(site: &'s Site<'a>, page: &'s PagePath) -> Self {
        Self {
            site,
            page,
            medium: Medium::Screen,
        }
    }

    /// Pictures for the text column of a page (a profile).
    pub fn column(site: &'s Site<'a>, page: &'s PagePath) -> Self {
        Self {
            medium: Medium::Column,
            ..Self::new(site, page)
        }
    }

    fn with_links<T>(&self, draw: impl FnOnce(&Links<'_>) -> T) -> T {
        let dossier = self.site.dossier;
        let page = self.page;
        let actor = |i: usize| target_href(dossier, page, Target::Actor(i), None);
        let event = |i: usize| target_href(dossier, page, Target::Event(i), None);
        let citation = |c: &Citation| {
            target_href(
                dossier,
                page,
                Target::Source(c.source),
                c.paragraphs.map(|(first, _)| first),
            )
        };
        draw(&Links {
            actor: &actor,
            event: &event,
            citation: &citation,
        })
    }

    fn frame<'f>(&self, id: &'f str) -> Frame<'f> {
        Frame {
            id,
            medium: self.medium,
            language: self.site.language,
        }
    }

    /// The relationship graph of every actor, or of `focus` and its neighbours.
    pub fn graph(&self, focus: Option<usize>) -> Option<String> {
        let frame = self.frame("pic-graph");
        self.with_links(|links| {
            pictures::relationship_graph(self.site.dossier, focus, links, &frame)
        })
    }

    /// The timeline of `events`.
    pub fn timeline(&self, events: &[usize]) -> Option<String> {
        let frame = self.frame("pic-timeline");
        self.with_links(|links| pictures::timeline(self.site.dossier, events, links, &frame))
    }
}
