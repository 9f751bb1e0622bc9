//! The one paragraph-numbering rule of the format, used both to check citations and to
//! write the `#pN` anchors: every paragraph outside a list (blockquotes included) and
//! every top-level list item is a numbered block; headings, tables, code blocks and
//! footnote definitions are not.

use pulldown_cmark::{Event, Options, Tag, TagEnd};

use crate::model::Paragraph;

/// The Markdown dialect of the format, the same for every stage.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_WIKILINKS
        | Options::ENABLE_TASKLISTS
}

/// Follows the nesting of a stream of Markdown events and tells which events open a
/// numbered block.
#[derive(Debug, Default)]
pub struct BlockCounter {
    list_depth: usize,
    footnote_depth: usize,
    last: u32,
}

impl BlockCounter {
    /// A counter at the start of a body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next event; returns the block's number when `event` opens a numbered
    /// block.
    pub fn on_event(&mut self, event: &Event<'_>) -> Option<u32> {
        let numbered = match event {
            Event::Start(Tag::List(_)) => {
                self.list_depth += 1;
                false
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                false
            }
            Event::Start(Tag::FootnoteDefinition(_)) => {
                self.footnote_depth += 1;
                false
            }
            Event::End(TagEnd::FootnoteDefinition) => {
                self.footnote_depth = self.footnote_depth.saturating_sub(1);
                false
            }
            Event::Start(Tag::Item) => self.list_depth == 1 && self.footnote_depth == 0,
            Event::Start(Tag::Paragraph) => self.list_depth == 0 && self.footnote_depth == 0,
            _ => false,
        };
        if numbered {
            self.last += 1;
            Some(self.last)
        } else {
            None
        }
    }
}

/// The numbered blocks of a body, with their byte ranges and plain text.
pub fn number_blocks(body: &str) -> Vec<Paragraph> {
    crate::scan::body(body).paragraphs.to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<String> {
        number_blocks(body).into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn plain_paragraphs_are_numbered_in_order() {
        let blocks = number_blocks("One.\n\nTwo\nlines.\n\nThree.\n");
        assert_eq!(
            blocks.iter().map(|b| b.number).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert_eq!(blocks[1].text, "Two lines.");
        assert_eq!(
            &"One.\n\nTwo\nlines.\n\nThree.\n"[blocks[1].range.clone()],
            "Two\nlines.\n"
        );
    }

    #[test]
    fn headings_tables_and_code_are_not_numbered() {
        let body = "# Title\n\nFirst.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n    indented\n\nLast.\n";
        assert_eq!(texts(body), ["First.", "Last."]);
    }

    #[test]
    fn blockquote_paragraphs_are_numbered() {
        assert_eq!(
            texts("Before.\n\n> Quoted one.\n>\n> Quoted two.\n\nAfter.\n"),
            ["Before.", "Quoted one.", "Quoted two.", "After."]
        );
    }

    #[test]
    fn tight_list_items_are_one_block_each() {
        assert_eq!(
            texts("Intro.\n\n- one\n- two\n  - nested\n- three\n"),
            ["Intro.", "one", "two nested", "three"]
        );
    }

    #[test]
    fn loose_list_items_are_one_block_each_with_their_paragraphs() {
        let blocks = number_blocks("- first para\n\n  second para\n\n- other\n\nAfter.\n");
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[0].text, "first para second para");
        assert_eq!(blocks[2].text, "After.");
    }

    #[test]
    fn footnote_definitions_are_not_numbered() {
        assert_eq!(texts("Text[^1].\n\n[^1]: The note.\n"), ["Text."]);
    }
}
