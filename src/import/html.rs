//! A saved web page: the article found by `Readability`, its metadata from the page's
//! `<meta>` tags (Open Graph, `article:published_time`, `date`), `JSON-LD`, `<time>`
//! and canonical link; its links and images made absolute against that link when the page
//! has one.

use dom_query::Document;
use dom_smoothie::{Config, Readability, TextMode};

use super::text::{language, paragraphs, published};
use super::{Article, byline, clean};
use crate::model::Date;
use crate::model::LanguageTag;

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

/// The language a page gives in its `og:locale` (`fr_FR`) or its `content-language`,
/// for a page whose `<html>` has no `lang`.
fn locale(document: &Document) -> Option<LanguageTag> {
    let og = document
        .select(r#"meta[property="og:locale"]"#)
        .attr("content");
    let header = || {
        document
            .select(r#"meta[http-equiv="content-language" i]"#)
            .attr("content")
    };
    og.or_else(header).and_then(|lang| language(&lang))
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

/// The publication day as the page prints it ("Publié le 14/09/2022 à 18h45",
/// "Published March 3, 2024"), when its tags give none: in the byline, then in the
/// first paragraph of the text that is a byline or a dateline, then in the first such
/// line of the whole page (the article finder may have left it out).
fn printed_day(document: &Document, by: Option<&str>, text: &str) -> Option<Date> {
    const TOP: usize = 6;
    by.and_then(byline::published_day)
        .or_else(|| {
            text.split("\n\n")
                .take(TOP)
                .filter(|p| byline::is_byline(p, None, None))
                .find_map(byline::published_day)
        })
        .or_else(|| {
            document
                .select("body p, body div, body span, body time")
                .iter()
                .map(|node| node.text())
                .find_map(|line| {
                    (line.chars().count() < 200)
                        .then(|| byline::published_day(&line))
                        .flatten()
                })
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
    let text = paragraphs(&found.text_content);
    let by = non_empty(found.byline);
    let outlet = non_empty(found.site_name);
    let published = found
        .published_time
        .as_deref()
        .and_then(published)
        .or_else(|| published_in(&document))
        .or_else(|| printed_day(&document, by.as_deref(), &text));
    let author = by
        .as_deref()
        .and_then(|b| byline::author(b, outlet.as_deref()));
    let text = without_byline(text, author.as_deref());
    let (text, dropped) = byline::without_bylines(&text, author.as_deref(), published);
    let author = author.or_else(|| {
        dropped.and_then(|line| byline::author(&clean::visible(line), outlet.as_deref()))
    });
    let mut notes: Vec<String> = clean::paywall_note(&text).into_iter().collect();
    let body = clean::article_text(&text, published);
    if url.is_none() {
        notes.extend(clean::relative_addresses(&body));
    }
    Some(Article {
        title: without_site_name(&found.title, outlet.as_deref()),
        published,
        outlet,
        author,
        url,
        language: found
            .lang
            .as_deref()
            .and_then(language)
            .or_else(|| locale(&document)),
        body,
        notes,
        ..Article::default()
    })
}
