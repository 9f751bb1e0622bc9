//! Long lists in pages: a list of more than a page's worth of items (the sources, what
//! carries a tag) is cut into pages of a fixed size. The first page keeps the list's
//! address (`sources/index.html`); the others sit beside it (`sources/index-2.html`), a
//! name no id can take, at the same depth, so that every relative link works alike.

use std::ops::Range;

use serde::Serialize;

use super::links::{PagePath, href};

/// The most rows of the sources' table on one page (about 400 bytes each).
pub const SOURCES_PER_PAGE: usize = 500;

/// The most items on one page of a tag (sources, actors and events together).
pub const TAGGED_PER_PAGE: usize = 500;

/// The most actors on one page of the roster (about 200 bytes each).
pub const ACTORS_PER_PAGE: usize = 1000;

/// The path of page `number` (1-based) of the list whose first page is `first`.
pub fn page_path(first: &PagePath, number: usize) -> PagePath {
    if number <= 1 {
        return first.clone();
    }
    let path = first.as_str();
    let stem = path.strip_suffix(".html").unwrap_or(path);
    PagePath::new(format!("{stem}-{number}.html"))
}

/// How many pages `items` items take, `per_page` a page (at least one).
pub fn page_count(items: usize, per_page: usize) -> usize {
    items.div_ceil(per_page).max(1)
}

/// The items of page `number` (1-based).
pub fn page_items(items: usize, per_page: usize, number: usize) -> Range<usize> {
    let start = (number.saturating_sub(1) * per_page).min(items);
    start..(start + per_page).min(items)
}

/// The title of page `number` of `count`: `Sources`, or `Sources (2/10)`.
pub fn title(name: &str, number: usize, count: usize) -> String {
    if count <= 1 {
        name.to_string()
    } else {
        format!("{name} ({number}/{count})")
    }
}

/// The links between the pages of a list, as a template shows them.
#[derive(Debug, Serialize)]
pub struct Pager {
    /// Every page, by number: `href`, `label` (the number) and whether it is this one.
    pub pages: Vec<PagerLink>,
    /// The page before, if any.
    pub previous: Option<String>,
    /// The page after, if any.
    pub next: Option<String>,
}

/// A link to a page of a list.
#[derive(Debug, Serialize)]
pub struct PagerLink {
    /// Relative href.
    pub href: String,
    /// The page's number.
    pub label: String,
    /// Whether it is the page being shown.
    pub current: bool,
}

/// The pager of page `number` of `count` pages of the list whose first page is `first`;
/// `None` when the list fits on one page.
pub fn pager(first: &PagePath, number: usize, count: usize) -> Option<Pager> {
    if count <= 1 {
        return None;
    }
    let here = page_path(first, number);
    let link = |n: usize| href(&here, &page_path(first, n), None);
    Some(Pager {
        pages: (1..=count)
            .map(|n| PagerLink {
                href: link(n),
                label: n.to_string(),
                current: n == number,
            })
            .collect(),
        previous: (number > 1).then(|| link(number - 1)),
        next: (number < count).then(|| link(number + 1)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_sit_beside_the_first() {
        let first = PagePath::section("sources");
        assert_eq!(page_path(&first, 1), first);
        assert_eq!(page_path(&first, 3).as_str(), "sources/index-3.html");
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(21, 10), 3);
        assert_eq!(page_items(21, 10, 3), 20..21);
        let pager = pager(&first, 2, 3).expect("three pages");
        assert_eq!(pager.previous.as_deref(), Some("index.html"));
        assert_eq!(pager.next.as_deref(), Some("index-3.html"));
        assert!(pager.pages[1].current);
    }
}
