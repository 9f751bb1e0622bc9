//! Collects, while a body is rendered, the sentence around each mention, for the actor
//! profiles. Watches the events and passes them on unchanged.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::QUOTES_PER_SOURCE;
use crate::model::{Mention, Paragraph};
use crate::paragraphs::{Follow, Step};
use crate::plain_text::sentence_around;

/// Records the plain text of each numbered block and where each mention falls in it.
pub struct Quotes<'q, 'b, I> {
    inner: I,
    body: &'b str,
    mentions: &'q [Mention],
    out: &'q mut [String],
    blocks: Follow<'q>,
    /// Whether a numbered block is open.
    open: bool,
    next: usize,
    text: String,
    /// Mentions of the open block: (index in `mentions`, start and end in `text`).
    pending: Vec<(usize, usize, usize)>,
    /// Whether each mention is quoted: the first few of each actor only.
    wanted: Vec<bool>,
}

impl<'q, 'b, I> Quotes<'q, 'b, I> {
    /// Wraps the events of `body`, whose numbered blocks are `paragraphs`; `quotes[i]`
    /// receives the sentence of `mentions[i]`, for the first few mentions of each actor.
    pub fn new(
        inner: I,
        body: &'b str,
        paragraphs: &'q [Paragraph],
        mentions: &'q [Mention],
        quotes: &'q mut [String],
    ) -> Self {
        let mut per_actor = std::collections::HashMap::new();
        let wanted = mentions
            .iter()
            .map(|m| {
                let seen = per_actor.entry(m.actor).or_insert(0usize);
                *seen += 1;
                *seen <= QUOTES_PER_SOURCE
            })
            .collect();
        Self {
            wanted,
            inner,
            body,
            mentions,
            out: quotes,
            blocks: Follow::new(paragraphs),
            open: false,
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
            if mention.range.start >= range.start {
                // A name split across two lines is quoted from its first part on.
                let (start, end) = (
                    mention.range.start - range.start,
                    mention.range.end.min(range.end) - range.start,
                );
                if !self.wanted[self.next] {
                    // Counted on the actor's page, not quoted.
                } else if self.open {
                    self.pending.push((self.next, offset + start, offset + end));
                } else {
                    self.out[self.next] = sentence_around(text, start, end);
                }
            }
            self.next += 1;
        }
        if self.open {
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
        match self.blocks.step(&event, &range) {
            Step::Opens(_) => {
                self.close_block();
                self.open = true;
            }
            Step::Closes(_) => {
                self.text.push(' ');
                self.close_block();
                self.open = false;
            }
            Step::Inside(_) => match &event {
                Event::Text(text) | Event::Code(text) => self.on_text(text, &range),
                Event::SoftBreak
                | Event::HardBreak
                | Event::Start(Tag::Paragraph | Tag::Item)
                | Event::End(TagEnd::Paragraph | TagEnd::Item) => self.text.push(' '),
                _ => {}
            },
            Step::Outside => {
                if let Event::Text(text) | Event::Code(text) = &event {
                    self.on_text(text, &range);
                }
            }
        }
        Some((event, range))
    }
}
