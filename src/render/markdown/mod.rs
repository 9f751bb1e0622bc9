//! Markdown to HTML as a chain of small adapters over pulldown-cmark's events, each
//! doing one thing: raw HTML escaped, quotes of mentions collected, mention links,
//! paragraph anchors (by the one numbering rule of [`crate::paragraphs`]), wiki-links
//! and unsafe links, footnotes, highlighted code, heading levels.

mod anchors;
mod code;
mod footnotes;
mod links;
mod mention_links;
mod quotes;
pub(crate) mod raw;

/// At most this many mentions of an actor in one source are quoted (the sentence
/// around each, for the actor's page); the rest are only counted.
pub const QUOTES_PER_SOURCE: usize = 20;

use std::collections::BTreeSet;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::highlight::Highlighter;
use super::links::PagePath;
use crate::model::{Dossier, Language, Mention, Source};
pub use links::{Local, LocalLink};

/// What every Markdown text of the site is rendered with.
#[derive(Debug, Clone, Copy)]
pub struct Markdown<'a> {
    /// The dossier, to resolve wiki-links.
    pub dossier: &'a Dossier,
    /// Code highlighting.
    pub highlighter: &'a Highlighter,
    /// Language of the labels written into the text (paragraph numbers).
    pub language: Language,
}

/// A source body rendered for its page.
#[derive(Debug, Default)]
pub struct RenderedBody {
    /// The HTML of the text.
    pub html: String,
    /// For each mention of the source (in the order of `Dossier::mentions`), the
    /// sentence around it.
    pub quotes: Vec<String>,
}

impl<'a> Markdown<'a> {
    /// Renders an analyst's Markdown field (summary, note, description) for the page
    /// `page`. `footnotes` prefixes footnote ids so that several fields on one page
    /// cannot clash; `heading_shift` demotes headings below the page's own.
    pub fn field(&self, text: &str, page: &PagePath, footnotes: &str, heading_shift: u8) -> String {
        let allow_html = self.dossier.meta.allow_html;
        let events = crate::dialect::events(text);
        let events = raw::RawHtml::new(events, allow_html).map(|(event, _)| event);
        self.finish(events, page, footnotes, heading_shift, None, false)
    }

    /// [`Self::field`] for the pages that hold thousands of fields (the chronology, the
    /// source pages): a wiki-link whose text is its target's whole name has no `title`
    /// repeating it.
    pub fn field_lean(
        &self,
        text: &str,
        page: &PagePath,
        footnotes: &str,
        heading_shift: u8,
    ) -> String {
        let allow_html = self.dossier.meta.allow_html;
        let events = crate::dialect::events(text);
        let events = raw::RawHtml::new(events, allow_html).map(|(event, _)| event);
        self.finish(events, page, footnotes, heading_shift, None, true)
    }

    /// Renders a Markdown field for a page that holds what its wiki-links name (the
    /// briefing): `local` writes each wiki-link, and relative links are made inert.
    pub fn field_local(
        &self,
        text: &str,
        page: &PagePath,
        footnotes: &str,
        heading_shift: u8,
        local: Local<'_>,
    ) -> String {
        let allow_html = self.dossier.meta.allow_html;
        let events = crate::dialect::events(text);
        let events = raw::RawHtml::new(events, allow_html).map(|(event, _)| event);
        self.finish(events, page, footnotes, heading_shift, Some(local), false)
    }

    /// Renders the body of a source for its page: numbered paragraphs with anchors,
    /// the first mention of each actor in each paragraph linked to its profile, and
    /// before each paragraph (inside each list item) the HTML that `backrefs` gives for
    /// its number.
    /// `mentions` are the source's mentions, in body order.
    pub fn body(
        &self,
        source: &'a Source,
        page: &PagePath,
        mentions: &[Mention],
        backrefs: &dyn Fn(u32) -> String,
    ) -> RenderedBody {
        let body = &*source.body;
        let allow_html = self.dossier.meta.allow_html;
        let mut quotes = vec![String::new(); mentions.len()];
        let mut seen = BTreeSet::new();
        let linked: Vec<(std::ops::Range<usize>, String)> = mentions
            .iter()
            .filter(|m| m.paragraph.is_some_and(|p| seen.insert((p, m.actor))))
            .map(|m| {
                let profile = PagePath::actor(&self.dossier.actors[m.actor].id);
                (m.range.clone(), super::links::href(page, &profile, None))
            })
            .collect();
        let events = crate::dialect::events(body);
        let events = raw::RawHtml::new(events, allow_html);
        let paragraphs = &source.paragraphs;
        let events = quotes::Quotes::new(events, body, paragraphs, mentions, &mut quotes);
        let label = crate::labels::site(self.language).paragraph;
        let events = anchors::Anchors::new(events, paragraphs, label, backrefs);
        let events = mention_links::MentionLinks::new(events, body, &linked);
        let html = self.finish(events, page, "", 1, None, true);
        RenderedBody { html, quotes }
    }

    /// The adapters every text goes through, then HTML.
    fn finish<'e>(
        &self,
        events: impl Iterator<Item = Event<'e>>,
        page: &PagePath,
        footnotes: &str,
        heading_shift: u8,
        local: Option<Local<'_>>,
        lean: bool,
    ) -> String {
        let events = links::Links::new(events, self.dossier, page, local);
        let events = if lean { events.lean() } else { events };
        let events = footnotes::Footnotes::new(events, footnotes);
        let events = code::Code::new(events, self.highlighter);
        let events = events
            .map(|event| no_nul(shift_heading(event, heading_shift)))
            .flat_map(scroll_table);
        let mut html = String::new();
        // The author's raw HTML was sanitized fragment by fragment on the way in.
        pulldown_cmark::html::push_html(&mut html, events);
        html
    }
}

/// A table in a box of its own that scrolls sideways when the table is wider than the
/// page (on a phone), instead of widening the whole page.
fn scroll_table(event: Event<'_>) -> impl Iterator<Item = Event<'_>> {
    let (before, after) = match &event {
        Event::Start(Tag::Table(_)) => (Some("<div class=\"table-wrap\">\n"), None),
        Event::End(TagEnd::Table) => (None, Some("</div>\n")),
        _ => (None, None),
    };
    let html = |text: &'static str| Event::Html(CowStr::Borrowed(text));
    before
        .map(html)
        .into_iter()
        .chain(std::iter::once(event))
        .chain(after.map(html))
}

/// Text with NUL replaced by U+FFFD, as a browser would show it: the HTML written
/// holds no NUL.
fn no_nul(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Text(text) if text.contains('\0') => {
            Event::Text(text.replace('\0', "\u{FFFD}").into())
        }
        Event::Code(text) if text.contains('\0') => {
            Event::Code(text.replace('\0', "\u{FFFD}").into())
        }
        other => other,
    }
}

/// Moves a heading `by` levels down (`#` becomes `<h2>` with a shift of 1), at most to
/// `<h6>`.
fn shift_heading(event: Event<'_>, by: u8) -> Event<'_> {
    use pulldown_cmark::HeadingLevel;
    let shift = |level: HeadingLevel| {
        HeadingLevel::try_from((level as usize + usize::from(by)).min(6))
            .unwrap_or(HeadingLevel::H6)
    };
    match event {
        Event::Start(Tag::Heading {
            level,
            id,
            classes,
            attrs,
        }) => Event::Start(Tag::Heading {
            level: shift(level),
            id,
            classes,
            attrs,
        }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(shift(level))),
        other => other,
    }
}
