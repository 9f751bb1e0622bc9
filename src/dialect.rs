//! The Markdown events of a text, the same for every stage: pulldown-cmark with the
//! format's options ([`markdown_options`]), except that a `<script>`, `<style>`,
//! `<textarea>` or `<pre>` HTML block that is never closed ends with its first line.
//! Standard Markdown runs such a block to the end of the document, so that one forgotten end
//! tag would turn every following paragraph into raw HTML (lost to the sanitizer, or
//! shown as text, and never numbered); here the text after it is read as Markdown.

use std::collections::VecDeque;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, OffsetIter, Options, Parser, Tag, TagEnd};

/// The Markdown dialect of the format, the same for every stage.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_TASKLISTS
}

/// The elements that open an HTML block ending only at one of their end tags.
const RAW_TEXT: [&str; 4] = ["script", "pre", "style", "textarea"];

/// The events of `text` with their byte ranges in it.
pub fn events(text: &str) -> Events<'_> {
    Events {
        text,
        offset: 0,
        parser: Parser::new_ext(text, markdown_options()).into_offset_iter(),
        depth: 0,
        queued: VecDeque::new(),
    }
}

/// The iterator of [`events`].
pub struct Events<'a> {
    text: &'a str,
    /// Where the text the parser reads starts in `text`.
    offset: usize,
    parser: OffsetIter<'a>,
    /// How many blocks are open around the next event.
    depth: usize,
    queued: VecDeque<(Event<'a>, Range<usize>)>,
}

impl<'a> Iterator for Events<'a> {
    type Item = (Event<'a>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(queued) = self.queued.pop_front() {
            return Some(queued);
        }
        let (event, range) = self.parser.next()?;
        let range = range.start + self.offset..range.end + self.offset;
        match &event {
            Event::Start(Tag::HtmlBlock) if self.depth == 0 => {
                return Some(self.html_block(event, range));
            }
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        Some((event, range))
    }
}

impl<'a> Events<'a> {
    /// A top-level HTML block: given whole, or, when it is an unclosed raw-text block,
    /// its first line alone, and the parser starts again after it.
    fn html_block(&mut self, start: Event<'a>, range: Range<usize>) -> (Event<'a>, Range<usize>) {
        let block = &self.text[range.clone()];
        let first_line = block.find('\n').map_or(block.len(), |at| at + 1);
        if !unclosed_raw_text(block) || first_line == block.len() {
            self.depth += 1;
            return (start, range);
        }
        let split = range.start + first_line;
        let line = &self.text[range.start..split];
        self.queued.extend([
            (Event::Html(CowStr::Borrowed(line)), range.start..split),
            (Event::End(TagEnd::HtmlBlock), range.start..split),
        ]);
        // The block ran to the end of the document: what follows it is read again.
        self.offset = split;
        self.parser = Parser::new_ext(&self.text[split..], markdown_options()).into_offset_iter();
        (start, range.start..split)
    }
}

/// Whether an HTML block opens with a raw-text element (`<script>`…) and lacks the end
/// tag of that element, the one that would close it.
fn unclosed_raw_text(block: &str) -> bool {
    let opening = block.trim_start_matches([' ', '\t']);
    let Some(rest) = opening.strip_prefix('<') else {
        return false;
    };
    let opened = RAW_TEXT.iter().find(|name| {
        rest.get(..name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && rest[name.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == '>')
    });
    opened.is_some_and(|name| !block.to_ascii_lowercase().contains(&format!("</{name}>")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        let mut found = Vec::new();
        let mut inside = false;
        for (event, range) in events(text) {
            match event {
                Event::Start(Tag::Paragraph) => inside = true,
                Event::End(TagEnd::Paragraph) => inside = false,
                Event::Text(t) if inside => {
                    assert_eq!(&text[range], &*t, "ranges are those of the text");
                    found.push(t.to_string());
                }
                _ => {}
            }
        }
        found
    }

    #[test]
    fn an_unclosed_raw_text_block_ends_with_its_line() {
        let text = "One.\n\n<script>\nTwo.\n\n<STYLE type=x>\n\nThree.\n";
        assert_eq!(paragraphs(text), ["One.", "Two.", "Three."]);
        let html: Vec<_> = events(text)
            .filter_map(|(e, r)| matches!(e, Event::Html(_)).then(|| &text[r]))
            .collect();
        assert_eq!(html, ["<script>\n", "<STYLE type=x>\n"]);
    }

    #[test]
    fn closed_blocks_and_nested_ones_are_left_as_commonmark_reads_them() {
        let closed = "<script>\nx\n</script>\n\nOne.\n";
        assert_eq!(paragraphs(closed), ["One."]);
        assert_eq!(paragraphs("<PRE>\nx\n</pre>\n\nOne.\n"), ["One."]);
        // Only its own end tag closes a block.
        assert_eq!(paragraphs("<pre>\nx\n</style>\n\nOne.\n"), ["x", "One."]);
        assert_eq!(paragraphs("<scripts>\n\nOne.\n"), ["One."]);
        assert!(paragraphs("> <script>\n> Two.\n").is_empty());
    }
}
