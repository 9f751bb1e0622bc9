//! The ticks of the time axis: for each stretch of time drawn, whole years, months or
//! days as many as fit without their labels touching one another, a grid line or the
//! break after the stretch; and never a stretch without a label, so that no event is
//! read against the labels of another stretch.

use crate::model::{Date, Language};
use crate::pictures::geometry::text_width;

use super::axis::{Axis, Segment};

const SHORT_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const SHORT_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Font size of the tick labels.
pub const TICK_SIZE: f64 = 10.0;
/// Space between a grid line and its label.
const LABEL_GAP: f64 = 3.0;
/// Space kept between a label and the next grid line.
const CLEAR: f64 = 5.0;
/// How far past the end of the axis the last label may run (into the picture's margin,
/// with no break after it).
const LAST_SPILL: f64 = 12.0;

/// The distance between two ticks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Every so many days (1, 2 or 7).
    Days(u8),
    /// Every so many months.
    Months(u8),
    /// Every so many years.
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

    /// The step for days `first..last` drawn at `scale` pixels a day: the finest whose
    /// labels fit one beside the other, or, when the first label of that one would not
    /// fit inside the stretch, the nearest finer (then coarser) one whose first label
    /// does.
    pub fn choose(first: i64, last: i64, scale: f64, language: Language) -> Self {
        let fits = Self::ALL
            .iter()
            .position(|s| s.days() * scale >= s.widest(language) + 12.0)
            .unwrap_or(Self::ALL.len() - 1);
        #[allow(clippy::cast_precision_loss)]
        let width = (last - first) as f64 * scale;
        let first_fits = |step: &Self| {
            dates(*step, first, last).first().is_some_and(|date| {
                #[allow(clippy::cast_precision_loss)]
                let x = (date.first_day() - first) as f64 * scale;
                x + LABEL_GAP + text_width(&label(*date, true, language), TICK_SIZE) <= width
            })
        };
        Self::ALL[..=fits]
            .iter()
            .rev()
            .chain(&Self::ALL[fits + 1..])
            .copied()
            .find(first_fits)
            .unwrap_or(Self::ALL[fits])
    }
}

/// The widest first label of a stretch (which carries its year): the narrowest a
/// stretch may be drawn.
pub fn widest_first(language: Language) -> f64 {
    let sample = match language {
        Language::Fr => "30 sept. 2024",
        Language::En => "30 Sep 2024",
    };
    LABEL_GAP + text_width(sample, TICK_SIZE) + CLEAR
}

/// A tick: where, what it says, and whether a grid line marks it.
#[derive(Debug, Clone)]
pub struct Tick {
    /// Position.
    pub x: f64,
    /// Label.
    pub label: String,
    /// Whether the tick is at its date (with a grid line), or only names the period
    /// where a stretch too short for any tick starts.
    pub grid: bool,
}

impl Axis {
    /// The ticks of every stretch, labelled in `language`, none touching the next, a
    /// grid line or the break after its stretch; at least one in each stretch.
    pub fn ticks(&self, language: Language) -> Vec<Tick> {
        let mut ticks: Vec<Tick> = Vec::new();
        for (k, segment) in self.segments.iter().enumerate() {
            let mut end = f64::NEG_INFINITY;
            let before = ticks.len();
            let limit = if k + 1 == self.segments.len() {
                segment.right + LAST_SPILL
            } else {
                segment.right
            };
            for date in dates(segment.step, segment.first, segment.last) {
                let x = self.x(date.first_day());
                if x < end + CLEAR {
                    continue;
                }
                let mut label = label(date, ticks.len() == before, language);
                if x + LABEL_GAP + text_width(&label, TICK_SIZE) > limit
                    && date.month == Some(1)
                    && date.day.is_none_or(|d| d == 1)
                {
                    // A new year near the end of the stretch: its year alone, so that
                    // the marks after it are not read as the year before.
                    label = date.year.to_string();
                }
                let width = text_width(&label, TICK_SIZE);
                if x + LABEL_GAP + width > limit {
                    continue;
                }
                end = x + LABEL_GAP + width;
                ticks.push(Tick {
                    x,
                    label,
                    grid: true,
                });
            }
            if ticks.len() == before {
                ticks.push(start_label(segment, language));
            }
        }
        ticks
    }
}

/// The label of a stretch where no tick fits: the period it starts in, with its year,
/// at its left edge, without a grid line.
fn start_label(segment: &Segment, language: Language) -> Tick {
    let start = date_of(segment.first);
    let date = match segment.step {
        Step::Years(_) => date(start.year, None, None),
        Step::Months(_) => date(start.year, start.month, None),
        Step::Days(_) => start,
    };
    Tick {
        x: segment.left,
        label: label(date, true, language),
        grid: false,
    }
}

/// The dates at whole `step`s in days `first..last`.
fn dates(step: Step, first: i64, last: i64) -> Vec<Date> {
    let inside = |d: &Date| d.first_day() >= first && d.first_day() < last;
    let years = year_of(first)..=year_of(last - 1);
    let mut out = Vec::new();
    for year in years {
        match step {
            Step::Years(step) if year % step == 0 => out.push(date(year, None, None)),
            Step::Years(_) => {}
            Step::Months(step) => out.extend(
                (1..=12u8)
                    .filter(|m| (m - 1) % step == 0)
                    .map(|m| date(year, Some(m), None)),
            ),
            Step::Days(step) => {
                for month in 1..=12u8 {
                    out.extend(days_of(step, year, month));
                }
            }
        }
    }
    out.retain(inside);
    out
}

/// The days at `step` in a month: every one, every other one, or each week from the 1st.
fn days_of(step: u8, year: u16, month: u8) -> impl Iterator<Item = Date> {
    let month_date = date(year, Some(month), None);
    let length = u8::try_from(month_date.last_day() - month_date.first_day() + 1).unwrap_or(28);
    let (from, by) = match step {
        1 => (1, 1),
        2 => (1, 2),
        _ => (1, 7),
    };
    (from..=length)
        .step_by(by)
        // No tick on the 29th or the 31st, next to the 1st.
        .filter(move |&d| match step {
            2 => d <= 27,
            7 => d <= 22,
            _ => true,
        })
        .map(move |d| date(year, Some(month), Some(d)))
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

/// The day `day` as a date.
fn date_of(day: i64) -> Date {
    let year = year_of(day);
    let month = (1..=12u8)
        .rev()
        .find(|&m| date(year, Some(m), None).first_day() <= day)
        .unwrap_or(1);
    let first = date(year, Some(month), None).first_day();
    let d = u8::try_from(day - first + 1).unwrap_or(1);
    date(year, Some(month), Some(d))
}

fn date(year: u16, month: Option<u8>, day: Option<u8>) -> Date {
    Date { year, month, day }
}

/// A tick's label: the year alone, or the month (with its year at January and at the
/// first tick of a stretch), or the day and month (with the year at the first tick).
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
            let day = match language {
                Language::Fr if d == 1 => format!("1er {name}"),
                _ => format!("{d} {name}"),
            };
            if first {
                format!("{day} {}", date.year)
            } else {
                day
            }
        }
    }
}
