//! From the dossier's relations to the network drawn: which actors are nodes, which
//! relations share a line, which way a line reads, and what is left out when there
//! are too many actors.
//!
//! Rules:
//! - A relation is written in one actor's file and its type reads from that actor
//!   ("Niger — gouverné par → junte"): it is drawn as an arrow from the holder to
//!   `to`. A type that reads both ways (see [`is_mutual`]) has no arrowhead; the same
//!   type written in both files gets arrowheads at both ends, on one line.
//! - Relations between the same two actors with the same type (ignoring case) share
//!   one line; different types get lines of their own, bent apart.
//! - A line is dashed when every relation on it has ended (`until` is set).
//! - Actors are ranked by their number of distinct neighbours (then by index). Beyond
//!   `max_nodes`, the lowest-ranked actors are left out of the picture (the table
//!   lists every relation); beyond `max_labels`, actors are drawn small and faded,
//!   without a name (it is in their tooltip).

use crate::model::{Citation, Dossier};

/// How a line reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// From `a` to `b`.
    Forward,
    /// Written both ways with the same type.
    Both,
    /// A type that reads both ways: no arrowhead.
    Mutual,
}

/// One line of the graph.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Node index of the actor it reads from.
    pub a: usize,
    /// Node index of the other actor.
    pub b: usize,
    /// The type as first written.
    pub kind: String,
    /// How it reads.
    pub reading: Reading,
    /// Every relation on it has ended.
    pub ended: bool,
    /// The first citation of its first relation, if any.
    pub citation: Option<Citation>,
    /// The relations it stands for: (actor holding it, index in its relations).
    pub relations: Vec<(usize, usize)>,
    /// Signed offset of the curve from the straight line (parallel lines).
    pub bend: f64,
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

/// Every relation between two different actors, as `(from, index, to)`, in the order
/// of the dossier.
fn relations(dossier: &Dossier) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let count = dossier.actors.len();
    dossier
        .actors
        .iter()
        .enumerate()
        .flat_map(move |(from, actor)| {
            actor
                .relations
                .iter()
                .enumerate()
                .filter(move |(_, relation)| relation.to != from && relation.to < count)
                .map(move |(index, relation)| (from, index, relation.to))
        })
}

/// The relations between two different actors whose pair passes `keep`, grouped by
/// pair (in pair order), each group in the order of the dossier.
fn pair_relations(dossier: &Dossier, keep: impl Fn(usize, usize) -> bool) -> Vec<PairRelation> {
    let mut list: Vec<PairRelation> = relations(dossier)
        .map(|(from, index, to)| ((from.min(to), from.max(to)), (from, index)))
        .filter(|&((low, high), _)| keep(low, high))
        .collect();
    // Where a relation is written is unique: the order is total, and within a pair it
    // is the order of the dossier.
    list.sort_unstable();
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

/// Chooses the nodes and lines for the whole dossier (`focus` = `None`) or for one
/// actor's neighbourhood. `None` when there is no relation to draw.
#[allow(clippy::too_many_lines)] // being rewritten with the pictures
pub fn network(
    dossier: &Dossier,
    focus: Option<usize>,
    max_nodes: usize,
    max_labels: usize,
) -> Option<Network> {
    // The actors that may be drawn: the focus and its neighbours, or every actor.
    let mut near = vec![focus.is_none(); dossier.actors.len()];
    if let Some(f) = focus {
        near[f] = true;
        for (from, _, to) in relations(dossier) {
            if from == f {
                near[to] = true;
            } else if to == f {
                near[from] = true;
            }
        }
    }
    // Every relation of an actor that may be drawn, enough to rank it by its number of
    // distinct neighbours.
    let pairs = pair_relations(dossier, |low, high| near[low] || near[high]);
    let mut degree = vec![0usize; dossier.actors.len()];
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        let (a, b) = group[0].0;
        degree[a] += 1;
        degree[b] += 1;
    }
    let mut chosen: Vec<usize> = match focus {
        Some(f) => (0..dossier.actors.len())
            .filter(|&i| near[i] && i != f)
            .collect(),
        None => (0..dossier.actors.len())
            .filter(|&i| degree[i] > 0)
            .collect(),
    };
    if chosen.is_empty() {
        return None;
    }
    let candidates = chosen.len() + usize::from(focus.is_some());
    chosen.sort_by_key(|&i| (std::cmp::Reverse(degree[i]), i));
    chosen.truncate(
        max_nodes
            .saturating_sub(usize::from(focus.is_some()))
            .max(1),
    );
    if let Some(f) = focus {
        chosen.insert(0, f);
    }
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

    let mut edges = Vec::new();
    for group in pairs.chunk_by(|x, y| x.0 == y.0) {
        let (low, high) = group[0].0;
        let (na, nb) = (node_of[low], node_of[high]);
        if na == usize::MAX || nb == usize::MAX {
            continue;
        }
        let context = focus.is_some_and(|f| f != low && f != high);
        let first = edges.len();
        // One line per distinct type, in the order first written.
        let mut kinds: Vec<(String, Vec<(usize, usize)>)> = Vec::new();
        for &(_, (from, index)) in group {
            let key = dossier.actors[from].relations[index]
                .kind
                .trim()
                .to_lowercase();
            match kinds.iter_mut().find(|(k, _)| *k == key) {
                Some((_, list)) => list.push((from, index)),
                None => kinds.push((key, vec![(from, index)])),
            }
        }
        for (key, list) in kinds {
            let (holder, index) = list[0];
            let relation = &dossier.actors[holder].relations[index];
            let two_ways = list.iter().any(|&(from, _)| from != holder);
            let reading = if is_mutual(&key) {
                Reading::Mutual
            } else if two_ways {
                Reading::Both
            } else {
                Reading::Forward
            };
            let (a, b) = (node_of[holder], node_of[relation.to]);
            let ended = list
                .iter()
                .all(|&(f, i)| dossier.actors[f].relations[i].until.is_some());
            let citation = list
                .iter()
                .find_map(|&(f, i)| dossier.actors[f].relations[i].sources.first().copied());
            edges.push(Edge {
                a,
                b,
                kind: relation.kind.trim().to_string(),
                reading,
                ended,
                citation,
                relations: list,
                bend: 0.0,
                context,
            });
        }
        // Parallel lines between the same pair bend apart, symmetrically.
        let count = edges.len() - first;
        if count > 1 {
            for (k, edge) in edges[first..].iter_mut().enumerate() {
                #[allow(clippy::cast_precision_loss)]
                let offset = (k as f64 - (count - 1) as f64 / 2.0) * 28.0;
                // Bend relative to the direction low → high, whichever way the line reads.
                edge.bend = if node_of[low] == edge.a {
                    offset
                } else {
                    -offset
                };
            }
        }
    }
    Some(Network {
        nodes,
        edges,
        candidates,
    })
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
