//! Numbered paragraph anchors: each block that [`BlockCounter`] numbers gets `id="pN"`
//! and a visible, linkable number; after it comes what cites it (backreferences).

use std::collections::VecDeque;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

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
    /// The open numbered block, its number and how deep inside it we are.
    open: Option<(Block, u32, usize)>,
    queue: VecDeque<Event<'static>>,
}

impl<'f, I> Anchors<'f, I> {
    /// Wraps the events of a body; `label` names a paragraph for screen readers.
    pub fn new(inner: I, label: &'static str, backrefs: &'f dyn Fn(u32) -> String) -> Self {
        Self { inner, counter: BlockCounter::new(), label, backrefs, open: None, queue: VecDeque::new() }
    }

    fn opening(&self, tag: &str, number: u32) -> Event<'static> {
        Event::Html(CowStr::from(format!(
            "<{tag} id=\"p{number}\" class=\"para\"><a class=\"pn\" href=\"#p{number}\" aria-label=\"{} {number}\">{number}</a> ",
            self.label
        )))
    }
}

impl<'e, 'f, I: Iterator<Item = Event<'e>>> Iterator for Anchors<'f, I> {
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
            self.open = Some((block, number, 1));
            return Some(self.opening(tag, number));
        }
        let Some((block, number, depth)) = self.open.as_mut() else { return Some(event) };
        match &event {
            Event::Start(Tag::Paragraph | Tag::Item) => *depth += 1,
            Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                *depth -= 1;
                if *depth == 0 {
                    let (block, number) = (*block, *number);
                    self.open = None;
                    let backrefs = (self.backrefs)(number);
                    if backrefs.is_empty() {
                        return Some(event);
                    }
                    let backrefs = Event::Html(CowStr::from(backrefs));
                    return Some(match block {
                        Block::Paragraph => {
                            self.queue.push_back(backrefs);
                            event
                        }
                        Block::Item => {
                            self.queue.push_back(Event::End(TagEnd::Item));
                            backrefs
                        }
                    });
                }
            }
            _ => {}
        }
        Some(event)
    }
}
