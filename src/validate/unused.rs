//! Warnings for what the dossier holds but never uses: an actor that no source mentions
//! and no event names, a source that nothing cites.

use std::collections::HashMap;
use std::sync::Arc;

use crate::diagnostics::{Diagnostics, Span};
use crate::load::{RawActor, RawSource};
use crate::model::{Dossier, Referrer, Target};

/// Warns about the unused actors and sources of a valid `dossier`, at their files.
pub fn check(
    dossier: &Dossier,
    sources: &[Arc<RawSource>],
    actors: &[Arc<RawActor>],
    diagnostics: &mut Diagnostics,
) {
    let mut mentioned = vec![false; dossier.actors.len()];
    for mention in &dossier.mentions {
        mentioned[mention.actor] = true;
    }
    for event in &*dossier.events {
        for &actor in event.actors.iter().chain(&event.place) {
            mentioned[actor] = true;
        }
    }
    let mut cited = vec![false; dossier.sources.len()];
    for reference in &dossier.references {
        if let Target::Source(source) = reference.to
            && reference.from != Referrer::Source(source)
        {
            cited[source] = true;
        }
    }
    let raw_actors: HashMap<&str, &RawActor> =
        actors.iter().map(|a| (a.id.as_str(), &**a)).collect();
    for (actor, _) in dossier.actors.iter().zip(&mentioned).filter(|(_, m)| !**m) {
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
    for (source, _) in dossier.sources.iter().zip(&cited).filter(|(_, c)| !**c) {
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
