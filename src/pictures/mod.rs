//! Pictures drawn at build time as inline SVG: the relationship graph (actors and
//! their relations) and the timeline (events along a time axis). No JavaScript: each
//! node, edge and mark is a plain link, the colours come from CSS classes
//! ([`PICTURES_CSS`]) so the page's light and dark themes apply, and the same dossier
//! always gives the same bytes.
//!
//! What they show, and how they stay readable (drawn at their natural size, text of
//! 10 to 13 px, never cut: a long name or title is wrapped; a narrow screen scrolls):
//!
//! - **Graph.** Nodes are actors (shape and colour by kind, legend on top), one line
//!   per pair of related actors, whichever file holds the relations. Its label, on a
//!   background drawn over every line, gives each type once with the way it reads on
//!   the picture ("dirige la →", "← gouverné par", "voisin du ↔" when both files say
//!   it; none for a type that reads both ways, see [`is_mutual`]). Dashed once every
//!   relation on it ended. Layout: degree-weighted forces from a fixed seed, then
//!   overlap removal on the boxes of the shapes and names; a line label that finds no
//!   free place is left out (never overlapped; it stays in the tooltip and the table).
//!   On a profile, the actor and its neighbours (one hop). Past 50 actors (35 in
//!   print) the core of the network is drawn (grown from the most connected actor,
//!   each next one the most related to those drawn); a visible note says so, and the
//!   table after the picture ([`graph_relations`]) lists every relation.
//! - **Timeline.** An axis over the stretches of time that hold events (a long empty
//!   stretch is cut out, marked by a break), every event a mark with its title
//!   beside it: a day a dot, a month or a year a dot with a whisker over its span, a
//!   period a bar; approximate dates hollow and dashed (a legend entry says so). Marks
//!   are stacked on rows so that none touches another. Past 150 events (60 in print)
//!   the picture counts them by month instead. Not drawn for fewer than two events.
//!
//! The page code decides where things live; the pictures only ask it for hrefs
//! through [`Links`], so they can be drawn on any page (index, profile, chronology,
//! briefing) with links relative to that page.
//!
//! ```no_run
//! # use dossier::model::{Citation, Dossier};
//! # use dossier::pictures::{relationship_graph, timeline, Frame, Links, Medium};
//! # fn page(dossier: &Dossier) {
//! // On `actors/index.html`: links go one level down.
//! let actor = |i: usize| format!("{}/", dossier.actors[i].id);
//! let event = |i: usize| format!("../chronology/#{}", dossier.events[i].id);
//! let citation = |c: &Citation| {
//!     let id = &dossier.sources[c.source].id;
//!     c.anchor().map_or(format!("../sources/{id}/"), |a| format!("../sources/{id}/#{a}"))
//! };
//! let links = Links { actor: &actor, event: &event, citation: &citation };
//! let frame = Frame { id: "relations", medium: Medium::Screen, language: dossier.meta.language };
//! let graph: Option<String> = relationship_graph(dossier, None, &links, &frame);
//! let all: Vec<usize> = (0..dossier.events.len()).collect();
//! let frame = Frame { id: "timeline", ..frame };
//! let picture: Option<String> = timeline(dossier, &all, &links, &frame);
//! # }
//! ```

mod geometry;
mod graph;
mod svg;
mod timeline;

use crate::model::{Citation, Language};

pub use graph::{graph_relations, is_mutual, relationship_graph};
pub use timeline::timeline;

/// The CSS for the classes the pictures use, light and dark (`prefers-color-scheme`)
/// and print. Include it once in the site's stylesheet. Colours are custom properties
/// (`--pic-…`) that a page theme may override, e.g. `--pic-bg` with the page background.
pub const PICTURES_CSS: &str = include_str!("../../templates/pictures.css");

/// The pictures' stylesheet (`css`, [`PICTURES_CSS`] or a project's own) for a page that
/// inlines it (the briefing): without the label halos, whose `paint-order` property HTML
/// validators do not know yet.
pub fn inline_css(css: &str) -> String {
    css.replace(
        "  paint-order: stroke;\n  stroke: var(--pic-bg);\n  stroke-width: 3px;\n",
        "",
    )
}

/// How the pictures get the relative hrefs of the page they are drawn on.
pub struct Links<'a> {
    /// The profile of the actor at this index in `Dossier::actors`.
    pub actor: &'a dyn Fn(usize) -> String,
    /// The entry of the event at this index in `Dossier::events` (page and anchor).
    pub event: &'a dyn Fn(usize) -> String,
    /// The cited source, at the cited paragraph.
    pub citation: &'a dyn Fn(&Citation) -> String,
}

/// Where a picture will be seen, which sets its natural size and how much it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Medium {
    /// A web page: about 960 px wide.
    Screen,
    /// The text column of a web page (an actor's profile): about 660 px wide.
    Column,
    /// The printed briefing: about 680 px wide (an A4 or Letter text column), with
    /// fewer actors named so that the text stays legible on paper.
    Print,
}

impl Medium {
    /// The natural width in CSS pixels.
    fn width(self) -> f64 {
        match self {
            Self::Screen => 960.0,
            Self::Column => 660.0,
            Self::Print => 680.0,
        }
    }
}

/// What every picture needs besides its content.
#[derive(Debug, Clone, Copy)]
pub struct Frame<'a> {
    /// A prefix for the ids inside the SVG (its `<title>`, markers, filters), unique in
    /// the page: two pictures in one page need two different ids. Characters other
    /// than ASCII letters, digits, `-` and `_` are dropped.
    pub id: &'a str,
    /// Screen or print.
    pub medium: Medium,
    /// Language of the title, legend and dates.
    pub language: Language,
}

impl Frame<'_> {
    /// The id prefix, cleaned; never empty.
    fn prefix(&self) -> String {
        let clean: String = self
            .id
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect();
        if clean.is_empty() || clean.starts_with(|c: char| c.is_ascii_digit() || c == '-') {
            format!("pic-{clean}")
        } else {
            clean
        }
    }
}
