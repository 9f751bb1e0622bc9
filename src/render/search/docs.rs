//! The documents of the search index, block by block: what a result shows (title,
//! address, date, the texts its excerpt is taken from), and the same texts for the words.

use serde::Serialize;

use super::Items;
use crate::labels::{actor_kind, date_span};
use crate::plain_text::plain;
use crate::render::Site;
use crate::render::links::{PagePath, event_anchor};
use crate::render::periods;

/// A source in a block: its title, then each paragraph, are documents.
#[derive(Serialize)]
struct SourceEntry<'a> {
    /// Title.
    t: &'a str,
    /// Path from the root.
    u: String,
    /// Date in words.
    d: String,
    /// Paragraphs' text, `p[0]` being `#p1`.
    p: Vec<&'a str>,
}

/// An actor or an event in a block: one document.
#[derive(Serialize)]
struct Entry<'a> {
    /// Kind of document: 2 an actor, 3 an event.
    k: u32,
    /// Name or title.
    t: &'a str,
    /// Path from the root.
    u: String,
    /// Kind of actor, or date, in words.
    d: String,
    /// The other texts searched: aliases and summary, or description.
    f: Vec<String>,
}

/// Calls `each(kind, first field, other fields)` for every document of `items`, in
/// order (kinds as in [`super::terms::flags`]).
pub fn for_each_document(site: &Site<'_>, items: &Items, each: &mut dyn FnMut(u32, &str, &[&str])) {
    let d = site.dossier;
    match items {
        Items::Sources(range) => {
            for source in &d.sources[range.clone()] {
                each(0, &source.title, &[]);
                for paragraph in source.paragraphs.iter() {
                    each(1, &paragraph.text, &[]);
                }
            }
        }
        Items::Actors(range) => {
            for actor in &d.actors[range.clone()] {
                let summary = actor.summary.as_deref().map(|s| plain(s, d));
                let mut fields: Vec<&str> = actor.aliases.iter().map(String::as_str).collect();
                fields.extend(summary.as_deref());
                each(2, &actor.name, &fields);
            }
        }
        Items::Events(range) => {
            for event in &d.events[range.clone()] {
                let description = event.description.as_deref().map(|s| plain(s, d));
                each(
                    3,
                    &event.title,
                    description
                        .as_slice()
                        .iter()
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .as_slice(),
                );
            }
        }
    }
}

/// Writes block `index` as `DOSSIER_SEARCH_DOCS(index, [entries…]);`.
pub fn write_block(
    site: &Site<'_>,
    index: usize,
    items: &Items,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    let d = site.dossier;
    let language = site.language;
    write!(out, "DOSSIER_SEARCH_DOCS({index},")?;
    match items {
        Items::Sources(range) => {
            let entries: Vec<SourceEntry<'_>> = d.sources[range.clone()]
                .iter()
                .map(|s| SourceEntry {
                    t: &s.title,
                    u: PagePath::source(&s.id).to_string(),
                    d: s.published.human(language),
                    p: s.paragraphs.iter().map(|p| p.text.as_str()).collect(),
                })
                .collect();
            serde_json::to_writer(&mut *out, &entries)?;
        }
        Items::Actors(range) => {
            let entries: Vec<Entry<'_>> = d.actors[range.clone()]
                .iter()
                .map(|a| {
                    let mut f = a.aliases.clone();
                    f.extend(a.summary.as_deref().map(|s| plain(s, d)));
                    Entry {
                        k: 2,
                        t: &a.name,
                        u: PagePath::actor(&a.id).to_string(),
                        d: actor_kind(a.kind, language).to_string(),
                        f,
                    }
                })
                .collect();
            serde_json::to_writer(&mut *out, &entries)?;
        }
        Items::Events(range) => {
            let entries: Vec<Entry<'_>> = range
                .clone()
                .map(|i| {
                    let e = &d.events[i];
                    Entry {
                        k: 3,
                        t: &e.title,
                        u: format!("{}#{}", periods::event_page(d, i), event_anchor(&e.id)),
                        d: date_span(&e.date, e.end.as_ref(), e.approximate, language),
                        f: e.description
                            .as_deref()
                            .map(|s| plain(s, d))
                            .into_iter()
                            .collect(),
                    }
                })
                .collect();
            serde_json::to_writer(&mut *out, &entries)?;
        }
    }
    out.write_all(b");\n")
}
