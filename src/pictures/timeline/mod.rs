//! The timeline: a horizontal time axis with ticks at whole years, months or days;
//! events as dots, periods and partial dates as bars over their whole span,
//! approximate dates blurred; one lane with every event, then one lane per leading
//! actor. Dots that would collide merge into numbered clusters, so 5 or 5,000 events
//! read the same way.

mod axis;
mod draw;
mod marks;
mod texts;

use crate::model::Dossier;
use crate::pictures::{Frame, Links};
use axis::Axis;
use marks::{LaneMarks, lane_marks};

/// Which lanes the timeline has besides the first one, which holds every event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lanes {
    /// How many actors get a lane of their own: those in the most events (ties by
    /// index), in that order.
    pub actors: usize,
    /// An actor never given a lane: on an actor's profile, the actor itself, whose
    /// lane would repeat the first.
    pub exclude: Option<usize>,
}

impl Lanes {
    /// Only the lane with every event.
    pub fn none() -> Self {
        Self {
            actors: 0,
            exclude: None,
        }
    }

    /// Lanes for the `count` actors in the most events (for `chronology/`).
    pub fn top(count: usize) -> Self {
        Self {
            actors: count,
            exclude: None,
        }
    }

    /// On `actor`'s profile: lanes for the `count` actors it shares the most events
    /// with.
    pub fn profile(actor: usize, count: usize) -> Self {
        Self {
            actors: count,
            exclude: Some(actor),
        }
    }
}

/// One lane: its name, its events, its marks.
pub struct Lane {
    /// The actor it follows, or `None` for the lane with every event.
    pub actor: Option<usize>,
    /// Its events, in date order.
    pub events: Vec<usize>,
    /// Its marks.
    pub marks: LaneMarks,
}

/// Draws the timeline of `events` (indexes into `Dossier::events`, in any order;
/// unknown indexes are ignored): for `chronology/` every event with
/// [`Lanes::top`], for a profile the actor's events with [`Lanes::profile`].
///
/// Returns `None` when there is no event. Every mark links to `links.event` of its
/// event; a cluster links to its earliest event (the chronology is in date order, so
/// that is where its events begin) and lists the first titles in its tooltip.
pub fn timeline(
    dossier: &Dossier,
    events: &[usize],
    lanes: Lanes,
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
    if chosen.is_empty() {
        return None;
    }
    let first = chosen
        .iter()
        .map(|&e| dossier.events[e].date.first_day())
        .min()?;
    let last = chosen
        .iter()
        .map(|&e| {
            let event = &dossier.events[e];
            event
                .end
                .map_or(event.date.last_day(), |end| end.last_day())
                .max(event.date.last_day())
                + 1
        })
        .max()?;
    let years = chosen.iter().fold((u16::MAX, 0u16), |(low, high), &e| {
        let event = &dossier.events[e];
        let end = event
            .end
            .map_or(event.date.year, |d| d.year)
            .max(event.date.year);
        (low.min(event.date.year), high.max(end))
    });

    let width = frame.medium.width();
    let gutter = draw::gutter(frame.medium);
    let axis = Axis::new(
        first,
        last,
        gutter,
        width - draw::MARGIN - 6.0,
        frame.language,
        years,
    );

    let mut followed: Vec<(usize, usize)> = {
        let mut counts = vec![0usize; dossier.actors.len()];
        for &e in &chosen {
            for &actor in &dossier.events[e].actors {
                if actor < counts.len() && Some(actor) != lanes.exclude {
                    counts[actor] += 1;
                }
            }
        }
        counts
            .into_iter()
            .enumerate()
            .filter(|&(_, c)| c > 0)
            .collect()
    };
    followed.sort_by_key(|&(actor, count)| (std::cmp::Reverse(count), actor));
    followed.truncate(lanes.actors);

    let mut all = vec![Lane {
        actor: None,
        events: chosen.clone(),
        marks: LaneMarks::default(),
    }];
    for (actor, _) in followed {
        let events: Vec<usize> = chosen
            .iter()
            .copied()
            .filter(|&e| dossier.events[e].actors.contains(&actor))
            .collect();
        all.push(Lane {
            actor: Some(actor),
            events,
            marks: LaneMarks::default(),
        });
    }
    for lane in &mut all {
        lane.marks = lane_marks(&dossier.events, &lane.events, &axis);
    }
    Some(draw::draw(dossier, &all, &axis, years, links, frame))
}
