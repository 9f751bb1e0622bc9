//! The chronology: every event by date, grouped by year and month, with actors and
//! citations; events known only to the year come first in their year. Each year is
//! rendered on its own (`chronology_year.html`), in parallel, so that a long chronology
//! never sits whole in a template context. A long chronology is split by period
//! ([`periods`]): `chronology/index.html` is then an overview, and each period has a page
//! (`chronology_period.html`).

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use crate::labels::date_in_month;
use crate::model::{Date, Language};
use crate::render::fragments;
use crate::render::links::{PagePath, href};
use crate::render::periods::{self, Period, Stretch};
use crate::render::pictures::PagePictures;
use crate::render::views::{Chrome, Link};
use crate::render::{RenderError, Site};

/// The events of one month.
#[derive(Debug, Serialize)]
pub struct MonthGroup {
    /// Anchor (`y2023-07`).
    pub anchor: String,
    /// Heading (`juillet 2023`).
    pub heading: String,
    /// The events, as HTML (`fragments::event_article`).
    pub events_html: String,
}

/// The events of one year, for `chronology_year.html`.
#[derive(Debug, Serialize)]
pub struct YearGroup {
    /// Anchor (`y2023`).
    pub anchor: String,
    /// The year.
    pub year: u16,
    /// Events dated to the year only, as HTML.
    pub year_only_html: String,
    /// Months, in order.
    pub months: Vec<MonthGroup>,
}

/// A year of the chronology, rendered.
#[derive(Debug, Serialize)]
pub struct YearHtml {
    /// Anchor (`y2023`).
    pub anchor: String,
    /// The year.
    pub year: u16,
    /// Its events, as HTML.
    pub html: String,
}

/// `chronology/index.html`.
#[derive(Debug, Serialize)]
pub struct ChronologyPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Links to each year.
    pub years_nav: Vec<Link>,
    /// Years, in order, rendered (empty when the chronology is split).
    pub years: Vec<YearHtml>,
    /// For a split chronology, each year with its pages.
    pub overview: Vec<OverviewYear>,
    /// How many events, formatted.
    pub count: String,
    /// How many events.
    pub events: usize,
    /// The timeline (SVG), when drawn.
    pub timeline_svg: Option<String>,
}

/// A month heading: `juillet 2023`, `July 2023`.
fn month_heading(year: u16, month: u8, language: Language) -> String {
    Date {
        year,
        month: Some(month),
        day: None,
    }
    .human(language)
}

/// Renders the events of one year, `events` being their indexes in date order.
fn year(
    site: &Site<'_>,
    page: &PagePath,
    year: u16,
    events: &[usize],
) -> Result<YearHtml, RenderError> {
    let mut group = YearGroup {
        anchor: format!("y{year}"),
        year,
        year_only_html: String::new(),
        months: Vec::new(),
    };
    for &index in events {
        let mut view = site.event(page, index, true);
        let event = &site.dossier.events[index];
        match event.date.month {
            None => fragments::event_article(&mut group.year_only_html, &view, site.labels, 4),
            Some(month) => {
                let anchor = format!("y{year}-{month:02}");
                if group.months.last().is_none_or(|m| m.anchor != anchor) {
                    let heading = month_heading(year, month, site.language);
                    group.months.push(MonthGroup {
                        anchor,
                        heading,
                        events_html: String::new(),
                    });
                }
                // The month is the heading: the row says the day.
                view.date = date_in_month(
                    &event.date,
                    event.end.as_ref(),
                    event.approximate,
                    site.language,
                );
                if let Some(m) = group.months.last_mut() {
                    fragments::event_article(&mut m.events_html, &view, site.labels, 4);
                }
            }
        }
    }
    let html = spaced(
        site,
        site.templates
            .render("chronology_year.html", site.language, &group)?,
    );
    Ok(YearHtml {
        anchor: group.anchor,
        year,
        html,
    })
}

/// Stands for the years in the rendered page, which are written in its place without
/// going through the template (a long chronology is tens of megabytes).
const YEARS: &str = "<!--dossier:years-->";

/// The chronology page: the template's output cut where each year goes, and the years.
pub struct ChronologyHtml {
    /// The page around the years: year `i` goes between `parts[i]` and `parts[i + 1]`.
    pub parts: Vec<String>,
    /// Each year's HTML.
    pub years: Vec<String>,
}

impl ChronologyHtml {
    /// Writes the page, years in place.
    pub fn write_to(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        for (i, part) in self.parts.iter().enumerate() {
            out.write_all(part.as_bytes())?;
            if i + 1 < self.parts.len() {
                out.write_all(self.years.get(i).map_or("", String::as_str).as_bytes())?;
            }
        }
        Ok(())
    }
}

/// The events of `events` grouped by year, as `(year, indexes)`.
fn by_year(site: &Site<'_>, events: Range<usize>) -> Vec<(u16, Vec<usize>)> {
    let mut by_year: Vec<(u16, Vec<usize>)> = Vec::new();
    for index in events {
        let year = site.dossier.events[index].date.year;
        match by_year.last_mut() {
            Some((y, list)) if *y == year => list.push(index),
            _ => by_year.push((year, vec![index])),
        }
    }
    by_year
}

/// Renders the years of `events` on `page`, in parallel.
fn years(
    site: &Site<'_>,
    page: &PagePath,
    events: Range<usize>,
) -> Result<Vec<YearHtml>, RenderError> {
    by_year(site, events)
        .par_iter()
        .map(|(y, events)| year(site, page, *y, events))
        .collect()
}

/// Renders `chronology/index.html`: every event, or for a long chronology an overview
/// that links to the page of each period.
pub fn chronology(site: &Site<'_>) -> Result<ChronologyHtml, RenderError> {
    let page = PagePath::section("chronology");
    let periods = periods::periods(site.dossier);
    let mut years = if periods.is_empty() {
        years(site, &page, 0..site.dossier.events.len())?
    } else {
        Vec::new()
    };
    let years_nav = if periods.is_empty() {
        years
            .iter()
            .map(|g| Link {
                href: format!("#{}", g.anchor),
                label: g.year.to_string(),
                title: None,
            })
            .collect()
    } else {
        overview_nav(&page, &periods)
    };
    let html: Vec<String> = years
        .iter_mut()
        .map(|y| std::mem::replace(&mut y.html, String::from(YEARS)))
        .collect();
    let view = ChronologyPage {
        chrome: site.chrome(&page, site.labels.chronology.to_string(), "chronology"),
        years_nav,
        years,
        overview: overview(site, &page, &periods),
        count: site.count(site.dossier.events.len()),
        events: site.dossier.events.len(),
        timeline_svg: PagePictures::new(site, &page)
            .timeline(&(0..site.dossier.events.len()).collect::<Vec<_>>()),
    };
    let rendered = spaced(
        site,
        site.templates
            .render("chronology.html", site.language, &view)?,
    );
    let parts = rendered.split(YEARS).map(str::to_string).collect();
    Ok(ChronologyHtml { parts, years: html })
}

/// A piece of the page with French no-break spaces when the dossier is in French.
fn spaced(site: &Site<'_>, html: String) -> String {
    if site.language == crate::model::Language::Fr {
        crate::render::typography::french(&html).into_owned()
    } else {
        html
    }
}

/// A year of a split chronology, on its overview.
#[derive(Debug, Serialize)]
pub struct OverviewYear {
    /// The year, linking to its first page.
    pub year: Link,
    /// How many events, formatted.
    pub count: String,
    /// Its pages when it has several (months, parts of months), with their counts.
    pub pages: Vec<OverviewPage>,
}

/// A page of a year shown month by month, on the overview.
#[derive(Debug, Serialize)]
pub struct OverviewPage {
    /// Link to it.
    pub link: Link,
    /// How many events, formatted.
    pub count: String,
}

/// The label of a period page: `2023`, `juillet 2023`, and for the events dated to the
/// year only, "Dans l’année 2023". A part of a month says the days it covers
/// (`1er – 9 juillet 2023`), and its number too when that does not tell it from the
/// other parts (`9 juillet 2023 (2/3)`, a day of three pages).
fn period_label(site: &Site<'_>, period: &Period) -> String {
    match period.stretch {
        Stretch::Year => period.year.to_string(),
        Stretch::YearOnly => format!("{} {}", site.labels.during_year, period.year),
        Stretch::Month(m) if period.part.1 > 1 => part_label(site, period, m),
        Stretch::Month(m) => month_heading(period.year, m, site.language),
    }
}

/// The days of the events of a part of a month: `4 – 22 mars 2024`, `4 mars 2024`; the
/// month when none has a day. With the part's number when its first or last day is also
/// that of a neighbouring part (`4 mars 2024 (2/3)`, `1er – 4 mars 2024 (1/3)`).
fn part_label(site: &Site<'_>, period: &Period, month: u8) -> String {
    let days = |range: std::ops::Range<usize>| {
        let events = &site.dossier.events[range];
        let first = events.iter().find_map(|e| e.date.day);
        let last = events.iter().rev().find_map(|e| e.date.day);
        (first, last)
    };
    let (first, last) = days(period.events.clone());
    let date = |day| Date {
        year: period.year,
        month: Some(month),
        day,
    };
    let mut label = match (first, last) {
        (Some(a), Some(b)) if a != b => {
            crate::labels::period(Some(&date(Some(a))), Some(&date(Some(b))), site.language)
        }
        (Some(a), _) => date(Some(a)).human(site.language),
        _ => month_heading(period.year, month, site.language),
    };
    let (part, parts) = period.part;
    let shared_start = part > 1
        && first.is_none_or(|f| {
            let before = period.events.start.saturating_sub(1);
            site.dossier.events.get(before).and_then(|e| e.date.day) == Some(f)
        });
    let shared_end = part < parts
        && last.is_none_or(|l| {
            site.dossier
                .events
                .get(period.events.end)
                .and_then(|e| e.date.day)
                == Some(l)
        });
    if shared_start || shared_end {
        use std::fmt::Write as _;
        let _ = write!(label, " ({part}/{parts})");
    }
    label
}

/// The years of a split chronology, each linking to its first page.
fn overview_nav(page: &PagePath, periods: &[Period]) -> Vec<Link> {
    let mut nav: Vec<Link> = Vec::new();
    let mut last = None;
    for period in periods {
        if last != Some(period.year) {
            last = Some(period.year);
            nav.push(Link {
                href: href(page, &period.path, None),
                label: period.year.to_string(),
                title: None,
            });
        }
    }
    nav
}

/// The overview of a split chronology: each year, with its pages.
fn overview(site: &Site<'_>, page: &PagePath, periods: &[Period]) -> Vec<OverviewYear> {
    let mut years: Vec<OverviewYear> = Vec::new();
    let mut totals: Vec<usize> = Vec::new();
    for period in periods {
        let link = Link {
            href: href(page, &period.path, None),
            label: period_label(site, period),
            title: None,
        };
        let count = period.events.len();
        if years
            .last()
            .is_none_or(|y| y.year.label != period.year.to_string())
        {
            years.push(OverviewYear {
                year: Link {
                    href: link.href.clone(),
                    label: period.year.to_string(),
                    title: None,
                },
                count: String::new(),
                pages: Vec::new(),
            });
            totals.push(0);
        }
        if let (Some(year), Some(total)) = (years.last_mut(), totals.last_mut()) {
            *total += count;
            if period.stretch != Stretch::Year {
                year.pages.push(OverviewPage {
                    link,
                    count: site.count(count),
                });
            }
        }
    }
    for (year, total) in years.iter_mut().zip(totals) {
        year.count = site.count(total);
    }
    years
}

/// `chronology/PERIOD/index.html`, for `chronology_period.html`.
#[derive(Debug, Serialize)]
pub struct PeriodPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Link to the overview.
    pub overview: String,
    /// The years, each linking to its first page.
    pub years_nav: Vec<Link>,
    /// The year of this page, marked in `years_nav`.
    pub current_year: String,
    /// Whether this page is its year's only page (its link in `years_nav` is this page).
    pub whole_year: bool,
    /// The pages of this page's year when it has several (its months, parts of months,
    /// the events dated to the year only), this one marked; empty otherwise.
    pub year_pages: Vec<YearPage>,
    /// The page before, if any.
    pub previous: Option<Link>,
    /// The page after, if any.
    pub next: Option<Link>,
    /// How many events, formatted.
    pub count: String,
    /// How many events.
    pub events: usize,
    /// The events, rendered by `chronology_year.html`.
    pub years: Vec<YearHtml>,
}

/// A page of a year shown month by month, in the navigation of its pages.
#[derive(Debug, Serialize)]
pub struct YearPage {
    /// Link to it, labelled without the year (`mars`, `Dans l’année`, `mars (2/3)`).
    pub link: Link,
    /// How many events, formatted.
    pub count: String,
    /// Whether it is the page being rendered.
    pub current: bool,
}

/// The pages of the year of period `index`, when that year has several.
fn year_pages(site: &Site<'_>, periods: &[Period], index: usize) -> Vec<YearPage> {
    let Some(period) = periods.get(index) else {
        return Vec::new();
    };
    if period.stretch == Stretch::Year {
        return Vec::new();
    }
    let year = period.year.to_string();
    periods
        .iter()
        .enumerate()
        .filter(|(_, other)| other.year == period.year)
        .map(|(i, other)| {
            let label = period_label(site, other);
            let label = match label.split_once(&year) {
                Some((before, after)) => format!("{}{}", before.trim_end(), after),
                None => label,
            };
            YearPage {
                link: Link {
                    href: href(&period.path, &other.path, None),
                    label,
                    title: None,
                },
                count: site.count(other.events.len()),
                current: i == index,
            }
        })
        .collect()
}

/// Renders the page of period `index` of a split chronology.
pub fn period(site: &Site<'_>, index: usize) -> Result<(PagePath, Vec<u8>), RenderError> {
    let periods = periods::periods(site.dossier);
    let Some(period) = periods.get(index) else {
        return Err(RenderError::Template {
            name: "chronology_period.html".into(),
            message: format!("no period {index} in this chronology"),
        });
    };
    let page = &period.path;
    let link = |other: &Period| Link {
        href: href(page, &other.path, None),
        label: period_label(site, other),
        title: None,
    };
    let view = PeriodPage {
        chrome: site.chrome(page, period_label(site, period), "chronology"),
        overview: href(page, &PagePath::section("chronology"), None),
        years_nav: overview_nav(page, &periods),
        current_year: period.year.to_string(),
        whole_year: period.stretch == Stretch::Year,
        year_pages: year_pages(site, &periods, index),
        previous: index.checked_sub(1).and_then(|i| periods.get(i)).map(link),
        next: periods.get(index + 1).map(link),
        count: site.count(period.events.len()),
        events: period.events.len(),
        years: years(site, page, period.events.clone())?,
    };
    let html = spaced(
        site,
        site.templates
            .render("chronology_period.html", site.language, &view)?,
    );
    Ok((page.clone(), html.into_bytes()))
}
