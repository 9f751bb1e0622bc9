//! `dossier.json`: the whole resolved model, with ids instead of indexes, for reuse by
//! other tools: metadata, sources with their numbered paragraphs, actors, events,
//! mentions and every citation or wiki-link.

use serde::Serialize;

use super::links::PagePath;
use crate::model::{
    ActorKind, Citation, Confidence, Credibility, Date, Dossier, Language, LanguageTag, Reference,
    ReferenceKind, Referrer, Reliability, SourceKind, Support,
};

#[derive(Serialize)]
struct Model<'a> {
    meta: Meta<'a>,
    sources: Vec<Source<'a>>,
    actors: Vec<Actor<'a>>,
    events: Vec<Event<'a>>,
    mentions: Vec<Mention<'a>>,
    citations: Vec<Cites<'a>>,
}

#[derive(Serialize)]
struct Meta<'a> {
    title: &'a str,
    subtitle: Option<&'a str>,
    language: Language,
    summary: Option<&'a str>,
    key_judgments: Vec<Judgment<'a>>,
    authors: &'a [String],
    updated: Option<Date>,
    marking: Option<&'a str>,
    base_url: Option<&'a str>,
}

#[derive(Serialize)]
struct Judgment<'a> {
    text: &'a str,
    confidence: Confidence,
    sources: Vec<String>,
    corroboration: Support,
}

#[derive(Serialize)]
struct Paragraph<'a> {
    number: u32,
    text: &'a str,
    sha256: String,
}

#[derive(Serialize)]
struct Source<'a> {
    id: &'a str,
    page: String,
    title: &'a str,
    published: Date,
    outlet: Option<&'a str>,
    author: Option<&'a str>,
    url: Option<&'a str>,
    language: &'a LanguageTag,
    kind: SourceKind,
    reliability: Option<Reliability>,
    credibility: Option<Credibility>,
    grade: Option<String>,
    note: Option<&'a str>,
    tags: &'a [String],
    derived_from: Vec<&'a str>,
    sha256: &'a str,
    sha256_recorded: bool,
    paragraphs: Vec<Paragraph<'a>>,
}

#[derive(Serialize)]
struct Role<'a> {
    title: &'a str,
    of: Option<&'a str>,
    from: Option<Date>,
    to: Option<Date>,
}

#[derive(Serialize)]
struct Relation<'a> {
    to: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    since: Option<Date>,
    until: Option<Date>,
    sources: Vec<String>,
    corroboration: Support,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Link<'a> {
    label: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct Actor<'a> {
    id: &'a str,
    page: String,
    name: &'a str,
    kind: ActorKind,
    aliases: &'a [String],
    summary: Option<&'a str>,
    roles: Vec<Role<'a>>,
    relations: Vec<Relation<'a>>,
    links: Vec<Link<'a>>,
    tags: &'a [String],
}

#[derive(Serialize)]
struct Event<'a> {
    id: &'a str,
    date: Date,
    end: Option<Date>,
    approximate: bool,
    title: &'a str,
    description: Option<&'a str>,
    actors: Vec<&'a str>,
    place: Option<&'a str>,
    sources: Vec<String>,
    corroboration: Support,
    tags: &'a [String],
    key: bool,
}

#[derive(Serialize)]
struct Mention<'a> {
    source: &'a str,
    paragraph: Option<u32>,
    start: usize,
    end: usize,
    actor: &'a str,
    text: &'a str,
}

#[derive(Serialize)]
struct From<'a> {
    kind: &'static str,
    id: Option<&'a str>,
    index: Option<usize>,
}

#[derive(Serialize)]
struct Cites<'a> {
    from: From<'a>,
    to: &'a str,
    paragraphs: Option<(u32, u32)>,
    kind: &'static str,
}

fn citation(d: &Dossier, c: &Citation) -> String {
    d.citation_text(c)
}

fn referrer(d: &Dossier, r: Referrer) -> From<'_> {
    let (kind, id, index) = match r {
        Referrer::Dossier => ("dossier", None, None),
        Referrer::Judgment(k) => ("judgment", None, Some(k)),
        Referrer::Source(s) => ("source", Some(d.sources[s].id.as_str()), None),
        Referrer::Actor(a) => ("actor", Some(d.actors[a].id.as_str()), None),
        Referrer::Relation { actor, index } => {
            ("relation", Some(d.actors[actor].id.as_str()), Some(index))
        }
        Referrer::Event(e) => ("event", Some(d.events[e].id.as_str()), None),
    };
    From { kind, id, index }
}

fn cites<'a>(d: &'a Dossier, r: &Reference) -> Cites<'a> {
    Cites {
        from: referrer(d, r.from),
        to: d.id_of(r.to),
        paragraphs: r.paragraphs,
        kind: match r.kind {
            ReferenceKind::Citation => "citation",
            ReferenceKind::WikiLink => "wiki-link",
        },
    }
}

/// Writes `dossier.json`.
pub fn write(d: &Dossier, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let m = &d.meta;
    let actor_id = |i: usize| d.actors[i].id.as_str();
    let model = Model {
        meta: Meta {
            title: &m.title,
            subtitle: m.subtitle.as_deref(),
            language: m.language,
            summary: m.summary.as_deref(),
            key_judgments: m
                .key_judgments
                .iter()
                .enumerate()
                .map(|(i, j)| Judgment {
                    text: &j.text,
                    confidence: j.confidence,
                    sources: j.sources.iter().map(|c| citation(d, c)).collect(),
                    corroboration: d.support.judgment(i),
                })
                .collect(),
            authors: &m.authors,
            updated: m.updated,
            marking: m.marking.as_deref(),
            base_url: m.base_url.as_deref(),
        },
        sources: d.sources.iter().map(|s| source(d, s)).collect(),
        actors: d
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| actor(d, i, a))
            .collect(),
        events: d
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| event(d, i, e))
            .collect(),
        mentions: d
            .mentions
            .iter()
            .map(|mention| Mention {
                source: &d.sources[mention.source].id,
                paragraph: mention.paragraph,
                start: mention.range.start,
                end: mention.range.end,
                actor: actor_id(mention.actor),
                text: d.sources[mention.source]
                    .body
                    .get(mention.range.clone())
                    .unwrap_or_default(),
            })
            .collect(),
        citations: d.references.iter().map(|r| cites(d, r)).collect(),
    };
    serde_json::to_writer(&mut *out, &model)?;
    out.write_all(b"\n")
}

/// A source as `dossier.json` writes it.
fn source<'a>(d: &'a Dossier, s: &'a crate::model::Source) -> Source<'a> {
    Source {
        id: &s.id,
        page: PagePath::source(&s.id).to_string(),
        title: &s.title,
        published: s.published,
        outlet: s.outlet.as_deref(),
        author: s.author.as_deref(),
        url: s.url.as_deref(),
        language: &s.language,
        kind: s.kind,
        reliability: s.reliability,
        credibility: s.credibility,
        grade: s.grade(),
        note: s.note.as_deref(),
        tags: &s.tags,
        derived_from: s
            .derived_from
            .iter()
            .map(|&i| d.sources[i].id.as_str())
            .collect(),
        sha256: &s.fingerprint,
        sha256_recorded: s.fingerprint_recorded,
        paragraphs: s
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                number: p.number,
                text: &p.text,
                sha256: s.paragraph_fingerprint(p.number).unwrap_or_default(),
            })
            .collect(),
    }
}

/// An actor as `dossier.json` writes it.
fn actor<'a>(d: &'a Dossier, index: usize, a: &'a crate::model::Actor) -> Actor<'a> {
    let actor_id = |i: usize| d.actors[i].id.as_str();
    Actor {
        id: &a.id,
        page: PagePath::actor(&a.id).to_string(),
        name: &a.name,
        kind: a.kind,
        aliases: &a.aliases,
        summary: a.summary.as_deref(),
        roles: a
            .roles
            .iter()
            .map(|r| Role {
                title: &r.title,
                of: r.of.map(actor_id),
                from: r.from,
                to: r.to,
            })
            .collect(),
        relations: a
            .relations
            .iter()
            .enumerate()
            .map(|(i, r)| Relation {
                to: actor_id(r.to),
                kind: &r.kind,
                since: r.since,
                until: r.until,
                sources: r.sources.iter().map(|c| citation(d, c)).collect(),
                corroboration: d.support.relation(index, i),
                note: r.note.as_deref(),
            })
            .collect(),
        links: a
            .links
            .iter()
            .map(|l| Link {
                label: &l.label,
                url: &l.url,
            })
            .collect(),
        tags: &a.tags,
    }
}

/// An event as `dossier.json` writes it.
fn event<'a>(d: &'a Dossier, index: usize, e: &'a crate::model::Event) -> Event<'a> {
    let actor_id = |i: usize| d.actors[i].id.as_str();
    Event {
        id: &e.id,
        date: e.date,
        end: e.end,
        approximate: e.approximate,
        title: &e.title,
        description: e.description.as_deref(),
        actors: e.actors.iter().map(|&a| actor_id(a)).collect(),
        place: e.place.map(actor_id),
        sources: e.sources.iter().map(|c| citation(d, c)).collect(),
        corroboration: d.support.event(index),
        tags: &e.tags,
        key: e.key,
    }
}
