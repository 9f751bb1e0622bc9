//! `timeline.json`: the events as `TimelineJS` slides. Partial dates keep their precision
//! (`TimelineJS` reads `year`, `month`, `day` as given), a period gets an `end_date`, an
//! approximate date says so in `display_date`, and each slide is grouped by its first
//! tag (`TimelineJS` draws one row per group).

use serde::Serialize;

use crate::escape::html as escape_html;
use crate::labels::date_span;
use crate::model::{Date, Dossier, Event};

#[derive(Serialize)]
struct Timeline<'a> {
    title: Slide<'a>,
    events: Vec<Slide<'a>>,
}

#[derive(Serialize)]
struct Slide<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    unique_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    start_date: Option<SlideDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_date: Option<SlideDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    display_date: Option<String>,
    text: Text<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<&'a str>,
}

#[derive(Serialize)]
struct Text<'a> {
    headline: &'a str,
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

/// The `text` of a slide: the description, then the sources it cites, as plain text
/// (`TimelineJS` inserts it as HTML, so every character that means markup is escaped).
fn slide_text(d: &Dossier, e: &Event) -> String {
    let mut text = String::new();
    if let Some(description) = &e.description {
        text.push_str(&escape_html(description));
    }
    let cited = super::citation_texts(d, &e.sources);
    if !cited.is_empty() {
        if !text.is_empty() {
            text.push_str("<br>");
        }
        text.push_str(&escape_html(&cited.join(", ")));
    }
    text
}

fn slide<'a>(d: &'a Dossier, e: &'a Event) -> Slide<'a> {
    let language = d.meta.language;
    Slide {
        unique_id: Some(format!("e-{}", e.id)),
        start_date: Some(e.date.into()),
        end_date: e.end.map(SlideDate::from),
        display_date: e
            .approximate
            .then(|| date_span(&e.date, e.end.as_ref(), true, language)),
        text: Text {
            headline: &e.title,
            text: slide_text(d, e),
        },
        group: e.tags.first().map(String::as_str),
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
                headline: &d.meta.title,
                text: escape_html(
                    d.meta
                        .subtitle
                        .as_deref()
                        .or(d.meta.summary.as_deref())
                        .unwrap_or_default(),
                ),
            },
            group: None,
        },
        events: d.events.iter().map(|e| slide(d, e)).collect(),
    };
    let mut bytes = serde_json::to_vec(&timeline).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}
