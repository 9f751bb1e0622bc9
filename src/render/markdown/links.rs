//! Links in Markdown: wiki-links (`[[id]]`, `[[id|label]]`, `[[source#p3]]`) resolved
//! to relative hrefs, and links or images with an unsafe scheme (`javascript:`…) made
//! inert: their text is kept, the address dropped.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::model::{CitationText, Dossier, Target};
use crate::render::escape::escape_html;
use crate::render::links::{PagePath, target_href};
use crate::render::text::{short_title, target_name};
use crate::urls::is_safe_link;

/// How an open link was written out, to close it the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Open {
    /// Left to the HTML writer.
    Kept,
    /// Written by hand as `<a>`.
    Written,
    /// Made inert (`<span>`).
    Inert,
}

/// Rewrites links for the page being rendered.
pub struct Links<'d, 'p, I> {
    inner: I,
    dossier: &'d Dossier,
    page: &'p PagePath,
    open: Vec<Open>,
}

impl<'d, 'p, I> Links<'d, 'p, I> {
    /// Wraps a stream of events rendered for `page`.
    pub fn new(inner: I, dossier: &'d Dossier, page: &'p PagePath) -> Self {
        Self {
            inner,
            dossier,
            page,
            open: Vec::new(),
        }
    }

    /// The opening `<a>` and the display name of a wiki-link's destination.
    fn wiki(&self, dest: &str) -> Option<(String, String)> {
        let parsed = CitationText::parse(dest).ok();
        let (id, paragraphs) = match &parsed {
            Some(citation) => (citation.id.as_str(), citation.paragraphs),
            None => (dest.trim(), None),
        };
        let target = self.dossier.lookup(id)?;
        let href = target_href(
            self.dossier,
            self.page,
            target,
            paragraphs.map(|(first, _)| first),
        );
        let full = target_name(self.dossier, target);
        // On the cited source's own page (its note), the paragraph alone is enough.
        let here = matches!(target, Target::Source(i) if PagePath::source(&self.dossier.sources[i].id) == *self.page);
        let short = if here {
            String::new()
        } else {
            format!("{} ", short_title(full, 40))
        };
        let name = match (target, paragraphs) {
            (Target::Source(_), Some((a, b))) if a == b => format!("{short}§{a}"),
            (Target::Source(_), Some((a, b))) => format!("{short}§{a}–{b}"),
            _ => full.to_string(),
        };
        let class = match (target, paragraphs) {
            (Target::Source(_), Some(_)) => "wl wl-cite",
            (Target::Source(_), None) => "wl wl-source",
            (Target::Actor(_), _) => "wl wl-actor",
            (Target::Event(_), _) => "wl wl-event",
        };
        let open = format!(
            "<a class=\"{class}\" href=\"{}\" title=\"{}\">",
            escape_html(&href),
            escape_html(full)
        );
        Some((open, name))
    }
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for Links<'_, '_, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        let event = self.inner.next()?;
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole },
                ref dest_url,
                ..
            }) => {
                match self.wiki(dest_url) {
                    Some((open, name)) if !has_pothole => {
                        // Skip the written id up to the end of the link, show the name.
                        for inner in self.inner.by_ref() {
                            if matches!(inner, Event::End(TagEnd::Link)) {
                                break;
                            }
                        }
                        Some(Event::InlineHtml(CowStr::from(format!(
                            "{open}{}</a>",
                            escape_html(&name)
                        ))))
                    }
                    Some((open, _)) => {
                        self.open.push(Open::Written);
                        Some(Event::InlineHtml(CowStr::from(open)))
                    }
                    None => {
                        self.open.push(Open::Inert);
                        Some(Event::InlineHtml(CowStr::Borrowed(
                            "<span class=\"inert-link\">",
                        )))
                    }
                }
            }
            Event::Start(Tag::Link { ref dest_url, .. }) => {
                if is_safe_link(dest_url) {
                    self.open.push(Open::Kept);
                    Some(event)
                } else {
                    self.open.push(Open::Inert);
                    Some(Event::InlineHtml(CowStr::Borrowed(
                        "<span class=\"inert-link\">",
                    )))
                }
            }
            Event::End(TagEnd::Link) => Some(match self.open.pop() {
                Some(Open::Written) => Event::InlineHtml(CowStr::Borrowed("</a>")),
                Some(Open::Inert) => Event::InlineHtml(CowStr::Borrowed("</span>")),
                Some(Open::Kept) | None => event,
            }),
            Event::Start(Tag::Image { ref dest_url, .. }) if !is_safe_link(dest_url) => {
                // The alt text that follows is written as plain text.
                self.open.push(Open::Inert);
                Some(Event::InlineHtml(CowStr::Borrowed(
                    "<span class=\"inert-link\">",
                )))
            }
            Event::Start(Tag::Image { .. }) => {
                self.open.push(Open::Kept);
                Some(event)
            }
            Event::End(TagEnd::Image) => Some(match self.open.pop() {
                Some(Open::Inert) => Event::InlineHtml(CowStr::Borrowed("</span>")),
                _ => event,
            }),
            other => Some(other),
        }
    }
}
