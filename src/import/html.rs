//! A saved web page: the article found by `Readability`, its metadata from the page's
//! `<meta>` tags (Open Graph, `article:published_time`), `JSON-LD` and canonical link.

use dom_query::Document;
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

/// The page's canonical address: `<link rel="canonical">`, else `og:url`.
fn canonical(html: &str) -> Option<String> {
    let document = Document::from(html);
    let link = document.select(r#"link[rel="canonical"]"#).attr("href");
    let og = || {
        document
            .select(r#"meta[property="og:url"]"#)
            .attr("content")
    };
    link.or_else(og).map(|u| u.trim().to_string())
}

/// The text without a first paragraph that only repeats the byline ("By Jane Marlow").
fn without_byline(body: String, author: Option<&str>) -> String {
    let Some(author) = author else { return body };
    match body.split_once("\n\n") {
        Some((first, rest)) if first.len() < 80 + author.len() && first.contains(author) => {
            rest.to_string()
        }
        _ => body,
    }
}

/// The article in `html`, or `None` when the page has no text to find.
pub fn read(html: &str) -> Option<Article> {
    let config = Config {
        text_mode: TextMode::Markdown,
        ..Config::default()
    };
    let mut readability = Readability::new(html, None, Some(config)).ok()?;
    let found = readability.parse().ok()?;
    let author = non_empty(found.byline);
    let body = without_byline(paragraphs(&found.text_content), author.as_deref());
    Some(Article {
        title: non_empty(Some(found.title)).unwrap_or_default(),
        published: found.published_time.as_deref().and_then(published),
        outlet: non_empty(found.site_name),
        author,
        url: web_address(canonical(html).or(found.url)),
        language: found.lang.as_deref().and_then(language),
        body,
    })
}
