//! Fenced and indented code blocks, highlighted with CSS classes.

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use crate::render::highlight::Highlighter;

/// Gathers the text of each code block and writes it highlighted.
pub struct Code<'h, I> {
    inner: I,
    highlighter: &'h Highlighter,
}

impl<'h, I> Code<'h, I> {
    /// Wraps a stream of events.
    pub fn new(inner: I, highlighter: &'h Highlighter) -> Self {
        Self { inner, highlighter }
    }
}

impl<'e, I: Iterator<Item = Event<'e>>> Iterator for Code<'_, I> {
    type Item = Event<'e>;

    fn next(&mut self) -> Option<Event<'e>> {
        let event = self.inner.next()?;
        let Event::Start(Tag::CodeBlock(kind)) = event else { return Some(event) };
        let language = match &kind {
            CodeBlockKind::Fenced(info) => info.split_whitespace().next().map(str::to_string),
            CodeBlockKind::Indented => None,
        };
        let mut code = String::new();
        for inner in self.inner.by_ref() {
            match inner {
                Event::End(TagEnd::CodeBlock) => break,
                Event::Text(text) => code.push_str(&text),
                _ => {}
            }
        }
        Some(Event::Html(CowStr::from(self.highlighter.block(&code, language.as_deref()))))
    }
}
