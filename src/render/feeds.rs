//! `atom.xml` (the sources, newest first) and `sitemap.xml`, written only when the
//! dossier has a `base_url`: these are the only absolute addresses of the site.

use std::fmt::Write;

use super::Site;
use super::links::PagePath;
use crate::escape;
use crate::model::Date;

/// How many sources the feed carries.
const FEED_ENTRIES: usize = 50;

/// A date as an RFC 3339 timestamp (the first day of a partial date, at midnight UTC).
fn timestamp(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}T00:00:00Z",
        date.year,
        date.month.unwrap_or(1),
        date.day.unwrap_or(1)
    )
}

/// The Atom feed of the sources, newest first, in the dossier's language (each entry in
/// its source's). Its date is the dossier's `updated`, or the newest source's, never the
/// time of the build.
pub fn atom(site: &Site<'_>, base: &str) -> String {
    let d = site.dossier;
    let newest = d.sources.iter().map(|s| s.published).max();
    let updated = d
        .meta
        .updated
        .or(newest)
        .map_or_else(|| "1970-01-01T00:00:00Z".to_string(), timestamp);
    let mut xml = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n",
        d.meta.language.word()
    );
    let _ = writeln!(xml, "  <title>{}</title>", escape::xml(&d.meta.title));
    let _ = writeln!(xml, "  <link href=\"{}/\"/>", escape::xml(base));
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" href=\"{}/atom.xml\"/>",
        escape::xml(base)
    );
    let _ = writeln!(
        xml,
        "  <id>{}/</id>\n  <updated>{updated}</updated>",
        escape::xml(base)
    );
    if d.meta.authors.is_empty() {
        let _ = writeln!(
            xml,
            "  <author><name>{}</name></author>",
            escape::xml(&d.meta.title)
        );
    }
    for author in &d.meta.authors {
        let _ = writeln!(
            xml,
            "  <author><name>{}</name></author>",
            escape::xml(author)
        );
    }
    for source in d.sources.iter().rev().take(FEED_ENTRIES) {
        let url = format!("{base}/{}", PagePath::source(&source.id).pretty());
        let summary = source.paragraphs.first().map_or("", |p| p.text.as_str());
        let _ = writeln!(
            xml,
            "  <entry xml:lang=\"{}\">",
            escape::xml(source.language.as_str())
        );
        let _ = writeln!(xml, "    <title>{}</title>", escape::xml(&source.title));
        let _ = writeln!(
            xml,
            "    <link href=\"{}\"/>\n    <id>{}</id>",
            escape::xml(&url),
            escape::xml(&url)
        );
        let _ = writeln!(
            xml,
            "    <updated>{}</updated>",
            timestamp(source.published)
        );
        let _ = writeln!(xml, "    <summary>{}</summary>", escape::xml(summary));
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// Every page of the site, by absolute address.
pub fn sitemap(site: &Site<'_>, base: &str) -> String {
    let d = site.dossier;
    let mut pages = vec![PagePath::home()];
    pages.extend(
        [
            "sources",
            "actors",
            "chronology",
            "tags",
            "search",
            "briefing",
        ]
        .map(PagePath::section),
    );
    pages.extend(d.sources.iter().map(|s| PagePath::source(&s.id)));
    pages.extend(d.actors.iter().map(|a| PagePath::actor(&a.id)));
    pages.extend(site.cross.tags.keys().map(|slug| PagePath::tag(slug)));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for page in pages {
        let _ = writeln!(
            xml,
            "  <url><loc>{}</loc></url>",
            escape::xml(&format!("{base}/{}", page.pretty()))
        );
    }
    xml.push_str("</urlset>\n");
    xml
}
