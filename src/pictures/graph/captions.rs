//! The words written in the graph: actors' names under their shapes and the label of
//! each line (every type of relation between the two actors, once, with the way it
//! reads), wrapped on several lines, never cut.

use crate::model::Dossier;
use crate::pictures::geometry::{Anchor, Rect, text_width, width_box, wrap};

use super::network::{Edge, Network, is_mutual};

/// Space between two baselines, in font sizes.
const LEADING: f64 = 1.25;

/// A text of one or more lines, centred on `x`.
#[derive(Debug, Clone)]
pub struct Label {
    /// The lines, in order.
    pub lines: Vec<String>,
    /// Centre x.
    pub x: f64,
    /// Baseline of the first line.
    pub y: f64,
    /// Font size.
    pub size: f64,
}

impl Label {
    /// `lines` centred on (`x`, `y`).
    pub fn centred(lines: Vec<String>, size: f64, x: f64, y: f64) -> Self {
        #[allow(clippy::cast_precision_loss)]
        let below_first = (lines.len().max(1) - 1) as f64 * LEADING * size;
        let height = below_first + 1.2 * size;
        Self {
            lines,
            x,
            y: y - height / 2.0 + 0.9 * size,
            size,
        }
    }

    /// Baseline of line `k`.
    pub fn baseline(&self, k: usize) -> f64 {
        #[allow(clippy::cast_precision_loss)]
        let k = k as f64;
        self.y + k * LEADING * self.size
    }

    /// The box of every line.
    pub fn rect(&self) -> Rect {
        let mut all: Option<Rect> = None;
        for (k, line) in self.lines.iter().enumerate() {
            let width = text_width(line, self.size);
            let line = width_box(width, self.size, self.x, self.baseline(k), Anchor::Middle);
            all = Some(all.map_or(line, |a| a.union(&line)));
        }
        all.unwrap_or_else(|| Rect::centered(self.x, self.y, 0.0, 0.0))
    }

    /// Moves the label by (`dx`, `dy`).
    pub fn shift(&mut self, dx: f64, dy: f64) {
        self.x += dx;
        self.y += dy;
    }
}

/// The lines of the label of `edge`, its nodes at `positions`: each type of relation
/// once (ignoring case), followed or preceded by an arrow toward the actor it points
/// at on the picture (`kind →`, `← kind`, `kind ↓`, `kind ↑`), or by `↔` when both
/// files hold it; a type that reads both ways has no arrow.
pub fn edge_lines(
    dossier: &Dossier,
    network: &Network,
    edge: &Edge,
    positions: &[(f64, f64)],
    (width, size): (f64, f64),
) -> Vec<String> {
    let mut kinds: Vec<(String, &str, Vec<usize>)> = Vec::new();
    for &(from, index) in &edge.relations {
        let kind = dossier.actors[from].relations[index].kind.trim();
        let key = kind.to_lowercase();
        match kinds.iter_mut().find(|(k, _, _)| *k == key) {
            Some((_, _, holders)) => holders.push(from),
            None => kinds.push((key, kind, vec![from])),
        }
    }
    let node_a = network.nodes[edge.a].actor;
    let mut lines = Vec::new();
    for (key, kind, holders) in kinds {
        let both = holders.iter().any(|&h| h != holders[0]);
        let text = if is_mutual(&key) {
            kind.to_string()
        } else if both {
            format!("{kind} ↔")
        } else {
            let (from, to) = if holders[0] == node_a {
                (positions[edge.a], positions[edge.b])
            } else {
                (positions[edge.b], positions[edge.a])
            };
            let (dx, dy) = (to.0 - from.0, to.1 - from.1);
            if dx.abs() * 2.0 >= dy.abs() {
                if dx >= 0.0 {
                    format!("{kind} →")
                } else {
                    format!("← {kind}")
                }
            } else if dy >= 0.0 {
                format!("{kind} ↓")
            } else {
                format!("{kind} ↑")
            }
        };
        lines.extend(wrap(&text, width, size));
    }
    lines
}
