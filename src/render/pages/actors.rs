//! The actor profiles (summary, roles, relations both ways, own chronology, every
//! mention with its sentence, what links here) and the roster grouped by kind.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::labels::{actor_kind, actor_kinds, period, sort_key};
use crate::model::{ActorKind, Relation};
use crate::pictures::graph_relations;
use crate::render::crossref::referrers;
use crate::render::fragments::{self, Quote, QuoteGroup};
use crate::render::links::{PagePath, href};
use crate::render::markdown::QUOTES_PER_SOURCE;
use crate::render::pictures::PagePictures;
use crate::render::plain_text::{plain, short_title};
use crate::render::views::{Chrome, Link};
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
    /// What it rests on, with its label (`fragments::citations`).
    pub citations_html: String,
    /// What it rests on, the links alone (`fragments::citation_links`), for a table.
    pub citation_links: String,
    /// The "single source" mark, HTML (empty when corroborated).
    pub mark: String,
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
        let citations = self.citations(page, &relation.sources);
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
            citations_html: fragments::citations(&citations, self.labels),
            citation_links: fragments::citation_links(&citations, true),
            mark: crate::render::trust::mark(
                self.dossier.support.relation(holder, index),
                self.labels,
            ),
            note: relation.note.as_deref().map(|n| {
                let prefix = format!("rel-{}-{}", self.dossier.actors[holder].id, index + 1);
                self.markdown.field(n, page, &prefix, 3)
            }),
        }
    }
}

/// The mentions `list` (of one actor in one source), one line per paragraph, each place
/// outside the numbered paragraphs named.
fn quotes_of<'q>(
    site: &Site<'_>,
    page: &PagePath,
    list: &[usize],
    quotes: &'q [String],
) -> Vec<Quote<'q>> {
    let dossier = site.dossier;
    let mut out: Vec<(Option<u32>, Quote<'q>)> = Vec::new();
    for &m in list {
        let mention = &dossier.mentions[m];
        if let Some((last, quote)) = out.last_mut()
            && mention.paragraph.is_some()
            && *last == mention.paragraph
        {
            quote.count += 1;
            continue;
        }
        let source = &dossier.sources[mention.source];
        let anchor = mention.paragraph.map(crate::paragraphs::anchor);
        let place = match mention.paragraph {
            Some(p) => format!("§{p}"),
            None => outside(&source.body, mention.range.start, site.labels).to_string(),
        };
        let quote = Quote {
            href: href(page, &PagePath::source(&source.id), anchor.as_deref()),
            place,
            sentence: quotes.get(m).map_or("", String::as_str),
            count: 1,
        };
        out.push((mention.paragraph, quote));
    }
    out.into_iter().map(|(_, quote)| quote).collect()
}

/// Where a mention at byte `at` of a body, outside the numbered paragraphs, is: a
/// heading, a table or a footnote, by the line that holds it.
fn outside(body: &str, at: usize, l: &crate::labels::Labels) -> &'static str {
    let start = body[..at.min(body.len())].rfind('\n').map_or(0, |n| n + 1);
    let line = body[start..].trim_start();
    if line.starts_with('#') {
        l.in_heading
    } else if line.starts_with('|') {
        l.in_table
    } else {
        l.in_footnote
    }
}

/// At most this many mentions in all are quoted on an actor's page.
const QUOTES_PER_ACTOR: usize = 500;

/// The mentions of actor `index`, grouped by source, each with its sentence from
/// `quotes` (aligned with `Dossier::mentions`). However many mentions, a bounded number
/// is quoted, the rest counted (a mention-dense source would otherwise make pages of
/// gigabytes).
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
    let mut listed = 0;
    by_source
        .into_iter()
        .map(|(source, list)| {
            let word = if list.len() == 1 {
                l.mention_one
            } else {
                l.mention_many
            };
            let shown = list
                .len()
                .min(QUOTES_PER_SOURCE)
                .min(QUOTES_PER_ACTOR - listed);
            listed += shown;
            let count = if shown < list.len() {
                format!("{} {word}, {shown} {}", list.len(), l.mentions_shown)
            } else {
                format!("{} {word}", list.len())
            };
            QuoteGroup {
                source: site.source_link(page, source),
                date: dossier.sources[source].published.human(site.language),
                count,
                quotes: quotes_of(site, page, &list[..shown], quotes),
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
    let mut chrome = site.chrome(&page, actor.name.clone(), "actors");
    chrome.description = actor.summary.as_deref().map_or_else(
        || format!("{} ({})", actor.name, actor_kind(actor.kind, site.language)),
        |summary| short_title(plain(summary, dossier).trim(), 200),
    );
    let view = ActorPage {
        chrome,
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
        graph_svg: PagePictures::column(site, &page).graph(Some(index)),
        timeline_svg: PagePictures::column(site, &page)
            .timeline(&site.cross.events_by_actor[index]),
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
    /// Whether the table gives each relation's sources (not when it is long: they are
    /// on the profiles, and the page stays under 1 MB).
    pub relations_cited: bool,
}

/// A relations table longer than this leaves the sources to the profiles.
const RELATIONS_WITH_CITATIONS: usize = 300;

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
            actors.sort_by_cached_key(|a| {
                let (key, _) = sort_key(&a.actor.label);
                (key, a.actor.label.clone())
            });
            (!actors.is_empty()).then(|| KindGroup {
                anchor: kind.word(),
                heading: actor_kinds(kind, site.language),
                actors,
            })
        })
        .collect();
    let listed = graph_relations(site.dossier, None);
    let relations_cited = listed.len() <= RELATIONS_WITH_CITATIONS;
    let view = ActorsPage {
        chrome: site.chrome(&page, site.labels.actors.to_string(), "actors"),
        groups,
        graph_svg: PagePictures::new(site, &page).graph(None),
        relations: listed
            .into_iter()
            .map(|(holder, i)| {
                let relation = &site.dossier.actors[holder].relations[i];
                let mut view = site.relation(&page, holder, i, relation, false);
                if !relations_cited {
                    view.citation_links.clear();
                }
                view
            })
            .collect(),
        relations_cited,
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
