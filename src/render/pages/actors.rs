//! The actor profiles (summary, roles, relations both ways, own chronology, every
//! mention with its sentence, what links here) and the roster grouped by kind.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::labels::{actor_kind, actor_kinds, period};
use crate::model::{ActorKind, Relation};
use crate::pictures::{Lanes, graph_relations};
use crate::render::crossref::referrers;
use crate::render::fragments::{self, QuoteGroup};
use crate::render::links::{PagePath, href};
use crate::render::pictures::PagePictures;
use crate::render::views::{Chrome, CitationView, Link};
use crate::render::{RenderError, Site};

/// A role held.
#[derive(Debug, Serialize)]
pub struct RoleView<'a> {
    /// The position.
    pub title: &'a str,
    /// In which actor.
    pub of: Option<Link>,
    /// When, in words.
    pub period: String,
}

/// A relation, seen from the profile being shown.
#[derive(Debug, Serialize)]
pub struct RelationView<'a> {
    /// Anchor (`rel-N`, on the profile of the actor whose file holds it).
    pub anchor: Option<String>,
    /// The actor that states the relation.
    pub from: Link,
    /// What the relation is.
    pub kind: &'a str,
    /// The other actor.
    pub to: Link,
    /// When, in words.
    pub period: String,
    /// Whether it has ended.
    pub ended: bool,
    /// What it rests on.
    pub citations: Vec<CitationView>,
    /// The note, rendered.
    pub note: Option<String>,
}

/// `actors/ID/index.html`.
#[derive(Debug, Serialize)]
pub struct ActorPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Display name.
    pub name: &'a str,
    /// Kind, in words.
    pub kind: &'static str,
    /// Other names.
    pub aliases: &'a [String],
    /// The profile, rendered.
    pub summary: Option<String>,
    /// Positions.
    pub roles: Vec<RoleView<'a>>,
    /// Relations written in this actor's file.
    pub relations: Vec<RelationView<'a>>,
    /// Relations written in other actors' files that point here.
    pub relations_in: Vec<RelationView<'a>>,
    /// Its own chronology, as HTML (`fragments::event_rows`).
    pub events_html: String,
    /// How many events.
    pub event_count: usize,
    /// Mentions in the sources, by source, as HTML (`fragments::quote_groups`).
    pub mentions_html: String,
    /// Total mentions, formatted.
    pub mention_count: String,
    /// Total mentions.
    pub mentions: usize,
    /// External links.
    pub links: Vec<Link>,
    /// Pages whose text links here.
    pub links_here: Vec<Link>,
    /// Tags.
    pub tags: Vec<Link>,
    /// The relationship graph around the actor (SVG), when drawn.
    pub graph_svg: Option<String>,
    /// The timeline of its events (SVG), when drawn.
    pub timeline_svg: Option<String>,
}

impl Site<'_> {
    fn relation<'s>(
        &'s self,
        page: &PagePath,
        holder: usize,
        index: usize,
        relation: &'s Relation,
        own: bool,
    ) -> RelationView<'s> {
        RelationView {
            anchor: own.then(|| format!("rel-{}", index + 1)),
            from: self.actor_link(page, holder),
            kind: &relation.kind,
            to: self.actor_link(page, relation.to),
            period: period(
                relation.since.as_ref(),
                relation.until.as_ref(),
                self.language,
            ),
            ended: relation.until.is_some(),
            citations: relation
                .sources
                .iter()
                .map(|c| self.citation(page, c))
                .collect(),
            note: relation.note.as_deref().map(|n| {
                let prefix = format!("rel-{}-{}", self.dossier.actors[holder].id, index + 1);
                self.markdown.field(n, page, &prefix, 3)
            }),
        }
    }
}

/// The mentions of actor `index`, grouped by source, each with its sentence from
/// `quotes` (aligned with `Dossier::mentions`).
fn mention_groups<'q>(
    site: &Site<'_>,
    page: &PagePath,
    index: usize,
    quotes: &'q [String],
) -> Vec<QuoteGroup<'q>> {
    let dossier = site.dossier;
    let l = site.labels;
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &m in &site.cross.mentions_by_actor[index] {
        by_source
            .entry(dossier.mentions[m].source)
            .or_default()
            .push(m);
    }
    by_source
        .into_iter()
        .map(|(source, list)| {
            let id = &dossier.sources[source].id;
            let word = if list.len() == 1 {
                l.mention_one
            } else {
                l.mention_many
            };
            QuoteGroup {
                source: site.source_link(page, source),
                date: dossier.sources[source].published.human(site.language),
                count: format!("{} {word}", list.len()),
                quotes: list
                    .iter()
                    .map(|&m| {
                        let paragraph = dossier.mentions[m].paragraph;
                        let anchor = paragraph.map(crate::paragraphs::anchor);
                        let href = href(page, &PagePath::source(id), anchor.as_deref());
                        (href, paragraph, quotes.get(m).map_or("", String::as_str))
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Renders `actors/ID/index.html`; `quotes` are aligned with `Dossier::mentions`.
pub fn actor(
    site: &Site<'_>,
    index: usize,
    quotes: &[String],
) -> Result<(PagePath, Vec<u8>), RenderError> {
    let dossier = site.dossier;
    let actor = &dossier.actors[index];
    let page = PagePath::actor(&actor.id);
    let roles = actor
        .roles
        .iter()
        .map(|role| RoleView {
            title: &role.title,
            of: role.of.map(|o| site.actor_link(&page, o)),
            period: period(role.from.as_ref(), role.to.as_ref(), site.language),
        })
        .collect();
    let relations = actor
        .relations
        .iter()
        .enumerate()
        .map(|(i, r)| site.relation(&page, index, i, r, true))
        .collect();
    let relations_in = site.cross.relations_in[index]
        .iter()
        .map(|&(holder, i)| {
            site.relation(
                &page,
                holder,
                i,
                &dossier.actors[holder].relations[i],
                false,
            )
        })
        .collect();
    let events = &site.cross.events_by_actor[index];
    let rows: Vec<_> = events
        .iter()
        .take(EVENTS_LISTED)
        .map(|&e| {
            let mut row = site.event_row(&page, e);
            if events.len() > EVENTS_WITH_CITATIONS {
                row.citations.clear();
            }
            row
        })
        .collect();
    let l = site.labels;
    let groups = mention_groups(site, &page, index, quotes);
    let links_here = referrers(site.cross.refs_to_actor[index].iter())
        .into_iter()
        .filter(|r| *r != crate::model::Referrer::Actor(index))
        .map(|r| site.referrer(&page, r))
        .collect();
    let view = ActorPage {
        chrome: site.chrome(&page, actor.name.clone(), "actors"),
        name: &actor.name,
        kind: actor_kind(actor.kind, site.language),
        aliases: &actor.aliases,
        summary: actor
            .summary
            .as_deref()
            .map(|s| site.markdown.field(s, &page, "summary", 1)),
        roles,
        relations,
        relations_in,
        events_html: more_events(site, &page, fragments::event_rows(&rows, l), events.len()),
        event_count: events.len(),
        mentions_html: fragments::quote_groups(&groups),
        mention_count: site.count(site.cross.mentions_by_actor[index].len()),
        mentions: site.cross.mentions_by_actor[index].len(),
        links: actor
            .links
            .iter()
            .map(|l| Link {
                href: l.url.clone(),
                label: l.label.clone(),
                title: None,
            })
            .collect(),
        links_here,
        tags: actor.tags.iter().map(|t| site.tag_link(&page, t)).collect(),
        graph_svg: PagePictures::new(site, &page).graph(Some(index)),
        timeline_svg: PagePictures::new(site, &page)
            .timeline(&site.cross.events_by_actor[index], Lanes::profile(index, 4)),
    };
    Ok((
        page,
        site.templates
            .render_bytes("actor.html", site.language, &view)?,
    ))
}

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

/// Actors of one kind.
#[derive(Debug, Serialize)]
pub struct KindGroup<'a> {
    /// Anchor (`person`).
    pub anchor: &'static str,
    /// Heading (`Personnes`).
    pub heading: &'static str,
    /// The actors, by name.
    pub actors: Vec<RosterEntry<'a>>,
}

/// `actors/index.html`.
#[derive(Debug, Serialize)]
pub struct ActorsPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Groups, in the order of [`ActorKind::ORDER`].
    pub groups: Vec<KindGroup<'a>>,
    /// The relationship graph (SVG), when drawn.
    pub graph_svg: Option<String>,
    /// Every relation of the graph, as a table (for screen readers and print).
    pub relations: Vec<RelationView<'a>>,
}

/// Renders `actors/index.html`.
pub fn index(site: &Site<'_>) -> Result<(PagePath, Vec<u8>), RenderError> {
    let page = PagePath::section("actors");
    let groups = ActorKind::ORDER
        .iter()
        .filter_map(|&kind| {
            let mut actors: Vec<RosterEntry<'_>> = site
                .dossier
                .actors
                .iter()
                .enumerate()
                .filter(|(_, a)| a.kind == kind)
                .map(|(i, a)| RosterEntry {
                    actor: site.actor_link(&page, i),
                    aliases: &a.aliases,
                    mentions: site.cross.mentions_by_actor[i].len(),
                    events: site.cross.events_by_actor[i].len(),
                })
                .collect();
            actors.sort_by(|a, b| {
                a.actor
                    .label
                    .to_lowercase()
                    .cmp(&b.actor.label.to_lowercase())
            });
            (!actors.is_empty()).then(|| KindGroup {
                anchor: kind.word(),
                heading: actor_kinds(kind, site.language),
                actors,
            })
        })
        .collect();
    let view = ActorsPage {
        chrome: site.chrome(&page, site.labels.actors.to_string(), "actors"),
        groups,
        graph_svg: PagePictures::new(site, &page).graph(None),
        relations: graph_relations(site.dossier, None)
            .into_iter()
            .map(|(holder, i)| {
                site.relation(
                    &page,
                    holder,
                    i,
                    &site.dossier.actors[holder].relations[i],
                    false,
                )
            })
            .collect(),
    };
    Ok((
        page,
        site.templates
            .render_bytes("actors.html", site.language, &view)?,
    ))
}

/// An actor in more events than this has them listed without their citations: each
/// links to its page of the chronology, which gives them (a profile stays under 1 MB).
const EVENTS_WITH_CITATIONS: usize = 100;

/// The most events listed on a profile; the others are counted, with a link to the
/// chronology.
const EVENTS_LISTED: usize = 1500;

/// The profile's list of events, and a line for those left out of it.
fn more_events(site: &Site<'_>, page: &PagePath, mut html: String, total: usize) -> String {
    if total > EVENTS_LISTED {
        use std::fmt::Write as _;
        let chronology = href(page, &PagePath::section("chronology"), None);
        let _ = writeln!(
            html,
            "<p class=\"more\">+ {} {}{} <a href=\"{chronology}\">{}</a></p>",
            site.count(total - EVENTS_LISTED),
            site.labels.events.to_lowercase(),
            site.labels.colon,
            site.labels.chronology,
        );
    }
    html
}
