//! Corroboration: each claim's distinct and independent sources. A source counts as the
//! originals it is `derived_from` (followed to the end; a loop is an error), and the
//! sources of one outlet count once.

use rustc_hash::FxHashSet as HashSet;

use crate::diagnostics::Diagnostics;
use crate::load::RawSource;
use crate::model::{Citation, Corroboration, Event, Judgment, Source, Support};

/// Reports every loop of `derived_from` at the link that closes it. Returns whether
/// there is none.
pub fn check_loops(
    sources: &[Source],
    raw: &[std::sync::Arc<RawSource>],
    diagnostics: &mut Diagnostics,
) -> bool {
    // 0: not seen, 1: on the current path, 2: done.
    let mut state = vec![0u8; sources.len()];
    let mut clean = true;
    for start in 0..sources.len() {
        if state[start] != 0 {
            continue;
        }
        let mut path = vec![start];
        let mut next = vec![0usize];
        state[start] = 1;
        while let Some(&node) = path.last() {
            let depth = path.len() - 1;
            let Some(&to) = sources[node].derived_from.get(next[depth]) else {
                state[node] = 2;
                path.pop();
                next.pop();
                continue;
            };
            next[depth] += 1;
            match state[to] {
                0 => {
                    state[to] = 1;
                    path.push(to);
                    next.push(0);
                }
                1 => {
                    clean = false;
                    report_loop(sources, raw, &path, to, diagnostics);
                }
                _ => {}
            }
        }
    }
    clean
}

fn report_loop(
    sources: &[Source],
    raw: &[std::sync::Arc<RawSource>],
    path: &[usize],
    to: usize,
    diagnostics: &mut Diagnostics,
) {
    let from = path[path.len() - 1];
    let cycle_start = path.iter().position(|&n| n == to).unwrap_or(0);
    let mut names: Vec<&str> = path[cycle_start..]
        .iter()
        .map(|&n| sources[n].id.as_str())
        .collect();
    names.push(&sources[to].id);
    let written = raw[from]
        .derived_from
        .iter()
        .find(|d| d.value.trim() == sources[to].id);
    let span = written.map(|d| d.span).unwrap_or_default();
    diagnostics
        .error(
            &raw[from].file,
            span,
            format!("`derived_from` makes a loop: {}", names.join(" → ")),
        )
        .hint = Some(
        "a source cannot relay, directly or not, a source that relays it: remove one link".into(),
    );
}

/// The independent origins of each source: the outlets (or, without one, the ids) of
/// the originals it derives from. Only called once there is no loop.
fn origins(sources: &[Source]) -> Vec<Vec<String>> {
    fn key(source: &Source) -> String {
        match &source.outlet {
            Some(outlet) => format!("outlet:{}", outlet.trim().to_lowercase()),
            None => format!("source:{}", source.id),
        }
    }
    fn walk(sources: &[Source], index: usize, memo: &mut [Option<Vec<String>>]) -> Vec<String> {
        if let Some(known) = &memo[index] {
            return known.clone();
        }
        let source = &sources[index];
        let mut found: Vec<String> = if source.derived_from.is_empty() {
            vec![key(source)]
        } else {
            let mut all = Vec::new();
            for &parent in &source.derived_from {
                all.extend(walk(sources, parent, memo));
            }
            all
        };
        found.sort_unstable();
        found.dedup();
        memo[index] = Some(found.clone());
        found
    }
    let mut memo = vec![None; sources.len()];
    (0..sources.len())
        .map(|i| walk(sources, i, &mut memo))
        .collect()
}

fn support(citations: &[Citation], origins: &[Vec<String>]) -> Support {
    let mut distinct: HashSet<usize> = HashSet::default();
    let mut independent: HashSet<&str> = HashSet::default();
    for c in citations {
        if distinct.insert(c.source) {
            independent.extend(origins[c.source].iter().map(String::as_str));
        }
    }
    Support {
        sources: u32::try_from(distinct.len()).unwrap_or(u32::MAX),
        independent: u32::try_from(independent.len()).unwrap_or(u32::MAX),
    }
}

/// The support of every judgment, event and relation.
pub fn compute(
    sources: &[Source],
    judgments: &[Judgment],
    events: &[Event],
    actors: &[crate::model::Actor],
) -> Corroboration {
    let origins = origins(sources);
    Corroboration {
        judgments: judgments
            .iter()
            .map(|j| support(&j.sources, &origins))
            .collect(),
        events: events
            .iter()
            .map(|e| support(&e.sources, &origins))
            .collect(),
        relations: actors
            .iter()
            .map(|a| {
                a.relations
                    .iter()
                    .map(|r| support(&r.sources, &origins))
                    .collect()
            })
            .collect(),
    }
}
