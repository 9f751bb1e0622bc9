//! A saved web page: the article found by `Readability`, its metadata from the page's
//! `<meta>` tags (Open Graph, `article:published_time`), `JSON-LD` and canonical link.

use dom_smoothie::{Config, Readability, TextMode};

use super::Article;
use super::text::{language, paragraphs, published};

/// Only `http` and `https` addresses are kept.
fn web_address(url: Option<String>) -> Option<String> {
    url.filter(|u| u.starts_with("https://") || u.starts_with("http://"))
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|v| !v.is_empty())
}

/// The article in `html`, or `None` when the page has no text to find.
pub fn read(html: &str) -> Option<Article> {
    let config = Config {
        text_mode: TextMode::Markdown,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).ok()?;
    let found = readability.parse().ok()?;
    Some(Article {
        title: non_empty(Some(found.title)).unwrap_or_default(),
        published: found.published_time.as_deref().and_then(published),
        outlet: non_empty(found.site_name),
        author: non_empty(found.byline),
        url: web_address(found.url),
        language: found.lang.as_deref().and_then(language),
        body: paragraphs(&found.text_content),
    })
}
