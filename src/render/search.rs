//! The search index: sources (paragraph by paragraph), actors (with aliases) and events,
//! written as a script (`assets/search-index.js`) that sets a global, so that search
//! works from `file://` where a page cannot fetch files. `assets/search.js` folds case
//! and accents on both sides (`armee` finds `armée`).

use serde::Serialize;

use super::Site;
use super::labels::date_span;
use super::links::{PagePath, event_anchor};
use super::text::plain;
use crate::render::labels::actor_kind;

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

#[derive(Serialize)]
struct ActorEntry<'a> {
    t: &'a str,
    u: String,
    /// Kind in words.
    k: &'static str,
    /// Aliases.
    a: &'a [String],
    /// Summary as plain text.
    x: String,
}

#[derive(Serialize)]
struct EventEntry<'a> {
    t: &'a str,
    u: String,
    d: String,
    x: String,
}

#[derive(Serialize)]
struct Index<'a> {
    sources: Vec<SourceEntry<'a>>,
    actors: Vec<ActorEntry<'a>>,
    events: Vec<EventEntry<'a>>,
}

/// Writes `assets/search-index.js`.
pub fn write(site: &Site<'_>, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let d = site.dossier;
    let language = site.language;
    let index = Index {
        sources: d
            .sources
            .iter()
            .map(|s| SourceEntry {
                t: &s.title,
                u: PagePath::source(&s.id).to_string(),
                d: s.published.human(language),
                p: s.paragraphs.iter().map(|p| p.text.as_str()).collect(),
            })
            .collect(),
        actors: d
            .actors
            .iter()
            .map(|a| ActorEntry {
                t: &a.name,
                u: PagePath::actor(&a.id).to_string(),
                k: actor_kind(a.kind, language),
                a: &a.aliases,
                x: a.summary
                    .as_deref()
                    .map(|s| plain(s, d))
                    .unwrap_or_default(),
            })
            .collect(),
        events: d
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| EventEntry {
                t: &e.title,
                u: format!(
                    "{}#{}",
                    super::periods::event_page(d, i),
                    event_anchor(&e.id)
                ),
                d: date_span(&e.date, e.end.as_ref(), e.approximate, language),
                x: e.description
                    .as_deref()
                    .map(|s| plain(s, d))
                    .unwrap_or_default(),
            })
            .collect(),
    };
    out.write_all(b"window.DOSSIER_SEARCH = ")?;
    serde_json::to_writer(&mut *out, &index)?;
    out.write_all(b";\n")
}
