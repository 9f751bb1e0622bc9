//! From events to marks in a lane: a period or a partial date wide enough on the axis
//! is a bar on one of a few bar rows; anything else is a dot on the dot row. Dots
//! that would collide are merged into clusters, drawn bigger with their count, so
//! that no two marks ever overlap whatever the number of events.

use crate::model::{Event, Precision};

use super::axis::Axis;

/// Narrowest bar drawn; anything narrower (a month over a decade) is a dot, which
/// is about as wide.
pub const MIN_BAR: f64 = 10.0;
/// Bar rows per lane; a bar that finds no room becomes a dot at its start.
pub const BAR_ROWS: usize = 3;
/// Space kept between two marks.
const MARK_GAP: f64 = 2.0;

/// A bar: a period, or a partial date drawn as its whole span.
#[derive(Debug, Clone)]
pub struct Bar {
    /// Index in `Dossier::events`.
    pub event: usize,
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Which bar row.
    pub row: usize,
}

/// A dot: one event, or a cluster of events too close to be told apart.
#[derive(Debug, Clone)]
pub struct Dot {
    /// Centre.
    pub x: f64,
    /// Events it stands for, in date order.
    pub events: Vec<usize>,
}

impl Dot {
    /// Its radius: a single event is small; a cluster grows with (about) the logarithm
    /// of its count, up to a limit.
    pub fn radius(&self) -> f64 {
        radius(self.events.len())
    }
}

fn radius(count: usize) -> f64 {
    match count {
        0 | 1 => 4.5,
        2 => 6.0,
        3..=4 => 7.0,
        5..=9 => 8.0,
        10..=49 => 9.0,
        50..=199 => 10.0,
        _ => 11.0,
    }
}

/// The marks of one lane.
#[derive(Debug, Clone, Default)]
pub struct LaneMarks {
    /// Bars, by start.
    pub bars: Vec<Bar>,
    /// Dots and clusters, left to right, none touching another.
    pub dots: Vec<Dot>,
    /// Bar rows used.
    pub bar_rows: usize,
}

/// The left and right x of an event's whole span (from the first day of its date to
/// the last day of its end, or of its date).
pub fn span(event: &Event, axis: &Axis) -> (f64, f64) {
    let last = event.end.map_or(event.date.last_day(), |end| {
        end.last_day().max(event.date.last_day())
    });
    (axis.x(event.date.first_day()), axis.x(last + 1))
}

/// Lays out `events` (indexes, in date order) on one lane.
pub fn lane_marks(events: &[Event], chosen: &[usize], axis: &Axis) -> LaneMarks {
    let mut marks = LaneMarks::default();
    let mut row_ends: Vec<f64> = Vec::new();
    let mut points: Vec<(f64, usize)> = Vec::new();
    for &index in chosen {
        let event = &events[index];
        let (x0, x1) = span(event, axis);
        // A day is a dot however wide it is; a month, a year or a period is a bar
        // when it is wide enough to be seen as one.
        let one_day = event.date.precision() == Precision::Day
            && event.end.is_none_or(|end| end == event.date);
        if one_day || x1 - x0 < MIN_BAR {
            points.push((f64::midpoint(x0, x1), index));
            continue;
        }
        match row_ends.iter().position(|&end| x0 >= end + MARK_GAP) {
            Some(row) => {
                row_ends[row] = x1;
                marks.bars.push(Bar {
                    event: index,
                    x0,
                    x1,
                    row,
                });
            }
            None if row_ends.len() < BAR_ROWS => {
                row_ends.push(x1);
                marks.bars.push(Bar {
                    event: index,
                    x0,
                    x1,
                    row: row_ends.len() - 1,
                });
            }
            None => points.push((x0 + MIN_BAR / 2.0, index)),
        }
    }
    marks.bar_rows = row_ends.len();
    // Dots left to right; equal positions keep date order.
    points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    marks.dots = cluster(points);
    marks
}

/// Merges dots that would touch: each new dot is pushed on a stack, and while the top
/// two collide they are merged into one at their weighted centre. Afterwards no two
/// neighbours collide, hence no two dots at all (in one dimension, a collision
/// between non-neighbours implies one between neighbours).
fn cluster(points: Vec<(f64, usize)>) -> Vec<Dot> {
    let mut stack: Vec<Dot> = Vec::new();
    for (x, event) in points {
        let mut top = Dot {
            x,
            events: vec![event],
        };
        while let Some(previous) = stack.last_mut() {
            if top.x - previous.x >= previous.radius() + top.radius() + MARK_GAP {
                break;
            }
            #[allow(clippy::cast_precision_loss)]
            let (wa, wb) = (previous.events.len() as f64, top.events.len() as f64);
            previous.x = (previous.x * wa + top.x * wb) / (wa + wb);
            previous.events.append(&mut top.events);
            // The merged dot is the new top: check it against the one before.
            match stack.pop() {
                Some(merged) => top = merged,
                None => break,
            }
        }
        stack.push(top);
    }
    for dot in &mut stack {
        dot.events.sort_unstable();
    }
    stack
}

/// The count written in a cluster: `7`, `120`, `1.2k`, `35k`, never more than four
/// characters, so that it fits in the dot.
pub fn count_label(count: usize) -> String {
    match count {
        0..=999 => count.to_string(),
        1000..=9_999 => format!("{}.{}k", count / 1000, count % 1000 / 100),
        _ => format!("{}k", (count / 1000).min(999)),
    }
}

#[cfg(test)]
#[allow(clippy::cast_precision_loss)]
mod tests {
    use super::*;

    #[test]
    fn clusters_never_touch() {
        let points: Vec<(f64, usize)> = (0..5000)
            .map(|i| ((i * 37 % 800) as f64 + (i % 7) as f64 * 0.1, i))
            .collect();
        let mut points = points;
        points.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let dots = cluster(points);
        assert_eq!(dots.iter().map(|d| d.events.len()).sum::<usize>(), 5000);
        for pair in dots.windows(2) {
            assert!(pair[1].x - pair[0].x >= pair[0].radius() + pair[1].radius() + MARK_GAP - 1e-9);
        }
    }

    #[test]
    fn counts_stay_short() {
        assert_eq!(count_label(7), "7");
        assert_eq!(count_label(999), "999");
        assert_eq!(count_label(1_250), "1.2k");
        assert_eq!(count_label(12_345), "12k");
    }
}
