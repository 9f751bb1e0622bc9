//! What validation may take from the last run on the same project instead of working
//! it out again: the preview server's rebuilds keep it in a [`super::BodyMemo`]; a build,
//! which runs once, uses [`NoReuse`], which works everything out.

use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostics, SourceFile};
use crate::mentions::Found;
use crate::scan::{self, BodyLink, BodyScan};
use crate::validate::find_mentions::Matcher;
use crate::validate::ids::{Claim, IdIndex};
use crate::validate::{OrderedEvents, ResolvedEvents};

/// The claims of ids of a project, made again on demand.
pub type Claims<'c> = Box<dyn Iterator<Item = Claim<'c>> + 'c>;

/// Each step of validation that can be skipped when its inputs did not change: given
/// what the step takes and how to do it, gives its result, done now or remembered.
pub trait Reuse: Sync {
    /// The scan of each body, given with the file it was read from.
    fn scans(&self, sources: &[(&Arc<SourceFile>, &str)]) -> Vec<Arc<BodyScan>>;
    /// The events read from `files`, in order with their ids (`order` does it).
    fn ordered_events(
        &self,
        files: &[Arc<SourceFile>],
        order: &dyn Fn() -> OrderedEvents,
    ) -> Arc<OrderedEvents>;
    /// The index of the ids that `claims` make, reporting ids claimed twice.
    fn id_index<'c>(
        &self,
        claims: &dyn Fn() -> Claims<'c>,
        diagnostics: &mut Diagnostics,
    ) -> Arc<IdIndex>;
    /// The events last ordered, resolved against the index of ids of `generation`.
    fn events(&self, generation: u64, resolve: &dyn Fn() -> ResolvedEvents) -> Arc<ResolvedEvents>;
    /// The matcher of the actors' `names`, with the generation that tells it apart.
    fn matcher(&self, names: &[Vec<&str>], make: &dyn Fn() -> Matcher) -> (Arc<Matcher>, u64);
    /// The mentions in the body of each of `files` (`find` finds them in one, by index),
    /// by the matcher of `generation`.
    fn mentions(
        &self,
        files: &[Arc<SourceFile>],
        generation: u64,
        find: &(dyn Fn(usize) -> Vec<Found> + Sync),
    ) -> Vec<Arc<Vec<Found>>>;
    /// The links of the Markdown field `text`.
    fn field_links(&self, text: &str) -> Arc<Vec<BodyLink>>;
    /// Ends a run.
    fn end_run(&self);
}

/// Works everything out, remembers nothing: for a build.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoReuse;

impl Reuse for NoReuse {
    fn scans(&self, sources: &[(&Arc<SourceFile>, &str)]) -> Vec<Arc<BodyScan>> {
        sources
            .par_iter()
            .map(|(_, body)| Arc::new(scan::body(body)))
            .collect()
    }

    fn ordered_events(
        &self,
        _: &[Arc<SourceFile>],
        order: &dyn Fn() -> OrderedEvents,
    ) -> Arc<OrderedEvents> {
        Arc::new(order())
    }

    fn id_index<'c>(
        &self,
        claims: &dyn Fn() -> Claims<'c>,
        diagnostics: &mut Diagnostics,
    ) -> Arc<IdIndex> {
        Arc::new(IdIndex::build(claims(), 0, diagnostics))
    }

    fn events(&self, _: u64, resolve: &dyn Fn() -> ResolvedEvents) -> Arc<ResolvedEvents> {
        Arc::new(resolve())
    }

    fn matcher(&self, _: &[Vec<&str>], make: &dyn Fn() -> Matcher) -> (Arc<Matcher>, u64) {
        (Arc::new(make()), 0)
    }

    fn mentions(
        &self,
        files: &[Arc<SourceFile>],
        _: u64,
        find: &(dyn Fn(usize) -> Vec<Found> + Sync),
    ) -> Vec<Arc<Vec<Found>>> {
        (0..files.len())
            .into_par_iter()
            .map(|source| Arc::new(find(source)))
            .collect()
    }

    fn field_links(&self, text: &str) -> Arc<Vec<BodyLink>> {
        Arc::new(scan::links(text))
    }

    fn end_run(&self) {}
}
