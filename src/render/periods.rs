//! How the chronology is cut into pages. A dossier of at most [`PER_PAGE`] events keeps
//! them all on `chronology/index.html`. A larger one gets an overview there and a page
//! per year (`chronology/2023/index.html`); a year of more than [`PER_PAGE`] events gets
//! a page per month instead (`chronology/2023-07/`, the events dated to the year only on
//! `chronology/2023/`), and a month still too long is cut in parts of [`PER_PAGE`]
//! (`chronology/2023-07-p2/`), of about the same length each. The page of an event is a function of the dossier alone,
//! found by binary search in the date-ordered events: every link to an event uses it.

use std::ops::Range;

use crate::model::Dossier;
use crate::render::links::PagePath;

/// The most events on one page of the chronology (about 2 KB of HTML each).
pub const PER_PAGE: usize = 250;

/// One page of a split chronology.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Period {
    /// Where it goes.
    pub path: PagePath,
    /// Its events: a range of `Dossier::events` (in date order).
    pub events: Range<usize>,
    /// The year.
    pub year: u16,
    /// What part of the year it shows.
    pub stretch: Stretch,
    /// Part number (1-based) and number of parts, for a month cut in parts.
    pub part: (usize, usize),
}

/// What part of a year a page of the chronology shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stretch {
    /// The whole year.
    Year,
    /// The events dated to the year only, in a year shown month by month.
    YearOnly,
    /// One month, in a year shown month by month.
    Month(u8),
}

impl Stretch {
    /// The stretch of a month key (`None`: the year only).
    fn of_month(month: Option<u8>) -> Self {
        month.map_or(Self::YearOnly, Self::Month)
    }
}

/// The key an event is grouped by in a year shown month by month.
fn month_key(dossier: &Dossier, index: usize) -> (u16, Option<u8>) {
    let date = &dossier.events[index].date;
    (date.year, date.month)
}

/// The range of the events of `year`.
fn year_range(dossier: &Dossier, year: u16) -> Range<usize> {
    let events = &dossier.events;
    events.partition_point(|e| e.date.year < year)..events.partition_point(|e| e.date.year <= year)
}

/// The range of the events sharing the month key `key`.
fn month_range(dossier: &Dossier, key: (u16, Option<u8>)) -> Range<usize> {
    let events = &dossier.events;
    let start = events.partition_point(|e| (e.date.year, e.date.month) < key);
    let end = events.partition_point(|e| (e.date.year, e.date.month) <= key);
    start..end
}

/// Where the month `group` (a range of events) is cut into parts: the index where each
/// part after the first starts. A month is cut in as few parts of at most [`PER_PAGE`]
/// as it needs, of about the same length (752 events make four parts of about 188, not
/// three full ones and one of 2), each cut moved to the nearest change of day when one
/// is close enough, so that a day is seldom split between two pages.
fn cuts(dossier: &Dossier, group: &Range<usize>) -> Vec<usize> {
    let len = group.len();
    let parts = len.div_ceil(PER_PAGE).max(1);
    let size = len.div_ceil(parts);
    // How far a cut may move: a part stays within PER_PAGE, however its ends move.
    let slack = (size / 4).min((PER_PAGE - size) / 2);
    let events = &dossier.events;
    (1..parts)
        .map(|k| {
            let at = group.start + k * size;
            let day = &events[at].date;
            let day_start = events[..at].partition_point(|e| e.date < *day);
            let day_end = at + events[at..].partition_point(|e| e.date <= *day);
            [day_start, day_end]
                .into_iter()
                .filter(|cut| cut.abs_diff(at) <= slack && group.start < *cut && *cut < group.end)
                .min_by_key(|cut| cut.abs_diff(at))
                .unwrap_or(at)
        })
        .collect()
}

/// Whether the chronology is split at all.
pub fn split(dossier: &Dossier) -> bool {
    dossier.events.len() > PER_PAGE
}

/// The path of a period page.
fn period_path(year: u16, stretch: Stretch, part: usize) -> PagePath {
    use std::fmt::Write as _;
    let mut name = year.to_string();
    if let Stretch::Month(m) = stretch {
        let _ = write!(name, "-{m:02}");
    }
    if part > 1 {
        let _ = write!(name, "-p{part}");
    }
    PagePath::new(format!("chronology/{name}/index.html"))
}

/// The page holding event `index`.
pub fn event_page(dossier: &Dossier, index: usize) -> PagePath {
    if !split(dossier) || index >= dossier.events.len() {
        return PagePath::section("chronology");
    }
    let year = dossier.events[index].date.year;
    if year_range(dossier, year).len() <= PER_PAGE {
        return period_path(year, Stretch::Year, 1);
    }
    let key = month_key(dossier, index);
    let group = month_range(dossier, key);
    let part = cuts(dossier, &group).partition_point(|&cut| cut <= index) + 1;
    period_path(year, Stretch::of_month(key.1), part)
}

/// Every period page, in date order (empty when the chronology is one page).
pub fn periods(dossier: &Dossier) -> Vec<Period> {
    let mut out = Vec::new();
    if !split(dossier) {
        return out;
    }
    let total = dossier.events.len();
    let mut start = 0;
    while start < total {
        let year = dossier.events[start].date.year;
        let range = year_range(dossier, year);
        if range.len() <= PER_PAGE {
            out.push(Period {
                path: period_path(year, Stretch::Year, 1),
                events: range.clone(),
                year,
                stretch: Stretch::Year,
                part: (1, 1),
            });
        } else {
            push_months(dossier, range.clone(), &mut out);
        }
        start = range.end;
    }
    out
}

/// The pages of a year shown month by month.
fn push_months(dossier: &Dossier, year: Range<usize>, out: &mut Vec<Period>) {
    let mut start = year.start;
    while start < year.end {
        let key = month_key(dossier, start);
        let group = month_range(dossier, key);
        let cuts = cuts(dossier, &group);
        let parts = cuts.len() + 1;
        let bounds: Vec<usize> = std::iter::once(group.start)
            .chain(cuts)
            .chain(std::iter::once(group.end))
            .collect();
        for (part, ends) in (1..=parts).zip(bounds.windows(2)) {
            out.push(Period {
                path: period_path(key.0, Stretch::of_month(key.1), part),
                events: ends[0]..ends[1],
                year: key.0,
                stretch: Stretch::of_month(key.1),
                part: (part, parts),
            });
        }
        start = group.end;
    }
}
