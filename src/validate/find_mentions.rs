//! Finding the mentions of the actors in the sources' bodies, with the one matching rule
//! of [`crate::mentions`]; the names two actors share are reported.

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::load::RawActor;
use crate::mentions::{MentionMatcher, SharedName};
use crate::model::{Actor, Mention, Source};
use crate::scan::BodyScan;
use crate::validate::BodyMemo;

/// The matcher of every actor's names, and the names two actors share.
pub type Matcher = (MentionMatcher, Vec<SharedName>);

/// The sources' bodies and what is known of them, for finding mentions.
pub struct Bodies<'a> {
    /// The sources, resolved.
    pub sources: &'a [Source],
    /// The file of each source, as read.
    pub files: &'a [Arc<SourceFile>],
    /// The scan of each source's body.
    pub scans: &'a [Arc<BodyScan>],
    /// What the last run found, when it is kept.
    pub memo: Option<&'a BodyMemo>,
}

/// Every mention of an actor in the bodies, by source then position.
pub fn find(
    bodies: &Bodies<'_>,
    actors: &[Actor],
    raw_actors: &[Arc<RawActor>],
    diagnostics: &mut Diagnostics,
) -> Vec<Mention> {
    let names: Vec<Vec<&str>> = actors
        .iter()
        .map(|actor| {
            std::iter::once(actor.name.as_str())
                .chain(actor.aliases.iter().map(String::as_str))
                .collect()
        })
        .collect();
    let make = || MentionMatcher::new(names.iter().cloned().enumerate());
    let (matcher, generation) = match bodies.memo {
        Some(memo) => memo.matcher(&names, make),
        None => (Arc::new(make()), 0),
    };
    let (matcher, shared) = &*matcher;
    for name in shared {
        report_shared(name, actors, raw_actors, diagnostics);
    }
    let find = |source: usize| {
        matcher.find_in_runs(&bodies.sources[source].body, &bodies.scans[source].runs)
    };
    let found: Vec<Arc<Vec<crate::mentions::Found>>> = match bodies.memo {
        Some(memo) => memo.mentions(bodies.files, generation, find),
        None => (0..bodies.sources.len())
            .into_par_iter()
            .map(|source| Arc::new(find(source)))
            .collect(),
    };
    let mut mentions = Vec::with_capacity(found.iter().map(|f| f.len()).sum());
    for (source, found) in found.iter().enumerate() {
        mentions.extend(found.iter().map(|found| Mention {
            source,
            paragraph: found.paragraph,
            range: found.range.clone(),
            actor: found.actor,
        }));
    }
    mentions
}

/// Warns that a name of one actor is also a name of another, which keeps it.
fn report_shared(
    name: &SharedName,
    actors: &[Actor],
    raw_actors: &[Arc<RawActor>],
    diagnostics: &mut Diagnostics,
) {
    let raw = &raw_actors[name.also];
    let span = raw
        .name
        .iter()
        .chain(&raw.aliases)
        .find(|w| w.value.trim() == name.name)
        .map_or(Span::new(0, 0), |w| w.span);
    let keeper = &actors[name.kept_by].id;
    diagnostics
        .warning(
            &raw.file,
            span,
            format!(
                "'{}' is a name of both '{keeper}' and '{}'",
                name.name, raw.id
            ),
        )
        .hint = Some(format!(
        "mentions of '{}' go to '{keeper}'; remove the alias from one of the two",
        name.name
    ));
}
