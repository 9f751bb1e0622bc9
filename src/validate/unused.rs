//! Warnings for what the dossier holds but never uses: an actor that no source mentions
//! and no event names, a source that nothing cites. They are found also while there are
//! errors, as long as every citation and every name could be read and resolved.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostics::{Diagnostics, Span};
use crate::load::{RawActor, RawDossier, RawEvent, RawSource};
use crate::model::{Actor, Event, Mention, Reference, Referrer, Source, Target};

/// The keys whose values cite a source or name an actor: while one of them could not be
/// read, what it cites or names is unknown.
const REFERRING_KEYS: &[&str] = &[
    "name",
    "aliases",
    "actors",
    "place",
    "sources",
    "description",
    "summary",
    "note",
    "text",
    "key_judgments",
    "relations",
];

/// The documents as written, to tell whether every citation and name was read.
pub struct Written<'a> {
    /// Whether a file could not be read at all (a source, an actor, an events file…).
    pub files_lost: bool,
    /// `dossier.yaml`, when it could be read.
    pub dossier: Option<&'a RawDossier>,
    /// The sources.
    pub sources: &'a [Arc<RawSource>],
    /// The actors.
    pub actors: &'a [Arc<RawActor>],
    /// The events, with their ids.
    pub events: &'a [(String, Arc<RawEvent>)],
}

impl Written<'_> {
    /// Whether a citation or a name may have been written but not read.
    pub fn lost_references(&self) -> bool {
        if self.files_lost {
            return true;
        }
        let dossier = self.dossier.is_some_and(|d| {
            d.unread.any(REFERRING_KEYS)
                || d.key_judgments.iter().any(|j| j.unread.any(REFERRING_KEYS))
        });
        dossier
            || self.sources.iter().any(|s| s.unread.any(REFERRING_KEYS))
            || self.actors.iter().any(|a| {
                a.unread.any(REFERRING_KEYS)
                    || a.relations.iter().any(|r| r.unread.any(REFERRING_KEYS))
            })
            || self
                .events
                .iter()
                .any(|(_, e)| e.unread.any(REFERRING_KEYS))
    }
}

/// What the dossier's parts use of each other, resolved.
pub struct Used<'a> {
    /// The sources.
    pub sources: &'a [Source],
    /// The actors.
    pub actors: &'a [Actor],
    /// The events.
    pub events: &'a [Event],
    /// Every mention of an actor in a source.
    pub mentions: &'a [Mention],
    /// Every reference resolved.
    pub references: &'a [Reference],
}

/// [`check`], unless a citation or a name was written but not read or not resolved:
/// then what is unused is not known.
pub fn check_when_known(used: &Used<'_>, written: &Written<'_>, diagnostics: &mut Diagnostics) {
    if !diagnostics.has_unresolved() && !written.lost_references() {
        check(used, written.sources, written.actors, diagnostics);
    }
}

impl<'a> Used<'a> {
    /// The parts, in the order of the fields.
    pub fn of(
        sources: &'a [Source],
        actors: &'a [Actor],
        events: &'a [Event],
        mentions: &'a [Mention],
        references: &'a [Reference],
    ) -> Self {
        Self {
            sources,
            actors,
            events,
            mentions,
            references,
        }
    }
}

/// Warns about the unused actors and sources, at their files.
pub fn check(
    used: &Used<'_>,
    sources: &[Arc<RawSource>],
    actors: &[Arc<RawActor>],
    diagnostics: &mut Diagnostics,
) {
    let mut mentioned = vec![false; used.actors.len()];
    for mention in used.mentions {
        mentioned[mention.actor] = true;
    }
    for event in used.events {
        for &actor in event.actors.iter().chain(&event.place) {
            mentioned[actor] = true;
        }
    }
    let mut cited = vec![false; used.sources.len()];
    for reference in used.references {
        if let Target::Source(source) = reference.to
            && reference.from != Referrer::Source(source)
        {
            cited[source] = true;
        }
    }
    let raw_actors: HashMap<&str, &RawActor> =
        actors.iter().map(|a| (a.id.as_str(), &**a)).collect();
    for (actor, _) in used.actors.iter().zip(&mentioned).filter(|(_, m)| !**m) {
        let Some(raw) = raw_actors.get(actor.id.as_str()) else {
            continue;
        };
        let span = raw.name.as_ref().map_or(Span::new(0, 0), |n| n.span);
        diagnostics
            .warning(
                &raw.file,
                span,
                format!(
                    "'{}' is mentioned in no source and named in no event",
                    actor.id
                ),
            )
            .hint = Some(
            "add the name under which the sources write it to `aliases`, or name it in an \
             event's `actors`"
                .into(),
        );
    }
    let raw_sources: HashMap<&str, &RawSource> =
        sources.iter().map(|s| (s.id.as_str(), &**s)).collect();
    for (source, _) in used.sources.iter().zip(&cited).filter(|(_, c)| !**c) {
        let Some(raw) = raw_sources.get(source.id.as_str()) else {
            continue;
        };
        let span = raw.title.as_ref().map_or(Span::new(0, 0), |t| t.span);
        diagnostics
            .warning(
                &raw.file,
                span,
                format!("no event, judgment or text cites '{}'", source.id),
            )
            .hint = Some(format!(
            "cite it where it is used: `sources: [{}#p1]` in an event, or [[{}]] in a text",
            source.id, source.id
        ));
    }
}
