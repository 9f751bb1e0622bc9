//! The dossier seen from the other side: for each source, actor and tag, who refers to
//! it. Computed once before rendering and shared by reference between the workers, so
//! that each page costs in proportion to what it shows.

use std::collections::BTreeMap;
use std::ops::Range;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::labels::Citing;
use crate::model::{Dossier, Reference, Referrer, Target, slugify};

/// Who refers to what, indexed for the pages.
#[derive(Debug)]
pub struct CrossRef {
    /// For each source, the range of its mentions in `Dossier::mentions`.
    pub mentions_by_source: Vec<Range<usize>>,
    /// For each actor, the indexes of its mentions in `Dossier::mentions`.
    pub mentions_by_actor: Vec<Vec<usize>>,
    /// For each source, the references that cite it, with or without paragraphs.
    pub refs_to_source: Vec<Vec<Reference>>,
    /// For each actor, the wiki-links that point at it.
    pub refs_to_actor: Vec<Vec<Reference>>,
    /// For each event, the wiki-links that point at it.
    pub refs_to_event: Vec<Vec<Reference>>,
    /// For each actor, the events it takes part in or that happen there, in date order.
    pub events_by_actor: Vec<Vec<usize>>,
    /// For each actor, the relations of other actors that point at it:
    /// `(actor holding the relation, index in its relations)`, in that order.
    pub relations_in: Vec<Vec<(usize, usize)>>,
    /// For each source, the sources `derived_from` it, in the dossier's order.
    pub relayed_by: Vec<Vec<usize>>,
    /// Every tag, by slug.
    pub tags: BTreeMap<String, Tagged>,
    /// The slug of each tag as written.
    pub tag_slugs: BTreeMap<String, String>,
}

/// Everything carrying one tag.
#[derive(Debug, Default)]
pub struct Tagged {
    /// The tag as first written.
    pub name: String,
    /// Sources, by index.
    pub sources: Vec<usize>,
    /// Actors, by index.
    pub actors: Vec<usize>,
    /// Events, by index.
    pub events: Vec<usize>,
}

impl Tagged {
    /// How many things carry the tag.
    pub fn len(&self) -> usize {
        self.sources.len() + self.actors.len() + self.events.len()
    }

    /// Whether nothing carries the tag.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl CrossRef {
    /// Indexes a dossier.
    pub fn new(dossier: &Dossier) -> Self {
        let sources = dossier.sources.len();
        let actors = dossier.actors.len();
        let mut mentions_by_source = vec![0..0; sources];
        let mut mentions_by_actor = vec![Vec::new(); actors];
        for (index, mention) in dossier.mentions.iter().enumerate() {
            let range = &mut mentions_by_source[mention.source];
            if range.start == range.end {
                *range = index..index + 1;
            } else {
                range.end = index + 1;
            }
            mentions_by_actor[mention.actor].push(index);
        }
        let mut refs_to_source = vec![Vec::new(); sources];
        let mut refs_to_actor = vec![Vec::new(); actors];
        let mut refs_to_event = vec![Vec::new(); dossier.events.len()];
        for reference in &dossier.references {
            match reference.to {
                Target::Source(i) => refs_to_source[i].push(*reference),
                Target::Actor(i) => refs_to_actor[i].push(*reference),
                Target::Event(i) => refs_to_event[i].push(*reference),
            }
        }
        let mut events_by_actor = vec![Vec::new(); actors];
        for (index, event) in dossier.events.iter().enumerate() {
            let mut involved: Vec<usize> =
                event.actors.iter().copied().chain(event.place).collect();
            involved.sort_unstable();
            involved.dedup();
            for actor in involved {
                events_by_actor[actor].push(index);
            }
        }
        // The relations touching each actor that another actor holds.
        let relations_in = dossier
            .relations_touching
            .iter()
            .enumerate()
            .map(|(actor, touching)| {
                touching
                    .iter()
                    .copied()
                    .filter(|&(holder, _)| holder != actor)
                    .collect()
            })
            .collect();
        let mut relayed_by = vec![Vec::new(); dossier.sources.len()];
        for (relay, source) in dossier.sources.iter().enumerate() {
            for &original in &source.derived_from {
                relayed_by[original].push(relay);
            }
        }
        let (tags, tag_slugs) = index_tags(dossier);
        Self {
            mentions_by_source,
            mentions_by_actor,
            refs_to_source,
            refs_to_actor,
            refs_to_event,
            events_by_actor,
            relations_in,
            relayed_by,
            tags,
            tag_slugs,
        }
    }

    /// The slug of a tag as written.
    pub fn tag_slug(&self, tag: &str) -> &str {
        self.tag_slugs.get(tag).map_or("tag", String::as_str)
    }

    /// The references citing paragraph `number` of `source`.
    pub fn citing_paragraph(&self, source: usize, number: u32) -> impl Iterator<Item = &Reference> {
        self.refs_to_source[source]
            .iter()
            .filter(move |r| r.paragraphs.is_some_and(|(a, b)| (a..=b).contains(&number)))
    }

    /// The references citing `source` as a whole (no paragraph given).
    pub fn citing_whole(&self, source: usize) -> impl Iterator<Item = &Reference> {
        self.refs_to_source[source]
            .iter()
            .filter(|r| r.paragraphs.is_none())
    }
}

/// A tag in the form in which spellings are one tag: lower case, without accents,
/// whichever code points wrote them (`Sécurité` composed or as `e` + U+0301).
fn fold_tag(tag: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    tag.nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Groups tags by their folded form (`États` and `etats` are one tag); the first spelling in sorted
/// order names the group. Slugs that collide after cutting get `-2`, `-3`…
fn index_tags(dossier: &Dossier) -> (BTreeMap<String, Tagged>, BTreeMap<String, String>) {
    // Tags are written many times, in few spellings: each spelling is looked up by hash.
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    let all = dossier
        .sources
        .iter()
        .flat_map(|s| &s.tags)
        .chain(dossier.actors.iter().flat_map(|a| &a.tags))
        .chain(dossier.events.iter().flat_map(|e| &e.tags));
    let mut spellings: Vec<&str> = all.map(String::as_str).filter(|t| seen.insert(t)).collect();
    spellings.sort_unstable();
    let mut slug_of: BTreeMap<String, String> = BTreeMap::new();
    let mut by_folded: FxHashMap<String, usize> = FxHashMap::default();
    let mut group_of: FxHashMap<&str, usize> = FxHashMap::default();
    let mut slugs: Vec<String> = Vec::new();
    let mut tags: BTreeMap<String, Tagged> = BTreeMap::new();
    for tag in &spellings {
        let folded = fold_tag(tag);
        let group = if let Some(&group) = by_folded.get(&folded) {
            group
        } else {
            let mut base = slugify(tag, 60);
            if base.is_empty() {
                base = String::from("tag");
            }
            let mut slug = base.clone();
            let mut n = 2;
            while tags.contains_key(&slug) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            by_folded.insert(folded, slugs.len());
            tags.insert(
                slug.clone(),
                Tagged {
                    name: (*tag).to_string(),
                    ..Tagged::default()
                },
            );
            slugs.push(slug);
            slugs.len() - 1
        };
        slug_of.insert((*tag).to_string(), slugs[group].clone());
        group_of.insert(tag, group);
    }
    let mut groups: Vec<Tagged> = slugs.iter().map(|_| Tagged::default()).collect();
    let mut add = |tag: &String, push: &mut dyn FnMut(&mut Tagged)| {
        if let Some(&group) = group_of.get(tag.as_str()) {
            push(&mut groups[group]);
        }
    };
    for (index, source) in dossier.sources.iter().enumerate() {
        for tag in &source.tags {
            add(tag, &mut |t| t.sources.push(index));
        }
    }
    for (index, actor) in dossier.actors.iter().enumerate() {
        for tag in &actor.tags {
            add(tag, &mut |t| t.actors.push(index));
        }
    }
    for (index, event) in dossier.events.iter().enumerate() {
        for tag in &event.tags {
            add(tag, &mut |t| t.events.push(index));
        }
    }
    for (slug, mut group) in slugs.iter().zip(groups) {
        if let Some(tagged) = tags.get_mut(slug) {
            group.sources.dedup();
            group.actors.dedup();
            group.events.dedup();
            tagged.sources = group.sources;
            tagged.actors = group.actors;
            tagged.events = group.events;
        }
    }
    (tags, slug_of)
}

/// Referrers sorted and without repeats, for "cited by" lists.
pub fn referrers<'a>(references: impl Iterator<Item = &'a Reference>) -> Vec<Referrer> {
    let mut out: Vec<Referrer> = references.map(|r| r.from).collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Referrers grouped by kind, in the order of [`Citing`], each group in referrer order.
pub fn by_kind(referrers: &[Referrer], own: usize) -> Vec<(Citing, Vec<Referrer>)> {
    let mut groups: Vec<(Citing, Vec<Referrer>)> = Vec::new();
    let mut sorted: Vec<(Citing, Referrer)> =
        referrers.iter().map(|&r| (Citing::of(r, own), r)).collect();
    sorted.sort();
    for (kind, referrer) in sorted {
        match groups.last_mut() {
            Some((previous, group)) if *previous == kind => group.push(referrer),
            _ => groups.push((kind, vec![referrer])),
        }
    }
    groups
}
