//! Pictures drawn at build time as inline SVG: the relationship graph (actors and
//! their relations) and the timeline (events along a time axis). No JavaScript: each
//! node, edge and mark is a plain link, the colours come from CSS classes
//! ([`PICTURES_CSS`]) so the page's light and dark themes apply, and the same dossier
//! always gives the same bytes.
//!
//! What they show, and how they stay readable:
//!
//! - **Graph.** Nodes are actors (shape and colour by kind, legend on top), lines are
//!   relations, labelled with their type. A relation reads from the actor whose file
//!   holds it ("Niger — gouverné par → junte"), so it is an arrow from that actor; a
//!   type that reads both ways (ending in "allié de", "partenaire de", "voisin de",
//!   "avec", "ally of", "partner of", "with"…) has no arrowhead, and the same type
//!   written in both files is one line with two. Dashed once ended (`until`). Layout:
//!   degree-weighted forces from a fixed seed, then overlap removal on the boxes of
//!   the shapes and names; a label that still cannot be placed is dropped (never
//!   overlapped), its text stays in the tooltip. Past 60 actors (40 in print) only the
//!   most connected are named, the others are faded dots; past 300 (120 in print) the
//!   least connected are left out. A visible note says so; the table after the
//!   picture ([`graph_relations`]) lists every relation.
//! - **Timeline.** One lane with every event, then one per leading actor. A day is a
//!   dot; a month, a year or a period is a bar over its whole span when wide enough;
//!   approximate dates are blurred. Dots that would touch merge into numbered clusters
//!   (linking to their earliest event), so the picture is as readable at 5,000 events
//!   as at 5. Up to 60 events, titles are written under the dots where they fit.
//!
//! The page code decides where things live; the pictures only ask it for hrefs
//! through [`Links`], so they can be drawn on any page (index, profile, chronology,
//! briefing) with links relative to that page.
//!
//! ```no_run
//! # use dossier::model::{Citation, Dossier};
//! # use dossier::pictures::{relationship_graph, timeline, Frame, Lanes, Links, Medium};
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
//! let picture: Option<String> = timeline(dossier, &all, Lanes::top(6), &links, &frame);
//! # }
//! ```

mod geometry;
mod graph;
mod svg;
mod timeline;

use crate::model::{Citation, Language};

pub use graph::{graph_relations, is_mutual, relationship_graph};
pub use timeline::{Lanes, timeline};

/// The CSS for the classes the pictures use, light and dark (`prefers-color-scheme`)
/// and print. Include it once in the site's stylesheet. Colours are custom properties
/// (`--pic-…`) that a page theme may override, e.g. `--pic-bg` with the page background.
pub const PICTURES_CSS: &str = include_str!("../../templates/pictures.css");

/// [`PICTURES_CSS`] for a page that inlines it (the briefing): without the label halos,
/// whose `paint-order` property HTML validators do not know yet.
pub fn inline_css() -> String {
    PICTURES_CSS.replace(
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
    /// The printed briefing: about 680 px wide (an A4 or Letter text column), with
    /// fewer actors named so that the text stays legible on paper.
    Print,
}

impl Medium {
    /// The natural width in CSS pixels.
    fn width(self) -> f64 {
        match self {
            Self::Screen => 960.0,
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
