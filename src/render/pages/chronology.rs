//! The chronology: every event by date, grouped by year and month, with actors and
//! citations; events known only to the year come first in their year.

use serde::Serialize;

use crate::model::{Date, Language};
use crate::render::links::PagePath;
use crate::render::views::{Chrome, EventView, Link};
use crate::render::{RenderError, Site};

/// The events of one month.
#[derive(Debug, Serialize)]
pub struct MonthGroup<'a> {
    /// Anchor (`y2023-07`).
    pub anchor: String,
    /// Heading (`juillet 2023`).
    pub heading: String,
    /// The events.
    pub events: Vec<EventView<'a>>,
}

/// The events of one year.
#[derive(Debug, Serialize)]
pub struct YearGroup<'a> {
    /// Anchor (`y2023`).
    pub anchor: String,
    /// The year.
    pub year: u16,
    /// Events dated to the year only.
    pub year_only: Vec<EventView<'a>>,
    /// Months, in order.
    pub months: Vec<MonthGroup<'a>>,
}

/// `chronology/index.html`.
#[derive(Debug, Serialize)]
pub struct ChronologyPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Links to each year.
    pub years_nav: Vec<Link>,
    /// Years, in order.
    pub years: Vec<YearGroup<'a>>,
    /// How many events.
    pub count: String,
    /// The timeline (SVG), when drawn.
    pub timeline_svg: Option<String>,
}

/// A month heading: `juillet 2023`, `July 2023`.
fn month_heading(year: u16, month: u8, language: Language) -> String {
    Date { year, month: Some(month), day: None }.human(language)
}

/// Renders `chronology/index.html`.
pub fn chronology(site: &Site<'_>) -> Result<(PagePath, String), RenderError> {
    let page = PagePath::section("chronology");
    let mut years: Vec<YearGroup<'_>> = Vec::new();
    for (index, event) in site.dossier.events.iter().enumerate() {
        let year = event.date.year;
        if years.last().is_none_or(|g| g.year != year) {
            years.push(YearGroup { anchor: format!("y{year}"), year, year_only: Vec::new(), months: Vec::new() });
        }
        let Some(group) = years.last_mut() else { continue };
        let view = site.event(&page, index, true);
        match event.date.month {
            None => group.year_only.push(view),
            Some(month) => {
                let anchor = format!("y{year}-{month:02}");
                if group.months.last().is_none_or(|m| m.anchor != anchor) {
                    let heading = month_heading(year, month, site.language);
                    group.months.push(MonthGroup { anchor, heading, events: Vec::new() });
                }
                if let Some(m) = group.months.last_mut() {
                    m.events.push(view);
                }
            }
        }
    }
    let years_nav = years
        .iter()
        .map(|g| Link { href: format!("#{}", g.anchor), label: g.year.to_string(), title: None })
        .collect();
    let view = ChronologyPage {
        chrome: site.chrome(&page, site.labels.chronology.to_string(), "chronology"),
        years_nav,
        years,
        count: site.count(site.dossier.events.len()),
        timeline_svg: None,
    };
    Ok((page, site.templates.render("chronology.html", &view)?))
}
