//! One pass of the Markdown parser over a source body gives what the checks need of it:
//! the numbered blocks (by the rule of [`crate::paragraphs`]), every link, and the runs
//! of text where an actor can be mentioned. The result depends on the body alone, so the
//! preview server keeps it between rebuilds for the files that did not change.

use std::ops::Range;
use std::sync::Arc;

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

use crate::paragraphs::{Numbering, Paragraph, Step};

/// What one pass over a body found.
#[derive(Debug, Clone, Default)]
pub struct BodyScan {
    /// The numbered blocks, with their byte ranges and plain text (shared: the preview
    /// keeps them from one run to the next).
    pub paragraphs: Arc<[Paragraph]>,
    /// Every link and image, in order.
    pub links: Vec<BodyLink>,
    /// The text written verbatim outside code and links, where mentions are looked for.
    pub runs: Vec<TextRun>,
    /// The raw HTML: each HTML block whole, and each inline tag.
    pub html: Vec<Range<usize>>,
}

/// A link or image of a Markdown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyLink {
    /// A wiki-link (`[[id]]`), rather than an ordinary link or image.
    pub wiki: bool,
    /// Where it points, as written.
    pub destination: String,
    /// Its bytes in the text.
    pub range: Range<usize>,
}

/// A piece of text, as written, in which an actor may be mentioned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextRun {
    /// Its bytes in the body.
    pub range: Range<usize>,
    /// The numbered block holding it; `None` in a heading, a table or a footnote.
    pub paragraph: Option<u32>,
}

/// Reads a body once.
pub fn body(body: &str) -> BodyScan {
    let mut scan = BodyScan::default();
    let mut numbering = Numbering::new();
    // The block holding the text that follows, for mentions.
    let mut paragraph = None;
    let mut in_link = 0usize;
    let mut in_code = false;
    let mut verbatim = Vec::new();
    for (event, range) in crate::dialect::events(body) {
        if let Some(link) = link(&event, &range) {
            scan.links.push(link);
        }
        if is_verbatim(&event) {
            verbatim.push(range.clone());
        }
        if let Step::Opens(number) = numbering.step(&event, &range) {
            paragraph = Some(number);
        }
        match &event {
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => in_link += 1,
            Event::End(TagEnd::Link | TagEnd::Image) => in_link = in_link.saturating_sub(1),
            Event::Start(Tag::HtmlBlock) | Event::InlineHtml(_) => scan.html.push(range.clone()),
            Event::Start(Tag::CodeBlock(_)) => in_code = true,
            Event::End(TagEnd::CodeBlock) => in_code = false,
            Event::Start(Tag::Heading { .. } | Tag::Table(_) | Tag::FootnoteDefinition(_)) => {
                paragraph = None;
            }
            // Only where the text is the source as written (no escapes or entities), so
            // that byte ranges in the body are exact.
            Event::Text(text)
                if in_link == 0 && !in_code && body.get(range.clone()) == Some(text.as_ref()) =>
            {
                scan.runs.push(TextRun { range, paragraph });
            }
            _ => {}
        }
    }
    scan.paragraphs = numbering.finish().into();
    add_empty_wiki_links(&mut scan.links, body, &verbatim);
    scan
}

/// Every link and image of a Markdown text (an analyst's field).
pub fn links(text: &str) -> Vec<BodyLink> {
    let mut links = Vec::new();
    let mut verbatim = Vec::new();
    for (event, range) in crate::dialect::events(text) {
        if let Some(link) = link(&event, &range) {
            links.push(link);
        }
        if is_verbatim(&event) {
            verbatim.push(range);
        }
    }
    add_empty_wiki_links(&mut links, text, &verbatim);
    links
}

/// Code and raw HTML: text in which `[[` is not a wiki-link.
fn is_verbatim(event: &Event<'_>) -> bool {
    matches!(
        event,
        Event::Code(_)
            | Event::Start(Tag::CodeBlock(_) | Tag::HtmlBlock)
            | Event::Html(_)
            | Event::InlineHtml(_)
    )
}

/// The wiki-links without an id (`[[]]`, `[[ ]]`, `[[|label]]`), which the Markdown
/// parser leaves as text, added to `links` in order (with an empty destination), outside
/// the `verbatim` ranges.
fn add_empty_wiki_links(links: &mut Vec<BodyLink>, text: &str, verbatim: &[Range<usize>]) {
    let mut found = false;
    let mut from = 0;
    while let Some(at) = text.get(from..).and_then(|rest| rest.find("[[")) {
        let start = from + at;
        from = start + 2;
        let Some(inner_len) = text[start + 2..].find("]]") else {
            break;
        };
        let inner = &text[start + 2..start + 2 + inner_len];
        let empty = inner.trim().is_empty() || inner.trim_start().starts_with('|');
        if !empty || inner.contains('\n') || verbatim.iter().any(|r| r.contains(&start)) {
            continue;
        }
        let end = start + 2 + inner_len + 2;
        links.push(BodyLink {
            wiki: true,
            destination: String::new(),
            range: start..end,
        });
        found = true;
        from = end;
    }
    if found {
        links.sort_by_key(|l| l.range.start);
        links.dedup_by(|a, b| a.range == b.range);
    }
}

fn link(event: &Event<'_>, range: &Range<usize>) -> Option<BodyLink> {
    let (Event::Start(Tag::Link {
        link_type,
        dest_url,
        ..
    })
    | Event::Start(Tag::Image {
        link_type,
        dest_url,
        ..
    })) = event
    else {
        return None;
    };
    let wiki = matches!(link_type, LinkType::WikiLink { .. });
    // Found by `add_empty_wiki_links` with the others that the parser leaves as text.
    if wiki && dest_url.trim().is_empty() {
        return None;
    }
    Some(BodyLink {
        wiki,
        destination: dest_url.to_string(),
        range: range.clone(),
    })
}

#[cfg(test)]
mod tests {

    #[test]
    fn one_pass_finds_blocks_links_and_runs() {
        let body = "# Head\n\nSee [[abc]] and [x](https://e.org).\n\n`code` text\n";
        let scan = super::body(body);
        assert_eq!(scan.paragraphs.len(), 2);
        assert_eq!(scan.paragraphs[0].text, "See abc and x.");
        assert_eq!(
            scan.links
                .iter()
                .map(|l| (l.wiki, l.destination.as_str()))
                .collect::<Vec<_>>(),
            [(true, "abc"), (false, "https://e.org")]
        );
        let runs: Vec<_> = scan
            .runs
            .iter()
            .map(|r| (&body[r.range.clone()], r.paragraph))
            .collect();
        assert_eq!(
            runs,
            [
                ("Head", None),
                ("See ", Some(1)),
                (" and ", Some(1)),
                (".", Some(1)),
                (" text", Some(2))
            ]
        );
    }
}
