//! Links the first mention of each actor in each paragraph to its profile, by splitting
//! the text events that hold mentions (the same events the mentions were found in).

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

use crate::escape;

/// Splits text events around the mentions to link.
pub struct MentionLinks<'l, 'b, I> {
    inner: I,
    body: &'b str,
    /// The mentions to link, in body order, with the href of their actor.
    links: &'l [(Range<usize>, String)],
    next: usize,
    queue: VecDeque<Event<'b>>,
}

impl<'l, 'b, I> MentionLinks<'l, 'b, I> {
    /// Wraps the events of `body`.
    pub fn new(inner: I, body: &'b str, links: &'l [(Range<usize>, String)]) -> Self {
        Self {
            inner,
            body,
            links,
            next: 0,
            queue: VecDeque::new(),
        }
    }
}

impl<'b, I: Iterator<Item = (Event<'b>, Range<usize>)>> Iterator for MentionLinks<'_, 'b, I> {
    type Item = Event<'b>;

    fn next(&mut self) -> Option<Event<'b>> {
        if let Some(event) = self.queue.pop_front() {
            return Some(event);
        }
        let (event, range) = self.inner.next()?;
        let Event::Text(text) = &event else {
            return Some(event);
        };
        if self.body.get(range.clone()) != Some(text.as_ref()) {
            return Some(event);
        }
        let mut at = range.start;
        while let Some((mention, href)) = self.links.get(self.next) {
            if mention.start >= range.end {
                break;
            }
            self.next += 1;
            if mention.start < at || mention.end > range.end {
                continue;
            }
            if mention.start > at {
                self.queue
                    .push_back(Event::Text(CowStr::Borrowed(&self.body[at..mention.start])));
            }
            self.queue.push_back(Event::InlineHtml(
                format!("<a class=\"mention\" href=\"{}\">", escape::html(href)).into(),
            ));
            self.queue
                .push_back(Event::Text(CowStr::Borrowed(&self.body[mention.clone()])));
            self.queue
                .push_back(Event::InlineHtml(CowStr::Borrowed("</a>")));
            at = mention.end;
        }
        if at == range.start {
            return Some(event);
        }
        if at < range.end {
            self.queue
                .push_back(Event::Text(CowStr::Borrowed(&self.body[at..range.end])));
        }
        self.queue.pop_front()
    }
}
