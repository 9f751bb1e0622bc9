//! The briefing's view: every part of the page, already formatted, in reading order.
//! Texts are rendered by the site's Markdown renderer with in-page links, so that the
//! notes are numbered in the order a reader meets their calls.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::Serialize;

use super::labels::{self, BriefingLabels};
use super::notes::{NoteCall, NoteView, Notes, source_anchor};
use super::text::{css_string, first_sentence};
use crate::model::{Citation, Target, slugify};
use crate::pictures::{self, Lanes};
use crate::render::labels::{
    Labels, actor_kind, confidence, credibility, date_span, reliability, source_kind,
};
use crate::render::links::PagePath;
use crate::render::text::short_title;
use crate::render::views::Link;
use crate::render::{LocalLink, Site};

/// A section of the briefing, numbered in the table of contents.
#[derive(Debug, Clone, Serialize)]
pub struct Heading {
    /// Its anchor (`summary`).
    pub anchor: &'static str,
    /// Its number, from 1.
    pub number: usize,
    /// Its title.
    pub label: &'static str,
}

/// A key judgment.
#[derive(Debug, Serialize)]
pub struct JudgmentRow {
    /// Anchor (`kj-1`).
    pub anchor: String,
    /// Its number, from 1.
    pub number: usize,
    /// The text, rendered.
    pub text: String,
    /// `low`, `moderate` or `high`, for a class.
    pub level: &'static str,
    /// The confidence in words.
    pub confidence: &'static str,
    /// Calls of the notes of its sources.
    pub notes: Vec<NoteCall>,
}

/// A row of the chronology.
#[derive(Debug, Serialize)]
pub struct EventRow<'a> {
    /// Anchor (`event-ID`).
    pub anchor: String,
    /// The date in words, with `vers`/`c.` when approximate.
    pub date: String,
    /// The start date in ISO form.
    pub iso: String,
    /// One line.
    pub title: &'a str,
    /// The description, rendered.
    pub description: Option<String>,
    /// Actors involved, linked to the roster.
    pub actors: Vec<Link>,
    /// Where, linked to the roster.
    pub place: Option<Link>,
    /// Calls of the notes of its sources.
    pub notes: Vec<NoteCall>,
}

/// A row of the actor roster.
#[derive(Debug, Serialize)]
pub struct ActorRow<'a> {
    /// Anchor (`actor-ID`).
    pub anchor: String,
    /// Display name.
    pub name: &'a str,
    /// Its kind, in words.
    pub kind: &'static str,
    /// The first sentence of its profile (or its roles), rendered.
    pub line: Option<String>,
}

/// An entry of the source list.
#[derive(Debug, Serialize)]
pub struct SourceRow<'a> {
    /// Anchor (`source-ID`).
    pub anchor: String,
    /// The Admiralty grade written together (`B2`).
    pub grade: Option<String>,
    /// What the grade means, in words.
    pub grade_meaning: Option<String>,
    /// Headline.
    pub title: &'a str,
    /// Publication or channel.
    pub outlet: Option<&'a str>,
    /// Byline.
    pub author: Option<&'a str>,
    /// Publication date in words.
    pub date: String,
    /// Its kind, in words.
    pub kind: &'static str,
    /// The original address.
    pub url: Option<&'a str>,
}

/// The whole briefing.
#[derive(Debug, Serialize)]
pub struct BriefingPage<'a> {
    /// The site's labels.
    pub l: &'static Labels,
    /// The briefing's own labels.
    pub b: &'static BriefingLabels,
    /// The dossier's title.
    pub title: &'a str,
    /// One line under the title.
    pub subtitle: Option<&'a str>,
    /// Authors.
    pub authors: &'a [String],
    /// Last revision, in words.
    pub updated: Option<String>,
    /// Last revision, ISO.
    pub updated_iso: Option<String>,
    /// The handling line.
    pub marking: Option<&'a str>,
    /// The handling line as a quoted CSS string, for the page margins.
    pub marking_css: Option<String>,
    /// The title, shortened, as a quoted CSS string, for the page margins.
    pub title_css: String,
    /// `A4` or `letter` when printing to PDF; none lets the printer decide.
    pub paper: Option<&'static str>,
    /// The sections, in order, for the table of contents.
    pub contents: Vec<Heading>,
    /// The same, by anchor.
    pub h: BTreeMap<&'static str, Heading>,
    /// The bottom line, rendered.
    pub summary: Option<String>,
    /// Key judgments.
    pub judgments: Vec<JudgmentRow>,
    /// The chronology.
    pub events: Vec<EventRow<'a>>,
    /// The timeline (SVG), sized for the page.
    pub timeline_svg: Option<String>,
    /// The actor roster, by name.
    pub actors: Vec<ActorRow<'a>>,
    /// The relationship graph (SVG), sized for the page.
    pub graph_svg: Option<String>,
    /// The pictures' stylesheet, inlined.
    pub pictures_css: String,
    /// The sources, by date.
    pub sources: Vec<SourceRow<'a>>,
    /// The endnotes.
    pub notes: Vec<NoteView<'a>>,
}

/// Builds the view of the briefing; `paper` is set when printing to PDF.
pub fn build<'a>(
    site: &Site<'a>,
    page: &PagePath,
    paper: Option<&'static str>,
) -> BriefingPage<'a> {
    let d = site.dossier;
    let language = site.language;
    let l = site.labels;
    let b = labels::labels(language);
    let notes = RefCell::new(Notes::default());
    let local = |target: Target, paragraphs: Option<(u32, u32)>, labelled: bool| {
        local_link(site, &notes, target, paragraphs, labelled)
    };
    let markdown =
        |text: &str, footnotes: &str| site.markdown.field_local(text, page, footnotes, 2, &local);
    // The calls of a `sources:` list, in number order.
    let calls = |list: &[Citation]| {
        let mut calls: Vec<NoteCall> = list.iter().map(|c| notes.borrow_mut().call(*c)).collect();
        calls.sort_by_key(|call| call.number);
        calls.dedup_by_key(|call| call.number);
        calls
    };

    let summary = d.meta.summary.as_deref().map(|s| markdown(s, "summary"));
    let judgments = d
        .meta
        .key_judgments
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let anchor = format!("kj-{}", i + 1);
            let text = markdown(&j.text, &anchor);
            JudgmentRow {
                number: i + 1,
                text,
                level: j.confidence.word(),
                confidence: confidence(j.confidence, language),
                notes: calls(&j.sources),
                anchor,
            }
        })
        .collect::<Vec<_>>();
    let roster_link = |actor: usize| Link {
        href: format!("#{}", actor_anchor(&d.actors[actor].id)),
        label: d.actors[actor].name.clone(),
        title: None,
    };
    let events = d
        .events
        .iter()
        .map(|e| EventRow {
            anchor: event_anchor(&e.id),
            date: date_span(&e.date, e.end.as_ref(), e.approximate, language),
            iso: e.date.iso(),
            title: &e.title,
            description: e.description.as_deref().map(|text| markdown(text, &e.id)),
            actors: e.actors.iter().map(|&a| roster_link(a)).collect(),
            place: e.place.map(roster_link),
            notes: calls(&e.sources),
        })
        .collect::<Vec<_>>();
    let mut by_name: Vec<usize> = (0..d.actors.len()).collect();
    by_name.sort_by_cached_key(|&a| (slugify(&d.actors[a].name, 200), d.actors[a].id.clone()));
    let actors = by_name
        .into_iter()
        .map(|a| {
            let actor = &d.actors[a];
            let line = match actor.summary.as_deref().map(first_sentence) {
                Some(sentence) if !sentence.is_empty() => Some(markdown(sentence, &actor.id)),
                _ => roles_line(site, a),
            };
            ActorRow {
                anchor: actor_anchor(&actor.id),
                name: &actor.name,
                kind: actor_kind(actor.kind, language),
                line,
            }
        })
        .collect::<Vec<_>>();
    let sources = d
        .sources
        .iter()
        .map(|s| SourceRow {
            anchor: source_anchor(&s.id),
            grade: s.grade(),
            grade_meaning: grade_meaning(s, language),
            title: &s.title,
            outlet: s.outlet.as_deref(),
            author: s.author.as_deref(),
            date: s.published.human(language),
            kind: source_kind(s.kind, language),
            url: s.url.as_deref(),
        })
        .collect::<Vec<_>>();
    let notes = notes.into_inner().views(d, language, b);

    let present = [
        ("summary", l.summary, summary.is_some()),
        ("judgments", l.key_judgments, !judgments.is_empty()),
        ("chronology", l.chronology, !events.is_empty()),
        ("actors", b.roster, !actors.is_empty()),
        ("sources", b.source_list, !sources.is_empty()),
        ("notes", b.notes, !notes.is_empty()),
    ];
    let contents: Vec<Heading> = present
        .into_iter()
        .filter(|(_, _, shown)| *shown)
        .enumerate()
        .map(|(i, (anchor, label, _))| Heading {
            anchor,
            number: i + 1,
            label,
        })
        .collect();
    BriefingPage {
        l,
        b,
        title: &d.meta.title,
        subtitle: d.meta.subtitle.as_deref(),
        authors: &d.meta.authors,
        updated: d.meta.updated.map(|u| u.human(language)),
        updated_iso: d.meta.updated.map(|u| u.iso()),
        marking: d.meta.marking.as_deref(),
        marking_css: d.meta.marking.as_deref().map(css_string),
        title_css: css_string(&short_title(&d.meta.title, 70)),
        paper,
        h: contents.iter().map(|h| (h.anchor, h.clone())).collect(),
        contents,
        summary,
        judgments,
        events,
        timeline_svg: print_picture(d, "briefing-timeline", |links, frame| {
            pictures::timeline(
                d,
                &(0..d.events.len()).collect::<Vec<_>>(),
                Lanes::top(4),
                links,
                frame,
            )
        }),
        actors,
        graph_svg: print_picture(d, "briefing-graph", |links, frame| {
            pictures::relationship_graph(d, None, links, frame)
        }),
        pictures_css: pictures::inline_css(),
        sources,
        notes,
    }
}

/// A picture drawn for print, every mark linking to its entry inside the briefing.
fn print_picture(
    d: &crate::model::Dossier,
    id: &str,
    draw: impl FnOnce(&pictures::Links<'_>, &pictures::Frame<'_>) -> Option<String>,
) -> Option<String> {
    let actor = |i: usize| format!("#{}", actor_anchor(&d.actors[i].id));
    let event = |i: usize| format!("#{}", event_anchor(&d.events[i].id));
    let citation = |c: &Citation| format!("#{}", source_anchor(&d.sources[c.source].id));
    let links = pictures::Links {
        actor: &actor,
        event: &event,
        citation: &citation,
    };
    let frame = pictures::Frame {
        id,
        medium: pictures::Medium::Print,
        language: d.meta.language,
    };
    draw(&links, &frame)
}

/// How a wiki-link is written in the briefing: a cited paragraph becomes a note call,
/// anything else a link to its entry in the page.
fn local_link(
    site: &Site<'_>,
    notes: &RefCell<Notes>,
    target: Target,
    paragraphs: Option<(u32, u32)>,
    labelled: bool,
) -> LocalLink {
    let d = site.dossier;
    match target {
        Target::Source(source) if paragraphs.is_some() => {
            let call = notes.borrow_mut().call(Citation { source, paragraphs });
            if labelled {
                // The label links to the source list, the call follows it.
                LocalLink {
                    href: format!("#{}", source_anchor(&d.sources[source].id)),
                    name: String::new(),
                    class: "wl wl-source",
                    after: format!(
                        "<a class=\"nref\" href=\"{}\">[{}]</a>",
                        call.href, call.number
                    ),
                }
            } else {
                LocalLink {
                    href: call.href,
                    name: format!("[{}]", call.number),
                    class: "nref",
                    after: String::new(),
                }
            }
        }
        Target::Source(source) => LocalLink {
            href: format!("#{}", source_anchor(&d.sources[source].id)),
            name: d.sources[source].title.clone(),
            class: "wl wl-source",
            after: String::new(),
        },
        Target::Actor(actor) => LocalLink {
            href: format!("#{}", actor_anchor(&d.actors[actor].id)),
            name: d.actors[actor].name.clone(),
            class: "wl wl-actor",
            after: String::new(),
        },
        Target::Event(event) => LocalLink {
            href: format!("#{}", event_anchor(&d.events[event].id)),
            name: d.events[event].title.clone(),
            class: "wl wl-event",
            after: String::new(),
        },
    }
}

/// The anchor of an actor in the roster.
pub fn actor_anchor(id: &str) -> String {
    format!("actor-{id}")
}

/// The anchor of an event in the chronology.
pub fn event_anchor(id: &str) -> String {
    format!("event-{id}")
}

/// An actor's roles in one line, when it has any (`Ministre, de Niger`).
fn roles_line(site: &Site<'_>, actor: usize) -> Option<String> {
    let d = site.dossier;
    let roles = &d.actors[actor].roles;
    if roles.is_empty() {
        return None;
    }
    let text = roles
        .iter()
        .map(|r| match r.of {
            Some(of) => format!("{} ({} {})", r.title, site.labels.of, d.actors[of].name),
            None => r.title.clone(),
        })
        .collect::<Vec<_>>()
        .join(" ; ");
    Some(format!(
        "<p>{}</p>",
        crate::render::escape::escape_html(&text)
    ))
}

/// What a source's grade means, in words (`source assez fiable, information
/// probablement vraie`).
fn grade_meaning(
    source: &crate::model::Source,
    language: crate::model::Language,
) -> Option<String> {
    let parts: Vec<&str> = [
        source.reliability.map(|r| reliability(r, language)),
        source.credibility.map(|c| credibility(c, language)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
