//! Footnotes with ids of our own (`fn-3`, or `fn-PREFIX-3` for analysts' fields), so
//! that a footnote named `p1` cannot take a paragraph's anchor and two texts on one
//! page cannot clash.

use std::collections::BTreeMap;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::escape;

/// Numbers footnotes in order of first appearance and writes their markup.
pub struct Footnotes<'p, I> {
    inner: I,
    prefix: &'p str,
    numbers: BTreeMap<String, usize>,
}

impl<'p, I> Footnotes<'p, I> {
    /// Wraps a stream of events; `prefix` goes into every footnote id.
    pub fn new(inner: I, prefix: &'p str) -> Self {
        Self {
            inner,
            prefix,
            numbers: BTreeMap::new(),
        }
    }

    fn number(&mut self, name: &str) -> usize {
        let next = self.numbers.len() + 1;
        *self.numbers.entry(name.to_string()).or_insert(next)
    }

    fn id(&self, number: usize) -> String {
        if self.prefix.is_empty() {
            format!("fn-{number}")
        } else {
            format!("fn-{}-{number}", escape::html(self.prefix))
        }
    }
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for Footnotes<'_, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        let event = self.inner.next()?;
        Some(match event {
            Event::FootnoteReference(name) => {
                let number = self.number(&name);
                let id = self.id(number);
                Event::InlineHtml(CowStr::from(format!(
                    "<sup class=\"fnref\"><a href=\"#{id}\">{number}</a></sup>"
                )))
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                let number = self.number(&name);
                let id = self.id(number);
                Event::Html(CowStr::from(format!(
                    "<div class=\"footnote\" id=\"{id}\"><span class=\"fn-label\">{number}</span>"
                )))
            }
            Event::End(TagEnd::FootnoteDefinition) => Event::Html(CowStr::Borrowed("</div>\n")),
            other => other,
        })
    }
}
