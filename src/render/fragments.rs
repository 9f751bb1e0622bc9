//! The HTML of the items that pages repeat by the thousand (an event in the chronology
//! or in a list, a quoted mention, a citation, what cites a paragraph), written here and
//! only here rather than in the templates: a template engine looks every variable up by
//! name, which made these lists most of the build time. Templates place the fragments
//! (`… | safe`) and style them by their classes, which are a contract kept stable (the
//! README lists them): `citations`, `cite`, `cite-source`, `cite-p`; `event`,
//! `event-rows`, `event-date`, `event-title`, `event-actors`; `mention-group`, `quotes`,
//! `where`; `mentioned`, `count`; `cited-note`, `cited-count`, `cited-text`,
//! `cited-label`, `cited-by`, `cited-group`, `cited-kind`.

use std::fmt::Write;

use super::views::{CitationView, EventRow, EventView, Link};
use crate::escape::push_html;
use crate::labels::Labels;
use crate::model::LanguageTag;

/// Appends `<a href="…">label</a>`, escaped.
fn push_link(html: &mut String, href: &str, label: &str, class: Option<&str>) {
    html.push_str("<a");
    if let Some(class) = class {
        html.push_str(" class=\"");
        html.push_str(class);
        html.push('"');
    }
    html.push_str(" href=\"");
    push_html(html, href);
    html.push_str("\">");
    push_html(html, label);
    html.push_str("</a>");
}

/// Appends the citations of an item, grouped by source:
/// `<p class="citations"><span class="label">Sources :</span> <span class="cite">…</span> · …</p>`
/// (see [`push_citation_links`]). `titles` adds the full title of each source on hover.
pub fn push_citations(html: &mut String, citations: &[CitationView], l: &Labels, titles: bool) {
    if citations.is_empty() {
        return;
    }
    html.push_str("<p class=\"citations\"><span class=\"label\">");
    push_html(html, l.evidence);
    html.push_str(l.colon);
    html.push_str("</span> ");
    push_citation_links(html, citations, titles);
    html.push_str("</p>\n");
}

/// [`push_citations`] as a string: what a template places with `| safe`.
pub fn citations(citations: &[CitationView], l: &Labels) -> String {
    let mut html = String::new();
    push_citations(&mut html, citations, l, true);
    html
}

/// The citations alone, without their label (a table's cell).
pub fn citation_links(citations: &[CitationView], titles: bool) -> String {
    let mut html = String::new();
    push_citation_links(&mut html, citations, titles);
    html
}

/// Each cited source once, `·` between sources: `<span class="cite"><a class="cite-source"
/// href="…">Short title…</a> <a class="cite-p" href="…#p1">§1</a>, <a class="cite-p">§3</a></span>`.
/// The one markup of a citation: every page's citations are written here.
pub fn push_citation_links(html: &mut String, citations: &[CitationView], titles: bool) {
    for (i, c) in citations.iter().enumerate() {
        if i > 0 {
            html.push_str(" · ");
        }
        html.push_str("<span class=\"cite\"><a class=\"cite-source\" href=\"");
        push_html(html, &c.href);
        if titles {
            html.push_str("\" title=\"");
            push_html(html, &c.title);
        }
        html.push_str("\">");
        push_html(html, &c.label);
        html.push_str("</a>");
        for (j, (href, label)) in c.paragraphs.iter().enumerate() {
            html.push_str(if j == 0 { "\u{a0}" } else { ", " });
            html.push_str("<a class=\"cite-p\" href=\"");
            push_html(html, href);
            html.push_str("\">");
            push_html(html, label);
            html.push_str("</a>");
        }
        html.push_str("</span>");
    }
}

/// A list of events as lines: date, title linking to the chronology, citations.
pub fn event_rows(rows: &[EventRow<'_>], l: &Labels) -> String {
    let mut html = String::with_capacity(rows.len() * 300);
    html.push_str("<ul class=\"event-rows\">\n");
    for row in rows {
        push_row_start(&mut html, row);
        push_citations(&mut html, &row.citations, l, false);
        super::trust::push_mark(&mut html, row.support, l);
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// A compact list of events (a tag's page, a long profile), one line each: date,
/// title linking to the event on its chronology page, the "single source" mark
/// without its printed explanation; no citations (the chronology page gives them).
/// The same `<ul class="event-rows">` as [`event_rows`].
pub fn event_lines(rows: &[EventRow<'_>], l: &Labels) -> String {
    let mut html = String::with_capacity(rows.len() * 200);
    html.push_str("<ul class=\"event-rows\">\n");
    for row in rows {
        push_row_start(&mut html, row);
        super::trust::push_brief_mark(&mut html, row.support, l);
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// The start of an event's line: `<li><time datetime="…">date</time> ` and its title,
/// linked to the event.
fn push_row_start(html: &mut String, row: &EventRow<'_>) {
    html.push_str("<li><time datetime=\"");
    html.push_str(&row.iso);
    html.push_str("\">");
    push_html(html, &row.date);
    html.push_str("</time> ");
    push_link(html, &row.href, row.title, None);
}

/// An event in full, as the chronology shows it, under a heading of `level`:
/// `<article class="event" id="e-…"><time class="event-date">` then
/// `<div class="event-body">` (title with its `#` link, description, actors and place,
/// citations, the single-source mark, tags). Written light, for a page holds thousands:
/// the tags without their `tag` class (the stylesheet styles `.event .tags a` alike), the
/// mark's explanation once ([`super::trust::push_mark_once`]).
pub fn event_article(html: &mut String, e: &EventView<'_>, l: &Labels, level: u8) {
    html.push_str("<article class=\"event");
    if e.approximate {
        html.push_str(" approximate");
    }
    html.push_str("\" id=\"");
    push_html(html, &e.anchor);
    html.push_str("\">\n<time class=\"event-date\" datetime=\"");
    html.push_str(&e.iso);
    html.push_str("\">");
    push_html(html, &e.date);
    html.push_str("</time>\n<div class=\"event-body\">\n");
    let _ = write!(html, "<h{level} class=\"event-title\">");
    push_html(html, e.title);
    html.push_str(" <a class=\"self\" href=\"#");
    push_html(html, &e.anchor);
    html.push_str("\" aria-label=\"");
    push_html(html, l.permalink);
    let _ = writeln!(html, "\">#</a></h{level}>");
    if let Some(description) = &e.description {
        html.push_str("<div class=\"event-description\">");
        html.push_str(description);
        html.push_str("</div>\n");
    }
    if !e.actors.is_empty() || e.place.is_some() {
        html.push_str("<p class=\"event-actors\">");
        if !e.actors.is_empty() {
            push_label(html, l.actors, l);
            push_links(html, &e.actors, ", ");
        }
        if let Some(place) = &e.place {
            html.push(' ');
            push_label(html, l.place, l);
            push_link(html, &place.href, &place.label, None);
        }
        html.push_str("</p>\n");
    }
    push_citations(html, &e.citations, l, true);
    super::trust::push_mark_once(html, e.support, l);
    if !e.tags.is_empty() {
        html.push_str("<p class=\"tags\">");
        for tag in &e.tags {
            push_link(html, &tag.href, &tag.label, None);
            html.push(' ');
        }
        html.push_str("</p>\n");
    }
    html.push_str("</div>\n</article>\n");
}

/// `<span class="label">Acteurs :</span> `.
fn push_label(html: &mut String, label: &str, l: &Labels) {
    html.push_str("<span class=\"label\">");
    push_html(html, label);
    html.push_str(l.colon);
    html.push_str("</span> ");
}

/// Links separated by `separator`.
fn push_links(html: &mut String, links: &[Link], separator: &str) {
    for (i, link) in links.iter().enumerate() {
        if i > 0 {
            html.push_str(separator);
        }
        push_link(html, &link.href, &link.label, None);
    }
}

/// One source's mentions of an actor on its profile: the source, then each sentence
/// linking to its paragraph.
pub struct QuoteGroup<'a> {
    /// The source.
    pub source: Link,
    /// Its date in words.
    pub date: String,
    /// `1 mention`, `3 mentions`.
    pub count: String,
    /// Each paragraph mentioning the actor, once.
    pub quotes: Vec<Quote<'a>>,
    /// The language of the source, when not the interface's.
    pub language: Option<&'a LanguageTag>,
    /// The element's id when it is the first of its year in a long list
    /// (`mentions-2023`), which the list's index of years links to.
    pub anchor: Option<String>,
}

/// The mentions of an actor in one paragraph (or one place outside the numbered ones).
pub struct Quote<'a> {
    /// Link to the paragraph.
    pub href: String,
    /// Where: `§3`, or the place outside the numbered paragraphs (`titre`, `tableau`).
    pub place: String,
    /// The sentence around the first mention.
    pub sentence: &'a str,
    /// How many mentions there.
    pub count: usize,
}

/// The mentions of an actor, grouped by source, one line per paragraph:
/// `<ul class="quotes"><li><a><span class="where">§3</span> sentence</a>
/// <span class="count">×2</span></li>`.
pub fn quote_groups(groups: &[QuoteGroup<'_>]) -> String {
    let mut html = String::with_capacity(groups.len() * 600);
    for group in groups {
        html.push_str("<div class=\"mention-group\"");
        push_id(&mut html, group.anchor.as_deref());
        html.push_str(">\n<h3>");
        push_mentioning_source(&mut html, group);
        html.push_str("</h3>\n<ul class=\"quotes\">\n");
        for quote in &group.quotes {
            html.push_str("<li><a href=\"");
            push_html(&mut html, &quote.href);
            html.push_str("\"><span class=\"where\">");
            push_html(&mut html, &quote.place);
            html.push_str("</span> ");
            match group.language {
                Some(language) => {
                    // In its language and direction, apart from the interface's.
                    html.push_str("<span lang=\"");
                    push_html(&mut html, language.as_str());
                    html.push_str(if language.is_right_to_left() {
                        "\" dir=\"rtl\">"
                    } else {
                        "\">"
                    });
                    push_html(&mut html, quote.sentence);
                    html.push_str("</span>");
                }
                None => push_html(&mut html, quote.sentence),
            }
            html.push_str("</a>");
            if quote.count > 1 {
                let _ = write!(html, " <span class=\"count\">×{}</span>", quote.count);
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ul>\n</div>\n");
    }
    html
}

/// The sources mentioning an actor beyond those quoted, one line each:
/// `<ul class="mention-sources"><li><a>Title</a> <span class="meta-inline">date ·
/// 3 mentions</span></li></ul>`.
pub fn mention_sources(groups: &[QuoteGroup<'_>]) -> String {
    let mut html = String::with_capacity(groups.len() * 200 + 40);
    html.push_str("<ul class=\"mention-sources\">\n");
    for group in groups {
        html.push_str("<li");
        push_id(&mut html, group.anchor.as_deref());
        html.push('>');
        push_mentioning_source(&mut html, group);
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// ` id="ID"` when there is an id.
fn push_id(html: &mut String, id: Option<&str>) {
    if let Some(id) = id {
        html.push_str(" id=\"");
        push_html(html, id);
        html.push('"');
    }
}

/// An index of the years of a long list, each linking to its first item:
/// `<nav class="jump" aria-label="LABEL"><ul><li><a href="#mentions-2023">2023</a>
/// <span class="count">12</span></li>…</ul></nav>`.
pub fn year_index(label: &str, years: &[(Link, usize)]) -> String {
    let mut html = String::with_capacity(years.len() * 70 + 80);
    html.push_str("<nav class=\"jump\" aria-label=\"");
    push_html(&mut html, label);
    html.push_str("\"><ul>");
    for (year, count) in years {
        html.push_str("<li>");
        push_link(&mut html, &year.href, &year.label, None);
        let _ = write!(html, " <span class=\"count\">{count}</span></li>");
    }
    html.push_str("</ul></nav>\n");
    html
}

/// A source that mentions an actor: `<a>Title</a> <span class="meta-inline">date ·
/// 3 mentions</span>`.
fn push_mentioning_source(html: &mut String, group: &QuoteGroup<'_>) {
    push_link(html, &group.source.href, &group.source.label, None);
    html.push_str(" <span class=\"meta-inline\">");
    push_html(html, &group.date);
    html.push_str(" · ");
    push_html(html, &group.count);
    html.push_str("</span>");
}

/// A list of links, one per item: `<ul class="CLASS"><li><a>…</a></li>…</ul>`.
pub fn link_list(class: &str, links: &[Link]) -> String {
    let mut html = String::with_capacity(links.len() * 120 + 40);
    html.push_str("<ul class=\"");
    html.push_str(class);
    html.push_str("\">\n");
    for link in links {
        html.push_str("<li>");
        push_link(&mut html, &link.href, &link.label, None);
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// The actors a source mentions: name, count, and the paragraphs where each appears.
pub fn mentioned(actors: &[(Link, usize, Vec<u32>)]) -> String {
    let mut html = String::with_capacity(actors.len() * 200 + 40);
    html.push_str("<ul class=\"mentioned\">\n");
    for (actor, count, paragraphs) in actors {
        html.push_str("<li>");
        push_link(&mut html, &actor.href, &actor.label, None);
        let _ = write!(html, " <span class=\"count\">{count}</span>");
        if !paragraphs.is_empty() {
            html.push_str(" <span class=\"where\">");
            for (i, p) in paragraphs.iter().enumerate() {
                if i > 0 {
                    html.push(' ');
                }
                let _ = write!(
                    html,
                    "<a href=\"#{}{p}\">§{p}</a>",
                    crate::paragraphs::ANCHOR_PREFIX
                );
            }
            html.push_str("</span>");
        }
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// A row of the table of sources.
pub struct SourceRow<'a> {
    /// Link to the page.
    pub href: String,
    /// Publication date in words, and in ISO form (the sort key).
    pub date: (String, String),
    /// Outlet.
    pub outlet: Option<&'a str>,
    /// Headline.
    pub title: &'a str,
    /// Kind, in words.
    pub kind: &'static str,
    /// The grade (`B2`) and what it means.
    pub grade: Option<(String, String)>,
    /// Language of the text, in words, and its code.
    pub language: (String, &'a str),
    /// How many mentions of actors.
    pub mentions: usize,
}

/// The body rows of the table of sources (`<tr>` each, in a `<tbody>` of the template).
/// Each cell carries its column's name (`data-label`), which the stylesheet shows when
/// the rows become cards on a phone.
pub fn source_rows(rows: &[SourceRow<'_>], l: &Labels) -> String {
    let mut html = String::with_capacity(rows.len() * 600);
    let cell = |html: &mut String, label: &str| {
        html.push_str("</td><td data-label=\"");
        push_html(html, label);
        html.push_str("\">");
    };
    for row in rows {
        let (date, iso) = &row.date;
        let _ = write!(
            html,
            "<tr><td data-value=\"{iso}\" data-label=\"{}\"><time datetime=\"{iso}\">",
            l.date
        );
        push_html(&mut html, date);
        html.push_str("</time>");
        cell(&mut html, l.outlet);
        push_html(&mut html, row.outlet.unwrap_or_default());
        cell(&mut html, l.title);
        push_link(&mut html, &row.href, row.title, None);
        cell(&mut html, l.kind);
        push_html(&mut html, row.kind);
        cell(&mut html, l.grade);
        if let Some((grade, meaning)) = &row.grade {
            html.push_str("<abbr class=\"grade\" title=\"");
            push_html(&mut html, meaning);
            html.push_str("\">");
            push_html(&mut html, grade);
            html.push_str("</abbr>");
        }
        cell(&mut html, l.language);
        let (name, code) = &row.language;
        html.push_str("<data value=\"");
        push_html(&mut html, code);
        html.push_str("\">");
        push_html(&mut html, name);
        html.push_str("</data>");
        let _ = writeln!(
            html,
            "</td><td class=\"num\" data-label=\"{}\">{}</td></tr>",
            l.mentions, row.mentions
        );
    }
    html
}

/// What cites something, one kind at a time: `("2 jugements", links)`.
pub type CitedGroups = [(String, Vec<Link>)];

/// Appends a group's links as `<ul>`.
fn push_link_items(html: &mut String, links: &[Link]) {
    html.push_str("<ul>");
    for link in links {
        html.push_str("<li>");
        push_link(html, &link.href, &link.label, None);
        html.push_str("</li>");
    }
    html.push_str("</ul>");
}

/// The note beside numbered paragraph `paragraph`: its number and what cites it,
/// counted by kind, in the summary (`§3 Cité par 2 jugements, 5 événements`), every
/// item one click away.
/// `<details class="cited-note">` (with `attributes`, such as ` lang="fr"` in a text of
/// another language) holds `<summary>` (with `.cited-count`, the total, and
/// `.cited-text`, the counts in words), then the `<ul>` of a single kind, or a
/// `.cited-group` block (`.cited-kind` + `<ul>`) per kind.
/// Placed before the paragraph it belongs to (inside it for a list item), so that a
/// float can put it beside the text.
pub fn cited_note(paragraph: u32, groups: &CitedGroups, l: &Labels, attributes: &str) -> String {
    let total: usize = groups.iter().map(|(_, links)| links.len()).sum();
    let mut html = String::with_capacity(200 + total * 150);
    // The note names its paragraph: beside a tall list of facts, or after notes of
    // neighbouring paragraphs, it may be pushed below the paragraph it belongs to.
    let _ = write!(
        html,
        "<details class=\"cited-note\"{attributes}><summary><span class=\"cited-count\" aria-hidden=\"true\">{total}</span> <span class=\"cited-text\"><span class=\"cited-para\">§{paragraph}</span> <span class=\"cited-label\">"
    );
    push_html(&mut html, l.cited_by);
    html.push_str("</span> ");
    for (i, (heading, _)) in groups.iter().enumerate() {
        if i > 0 {
            html.push_str(", ");
        }
        push_html(&mut html, heading);
    }
    html.push_str("</span></summary>");
    match groups {
        // One kind: the summary says it already, the list follows it alone.
        [(_, links)] => push_link_items(&mut html, links),
        _ => {
            for (heading, links) in groups {
                html.push_str("<div class=\"cited-group\"><p class=\"cited-kind\">");
                push_html(&mut html, heading);
                html.push_str("</p>");
                push_link_items(&mut html, links);
                html.push_str("</div>");
            }
        }
    }
    html.push_str("</details>\n");
    html
}

/// What cites some paragraph of a source, counted by kind, with the paragraphs it
/// cites: `("5 événements", [5, 7, 8])`.
pub type CitedParagraphs = [(String, Vec<u32>)];

/// What cites some paragraph of a source, at the bottom of its page, in short: each kind
/// once, with how many items of that kind cite the text and a link to each paragraph
/// they cite (`5 événements §5 §7–8`), where the paragraph's note lists them.
/// `<ul class="cited-by"><li>… <span class="where"><a href="#p5">§5</a> …</span></li></ul>`.
pub fn cited_paragraphs(groups: &CitedParagraphs) -> String {
    let mut html = String::from("<ul class=\"cited-by\">\n");
    for (heading, paragraphs) in groups {
        html.push_str("<li>");
        push_html(&mut html, heading);
        html.push_str(" <span class=\"where\">");
        for (i, (first, last)) in runs(paragraphs).into_iter().enumerate() {
            if i > 0 {
                html.push(' ');
            }
            let prefix = crate::paragraphs::ANCHOR_PREFIX;
            let _ = write!(html, "<a href=\"#{prefix}{first}\">§{first}");
            if last > first {
                let _ = write!(html, "–{last}");
            }
            html.push_str("</a>");
        }
        html.push_str("</span></li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// Sorted paragraph numbers as runs of consecutive numbers: `[2, 3, 4, 7]` gives
/// `[(2, 4), (7, 7)]`.
fn runs(numbers: &[u32]) -> Vec<(u32, u32)> {
    let mut out: Vec<(u32, u32)> = Vec::new();
    for &n in numbers {
        match out.last_mut() {
            Some((_, last)) if n == *last + 1 => *last = n,
            Some((_, last)) if n == *last => {}
            _ => out.push((n, n)),
        }
    }
    out
}
