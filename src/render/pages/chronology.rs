//! The chronology: every event by date, grouped by year and month, with actors and
//! citations; events known only to the year come first in their year. Each year is
//! rendered on its own (`chronology_year.html`), in parallel, so that a long chronology
//! never sits whole in a template context.

use rayon::prelude::*;
use serde::Serialize;

use crate::labels::date_in_month;
use crate::model::{Date, Language};
use crate::render::fragments;
use crate::render::links::PagePath;
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
    /// Years, in order, rendered.
    pub years: Vec<YearHtml>,
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

/// Renders `chronology/index.html`.
pub fn chronology(site: &Site<'_>) -> Result<ChronologyHtml, RenderError> {
    let page = PagePath::section("chronology");
    let mut by_year: Vec<(u16, Vec<usize>)> = Vec::new();
    for (index, event) in site.dossier.events.iter().enumerate() {
        match by_year.last_mut() {
            Some((y, list)) if *y == event.date.year => list.push(index),
            _ => by_year.push((event.date.year, vec![index])),
        }
    }
    let mut years: Vec<YearHtml> = by_year
        .par_iter()
        .map(|(y, events)| year(site, &page, *y, events))
        .collect::<Result<_, _>>()?;
    let years_nav = years
        .iter()
        .map(|g| Link {
            href: format!("#{}", g.anchor),
            label: g.year.to_string(),
            title: None,
        })
        .collect();
    let html: Vec<String> = years
        .iter_mut()
        .map(|y| std::mem::replace(&mut y.html, String::from(YEARS)))
        .collect();
    let view = ChronologyPage {
        chrome: site.chrome(&page, site.labels.chronology.to_string(), "chronology"),
        years_nav,
        years,
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
