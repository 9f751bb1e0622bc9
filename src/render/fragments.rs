//! The HTML of the items that pages repeat by the thousand (an event in the chronology
//! or in a list, a quoted mention, a list of citations), written here rather than in
//! the templates: a template engine looks every variable up by name, which made these
//! lists most of the build time. Templates place the fragments (`… | safe`) and style
//! them by their classes: `event`, `event-rows`, `quotes`, `citations`, `cite`.

use std::fmt::Write;

use super::views::{CitationView, EventRow, EventView, Link};
use crate::escape::push_html;
use crate::labels::Labels;

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

/// Appends the citations of an item: `<p class="citations">Sources : <a class="cite">…`.
/// `titles` adds the full title of each source on hover.
pub fn push_citations(html: &mut String, citations: &[CitationView], l: &Labels, titles: bool) {
    if citations.is_empty() {
        return;
    }
    html.push_str("<p class=\"citations\"><span class=\"label\">");
    push_html(html, l.evidence);
    html.push_str(l.colon);
    html.push_str("</span> ");
    for (i, c) in citations.iter().enumerate() {
        if i > 0 {
            html.push_str(" · ");
        }
        html.push_str("<a class=\"cite\" href=\"");
        push_html(html, &c.href);
        if titles {
            html.push_str("\" title=\"");
            push_html(html, &c.title);
        }
        html.push_str("\">");
        push_html(html, &c.label);
        html.push_str("</a>");
    }
    html.push_str("</p>\n");
}

/// A list of events as lines: date, title linking to the chronology, citations.
pub fn event_rows(rows: &[EventRow<'_>], l: &Labels) -> String {
    let mut html = String::with_capacity(rows.len() * 300);
    html.push_str("<ul class=\"event-rows\">\n");
    for row in rows {
        html.push_str("<li><time datetime=\"");
        html.push_str(&row.iso);
        html.push_str("\">");
        push_html(&mut html, &row.date);
        html.push_str("</time> ");
        push_link(&mut html, &row.href, row.title, None);
        push_citations(&mut html, &row.citations, l, false);
        html.push_str("</li>\n");
    }
    html.push_str("</ul>\n");
    html
}

/// An event in full, as the chronology shows it, under a heading of `level`.
pub fn event_article(html: &mut String, e: &EventView<'_>, l: &Labels, level: u8) {
    html.push_str("<article class=\"event");
    if e.approximate {
        html.push_str(" approximate");
    }
    html.push_str("\" id=\"");
    push_html(html, &e.anchor);
    html.push_str("\">\n<p class=\"event-date\"><time datetime=\"");
    html.push_str(&e.iso);
    html.push_str("\">");
    push_html(html, &e.date);
    html.push_str("</time></p>\n<div class=\"event-body\">\n");
    let _ = write!(html, "<h{level} class=\"event-title\">");
    push_html(html, e.title);
    html.push_str(" <a class=\"self\" href=\"#");
    push_html(html, &e.anchor);
    html.push_str("\" aria-label=\"#");
    push_html(html, &e.anchor);
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
    if !e.tags.is_empty() {
        html.push_str("<p class=\"tags\">");
        for tag in &e.tags {
            push_link(html, &tag.href, &tag.label, Some("tag"));
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
    /// Each mention: link to the paragraph, its number (`§3`), the sentence.
    pub quotes: Vec<(String, Option<u32>, &'a str)>,
}

/// The mentions of an actor, grouped by source.
pub fn quote_groups(groups: &[QuoteGroup<'_>]) -> String {
    let mut html = String::with_capacity(groups.len() * 600);
    for group in groups {
        html.push_str("<div class=\"mention-group\">\n<h3>");
        push_link(&mut html, &group.source.href, &group.source.label, None);
        html.push_str(" <span class=\"meta-inline\">");
        push_html(&mut html, &group.date);
        html.push_str(" · ");
        push_html(&mut html, &group.count);
        html.push_str("</span></h3>\n<ul class=\"quotes\">\n");
        for (href, paragraph, sentence) in &group.quotes {
            html.push_str("<li><a href=\"");
            push_html(&mut html, href);
            html.push_str("\">");
            if let Some(p) = paragraph {
                let _ = write!(html, "<span class=\"where\">§{p}</span> ");
            }
            push_html(&mut html, sentence);
            html.push_str("</a></li>\n");
        }
        html.push_str("</ul>\n</div>\n");
    }
    html
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
    /// Language of the text, in words.
    pub language: &'static str,
    /// How many mentions of actors.
    pub mentions: usize,
}

/// The body rows of the table of sources (`<tr>` each, in a `<tbody>` of the template).
pub fn source_rows(rows: &[SourceRow<'_>]) -> String {
    let mut html = String::with_capacity(rows.len() * 500);
    for row in rows {
        let (date, iso) = &row.date;
        let _ = write!(
            html,
            "<tr><td data-value=\"{iso}\"><time datetime=\"{iso}\">"
        );
        push_html(&mut html, date);
        html.push_str("</time></td><td>");
        push_html(&mut html, row.outlet.unwrap_or_default());
        html.push_str("</td><td>");
        push_link(&mut html, &row.href, row.title, None);
        html.push_str("</td><td>");
        push_html(&mut html, row.kind);
        html.push_str("</td><td>");
        if let Some((grade, meaning)) = &row.grade {
            html.push_str("<abbr class=\"grade\" title=\"");
            push_html(&mut html, meaning);
            html.push_str("\">");
            push_html(&mut html, grade);
            html.push_str("</abbr>");
        }
        html.push_str("</td><td>");
        push_html(&mut html, row.language);
        let _ = writeln!(html, "</td><td class=\"num\">{}</td></tr>", row.mentions);
    }
    html
}
