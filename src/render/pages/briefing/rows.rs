//! The HTML of the briefing's long lists, written here rather than in `briefing.html`
//! (see [`crate::render::fragments`] for why): the chronology's and the roster's rows,
//! the source list's items. Everything from the content is escaped; the template
//! places the lists in its slots.

use std::fmt::Write as _;

use super::notes::{NoteCall, source_anchor};
use super::view::{Texts, actor_anchor, event_anchor};
use crate::escape::push_html;
use crate::labels::{
    BriefingLabels, Labels, actor_kind, credibility, date_span, reliability, source_kind,
};
use crate::model::{Dossier, Event, Language, Source, Target, slugify};
use crate::plain_text::first_sentence;
use crate::render::Site;

/// How much HTML a list gathers before handing it on.
const CHUNK: usize = 64 * 1024;

/// Hands the HTML of `items` to `emit` by chunks, each item appended by `push`.
pub fn emit_items<T, E>(
    emit: &mut impl FnMut(&str) -> Result<(), E>,
    items: impl IntoIterator<Item = T>,
    mut push: impl FnMut(&mut String, T),
) -> Result<(), E> {
    let mut html = String::with_capacity(CHUNK + CHUNK / 4);
    for item in items {
        push(&mut html, item);
        if html.len() >= CHUNK {
            emit(&html)?;
            html.clear();
        }
    }
    emit(&html)
}

/// The chronology's rows, in date order (`<tr>` each): date; title, description,
/// actors and place linked to the roster; note calls. Texts are rendered on the way,
/// calling their notes.
pub fn event_rows(site: &Site<'_>, texts: &Texts<'_, '_>) -> String {
    let d = site.dossier;
    let l = site.labels;
    let mut html = String::new();
    for (index, e) in texts.selection.events.iter().map(|&e| (e, &d.events[e])) {
        html.push_str("<tr id=\"");
        push_html(&mut html, &event_anchor(&e.id));
        html.push_str("\">\n      <td class=\"c-date\"><time datetime=\"");
        push_html(&mut html, &e.date.iso());
        html.push_str("\">");
        let date = date_span(&e.date, e.end.as_ref(), e.approximate, site.language);
        push_html(&mut html, &date);
        html.push_str("</time></td>\n      <td class=\"c-event\"><p class=\"event-title\">");
        push_html(&mut html, &e.title);
        html.push_str("</p>");
        let description = e.description.as_deref().map(|t| texts.markdown(t, &e.id));
        if let Some(description) = description.filter(|d| !d.is_empty()) {
            html.push_str("<div class=\"event-description\">");
            html.push_str(&description);
            html.push_str("</div>");
        }
        push_event_actors(&mut html, texts, e, l);
        html.push_str("</td>\n      <td class=\"c-notes\">");
        push_calls(&mut html, &texts.calls(&e.sources));
        crate::render::trust::push_mark(&mut html, d.support.event(index), l);
        html.push_str("</td>\n    </tr>\n    ");
    }
    html
}

/// Appends the line of an event's actors and place, when it has any.
fn push_event_actors(html: &mut String, texts: &Texts<'_, '_>, e: &Event, l: &Labels) {
    if e.actors.is_empty() && e.place.is_none() {
        return;
    }
    html.push_str("<p class=\"event-actors\">");
    if !e.actors.is_empty() {
        html.push_str("<span class=\"label\">");
        push_html(html, l.actors);
        push_html(html, l.colon);
        html.push_str("</span> ");
    }
    for (i, &actor) in e.actors.iter().enumerate() {
        if i > 0 {
            html.push_str(", ");
        }
        push_roster_link(html, texts, actor);
    }
    if let Some(place) = e.place {
        html.push_str("<span class=\"place\"><span class=\"label\">");
        push_html(html, l.place);
        push_html(html, l.colon);
        html.push_str("</span> ");
        push_roster_link(html, texts, place);
        html.push_str("</span>");
    }
    html.push_str("</p>");
}

/// The roster's rows, by name (`<tr>` each): name, kind, and the first sentence of the
/// profile or else the roles. Texts are rendered on the way, calling their notes.
pub fn actor_rows(site: &Site<'_>, texts: &Texts<'_, '_>) -> String {
    let d = site.dossier;
    let mut by_name: Vec<usize> = texts.selection.actors.clone();
    by_name.sort_by_cached_key(|&a| (slugify(&d.actors[a].name, 200), d.actors[a].id.clone()));
    let mut html = String::new();
    for a in by_name {
        let actor = &d.actors[a];
        let line = match actor.summary.as_deref().map(first_sentence) {
            Some(sentence) if !sentence.is_empty() => Some(texts.markdown(sentence, &actor.id)),
            _ => roles_line(site, a),
        };
        html.push_str("<tr id=\"");
        push_html(&mut html, &actor_anchor(&actor.id));
        html.push_str("\">\n      <th scope=\"row\" class=\"c-name\">");
        push_html(&mut html, &actor.name);
        html.push_str("</th>\n      <td class=\"c-kind\">");
        push_html(&mut html, actor_kind(actor.kind, site.language));
        html.push_str("</td>\n      <td class=\"c-line\">");
        html.push_str(line.as_deref().unwrap_or_default());
        html.push_str("</td>\n    </tr>\n    ");
    }
    html
}

/// Hands the items of the source list (`<li>` each, by date) to `emit`: grade, title,
/// outlet, byline, date, kind, what the grade means and the address.
pub fn emit_source_items<E>(
    emit: &mut impl FnMut(&str) -> Result<(), E>,
    d: &Dossier,
    l: &Labels,
    listed: &[bool],
) -> Result<(), E> {
    let b = crate::labels::briefing(d.meta.language);
    let sources = d.sources.iter().zip(listed).filter(|(_, l)| **l);
    emit_items(emit, sources.map(|(s, _)| s), |html, source| {
        push_source_item(html, source, d.meta.language, l, b);
        push_relays(html, source, d, l, listed);
        html.push_str("\n    </div>\n  </li>\n  ");
    })
}

/// Appends one item of the source list.
fn push_source_item(
    html: &mut String,
    s: &Source,
    language: Language,
    l: &Labels,
    b: &BriefingLabels,
) {
    html.push_str("<li id=\"");
    push_html(html, &source_anchor(&s.id));
    html.push_str("\">\n    <span class=\"grade");
    let grade = s.grade().filter(|g| !g.is_empty());
    if grade.is_none() {
        html.push_str(" ungraded");
    }
    html.push_str("\">");
    push_html(html, grade.as_deref().unwrap_or("–"));
    html.push_str(
        "</span>\n    <div class=\"source-body\">\n      <p class=\"source-title\"><cite>",
    );
    push_html(html, &s.title);
    html.push_str("</cite></p>\n      <p class=\"source-meta\">");
    match present(s.outlet.as_deref()) {
        Some(outlet) => push_html(html, outlet),
        None => {
            html.push_str("<span class=\"missing\">");
            push_html(html, b.no_outlet);
            html.push_str("</span>");
        }
    }
    if let Some(author) = present(s.author.as_deref()) {
        html.push_str(", ");
        push_html(html, author);
    }
    html.push_str(" · ");
    push_html(html, &s.published.human(language));
    html.push_str(" · ");
    push_html(html, source_kind(s.kind, language));
    html.push_str("</p>\n      <p class=\"source-grade\">");
    let meaning = grade_meaning(s, language).filter(|m| !m.is_empty());
    push_html(html, meaning.as_deref().unwrap_or(b.ungraded));
    html.push_str("</p>\n      <p class=\"source-fingerprint\"><span class=\"label\">");
    push_html(html, l.fingerprint);
    push_html(html, l.colon);
    html.push_str("</span> <code class=\"fingerprint\">");
    push_html(html, &s.fingerprint);
    html.push_str("</code></p>\n      ");
    if let Some(url) = present(s.url.as_deref()) {
        html.push_str("<p class=\"source-url\"><span class=\"label\">");
        push_html(html, b.address);
        push_html(html, l.colon);
        html.push_str("</span> <a href=\"");
        push_html(html, url);
        html.push_str("\">");
        push_html(html, url);
        html.push_str("</a></p>");
    }
}

/// Appends, for a source derived from others, the line naming what it relays, each
/// with its outlet, linked to its item when the list holds it.
fn push_relays(html: &mut String, s: &Source, d: &Dossier, l: &Labels, listed: &[bool]) {
    if s.derived_from.is_empty() {
        return;
    }
    html.push_str("\n      <p class=\"source-relays\"><span class=\"label\">");
    push_html(html, l.derived_from);
    push_html(html, l.colon);
    html.push_str("</span> ");
    for (n, &original) in s.derived_from.iter().enumerate() {
        if n > 0 {
            html.push_str("; ");
        }
        let o = &d.sources[original];
        let linked = listed.get(original).copied().unwrap_or(false);
        if linked {
            html.push_str("<a href=\"#");
            push_html(html, &source_anchor(&o.id));
            html.push_str("\">");
        }
        html.push_str("<cite>");
        push_html(html, &o.title);
        html.push_str("</cite>");
        if linked {
            html.push_str("</a>");
        }
        if let Some(outlet) = present(o.outlet.as_deref()) {
            html.push_str(" (");
            push_html(html, outlet);
            html.push(')');
        }
    }
    html.push_str("</p>");
}

/// A text the list shows: none when empty, as the template had it.
fn present(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.is_empty())
}

/// Appends a link to an actor's row in the roster, or its name when the roster does
/// not hold it.
fn push_roster_link(html: &mut String, texts: &Texts<'_, '_>, actor: usize) {
    let name = &texts.selection_dossier().actors[actor];
    if !texts.selection.shows(Target::Actor(actor)) {
        push_html(html, &name.name);
        return;
    }
    html.push_str("<a href=\"#");
    push_html(html, &actor_anchor(&name.id));
    html.push_str("\">");
    push_html(html, &name.name);
    html.push_str("</a>");
}

/// Appends note calls, separated by commas: `<a class="nref" href="#note-3">3</a>`.
fn push_calls(html: &mut String, calls: &[NoteCall]) {
    for (i, call) in calls.iter().enumerate() {
        if i > 0 {
            html.push_str("<span class=\"nsep\">,</span>");
        }
        html.push_str("<a class=\"nref\" href=\"");
        push_html(html, &call.href);
        let _ = write!(html, "\">{}</a>", call.number);
    }
}

/// A rendered text with note calls after its last word (inside its last paragraph).
pub fn with_calls(mut text: String, calls: &[NoteCall]) -> String {
    if calls.is_empty() {
        return text;
    }
    let mut html = String::new();
    push_calls(&mut html, calls);
    let at = text
        .trim_end()
        .strip_suffix("</p>")
        .map_or(text.len(), str::len);
    text.insert_str(at, &html);
    text
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
    Some(format!("<p>{}</p>", crate::escape::html(&text)))
}

/// What a source's grade means, in words (`source assez fiable, information
/// probablement vraie`).
fn grade_meaning(source: &Source, language: Language) -> Option<String> {
    let parts: Vec<&str> = [
        source.reliability.map(|r| reliability(r, language)),
        source.credibility.map(|c| credibility(c, language)),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
