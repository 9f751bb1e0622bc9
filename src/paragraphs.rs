//! The one paragraph rule of the format, used both to check citations and to write the
//! anchors: every paragraph outside a list (blockquotes included) and every top-level
//! list item is a numbered block; headings, tables, code blocks and footnote
//! definitions are not. A block spans the bytes of its opening event, its plain text is
//! what it says without markup, and its anchor is `pN`.
//!
//! Validation numbers the blocks once ([`Numbering`], through [`crate::scan`]) into
//! `Source::paragraphs`; rendering follows those blocks through the same events
//! ([`Follow`]) instead of counting again.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// What comes before the number in a paragraph's anchor.
pub const ANCHOR_PREFIX: &str = "p";

/// The anchor of paragraph `number` on its source page: `p4`.
pub fn anchor(number: u32) -> String {
    [ANCHOR_PREFIX, itoa::Buffer::new().format(number)].concat()
}

/// The number an anchor (`p4`) names; `None` for anything else (`p0`, `p`, `4`, `p+4`).
pub fn anchor_number(anchor: &str) -> Option<u32> {
    anchor
        .strip_prefix(ANCHOR_PREFIX)
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|n| n.parse::<u32>().ok())
        .filter(|&n| n > 0)
}

/// A numbered block of a source body (`p4`).
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// Its number, from 1.
    pub number: u32,
    /// Its bytes in the body.
    pub range: Range<usize>,
    /// Its text without markup, for quotations and search.
    pub text: String,
}

/// Where one event of a body stands among its numbered blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The event opens block `N`.
    Opens(u32),
    /// The event lies inside block `N`.
    Inside(u32),
    /// The event closes block `N`.
    Closes(u32),
    /// The event is outside every numbered block.
    Outside,
}

/// The open block: its number and bytes. It closes with the end event of the same
/// bytes (pulldown-cmark gives a start and its end the same range).
type Open = Option<(u32, Range<usize>)>;

fn inside_or_closes(open: &mut Open, event: &Event<'_>, range: &Range<usize>) -> Step {
    match open {
        None => Step::Outside,
        Some((number, bytes)) => {
            let number = *number;
            if matches!(event, Event::End(TagEnd::Paragraph | TagEnd::Item)) && range == bytes {
                *open = None;
                Step::Closes(number)
            } else {
                Step::Inside(number)
            }
        }
    }
}

/// Numbers the blocks of a body as its events go by, and gathers their plain text.
#[derive(Debug, Default)]
pub struct Numbering {
    list_depth: usize,
    footnote_depth: usize,
    open: Open,
    blocks: Vec<Paragraph>,
}

impl Numbering {
    /// Numbering at the start of a body.
    pub fn new() -> Self {
        Self::default()
    }

    /// Feeds the next event and its bytes.
    pub fn step(&mut self, event: &Event<'_>, range: &Range<usize>) -> Step {
        if self.opens(event) {
            let number = u32::try_from(self.blocks.len() + 1).unwrap_or(u32::MAX);
            self.blocks.push(Paragraph {
                number,
                range: range.clone(),
                // The plain text is at most as long as the block's Markdown: room for it
                // at once, instead of doubling as it grows (half the memory of the texts).
                text: String::with_capacity(range.len()),
            });
            self.open = Some((number, range.clone()));
            return Step::Opens(number);
        }
        let step = inside_or_closes(&mut self.open, event, range);
        if let (Step::Inside(_) | Step::Closes(_), Some(block)) = (step, self.blocks.last_mut()) {
            match event {
                Event::Text(text) | Event::Code(text) => push_collapsed(&mut block.text, text),
                Event::SoftBreak
                | Event::HardBreak
                | Event::Start(Tag::Paragraph | Tag::Item | Tag::List(_))
                | Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::List(_)) => {
                    push_collapsed(&mut block.text, " ");
                }
                _ => {}
            }
        }
        step
    }

    /// Whether `event` opens a numbered block; follows the nesting of lists and
    /// footnotes.
    fn opens(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Start(Tag::List(_)) => self.list_depth += 1,
            Event::End(TagEnd::List(_)) => self.list_depth = self.list_depth.saturating_sub(1),
            Event::Start(Tag::FootnoteDefinition(_)) => self.footnote_depth += 1,
            Event::End(TagEnd::FootnoteDefinition) => {
                self.footnote_depth = self.footnote_depth.saturating_sub(1);
            }
            Event::Start(Tag::Item) => return self.list_depth == 1 && self.footnote_depth == 0,
            Event::Start(Tag::Paragraph) => {
                return self.list_depth == 0 && self.footnote_depth == 0;
            }
            _ => {}
        }
        false
    }

    /// The numbered blocks, their text trimmed.
    pub fn finish(mut self) -> Vec<Paragraph> {
        for block in &mut self.blocks {
            let kept = block.text.trim_end().len();
            block.text.truncate(kept);
        }
        self.blocks
    }
}

/// Follows blocks numbered before (a source's `paragraphs`) through the events of the
/// same body.
#[derive(Debug)]
pub struct Follow<'p> {
    blocks: &'p [Paragraph],
    next: usize,
    open: Open,
}

impl<'p> Follow<'p> {
    /// Follows `blocks`, the numbered blocks of the body whose events come next.
    pub fn new(blocks: &'p [Paragraph]) -> Self {
        Self {
            blocks,
            next: 0,
            open: None,
        }
    }

    /// Feeds the next event and its bytes.
    pub fn step(&mut self, event: &Event<'_>, range: &Range<usize>) -> Step {
        if let (Event::Start(Tag::Paragraph | Tag::Item), Some(block)) =
            (event, self.blocks.get(self.next))
            && block.range == *range
        {
            self.next += 1;
            self.open = Some((block.number, range.clone()));
            return Step::Opens(block.number);
        }
        inside_or_closes(&mut self.open, event, range)
    }
}

/// The numbered blocks of a body, with their byte ranges and plain text.
pub fn number_blocks(body: &str) -> Vec<Paragraph> {
    let mut numbering = Numbering::new();
    for (event, range) in crate::dialect::events(body) {
        numbering.step(&event, &range);
    }
    numbering.finish()
}

/// Appends `text` to `out` with every run of whitespace made one space and none at the
/// start: the plain text of a block, as quoted and searched.
fn push_collapsed(out: &mut String, text: &str) {
    let mut space = out.ends_with(' ') || out.is_empty();
    for c in text.chars() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(c);
            space = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_collapsed_as_split_whitespace_and_join_would() {
        for text in ["  a \n b\t\tc  ", "", " ", "é  ü\u{a0}x", "one"] {
            let mut out = String::new();
            push_collapsed(&mut out, text);
            let kept = out.trim_end().len();
            out.truncate(kept);
            assert_eq!(out, text.split_whitespace().collect::<Vec<_>>().join(" "));
        }
    }

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

    #[test]
    fn anchors_are_spelt_and_read_back_the_same_way() {
        assert_eq!(anchor(4), "p4");
        assert_eq!(anchor_number(&anchor(12)), Some(12));
        for bad in ["p0", "p", "4", "p+4", "P4", "p4a"] {
            assert_eq!(anchor_number(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_search_script_spells_anchors_the_same_way() {
        let script = include_str!("../templates/search.js");
        assert!(script.contains(&format!("\"#{ANCHOR_PREFIX}\" + ")));
    }

    #[test]
    fn following_numbered_blocks_finds_them_where_numbering_put_them() {
        let body = "Intro.\n\n- one\n- two\n  - nested\n\n> Quoted.\n\n# Head\n\n- a\n\n  b\n";
        let blocks = number_blocks(body);
        let mut follow = Follow::new(&blocks);
        let mut numbering = Numbering::new();
        for (event, range) in crate::dialect::events(body) {
            assert_eq!(follow.step(&event, &range), numbering.step(&event, &range));
        }
        assert_eq!(blocks.len(), 5);
    }
}
