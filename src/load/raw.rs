//! The documents of a project as written, field by field, with positions: the output
//! of loading and the input of validation.

use std::path::PathBuf;
use std::sync::Arc;

use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::load::fields::{Located, MapReader, Unread};
use crate::load::yaml::{Yaml, YamlValue};
use crate::model::{
    ActorKind, Body, Confidence, Credibility, Date, Language, LanguageTag, Reliability, SourceKind,
};

/// Everything read from `content/`.
#[derive(Debug, Default, Clone)]
pub struct RawProject {
    /// The project folder.
    pub root: PathBuf,
    /// `content/dossier.yaml`, when it could be read.
    pub dossier: Option<RawDossier>,
    /// `content/sources/*.md` (shared, as every document: the preview keeps them from
    /// one run to the next).
    pub sources: Vec<Arc<RawSource>>,
    /// `content/actors/*.yaml`.
    pub actors: Vec<Arc<RawActor>>,
    /// Every event of every file of `content/events/`.
    pub events: Vec<Arc<RawEvent>>,
    /// The sources that are there but could not be read (misnamed, no front matter,
    /// broken YAML…): the id they would have, and the file as shown.
    pub unreadable: Vec<(String, PathBuf)>,
    /// `dossier.lock` at the project root, when there is one.
    pub lock: Option<Arc<SourceFile>>,
    /// Whether a file of `content/` other than a source or an actor could not be read
    /// at all (`dossier.yaml`, an events file that is not UTF-8 text…): what it cites
    /// is unknown.
    pub lost: bool,
}

/// `content/dossier.yaml` as written.
#[derive(Debug, Clone)]
pub struct RawDossier {
    /// The file.
    pub file: Arc<SourceFile>,
    /// `title`.
    pub title: Option<Located<String>>,
    /// `subtitle`.
    pub subtitle: Option<Located<String>>,
    /// `language`.
    pub language: Option<Located<Language>>,
    /// `summary`.
    pub summary: Option<Located<String>>,
    /// `key_judgments`.
    pub key_judgments: Vec<RawJudgment>,
    /// `authors`.
    pub authors: Vec<Located<String>>,
    /// `updated`.
    pub updated: Option<Located<Date>>,
    /// `marking`.
    pub marking: Option<Located<String>>,
    /// `base_url`.
    pub base_url: Option<Located<String>>,
    /// `allow_html`.
    pub allow_html: bool,
    /// The keys written but not read.
    pub unread: Unread,
}

/// One key judgment as written. A judgment whose `text` or `confidence` could not be
/// read is kept, so that what it cites is checked, but cannot be built.
#[derive(Debug, Clone)]
pub struct RawJudgment {
    /// `text`.
    pub text: Option<Located<String>>,
    /// `confidence`.
    pub confidence: Option<Located<Confidence>>,
    /// `sources`.
    pub sources: Vec<Located<String>>,
    /// The keys written but not read.
    pub unread: Unread,
}

/// One source file as written.
#[derive(Debug, Clone)]
pub struct RawSource {
    /// File stem.
    pub id: String,
    /// The file.
    pub file: Arc<SourceFile>,
    /// `title`.
    pub title: Option<Located<String>>,
    /// `published`.
    pub published: Option<Located<Date>>,
    /// `outlet`.
    pub outlet: Option<Located<String>>,
    /// `author`.
    pub author: Option<Located<String>>,
    /// `url`.
    pub url: Option<Located<String>>,
    /// `language`: any language.
    pub language: Option<Located<LanguageTag>>,
    /// `kind`.
    pub kind: Option<Located<SourceKind>>,
    /// `reliability`.
    pub reliability: Option<Located<Reliability>>,
    /// `credibility`.
    pub credibility: Option<Located<Credibility>>,
    /// `note`.
    pub note: Option<Located<String>>,
    /// `tags`.
    pub tags: Vec<Located<String>>,
    /// `derived_from`: the sources this one relays.
    pub derived_from: Vec<Located<String>>,
    /// `sha256`: the fingerprint of the text as captured.
    pub sha256: Option<Located<String>>,
    /// The text after the front matter.
    pub body: Body,
    /// Byte offset of the body in the file.
    pub body_offset: usize,
    /// The keys written but not read.
    pub unread: Unread,
}

/// One actor file as written.
#[derive(Debug, Clone)]
pub struct RawActor {
    /// File stem.
    pub id: String,
    /// The file.
    pub file: Arc<SourceFile>,
    /// `name`.
    pub name: Option<Located<String>>,
    /// `kind`.
    pub kind: Option<Located<ActorKind>>,
    /// `aliases`.
    pub aliases: Vec<Located<String>>,
    /// `summary`.
    pub summary: Option<Located<String>>,
    /// `roles`.
    pub roles: Vec<RawRole>,
    /// `relations`.
    pub relations: Vec<RawRelation>,
    /// `links`.
    pub links: Vec<RawLink>,
    /// `tags`.
    pub tags: Vec<Located<String>>,
    /// The keys written but not read.
    pub unread: Unread,
}

/// A role as written.
#[derive(Debug, Clone)]
pub struct RawRole {
    /// `title` (`None` when it could not be read).
    pub title: Option<Located<String>>,
    /// `of`.
    pub of: Option<Located<String>>,
    /// `from`.
    pub from: Option<Located<Date>>,
    /// `to`.
    pub to: Option<Located<Date>>,
}

/// A relation as written.
#[derive(Debug, Clone)]
pub struct RawRelation {
    /// `to` (`None` when it could not be read).
    pub to: Option<Located<String>>,
    /// `type` (`None` when it could not be read).
    pub kind: Option<Located<String>>,
    /// `since`.
    pub since: Option<Located<Date>>,
    /// `until`.
    pub until: Option<Located<Date>>,
    /// `sources`.
    pub sources: Vec<Located<String>>,
    /// `note`.
    pub note: Option<Located<String>>,
    /// The keys written but not read.
    pub unread: Unread,
}

/// An external link as written.
#[derive(Debug, Clone)]
pub struct RawLink {
    /// `label` (`None` when it could not be read).
    pub label: Option<Located<String>>,
    /// `url` (`None` when it could not be read).
    pub url: Option<Located<String>>,
}

/// One event as written. An event whose `date` or `title` could not be read is kept, so
/// that the rest of it is checked, but cannot be built (nor be given an id from them).
#[derive(Debug, Clone)]
pub struct RawEvent {
    /// The file holding it.
    pub file: Arc<SourceFile>,
    /// The whole event mapping.
    pub span: Span,
    /// `id`.
    pub id: Option<Located<String>>,
    /// `date` (`None` when it could not be read).
    pub date: Option<Located<Date>>,
    /// `end`.
    pub end: Option<Located<Date>>,
    /// `approximate`.
    pub approximate: bool,
    /// `key`.
    pub key: bool,
    /// `title` (`None` when it could not be read).
    pub title: Option<Located<String>>,
    /// `description`.
    pub description: Option<Located<String>>,
    /// `actors`.
    pub actors: Vec<Located<String>>,
    /// `place`.
    pub place: Option<Located<String>>,
    /// `sources`.
    pub sources: Vec<Located<String>>,
    /// `tags`.
    pub tags: Vec<Located<String>>,
    /// The keys written but not read.
    pub unread: Unread,
}

const DOSSIER_KEYS: &[&str] = &[
    "title",
    "subtitle",
    "language",
    "summary",
    "key_judgments",
    "authors",
    "updated",
    "marking",
    "base_url",
    "allow_html",
];
const JUDGMENT_KEYS: &[&str] = &["text", "confidence", "sources"];
const SOURCE_KEYS: &[&str] = &[
    "title",
    "published",
    "outlet",
    "author",
    "url",
    "language",
    "kind",
    "reliability",
    "credibility",
    "note",
    "tags",
    "derived_from",
    "sha256",
];
const ACTOR_KEYS: &[&str] = &[
    "name",
    "kind",
    "aliases",
    "summary",
    "roles",
    "relations",
    "links",
    "tags",
];
const ROLE_KEYS: &[&str] = &["title", "of", "from", "to"];
const RELATION_KEYS: &[&str] = &["to", "type", "since", "until", "sources", "note"];
const LINK_KEYS: &[&str] = &["label", "url"];
const EVENT_KEYS: &[&str] = &[
    "date",
    "end",
    "approximate",
    "title",
    "description",
    "actors",
    "place",
    "sources",
    "tags",
    "key",
    "id",
];

/// Reads `content/dossier.yaml`.
pub fn dossier(
    file: &Arc<SourceFile>,
    yaml: &Yaml,
    diagnostics: &mut Diagnostics,
) -> Option<RawDossier> {
    let mut r = MapReader::new(file, yaml, "the dossier", DOSSIER_KEYS, diagnostics)?;
    Some(RawDossier {
        file: Arc::clone(file),
        title: r.required_text("title"),
        subtitle: r.text("subtitle"),
        language: r.choice("language"),
        summary: r.text("summary"),
        key_judgments: r.list("key_judgments", |item, d| judgment(file, item, d)),
        authors: r.text_list("authors"),
        updated: r.date("updated"),
        marking: r.text("marking"),
        base_url: r.url("base_url", true),
        allow_html: r.boolean("allow_html").is_some_and(|b| b.value),
        unread: r.unread(),
    })
}

fn judgment(file: &SourceFile, yaml: &Yaml, diagnostics: &mut Diagnostics) -> Option<RawJudgment> {
    let mut r = MapReader::new(file, yaml, "a key judgment", JUDGMENT_KEYS, diagnostics)?;
    Some(RawJudgment {
        text: r.required_text("text"),
        confidence: r.required_choice("confidence"),
        sources: r.text_list("sources"),
        unread: r.unread(),
    })
}

/// Reads the front matter of a source.
pub fn source(
    id: String,
    file: &Arc<SourceFile>,
    yaml: &Yaml,
    body: Body,
    body_offset: usize,
    diagnostics: &mut Diagnostics,
) -> Option<RawSource> {
    let mut r = MapReader::new(
        file,
        yaml,
        "a source's front matter",
        SOURCE_KEYS,
        diagnostics,
    )?;
    Some(RawSource {
        id,
        file: Arc::clone(file),
        title: r.required_text("title"),
        published: r.required_date("published"),
        outlet: r.text("outlet"),
        author: r.text("author"),
        url: r.url("url", true),
        language: language_tag(&mut r, "language"),
        kind: r.choice("kind"),
        reliability: r.choice("reliability"),
        credibility: r.choice("credibility"),
        note: r.text("note"),
        tags: r.text_list("tags"),
        derived_from: r.text_list("derived_from"),
        sha256: r.text("sha256"),
        body,
        body_offset,
        unread: r.unread(),
    })
}

/// A language tag field (`de`, `pt-BR`): the form checked, any language accepted.
fn language_tag(r: &mut MapReader<'_>, key: &str) -> Option<Located<LanguageTag>> {
    let text = r.text(key)?;
    match LanguageTag::parse(&text.value) {
        Ok(tag) => Some(Located::new(tag, text.span)),
        Err(error) => {
            let file = r.file();
            r.diagnostics().error(file, text.span, error.message).hint = Some(error.hint);
            None
        }
    }
}

/// Reads an actor file.
pub fn actor(
    id: String,
    file: &Arc<SourceFile>,
    yaml: &Yaml,
    diagnostics: &mut Diagnostics,
) -> Option<RawActor> {
    let mut r = MapReader::new(file, yaml, "an actor", ACTOR_KEYS, diagnostics)?;
    Some(RawActor {
        id,
        file: Arc::clone(file),
        name: r.required_text("name"),
        kind: r.required_choice("kind"),
        aliases: r.text_list("aliases"),
        summary: r.text("summary"),
        roles: r.list("roles", |item, d| role(file, item, d)),
        relations: r.list("relations", |item, d| relation(file, item, d)),
        links: r.list("links", |item, d| link(file, item, d)),
        tags: r.text_list("tags"),
        unread: r.unread(),
    })
}

fn role(file: &SourceFile, yaml: &Yaml, diagnostics: &mut Diagnostics) -> Option<RawRole> {
    let mut r = MapReader::new(file, yaml, "a role", ROLE_KEYS, diagnostics)?;
    Some(RawRole {
        title: r.required_text("title"),
        of: r.text("of"),
        from: r.date("from"),
        to: r.date("to"),
    })
}

fn relation(file: &SourceFile, yaml: &Yaml, diagnostics: &mut Diagnostics) -> Option<RawRelation> {
    let mut r = MapReader::new(file, yaml, "a relation", RELATION_KEYS, diagnostics)?;
    Some(RawRelation {
        to: r.required_text("to"),
        kind: r.required_text("type"),
        since: r.date("since"),
        until: r.date("until"),
        sources: r.text_list("sources"),
        note: r.text("note"),
        unread: r.unread(),
    })
}

fn link(file: &SourceFile, yaml: &Yaml, diagnostics: &mut Diagnostics) -> Option<RawLink> {
    let mut r = MapReader::new(file, yaml, "a link", LINK_KEYS, diagnostics)?;
    let label = r.required_text("label");
    let url = if r.get("url").is_some() {
        r.url("url", false)
    } else {
        r.required_text("url")
    };
    Some(RawLink { label, url })
}

impl RawEvent {
    /// What stands for events that could not be read at all (a file that is not YAML, an
    /// item that is not a mapping): nothing of them is known, not even whether they cite
    /// a source, and they cannot be built.
    pub fn unreadable(file: &Arc<SourceFile>, span: Span) -> Self {
        Self {
            file: Arc::clone(file),
            span,
            id: None,
            date: None,
            end: None,
            approximate: false,
            key: false,
            title: None,
            description: None,
            actors: Vec::new(),
            place: None,
            sources: Vec::new(),
            tags: Vec::new(),
            unread: Unread::everything(),
        }
    }
}

/// Reads an events file: a list of events.
pub fn events(file: &Arc<SourceFile>, yaml: &Yaml, diagnostics: &mut Diagnostics) -> Vec<RawEvent> {
    match &yaml.value {
        YamlValue::List(items) => items
            .iter()
            .map(|item| {
                event(file, item, diagnostics)
                    .unwrap_or_else(|| RawEvent::unreadable(file, item.span))
            })
            .collect(),
        YamlValue::Null => Vec::new(),
        other => {
            let hint = match other {
                // `events:` above the list, as some generators' data files have it.
                YamlValue::Map(entries)
                    if entries.len() == 1 && matches!(entries[0].1.value, YamlValue::List(_)) =>
                {
                    format!(
                        "remove the line `{}:` and write the list itself, each event starting \
                         with `- ` at the start of a line",
                        entries[0].0.name
                    )
                }
                _ => "start each event with `- ` (e.g. `- date: 2024-03-26`)".to_string(),
            };
            diagnostics
                .error(
                    file,
                    yaml.span,
                    format!(
                        "an events file holds a list of events, found {}",
                        other.shape()
                    ),
                )
                .hint = Some(hint);
            vec![RawEvent::unreadable(file, yaml.span)]
        }
    }
}

fn event(file: &Arc<SourceFile>, yaml: &Yaml, diagnostics: &mut Diagnostics) -> Option<RawEvent> {
    let mut r = MapReader::new(file, yaml, "an event", EVENT_KEYS, diagnostics)?;
    Some(RawEvent {
        file: Arc::clone(file),
        span: r.span(),
        id: r.text("id"),
        end: r.date("end"),
        approximate: r.boolean("approximate").is_some_and(|b| b.value),
        key: r.boolean("key").is_some_and(|b| b.value),
        description: r.text("description"),
        actors: r.text_list("actors"),
        place: r.text("place"),
        sources: r.text_list("sources"),
        tags: r.text_list("tags"),
        date: r.required_date("date"),
        title: r.required_text("title"),
        unread: r.unread(),
    })
}
