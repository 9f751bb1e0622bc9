//! The one helper for internal links: where each page lives in the output, and the
//! relative href from one page to another.
//!
//! Every internal link of the site is relative and names a file, never a folder: a link
//! to a profile is `../actors/niger/index.html`, not `../actors/niger/`. Browsers open
//! `index.html` for a folder only when a server is involved; written out in full, the
//! same link works from `file://`, at a domain root and under a sub-path, unchanged.

use crate::model::{Dossier, Target};

/// The path of a page or file in the output, relative to its root, with `/` separators
/// (`sources/ru-base-101/index.html`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PagePath(String);

impl PagePath {
    /// A path in the output; `path` must be relative, with `/` separators.
    pub fn new(path: impl Into<String>) -> Self {
        Self(path.into())
    }

    /// The home page.
    pub fn home() -> Self {
        Self::new("index.html")
    }

    /// The page of a source.
    pub fn source(id: &str) -> Self {
        Self(["sources/", id, "/index.html"].concat())
    }

    /// The profile of an actor.
    pub fn actor(id: &str) -> Self {
        Self(["actors/", id, "/index.html"].concat())
    }

    /// The page of a tag, by its slug.
    pub fn tag(slug: &str) -> Self {
        Self(["tags/", slug, "/index.html"].concat())
    }

    /// An index page of a section (`sources`, `actors`, `chronology`, `tags`, `search`).
    pub fn section(name: &str) -> Self {
        Self([name, "/index.html"].concat())
    }

    /// A file under `assets/`.
    pub fn asset(name: &str) -> Self {
        Self(["assets/", name].concat())
    }

    /// The path as a string.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The path without a final `index.html`, as a site address would show it
    /// (`sources/x/`); the home page is the empty string.
    pub fn pretty(&self) -> &str {
        self.0.strip_suffix("index.html").unwrap_or(&self.0)
    }

    /// How many folders deep the page is (`index.html` is 0, `sources/x/index.html` 2).
    pub fn depth(&self) -> usize {
        self.0.matches('/').count()
    }
}

impl std::fmt::Display for PagePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The relative href from the page `from` to the file `to`, with an optional anchor.
///
/// ```
/// use dossier::render::links::{href, PagePath};
/// let from = PagePath::source("a");
/// assert_eq!(href(&from, &PagePath::actor("niger"), None), "../../actors/niger/index.html");
/// assert_eq!(href(&from, &PagePath::source("b"), Some("p3")), "../b/index.html#p3");
/// assert_eq!(href(&from, &from, Some("p3")), "#p3");
/// assert_eq!(href(&PagePath::home(), &PagePath::asset("style.css"), None), "assets/style.css");
/// ```
pub fn href(from: &PagePath, to: &PagePath, anchor: Option<&str>) -> String {
    let mut out = String::with_capacity(to.0.len() + 16);
    if from == to && anchor.is_some() {
        out.push('#');
        out.push_str(anchor.unwrap_or_default());
        return out;
    }
    // Folders of `from` shared with `to`, then one `../` per folder of `from` left.
    let from_dir = from.0.rfind('/').map_or("", |i| &from.0[..=i]);
    let mut common = 0;
    for (i, byte) in from_dir.bytes().enumerate() {
        if to.0.as_bytes().get(i) != Some(&byte) {
            break;
        }
        if byte == b'/' {
            common = i + 1;
        }
    }
    for _ in 0..from_dir[common..].matches('/').count() {
        out.push_str("../");
    }
    out.push_str(&to.0[common..]);
    if let Some(anchor) = anchor {
        out.push('#');
        out.push_str(anchor);
    }
    out
}

/// The relative prefix from a page to the root of the site: `""`, `"../"`, `"../../"`.
pub fn to_root(from: &PagePath) -> String {
    "../".repeat(from.depth())
}

/// The anchor of an event on its page of the chronology.
pub fn event_anchor(id: &str) -> String {
    ["e-", id].concat()
}

/// Where a target of a wiki-link or a citation lives: its page and anchor.
pub fn target(dossier: &Dossier, target: Target) -> (PagePath, Option<String>) {
    match target {
        Target::Source(i) => (PagePath::source(&dossier.sources[i].id), None),
        Target::Actor(i) => (PagePath::actor(&dossier.actors[i].id), None),
        Target::Event(i) => (
            super::periods::event_page(dossier, i),
            Some(event_anchor(&dossier.events[i].id)),
        ),
    }
}

/// The href from `from` to a target, at paragraph `paragraph` for a source.
pub fn target_href(
    dossier: &Dossier,
    from: &PagePath,
    to: Target,
    paragraph: Option<u32>,
) -> String {
    let (page, anchor) = target(dossier, to);
    let anchor = match (to, paragraph) {
        (Target::Source(_), Some(p)) => Some(crate::paragraphs::anchor(p)),
        _ => anchor,
    };
    href(from, &page, anchor.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_sections() {
        let home = PagePath::home();
        let actor = PagePath::actor("niger");
        assert_eq!(href(&home, &actor, None), "actors/niger/index.html");
        assert_eq!(href(&actor, &home, None), "../../index.html");
        assert_eq!(
            href(&actor, &PagePath::section("actors"), None),
            "../index.html"
        );
        assert_eq!(
            href(&PagePath::section("actors"), &actor, None),
            "niger/index.html"
        );
        assert_eq!(
            href(
                &PagePath::section("chronology"),
                &PagePath::source("x"),
                Some("p2")
            ),
            "../sources/x/index.html#p2"
        );
        assert_eq!(href(&actor, &actor, None), "index.html");
    }

    #[test]
    fn root_prefix_and_pretty_paths() {
        assert_eq!(to_root(&PagePath::home()), "");
        assert_eq!(to_root(&PagePath::tag("x")), "../../");
        assert_eq!(PagePath::tag("x").pretty(), "tags/x/");
        assert_eq!(PagePath::home().pretty(), "");
    }
}
