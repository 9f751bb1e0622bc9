//! Numbered paragraph anchors: each block that [`BlockCounter`] numbers gets `id="pN"`
//! and a visible, linkable number; what cites it comes just before a paragraph, just
//! inside a list item, where the stylesheet floats it beside the text.

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, Tag};

use crate::paragraphs::BlockCounter;

/// The kind of numbered block that is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Block {
    Paragraph,
    Item,
}

/// Writes the opening tag of numbered blocks by hand, with their anchor.
pub struct Anchors<'f, I> {
    inner: I,
    counter: BlockCounter,
    label: &'static str,
    backrefs: &'f dyn Fn(u32) -> String,
    queue: VecDeque<Event<'static>>,
}

impl<'f, I> Anchors<'f, I> {
    /// Wraps the events of a body; `label` names a paragraph for screen readers.
    pub fn new(inner: I, label: &'static str, backrefs: &'f dyn Fn(u32) -> String) -> Self {
        Self {
            inner,
            counter: BlockCounter::new(),
            label,
            backrefs,
            queue: VecDeque::new(),
        }
    }

    fn opening(&self, tag: &str, number: u32) -> Event<'static> {
        Event::Html(CowStr::from(format!(
            "<{tag} id=\"p{number}\" class=\"para\"><a class=\"pn\" href=\"#p{number}\" aria-label=\"{} {number}\">{number}</a> ",
            self.label
        )))
    }
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for Anchors<'_, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        if let Some(event) = self.queue.pop_front() {
            return Some(event);
        }
        let event = self.inner.next()?;
        if let Some(number) = self.counter.on_event(&event) {
            let (block, tag) = match event {
                Event::Start(Tag::Item) => (Block::Item, "li"),
                _ => (Block::Paragraph, "p"),
            };
            let opening = self.opening(tag, number);
            let notes = (self.backrefs)(number);
            if notes.is_empty() {
                return Some(opening);
            }
            let notes = Event::Html(CowStr::from(notes));
            // Before a paragraph, inside an item: where a float puts it beside the text.
            return Some(match block {
                Block::Paragraph => {
                    self.queue.push_back(opening);
                    notes
                }
                Block::Item => {
                    self.queue.push_back(notes);
                    opening
                }
            });
        }
        Some(event)
    }
}
