//! The time axis: from day numbers to x over the stretches of time that hold events,
//! a long empty stretch between them cut out (drawn as a break), and ticks at whole
//! years, months or days, as many as fit without their labels touching.

use crate::model::{Date, Language};
use crate::pictures::geometry::text_width;

const SHORT_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Font size of the tick labels.
pub const TICK_SIZE: f64 = 10.0;
/// Width of the break drawn where an empty stretch of time is cut out.
pub const BREAK: f64 = 26.0;
/// Narrowest stretch of time drawn, in pixels.
const MIN_SEGMENT: f64 = 60.0;

/// The distance between two ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Days(u8),
    Months(u8),
    Years(u16),
}

impl Step {
    /// Every step, finest first.
    const ALL: [Self; 14] = [
        Self::Days(1),
        Self::Days(2),
        Self::Days(7),
        Self::Months(1),
        Self::Months(2),
        Self::Months(3),
        Self::Months(6),
        Self::Years(1),
        Self::Years(2),
        Self::Years(5),
        Self::Years(10),
        Self::Years(20),
        Self::Years(50),
        Self::Years(100),
    ];

    /// Roughly how many days apart two ticks are.
    fn days(self) -> f64 {
        match self {
            Self::Days(d) => f64::from(d),
            Self::Months(m) => f64::from(m) * 30.44,
            Self::Years(y) => f64::from(y) * 365.25,
        }
    }

    /// The widest label this step writes.
    fn widest(self, language: Language) -> f64 {
        let sample = match (self, language) {
            (Self::Days(_), Language::Fr) => "30 sept.",
            (Self::Days(_), Language::En) => "30 Sep",
            (Self::Months(_), Language::Fr) => "sept. 2024",
            (Self::Months(_), Language::En) => "Sep 2024",
            (Self::Years(_), _) => "2024",
        };
        text_width(sample, TICK_SIZE)
    }
}

/// A tick: where, and what it says.
#[derive(Debug, Clone)]
pub struct Tick {
    /// Position.
    pub x: f64,
    /// Label.
    pub label: String,
}

/// A stretch of time drawn at scale: days `first..last` over `left..right`.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    first: i64,
    last: i64,
    /// Left edge, in pixels.
    pub left: f64,
    /// Right edge, in pixels.
    pub right: f64,
}

/// The scale of the axis.
#[derive(Debug, Clone)]
pub struct Axis {
    /// The stretches drawn, left to right; a break between two neighbours.
    pub segments: Vec<Segment>,
    step: Step,
}

/// Merges the day ranges `spans` (first, last exclusive) into the stretches worth
/// drawing: ranges closer than `gap` days are one stretch.
fn stretches(spans: &[(i64, i64)], gap: i64) -> Vec<(i64, i64)> {
    let mut sorted = spans.to_vec();
    sorted.sort_unstable();
    let mut out: Vec<(i64, i64)> = Vec::new();
    for (first, last) in sorted {
        match out.last_mut() {
            Some(open) if first <= open.1 + gap => open.1 = open.1.max(last),
            _ => out.push((first, last.max(first + 1))),
        }
    }
    out
}

impl Axis {
    /// An axis from `left` to `right` pixels holding the day ranges `spans` (first day,
    /// last day exclusive): an empty stretch longer than a fifth of the whole (and than
    /// three months) is cut out.
    pub fn new(spans: &[(i64, i64)], left: f64, right: f64, language: Language) -> Self {
        let first = spans.iter().map(|s| s.0).min().unwrap_or(0);
        let last = spans.iter().map(|s| s.1).max().unwrap_or(first + 1);
        let gap = ((last - first) / 5).max(92);
        let mut parts = stretches(spans, gap);
        // Room on both sides of the marks, and a width where a single day still shows.
        let pad = |parts: &mut Vec<(i64, i64)>, days: i64| {
            for part in parts.iter_mut() {
                let short = (days - (part.1 - part.0)).max(0);
                part.0 -= short / 2 + 1;
                part.1 += short - short / 2 + 1;
            }
        };
        #[allow(clippy::cast_precision_loss)]
        let breaks = (parts.len().saturating_sub(1)) as f64 * BREAK;
        let room = (right - left - breaks).max(1.0);
        #[allow(clippy::cast_precision_loss)]
        let per_day = |parts: &[(i64, i64)]| {
            room / parts.iter().map(|p| p.1 - p.0).sum::<i64>().max(1) as f64
        };
        for _ in 0..3 {
            #[allow(clippy::cast_possible_truncation)]
            let days = (MIN_SEGMENT / per_day(&parts)).ceil() as i64;
            pad(&mut parts, days);
        }
        let scale = per_day(&parts);
        let step = Step::ALL
            .into_iter()
            .find(|s| s.days() * scale >= s.widest(language) + 12.0)
            .unwrap_or(Step::Years(100));
        let mut x = left;
        let segments = parts
            .iter()
            .map(|&(first, last)| {
                #[allow(clippy::cast_precision_loss)]
                let width = (last - first) as f64 * scale;
                let segment = Segment {
                    first,
                    last,
                    left: x,
                    right: x + width,
                };
                x += width + BREAK;
                segment
            })
            .collect();
        Self { segments, step }
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

    /// The ticks of every stretch, labelled in `language`, none touching the next.
    pub fn ticks(&self, language: Language) -> Vec<Tick> {
        let mut ticks: Vec<Tick> = Vec::new();
        for segment in &self.segments {
            let mut end = f64::NEG_INFINITY;
            for (k, date) in self.dates(segment).into_iter().enumerate() {
                let label = label(date, k == 0, language);
                let x = self.x(date.first_day());
                let width = text_width(&label, TICK_SIZE);
                if x + 3.0 < end + 8.0 || x + 3.0 + width > segment.right + BREAK - 4.0 {
                    continue;
                }
                end = x + 3.0 + width;
                ticks.push(Tick { x, label });
            }
        }
        ticks
    }

    /// The dates at whole steps inside `segment`.
    fn dates(&self, segment: &Segment) -> Vec<Date> {
        let inside = |d: &Date| d.first_day() >= segment.first && d.first_day() < segment.last;
        let years = year_of(segment.first)..=year_of(segment.last - 1);
        let mut out = Vec::new();
        for year in years {
            match self.step {
                Step::Years(step) if year % step == 0 => out.push(date(year, None, None)),
                Step::Years(_) => {}
                Step::Months(step) => out.extend(
                    (1..=12u8)
                        .filter(|m| (m - 1) % step == 0)
                        .map(|m| date(year, Some(m), None)),
                ),
                Step::Days(step) => {
                    for month in 1..=12u8 {
                        let days: &[u8] = match step {
                            1 => &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
                            2 => &[1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27],
                            _ => &[1, 8, 15, 22],
                        };
                        let month_date = date(year, Some(month), None);
                        let length = month_date.last_day() - month_date.first_day() + 1;
                        let extra: Vec<u8> = if step == 1 {
                            (17..=u8::try_from(length).unwrap_or(28)).collect()
                        } else {
                            Vec::new()
                        };
                        out.extend(
                            days.iter()
                                .chain(&extra)
                                .map(|&d| date(year, Some(month), Some(d))),
                        );
                    }
                }
            }
        }
        out.retain(inside);
        out
    }
}

/// The year holding day `day` (by bisection over the years 1 to 9999).
fn year_of(day: i64) -> u16 {
    let (mut low, mut high) = (1u16, 9999u16);
    while low < high {
        let middle = low + (high - low).div_ceil(2);
        if date(middle, None, None).first_day() <= day {
            low = middle;
        } else {
            high = middle - 1;
        }
    }
    low
}

fn date(year: u16, month: Option<u8>, day: Option<u8>) -> Date {
    Date { year, month, day }
}

/// A tick's label: the year alone, or the month (with its year at January and at the
/// start of a stretch), or the day and month.
fn label(date: Date, first: bool, language: Language) -> String {
    let short = match language {
        Language::Fr => &SHORT_FR,
        Language::En => &SHORT_EN,
    };
    match (date.month, date.day) {
        (None, _) => date.year.to_string(),
        (Some(m), None) => {
            let name = short[usize::from(m.clamp(1, 12)) - 1];
            if first || m == 1 {
                format!("{name} {}", date.year)
            } else {
                name.to_string()
            }
        }
        (Some(m), Some(d)) => {
            let name = short[usize::from(m.clamp(1, 12)) - 1];
            match language {
                Language::Fr if d == 1 => format!("1er {name}"),
                _ => format!("{d} {name}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn an_empty_stretch_is_cut_out() {
        let spans = [
            (day("2022-02-01"), day("2022-03-01")),
            (day("2023-07-26"), day("2024-05-01")),
        ];
        let axis = Axis::new(&spans, 0.0, 900.0, Language::Fr);
        assert_eq!(axis.segments.len(), 2);
        // The nine months after the break get most of the width.
        assert!(axis.x(day("2023-07-26")) < 300.0);
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
        assert!(ticks.iter().any(|t| t.label == "1er avr."), "{ticks:?}");
    }
}
