//! Relative links and images in the sources' texts that lead to no file of the site. A
//! browser resolves them from the source's page, `sources/ID/`, where the site has only
//! its own pages and what `static/` puts there: `![](images/map.png)` with the file in
//! `static/images/` is a broken image, which `check` says, with the path that works.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use crate::diagnostics::{Diagnostics, Span};
use crate::link_safety;
use crate::load::RawSource;
use crate::scan::BodyScan;

/// The folders of the site that hold its own pages (`sources/ID/`, `actors/ID/`…).
const PAGE_FOLDERS: [&str; 6] = [
    "sources",
    "actors",
    "chronology",
    "tags",
    "briefing",
    "search",
];

/// The folders and files of the site that a build writes besides its pages.
const GENERATED: [&str; 6] = [
    "assets",
    "exports",
    "dossier.json",
    "atom.xml",
    "sitemap.xml",
    "404.html",
];

/// Warns at each relative link or image of a source's text that no file of the site
/// answers: neither a file of `static/` nor, by its form, one of the site's pages.
pub fn check(
    root: &Path,
    sources: &[Arc<RawSource>],
    scans: &[Arc<BodyScan>],
    diagnostics: &mut Diagnostics,
) {
    let mut statics: Option<BTreeSet<String>> = None;
    for (source, scan) in sources.iter().zip(scans) {
        for link in scan.links.iter().filter(|l| !l.wiki) {
            let Some(path) = relative_path(&link.destination) else {
                continue;
            };
            let statics = statics.get_or_insert_with(|| static_files(root));
            let Some(problem) = problem(&source.id, &path, statics) else {
                continue;
            };
            let written = source
                .body
                .get(link.range.clone())
                .unwrap_or_default()
                .trim_end();
            let what = if written.starts_with('!') {
                "image"
            } else {
                "link"
            };
            let span = Span::new(source.body_offset + link.range.start, written.len());
            let message = match &problem {
                Problem::Outside => {
                    format!("the {what} `{path}` leads outside the site")
                }
                Problem::Missing(resolved) => format!(
                    "the {what} `{path}` leads to no file of the site: from the source's page it \
                     is `{resolved}`"
                ),
            };
            diagnostics.warning(&source.file, span, message).hint = Some(hint(&path, statics));
        }
    }
}

/// Why a relative path leads nowhere.
enum Problem {
    /// It climbs above the top of the site.
    Outside,
    /// The path from the top of the site, which holds no such file.
    Missing(String),
}

/// The path part of a relative address (no scheme, not from the root, not only an
/// anchor, not an e-mail address), without its query and anchor, percent-decoded.
fn relative_path(destination: &str) -> Option<String> {
    let destination = destination.trim();
    if destination.is_empty()
        || link_safety::scheme(destination).is_some()
        || destination.starts_with(['/', '#', '?'])
        // An e-mail autolink (`<someone@example.org>`), written `mailto:` on the page.
        || (destination.contains('@') && !destination.contains('/'))
    {
        return None;
    }
    let path = destination.split(['#', '?']).next().unwrap_or_default();
    let decoded = percent_encoding::percent_decode_str(path).decode_utf8_lossy();
    (!decoded.is_empty()).then(|| decoded.into_owned())
}

/// What is wrong with `path` written on the page of the source `id`, if anything.
fn problem(id: &str, path: &str, statics: &BTreeSet<String>) -> Option<Problem> {
    let mut segments = vec!["sources", id];
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                if segments.pop().is_none() {
                    return Some(Problem::Outside);
                }
            }
            other => segments.push(other),
        }
    }
    let resolved = segments.join("/");
    if statics.contains(&resolved) || is_site_own(&segments, path) {
        return None;
    }
    Some(Problem::Missing(resolved))
}

/// Whether the path, by its form, names one of the site's own pages or generated files
/// (whose ids are checked elsewhere, as wiki-links): a folder, an `.html` page, a
/// page's folder without extension, or a generated file.
fn is_site_own(segments: &[&str], written: &str) -> bool {
    let Some(first) = segments.first() else {
        return true;
    };
    let last = segments.last().copied().unwrap_or_default();
    written.ends_with('/')
        || Path::new(last)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("html"))
        || GENERATED.contains(first)
        || (PAGE_FOLDERS.contains(first) && !last.contains('.'))
}

/// The hint: the file of `static/` that the path probably meant, written from a source's
/// page, or how to place one.
fn hint(path: &str, statics: &BTreeSet<String>) -> String {
    let from_top: Vec<&str> = path
        .split('/')
        .filter(|s| !matches!(*s, "" | "." | ".."))
        .collect();
    let wanted = from_top.join("/");
    let name = from_top.last().copied().unwrap_or_default();
    let meant = statics.get(&wanted).or_else(|| {
        statics
            .iter()
            .find(|s| s.rsplit('/').next() == Some(name) && !name.is_empty())
    });
    match meant {
        Some(file) => format!(
            "static/{file} is `{file}` at the top of the site: from a source's page write \
             `../../{file}`"
        ),
        None => "put the file in static/ (copied to the top of the site) and write its path \
                 from the source's page (`../../images/photo.jpg` for static/images/photo.jpg), \
                 or write its full address (https://…)"
            .to_string(),
    }
}

/// The files of `static/`, as paths with `/` from its top.
fn static_files(root: &Path) -> BTreeSet<String> {
    let folder = root.join("static");
    walkdir::WalkDir::new(&folder)
        .follow_links(false)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            e.path()
                .strip_prefix(&folder)
                .ok()
                .and_then(Path::to_str)
                .map(|p| p.replace('\\', "/"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_resolve_from_the_source_page() {
        let statics: BTreeSet<String> = ["images/map.png".to_string()].into();
        assert!(problem("a", "../../images/map.png", &statics).is_none());
        assert!(matches!(
            problem("a", "images/map.png", &statics),
            Some(Problem::Missing(p)) if p == "sources/a/images/map.png"
        ));
        assert!(matches!(
            problem("a", "../../../map.png", &statics),
            Some(Problem::Outside)
        ));
        assert!(problem("a", "../../actors/someone/", &statics).is_none());
        assert!(problem("a", "../b/index.html", &statics).is_none());
        assert!(problem("a", "../b", &statics).is_none());
        assert!(problem("a", "../../exports/events.csv", &statics).is_none());
    }

    #[test]
    fn the_hint_names_the_static_file_meant() {
        let statics: BTreeSet<String> = ["images/map.png".to_string()].into();
        assert!(hint("images/map.png", &statics).contains("`../../images/map.png`"));
        assert!(hint("map.png", &statics).contains("`../../images/map.png`"));
        assert!(hint("other.png", &statics).starts_with("put the file in static/"));
    }
}
