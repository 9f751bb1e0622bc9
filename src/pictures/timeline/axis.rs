//! The time axis: from day numbers to x over the stretches of time that hold events, a
//! long empty stretch between them cut out (drawn as a break). When the axis is broken,
//! each stretch gets a width in proportion to the events it holds (never less than its
//! first label needs), not to its duration: a lone event years away takes a narrow
//! stretch, the busy months the room. Each stretch has its own scale and its own ticks
//! ([`super::ticks`]).

use crate::model::Language;

use super::ticks::{Step, widest_first};

/// Width of the break drawn where an empty stretch of time is cut out.
pub const BREAK: f64 = 26.0;
/// Room kept at each end of a stretch of a broken axis, in pixels, so that a mark on
/// its first or last day stays clear of the break.
const INSET: f64 = 4.0;
/// Days added at each end of a stretch, at least.
const PAD_DAYS: i64 = 3;

/// A stretch of time drawn at its own scale: days `first..last` over `left..right`.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    /// First day drawn.
    pub first: i64,
    /// The day after the last one drawn.
    pub last: i64,
    /// Left edge, in pixels.
    pub left: f64,
    /// Right edge, in pixels.
    pub right: f64,
    /// The distance between its ticks.
    pub step: Step,
}

/// The scale of the axis.
#[derive(Debug, Clone)]
pub struct Axis {
    /// The stretches drawn, left to right; a break between two neighbours.
    pub segments: Vec<Segment>,
}

/// Merges the day ranges `spans` (first, last exclusive) into the stretches worth
/// drawing: ranges closer than `gap` days are one stretch. Each comes with how many
/// ranges it holds.
fn stretches(spans: &[(i64, i64)], gap: i64) -> Vec<((i64, i64), usize)> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<((i64, i64), usize)> = Vec::new();
    for (first, last) in sorted {
        match out.last_mut() {
            Some((open, count)) if first <= open.1 + gap => {
                open.1 = open.1.max(last);
                *count += 1;
            }
            _ => out.push(((first, last.max(first + 1)), 1)),
        }
    }
    out
}

/// The widths of stretches holding `counts` events over `room` pixels: in proportion
/// to the counts, none narrower than `least` (when the room allows it).
fn widths(counts: &[usize], room: f64, least: f64) -> Vec<f64> {
    #[allow(clippy::cast_precision_loss)]
    let n = counts.len() as f64;
    if room <= least * n {
        return vec![room / n.max(1.0); counts.len()];
    }
    let mut fixed = vec![false; counts.len()];
    loop {
        #[allow(clippy::cast_precision_loss)]
        let (free_room, free_count) =
            counts
                .iter()
                .zip(&fixed)
                .fold((room, 0.0), |(r, c), (&count, &fixed)| {
                    if fixed {
                        (r - least, c)
                    } else {
                        (r, c + count as f64)
                    }
                });
        #[allow(clippy::cast_precision_loss)]
        let share = |count: usize| free_room * count as f64 / free_count.max(1.0);
        let mut changed = false;
        for (k, &count) in counts.iter().enumerate() {
            if !fixed[k] && share(count) < least {
                fixed[k] = true;
                changed = true;
            }
        }
        if !changed {
            return counts
                .iter()
                .zip(&fixed)
                .map(|(&count, &fixed)| if fixed { least } else { share(count) })
                .collect();
        }
    }
}

impl Axis {
    /// An axis from `left` to `right` pixels holding the day ranges `spans` (first day,
    /// last day exclusive): an empty stretch longer than a fifth of the whole (and than
    /// three months) is cut out.
    pub fn new(spans: &[(i64, i64)], left: f64, right: f64, language: Language) -> Self {
        let first = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let last = spans.iter().map(|s| s.1).max().unwrap_or(first + 1);
        let gap = ((last - first) / 5).max(92);
        let parts = stretches(spans, gap);
        #[allow(clippy::cast_precision_loss)]
        let breaks = (parts.len().saturating_sub(1)) as f64 * BREAK;
        let room = (right - left - breaks).max(1.0);
        let counts: Vec<usize> = parts.iter().map(|p| p.1).collect();
        let widths = widths(&counts, room, widest_first(language));
        let broken = parts.len() > 1;
        let mut x = left;
        let segments = parts
            .iter()
            .zip(widths)
            .map(|(&((first, last), _), width)| {
                // Room on both sides of the marks, and a width where a single day shows.
                let days = last - first;
                #[allow(clippy::cast_precision_loss, clippy::cast_possible_truncation)]
                let pad = ((INSET * days as f64) / (width - 2.0 * INSET).max(1.0)).ceil() as i64;
                let pad = if broken { pad.max(PAD_DAYS) } else { PAD_DAYS };
                let (first, last) = (first - pad, last + pad);
                #[allow(clippy::cast_precision_loss)]
                let scale = width / (last - first) as f64;
                let segment = Segment {
                    first,
                    last,
                    left: x,
                    right: x + width,
                    step: Step::choose(first, last, scale, language),
                };
                x += width + BREAK;
                segment
            })
            .collect();
        Self { segments }
    }

    /// The x of the start of day `day` (a day outside every stretch goes to the
    /// nearest edge).
    pub fn x(&self, day: i64) -> f64 {
        let segment = self
            .segments
            .iter()
            .find(|s| day < s.last)
            .or(self.segments.last());
        segment.map_or(0.0, |s| {
            let day = day.clamp(s.first, s.last);
            #[allow(clippy::cast_precision_loss)]
            let share = (day - s.first) as f64 / (s.last - s.first).max(1) as f64;
            s.left + share * (s.right - s.left)
        })
    }

    /// The right edge of the last stretch.
    #[cfg(test)]
    pub fn right(&self) -> f64 {
        self.segments.last().map_or(0.0, |s| s.right)
    }
}

#[cfg(test)]
mod tests {
    use super::super::ticks::TICK_SIZE;
    use super::*;
    use crate::model::Date;
    use crate::pictures::geometry::text_width;

    fn day(text: &str) -> i64 {
        Date::parse(text).map(|d| d.first_day()).unwrap_or_default()
    }

    #[test]
    fn a_decade_gets_year_ticks() {
        let axis = Axis::new(
            &[(day("2015-03-02"), day("2024-06-01"))],
            0.0,
            800.0,
            Language::En,
        );
        let ticks = axis.ticks(Language::En);
        assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("2016"));
        assert!(ticks.len() >= 5 && ticks.len() <= 10, "{ticks:?}");
    }

    #[test]
    fn a_year_gets_month_ticks_that_do_not_touch() {
        let axis = Axis::new(
            &[(day("2023-07-26"), day("2024-05-01"))],
            0.0,
            700.0,
            Language::Fr,
        );
        let ticks = axis.ticks(Language::Fr);
        assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("août 2023"));
        assert!(ticks.iter().any(|t| t.label == "janv. 2024"));
        for pair in ticks.windows(2) {
            assert!(pair[1].x - pair[0].x > text_width(&pair[0].label, TICK_SIZE));
        }
    }

    #[test]
    fn an_empty_stretch_is_cut_out_and_each_stretch_is_as_wide_as_its_events() {
        let spans = [
            (day("2022-02-01"), day("2022-03-01")),
            (day("2023-07-26"), day("2024-05-01")),
            (day("2023-08-02"), day("2023-08-03")),
            (day("2023-09-02"), day("2023-09-03")),
        ];
        let axis = Axis::new(&spans, 0.0, 900.0, Language::Fr);
        assert_eq!(axis.segments.len(), 2);
        // Three events to one: three times the width, though the lone one's stretch
        // is a month and the other's nine.
        let [lone, busy] = [axis.segments[0], axis.segments[1]];
        let ratio = (busy.right - busy.left) / (lone.right - lone.left);
        assert!((ratio - 3.0).abs() < 0.01, "{ratio}");
        assert!((axis.right() - 900.0).abs() < 1.0);
    }

    #[test]
    fn a_few_days_get_day_ticks() {
        let axis = Axis::new(
            &[(day("2024-04-01"), day("2024-04-12"))],
            0.0,
            700.0,
            Language::Fr,
        );
        let ticks = axis.ticks(Language::Fr);
        assert!(
            ticks.iter().any(|t| t.label == "1er avr. 2024"),
            "{ticks:?}"
        );
        assert!(ticks.iter().any(|t| t.label == "5 avr."), "{ticks:?}");
    }

    #[test]
    fn every_stretch_has_a_label_inside_it() {
        let spans = [
            (day("2024-03-04"), day("2024-03-05")),
            (day("2024-03-12"), day("2024-03-13")),
            (day("2024-03-22"), day("2024-03-23")),
            (day("2028-05-04"), day("2028-05-05")),
            (day("2031-01-01"), day("2032-01-01")),
        ];
        let axis = Axis::new(&spans, 0.0, 900.0, Language::En);
        assert_eq!(axis.segments.len(), 3);
        let ticks = axis.ticks(Language::En);
        for segment in &axis.segments {
            let inside: Vec<_> = ticks
                .iter()
                .filter(|t| t.x >= segment.left && t.x < segment.right)
                .collect();
            assert!(!inside.is_empty(), "no label in {segment:?}: {ticks:?}");
            for tick in inside {
                let end = tick.x + 3.0 + text_width(&tick.label, TICK_SIZE);
                let limit = segment.right + if segment.right < 899.0 { 0.0 } else { 12.0 };
                assert!(end <= limit, "{tick:?} runs past {segment:?}");
            }
        }
        assert!(
            ticks.iter().any(|t| t.label.ends_with("May 2028")),
            "{ticks:?}"
        );
    }

    #[test]
    fn a_lone_stretch_is_never_narrower_than_its_label() {
        let mut spans: Vec<(i64, i64)> = (1..=28)
            .map(|d| {
                let first = day("2024-03-01") + d;
                (first, first + 1)
            })
            .collect();
        spans.push((day("2028-01-01"), day("2029-01-01")));
        let axis = Axis::new(&spans, 0.0, 900.0, Language::Fr);
        let lone = axis.segments[1];
        assert!((lone.right - lone.left - widest_first(Language::Fr)).abs() < 0.01);
        let ticks = axis.ticks(Language::Fr);
        assert!(
            ticks.iter().any(|t| t.label == "2028" && t.x >= lone.left),
            "{ticks:?}"
        );
    }
}
