//! Tags (everything carrying each), the search page and the page for a missing
//! address.

use serde::Serialize;

use crate::render::fragments;
use crate::render::links::{PagePath, href};
use crate::render::views::{Chrome, Link};
use crate::render::{RenderError, Site};

/// A tag in the list.
#[derive(Debug, Serialize)]
pub struct TagRow {
    /// Link to its page.
    pub tag: Link,
    /// How many things carry it.
    pub count: usize,
}

/// `tags/index.html`.
#[derive(Debug, Serialize)]
pub struct TagsPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Every tag, by slug.
    pub tags: Vec<TagRow>,
}

/// Renders `tags/index.html`.
pub fn index(site: &Site<'_>) -> Result<(PagePath, Vec<u8>), RenderError> {
    let page = PagePath::section("tags");
    let tags = site
        .cross
        .tags
        .iter()
        .map(|(slug, tagged)| TagRow {
            tag: Link {
                href: href(&page, &PagePath::tag(slug), None),
                label: tagged.name.clone(),
                title: None,
            },
            count: tagged.len(),
        })
        .collect();
    let view = TagsPage {
        chrome: site.chrome(&page, site.labels.tags.to_string(), "tags"),
        tags,
    };
    Ok((
        page,
        site.templates
            .render_bytes("tags.html", site.language, &view)?,
    ))
}

/// `tags/SLUG/index.html`.
#[derive(Debug, Serialize)]
pub struct TagPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// The tag.
    pub name: &'a str,
    /// Sources carrying it.
    pub sources: Vec<Link>,
    /// Actors carrying it.
    pub actors: Vec<Link>,
    /// Events carrying it, as HTML (`fragments::event_rows`).
    pub events_html: String,
}

/// Renders `tags/SLUG/index.html`.
pub fn tag(site: &Site<'_>, slug: &str) -> Result<(PagePath, Vec<u8>), RenderError> {
    let page = PagePath::tag(slug);
    let tagged = &site.cross.tags[slug];
    let view = TagPage {
        chrome: site.chrome(
            &page,
            format!("{} « {} »", site.labels.tagged, tagged.name),
            "tags",
        ),
        name: &tagged.name,
        sources: tagged
            .sources
            .iter()
            .map(|&s| site.source_link(&page, s))
            .collect(),
        actors: tagged
            .actors
            .iter()
            .map(|&a| site.actor_link(&page, a))
            .collect(),
        events_html: if tagged.events.is_empty() {
            String::new()
        } else {
            let rows: Vec<_> = tagged
                .events
                .iter()
                .map(|&e| site.event_row(&page, e))
                .collect();
            fragments::event_rows(&rows, site.labels)
        },
    };
    Ok((
        page,
        site.templates
            .render_bytes("tag.html", site.language, &view)?,
    ))
}

/// `search/index.html`.
#[derive(Debug, Serialize)]
pub struct SearchPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// The index script.
    pub index_js: String,
    /// The search script.
    pub search_js: String,
}

/// Renders `search/index.html`.
pub fn search(site: &Site<'_>) -> Result<(PagePath, Vec<u8>), RenderError> {
    let page = PagePath::section("search");
    let view = SearchPage {
        chrome: site.chrome(&page, site.labels.search.to_string(), "search"),
        index_js: href(&page, &PagePath::asset("search-index.js"), None),
        search_js: href(&page, &PagePath::asset("search.js"), None),
    };
    Ok((
        page,
        site.templates
            .render_bytes("search.html", site.language, &view)?,
    ))
}

/// `404.html`: GitHub Pages serves it at any depth, so with a `base_url` its links go
/// through `<base href>`; without one they are relative to the root.
pub fn not_found(site: &Site<'_>) -> Result<(PagePath, Vec<u8>), RenderError> {
    let page = PagePath::new("404.html");
    let mut chrome = site.chrome(&page, site.labels.not_found.to_string(), "");
    chrome.canonical = None;
    chrome.base = site
        .dossier
        .meta
        .base_url
        .as_ref()
        .map(|base| format!("{base}/"));
    Ok((
        page,
        site.templates
            .render_bytes("404.html", site.language, &chrome)?,
    ))
}
