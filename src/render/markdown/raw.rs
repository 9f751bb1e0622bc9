//! Raw HTML in Markdown: escaped as text, or kept and then sanitized by ammonia when the
//! dossier sets `allow_html`.

use std::ops::Range;

use pulldown_cmark::Event;

/// Turns raw HTML into text (which the HTML writer escapes) unless HTML is allowed.
/// Comes first in the chain, so it sees only the author's HTML, never the adapters'.
pub struct RawHtml<I> {
    inner: I,
    allow: bool,
}

impl<I> RawHtml<I> {
    /// Wraps a stream of events with their offsets.
    pub fn new(inner: I, allow: bool) -> Self {
        Self { inner, allow }
    }
}

impl<'e, I: Iterator<Item = (Event<'e>, Range<usize>)>> Iterator for RawHtml<I> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.inner.next()?;
        let event = match event {
            Event::Html(html) | Event::InlineHtml(html) if !self.allow => Event::Text(html),
            other => other,
        };
        Some((event, range))
    }
}

/// Cleans rendered HTML that may hold the author's raw HTML: only harmless elements and
/// attributes, and links to `http`, `https`, `mailto` or relative addresses.
pub fn sanitize(html: &str) -> String {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .add_generic_attributes(["id", "class", "aria-label"])
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .link_rel(Some("noopener noreferrer"));
    builder.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitizing_removes_scripts_and_handlers_and_keeps_our_markup() {
        let clean = sanitize(
            "<p id=\"p1\" class=\"para\">x<script>alert(1)</script><img src=x onerror=alert(1)>\
             <a href=\"javascript:alert(1)\">j</a><a class=\"mention\" href=\"../a/index.html\">a</a></p>",
        );
        assert!(!clean.contains("script"), "{clean}");
        assert!(!clean.contains("onerror"), "{clean}");
        assert!(!clean.contains("javascript"), "{clean}");
        assert!(clean.contains("id=\"p1\""), "{clean}");
        assert!(clean.contains("href=\"../a/index.html\""), "{clean}");
    }
}
