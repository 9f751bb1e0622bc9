//! The time axis: from day numbers to x, and ticks at whole years, months or days,
//! as many as fit without their labels touching.

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

/// The scale of the axis: the first day shown and the pixels per day.
#[derive(Debug, Clone, Copy)]
pub struct Axis {
    first: i64,
    last: i64,
    left: f64,
    right: f64,
    step: Step,
}

fn month_date(year: i64, month: i64) -> Date {
    let (year, month) = (
        year + (month - 1).div_euclid(12),
        (month - 1).rem_euclid(12) + 1,
    );
    Date {
        year: u16::try_from(year.clamp(1, 9999)).unwrap_or(1),
        month: u8::try_from(month).ok(),
        day: None,
    }
}

impl Axis {
    /// An axis from `left` to `right` pixels for the days `first..last` (exclusive),
    /// widened to whole units of the tick step chosen.
    pub fn new(
        first: i64,
        last: i64,
        left: f64,
        right: f64,
        language: Language,
        years: (u16, u16),
    ) -> Self {
        let span = (last - first).max(1);
        let width = (right - left).max(1.0);
        #[allow(clippy::cast_precision_loss)]
        let per_day = width / span as f64;
        let step = Step::ALL
            .into_iter()
            .find(|s| s.days() * per_day >= s.widest(language) + 14.0)
            .unwrap_or(Step::Years(100));
        let (first, last) = match step {
            Step::Days(_) => (first, last.max(first + 2)),
            Step::Months(_) => {
                // From the first of the month to the end of the last month.
                let months = || {
                    (i64::from(years.0) * 12..=i64::from(years.1) * 12 + 11)
                        .map(|m| month_date(0, m + 1))
                };
                let start = months().take_while(|d| d.first_day() <= first).last();
                let end = months().find(|d| d.last_day() + 1 >= last);
                (
                    start.map_or(first, |d| d.first_day()),
                    end.map_or(last, |d| d.last_day() + 1),
                )
            }
            Step::Years(_) => {
                let year = |y: u16| Date {
                    year: y,
                    month: None,
                    day: None,
                };
                (year(years.0).first_day(), year(years.1).last_day() + 1)
            }
        };
        Self {
            first,
            last,
            left,
            right,
            step,
        }
    }

    /// The x of the start of day `day`.
    pub fn x(&self, day: i64) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let share = (day - self.first) as f64 / (self.last - self.first).max(1) as f64;
        self.left + share * (self.right - self.left)
    }

    /// The ticks inside the axis, labelled in `language`.
    pub fn ticks(&self, language: Language, years: (u16, u16)) -> Vec<Tick> {
        let short = match language {
            Language::Fr => &SHORT_FR,
            Language::En => &SHORT_EN,
        };
        let mut ticks = Vec::new();
        let inside = |day: i64| day >= self.first && day < self.last;
        let (y0, y1) = (i64::from(years.0), i64::from(years.1));
        match self.step {
            Step::Years(step) => {
                let step = i64::from(step);
                let start = y0.div_euclid(step) * step;
                for year in (start..=y1).step_by(usize::try_from(step).unwrap_or(1)) {
                    let date = month_date(year, 1);
                    if inside(date.first_day()) {
                        ticks.push(Tick {
                            x: self.x(date.first_day()),
                            label: year.to_string(),
                        });
                    }
                }
            }
            Step::Months(step) => {
                for index in
                    (y0 * 12..=y1 * 12 + 11).filter(|m| m.rem_euclid(12) % i64::from(step) == 0)
                {
                    let date = month_date(0, index + 1);
                    if inside(date.first_day()) {
                        let name = short[usize::from(date.month.unwrap_or(1)) - 1];
                        let label = if ticks.is_empty() || date.month == Some(1) {
                            format!("{name} {}", date.year)
                        } else {
                            name.to_string()
                        };
                        ticks.push(Tick {
                            x: self.x(date.first_day()),
                            label,
                        });
                    }
                }
            }
            Step::Days(step) => {
                for index in y0 * 12..=y1 * 12 + 11 {
                    let month = month_date(0, index + 1);
                    if month.last_day() < self.first || month.first_day() >= self.last {
                        continue;
                    }
                    let length = month.last_day() - month.first_day() + 1;
                    let days: Vec<i64> = match step {
                        1 => (1..=length).collect(),
                        2 => (1..length).step_by(2).collect(),
                        _ => vec![1, 8, 15, 22],
                    };
                    for day in days {
                        let number = month.first_day() + day - 1;
                        if inside(number) {
                            let name = short[usize::from(month.month.unwrap_or(1)) - 1];
                            let label = match language {
                                Language::Fr if day == 1 => format!("1er {name}"),
                                _ => format!("{day} {name}"),
                            };
                            ticks.push(Tick {
                                x: self.x(number),
                                label,
                            });
                        }
                    }
                }
            }
        }
        ticks
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
            day("2015-03-02"),
            day("2024-06-01"),
            0.0,
            800.0,
            Language::En,
            (2015, 2024),
        );
        let ticks = axis.ticks(Language::En, (2015, 2024));
        assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("2015"));
        assert!(ticks.len() >= 5 && ticks.len() <= 10, "{ticks:?}");
    }

    #[test]
    fn a_year_gets_month_ticks_that_do_not_touch() {
        let axis = Axis::new(
            day("2023-07-26"),
            day("2024-05-01"),
            0.0,
            700.0,
            Language::Fr,
            (2023, 2024),
        );
        let ticks = axis.ticks(Language::Fr, (2023, 2024));
        assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("juil. 2023"));
        assert!(ticks.iter().any(|t| t.label == "janv. 2024"));
        for pair in ticks.windows(2) {
            assert!(pair[1].x - pair[0].x > text_width(&pair[0].label, TICK_SIZE));
        }
    }

    #[test]
    fn a_few_days_get_day_ticks() {
        let axis = Axis::new(
            day("2024-04-01"),
            day("2024-04-12"),
            0.0,
            700.0,
            Language::Fr,
            (2024, 2024),
        );
        let ticks = axis.ticks(Language::Fr, (2024, 2024));
        assert_eq!(ticks.first().map(|t| t.label.as_str()), Some("1er avr."));
    }
}
