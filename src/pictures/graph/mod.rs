//! The relationship graph: actors as nodes (shape and colour by kind, with a legend),
//! relations as labelled lines (arrows where they read one way, dashed once ended),
//! each node a link to its profile and each line a link to its first citation.
//!
//! The stages: [`network`] chooses what to draw, [`layout`] places the nodes,
//! [`place_labels`] keeps every name and line label clear of the others (dropping a
//! label, never overlapping one), and [`draw`] writes the SVG.

mod captions;
mod draw;
mod layout;
mod legend;
mod network;
mod overlaps;

use crate::model::Dossier;
use crate::pictures::geometry::{Rect, wrap};
use crate::pictures::{Frame, Links, Medium};
use captions::{Label, edge_lines};
use layout::{Body, layout};
use network::{Network, network};

pub use network::{graph_relations, is_mutual};

/// Font size of a node's name.
const NAME_SIZE: f64 = 12.0;
/// Font size of a line's label.
const EDGE_SIZE: f64 = 10.0;
/// Widest line of a name.
const NAME_WIDTH: f64 = 150.0;
/// Widest line of a line's label.
const EDGE_WIDTH: f64 = 130.0;

/// Everything placed: node centres and radii, names, line labels.
pub struct Scene {
    /// Centre of each node.
    pub positions: Vec<(f64, f64)>,
    /// Radius of each node's shape.
    pub radii: Vec<f64>,
    /// Name of each node, when written.
    pub names: Vec<Option<Label>>,
    /// Label of each line, when written.
    pub edge_labels: Vec<Option<Label>>,
}

/// Draws the relationship graph: of the whole dossier (`focus` = `None`, for
/// `actors/`), or of one actor and its direct neighbours (`focus` = the actor's index,
/// for its profile: lines to and from it, and lighter lines between its neighbours).
///
/// Returns `None` when there is no relation to draw. The SVG is inline (no XML prolog),
/// sized by its `viewBox` with its natural size in `width`/`height`; the CSS in
/// [`crate::pictures::PICTURES_CSS`] makes it shrink to the page. Follow it with a
/// table of the same relations ([`graph_relations`] lists them) for screen readers and
/// print.
///
/// At most 50 actors are drawn on screen (35 in print), each with its name: a picture
/// of 300 actors would be a hairball. Past that, the picture is the core of the
/// network: from the most connected actor, each next one the actor with the most
/// relations to those already drawn. A visible note says how many are drawn, and the
/// table that follows lists every relation.
pub fn relationship_graph(
    dossier: &Dossier,
    focus: Option<usize>,
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> Option<String> {
    let (max_nodes, max_labels) = match frame.medium {
        Medium::Screen | Medium::Column => (50, 50),
        Medium::Print => (35, 35),
    };
    let focus = focus.filter(|&f| f < dossier.actors.len());
    let network = network(dossier, focus, max_nodes, max_labels)?;
    let scene = arrange(dossier, &network, frame.medium.width());
    Some(draw::draw(dossier, &network, scene, links, frame))
}

/// Radius of a node's shape.
fn radius(node: &network::Node) -> f64 {
    if node.focus {
        13.0
    } else if node.labelled {
        9.0
    } else {
        5.0
    }
}

/// The name of a node as written under it (wrapped, whole), its centre at (`x`, `y`).
fn name_label(dossier: &Dossier, node: &network::Node, x: f64, y: f64) -> Label {
    let size = if node.focus {
        NAME_SIZE + 1.0
    } else {
        NAME_SIZE
    };
    let lines = wrap(&dossier.actors[node.actor].name, NAME_WIDTH, size);
    let mut label = Label::centred(lines, size, x, 0.0);
    let top = label.rect().y0;
    label.shift(0.0, y + radius(node) * 1.2 + 1.0 - top);
    label
}

/// Lays the network out and places its labels.
fn arrange(dossier: &Dossier, network: &Network, width: f64) -> Scene {
    let n = network.nodes.len();
    // Taller than wide on paper (a page is), wider than tall on a screen.
    let tallest = if width < Medium::Screen.width() {
        width * 1.1
    } else {
        width * 0.95
    };
    // Room for the line labels too: about 170 px per square root of the nodes.
    #[allow(clippy::cast_precision_loss)]
    let height = ((n as f64).sqrt() * 170.0).clamp(300.0, tallest);
    let radii: Vec<f64> = network.nodes.iter().map(radius).collect();
    let bodies: Vec<Body> = network
        .nodes
        .iter()
        .zip(&radii)
        .map(|(node, &r)| {
            let shape = r * 1.2;
            if node.labelled {
                let rect = name_label(dossier, node, 0.0, 0.0).rect();
                Body {
                    half_width: (rect.width() / 2.0).max(shape),
                    above: shape,
                    below: rect.y1,
                }
            } else {
                Body {
                    half_width: shape,
                    above: shape,
                    below: shape,
                }
            }
        })
        .collect();
    let pairs: Vec<(usize, usize)> = network.edges.iter().map(|e| (e.a, e.b)).collect();
    let pinned = network.nodes.iter().position(|node| node.focus);
    // The centres leave room for the names at the edges, so that the picture keeps
    // its natural width.
    let widest = bodies.iter().map(|b| b.half_width).fold(0.0, f64::max);
    let positions = layout(
        &bodies,
        &pairs,
        pinned,
        (width - 2.0 * widest).max(width * 0.6),
        height,
    );
    place_labels(dossier, network, positions, radii)
}

/// Places a line's label at the first point along the line from `from` to `to`
/// (middle first), shifted across it as far as the label still covers it, where its
/// box is clear of `shapes` and of everything `taken`; adds its box to `taken`.
fn place_on_line(
    lines: &[String],
    (from, to): ((f64, f64), (f64, f64)),
    shapes: &[Rect],
    taken: &mut Vec<Rect>,
) -> Option<Label> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(0.001);
    let (nx, ny) = (-dy / length, dx / length);
    let size = Label::centred(lines.to_vec(), EDGE_SIZE, 0.0, 0.0).rect();
    // How far across the line the label may move and still cover it.
    let across = ((size.width() / 2.0) / nx.abs().max(0.01))
        .min((size.height() / 2.0) / ny.abs().max(0.01))
        * 0.6;
    for t in [
        0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82, 0.12, 0.88,
    ] {
        for shift in [0.0, across, -across] {
            let x = from.0 + dx * t + nx * shift;
            let y = from.1 + dy * t + ny * shift;
            let label = Label::centred(lines.to_vec(), EDGE_SIZE, x, y);
            let rect = label.rect().grown(2.0);
            if !taken.iter().chain(shapes).any(|t| t.intersects(&rect)) {
                taken.push(rect);
                return Some(label);
            }
        }
    }
    None
}

/// Keeps every name whose box is clear of the names already kept (most connected
/// first) and of every shape; then places each line's label (except context lines) at the first point along
/// it (middle first) where its box is clear of everything placed.
fn place_labels(
    dossier: &Dossier,
    network: &Network,
    positions: Vec<(f64, f64)>,
    radii: Vec<f64>,
) -> Scene {
    let shapes: Vec<Rect> = positions
        .iter()
        .zip(&radii)
        .map(|(&(x, y), &r)| Rect::centered(x, y, r * 2.4, r * 2.4))
        .collect();
    let mut taken: Vec<Rect> = Vec::new();
    let names: Vec<Option<Label>> = network
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            if !node.labelled {
                return None;
            }
            let label = name_label(dossier, node, positions[i].0, positions[i].1);
            let rect = label.rect().grown(1.0);
            let clear = !taken.iter().any(|t| t.intersects(&rect))
                && !shapes
                    .iter()
                    .enumerate()
                    .any(|(j, s)| j != i && s.intersects(&rect));
            clear.then(|| {
                taken.push(rect);
                label
            })
        })
        .collect();

    // Lines touching the focus first, then by the rank of their ends.
    let mut order: Vec<usize> = (0..network.edges.len()).collect();
    order.sort_by_key(|&e| {
        let edge = &network.edges[e];
        (edge.context, edge.a.min(edge.b), edge.a.max(edge.b), e)
    });
    let mut edge_labels: Vec<Option<Label>> = vec![None; network.edges.len()];
    for e in order {
        let edge = &network.edges[e];
        // Lines between two neighbours of the focus, or between two unnamed actors,
        // are context: drawn faint, without a label.
        if edge.context || !(network.nodes[edge.a].labelled || network.nodes[edge.b].labelled) {
            continue;
        }
        let lines = edge_lines(dossier, network, edge, &positions, (EDGE_WIDTH, EDGE_SIZE));
        edge_labels[e] = place_on_line(
            &lines,
            (positions[edge.a], positions[edge.b]),
            &shapes,
            &mut taken,
        );
    }
    Scene {
        positions,
        radii,
        names,
        edge_labels,
    }
}
