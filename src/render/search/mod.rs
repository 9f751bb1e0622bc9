//! The search index, split so that a query loads a small part of it: sources (paragraph
//! by paragraph), actors (with aliases) and events are numbered documents;
//! `assets/search-index.js` says how the index is cut; the words are in term shards
//! (`assets/search/t-N.js`, a word's shard found from its first letters), with the words
//! that follow each word in each document beside them (`assets/search/n-N.js`, read for
//! phrases only), the documents' titles and texts in blocks (`assets/search/d-N.js`) read
//! only for the results shown.
//! Each part is a script that calls a function of `assets/search.js`, so that search
//! works from `file://`, where a page cannot fetch files. Case and accents are folded
//! on both sides (`armee` finds `armée`).

mod docs;
mod terms;

pub use terms::Shard;

use std::ops::Range;

use rayon::prelude::*;

use super::Site;
use super::links::PagePath;
use crate::model::Dossier;

/// About how many bytes of text go in one term shard's worth of words.
const TEXT_PER_SHARD: usize = 200_000;

/// About how many bytes of text go in one block of documents.
const TEXT_PER_BLOCK: usize = 16_000;

/// Actors in one block of documents (with their aliases and summaries, about as much
/// text as a block of sources).
const ACTORS_PER_BLOCK: usize = 16;

/// Events in one block of documents (with their descriptions, about as much text as a
/// block of sources): the 25 results shown load at most 25 small blocks.
const EVENTS_PER_BLOCK: usize = 32;

/// What a block of documents holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Items {
    /// Sources, by index (each its title, then its paragraphs).
    Sources(Range<usize>),
    /// Actors, by index.
    Actors(Range<usize>),
    /// Events, by index.
    Events(Range<usize>),
}

/// How the index of a dossier is cut: computed without reading the texts' words.
#[derive(Debug)]
pub struct Layout {
    /// How many term shards.
    pub shards: usize,
    /// The blocks of documents, with the number of their first document.
    pub blocks: Vec<(u32, Items)>,
    /// How many documents.
    pub documents: u32,
}

impl Layout {
    /// The layout of the index of `dossier`.
    pub fn new(dossier: &Dossier) -> Self {
        let mut blocks = Vec::new();
        let mut document: u32 = 0;
        let mut text = 0;
        let mut start = 0;
        let mut first = 0;
        let mut total_text = 0;
        for (index, source) in dossier.sources.iter().enumerate() {
            let bytes: usize = source.paragraphs.iter().map(|p| p.text.len()).sum();
            total_text += bytes;
            text += bytes + source.title.len();
            document += 1 + source.paragraphs.len() as u32;
            if text >= TEXT_PER_BLOCK || index + 1 == dossier.sources.len() {
                blocks.push((first, Items::Sources(start..index + 1)));
                (text, start, first) = (0, index + 1, document);
            }
        }
        for (per, len, make) in [
            (
                ACTORS_PER_BLOCK,
                dossier.actors.len(),
                Items::Actors as fn(_) -> _,
            ),
            (
                EVENTS_PER_BLOCK,
                dossier.events.len(),
                Items::Events as fn(_) -> _,
            ),
        ] {
            for from in (0..len).step_by(per) {
                let to = (from + per).min(len);
                blocks.push((document, make(from..to)));
                document += (to - from) as u32;
            }
        }
        Self {
            shards: total_text.div_ceil(TEXT_PER_SHARD).max(1),
            blocks,
            documents: document,
        }
    }

    /// Where term shard `index` goes.
    pub fn shard_path(index: usize) -> PagePath {
        PagePath::new(format!("assets/search/t-{index}.js"))
    }

    /// Where the next words of term shard `index` go.
    pub fn next_path(index: usize) -> PagePath {
        PagePath::new(format!("assets/search/n-{index}.js"))
    }

    /// Where block `index` goes.
    pub fn block_path(index: usize) -> PagePath {
        PagePath::new(format!("assets/search/d-{index}.js"))
    }
}

/// Writes `assets/search-index.js`: how the index is cut.
pub fn write_manifest(layout: &Layout, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let firsts: Vec<u32> = layout.blocks.iter().map(|(first, _)| *first).collect();
    let manifest = serde_json::json!({
        "shards": layout.shards,
        "blocks": firsts,
        "documents": layout.documents,
    });
    out.write_all(b"window.DOSSIER_SEARCH = ")?;
    serde_json::to_writer(&mut *out, &manifest)?;
    out.write_all(b";\n")
}

/// Writes block `index` of the documents.
pub fn write_block(
    site: &Site<'_>,
    layout: &Layout,
    index: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match layout.blocks.get(index) {
        Some((_, items)) => docs::write_block(site, index, items, out),
        None => Ok(()),
    }
}

/// The term shards: all of them, or only shard `only`.
pub fn shards(site: &Site<'_>, layout: &Layout, only: Option<usize>) -> Vec<terms::Shard> {
    // Blocks in parallel: each thread folds a run of consecutive blocks into one set of
    // shards, and neighbouring runs are merged left to right, so postings stay in
    // document order and only a few sets of shards are alive at once.
    let empty = || vec![terms::Shard::default(); layout.shards];
    layout
        .blocks
        .par_iter()
        .fold(empty, |mut shards, (first, items)| {
            let mut document = *first;
            docs::for_each_document(site, items, &mut |kind, title, fields| {
                terms::add_document(&mut shards, only, document, kind, title, fields);
                document += 1;
            });
            shards
        })
        .reduce(empty, |mut left, right| {
            for (into, from) in left.iter_mut().zip(right) {
                if into.is_empty() {
                    *into = from;
                    continue;
                }
                for (word, postings) in from {
                    let list = into.entry(word).or_default();
                    list.docs.extend(postings.docs);
                    list.next.extend(postings.next);
                }
            }
            left
        })
}

/// Writes term shard `index` of `shards`.
pub fn write_shard(
    shards: &[terms::Shard],
    index: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match shards.get(index) {
        Some(shard) => terms::write_shard(index, shard, out),
        None => Ok(()),
    }
}

/// Writes the next words of term shard `index` of `shards`.
pub fn write_next(
    shards: &[terms::Shard],
    index: usize,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match shards.get(index) {
        Some(shard) => terms::write_next(index, shard, out),
        None => Ok(()),
    }
}
