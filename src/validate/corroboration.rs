//! Corroboration: each claim's distinct and independent sources. A source counts as the
//! originals it is `derived_from` (followed to the end; a loop is an error), and the
//! sources of one outlet count once. A claim's independent sources are the fewest
//! originals that account for all it cites: a roundup of two reports, cited alone,
//! is one source, not two.

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
    if from == to {
        diagnostics
            .error(
                &raw[from].file,
                span,
                format!(
                    "`derived_from` of '{}' names the source itself",
                    sources[to].id
                ),
            )
            .hint = Some(format!(
            "a source does not relay itself: remove `{}` from its `derived_from`",
            sources[to].id
        ));
        return;
    }
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

/// Warns at each outlet written another way than the same name elsewhere (`The
/// Maritime Ledger` beside `Maritime Ledger`, `Reuters.` beside `Reuters`): counted
/// apart, the two would read as two independent outlets. The spelling most sources use
/// (the first, on a tie) is taken as the name; the others are warned about.
pub fn check_outlets(raw: &[std::sync::Arc<RawSource>], diagnostics: &mut Diagnostics) {
    let mut index: rustc_hash::FxHashMap<String, usize> = rustc_hash::FxHashMap::default();
    let mut groups: Vec<Vec<&RawSource>> = Vec::new();
    for source in raw {
        let Some(outlet) = &source.outlet else {
            continue;
        };
        let loose = loose_outlet(&outlet.value);
        if loose.is_empty() {
            continue;
        }
        let at = *index.entry(loose).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(source);
    }
    for members in groups.iter().filter(|m| m.len() > 1) {
        warn_spellings(members, diagnostics);
    }
}

/// The warnings of one outlet's sources whose spelling is not the most used one.
fn warn_spellings(members: &[&RawSource], diagnostics: &mut Diagnostics) {
    let spellings: Vec<String> = members
        .iter()
        .map(|s| {
            s.outlet
                .as_ref()
                .map(|o| o.value.trim().to_lowercase())
                .unwrap_or_default()
        })
        .collect();
    let mut counts: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    for spelling in &spellings {
        *counts.entry(spelling).or_default() += 1;
    }
    if counts.len() < 2 {
        return;
    }
    // The most used spelling; the first written on a tie.
    let mut name = 0;
    for (i, spelling) in spellings.iter().enumerate() {
        if counts[spelling.as_str()] > counts[spellings[name].as_str()] {
            name = i;
        }
    }
    let named = members[name];
    let shown = named.outlet.as_ref().map_or("", |o| o.value.trim());
    for (source, spelling) in members.iter().zip(&spellings) {
        let Some(outlet) = source
            .outlet
            .as_ref()
            .filter(|_| *spelling != spellings[name])
        else {
            continue;
        };
        diagnostics
            .warning(
                &source.file,
                outlet.span,
                format!(
                    "outlet `{}` is written `{shown}` in {}: the two count as two \
                     independent outlets",
                    outlet.value.trim(),
                    named.file.path.display()
                ),
            )
            .hint = Some(format!(
            "if it is one outlet, write `{shown}` in every source of it, so that its \
             sources count once"
        ));
    }
}

/// An outlet's name without case, a leading article ("the", "le", "la", "les", "l'"),
/// spaces and punctuation.
fn loose_outlet(outlet: &str) -> String {
    let lower = outlet.trim().to_lowercase();
    let rest = ["the ", "le ", "la ", "les ", "l'", "l’"]
        .iter()
        .find_map(|a| lower.strip_prefix(a))
        .unwrap_or(&lower);
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// What every source `citations` cite goes back to, when it is one thing: the outlet as
/// written, or the original source's id. Only called once there is no loop.
pub fn common_origin(sources: &[Source], citations: &[Citation]) -> Option<String> {
    let all = origins(sources);
    let mut cited = citations.iter().map(|c| &all[c.source]);
    let first = cited.next()?;
    let rest: Vec<&Vec<String>> = cited.collect();
    let key = first.iter().find(|k| rest.iter().all(|o| o.contains(k)))?;
    if let Some(id) = key.strip_prefix("source:") {
        return Some(format!("`{id}`"));
    }
    let outlet = key.strip_prefix("outlet:")?;
    sources
        .iter()
        .filter_map(|s| s.outlet.as_deref().map(str::trim))
        .find(|o| o.to_lowercase() == outlet)
        .map(str::to_string)
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
    let mut cited: Vec<&[String]> = Vec::new();
    for c in citations {
        if distinct.insert(c.source) {
            cited.push(&origins[c.source]);
        }
    }
    Support {
        sources: u32::try_from(distinct.len()).unwrap_or(u32::MAX),
        independent: u32::try_from(fewest_origins(&cited)).unwrap_or(u32::MAX),
    }
}

/// Above this many origins to choose from, the fewest are looked for greedily.
const EXACT: usize = 12;

/// How many independent origins the cited sources rest on for sure: the fewest origins
/// that account for every source, each source being accounted for by one of its own.
/// A source that relays two originals may owe the cited passage to either, so it adds
/// no origin that another cited source already stands for, and counts once on its own.
fn fewest_origins(cited: &[&[String]]) -> usize {
    // The origins that a source relaying one original (or being one) forces.
    let forced: HashSet<&str> = cited
        .iter()
        .filter(|o| o.len() == 1)
        .map(|o| o[0].as_str())
        .collect();
    let open: Vec<&[String]> = cited
        .iter()
        .copied()
        .filter(|o| !o.iter().any(|x| forced.contains(x.as_str())))
        .collect();
    let mut candidates: Vec<&str> = open
        .iter()
        .flat_map(|o| o.iter().map(String::as_str))
        .collect();
    candidates.sort_unstable();
    candidates.dedup();
    let more = if candidates.len() <= EXACT {
        fewest_exactly(&open, &candidates)
    } else {
        fewest_greedily(open, &candidates)
    };
    forced.len() + more
}

/// Whether every source of `open` has one of its origins in `picked`.
fn covered(open: &[&[String]], picked: &[&str]) -> bool {
    open.iter()
        .all(|o| o.iter().any(|x| picked.contains(&x.as_str())))
}

/// The size of the smallest set of `candidates` that covers `open`, trying every set.
fn fewest_exactly(open: &[&[String]], candidates: &[&str]) -> usize {
    (0u32..1 << candidates.len())
        .filter_map(|mask| {
            let picked: Vec<&str> = (0..candidates.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| candidates[i])
                .collect();
            covered(open, &picked).then_some(picked.len())
        })
        .min()
        .unwrap_or(0)
}

/// The size of a set of `candidates` covering `open`, each time the one that covers most.
fn fewest_greedily(mut open: Vec<&[String]>, candidates: &[&str]) -> usize {
    let mut count = 0;
    while !open.is_empty() {
        let Some(best) = candidates
            .iter()
            .copied()
            .max_by_key(|c| open.iter().filter(|o| o.iter().any(|x| x == c)).count())
        else {
            break;
        };
        count += 1;
        open.retain(|o| !o.iter().any(|x| x == best));
    }
    count
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

#[cfg(test)]
mod tests {
    use super::*;

    fn origins(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter()
            .map(|o| o.iter().map(|x| (*x).to_string()).collect())
            .collect()
    }

    fn fewest(list: &[&[&str]]) -> usize {
        let owned = origins(list);
        let cited: Vec<&[String]> = owned.iter().map(Vec::as_slice).collect();
        fewest_origins(&cited)
    }

    #[test]
    fn a_relay_of_several_originals_counts_once() {
        assert_eq!(fewest(&[&["a", "b"]]), 1);
        assert_eq!(fewest(&[&["a", "b"], &["a"]]), 1);
        assert_eq!(fewest(&[&["a", "b"], &["a"], &["b"]]), 2);
        assert_eq!(fewest(&[&["a", "b"], &["c", "d"]]), 2);
        assert_eq!(fewest(&[&["a", "b"], &["b", "c"]]), 1);
        assert_eq!(fewest(&[]), 0);
    }

    #[test]
    fn many_originals_are_counted_greedily_and_never_above_the_sources() {
        let wide: Vec<String> = (0..20).map(|i| format!("o{i}")).collect();
        let wide: Vec<&str> = wide.iter().map(String::as_str).collect();
        assert_eq!(fewest(&[&wide, &["o3"], &["x", "y"]]), 2);
        assert_eq!(fewest(&[&wide, &wide[..10]]), 1);
    }
}
