//! The roster (`actors/index.html`, in pages of actors): the relationship graph and the
//! relations table on its first page, then the actors grouped by kind.

use serde::Serialize;

use super::actors::{RelationView, more_line};
use crate::labels::{actor_kinds, sort_key};
use crate::model::ActorKind;
use crate::pictures::graph_relations;
use crate::render::links::{PagePath, href};
use crate::render::pager::{self, Pager};
use crate::render::pictures::PagePictures;
use crate::render::views::{Chrome, Link};
use crate::render::{RenderError, Site};

/// An actor in the roster.
#[derive(Debug, Serialize)]
pub struct RosterEntry<'a> {
    /// Link to the profile.
    pub actor: Link,
    /// Other names.
    pub aliases: &'a [String],
    /// How many mentions in the sources.
    pub mentions: usize,
    /// How many events.
    pub events: usize,
}

/// Actors of one kind (on one page of the roster).
#[derive(Debug, Serialize)]
pub struct KindGroup<'a> {
    /// Anchor (`person`).
    pub anchor: &'static str,
    /// Heading (`Personnes`).
    pub heading: &'static str,
    /// Whether the list began on the page before.
    pub continued: bool,
    /// The actors, by name.
    pub actors: Vec<RosterEntry<'a>>,
}

/// A kind in the roster's table of contents.
#[derive(Debug, Serialize)]
pub struct KindLink {
    /// Where its list starts (`#person`, or `index-2.html#person` on another page).
    pub href: String,
    /// Heading (`Personnes`).
    pub heading: &'static str,
    /// How many actors of that kind.
    pub count: usize,
}

/// `actors/index.html`, or a page of the roster (`actors/index-2.html`).
#[derive(Debug, Serialize)]
pub struct ActorsPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Every kind, with a link to where its list starts.
    pub kinds: Vec<KindLink>,
    /// The groups of this page, in the order of [`ActorKind::ORDER`].
    pub groups: Vec<KindGroup<'a>>,
    /// The relationship graph (SVG), when drawn (first page only).
    pub graph_svg: Option<String>,
    /// The relations of the graph, as a table (for screen readers and print), at most
    /// [`RELATIONS_LISTED`].
    pub relations: Vec<RelationView<'a>>,
    /// How many relations in all, formatted.
    pub relation_count: String,
    /// The line for the relations the table leaves out (HTML), if any.
    pub relations_more: String,
    /// Whether the table gives each relation's sources (not when it is long: they are
    /// on the profiles, and the page stays under 1 MB).
    pub relations_cited: bool,
    /// Links between the pages of the roster (none when it fits on one).
    pub pager: Option<Pager>,
}

/// A relations table longer than this leaves the sources to the profiles.
const RELATIONS_WITH_CITATIONS: usize = 300;

/// The most relations in the table under the graph; the others are counted (each is on
/// the profiles of its two actors, and all are in `exports/relations.csv`).
const RELATIONS_LISTED: usize = 1000;

/// Every actor, by kind in the order of [`ActorKind::ORDER`], then by name.
fn roster<'s>(site: &'s Site<'_>, page: &PagePath) -> Vec<(ActorKind, RosterEntry<'s>)> {
    let mut entries: Vec<(usize, (String, String), ActorKind, RosterEntry<'s>)> = site
        .dossier
        .actors
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let entry = RosterEntry {
                actor: site.actor_link(page, i),
                aliases: &a.aliases,
                mentions: site.cross.mentions_by_actor[i].len(),
                events: site.cross.events_by_actor[i].len(),
            };
            let (key, _) = sort_key(&entry.actor.label);
            let order = ActorKind::ORDER
                .iter()
                .position(|&k| k == a.kind)
                .unwrap_or(usize::MAX);
            (order, (key, entry.actor.label.clone()), a.kind, entry)
        })
        .collect();
    entries.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    entries
        .into_iter()
        .map(|(_, _, kind, entry)| (kind, entry))
        .collect()
}

/// The relations table of the roster's first page: at most [`RELATIONS_LISTED`], with
/// their sources up to [`RELATIONS_WITH_CITATIONS`]; the total; the line for the rest.
fn relations_table<'s>(
    site: &'s Site<'_>,
    page: &PagePath,
) -> (Vec<RelationView<'s>>, usize, String) {
    let listed = graph_relations(site.dossier, None);
    let total = listed.len();
    let cited = total <= RELATIONS_WITH_CITATIONS;
    let views = listed
        .into_iter()
        .take(RELATIONS_LISTED)
        .map(|(holder, i)| {
            let relation = &site.dossier.actors[holder].relations[i];
            let mut view = site.relation(page, holder, i, relation, false);
            if !cited {
                view.citation_links.clear();
            }
            view
        })
        .collect();
    let more = more_line(
        site,
        page,
        total.saturating_sub(RELATIONS_LISTED),
        (site.labels.relations, site.labels.relations_elsewhere),
        "relations.csv",
    );
    (views, total, more)
}

/// Renders `actors/index.html`, or page `number` of the roster: the graph and the
/// relations table on the first page, then the actors by kind,
/// [`pager::ACTORS_PER_PAGE`] a page.
pub fn index(site: &Site<'_>, number: usize) -> Result<(PagePath, Vec<u8>), RenderError> {
    let first = PagePath::section("actors");
    let page = pager::page_path(&first, number);
    let all = roster(site, &page);
    let count = pager::page_count(all.len(), pager::ACTORS_PER_PAGE);
    let range = pager::page_items(all.len(), pager::ACTORS_PER_PAGE, number);
    let kinds = ActorKind::ORDER
        .iter()
        .filter_map(|&kind| {
            let start = all.iter().position(|(k, _)| *k == kind)?;
            let on = start / pager::ACTORS_PER_PAGE + 1;
            let anchor = kind.word();
            let href = if on == number {
                format!("#{anchor}")
            } else {
                href(&page, &pager::page_path(&first, on), Some(anchor))
            };
            Some(KindLink {
                href,
                heading: actor_kinds(kind, site.language),
                count: all.iter().filter(|(k, _)| *k == kind).count(),
            })
        })
        .collect();
    let mut groups: Vec<KindGroup<'_>> = Vec::new();
    let before = range
        .start
        .checked_sub(1)
        .and_then(|last| all.get(last))
        .map(|(kind, _)| *kind);
    for (kind, entry) in all.into_iter().skip(range.start).take(range.len()) {
        match groups.last_mut() {
            Some(group) if group.anchor == kind.word() => group.actors.push(entry),
            last => {
                let continued = last.is_none() && before == Some(kind);
                groups.push(KindGroup {
                    anchor: kind.word(),
                    heading: actor_kinds(kind, site.language),
                    continued,
                    actors: vec![entry],
                });
            }
        }
    }
    let (relations, total, relations_more) = if number <= 1 {
        relations_table(site, &page)
    } else {
        (Vec::new(), 0, String::new())
    };
    let view = ActorsPage {
        chrome: site.chrome(
            &page,
            pager::title(site.labels.actors, number, count),
            "actors",
        ),
        kinds,
        groups,
        graph_svg: if number <= 1 {
            PagePictures::new(site, &page).graph(None)
        } else {
            None
        },
        relations,
        relation_count: site.count(total),
        relations_more,
        relations_cited: total <= RELATIONS_WITH_CITATIONS,
        pager: pager::pager(&first, number, count),
    };
    Ok((
        page,
        site.templates
            .render_bytes("actors.html", site.language, &view)?,
    ))
}
