//! Dates of partial precision: a year, a month or a day, kept as written.

use std::fmt;

use crate::model::Language;

/// A date known to the year, the month or the day. Ordering puts a partial date before
/// the full dates inside its period (`2023-12` < `2023-12-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year.
    pub year: u16,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    /// `YYYY`.
    Year,
    /// `YYYY-MM`.
    Month,
    /// `YYYY-MM-DD`.
    Day,
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Date {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting days that do not exist.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let well_formed = matches!(parts.len(), 1..=3)
            && parts[0].len() == 4
            && parts[1..].iter().all(|p| p.len() == 2)
            && parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit()));
        if !well_formed {
            return Err(format!("`{text}` is not a date"));
        }
        let number = |s: &str| s.parse::<u16>().unwrap_or(0);
        let year = number(parts[0]);
        let month = parts.get(1).map(|m| number(m) as u8);
        let day = parts.get(2).map(|d| number(d) as u8);
        if year == 0 {
            return Err(format!("`{text}` has no year 0000"));
        }
        if let Some(m) = month {
            if !(1..=12).contains(&m) {
                return Err(format!("`{text}` has no month {m:02}"));
            }
            if let Some(d) = day {
                let last = days_in_month(year, m);
                if d == 0 || d > last {
                    return Err(format!(
                        "`{text}` does not exist: {} has {last} days",
                        MONTHS_EN[usize::from(m) - 1]
                    ));
                }
            }
        }
        Ok(Self { year, month, day })
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The date as written in the ISO form it was given in.
    pub fn iso(&self) -> String {
        if self.year > 9999 {
            return self.to_string();
        }
        // Digit by digit rather than through `Display`: this runs for every date of
        // every page.
        let digit = |n: u16| char::from(b'0' + (n % 10) as u8);
        let mut out = String::with_capacity(10);
        for power in [1000, 100, 10, 1] {
            out.push(digit(self.year / power));
        }
        for part in [self.month, self.day].into_iter().flatten() {
            out.push('-');
            out.push(digit(u16::from(part) / 10));
            out.push(digit(u16::from(part)));
        }
        out
    }

    /// The date in words, at its precision: `26 juillet 2023`, `décembre 2023`, `2023`;
    /// `26 July 2023`, `December 2023`.
    pub fn human(&self, language: Language) -> String {
        let months = match language {
            Language::Fr => &MONTHS_FR,
            Language::En => &MONTHS_EN,
        };
        // Written piece by piece: dates are shown hundreds of thousands of times in a
        // large dossier, and `format!` would grow each string several times.
        let mut out = String::with_capacity(24);
        let mut number = itoa::Buffer::new();
        if let Some(month) = self.month {
            if let Some(day) = self.day {
                push_day(&mut out, day, language, &mut number);
                out.push(' ');
            }
            out.push_str(months[usize::from(month) - 1]);
            out.push(' ');
        }
        out.push_str(number.format(self.year));
        out
    }

    /// The day of the month alone, as written before its month: `26`, and `1er` in French.
    pub fn day_of_month(day: u8, language: Language) -> String {
        let mut out = String::with_capacity(4);
        push_day(&mut out, day, language, &mut itoa::Buffer::new());
        out
    }

    /// The month name alone, for chronology headings.
    pub fn month_name(month: u8, language: Language) -> &'static str {
        let months = match language {
            Language::Fr => &MONTHS_FR,
            Language::En => &MONTHS_EN,
        };
        months[usize::from(month.clamp(1, 12)) - 1]
    }

    /// The first day of the period the date covers, as days since 0000-03-01.
    pub fn first_day(&self) -> i64 {
        day_number(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The day with number `n` (as [`Date::first_day`] counts), at day precision.
    pub fn from_day_number(n: i64) -> Option<Self> {
        let era = n.div_euclid(146_097);
        let day_of_era = n - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_index + 2) / 5 + 1;
        let month = if month_index < 10 {
            month_index + 3
        } else {
            month_index - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Some(Self {
            year: u16::try_from(year).ok().filter(|&y| y > 0)?,
            month: Some(u8::try_from(month).ok()?),
            day: Some(u8::try_from(day).ok()?),
        })
    }

    /// The day of the week of a day number, Monday 0 to Sunday 6.
    pub fn weekday(n: i64) -> u8 {
        // Day number 0 is 0000-03-01, a Wednesday in the proleptic Gregorian calendar.
        (n + 2).rem_euclid(7) as u8
    }

    /// The last day of the period the date covers, as days since 0000-03-01.
    pub fn last_day(&self) -> i64 {
        match (self.month, self.day) {
            (Some(m), Some(d)) => day_number(self.year, m, d),
            (Some(m), None) => day_number(self.year, m, days_in_month(self.year, m)),
            _ => day_number(self.year, 12, 31),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since a fixed origin (civil-from-days algorithm, inverted).
fn day_number(year: u16, month: u8, day: u8) -> i64 {
    let (y, m, d) = (i64::from(year), i64::from(month), i64::from(day));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_index = (m + 9) % 12;
    let day_of_year = (153 * month_index + 2) / 5 + d - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era
}

/// Writes a day of the month as it stands before the month's name: the first of the
/// month is `1er` in French.
fn push_day(out: &mut String, day: u8, language: Language, number: &mut itoa::Buffer) {
    out.push_str(number.format(day));
    if day == 1 && language == Language::Fr {
        out.push_str("er");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_go_back_to_dates_and_weekdays() {
        for text in [
            "2024-04-11",
            "2024-02-29",
            "2000-03-01",
            "1999-12-31",
            "2023-07-26",
        ] {
            let date = Date::parse(text).ok();
            let n = date.map(|d| d.first_day()).unwrap_or_default();
            assert_eq!(Date::from_day_number(n), date);
        }
        let thursday = Date::parse("2024-04-11")
            .map(|d| d.first_day())
            .unwrap_or_default();
        assert_eq!(Date::weekday(thursday), 3);
        assert_eq!(Date::weekday(thursday - 1), 2);
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            Date::parse("2023").map(|d| d.precision()),
            Ok(Precision::Year)
        );
        assert_eq!(
            Date::parse("2023-12").map(|d| d.precision()),
            Ok(Precision::Month)
        );
        assert_eq!(
            Date::parse("2023-07-26").map(|d| d.precision()),
            Ok(Precision::Day)
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::parse("2024-02-30").is_err());
        assert!(Date::parse("2023-02-29").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2024-13").is_err());
        assert!(Date::parse("2024-00").is_err());
        assert!(Date::parse("24-01-01").is_err());
        assert!(Date::parse("2024/01/01").is_err());
        assert!(Date::parse("2024-1-01").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn partial_dates_sort_before_their_full_dates() {
        let month = Date::parse("2023-12").expect("date");
        let first = Date::parse("2023-12-01").expect("date");
        let november = Date::parse("2023-11-30").expect("date");
        let year = Date::parse("2023").expect("date");
        assert!(november < month && month < first);
        assert!(year < Date::parse("2023-01").expect("date"));
    }

    #[test]
    fn iso_form_is_the_written_form() {
        for written in ["2023", "2023-12", "2023-07-06", "0999-01-01", "1900-10"] {
            let date = Date::parse(written).expect("date");
            assert_eq!(date.iso(), written);
            assert_eq!(date.iso(), date.to_string());
        }
        let far = Date {
            year: 12_345,
            month: Some(1),
            day: None,
        };
        assert_eq!(far.iso(), "12345-01");
    }

    #[test]
    fn human_form_keeps_precision() {
        let month = Date::parse("2023-12").expect("date");
        assert_eq!(month.human(Language::Fr), "décembre 2023");
        assert_eq!(month.human(Language::En), "December 2023");
        let day = Date::parse("2023-07-26").expect("date");
        assert_eq!(day.human(Language::Fr), "26 juillet 2023");
        assert_eq!(day.human(Language::En), "26 July 2023");
        assert_eq!(
            Date::parse("2024-03-01").expect("date").human(Language::Fr),
            "1er mars 2024"
        );
    }

    #[test]
    fn spans_cover_the_whole_period() {
        let month = Date::parse("2024-02").expect("date");
        assert_eq!(month.last_day() - month.first_day(), 28);
        let year = Date::parse("2023").expect("date");
        assert_eq!(year.last_day() - year.first_day(), 364);
    }
}
