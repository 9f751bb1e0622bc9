//! From raw documents to the resolved [`Dossier`]: ids, dates, citations, wiki-links,
//! mentions. Every problem is collected; the dossier is returned only when there is no
//! error.

mod entities;
mod references;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::load::{RawActor, RawProject};
use crate::mentions::MentionMatcher;
use crate::model::{Actor, Dossier, Mention, Source, Target, is_valid_id, slugify};
use crate::paragraphs::number_blocks;
use references::{Entry, Resolver};

/// Checks and resolves a project. Returns the dossier when no error was found (warnings
/// are allowed; the caller decides about `--strict`).
pub fn validate(raw: RawProject, diagnostics: &mut Diagnostics) -> Option<Dossier> {
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
    let mut events: Vec<(String, crate::load::RawEvent)> = events
        .into_iter()
        .filter_map(|event| event_id(&event, diagnostics).map(|id| (id, event)))
        .collect();
    events.sort_by(|a, b| (a.1.date.value, &a.0).cmp(&(b.1.date.value, &b.0)));

    let paragraphs: Vec<_> = sources.par_iter().map(|s| number_blocks(&s.body)).collect();

    // One namespace for every id.
    let mut ids: BTreeMap<String, Entry> = BTreeMap::new();
    let mut owners: BTreeMap<String, Arc<SourceFile>> = BTreeMap::new();
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
            paragraphs: u32::try_from(paragraphs[index].len()).unwrap_or(u32::MAX),
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

    let mut resolver = Resolver {
        ids: &ids,
        references: Vec::new(),
    };
    let meta = dossier
        .as_ref()
        .map(|d| entities::meta(d, &mut resolver, diagnostics))
        .unwrap_or_default();
    let sources: Vec<_> = sources
        .into_iter()
        .zip(paragraphs)
        .enumerate()
        .map(|(index, (raw, paragraphs))| {
            entities::source(
                index,
                raw,
                paragraphs,
                meta.language,
                &mut resolver,
                diagnostics,
            )
        })
        .collect();
    let raw_actors = actors;
    let actors: Vec<_> = raw_actors
        .iter()
        .enumerate()
        .map(|(index, raw)| entities::actor(index, raw, &mut resolver, diagnostics))
        .collect();
    let events: Vec<_> = events
        .into_iter()
        .enumerate()
        .map(|(index, (id, raw))| entities::event(index, id, &raw, &mut resolver, diagnostics))
        .collect();
    let mut references = resolver.references;
    references.sort();
    references.dedup();

    let mentions = find_mentions(&sources, &actors, &raw_actors, diagnostics);
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

fn find_mentions(
    sources: &[Source],
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
    let per_source: Vec<Vec<Mention>> = sources
        .par_iter()
        .enumerate()
        .map(|(source, s)| {
            matcher
                .find_in_body(&s.body)
                .into_iter()
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
