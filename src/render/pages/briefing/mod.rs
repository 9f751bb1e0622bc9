//! The printable briefing (SPEC §4), one more page of the site: one self-contained HTML
//! page laid out for print — title block, contents, summary, key judgments, chronology
//! table, actor roster, graded source list and numbered endnotes — written into the
//! site as `briefing/index.html` and by `dossier briefing`, which can also hand it to
//! [`crate::print`]. Every link of the page points inside it, except the sources' own
//! addresses.

mod notes;
mod page;
mod rows;
mod select;
mod view;

pub use page::BriefingHtml;
pub use select::{Section, Sections, WHOLE};

use std::collections::BTreeMap;

use crate::model::Language;
use crate::render::links::PagePath;
use crate::render::{RenderError, Site};

/// What the briefing is called in `language` ("Note de synthèse", "Briefing"), for
/// the links of the site to it.
pub fn name(language: Language) -> &'static str {
    crate::labels::briefing(language).briefing
}

/// Where the briefing lives in the site.
pub fn path() -> PagePath {
    PagePath::section("briefing")
}

/// What a briefing holds and how it is laid out; the default is the site's page.
#[derive(Debug, Clone, Default)]
pub struct Layout {
    /// The page size as CSS names it (`A4`, `letter`) when printing to PDF; without it
    /// the printer's paper is used.
    pub paper: Option<&'static str>,
    /// The sections.
    pub sections: Sections,
    /// When printed: the page each section begins on, by anchor (`summary`), as far
    /// as known; the contents then carry page numbers.
    pub pages: Option<BTreeMap<String, u32>>,
    /// The page is the site's: it links back to the site's home page.
    pub on_site: bool,
}

impl Layout {
    /// The briefing's web page in the site.
    pub fn site() -> Self {
        Self {
            on_site: true,
            ..Self::default()
        }
    }
}

/// Renders the briefing of a site, ready to be written (its last lists are written on
/// the way).
pub fn page<'a>(site: &Site<'a>, layout: &Layout) -> Result<BriefingHtml<'a>, RenderError> {
    BriefingHtml::render(site, &path(), layout)
}

/// Renders the briefing of a site as one string (see [`page`]).
pub fn html(site: &Site<'_>, layout: &Layout) -> Result<String, RenderError> {
    Ok(page(site, layout)?.to_html())
}
