//! The words of the timeline: tooltips and the legend.

use crate::labels::{self, count_of as count};
use crate::model::{Dossier, Event, Language};
use crate::pictures::svg::Escaped;

/// Writes the span of an event in words: `26 juillet 2023`, `juillet – décembre 2023`.
fn write_when(out: &mut Escaped<'_>, event: &Event, language: Language) {
    out.push(&event.date.human(language));
    match event.end {
        Some(end) if end != event.date => {
            out.push(" – ");
            out.push(&end.human(language));
        }
        _ => {}
    }
}

/// Writes the tooltip of a mark whose title is written beside it: when, and whether
/// approximate (the title would repeat the text next to the mark).
pub fn write_when_tooltip(out: &mut Escaped<'_>, event: &Event, language: Language) {
    write_when(out, event, language);
    if event.approximate {
        out.push(" (");
        out.push(labels::pictures(language).approximate);
        out.push(")");
    }
}

/// Writes the tooltip of a mark standing for `events`.
pub fn write_tooltip(
    out: &mut Escaped<'_>,
    dossier: &Dossier,
    events: &[usize],
    language: Language,
) {
    let w = labels::pictures(language);
    let line = |out: &mut Escaped<'_>, e: usize| {
        let event = &dossier.events[e];
        write_when(out, event, language);
        if event.approximate {
            out.push(" (");
            out.push(w.approximate);
            out.push(")");
        }
        out.push(" — ");
        out.push(event.title.trim());
    };
    match events {
        [single] => line(out, *single),
        _ => {
            let human = |e: Option<&usize>| {
                e.map(|&e| dossier.events[e].date.human(language))
                    .unwrap_or_default()
            };
            out.push(&count(events.len(), w.event, w.events));
            out.push(", ");
            out.push(&human(events.first()));
            out.push(" – ");
            out.push(&human(events.last()));
            for &e in events.iter().take(5) {
                out.push("\n• ");
                line(out, e);
            }
            if events.len() > 5 {
                out.push("\n…");
            }
        }
    }
}
