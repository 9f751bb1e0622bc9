//! From the dossier's relations to the network drawn: which actors are nodes, which
//! relations share a line, which way a line reads, and what is left out when there
//! are too many actors.
//!
//! Rules:
//! - A relation is written in one actor's file and its type reads from that actor
//!   ("Niger — gouverné par → junte"). Every relation between the same two actors,
//!   whichever file holds it, is on one line, whose label gives each type once with
//!   the way it reads (see [`super::captions`]).
//! - A line is dashed when every relation on it has ended (`until` is set).
//! - Actors are ranked by their number of distinct neighbours (then by index). Beyond
//!   `max_nodes`, the lowest-ranked actors are left out of the picture (the table
//!   lists every relation); beyond `max_labels`, actors are drawn small and faded,
//!   without a name (it is in their tooltip).

use crate::model::{Citation, Dossier};

/// One line of the graph: every relation between two actors.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Node index of one actor (the lower index in the dossier).
    pub a: usize,
    /// Node index of the other actor.
    pub b: usize,
    /// Every relation on it has ended.
    pub ended: bool,
    /// The first citation of its first relation, if any.
    pub citation: Option<Citation>,
    /// The relations it stands for: (actor holding it, index in its relations), in
    /// the order of the dossier.
    pub relations: Vec<(usize, usize)>,
    /// A line between two neighbours of the focus, drawn lighter.
    pub context: bool,
}

/// One node of the graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// Index in `Dossier::actors`.
    pub actor: usize,
    /// Whether its name is written (otherwise drawn small and faded).
    pub labelled: bool,
    /// The actor whose profile this is.
    pub focus: bool,
}

/// The nodes and lines to draw, and how many actors were left out.
#[derive(Debug, Clone)]
pub struct Network {
    /// Nodes, most connected first (the focus first on a profile).
    pub nodes: Vec<Node>,
    /// Lines, in the order of the relations in the dossier.
    pub edges: Vec<Edge>,
    /// Actors with relations that could have been drawn.
    pub candidates: usize,
}

/// Endings of relation types that read both ways, lowercase.
const MUTUAL: [&str; 48] = [
    "allié de",
    "alliée de",
    "alliés de",
    "alliées de",
    "allié à",
    "allié",
    "alliée",
    "alliés",
    "partenaire de",
    "partenaires de",
    "partenaire",
    "partenaires",
    "voisin de",
    "voisine de",
    "voisin",
    "voisine",
    "rival de",
    "rivale de",
    "rival",
    "rivale",
    "concurrent de",
    "frère de",
    "sœur de",
    "marié à",
    "mariée à",
    "avec",
    "ally of",
    "allies of",
    "ally",
    "allies",
    "allied to",
    "partner of",
    "partners of",
    "partner",
    "partners",
    "neighbour of",
    "neighbor of",
    "neighbour",
    "neighbor",
    "rival of",
    "rivals",
    "competitor of",
    "sibling of",
    "siblings",
    "married to",
    "spouse of",
    "with",
    "alongside",
];

/// Whether a relation type reads both ways: it ends with one of a short list of
/// words and phrases ("allié", "allié de", "partenaire de", "voisin de", "rival",
/// "ally of", "partner of"…) or with "avec"/"with" ("en guerre avec", "at war with").
pub fn is_mutual(kind: &str) -> bool {
    let kind = kind.trim().to_lowercase();
    MUTUAL.iter().any(|end| {
        kind == *end
            || kind
                .strip_suffix(end)
                .is_some_and(|head| head.ends_with([' ', '\'', '’']))
    })
}

/// A relation between two different actors: the unordered pair of actors it joins
/// (lower index first), then where it is written (actor holding it, index in its
/// relations).
type PairRelation = ((usize, usize), (usize, usize));

/// The actor that relation `index` of actor `from` points to, when it joins two
/// different actors of the dossier (`None` too for an index out of step with the
/// actors, as a caller that changed them without [`crate::model::relations_touching`]
/// would leave it).
fn relation_to(dossier: &Dossier, from: usize, index: usize) -> Option<usize> {
    let to = dossier.actors.get(from)?.relations.get(index)?.to;
    (to != from && to < dossier.actors.len()).then_some(to)
}

/// The relations touching `actor` (held by it or pointing to it), from the dossier's
/// index, as `(from, index, to)`.
fn touching(dossier: &Dossier, actor: usize) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    dossier
        .relations_touching
        .get(actor)
        .into_iter()
        .flatten()
        .filter_map(|&(from, index)| Some((from, index, relation_to(dossier, from, index)?)))
}

/// Every relation between two different actors, as `(from, index, to)`, in the order
/// of the dossier.
fn relations(dossier: &Dossier) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    (0..dossier.actors.len())
        .flat_map(move |actor| touching(dossier, actor).filter(move |&(from, _, _)| from == actor))
}

/// The relations between two different actors of which one at least is `near`,
/// grouped by pair (in pair order), each group in the order of the dossier. With a
/// focus, only the relations of the near actors are looked at, not the dossier's.
fn pair_relations(dossier: &Dossier, near: &[bool], focus: Option<usize>) -> Vec<PairRelation> {
    let pair =
        |(from, index, to): (usize, usize, usize)| ((from.min(to), from.max(to)), (from, index));
    let mut list: Vec<PairRelation> = match focus {
        None => relations(dossier)
            .map(pair)
            .filter(|&((low, high), _)| near[low] || near[high])
            .collect(),
        Some(_) => near
            .iter()
            .enumerate()
            .filter(|&(_, &is_near)| is_near)
            .flat_map(|(actor, _)| touching(dossier, actor))
            .map(pair)
            .collect(),
    };
    // Where a relation is written is unique: the order is total, and within a pair it
    // is the order of the dossier. A relation between two near actors came twice.
    list.sort_unstable();
    list.dedup();
    list
}

/// The relations the graph stands for, in the order of the table that should follow
/// it: (actor holding it, index in its relations). With `focus`, the relations to or
/// from that actor; otherwise every relation between two actors.
pub fn graph_relations(dossier: &Dossier, focus: Option<usize>) -> Vec<(usize, usize)> {
    relations(dossier)
        .filter(|&(from, _, to)| focus.is_none_or(|f| f == from || f == to))
        .map(|(from, index, _)| (from, index))
        .collect()
}

/// The `room` actors of a connected core: from the most connected actor (first of
/// `ranked`), each next one the actor with the most relations to those already
/// chosen (then the most connected, then the first in the dossier), so that the
/// picture shows the strongest relations around the hubs rather than scattered
/// actors whose partners were left out.
fn core(pairs: &[PairRelation], ranked: &[usize], degree: &[usize], room: usize) -> Vec<usize> {
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); degree.len()];
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        let (a, b) = group[0].0;
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mut links_in = vec![0usize; degree.len()];
    let mut taken = vec![false; degree.len()];
    let mut out = Vec::with_capacity(room);
    while out.len() < room {
        let next = ranked
            .iter()
            .copied()
            .filter(|&i| !taken[i])
            .max_by_key(|&i| (links_in[i], degree[i], std::cmp::Reverse(i)));
        let Some(next) = next else { break };
        taken[next] = true;
        out.push(next);
        for &n in &neighbours[next] {
            links_in[n] += 1;
        }
    }
    out
}

/// Chooses the nodes and lines for the whole dossier (`focus` = `None`) or for one
/// actor's neighbourhood. `None` when there is no relation to draw.
pub fn network(
    dossier: &Dossier,
    focus: Option<usize>,
    max_nodes: usize,
    max_labels: usize,
) -> Option<Network> {
    let near = near_actors(dossier, focus);
    // Every relation of an actor that may be drawn, enough to rank it by its number of
    // distinct neighbours.
    let pairs = pair_relations(dossier, &near, focus);
    let degree = degrees(&pairs, dossier.actors.len());
    let (chosen, candidates) = choose_actors(&pairs, &near, &degree, focus, max_nodes)?;
    let mut node_of = vec![usize::MAX; dossier.actors.len()];
    let nodes: Vec<Node> = chosen
        .iter()
        .enumerate()
        .map(|(n, &actor)| {
            node_of[actor] = n;
            Node {
                actor,
                labelled: n < max_labels,
                focus: Some(actor) == focus,
            }
        })
        .collect();
    Some(Network {
        nodes,
        edges: edges(dossier, &pairs, &node_of, focus),
        candidates,
    })
}

/// The actors that may be drawn, by index: the focus and its neighbours, or every
/// actor.
fn near_actors(dossier: &Dossier, focus: Option<usize>) -> Vec<bool> {
    let mut near = vec![focus.is_none(); dossier.actors.len()];
    if let Some(f) = focus {
        near[f] = true;
        for (from, _, to) in touching(dossier, f) {
            near[if from == f { to } else { from }] = true;
        }
    }
    near
}

/// Each actor's number of distinct neighbours among `pairs`.
fn degrees(pairs: &[PairRelation], actors: usize) -> Vec<usize> {
    let mut degree = vec![0usize; actors];
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        let (a, b) = group[0].0;
        degree[a] += 1;
        degree[b] += 1;
    }
    degree
}

/// The actors drawn, in the order of their nodes (the focus first), at most
/// `max_nodes`, and how many could have been: `None` when there is none to draw.
fn choose_actors(
    pairs: &[PairRelation],
    near: &[bool],
    degree: &[usize],
    focus: Option<usize>,
    max_nodes: usize,
) -> Option<(Vec<usize>, usize)> {
    let mut chosen: Vec<usize> = match focus {
        Some(f) => (0..near.len()).filter(|&i| near[i] && i != f).collect(),
        None => (0..near.len()).filter(|&i| degree[i] > 0).collect(),
    };
    if chosen.is_empty() {
        return None;
    }
    let candidates = chosen.len() + usize::from(focus.is_some());
    chosen.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
    let room = max_nodes
        .saturating_sub(usize::from(focus.is_some()))
        .max(1);
    if focus.is_none() && chosen.len() > room {
        chosen = core(pairs, &chosen, degree, room);
    }
    chosen.truncate(room);
    if let Some(f) = focus {
        chosen.insert(0, f);
    }
    Some((chosen, candidates))
}

/// One line for each pair of drawn actors (`node_of` gives an actor's node, or
/// `usize::MAX`) that hold relations.
fn edges(
    dossier: &Dossier,
    pairs: &[PairRelation],
    node_of: &[usize],
    focus: Option<usize>,
) -> Vec<Edge> {
    let mut edges = Vec::new();
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        let (low, high) = group[0].0;
        let (a, b) = (node_of[low], node_of[high]);
        if a == usize::MAX || b == usize::MAX {
            continue;
        }
        // Every relation between the two actors, whichever file holds it, on one line.
        let list: Vec<(usize, usize)> = group.iter().map(|&(_, at)| at).collect();
        let relation = |&(f, i): &(usize, usize)| &dossier.actors[f].relations[i];
        edges.push(Edge {
            a,
            b,
            ended: list.iter().all(|at| relation(at).until.is_some()),
            citation: list
                .iter()
                .find_map(|at| relation(at).sources.first().copied()),
            relations: list,
            context: focus.is_some_and(|f| f != low && f != high),
        });
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::is_mutual;

    #[test]
    fn mutual_types_read_both_ways() {
        assert!(is_mutual("allié de"));
        assert!(is_mutual("Ancien allié de"));
        assert!(is_mutual("coopération militaire renforcée avec"));
        assert!(is_mutual("partner of"));
        assert!(is_mutual("at war with"));
        assert!(!is_mutual("dirige"));
        assert!(!is_mutual("gouverné par"));
        assert!(!is_mutual("soutient"));
        assert!(!is_mutual("forthwith"));
    }
}
