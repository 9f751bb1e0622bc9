//! From events to labelled marks: a day is a dot, a month or a year a dot with a
//! whisker over the span it could fall in, a period a bar; each mark has its title
//! written beside it (wrapped, never cut), and marks are stacked on rows so that no
//! mark or title touches another, whatever their number.

use crate::model::{Event, Precision};
use crate::pictures::geometry::{Anchor, text_width, wrap};

use super::axis::Axis;

/// Font size of the titles.
pub const TITLE_SIZE: f64 = 11.0;
/// Height of a row.
pub const ROW: f64 = 15.0;
/// Space kept between two marks on a row, and between a mark and its title.
const GAP: f64 = 6.0;
/// A whisker narrower than this is drawn as a plain dot.
const MIN_WHISKER: f64 = 7.0;
/// Radius of a dot.
pub const DOT: f64 = 4.0;

/// How an event is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// A day.
    Dot,
    /// A month or a year: a dot in the middle, a whisker over the span.
    Whisker,
    /// A period.
    Bar,
}

/// One event placed on the picture.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index in `Dossier::events`.
    pub event: usize,
    /// Its shape.
    pub shape: Shape,
    /// Left and right of the mark.
    pub x0: f64,
    /// Right of the mark.
    pub x1: f64,
    /// The title, wrapped.
    pub lines: Vec<String>,
    /// Where the title is anchored.
    pub text_x: f64,
    /// How.
    pub anchor: Anchor,
    /// Whether the title is written under the mark rather than beside it.
    pub below: bool,
    /// The row of the mark.
    pub row: usize,
}

/// The shape of `event` and the left and right of its mark.
fn mark(event: &Event, axis: &Axis) -> (Shape, f64, f64) {
    let last = event.end.map_or(event.date.last_day(), |end| {
        end.last_day().max(event.date.last_day())
    });
    let (x0, x1) = (axis.x(event.date.first_day()), axis.x(last + 1));
    let period = event.end.is_some_and(|end| end != event.date);
    let middle = f64::midpoint(x0, x1);
    if period {
        (Shape::Bar, x0, x1.max(x0 + 2.0 * DOT))
    } else if event.date.precision() != Precision::Day && x1 - x0 >= MIN_WHISKER {
        (Shape::Whisker, x0, x1)
    } else {
        (Shape::Dot, middle - DOT, middle + DOT)
    }
}

/// The first row from which `rows` rows are free from `left` on.
fn free_row(ends: &[f64], left: f64, rows: usize) -> usize {
    // Past the last taken row every row is free.
    (0..=ends.len())
        .find(|&r| (r..r + rows).all(|k| ends.get(k).is_none_or(|&end| end + GAP <= left)))
        .unwrap_or(ends.len())
}

/// Lays out `chosen` (indexes, in date order) between `left` and `right`, titles
/// wrapped at `wrap_width`. Returns the items and the number of rows.
pub fn place(
    events: &[Event],
    chosen: &[usize],
    axis: &Axis,
    (left, right): (f64, f64),
    wrap_width: f64,
) -> (Vec<Item>, usize) {
    let mut ends: Vec<f64> = Vec::new();
    let mut items = Vec::with_capacity(chosen.len());
    for &index in chosen {
        let event = &events[index];
        let (shape, x0, x1) = mark(event, axis);
        let lines = wrap(event.title.trim(), wrap_width, TITLE_SIZE);
        let width = lines
            .iter()
            .map(|l| text_width(l, TITLE_SIZE))
            .fold(0.0, f64::max);
        // Beside the mark, right then left; else under it, as far left as fits.
        let mut options: Vec<(f64, Anchor, bool, f64, f64)> = Vec::new();
        if x1 + GAP + width <= right {
            options.push((x1 + GAP, Anchor::Start, false, x0, x1 + GAP + width));
        }
        if x0 - GAP - width >= left {
            options.push((x0 - GAP, Anchor::End, false, x0 - GAP - width, x1));
        }
        if options.is_empty() {
            let at = x0.min(right - width).max(left);
            options.push((at, Anchor::Start, true, x0.min(at), x1.max(at + width)));
        }
        let rows = lines.len();
        let best = options
            .into_iter()
            .map(|(at, anchor, below, l, r)| {
                let row = free_row(&ends, l, rows + usize::from(below));
                (row, at, anchor, below, l, r)
            })
            .min_by(|a, b| a.0.cmp(&b.0));
        let Some((row, text_x, anchor, below, _, r)) = best else {
            continue;
        };
        let taken = rows + usize::from(below);
        if ends.len() < row + taken {
            ends.resize(row + taken, f64::NEG_INFINITY);
        }
        for end in &mut ends[row..row + taken] {
            *end = r;
        }
        items.push(Item {
            event: index,
            shape,
            x0,
            x1,
            lines,
            text_x,
            anchor,
            below,
            row,
        });
    }
    (items, ends.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word() {
        let title = "Coup d'État militaire au Niger, le président Mohamed Bazoum est renversé";
        let lines = wrap(title, 200.0, TITLE_SIZE);
        assert!(lines.len() >= 2);
        assert_eq!(lines.join(" "), title);
        for line in &lines {
            assert!(text_width(line, TITLE_SIZE) <= 200.0);
        }
    }

    #[test]
    fn a_free_row_is_found_above_the_taken_ones() {
        let ends = [100.0, 10.0, 10.0, 300.0];
        assert_eq!(free_row(&ends, 50.0, 1), 1);
        assert_eq!(free_row(&ends, 50.0, 3), 4);
        assert_eq!(free_row(&ends, 400.0, 4), 0);
    }
}
