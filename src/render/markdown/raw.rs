//! Raw HTML in Markdown: escaped as text, or, when the dossier sets `allow_html`, each
//! fragment sanitized on its own by ammonia. An HTML block is cleaned whole; an inline
//! tag alone, and closed at the latest where its block ends. An unclosed `<script>` or
//! `<textarea>` can then never swallow the text after it, and the author's HTML never
//! touches the page's own markup (paragraph anchors, mention links).

use std::collections::VecDeque;
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Elements that have no end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// The prefix of every `id` the author writes, so that none can take the place of
/// the page's own anchors (`#p3`).
pub const ID_PREFIX: &str = "html-";

/// The one sanitizer: harmless elements and attributes only, links to `http`,
/// `https`, `mailto` or relative addresses (in `href`, `src` and `cite`), no `class`,
/// ids prefixed.
static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .add_generic_attributes(["id", "aria-label"])
        .id_prefix(Some(ID_PREFIX))
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .attribute_filter(|_, attribute, value| {
            if attribute == "cite" && !crate::link_safety::is_safe_link(value) {
                None
            } else {
                Some(value.into())
            }
        })
        .link_rel(Some("noopener noreferrer"));
    builder
});

/// Cleans one fragment of the author's HTML.
pub fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Turns raw HTML into text (which the HTML writer escapes) unless HTML is allowed;
/// then sanitizes each fragment on its own. Comes first in the chain, so it sees only
/// the author's HTML, never the adapters'.
pub struct RawHtml<'e, I> {
    inner: I,
    allow: bool,
    /// Inline elements the author opened and has not closed yet, innermost last.
    open: Vec<String>,
    /// Events to give before reading on.
    queued: VecDeque<(Event<'e>, Range<usize>)>,
}

impl<I> RawHtml<'_, I> {
    /// Wraps a stream of events with their offsets.
    pub fn new(inner: I, allow: bool) -> Self {
        Self {
            inner,
            allow,
            open: Vec::new(),
            queued: VecDeque::new(),
        }
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for RawHtml<'e, I> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(queued) = self.queued.pop_front() {
            return Some(queued);
        }
        let (event, range) = self.inner.next()?;
        if !self.allow {
            return match event {
                Event::Start(Tag::HtmlBlock) => self.escaped_block(range).or_else(|| self.next()),
                Event::InlineHtml(html) => match without_comments(&html) {
                    Some(rest) if rest.trim().is_empty() => self.next(),
                    Some(rest) => Some((Event::Text(rest.into()), range)),
                    None => Some((Event::Text(html), range)),
                },
                Event::Html(html) => Some((Event::Text(html), range)),
                other => Some((other, range)),
            };
        }
        match event {
            Event::Start(Tag::HtmlBlock) => Some(self.block(range)),
            Event::InlineHtml(html) => {
                let cleaned = self.inline(&html);
                Some((Event::InlineHtml(cleaned.into()), range))
            }
            Event::End(end) if !self.open.is_empty() && !is_inline(end) => {
                let closes = self.close_from(0);
                let at = range.start..range.start;
                self.queued.push_back((Event::End(end), range));
                Some((Event::InlineHtml(closes.into()), at))
            }
            other => Some((other, range)),
        }
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> RawHtml<'e, I> {
    /// The HTML of a block whose start was just read, to its end, and the offset where
    /// it ends (`end` when it holds nothing).
    fn read_block(&mut self, mut end: usize) -> (String, usize) {
        let mut html = String::new();
        for (event, range) in self.inner.by_ref() {
            end = range.end;
            match event {
                Event::Html(line) | Event::Text(line) => html.push_str(&line),
                Event::End(TagEnd::HtmlBlock) => break,
                _ => {}
            }
        }
        (html, end)
    }

    /// An HTML block, read to its end and cleaned whole.
    fn block(&mut self, start: Range<usize>) -> (Event<'e>, Range<usize>) {
        let (html, end) = self.read_block(start.end);
        let cleaned = CowStr::from(sanitize(&html));
        (Event::Html(cleaned), start.start..end)
    }

    /// An HTML block shown as text, without its comments (which a browser would not
    /// show either): `None` when nothing else is in it. An unclosed comment is kept as
    /// text, so that it can never hide the rest of the article.
    fn escaped_block(&mut self, start: Range<usize>) -> Option<(Event<'e>, Range<usize>)> {
        let (html, end) = self.read_block(start.end);
        let text = without_comments(&html).unwrap_or(html);
        if text.trim().is_empty() {
            return None;
        }
        let range = start.start..end;
        self.queued
            .push_back((Event::Text(text.into()), range.clone()));
        self.queued
            .push_back((Event::End(TagEnd::HtmlBlock), end..end));
        Some((Event::Start(Tag::HtmlBlock), range))
    }

    /// One inline tag: a start tag cleaned (its element remembered, to close it), an
    /// end tag kept only when it closes an element the author opened here.
    fn inline(&mut self, html: &str) -> String {
        let tag = html.trim();
        if let Some(rest) = tag.strip_prefix("</") {
            let name = tag_name(rest);
            return match self.open.iter().rposition(|open| *open == name) {
                Some(at) => self.close_from(at),
                None => String::new(),
            };
        }
        let name = tag_name(tag.strip_prefix('<').unwrap_or_default());
        if name.is_empty() {
            return String::new();
        }
        let cleaned = sanitize(tag);
        let void = VOID.contains(&name.as_str());
        let closing = format!("</{name}>");
        let start = if void {
            cleaned.as_str()
        } else {
            match cleaned.strip_suffix(&closing) {
                Some(start) => start,
                None => return String::new(),
            }
        };
        if !start.starts_with(&format!("<{name}")) {
            return String::new();
        }
        let start = start.to_string();
        if !void && !tag.ends_with("/>") {
            self.open.push(name);
        }
        start
    }

    /// End tags for the open elements from `at` on, innermost first.
    fn close_from(&mut self, at: usize) -> String {
        let mut closes = String::new();
        for name in self.open.drain(at..).rev() {
            closes.push_str("</");
            closes.push_str(&name);
            closes.push('>');
        }
        closes
    }
}

/// `html` without its comments (`<!-- … -->`), or `None` when a comment is left open.
fn without_comments(html: &str) -> Option<String> {
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find("<!--") {
        kept.push_str(&rest[..open]);
        let inside = &rest[open + 4..];
        let close = inside.find("-->")?;
        rest = &inside[close + 3..];
    }
    kept.push_str(rest);
    Some(kept)
}

/// Whether an end tag closes inline formatting (inside which an author's element may
/// still be open) rather than a block.
fn is_inline(end: TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// The lowercase element name at the start of `text` (after `<` or `</`).
fn tag_name(text: &str) -> String {
    text.chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// What the sanitizer removes from one fragment of the author's HTML, for a warning:
/// `<script>`, `onclick on <img>`… Empty when the fragment is kept whole.
pub fn dropped(html: &str) -> Vec<String> {
    let cleaned = sanitize(html);
    let kept = tags(&cleaned);
    let mut lost = Vec::new();
    for (name, attributes) in tags(html) {
        let same: Vec<&(String, Vec<String>)> = kept.iter().filter(|(n, _)| *n == name).collect();
        if same.is_empty() {
            let what = format!("<{name}>");
            if !lost.contains(&what) {
                lost.push(what);
            }
            continue;
        }
        for attribute in attributes {
            let still = same.iter().any(|(_, a)| a.contains(&attribute));
            let what = format!("{attribute} on <{name}>");
            if !still && !lost.contains(&what) {
                lost.push(what);
            }
        }
    }
    lost
}

/// The start tags of some HTML: names and attribute names, lowercase.
fn tags(html: &str) -> Vec<(String, Vec<String>)> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name = tag_name(rest);
        if name.is_empty() || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        rest = &rest[name.len()..];
        let (attributes, after) = attribute_names(rest);
        rest = after;
        found.push((name, attributes));
    }
    found
}

/// The attribute names of a start tag whose name was just read, and the text after it.
fn attribute_names(mut rest: &str) -> (Vec<String>, &str) {
    let mut names = Vec::new();
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() || rest.starts_with('>') {
            return (names, rest.get(1..).unwrap_or_default());
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(rest.len());
        if end == 0 {
            rest = &rest[1..];
            continue;
        }
        names.push(rest[..end].to_ascii_lowercase());
        rest = rest[end..].trim_start();
        if let Some(value) = rest.strip_prefix('=') {
            let value = value.trim_start();
            rest = match value.chars().next() {
                Some(quote @ ('"' | '\'')) => value[1..]
                    .find(quote)
                    .map_or("", |close| &value[close + 2..]),
                _ => {
                    let end = value
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(value.len());
                    &value[end..]
                }
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizing_removes_scripts_handlers_unsafe_cites_and_classes() {
        let clean = sanitize(
            "<p id=\"p1\" class=\"para\">x<script>alert(1)</script><img src=x onerror=alert(1)>\
             <a href=\"javascript:alert(1)\">j</a><blockquote cite=\"javascript:x\">q\
             </blockquote><q cite=\"https://example.org/\">ok</q></p>",
        );
        assert!(!clean.contains("script"), "{clean}");
        assert!(!clean.contains("onerror"), "{clean}");
        assert!(!clean.contains("javascript"), "{clean}");
        assert!(!clean.contains("class"), "{clean}");
        assert!(clean.contains("id=\"html-p1\""), "{clean}");
        assert!(clean.contains("cite=\"https://example.org/\""), "{clean}");
    }

    #[test]
    fn comments_are_taken_out_unless_left_open() {
        assert_eq!(
            without_comments("<!-- wp:paragraph -->\n").as_deref(),
            Some("\n")
        );
        assert_eq!(
            without_comments("a<!--x-->b<!---->c").as_deref(),
            Some("abc")
        );
        assert_eq!(without_comments("<div><!-- open"), None);
    }

    #[test]
    fn what_was_dropped_is_named() {
        assert_eq!(
            dropped("<img src=x onerror='a>b' class=c><script>"),
            ["onerror on <img>", "class on <img>", "<script>"]
        );
        assert!(dropped("<b>bold</b> <a href=\"https://x.org\">x</a>").is_empty());
    }
}
