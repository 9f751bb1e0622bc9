//! Numbered paragraph anchors: each numbered block of the source (its `paragraphs`,
//! followed through the events) gets `id="pN"` and a visible, linkable number; after it
//! comes what cites it (backreferences).

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::model::Paragraph;
use crate::paragraphs::{ANCHOR_PREFIX, Follow, Step};

/// Writes the opening tag of numbered blocks by hand, with their anchor.
pub struct Anchors<'f, I> {
    inner: I,
    blocks: Follow<'f>,
    label: &'static str,
    backrefs: &'f dyn Fn(u32) -> String,
    queue: VecDeque<(Event<'static>, Range<usize>)>,
}

impl<'f, I> Anchors<'f, I> {
    /// Wraps the events of a body whose numbered blocks are `paragraphs`; `label` names
    /// a paragraph for screen readers.
    pub fn new(
        inner: I,
        paragraphs: &'f [Paragraph],
        label: &'static str,
        backrefs: &'f dyn Fn(u32) -> String,
    ) -> Self {
        Self {
            inner,
            blocks: Follow::new(paragraphs),
            label,
            backrefs,
            queue: VecDeque::new(),
        }
    }

    fn opening(&self, tag: &str, number: u32) -> Event<'static> {
        let p = ANCHOR_PREFIX;
        Event::Html(CowStr::from(format!(
            "<{tag} id=\"{p}{number}\" class=\"para\"><a class=\"pn\" href=\"#{p}{number}\" aria-label=\"{} {number}\">{number}</a> ",
            self.label
        )))
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for Anchors<'_, I> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(queued) = self.queue.pop_front() {
            return Some(queued);
        }
        let (event, range) = self.inner.next()?;
        match self.blocks.step(&event, &range) {
            Step::Opens(number) => {
                let tag = match event {
                    Event::Start(Tag::Item) => "li",
                    _ => "p",
                };
                Some((self.opening(tag, number), range))
            }
            Step::Closes(number) => {
                let backrefs = (self.backrefs)(number);
                if backrefs.is_empty() {
                    return Some((event, range));
                }
                let backrefs = Event::Html(CowStr::from(backrefs));
                // After a paragraph; inside a list item, before it closes.
                Some(if matches!(event, Event::End(TagEnd::Item)) {
                    self.queue
                        .push_back((Event::End(TagEnd::Item), range.clone()));
                    (backrefs, range)
                } else {
                    self.queue.push_back((backrefs, range.clone()));
                    (event, range)
                })
            }
            Step::Inside(_) | Step::Outside => Some((event, range)),
        }
    }
}
