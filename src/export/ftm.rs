//! `dossier.ftm.json`: `FollowTheMoney` entities, one JSON object per line, as Aleph and
//! `OpenAleph` import them (`ftm import`, `alephclient write-entities`).
//!
//! Actors become `Person`, `Organization`, `PublicBody` (states), `Address` (places) or
//! `LegalEntity`; sources `Article` or `Document` with their text; events `Event` with
//! the actors `involved`; relations `UnknownLink` with their type as the role. Ids are
//! the dossier's own, prefixed by what they name, so they stay the same across builds.
//! The Markdown fields (summaries, descriptions, notes) are written as plain text, with
//! wiki-links by name, as Aleph shows them as they are.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Actor, ActorKind, Date, Dossier, Event, Source, SourceKind};
use crate::plain_text::plain;

/// One entity: an id, a schema and its properties (every value a list of strings).
#[derive(Serialize)]
struct Entity {
    id: String,
    schema: &'static str,
    properties: BTreeMap<&'static str, Vec<String>>,
}

impl Entity {
    fn new(id: String, schema: &'static str) -> Self {
        Self {
            id,
            schema,
            properties: BTreeMap::new(),
        }
    }

    /// Adds a value, unless it is empty.
    fn set(&mut self, property: &'static str, value: impl Into<String>) {
        let value = value.into();
        let values = self.properties.entry(property).or_default();
        if !value.trim().is_empty() && !values.contains(&value) {
            values.push(value);
        }
    }

    fn set_date(&mut self, property: &'static str, date: Option<Date>) {
        if let Some(date) = date {
            self.set(property, date.iso());
        }
    }
}

fn actor_id(a: &Actor) -> String {
    format!("actor-{}", a.id)
}

fn source_id(s: &Source) -> String {
    format!("source-{}", s.id)
}

fn schema_of(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Person",
        ActorKind::Organization | ActorKind::Group | ActorKind::Media => "Organization",
        ActorKind::State => "PublicBody",
        ActorKind::Place => "Address",
        ActorKind::Other => "LegalEntity",
    }
}

fn actor(d: &Dossier, a: &Actor) -> Entity {
    let schema = schema_of(a.kind);
    let mut e = Entity::new(actor_id(a), schema);
    if schema == "Address" {
        e.set("full", &a.name);
    } else {
        e.set("name", &a.name);
        for alias in &a.aliases {
            e.set("alias", alias);
        }
    }
    if let Some(summary) = &a.summary {
        e.set("summary", plain(summary, d));
    }
    for link in &a.links {
        e.set("sourceUrl", &link.url);
    }
    for tag in &a.tags {
        e.set("keywords", tag);
    }
    e
}

fn source(s: &Source) -> Entity {
    let schema = match s.kind {
        SourceKind::Article => "Article",
        _ => "Document",
    };
    let mut e = Entity::new(source_id(s), schema);
    e.set("title", &s.title);
    e.set("publishedAt", s.published.iso());
    if let Some(outlet) = &s.outlet {
        e.set("publisher", outlet);
    }
    if let Some(author) = &s.author {
        e.set("author", author);
    }
    if let Some(url) = &s.url {
        e.set("sourceUrl", url);
    }
    if let Some(code) = s.language.iso639_3() {
        e.set("language", code);
    }
    e.set("bodyText", &*s.body);
    for tag in &s.tags {
        e.set("keywords", tag);
    }
    e
}

fn event(d: &Dossier, ev: &Event) -> Entity {
    let mut e = Entity::new(format!("event-{}", ev.id), "Event");
    e.set("name", &ev.title);
    e.set_date("startDate", Some(ev.date));
    e.set_date("endDate", ev.end);
    if let Some(description) = &ev.description {
        e.set("description", plain(description, d));
    }
    // FollowTheMoney involves legal entities in an event; a place is its address.
    for &a in &ev.actors {
        let actor = &d.actors[a];
        let property = if actor.kind == ActorKind::Place {
            "addressEntity"
        } else {
            "involved"
        };
        e.set(property, actor_id(actor));
    }
    if let Some(place) = ev.place {
        e.set("location", &d.actors[place].name);
        e.set("addressEntity", actor_id(&d.actors[place]));
    }
    for c in &ev.sources {
        e.set("proof", source_id(&d.sources[c.source]));
    }
    e
}

fn relations(d: &Dossier, out: &mut dyn FnMut(Entity)) {
    for a in &d.actors {
        for (index, r) in a.relations.iter().enumerate() {
            let mut e = Entity::new(format!("relation-{}-{}", a.id, index + 1), "UnknownLink");
            e.set("subject", actor_id(a));
            e.set("object", actor_id(&d.actors[r.to]));
            e.set("role", &r.kind);
            e.set_date("startDate", r.since);
            e.set_date("endDate", r.until);
            if let Some(note) = &r.note {
                e.set("description", plain(note, d));
            }
            for c in &r.sources {
                e.set("proof", source_id(&d.sources[c.source]));
            }
            out(e);
        }
    }
}

/// The bytes of `dossier.ftm.json`.
pub fn write(d: &Dossier) -> Vec<u8> {
    let mut bytes = Vec::new();
    // Writing into memory cannot fail.
    let _ = write_to(d, &mut bytes);
    bytes
}

/// Writes `dossier.ftm.json` to `out`, an entity at a time (the texts of the sources
/// are never all copied at once).
pub fn write_to(d: &Dossier, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut line = |entity: &Entity| -> std::io::Result<()> {
        serde_json::to_writer(&mut *out, entity)?;
        out.write_all(b"\n")
    };
    for a in &d.actors {
        line(&actor(d, a))?;
    }
    for s in &d.sources {
        line(&source(s))?;
    }
    for e in &d.events {
        line(&event(d, e))?;
    }
    let mut result = Ok(());
    relations(d, &mut |entity| {
        if result.is_ok() {
            result = line(&entity);
        }
    });
    result
}
