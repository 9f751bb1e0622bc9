//! The briefing's view: the page around its long lists, already formatted, for
//! `briefing.html`; the lists themselves (chronology, roster, sources, notes) are written
//! by [`super::rows`] and [`super::notes`] in the template's slots. Texts are rendered by
//! the site's Markdown renderer with in-page links, in reading order, so that the notes
//! are numbered in the order a reader meets their calls.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::Serialize;

use super::notes::{NoteCall, Notes, source_anchor};
use super::page::Slot;
use super::rows;
use super::text::css_string;
use crate::labels::BriefingLabels;
use crate::labels::confidence;
use crate::model::{Citation, Target};
use crate::pictures::{self, Lanes};
use crate::render::links::PagePath;
use crate::render::plain_text::short_title;
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

/// The whole briefing but its long lists, which stand as slots.
#[derive(Debug, Serialize)]
pub struct BriefingPage<'a> {
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
    /// Slot of the chronology's rows (`<tr>` each, in a `<tbody>`).
    pub event_rows: &'static str,
    /// The timeline (SVG), sized for the page.
    pub timeline_svg: Option<String>,
    /// Slot of the actor roster's rows, by name (`<tr>` each, in a `<tbody>`).
    pub actor_rows: &'static str,
    /// The relationship graph (SVG), sized for the page.
    pub graph_svg: Option<String>,
    /// The pictures' stylesheet, inlined.
    pub pictures_css: String,
    /// Slot of the sources, by date (`<li>` each, in an `<ol>`).
    pub source_items: &'static str,
    /// Slot of the endnotes (`<li>` each, in an `<ol>`).
    pub note_items: &'static str,
}

/// The briefing rendered but for its template and the two lists written last: the
/// view, the rows of the chronology and the roster, and the notes their texts call.
pub struct BriefingParts<'a> {
    /// The view for `briefing.html`.
    pub view: BriefingPage<'a>,
    /// The chronology's rows, as HTML.
    pub event_rows: String,
    /// The roster's rows, as HTML.
    pub actor_rows: String,
    /// Every note called, numbered.
    pub notes: Notes,
}

/// Renders the texts of the briefing for its page and numbers the notes they call, in
/// the order of the calls.
pub struct Texts<'s, 'a> {
    site: &'s Site<'a>,
    page: &'s PagePath,
    notes: RefCell<Notes>,
}

impl<'s, 'a> Texts<'s, 'a> {
    /// Texts for the briefing of `site`, at `page`, no note called yet.
    pub fn new(site: &'s Site<'a>, page: &'s PagePath) -> Self {
        Self {
            site,
            page,
            notes: RefCell::new(Notes::default()),
        }
    }

    /// A Markdown text, rendered; `footnotes` prefixes the ids of its footnotes.
    pub fn markdown(&self, text: &str, footnotes: &str) -> String {
        let local = |target: Target, paragraphs: Option<(u32, u32)>, labelled: bool| {
            local_link(self.site, &self.notes, target, paragraphs, labelled)
        };
        self.site
            .markdown
            .field_local(text, self.page, footnotes, 2, &local)
    }

    /// The calls of a `sources:` list, in number order.
    pub fn calls(&self, list: &[Citation]) -> Vec<NoteCall> {
        let mut calls: Vec<NoteCall> = list
            .iter()
            .map(|c| self.notes.borrow_mut().call(*c))
            .collect();
        calls.sort_by_key(|call| call.number);
        calls.dedup_by_key(|call| call.number);
        calls
    }

    /// The notes called so far.
    pub fn into_notes(self) -> Notes {
        self.notes.into_inner()
    }
}

/// Renders the briefing in reading order, up to its template; `paper` is set when
/// printing to PDF.
pub fn build<'a>(
    site: &Site<'a>,
    page: &PagePath,
    paper: Option<&'static str>,
) -> BriefingParts<'a> {
    let d = site.dossier;
    let language = site.language;
    let l = site.labels;
    let b = crate::labels::briefing(language);
    let texts = Texts::new(site, page);

    let summary = d
        .meta
        .summary
        .as_deref()
        .map(|s| texts.markdown(s, "summary"));
    let judgments = d
        .meta
        .key_judgments
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let anchor = format!("kj-{}", i + 1);
            let text = texts.markdown(&j.text, &anchor);
            JudgmentRow {
                number: i + 1,
                text,
                level: j.confidence.word(),
                confidence: confidence(j.confidence, language),
                notes: texts.calls(&j.sources),
                anchor,
            }
        })
        .collect::<Vec<_>>();
    let event_rows = rows::event_rows(site, &texts);
    let actor_rows = rows::actor_rows(site, &texts);
    let notes = texts.into_notes();

    let present = [
        ("summary", l.summary, summary.is_some()),
        ("judgments", l.key_judgments, !judgments.is_empty()),
        ("chronology", l.chronology, !d.events.is_empty()),
        ("actors", b.roster, !d.actors.is_empty()),
        ("sources", b.source_list, !d.sources.is_empty()),
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
    let view = BriefingPage {
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
        event_rows: Slot::EventRows.marker(),
        timeline_svg: print_picture(d, "briefing-timeline", |links, frame| {
            pictures::timeline(
                d,
                &(0..d.events.len()).collect::<Vec<_>>(),
                Lanes::top(4),
                links,
                frame,
            )
        }),
        actor_rows: Slot::ActorRows.marker(),
        graph_svg: print_picture(d, "briefing-graph", |links, frame| {
            pictures::relationship_graph(d, None, links, frame)
        }),
        pictures_css: pictures::inline_css(),
        source_items: Slot::SourceItems.marker(),
        note_items: Slot::NoteItems.marker(),
    };
    BriefingParts {
        view,
        event_rows,
        actor_rows,
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
