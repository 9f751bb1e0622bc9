//! Collects, while a body is rendered, the sentence around each mention, for the actor
//! profiles. Watches the events and passes them on unchanged.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::model::Mention;
use crate::paragraphs::BlockCounter;
use crate::render::plain_text::sentence_around;

/// Records the plain text of each numbered block and where each mention falls in it.
pub struct Quotes<'q, 'b, I> {
    inner: I,
    body: &'b str,
    mentions: &'q [Mention],
    out: &'q mut [String],
    counter: BlockCounter,
    depth: usize,
    next: usize,
    text: String,
    /// Mentions of the open block: (index in `mentions`, start and end in `text`).
    pending: Vec<(usize, usize, usize)>,
}

impl<'q, 'b, I> Quotes<'q, 'b, I> {
    /// Wraps the events of `body`; `quotes[i]` receives the sentence of `mentions[i]`.
    pub fn new(inner: I, body: &'b str, mentions: &'q [Mention], quotes: &'q mut [String]) -> Self {
        Self {
            inner,
            body,
            mentions,
            out: quotes,
            counter: BlockCounter::new(),
            depth: 0,
            next: 0,
            text: String::new(),
            pending: Vec::new(),
        }
    }

    fn on_text(&mut self, text: &str, range: &Range<usize>) {
        let verbatim = self.body.get(range.clone()) == Some(text);
        let offset = self.text.len();
        while let Some(mention) = self.mentions.get(self.next) {
            if mention.range.start >= range.end || !verbatim {
                break;
            }
            if mention.range.start >= range.start && mention.range.end <= range.end {
                let (start, end) = (
                    mention.range.start - range.start,
                    mention.range.end - range.start,
                );
                if self.depth > 0 {
                    self.pending.push((self.next, offset + start, offset + end));
                } else {
                    self.out[self.next] = sentence_around(text, start, end);
                }
            }
            self.next += 1;
        }
        if self.depth > 0 {
            self.text.push_str(text);
        }
    }

    fn close_block(&mut self) {
        for (index, start, end) in self.pending.drain(..) {
            self.out[index] = sentence_around(&self.text, start, end);
        }
        self.text.clear();
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for Quotes<'_, '_, I> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.inner.next()?;
        if self.counter.on_event(&event).is_some() {
            self.close_block();
            self.depth = 1;
            return Some((event, range));
        }
        match &event {
            Event::Text(text) | Event::Code(text) => self.on_text(text, &range),
            Event::SoftBreak | Event::HardBreak if self.depth > 0 => self.text.push(' '),
            Event::Start(Tag::Paragraph | Tag::Item) if self.depth > 0 => {
                self.depth += 1;
                self.text.push(' ');
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) if self.depth > 0 => {
                self.depth -= 1;
                self.text.push(' ');
                if self.depth == 0 {
                    self.close_block();
                }
            }
            _ => {}
        }
        Some((event, range))
    }
}
