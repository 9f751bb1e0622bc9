//! A saved web page: the article found by `Readability`, its metadata from the page's
//! `<meta>` tags (Open Graph, `article:published_time`, `date`), `JSON-LD`, `<time>`
//! and canonical link; its links and images made absolute against that link when the page
//! has one.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::text::{language, paragraphs, published};
use super::{Article, clean};
use crate::model::Date;

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
fn canonical(document: &Document) -> Option<String> {
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
        Some((first, rest))
            if clean::visible(first).len() < 80 + author.len() && first.contains(author) =>
        {
            rest.to_string()
        }
        _ => body,
    }
}

/// The publication date from the page's tags when `Readability` found none:
/// `article:published_time`, `<meta name="date">` and its kin, JSON-LD `datePublished`,
/// then the first `<time datetime>`.
fn published_in(document: &Document) -> Option<Date> {
    let metas = [
        r#"meta[property="article:published_time"]"#,
        r#"meta[name="article:published_time"]"#,
        r#"meta[itemprop="datePublished"]"#,
        r#"meta[name="date"]"#,
        r#"meta[name="DC.date"]"#,
        r#"meta[name="dc.date"]"#,
        r#"meta[name="DC.date.issued"]"#,
        r#"meta[name="pubdate"]"#,
    ];
    let from_meta = metas.into_iter().find_map(|selector| {
        document
            .select(selector)
            .attr("content")
            .and_then(|d| published(&d))
    });
    from_meta
        .or_else(|| json_ld_published(document))
        .or_else(|| {
            document
                .select("time[datetime]")
                .attr("datetime")
                .and_then(|d| published(&d))
        })
}

/// `datePublished` of the page's JSON-LD, at any depth (`@graph`, lists).
fn json_ld_published(document: &Document) -> Option<Date> {
    fn find(value: &serde_json::Value) -> Option<Date> {
        match value {
            serde_json::Value::Object(map) => map
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(published)
                .or_else(|| map.values().find_map(find)),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    document
        .select(r#"script[type="application/ld+json"]"#)
        .iter()
        .filter_map(|script| serde_json::from_str(&script.text()).ok())
        .find_map(|value| find(&value))
}

/// A page's title without the site's name that pages append to it
/// (`Prosecutors appeal | The Harbour Herald`, `… - Le Monde`): the headline alone.
fn without_site_name(title: &str, site: Option<&str>) -> String {
    let title = title.trim();
    let headline = site.filter(|s| !s.is_empty()).and_then(|site| {
        [" | ", " - ", " – ", " — ", " · ", " :: "]
            .iter()
            .find_map(|separator| title.strip_suffix(&format!("{separator}{site}")))
    });
    headline.map_or(title, str::trim_end).to_string()
}

/// The article in `html`, or `None` when the page has no text to find.
pub fn read(html: &str) -> Option<Article> {
    let config = Config {
        text_mode: TextMode::Markdown,
        ..Config::default()
    };
    let document = Document::from(html);
    let url = web_address(canonical(&document));
    let mut readability = Readability::new(html, url.as_deref(), Some(config.clone()))
        .or_else(|_| Readability::new(html, None, Some(config)))
        .ok()?;
    let found = readability.parse().ok()?;
    let url = url.or_else(|| web_address(found.url));
    let published = found
        .published_time
        .as_deref()
        .and_then(published)
        .or_else(|| published_in(&document));
    let author = non_empty(found.byline);
    let text = without_byline(paragraphs(&found.text_content), author.as_deref());
    let body = clean::article_text(&text, published);
    let mut notes = Vec::new();
    if url.is_none() {
        notes.extend(clean::relative_addresses(&body));
    }
    let outlet = non_empty(found.site_name);
    Some(Article {
        title: without_site_name(&found.title, outlet.as_deref()),
        published,
        outlet,
        author,
        url,
        language: found.lang.as_deref().and_then(language),
        body,
        notes,
        ..Article::default()
    })
}
