//! The validated, resolved dossier: every reference checked and turned into an index,
//! every mention found. Later stages read it and never fail on it.

mod body;
mod citation;
mod date;
mod id;
mod kinds;
mod language_tag;
mod shared;
mod support;

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;

pub use body::Body;
pub use citation::{Citation, CitationText};
pub use date::{Date, Precision};
pub use id::{is_valid_id, slugify};
pub use kinds::{ActorKind, Choice, Confidence, Credibility, Language, Reliability, SourceKind};
pub use language_tag::{LanguageTag, TagError};
pub use shared::Shared;
pub use support::{Corroboration, Support};

pub use crate::paragraphs::Paragraph;

/// The whole dossier, resolved.
#[derive(Debug, Clone)]
pub struct Dossier {
    /// `content/dossier.yaml`.
    pub meta: Meta,
    /// Sources, sorted by publication date then id.
    pub sources: Vec<Source>,
    /// Actors, sorted by id.
    pub actors: Vec<Actor>,
    /// Events, sorted by date then id (shared: the preview keeps them from one run to
    /// the next while they resolve the same).
    pub events: Shared<Vec<Event>>,
    /// Every mention of an actor in a source body, by source, paragraph and position.
    pub mentions: Vec<Mention>,
    /// Every citation and wiki-link, by who makes it.
    pub references: Vec<Reference>,
    /// Every id, to what it names (shared: the preview keeps it from one run to the
    /// next while the ids name the same things).
    pub ids: Shared<BTreeMap<String, Target>>,
    /// How many distinct and independent sources each claim rests on.
    pub support: Corroboration,
    /// For each actor, the relations that join it to another actor: those it holds and
    /// those pointing to it, as (actor holding it, index in its relations), in the
    /// order of the dossier ([`relations_touching`]).
    pub relations_touching: Vec<Vec<(usize, usize)>>,
}

/// For each of `actors`, the relations that join it to another actor (never one to
/// itself), those it holds and those pointing to it, as (actor holding it, index in its
/// relations), in the order of the dossier: what a profile's graph starts from, without
/// going through every relation of the dossier.
pub fn relations_touching(actors: &[Actor]) -> Vec<Vec<(usize, usize)>> {
    let mut touching = vec![Vec::new(); actors.len()];
    for (from, actor) in actors.iter().enumerate() {
        for (index, relation) in actor.relations.iter().enumerate() {
            let to = relation.to;
            if to != from && to < actors.len() {
                touching[from].push((from, index));
                touching[to].push((from, index));
            }
        }
    }
    touching
}

/// The settings and front page of the dossier.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Title.
    pub title: String,
    /// One line under the title.
    pub subtitle: Option<String>,
    /// Language of the labels and dates.
    pub language: Language,
    /// Markdown: the bottom line up front.
    pub summary: Option<String>,
    /// Key judgments.
    pub key_judgments: Vec<Judgment>,
    /// Authors' names.
    pub authors: Vec<String>,
    /// Date of the last revision.
    pub updated: Option<Date>,
    /// Handling line shown on every page of the briefing.
    pub marking: Option<String>,
    /// Absolute URL where the site is published, without a trailing slash.
    pub base_url: Option<String>,
    /// Whether raw HTML in Markdown is sanitized and kept rather than escaped.
    pub allow_html: bool,
}

/// A key judgment of the dossier.
#[derive(Debug, Clone)]
pub struct Judgment {
    /// The judgment, Markdown.
    pub text: String,
    /// How confident the analyst is.
    pub confidence: Confidence,
    /// What it rests on.
    pub sources: Vec<Citation>,
}

/// One article or document, kept verbatim.
#[derive(Debug, Clone)]
pub struct Source {
    /// File stem.
    pub id: String,
    /// Path of the file, relative to the project root.
    pub path: PathBuf,
    /// Headline.
    pub title: String,
    /// Publication date.
    pub published: Date,
    /// Publication or channel.
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Original address.
    pub url: Option<String>,
    /// Language of the text (any language, unlike the interface's).
    pub language: LanguageTag,
    /// What kind of document it is.
    pub kind: SourceKind,
    /// Admiralty source reliability.
    pub reliability: Option<Reliability>,
    /// Admiralty information credibility.
    pub credibility: Option<Credibility>,
    /// Markdown: the analyst's note.
    pub note: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// The sources it relays, as indexes into [`Dossier::sources`].
    pub derived_from: Vec<usize>,
    /// SHA-256 (hex) of the text after the front matter.
    pub fingerprint: String,
    /// Whether the front matter records it (`sha256`): the text is then the one captured,
    /// since a text that no longer matches is an error.
    pub fingerprint_recorded: bool,
    /// The Markdown text as published.
    pub body: Body,
    /// Numbered blocks of the body.
    pub paragraphs: std::sync::Arc<[Paragraph]>,
}

impl Source {
    /// The Admiralty grade written together (`B2`), when graded.
    pub fn grade(&self) -> Option<String> {
        match (self.reliability, self.credibility) {
            (None, None) => None,
            (r, c) => Some(format!(
                "{}{}",
                r.map_or("–", Reliability::word),
                c.map_or("–", Credibility::word)
            )),
        }
    }

    /// The fingerprint of paragraph `number` (see [`crate::fingerprint::paragraph`]).
    pub fn paragraph_fingerprint(&self, number: u32) -> Option<String> {
        let paragraph = self.paragraph(number)?;
        let markdown = self.body.get(paragraph.range.clone())?;
        Some(crate::fingerprint::paragraph(markdown))
    }

    /// The paragraph with `number`, if it exists.
    pub fn paragraph(&self, number: u32) -> Option<&Paragraph> {
        self.paragraphs
            .get(usize::try_from(number).ok()?.checked_sub(1)?)
    }
}

/// A person, organisation, state, place… named in the sources.
#[derive(Debug, Clone)]
pub struct Actor {
    /// File stem.
    pub id: String,
    /// Path of the file, relative to the project root.
    pub path: PathBuf,
    /// Display name.
    pub name: String,
    /// What it is.
    pub kind: ActorKind,
    /// Other names under which it appears in the sources.
    pub aliases: Vec<String>,
    /// Markdown profile.
    pub summary: Option<String>,
    /// Positions held.
    pub roles: Vec<Role>,
    /// Relations to other actors, as written in this actor's file.
    pub relations: Vec<Relation>,
    /// External links.
    pub links: Vec<ExternalLink>,
    /// Tags.
    pub tags: Vec<String>,
}

/// A position an actor holds.
#[derive(Debug, Clone)]
pub struct Role {
    /// The position.
    pub title: String,
    /// The actor it is held in, as an index into [`Dossier::actors`].
    pub of: Option<usize>,
    /// Since when.
    pub from: Option<Date>,
    /// Until when.
    pub to: Option<Date>,
}

/// A relation from one actor to another.
#[derive(Debug, Clone)]
pub struct Relation {
    /// The other actor, as an index into [`Dossier::actors`].
    pub to: usize,
    /// What the relation is ("allié de", "dirige").
    pub kind: String,
    /// Since when.
    pub since: Option<Date>,
    /// Until when; a relation with an end has ended.
    pub until: Option<Date>,
    /// What it rests on.
    pub sources: Vec<Citation>,
    /// Markdown note.
    pub note: Option<String>,
}

/// A link to elsewhere on an actor's profile.
#[derive(Debug, Clone)]
pub struct ExternalLink {
    /// Text of the link.
    pub label: String,
    /// `http`, `https` or `mailto` address.
    pub url: String,
}

/// A dated fact of the chronology.
#[derive(Debug, Clone)]
pub struct Event {
    /// Given, or `DATE-slug-of-title`.
    pub id: String,
    /// Path of the file, relative to the project root.
    pub path: PathBuf,
    /// When (start of a period).
    pub date: Date,
    /// End of a period.
    pub end: Option<Date>,
    /// The date is uncertain.
    pub approximate: bool,
    /// One line.
    pub title: String,
    /// Markdown.
    pub description: Option<String>,
    /// Actors involved, as indexes into [`Dossier::actors`].
    pub actors: Vec<usize>,
    /// Where, as an index into [`Dossier::actors`] (an actor of kind place).
    pub place: Option<usize>,
    /// What it rests on.
    pub sources: Vec<Citation>,
    /// Tags.
    pub tags: Vec<String>,
    /// A key event: always in the briefing's chronology.
    pub key: bool,
}

/// One occurrence of an actor's name or alias in a source body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Dossier::sources`].
    pub source: usize,
    /// Number of the paragraph holding it; `None` in a heading, table or footnote.
    pub paragraph: Option<u32>,
    /// Bytes of the matched name in the source body.
    pub range: Range<usize>,
    /// Index into [`Dossier::actors`].
    pub actor: usize,
}

/// What an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// An index into [`Dossier::sources`].
    Source(usize),
    /// An index into [`Dossier::actors`].
    Actor(usize),
    /// An index into [`Dossier::events`].
    Event(usize),
}

/// Who makes a reference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Referrer {
    /// The dossier's summary.
    Dossier,
    /// A key judgment, by index.
    Judgment(usize),
    /// A source's note or body.
    Source(usize),
    /// An actor's summary, roles or links.
    Actor(usize),
    /// A relation of an actor.
    Relation {
        /// Index of the actor whose file holds the relation.
        actor: usize,
        /// Index in its relations.
        index: usize,
    },
    /// An event.
    Event(usize),
}

/// How a reference was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReferenceKind {
    /// In a `sources:` list.
    Citation,
    /// A `[[id]]` in Markdown.
    WikiLink,
}

/// A citation or a wiki-link, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Reference {
    /// Who refers.
    pub from: Referrer,
    /// To what.
    pub to: Target,
    /// Paragraphs, for a reference to a source.
    pub paragraphs: Option<(u32, u32)>,
    /// How it was written.
    pub kind: ReferenceKind,
}

impl Dossier {
    /// What `id` names, if anything.
    pub fn lookup(&self, id: &str) -> Option<Target> {
        self.ids.get(id).copied()
    }

    /// The id of a target.
    pub fn id_of(&self, target: Target) -> &str {
        match target {
            Target::Source(i) => &self.sources[i].id,
            Target::Actor(i) => &self.actors[i].id,
            Target::Event(i) => &self.events[i].id,
        }
    }

    /// A citation written as in the content (`id`, `id#p4`, `id#p4-p6`).
    pub fn citation_text(&self, citation: &Citation) -> String {
        CitationText {
            id: self.sources[citation.source].id.clone(),
            paragraphs: citation.paragraphs,
        }
        .to_string()
    }
}
