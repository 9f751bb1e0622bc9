//! Links in Markdown: wiki-links (`[[id]]`, `[[id|label]]`, `[[source#p3]]`) resolved
//! to relative hrefs, and links or images with an unsafe scheme (`javascript:`…) made
//! inert: their text is kept, the address dropped. On a page that holds what its
//! wiki-links name and keeps every link inside (the briefing), a [`Local`] resolver
//! writes them as in-page links instead; other links become text, followed by the
//! address when it is a web address, and images their alt text.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use crate::escape;
use crate::link_safety::{is_safe_link, is_web_address};
use crate::model::{CitationText, Dossier, Target};
use crate::plain_text::{short_title, target_name};
use crate::render::links::{PagePath, target_href};

/// What stands for an image that is not shown and has no alt text (the same word in
/// French and English), with the closing of its `<span>`.
const IMAGE_WITHOUT_TEXT: &str = "[image]</span>";

/// How an open link was written out, to close it the same way.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Open {
    /// Left to the HTML writer.
    Kept,
    /// Written by hand as `<a>`; closed with this markup.
    Written(String),
    /// Made inert (`<span>`).
    Inert,
    /// An image made inert, its alt text written as text; `true` once some was written.
    InertImage(bool),
}

/// How a wiki-link is written on a page that holds its target itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LocalLink {
    /// In-page href (`#actor-niger`); empty when the page does not hold the target,
    /// whose name is then written in a `<span>` of the class.
    pub href: String,
    /// The text shown for a link written without a label (`[[id]]`).
    pub name: String,
    /// Class of the `<a>`.
    pub class: &'static str,
    /// Markup written right after the link (a note call), trusted.
    pub after: String,
}

/// Writes the wiki-links of a page that holds their targets: given the target, the
/// cited paragraphs and whether the link has a label of its own (`[[id|label]]`), the
/// link to write.
pub type Local<'r> = &'r dyn Fn(Target, Option<(u32, u32)>, bool) -> LocalLink;

/// Rewrites links for the page being rendered.
pub struct Links<'d, 'p, I> {
    inner: I,
    dossier: &'d Dossier,
    page: &'p PagePath,
    local: Option<Local<'p>>,
    open: Vec<Open>,
    lean: bool,
}

impl<'d, 'p, I> Links<'d, 'p, I> {
    /// Wraps a stream of events rendered for `page`; with `local`, wiki-links are
    /// written by it and relative links made inert.
    pub fn new(
        inner: I,
        dossier: &'d Dossier,
        page: &'p PagePath,
        local: Option<Local<'p>>,
    ) -> Self {
        Self {
            inner,
            dossier,
            page,
            local,
            open: Vec::new(),
            lean: false,
        }
    }

    /// Leaves out the `title` of a wiki-link whose text is already the whole name of its
    /// target (`[[niger]]` written `Niger`): the hover would repeat the link. For the
    /// pages that hold thousands of them (the chronology, the source pages).
    pub fn lean(mut self) -> Self {
        self.lean = true;
        self
    }

    /// The opening `<a>`, the display name and the closing markup of a wiki-link's
    /// destination.
    fn wiki(&self, dest: &str, labelled: bool) -> Option<(String, String, String)> {
        let parsed = CitationText::parse(dest).ok();
        let (id, paragraphs) = match &parsed {
            Some(citation) => (citation.id.as_str(), citation.paragraphs),
            None => (dest.trim(), None),
        };
        let target = self.dossier.lookup(id)?;
        if let Some(local) = self.local {
            let link = local(target, paragraphs, labelled);
            let full = escape::html(target_name(self.dossier, target));
            // No href: the page does not hold the target, its name is written alone.
            if link.href.is_empty() {
                let open = format!("<span class=\"{}\">", link.class);
                return Some((open, link.name, format!("</span>{}", link.after)));
            }
            let open = format!(
                "<a class=\"{}\" href=\"{}\" title=\"{full}\">",
                link.class,
                escape::html(&link.href)
            );
            return Some((open, link.name, format!("</a>{}", link.after)));
        }
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
        let open = if self.lean && !labelled && name == full {
            format!("<a class=\"{class}\" href=\"{}\">", escape::html(&href))
        } else {
            format!(
                "<a class=\"{class}\" href=\"{}\" title=\"{}\">",
                escape::html(&href),
                escape::html(full)
            )
        };
        Some((open, name, String::from("</a>")))
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
                match self.wiki(dest_url, has_pothole) {
                    Some((open, name, close)) if !has_pothole => {
                        // Skip the written id up to the end of the link, show the name.
                        for inner in self.inner.by_ref() {
                            if matches!(inner, Event::End(TagEnd::Link)) {
                                break;
                            }
                        }
                        Some(Event::InlineHtml(CowStr::from(format!(
                            "{open}{}{close}",
                            escape::html(&name)
                        ))))
                    }
                    Some((open, _, close)) => {
                        self.open.push(Open::Written(close));
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
            Event::Start(Tag::Link {
                link_type,
                ref dest_url,
                ..
            }) if self.local.is_some() => {
                // A page that keeps its links inside prints a web address, not links it.
                let shown = is_web_address(dest_url) && !matches!(link_type, LinkType::Autolink);
                let close = if shown {
                    format!(
                        "</span> <span class=\"url\">({})</span>",
                        escape::html(dest_url)
                    )
                } else {
                    String::from("</span>")
                };
                self.open.push(Open::Written(close));
                Some(Event::InlineHtml(CowStr::Borrowed(
                    "<span class=\"inert-link\">",
                )))
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
                Some(Open::Written(close)) => Event::InlineHtml(CowStr::from(close)),
                Some(Open::Inert | Open::InertImage(_)) => {
                    Event::InlineHtml(CowStr::Borrowed("</span>"))
                }
                Some(Open::Kept) | None => event,
            }),
            Event::Start(Tag::Image { ref dest_url, .. })
                if !is_safe_link(dest_url) || self.local.is_some() =>
            {
                // The alt text that follows is written as plain text (a self-contained
                // page fetches no image either).
                self.open.push(Open::InertImage(false));
                Some(Event::InlineHtml(CowStr::Borrowed(
                    "<span class=\"inert-link\">",
                )))
            }
            Event::Start(Tag::Image { .. }) => {
                self.open.push(Open::Kept);
                Some(event)
            }
            Event::End(TagEnd::Image) => Some(match self.open.pop() {
                // Without alt text an image not shown would leave nothing to read.
                Some(Open::InertImage(false)) => {
                    Event::InlineHtml(CowStr::Borrowed(IMAGE_WITHOUT_TEXT))
                }
                Some(Open::InertImage(true)) => Event::InlineHtml(CowStr::Borrowed("</span>")),
                _ => event,
            }),
            Event::Text(ref text) | Event::Code(ref text) if !text.trim().is_empty() => {
                if let Some(Open::InertImage(written)) = self.open.last_mut() {
                    *written = true;
                }
                Some(event)
            }
            other => Some(other),
        }
    }
}
