//! From raw documents to the resolved [`Dossier`]: ids, dates, citations, wiki-links,
//! mentions. Every problem is collected; the dossier is returned only when there is no
//! error.

mod entities;
mod memo;
mod references;

use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::body::{self, BodyScan};
use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::load::{RawActor, RawProject};
use crate::mentions::MentionMatcher;
use crate::model::{Actor, Dossier, Event, Mention, Source, Target, is_valid_id, slugify};
use references::{Entry, Resolver};

pub use memo::BodyMemo;

/// Checks and resolves a project. Returns the dossier when no error was found (warnings
/// are allowed; the caller decides about `--strict`).
pub fn validate(raw: RawProject, diagnostics: &mut Diagnostics) -> Option<Dossier> {
    validate_with(raw, None, diagnostics)
}

/// [`validate`], reusing what `memo` remembers of the bodies of files that were not read
/// again since the last run, and remembering this run's.
pub fn validate_with(
    raw: RawProject,
    memo: Option<&BodyMemo>,
    diagnostics: &mut Diagnostics,
) -> Option<Dossier> {
    let RawProject {
        dossier,
        mut sources,
        mut actors,
        events,
        ..
    } = raw;

    // Sort for a stable order: sources by date, actors by id, events by date.
    sources.sort_by(|a, b| {
        let date = |s: &crate::load::RawSource| s.published.as_ref().map(|d| d.value);
        (date(a), &a.id).cmp(&(date(b), &b.id))
    });
    actors.sort_by(|a, b| a.id.cmp(&b.id));
    let mut event_files: Vec<Arc<SourceFile>> = Vec::new();
    for event in &events {
        if !event_files
            .last()
            .is_some_and(|f| Arc::ptr_eq(f, &event.file))
        {
            event_files.push(Arc::clone(&event.file));
        }
    }
    let mut events: Vec<(String, Arc<crate::load::RawEvent>)> = events
        .into_iter()
        .filter_map(|event| event_id(&event, diagnostics).map(|id| (id, event)))
        .collect();
    events.sort_by(|a, b| (a.1.date.value, &a.0).cmp(&(b.1.date.value, &b.0)));

    let scans: Vec<Arc<BodyScan>> = sources
        .par_iter()
        .map(|s| match memo {
            Some(memo) => memo.scan(&s.file, &s.body),
            None => Arc::new(body::scan(&s.body)),
        })
        .collect();
    if let Some(memo) = memo {
        memo.keep_only(sources.iter().map(|s| &s.file));
    }
    let files: Vec<Arc<SourceFile>> = sources.iter().map(|s| Arc::clone(&s.file)).collect();

    // One namespace for every id.
    let mut ids: HashMap<String, Entry> = HashMap::default();
    let mut owners: HashMap<String, Arc<SourceFile>> = HashMap::default();
    let mut claim = |id: &str,
                     entry: Entry,
                     file: &Arc<SourceFile>,
                     span: Span,
                     diagnostics: &mut Diagnostics| {
        if let Some(first) = owners.get(id) {
            diagnostics
                .error(
                    file,
                    span,
                    format!("the id '{id}' is already used by {}", first.path.display()),
                )
                .hint =
                Some("ids are shared by sources, actors and events: rename one of them".into());
            false
        } else {
            owners.insert(id.to_string(), Arc::clone(file));
            ids.insert(id.to_string(), entry);
            true
        }
    };
    for (index, source) in sources.iter().enumerate() {
        let entry = Entry {
            target: Target::Source(index),
            paragraphs: u32::try_from(scans[index].paragraphs.len()).unwrap_or(u32::MAX),
            actor_kind: None,
        };
        claim(
            &source.id,
            entry,
            &source.file,
            Span::new(0, 0),
            diagnostics,
        );
    }
    for (index, actor) in actors.iter().enumerate() {
        let entry = Entry {
            target: Target::Actor(index),
            paragraphs: 0,
            actor_kind: actor.kind.as_ref().map(|k| k.value),
        };
        claim(&actor.id, entry, &actor.file, Span::new(0, 0), diagnostics);
    }
    for (index, (id, event)) in events.iter().enumerate() {
        let span = event.id.as_ref().map_or(event.span, |i| i.span);
        let entry = Entry {
            target: Target::Event(index),
            paragraphs: 0,
            actor_kind: None,
        };
        claim(id, entry, &event.file, span, diagnostics);
    }

    let mut resolver = Resolver::new(&ids, memo);
    let meta = dossier
        .as_ref()
        .map(|d| entities::meta(d, &mut resolver, diagnostics))
        .unwrap_or_default();
    // Sources and events are many and independent: resolved in parallel, each with a
    // resolver and diagnostics of its own, merged after.
    let sources: Vec<_> = sources
        .into_par_iter()
        .zip(&scans)
        .enumerate()
        .map(|(index, (raw, scan))| {
            let paragraphs = Arc::clone(&scan.paragraphs);
            resolved(&ids, memo, |resolver, found| {
                entities::source(
                    index,
                    raw,
                    paragraphs,
                    &scan.links,
                    meta.language,
                    resolver,
                    found,
                )
            })
        })
        .collect();
    let sources = merge(sources, &mut resolver, diagnostics);
    let raw_actors = actors;
    let actors: Vec<_> = raw_actors
        .iter()
        .enumerate()
        .map(|(index, raw)| entities::actor(index, raw, &mut resolver, diagnostics))
        .collect();
    // Events resolve the same as long as their files and the ids they can point at do:
    // the preview reuses them when only the text of sources changed.
    let resolve_events = || -> Resolved<Vec<Event>> {
        let per_event: Vec<_> = events
            .into_par_iter()
            .enumerate()
            .map(|(index, (id, raw))| {
                resolved(&ids, memo, |resolver, found| {
                    entities::event(index, id, &raw, resolver, found)
                })
            })
            .collect();
        let (mut all, mut found) = (Resolver::new(&ids, None), Diagnostics::default());
        let events = merge(per_event, &mut all, &mut found);
        (events, all.references, found)
    };
    let (events, event_references, found) = match memo {
        Some(memo) => memo.events(&event_files, fingerprint(&ids), resolve_events),
        None => resolve_events(),
    };
    resolver.references.extend(event_references);
    diagnostics.extend(found);
    let mut references = resolver.references;
    references.sort();
    references.dedup();

    let bodies = Bodies {
        sources: &sources,
        files: &files,
        scans: &scans,
        memo,
    };
    let mentions = find_mentions(&bodies, &actors, &raw_actors, diagnostics);
    if let Some(memo) = memo {
        memo.end_run();
    }
    if diagnostics.error_count() > 0 {
        return None;
    }
    let ids = ids
        .into_iter()
        .map(|(id, entry)| (id, entry.target))
        .collect();
    Some(Dossier {
        meta,
        sources,
        actors,
        events,
        mentions,
        references,
        ids,
    })
}

/// What one entity resolved to, with the references and diagnostics found on the way.
pub type Resolved<T> = (T, Vec<crate::model::Reference>, Diagnostics);

/// A key of every id and what the resolver knows of it: what resolves against one index
/// resolves the same against another with the same key.
fn fingerprint(ids: &HashMap<String, Entry>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut sorted: Vec<(&String, &Entry)> = ids.iter().collect();
    sorted.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut hasher = rustc_hash::FxHasher::default();
    sorted.hash(&mut hasher);
    hasher.finish()
}

/// Resolves one entity with a resolver of its own.
fn resolved<T>(
    ids: &HashMap<String, Entry>,
    memo: Option<&BodyMemo>,
    resolve: impl FnOnce(&mut Resolver<'_>, &mut Diagnostics) -> T,
) -> Resolved<T> {
    let mut resolver = Resolver::new(ids, memo);
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
        None => Some(slugify(
            &format!("{} {}", event.date.value, event.title.value),
            80,
        )),
    }
}

/// The sources' bodies and what is known of them, for finding mentions.
struct Bodies<'a> {
    sources: &'a [Source],
    files: &'a [Arc<SourceFile>],
    scans: &'a [Arc<BodyScan>],
    memo: Option<&'a BodyMemo>,
}

fn find_mentions(
    bodies: &Bodies<'_>,
    actors: &[Actor],
    raw_actors: &[RawActor],
    diagnostics: &mut Diagnostics,
) -> Vec<Mention> {
    let names = actors.iter().enumerate().map(|(index, actor)| {
        (
            index,
            std::iter::once(actor.name.as_str())
                .chain(actor.aliases.iter().map(String::as_str))
                .collect(),
        )
    });
    let (matcher, shared) = MentionMatcher::new(names);
    for name in shared {
        let raw = &raw_actors[name.also];
        let span = raw
            .name
            .iter()
            .chain(&raw.aliases)
            .find(|w| w.value.trim() == name.name)
            .map_or(Span::new(0, 0), |w| w.span);
        let keeper = &actors[name.kept_by].id;
        diagnostics
            .warning(
                &raw.file,
                span,
                format!(
                    "'{}' is a name of both '{keeper}' and '{}'",
                    name.name, raw.id
                ),
            )
            .hint = Some(format!(
            "mentions of '{}' go to '{keeper}'; remove the alias from one of the two",
            name.name
        ));
    }
    let names = names_key(actors);
    let per_source: Vec<Vec<Mention>> = bodies
        .sources
        .par_iter()
        .enumerate()
        .map(|(source, s)| {
            let find = || matcher.find_in_runs(&s.body, &bodies.scans[source].runs);
            let found = match bodies.memo {
                Some(memo) => memo.mentions(&bodies.files[source], names, find),
                None => Arc::new(find()),
            };
            found
                .iter()
                .cloned()
                .map(|found| Mention {
                    source,
                    paragraph: found.paragraph,
                    range: found.range,
                    actor: found.actor,
                })
                .collect()
        })
        .collect();
    per_source.into_iter().flatten().collect()
}

/// A key of every actor's names, in order: mentions found with other names are stale.
fn names_key(actors: &[Actor]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for actor in actors {
        actor.name.hash(&mut hasher);
        actor.aliases.hash(&mut hasher);
    }
    hasher.finish()
}
