//! From raw documents to the resolved [`Dossier`]: ids, dates, citations, wiki-links,
//! mentions. Every problem is collected; the dossier is returned only when there is no
//! error.

mod corroboration;
mod entities;
mod find_mentions;
mod html;
mod ids;
mod memo;
mod references;
mod reuse;
mod site_paths;
mod trust;
mod unused;

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{ActorNames, Diagnostics, SourceFile, Span};
use crate::load::{RawActor, RawEvent, RawProject, RawSource};
use crate::model::{Dossier, Event, Reference, Shared, Target, is_valid_id, slugify};
use crate::scan::BodyScan;
use ids::{Claim, IdIndex};
use references::{Entry, Resolver};

pub use memo::BodyMemo;
pub use reuse::{NoReuse, Reuse};

/// Checks and resolves a project. Returns the dossier when no error was found (warnings
/// are allowed; the caller decides about `--strict`).
pub fn validate(raw: RawProject, diagnostics: &mut Diagnostics) -> Option<Dossier> {
    validate_with(raw, &NoReuse, diagnostics)
}

/// [`validate`], taking from `reuse` what did not change since the last run (the
/// preview's [`BodyMemo`]), or working everything out ([`NoReuse`]).
pub fn validate_with(
    raw: RawProject,
    reuse: &dyn Reuse,
    diagnostics: &mut Diagnostics,
) -> Option<Dossier> {
    let unreadable = raw.unreadable.clone();
    let names: Vec<ActorNames> = raw
        .actors
        .iter()
        .map(|a| ActorNames {
            id: a.id.clone(),
            name: a.name.as_ref().map(|n| n.value.clone()).unwrap_or_default(),
            aliases: a.aliases.iter().map(|w| w.value.clone()).collect(),
        })
        .collect();
    let dossier = resolve(raw, reuse, diagnostics);
    diagnostics.fold_unreadable(&unreadable);
    diagnostics.fold_aliases();
    diagnostics.explain_unknown_ids(&names);
    dossier
}

/// [`validate_with`], before the citations of unreadable sources are folded into the
/// reasons why they are unreadable.
fn resolve(raw: RawProject, reuse: &dyn Reuse, diagnostics: &mut Diagnostics) -> Option<Dossier> {
    let RawProject {
        root,
        dossier,
        mut sources,
        mut actors,
        events,
        lock,
        unreadable,
        lost,
        ..
    } = raw;
    let (ordered, scans, index) =
        order_and_index(&events, &mut sources, &mut actors, reuse, diagnostics);
    let ids = &index.ids;

    let mut resolver = Resolver::new(ids, reuse);
    let meta = dossier
        .as_ref()
        .map(|d| entities::meta(d, &mut resolver, diagnostics))
        .unwrap_or_default();
    let resolved_sources =
        resolve_sources(&sources, &scans, meta.language, &mut resolver, diagnostics);
    site_paths::check(&root, &sources, &scans, diagnostics);
    if meta.allow_html {
        for (raw, scan) in sources.iter().zip(&scans) {
            html::check(raw, &scan.html, diagnostics);
        }
    }
    let raw_actors = actors;
    let actors: Vec<_> = raw_actors
        .iter()
        .enumerate()
        .map(|(index, raw)| entities::actor(index, raw, &mut resolver, diagnostics))
        .collect();
    let files: Vec<Arc<SourceFile>> = sources.iter().map(|s| Arc::clone(&s.file)).collect();
    let bodies = find_mentions::Bodies {
        sources: &resolved_sources,
        files: &files,
        scans: &scans,
        reuse,
    };
    let (events, event_references, mentions) = events_and_mentions(
        &ordered.events,
        &index,
        &bodies,
        (&actors, &raw_actors),
        diagnostics,
    );
    let support = trust::check(
        &trust::Claims {
            sources: &resolved_sources,
            raw_sources: &sources,
            raw_dossier: dossier.as_ref(),
            meta: &meta,
            events: &events,
            actors: &actors,
        },
        diagnostics,
    );
    if let Some(lock) = &lock {
        let events = &ordered.events;
        drift(
            lock,
            dossier.as_ref(),
            &sources,
            &raw_actors,
            events,
            &scans,
            diagnostics,
        );
    }
    // The events' references are many, and sorted already.
    let mut references = resolver.references;
    references.sort_unstable();
    let references = merge_sorted(&references, &event_references);
    let used = unused::Used::of(&resolved_sources, &actors, &events, &mentions, &references);
    let written = unused::Written {
        files_lost: lost || !unreadable.is_empty(),
        dossier: dossier.as_ref(),
        sources: &sources,
        actors: &raw_actors,
        events: &ordered.events,
    };
    unused::check_when_known(&used, &written, diagnostics);
    reuse.end_run();
    if diagnostics.error_count() > 0 {
        return None;
    }
    let ids = index.ordered();
    // What only the checks needed (the raw documents, the scans, the index) is freed
    // off the way of what comes next: one thread took 40 ms for 10,000 sources.
    rayon::spawn(move || drop((sources, raw_actors, scans, files, index, ordered)));
    let relations_touching = crate::model::relations_touching(&actors);
    Some(Dossier {
        meta,
        sources: resolved_sources,
        actors,
        relations_touching,
        events: Shared::from_arc(events),
        mentions,
        references,
        ids: Shared::from_arc(ids),
        support,
    })
}

/// The documents in order, the events with their ids, the scans of the bodies, and the
/// index of every id.
fn order_and_index(
    events: &[Arc<RawEvent>],
    sources: &mut [Arc<RawSource>],
    actors: &mut [Arc<RawActor>],
    reuse: &dyn Reuse,
    diagnostics: &mut Diagnostics,
) -> (Arc<OrderedEvents>, Vec<Arc<BodyScan>>, Arc<IdIndex>) {
    sort_documents(sources, actors);
    let (ordered, scans) = order_events_and_scan_bodies(events, sources, reuse);
    diagnostics.extend(ordered.diagnostics.clone());
    let index = index_ids(sources, &scans, actors, &ordered.events, reuse, diagnostics);
    (ordered, scans, index)
}

/// A stable order: sources by date, actors by id.
fn sort_documents(sources: &mut [Arc<RawSource>], actors: &mut [Arc<RawActor>]) {
    sources.sort_by(|a, b| {
        let date = |s: &RawSource| s.published.as_ref().map(|d| d.value);
        (date(a), &a.id).cmp(&(date(b), &b.id))
    });
    actors.sort_by(|a, b| a.id.cmp(&b.id));
}

/// The events in date order with their ids, and the scan of each source body. The same
/// files give the same events, in the same order, with the same ids. Ordering them is
/// one task, which runs beside the many scans of the bodies.
fn order_events_and_scan_bodies(
    events: &[Arc<RawEvent>],
    sources: &[Arc<RawSource>],
    reuse: &dyn Reuse,
) -> (Arc<OrderedEvents>, Vec<Arc<BodyScan>>) {
    let mut event_files: Vec<Arc<SourceFile>> = Vec::new();
    for event in events {
        if !event_files
            .last()
            .is_some_and(|f| Arc::ptr_eq(f, &event.file))
        {
            event_files.push(Arc::clone(&event.file));
        }
    }
    rayon::join(
        || reuse.ordered_events(&event_files, &|| order_events(events)),
        || {
            let bodies: Vec<_> = sources.iter().map(|s| (&s.file, &*s.body)).collect();
            reuse.scans(&bodies)
        },
    )
}

/// One namespace for every id: sources, actors and events claim theirs.
fn index_ids(
    sources: &[Arc<RawSource>],
    scans: &[Arc<BodyScan>],
    actors: &[Arc<RawActor>],
    events: &[(String, Arc<RawEvent>)],
    reuse: &dyn Reuse,
    diagnostics: &mut Diagnostics,
) -> Arc<IdIndex> {
    let claims = || -> reuse::Claims<'_> {
        let sources = sources.iter().zip(scans).enumerate();
        let sources = sources.map(|(index, (source, scan))| Claim {
            id: &source.id,
            entry: Entry {
                target: Target::Source(index),
                paragraphs: u32::try_from(scan.paragraphs.len()).unwrap_or(u32::MAX),
                actor_kind: None,
            },
            file: &source.file,
            span: Span::new(0, 0),
            generated: false,
        });
        let actors = actors.iter().enumerate().map(|(index, actor)| Claim {
            id: &actor.id,
            entry: Entry {
                target: Target::Actor(index),
                paragraphs: 0,
                actor_kind: actor.kind.as_ref().map(|k| k.value),
            },
            file: &actor.file,
            span: Span::new(0, 0),
            generated: false,
        });
        let events = events.iter().enumerate();
        let events = events.filter(|(_, (id, _))| !id.is_empty());
        let events = events.map(|(index, (id, event))| Claim {
            id,
            entry: Entry {
                target: Target::Event(index),
                paragraphs: 0,
                actor_kind: None,
            },
            file: &event.file,
            span: event.id.as_ref().map_or(event.span, |i| i.span),
            generated: event.id.is_none(),
        });
        Box::new(sources.chain(actors).chain(events))
    };
    reuse.id_index(&claims, diagnostics)
}

/// The sources, resolved. They are many and independent: resolved in parallel, each
/// with a resolver and diagnostics of its own, merged after.
fn resolve_sources(
    sources: &[Arc<RawSource>],
    scans: &[Arc<BodyScan>],
    language: crate::model::Language,
    resolver: &mut Resolver<'_>,
    diagnostics: &mut Diagnostics,
) -> Vec<crate::model::Source> {
    let (ids, reuse) = (resolver.ids, resolver.reuse);
    let each: Vec<_> = sources
        .par_iter()
        .zip(scans)
        .enumerate()
        .map(|(index, (raw, scan))| {
            let paragraphs = Arc::clone(&scan.paragraphs);
            resolved(ids, reuse, |resolver, found| {
                entities::source(
                    index,
                    raw,
                    paragraphs,
                    &scan.links,
                    language,
                    resolver,
                    found,
                )
            })
        })
        .collect();
    merge(each, resolver, diagnostics)
}

/// The events, resolved, with their references, and the mentions of the actors in the
/// bodies: the mentions do not depend on the events, so both are found at once.
fn events_and_mentions(
    events: &[(String, Arc<RawEvent>)],
    index: &IdIndex,
    bodies: &find_mentions::Bodies<'_>,
    (actors, raw_actors): (&[crate::model::Actor], &[Arc<RawActor>]),
    diagnostics: &mut Diagnostics,
) -> (Arc<Vec<Event>>, Vec<Reference>, Vec<crate::model::Mention>) {
    let (ids, reuse) = (&index.ids, bodies.reuse);
    // Events resolve the same as long as their files and the ids they can point at do:
    // the preview reuses them when only the text of sources changed.
    let resolve_events = || -> ResolvedEvents {
        let per_event: Vec<_> = events
            .par_iter()
            .enumerate()
            .map(|(index, (id, raw))| {
                resolved(ids, reuse, |resolver, found| {
                    entities::event(index, id.clone(), raw, resolver, found)
                })
            })
            .collect();
        let (mut all, mut found) = (Resolver::new(ids, &NoReuse), Diagnostics::default());
        let events = merge(per_event, &mut all, &mut found);
        let mut references = all.references;
        references.sort_unstable();
        references.dedup();
        (Arc::new(events), references, found)
    };
    let (events_resolved, (mentions, mentions_found)) = rayon::join(
        || reuse.events(index.generation, &resolve_events),
        || {
            let mut found = Diagnostics::default();
            let mentions = find_mentions::find(bodies, actors, raw_actors, &mut found);
            (mentions, found)
        },
    );
    let (events, event_references, found) = &*events_resolved;
    diagnostics.extend(found.clone());
    diagnostics.extend(mentions_found);
    (Arc::clone(events), event_references.clone(), mentions)
}

/// Checks the citations of paragraphs against `dossier.lock`.
fn drift(
    lock: &Arc<SourceFile>,
    dossier: Option<&crate::load::RawDossier>,
    sources: &[Arc<crate::load::RawSource>],
    actors: &[Arc<crate::load::RawActor>],
    events: &[(String, Arc<RawEvent>)],
    scans: &[Arc<BodyScan>],
    diagnostics: &mut Diagnostics,
) {
    let lock = crate::lock::parse(lock, diagnostics);
    let sites =
        crate::lock::sites::collect(dossier, sources, actors, events.iter().map(|(_, e)| &**e));
    let texts = sources
        .iter()
        .zip(scans)
        .map(|(s, scan)| {
            let text = crate::lock::drift::Text {
                body: &s.body,
                paragraphs: &scan.paragraphs,
                french: crate::lock::in_french(s, dossier),
            };
            (s.id.as_str(), text)
        })
        .collect();
    crate::lock::drift::check(&sites, &lock, &texts, diagnostics);
}

/// What one entity resolved to, with the references and diagnostics found on the way.
pub type Resolved<T> = (T, Vec<crate::model::Reference>, Diagnostics);

/// The union of two sorted lists of references, sorted, each once.
fn merge_sorted(a: &[Reference], b: &[Reference]) -> Vec<Reference> {
    let mut merged: Vec<Reference> = Vec::with_capacity(a.len() + b.len());
    let (mut a, mut b) = (a.iter().peekable(), b.iter().peekable());
    loop {
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if y < x => b.next(),
            (Some(_), _) => a.next(),
            (None, _) => b.next(),
        };
        let Some(&next) = next else {
            return merged;
        };
        if merged.last() != Some(&next) {
            merged.push(next);
        }
    }
}

/// The events, resolved, with their references (sorted, each once) and diagnostics.
pub type ResolvedEvents = Resolved<Arc<Vec<Event>>>;

/// Resolves one entity with a resolver of its own.
fn resolved<T>(
    ids: &HashMap<String, Entry>,
    reuse: &dyn Reuse,
    resolve: impl FnOnce(&mut Resolver<'_>, &mut Diagnostics) -> T,
) -> Resolved<T> {
    let mut resolver = Resolver::new(ids, reuse);
    let mut found = Diagnostics::default();
    let value = resolve(&mut resolver, &mut found);
    (value, resolver.references, found)
}

/// The entities, their references and diagnostics added to the others.
fn merge<T>(
    each: Vec<Resolved<T>>,
    resolver: &mut Resolver<'_>,
    diagnostics: &mut Diagnostics,
) -> Vec<T> {
    each.into_iter()
        .map(|(value, references, found)| {
            resolver.references.extend(references);
            diagnostics.extend(found);
            value
        })
        .collect()
}

/// The events of every file, with their ids, in date order, and what was wrong with
/// their ids.
#[derive(Debug, Default)]
pub struct OrderedEvents {
    /// Each event with its id, sorted by date then id.
    pub events: Vec<(String, Arc<RawEvent>)>,
    /// The invalid ids.
    pub diagnostics: Diagnostics,
}

fn order_events(events: &[Arc<RawEvent>]) -> OrderedEvents {
    let mut diagnostics = Diagnostics::default();
    // An event without an id (an invalid one, or none and no date or title to make it
    // of) is kept with an empty one, which claims nothing: the rest of it is checked.
    let mut events: Vec<(String, Arc<RawEvent>)> = events
        .iter()
        .map(|event| {
            let id = event_id(event, &mut diagnostics).unwrap_or_default();
            (id, Arc::clone(event))
        })
        .collect();
    let date = |event: &RawEvent| event.date.as_ref().map(|d| d.value);
    events.sort_by(|a, b| (date(&a.1), &a.0).cmp(&(date(&b.1), &b.0)));
    OrderedEvents {
        events,
        diagnostics,
    }
}

/// The id of an event: given, or `DATE-slug-of-title`.
fn event_id(event: &crate::load::RawEvent, diagnostics: &mut Diagnostics) -> Option<String> {
    match &event.id {
        Some(id) if is_valid_id(&id.value) => Some(id.value.clone()),
        Some(id) => {
            diagnostics
                .error(
                    &event.file,
                    id.span,
                    format!("`{}` is not a valid id", id.value),
                )
                .hint = Some(format!(
                "ids are lowercase letters, digits and `-`, 80 at most: e.g. `{}`",
                slugify(&id.value, 80)
            ));
            None
        }
        None => {
            let (date, title) = (event.date.as_ref()?, event.title.as_ref()?);
            Some(slugify(&format!("{} {}", date.value, title.value), 80))
        }
    }
}
