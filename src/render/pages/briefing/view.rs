//! The briefing's view: the page around its long lists, already formatted, for
//! `briefing.html`; the lists themselves (chronology, roster, sources, notes) are written
//! by [`super::rows`] and [`super::notes`] in the template's slots. Texts are rendered by
//! the site's Markdown renderer with in-page links, in reading order, so that the notes
//! are numbered in the order a reader meets their calls.

use std::cell::RefCell;
use std::collections::BTreeMap;

use serde::Serialize;

use super::Layout;
use super::notes::{NoteCall, Notes, source_anchor};
use super::page::Slot;
use super::rows;
use super::select::{Section, Selection, WHOLE};
use crate::labels::BriefingLabels;
use crate::labels::confidence;
use crate::model::{Citation, Dossier, Target};
use crate::pictures;
use crate::plain_text::{css_string, short_title};
use crate::render::links::PagePath;
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
    /// The page it begins on, in a printed briefing ("–" until it is known).
    pub page: Option<String>,
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
    /// The "single source" mark, HTML (empty when corroborated).
    pub mark: String,
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
    /// The site's home page, from the briefing's web page in the site (none in print
    /// and in a briefing written on its own).
    pub home: Option<String>,
    /// Whether the contents carry page numbers.
    pub numbered: bool,
    /// The sections, in order, for the table of contents.
    pub contents: Vec<Heading>,
    /// The same, by anchor.
    pub h: BTreeMap<&'static str, Heading>,
    /// The bottom line, rendered.
    pub summary: Option<String>,
    /// Key judgments.
    pub judgments: Vec<JudgmentRow>,
    /// What the chronology leaves out and where it is, when it leaves out anything.
    pub events_left_out: Option<String>,
    /// How many events, actors and sources the lists hold.
    pub shown: [usize; 3],
    /// Whether an event of the chronology cites no source (its legend then says what
    /// the "unsourced" mark means too).
    pub unsourced_shown: bool,
    /// Slot of the chronology's rows (`<tr>` each, in a `<tbody>`).
    pub event_rows: &'static str,
    /// The timeline (SVG), sized for the page.
    pub timeline_svg: Option<String>,
    /// What the roster leaves out and where it is.
    pub actors_left_out: Option<String>,
    /// Slot of the actor roster's rows, by name (`<tr>` each, in a `<tbody>`).
    pub actor_rows: &'static str,
    /// The relationship graph (SVG), sized for the page.
    pub graph_svg: Option<String>,
    /// The pictures' stylesheet, inlined.
    pub pictures_css: String,
    /// What the source list leaves out and where it is.
    pub sources_left_out: Option<String>,
    /// Slot of the sources, by date (`<li>` each, in an `<ol>`).
    pub source_items: &'static str,
    /// Slot of the endnotes (`<li>` each, in an `<ol>`).
    pub note_items: &'static str,
}

/// The briefing rendered but for its template and the two lists written last: the
/// view, the rows of the chronology and the roster, the notes their texts call and the
/// sources of the source list.
pub struct BriefingParts<'a> {
    /// The view for `briefing.html`.
    pub view: BriefingPage<'a>,
    /// The chronology's rows, as HTML.
    pub event_rows: String,
    /// The roster's rows, as HTML.
    pub actor_rows: String,
    /// Every note called, numbered.
    pub notes: Notes,
    /// Whether each source of the dossier is in the source list.
    pub listed: Vec<bool>,
}

/// Renders the texts of the briefing for its page and numbers the notes they call, in
/// the order of the calls; remembers the sources they link to.
pub struct Texts<'s, 'a> {
    site: &'s Site<'a>,
    page: &'s PagePath,
    /// What the briefing shows.
    pub selection: &'s Selection,
    notes: RefCell<Notes>,
    linked: RefCell<Vec<bool>>,
}

impl<'s, 'a> Texts<'s, 'a> {
    /// Texts for the briefing of `site`, at `page`, no note called yet.
    pub fn new(site: &'s Site<'a>, page: &'s PagePath, selection: &'s Selection) -> Self {
        Self {
            site,
            page,
            selection,
            notes: RefCell::new(Notes::new(site.dossier, selection)),
            linked: RefCell::new(vec![false; site.dossier.sources.len()]),
        }
    }

    /// The dossier.
    pub fn selection_dossier(&self) -> &'a Dossier {
        self.site.dossier
    }

    /// A Markdown text, rendered; `footnotes` prefixes the ids of its footnotes. A
    /// note call that the text wrote in parentheses (`([[source#p4]])`) is set as a
    /// superscript after the word before it.
    pub fn markdown(&self, text: &str, footnotes: &str) -> String {
        let local = |target: Target, paragraphs: Option<(u32, u32)>, labelled: bool| {
            self.local_link(target, paragraphs, labelled)
        };
        let html = self
            .site
            .markdown
            .field_local(text, self.page, footnotes, 2, &local);
        tuck_calls(&html)
    }

    /// The calls of a `sources:` list, in number order.
    pub fn calls(&self, list: &[Citation]) -> Vec<NoteCall> {
        let mut calls: Vec<NoteCall> = list
            .iter()
            .filter_map(|c| self.notes.borrow_mut().call(*c))
            .collect();
        calls.sort_by_key(|call| call.number);
        calls.dedup_by_key(|call| call.number);
        calls
    }

    /// The href of a source in the source list, which then lists it; none when the
    /// briefing has no source list.
    fn source_href(&self, source: usize) -> Option<String> {
        if !self.selection.sections.has(Section::Sources) {
            return None;
        }
        self.linked.borrow_mut()[source] = true;
        Some(format!(
            "#{}",
            source_anchor(&self.site.dossier.sources[source].id)
        ))
    }

    /// The notes called so far, and which sources the source list holds: every one
    /// when they are few, else those linked or cited.
    pub fn finish(self) -> (Notes, Vec<bool>) {
        let notes = self.notes.into_inner();
        let mut listed = self.linked.into_inner();
        if self.selection.sections.has(Section::Sources) {
            if listed.len() <= WHOLE {
                listed.fill(true);
            }
            for source in notes.sources() {
                listed[source] = true;
            }
        }
        (notes, listed)
    }

    /// How a wiki-link is written in the briefing: a cited paragraph becomes a note
    /// call, anything else a link to its entry in the page, or its name when the page
    /// does not hold it.
    fn local_link(
        &self,
        target: Target,
        paragraphs: Option<(u32, u32)>,
        labelled: bool,
    ) -> LocalLink {
        let d = self.site.dossier;
        let call = match (target, paragraphs) {
            (Target::Source(source), Some(_)) => self
                .notes
                .borrow_mut()
                .call(Citation { source, paragraphs }),
            _ => None,
        };
        if let Some(call) = call {
            let after = format!(
                "<a class=\"nref\" href=\"{}\">{}</a>",
                call.href, call.number
            );
            return if labelled {
                LocalLink {
                    after,
                    ..self.entry_link(d, target)
                }
            } else {
                LocalLink {
                    href: call.href,
                    name: call.number.to_string(),
                    class: "nref",
                    after: String::new(),
                }
            };
        }
        self.entry_link(d, target)
    }

    /// A link to the entry of `target` in the page, or its name alone.
    fn entry_link(&self, d: &Dossier, target: Target) -> LocalLink {
        let (href, name, class) = match target {
            Target::Source(s) => (
                self.source_href(s),
                d.sources[s].title.clone(),
                "wl wl-source",
            ),
            Target::Actor(a) => (
                self.selection
                    .shows(target)
                    .then(|| format!("#{}", actor_anchor(&d.actors[a].id))),
                d.actors[a].name.clone(),
                "wl wl-actor",
            ),
            Target::Event(e) => (
                self.selection
                    .shows(target)
                    .then(|| format!("#{}", event_anchor(&d.events[e].id))),
                d.events[e].title.clone(),
                "wl wl-event",
            ),
        };
        LocalLink {
            href: href.unwrap_or_default(),
            name,
            class,
            after: String::new(),
        }
    }
}

/// Sets the note calls that a text wrote in parentheses, `word ([3], [4])`, as
/// superscripts right after the word: `word³,⁴`.
fn tuck_calls(html: &str) -> String {
    const OPEN: &str = "(<a class=\"nref\" ";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(OPEN) {
        let inside = &rest[at + 1..];
        match calls_only(inside) {
            Some((mut calls, len)) => {
                out.push_str(rest[..at].trim_end());
                // The same note called twice in a row is called once.
                calls.dedup_by_key(|call| call.split('>').next());
                out.push_str(&calls.join("<span class=\"nsep\">,</span>"));
                rest = &inside[len + 1..];
            }
            None => {
                out.push_str(&rest[..=at]);
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The note calls at the start of `text`, separated by commas or semicolons, and
/// their length, when a `)` follows them.
fn calls_only(text: &str) -> Option<(Vec<&str>, usize)> {
    let mut calls = Vec::new();
    let mut at = 0;
    loop {
        let call = &text[at..];
        if !call.starts_with("<a class=\"nref\" ") {
            return None;
        }
        let end = call.find("</a>")? + 4;
        calls.push(&call[..end]);
        at += end;
        let after = &text[at..];
        if after.starts_with(')') {
            return Some((calls, at));
        }
        let separator = after.len()
            - after
                .trim_start_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
                .len();
        if separator == 0 {
            return None;
        }
        at += separator;
    }
}

/// Renders the briefing in reading order, up to its template.
pub fn build<'a>(site: &Site<'a>, page: &PagePath, layout: &Layout) -> BriefingParts<'a> {
    let d = site.dossier;
    let selection = Selection::new(d, layout.sections);
    let has = |section| selection.sections.has(section);
    let texts = Texts::new(site, page, &selection);
    let summary = d
        .meta
        .summary
        .as_deref()
        .filter(|_| has(Section::Summary))
        .map(|s| texts.markdown(s, "summary"));
    let judgments = if has(Section::Judgments) {
        judgment_rows(site, &texts)
    } else {
        Vec::new()
    };
    let event_rows = rows::event_rows(site, &texts);
    let actor_rows = rows::actor_rows(site, &texts);
    let (notes, listed) = texts.finish();
    let b = crate::labels::briefing(site.language);
    let present = [
        summary.is_some(),
        !judgments.is_empty(),
        has(Section::Chronology) && !d.events.is_empty(),
        has(Section::Actors) && !d.actors.is_empty(),
        has(Section::Sources) && !d.sources.is_empty(),
        !notes.is_empty(),
    ];
    let contents = contents(site, present, layout);
    let left_out = LeftOut { d, b };
    let view = BriefingPage {
        b,
        title: &d.meta.title,
        subtitle: d.meta.subtitle.as_deref(),
        authors: &d.meta.authors,
        updated: d.meta.updated.map(|u| u.human(site.language)),
        updated_iso: d.meta.updated.map(|u| u.iso()),
        marking: d.meta.marking.as_deref(),
        marking_css: d.meta.marking.as_deref().map(css_string),
        title_css: css_string(&short_title(&d.meta.title, 70)),
        paper: layout.paper,
        home: (layout.on_site && layout.paper.is_none())
            .then(|| crate::render::links::href(page, &PagePath::home(), None)),
        numbered: layout.pages.is_some(),
        h: contents.iter().map(|h| (h.anchor, h.clone())).collect(),
        contents,
        summary,
        judgments,
        shown: [
            selection.events.len(),
            selection.actors.len(),
            listed.iter().filter(|&&l| l).count(),
        ],
        unsourced_shown: selection
            .events
            .iter()
            .any(|&e| d.support.event(e).sources == 0),
        events_left_out: left_out.events(selection.events.len(), has(Section::Chronology)),
        event_rows: Slot::EventRows.marker(),
        timeline_svg: print_picture(
            d,
            &selection,
            &listed,
            "briefing-timeline",
            |links, frame| pictures::timeline(d, &selection.events, links, frame),
        ),
        actors_left_out: left_out.actors(selection.actors.len(), has(Section::Actors)),
        actor_rows: Slot::ActorRows.marker(),
        graph_svg: print_picture(d, &selection, &listed, "briefing-graph", |links, frame| {
            pictures::relationship_graph(d, None, links, frame)
        })
        // With no actor kept in the roster, the graph of others would stand alone.
        .filter(|_| has(Section::Actors) && !selection.actors.is_empty()),
        pictures_css: pictures::inline_css(site.templates.theme().text("pictures.css")),
        sources_left_out: left_out
            .sources(listed.iter().filter(|&&l| l).count(), has(Section::Sources)),
        source_items: Slot::SourceItems.marker(),
        note_items: Slot::NoteItems.marker(),
    };
    BriefingParts {
        view,
        event_rows,
        actor_rows,
        notes,
        listed,
    }
}

/// The key judgments, rendered in order.
fn judgment_rows(site: &Site<'_>, texts: &Texts<'_, '_>) -> Vec<JudgmentRow> {
    let language = site.language;
    site.dossier
        .meta
        .key_judgments
        .iter()
        .enumerate()
        .map(|(i, j)| {
            let anchor = format!("kj-{}", i + 1);
            let text = texts.markdown(&j.text, &anchor);
            let notes = texts.calls(&j.sources);
            JudgmentRow {
                number: i + 1,
                text: rows::with_calls(text, &notes),
                level: j.confidence.word(),
                confidence: confidence(j.confidence, language),
                notes,
                mark: crate::render::trust::mark(site.dossier.support.judgment(i), site.labels),
                anchor,
            }
        })
        .collect()
}

/// The table of contents: the sections that have something to show (`present`, in
/// the order of [`Section::ALL`]), numbered, with their pages when printed.
fn contents(site: &Site<'_>, present: [bool; 6], layout: &Layout) -> Vec<Heading> {
    let l = site.labels;
    let b = crate::labels::briefing(site.language);
    let titles = [
        l.summary,
        l.key_judgments,
        l.chronology,
        b.roster,
        b.source_list,
        b.notes,
    ];
    Section::ALL
        .into_iter()
        .zip(titles)
        .zip(present)
        .filter(|&(_, shown)| shown)
        .enumerate()
        .map(|(i, ((section, label), _))| Heading {
            anchor: section.name(),
            number: i + 1,
            label,
            page: layout.pages.as_ref().map(|pages| {
                pages
                    .get(section.name())
                    .map_or_else(|| "–".to_string(), u32::to_string)
            }),
        })
        .collect()
}

/// The sentences that say what a list leaves out and where it is.
struct LeftOut<'d> {
    d: &'d Dossier,
    b: &'static BriefingLabels,
}

impl LeftOut<'_> {
    /// Where a section of the site is: its address when the site's is known.
    fn place(&self, section: &str) -> String {
        match &self.d.meta.base_url {
            Some(base) => format!("{}/{section}/", base.trim_end_matches('/')),
            None => format!("{section}/"),
        }
    }

    fn say(&self, text: &str, shown: usize, total: usize, section: &str) -> Option<String> {
        (shown < total).then(|| {
            let count = |n: usize| crate::labels::count(n, self.d.meta.language);
            text.replace("{shown}", &count(shown))
                .replace("{total}", &count(total))
                .replace("{left}", &count(total - shown))
                .replace("{where}", &self.place(section))
        })
    }

    fn events(&self, shown: usize, on: bool) -> Option<String> {
        let total = self.d.events.len();
        self.say(self.b.events_left_out, shown, total, "chronology")
            .filter(|_| on)
    }

    fn actors(&self, shown: usize, on: bool) -> Option<String> {
        let total = self.d.actors.len();
        self.say(self.b.actors_left_out, shown, total, "actors")
            .filter(|_| on)
    }

    fn sources(&self, shown: usize, on: bool) -> Option<String> {
        let total = self.d.sources.len();
        self.say(self.b.sources_left_out, shown, total, "sources")
            .filter(|_| on)
    }
}

/// A picture drawn for print, every mark linking to its entry inside the briefing, or
/// to the section when the entry is not there.
fn print_picture(
    d: &Dossier,
    selection: &Selection,
    listed: &[bool],
    id: &str,
    draw: impl FnOnce(&pictures::Links<'_>, &pictures::Frame<'_>) -> Option<String>,
) -> Option<String> {
    let actor = |i: usize| {
        if selection.shows(Target::Actor(i)) {
            format!("#{}", actor_anchor(&d.actors[i].id))
        } else {
            "#actors".to_string()
        }
    };
    let event = |i: usize| {
        if selection.shows(Target::Event(i)) {
            format!("#{}", event_anchor(&d.events[i].id))
        } else {
            "#chronology".to_string()
        }
    };
    let citation = |c: &Citation| {
        if listed[c.source] {
            format!("#{}", source_anchor(&d.sources[c.source].id))
        } else {
            "#actors".to_string()
        }
    };
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

/// The anchor of an actor in the roster.
pub fn actor_anchor(id: &str) -> String {
    format!("actor-{id}")
}

/// The anchor of an event in the chronology.
pub fn event_anchor(id: &str) -> String {
    format!("event-{id}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calls_alone_in_parentheses_follow_the_word() {
        let call = |n: u32| format!("<a class=\"nref\" href=\"#note-{n}\">{n}</a>");
        let html = format!(
            "<p>Russie\n({}, {},\n{}). Puis ({} ; voir {}).</p>",
            call(1),
            call(1),
            call(2),
            call(3),
            call(4)
        );
        assert_eq!(
            tuck_calls(&html),
            format!(
                "<p>Russie{}<span class=\"nsep\">,</span>{}. Puis ({} ; voir {}).</p>",
                call(1),
                call(2),
                call(3),
                call(4)
            )
        );
    }
}
