//! Tags (everything carrying each), the search page and the page for a missing
//! address.

use serde::Serialize;

use crate::render::fragments;
use crate::render::links::{PagePath, href};
use crate::render::pager::{self, Pager};
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
    pub sources: Vec<TaggedSource<'a>>,
    /// Actors carrying it.
    pub actors: Vec<Link>,
    /// Events carrying it, one line each without their citations (each links to its
    /// chronology page, which gives them), as HTML (`fragments::event_lines`).
    pub events_html: String,
    /// Links between the pages of a long list (none when it fits on one).
    pub pager: Option<Pager>,
}

/// A source carrying a tag, as its page lists it: title, date and outlet.
#[derive(Debug, Serialize)]
pub struct TaggedSource<'a> {
    /// Link to its page.
    #[serde(flatten)]
    pub link: Link,
    /// When it was published, in words.
    pub date: String,
    /// Its outlet, if known.
    pub outlet: Option<&'a str>,
}

/// The part of `list` that falls in `range`, the items being numbered from `offset`.
fn slice<'a>(list: &'a [usize], offset: usize, range: &std::ops::Range<usize>) -> &'a [usize] {
    let start = range.start.saturating_sub(offset).min(list.len());
    let end = range.end.saturating_sub(offset).min(list.len());
    &list[start..end]
}

/// Renders `tags/SLUG/index.html`, or page `number` of it: sources, actors and events,
/// in that order, [`pager::TAGGED_PER_PAGE`] a page.
pub fn tag(site: &Site<'_>, slug: &str, number: usize) -> Result<(PagePath, Vec<u8>), RenderError> {
    let first = PagePath::tag(slug);
    let page = pager::page_path(&first, number);
    let tagged = &site.cross.tags[slug];
    let count = pager::page_count(tagged.len(), pager::TAGGED_PER_PAGE);
    let range = pager::page_items(tagged.len(), pager::TAGGED_PER_PAGE, number);
    let (sources, actors) = (tagged.sources.len(), tagged.actors.len());
    let events = slice(&tagged.events, sources + actors, &range);
    let view = TagPage {
        chrome: site.chrome(
            &page,
            pager::title(
                &format!("{} « {} »", site.labels.tagged, tagged.name),
                number,
                count,
            ),
            "tags",
        ),
        name: &tagged.name,
        sources: slice(&tagged.sources, 0, &range)
            .iter()
            .map(|&s| {
                let source = &site.dossier.sources[s];
                TaggedSource {
                    link: site.source_link(&page, s),
                    date: source.published.human(site.language),
                    outlet: source.outlet.as_deref(),
                }
            })
            .collect(),
        actors: slice(&tagged.actors, sources, &range)
            .iter()
            .map(|&a| site.actor_link(&page, a))
            .collect(),
        events_html: if events.is_empty() {
            String::new()
        } else {
            let rows: Vec<_> = events.iter().map(|&e| site.event_row(&page, e)).collect();
            fragments::event_lines(&rows, site.labels)
        },
        pager: pager::pager(&first, number, count),
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
