//! The actor profiles (summary, roles, relations both ways, own chronology, every
//! mention with its sentence, what links here); the roster is in [`super::roster`].

use std::collections::BTreeMap;

use serde::Serialize;

use crate::labels::{actor_kind, period};
use crate::model::{Referrer, Relation};
use crate::plain_text::{plain, short_title};
use crate::render::crossref::referrers;
use crate::render::fragments::{self, Quote, QuoteGroup};
use crate::render::links::{PagePath, href};
use crate::render::markdown::QUOTES_PER_SOURCE;
use crate::render::pictures::PagePictures;
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
    /// Relations written in other actors' files that point here, at most
    /// [`RELATIONS_IN_LISTED`].
    pub relations_in: Vec<RelationView<'a>>,
    /// The line for the relations pointing here that the list leaves out (HTML), if any.
    pub relations_in_more: String,
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
    /// Pages whose text links here, but for the events and sources the page lists
    /// already.
    pub links_here: Vec<Link>,
    /// The line for those left out of `links_here` (HTML), if any.
    pub links_here_more: String,
    /// Tags.
    pub tags: Vec<Link>,
    /// The relationship graph around the actor (SVG), when drawn.
    pub graph_svg: Option<String>,
    /// The timeline of its events (SVG), when drawn.
    pub timeline_svg: Option<String>,
}

impl Site<'_> {
    /// Relation `index` of actor `holder` as a profile or the roster shows it.
    pub(super) fn relation<'s>(
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

/// At most this many sources mentioning an actor are listed on its page (quoted or
/// not); the others are counted, with a link to `exports/mentions.csv`.
const MENTION_SOURCES_LISTED: usize = 1000;

/// At most this many pages are listed under "What links here"; the others are
/// counted, with a link to `exports/citations.csv`.
const LINKS_HERE_LISTED: usize = 500;

/// The most relations written in other actors' files that a profile lists; the others
/// are counted (each is on the profile of the actor that holds it, and all are in
/// `exports/relations.csv`). A profile's own relations are all listed: links point to
/// each of them, and they are as many as its own file holds.
const RELATIONS_IN_LISTED: usize = 500;

/// The mentions of an actor as its page lists them.
struct Mentions<'q> {
    /// The sources whose mentions are quoted, in source order.
    quoted: Vec<QuoteGroup<'q>>,
    /// The sources listed after the quotes ran out, one line each.
    unquoted: Vec<QuoteGroup<'q>>,
    /// Every source listed (indexes, sorted).
    sources: Vec<usize>,
    /// How many mentioning sources are not listed.
    more: usize,
}

/// A profile lists its mentions under an index of their years from this many sources.
const SOURCES_FOR_A_YEAR_INDEX: usize = 12;

/// The index of the years of a long list of mentions (from several years and at least
/// [`SOURCES_FOR_A_YEAR_INDEX`] sources), each year linking to its first source, which
/// gets the anchor; empty for a short list.
fn year_index(site: &Site<'_>, mentions: &mut Mentions<'_>) -> String {
    let dossier = site.dossier;
    let year = |source: usize| dossier.sources[source].published.year;
    let (Some(&first), Some(&last)) = (mentions.sources.first(), mentions.sources.last()) else {
        return String::new();
    };
    if mentions.sources.len() < SOURCES_FOR_A_YEAR_INDEX || year(first) == year(last) {
        return String::new();
    }
    let mut years: Vec<(Link, usize)> = Vec::new();
    let groups = mentions
        .quoted
        .iter_mut()
        .chain(mentions.unquoted.iter_mut());
    for (group, &source) in groups.zip(&mentions.sources) {
        let label = year(source).to_string();
        match years.last_mut() {
            Some((link, count)) if link.label == label => *count += 1,
            _ => {
                let anchor = format!("mentions-{label}");
                years.push((
                    Link {
                        href: format!("#{anchor}"),
                        label,
                        title: None,
                    },
                    1,
                ));
                group.anchor = Some(anchor);
            }
        }
    }
    fragments::year_index(site.labels.mentions_in_sources, &years)
}

/// The mentions of actor `index`, grouped by source, each with its sentence from
/// `quotes` (aligned with `Dossier::mentions`). However many mentions and sources, a
/// bounded number is quoted and listed, the rest counted (a mention-dense source would
/// otherwise make pages of gigabytes).
fn mention_groups<'q>(
    site: &Site<'q>,
    page: &PagePath,
    index: usize,
    quotes: &'q [String],
) -> Mentions<'q> {
    let dossier = site.dossier;
    let l = site.labels;
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &m in &site.cross.mentions_by_actor[index] {
        by_source
            .entry(dossier.mentions[m].source)
            .or_default()
            .push(m);
    }
    let more = by_source.len().saturating_sub(MENTION_SOURCES_LISTED);
    let mut listed = 0;
    let mut out = Mentions {
        quoted: Vec::new(),
        unquoted: Vec::new(),
        sources: Vec::new(),
        more,
    };
    for (source, list) in by_source.into_iter().take(MENTION_SOURCES_LISTED) {
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
        let count = if shown > 0 && shown < list.len() {
            format!("{} {word}, {shown} {}", list.len(), l.mentions_shown)
        } else {
            format!("{} {word}", list.len())
        };
        let group = QuoteGroup {
            source: site.source_link(page, source),
            date: dossier.sources[source].published.human(site.language),
            count,
            quotes: quotes_of(site, page, &list[..shown], quotes),
            language: Some(&dossier.sources[source].language)
                .filter(|language| !language.is(site.language)),
            anchor: None,
        };
        out.sources.push(source);
        if shown > 0 {
            out.quoted.push(group);
        } else {
            out.unquoted.push(group);
        }
    }
    out
}

/// The line for the `count` items a list of a profile leaves out: `+ 12 pages : all
/// in exports/citations.csv`, `what` saying what they are and where (`Pages`, `all
/// in`), `file` the export that holds them all.
pub(super) fn more_line(
    site: &Site<'_>,
    page: &PagePath,
    count: usize,
    what: (&str, &str),
    file: &str,
) -> String {
    if count == 0 {
        return String::new();
    }
    let mut html = String::new();
    html.push_str("<p class=\"more\">+ ");
    html.push_str(&site.count(count));
    html.push(' ');
    crate::escape::push_html(&mut html, &what.0.to_lowercase());
    html.push_str(site.labels.colon);
    html.push(' ');
    crate::escape::push_html(&mut html, what.1);
    html.push_str(" <a href=\"");
    crate::escape::push_html(
        &mut html,
        &href(page, &PagePath::new(format!("exports/{file}")), None),
    );
    html.push_str("\">exports/");
    crate::escape::push_html(&mut html, file);
    html.push_str("</a></p>\n");
    html
}

/// The relations other actors hold towards actor `index`, at most
/// [`RELATIONS_IN_LISTED`], and the line for the others.
fn relations_in<'s>(
    site: &'s Site<'_>,
    page: &PagePath,
    index: usize,
) -> (Vec<RelationView<'s>>, String) {
    let held_elsewhere = &site.cross.relations_in[index];
    let listed = held_elsewhere
        .iter()
        .take(RELATIONS_IN_LISTED)
        .map(|&(holder, i)| {
            let relation = &site.dossier.actors[holder].relations[i];
            site.relation(page, holder, i, relation, false)
        })
        .collect();
    let more = more_line(
        site,
        page,
        held_elsewhere.len().saturating_sub(RELATIONS_IN_LISTED),
        (site.labels.relations, site.labels.relations_elsewhere),
        "relations.csv",
    );
    (listed, more)
}

/// What links to actor `index`, but for what its page lists already: itself, the
/// events of its chronology (`events`, sorted), the sources of its mentions
/// (`sources`, sorted) and its relations both ways. At most [`LINKS_HERE_LISTED`],
/// and the line for the others.
fn links_here(
    site: &Site<'_>,
    page: &PagePath,
    index: usize,
    (events, sources): (&[usize], &[usize]),
) -> (Vec<Link>, String) {
    let relations_in = &site.cross.relations_in[index];
    let on_page = |r: &Referrer| match *r {
        Referrer::Actor(a) => a == index,
        Referrer::Event(e) => events.binary_search(&e).is_ok(),
        Referrer::Source(s) => sources.binary_search(&s).is_ok(),
        Referrer::Relation { actor, index: i } => {
            actor == index || relations_in.binary_search(&(actor, i)).is_ok()
        }
        Referrer::Dossier | Referrer::Judgment(_) => false,
    };
    let rest: Vec<Referrer> = referrers(site.cross.refs_to_actor[index].iter())
        .into_iter()
        .filter(|r| !on_page(r))
        .collect();
    let more = more_line(
        site,
        page,
        rest.len().saturating_sub(LINKS_HERE_LISTED),
        (site.labels.pages, site.labels.all_in),
        "citations.csv",
    );
    let links = rest
        .into_iter()
        .take(LINKS_HERE_LISTED)
        .map(|r| site.referrer(page, r))
        .collect();
    (links, more)
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
    let (relations_in, relations_in_more) = relations_in(site, &page, index);
    let events = &site.cross.events_by_actor[index];
    let listed = &events[..events.len().min(EVENTS_LISTED)];
    let rows: Vec<_> = listed.iter().map(|&e| site.event_row(&page, e)).collect();
    let l = site.labels;
    let events_html = if events.len() > EVENTS_WITH_CITATIONS {
        fragments::event_lines(&rows, l)
    } else {
        fragments::event_rows(&rows, l)
    };
    let mut mentions = mention_groups(site, &page, index, quotes);
    let mut mentions_html = year_index(site, &mut mentions);
    mentions_html.push_str(&fragments::quote_groups(&mentions.quoted));
    if !mentions.unquoted.is_empty() {
        mentions_html.push_str(&fragments::mention_sources(&mentions.unquoted));
    }
    mentions_html.push_str(&more_line(
        site,
        &page,
        mentions.more,
        (l.sources, l.all_in),
        "mentions.csv",
    ));
    let mut sorted_events = listed.to_vec();
    sorted_events.sort_unstable();
    let (links_here, links_here_more) =
        links_here(site, &page, index, (&sorted_events, &mentions.sources));
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
        relations_in_more,
        events_html: more_events(site, &page, events_html, events.len()),
        event_count: events.len(),
        mentions_html,
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
        links_here_more,
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

/// An actor in more events than this has them listed without their citations: each
/// links to its page of the chronology, which gives them (a profile stays under 1 MB).
const EVENTS_WITH_CITATIONS: usize = 100;

/// The most events listed on a profile; the others are counted, with a link to the
/// chronology.
const EVENTS_LISTED: usize = 1000;

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
