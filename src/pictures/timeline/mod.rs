//! The timeline: a time axis over the stretches that hold events (a long empty
//! stretch is cut out and marked as a break), and every event as a mark with its
//! title: a day is a dot, a month or a year a dot with a whisker over the span it
//! could fall in, a period a bar; approximate dates are drawn hollow with a dashed
//! outline. Marks and titles are stacked on rows so that none touches another.
//! Past a few hundred events the picture counts them by month instead (each bar a
//! link to its first event), and the page's list names them.

mod axis;
mod draw;
mod marks;
mod overview;
mod texts;
mod ticks;

use crate::model::Dossier;
use crate::pictures::{Frame, Links, Medium};
use axis::Axis;

/// Up to this many events, each is drawn with its title; past it, they are counted.
fn titled_events(medium: Medium) -> usize {
    match medium {
        Medium::Screen | Medium::Column => 150,
        Medium::Print => 60,
    }
}

/// Widest line of a title.
fn wrap_width(medium: Medium) -> f64 {
    match medium {
        Medium::Screen => 240.0,
        Medium::Column | Medium::Print => 200.0,
    }
}

/// Draws the timeline of `events` (indexes into `Dossier::events`, in any order;
/// unknown indexes are ignored), at the natural size of `frame.medium`.
///
/// Returns `None` for fewer than two events: one date needs no picture. Every mark
/// links to `links.event` of its event (a month's bar, past the titled maximum, to
/// its first event).
pub fn timeline(
    dossier: &Dossier,
    events: &[usize],
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> Option<String> {
    let mut chosen: Vec<usize> = events
        .iter()
        .copied()
        .filter(|&e| e < dossier.events.len())
        .collect();
    chosen.sort_by(|&a, &b| {
        dossier.events[a]
            .date
            .cmp(&dossier.events[b].date)
            .then(a.cmp(&b))
    });
    chosen.dedup();
    if chosen.len() < 2 {
        return None;
    }
    let spans: Vec<(i64, i64)> = chosen
        .iter()
        .map(|&e| {
            let event = &dossier.events[e];
            let last = event.end.map_or(event.date.last_day(), |end| {
                end.last_day().max(event.date.last_day())
            });
            (event.date.first_day(), last + 1)
        })
        .collect();
    let width = frame.medium.width();
    let (left, right) = (draw::MARGIN + 4.0, width - draw::MARGIN - 4.0);
    let axis = Axis::new(&spans, left, right, frame.language);
    if chosen.len() > titled_events(frame.medium) {
        return Some(overview::draw(dossier, &chosen, &axis, links, frame));
    }
    let (items, rows) = marks::place(
        &dossier.events,
        &chosen,
        &axis,
        (draw::MARGIN, width - draw::MARGIN),
        wrap_width(frame.medium),
    );
    Some(draw::draw(
        dossier,
        &chosen,
        (&items, rows),
        &axis,
        links,
        frame,
    ))
}
