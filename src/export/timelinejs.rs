//! `timeline.json`: the events as `TimelineJS` slides. Partial dates keep their precision
//! (`TimelineJS` reads `year`, `month`, `day` as given), a period gets an `end_date`, an
//! approximate date says so in `display_date`, and each slide is grouped by its first
//! tag (`TimelineJS` draws one row per group).

use std::fmt::Write as _;

use serde::Serialize;

use crate::escape::{html as escape_html, push_html};
use crate::labels::date_span;
use crate::model::{Citation, Date, Dossier, Event};
use crate::plain_text::plain;

#[derive(Serialize)]
struct Timeline {
    title: Slide,
    events: Vec<Slide>,
}

#[derive(Serialize)]
struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<SlideDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<SlideDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
}

/// A slide's words, both read by `TimelineJS` as HTML: escaped.
#[derive(Serialize)]
struct Text {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct SlideDate {
    year: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u8>,
}

impl From<Date> for SlideDate {
    fn from(date: Date) -> Self {
        Self {
            year: date.year,
            month: date.month,
            day: date.day,
        }
    }
}

/// The `text` of a slide: the description as plain text (wiki-links replaced by what
/// they name), then the sources it cites by title, with their paragraphs (`§3–4`) and a
/// link to the original when it has one. `TimelineJS` inserts it as HTML: everything
/// from the content is escaped.
fn slide_text(d: &Dossier, e: &Event) -> String {
    let mut text = String::new();
    if let Some(description) = &e.description {
        push_html(&mut text, &plain(description, d));
    }
    for (i, citation) in e.sources.iter().enumerate() {
        text.push_str(match (i, text.is_empty()) {
            (0, true) => "",
            (0, false) => "<br>",
            _ => "; ",
        });
        push_cited(&mut text, d, citation);
    }
    text
}

/// One cited source, as HTML: its title (a link to the original when it has an
/// address) and the paragraphs cited.
fn push_cited(text: &mut String, d: &Dossier, citation: &Citation) {
    let source = &d.sources[citation.source];
    match &source.url {
        Some(url) => {
            text.push_str("<a href=\"");
            push_html(text, url);
            text.push_str("\">");
            push_html(text, &source.title);
            text.push_str("</a>");
        }
        None => push_html(text, &source.title),
    }
    match citation.paragraphs {
        Some((first, last)) if first == last => {
            let _ = write!(text, " §{first}");
        }
        Some((first, last)) => {
            let _ = write!(text, " §{first}–{last}");
        }
        None => {}
    }
}

fn slide(d: &Dossier, e: &Event) -> Slide {
    let language = d.meta.language;
    Slide {
        unique_id: Some(format!("e-{}", e.id)),
        start_date: Some(e.date.into()),
        end_date: e.end.map(SlideDate::from),
        display_date: e
            .approximate
            .then(|| date_span(&e.date, e.end.as_ref(), true, language)),
        text: Text {
            headline: escape_html(&e.title),
            text: slide_text(d, e),
        },
        group: e.tags.first().map(|tag| escape_html(tag)),
    }
}

/// The bytes of `timeline.json`.
pub fn write(d: &Dossier) -> Vec<u8> {
    let timeline = Timeline {
        title: Slide {
            unique_id: None,
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text {
                headline: escape_html(&d.meta.title),
                text: match (&d.meta.subtitle, &d.meta.summary) {
                    (Some(subtitle), _) => escape_html(subtitle),
                    (None, Some(summary)) => escape_html(&plain(summary, d)),
                    (None, None) => String::new(),
                },
            },
            group: None,
        },
        events: d.events.iter().map(|e| slide(d, e)).collect(),
    };
    let mut bytes = serde_json::to_vec(&timeline).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
