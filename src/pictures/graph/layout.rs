//! Force-directed layout (Fruchterman–Reingold, with `ForceAtlas2`'s degree-weighted
//! push) from a fixed start, then overlap removal ([`remove_overlaps`]): every node is
//! a box (its shape and its name below it), and boxes that still touch after the
//! forces are pushed apart until none does.
//!
//! Deterministic: the start is a spiral by rank with jitter from a seeded
//! [`SplitMix`], and every loop runs in index order. Bounded: the force phase costs
//! O(n² × iterations) with the iterations cut so that n² × iterations stays under
//! about 2×10⁷ (the graph itself is capped at a few hundred nodes).

use crate::pictures::geometry::{Rect, SplitMix};

use super::overlaps::remove_overlaps;

/// The box a node occupies, relative to its centre.
#[derive(Debug, Clone, Copy)]
pub struct Body {
    /// Half the width.
    pub half_width: f64,
    /// Extent above the centre.
    pub above: f64,
    /// Extent below the centre.
    pub below: f64,
}

impl Body {
    /// The box when the centre is at (`x`, `y`).
    pub fn at(&self, x: f64, y: f64) -> Rect {
        Rect {
            x0: x - self.half_width,
            y0: y - self.above,
            x1: x + self.half_width,
            y1: y + self.below,
        }
    }
}

/// The seed of every layout: the same for all dossiers, so only the input changes
/// the picture.
const SEED: u64 = 0x00D0_5513_5EED;
/// Pull towards the centre, per pixel of distance.
const GRAVITY: f64 = 0.06;
/// Strength of the push between two nodes, times the ideal distance squared.
const REPULSION: f64 = 0.3;

/// Places `bodies` (most important first) linked by `edges` (node index pairs) in an
/// area of about `width` × `height`; `pinned` stays at the centre. Returns the
/// centres.
pub fn layout(
    bodies: &[Body],
    edges: &[(usize, usize)],
    pinned: Option<usize>,
    width: f64,
    height: f64,
) -> Vec<(f64, f64)> {
    let n = bodies.len();
    if n == 0 {
        return Vec::new();
    }
    #[allow(clippy::cast_precision_loss)]
    let count = n as f64;
    let k = (width * height / count).sqrt() * 0.75;
    let mut random = SplitMix::new(SEED);
    let (cx, cy) = (width / 2.0, height / 2.0);
    // A spiral by rank: the most connected start near the middle. Only +, ×, ÷ and √
    // (exactly rounded in IEEE 754), no sin or cos, whose last bits vary between
    // platforms: the golden-angle turn is applied as a rotation by constants.
    let (turn_cos, turn_sin) = (-0.737_368_878_078_319_8, 0.675_490_294_261_523_6);
    let mut direction = (1.0f64, 0.0f64);
    let mut positions: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            #[allow(clippy::cast_precision_loss)]
            let radius = k * 0.6 * (i as f64).sqrt() * (0.9 + random.unit() * 0.2);
            let position = (
                cx + radius * direction.0,
                cy + radius * direction.1 * height / width,
            );
            direction = (
                direction.0 * turn_cos - direction.1 * turn_sin,
                direction.0 * turn_sin + direction.1 * turn_cos,
            );
            position
        })
        .collect();
    if let Some(p) = pinned.filter(|&p| p < n) {
        positions[p] = (cx, cy);
    }

    // Degree-weighted forces (as in ForceAtlas2): hubs push each other apart harder,
    // so that their neighbours gather around them instead of in one crowd.
    let mut mass = vec![1.0f64; n];
    for &(a, b) in edges {
        if a < n && b < n && a != b {
            mass[a] += 1.0;
            mass[b] += 1.0;
        }
    }
    let repulsion = k * k * REPULSION;
    let iterations = (20_000_000 / (n * n).max(1)).clamp(40, 400);
    // The largest step, cooling linearly to half a pixel.
    let hottest = width / 8.0;
    let mut moves = vec![(0.0f64, 0.0f64); n];
    for iteration in 0..iterations {
        #[allow(clippy::cast_precision_loss)]
        let temperature = 0.5 + (hottest - 0.5) * (1.0 - iteration as f64 / iterations as f64);
        moves.fill((0.0, 0.0));
        repel(&positions, &mass, repulsion, &mut moves);
        for &(a, b) in edges {
            if a == b || a >= n || b >= n {
                continue;
            }
            let (dx, dy) = (
                positions[a].0 - positions[b].0,
                positions[a].1 - positions[b].1,
            );
            moves[a].0 -= dx;
            moves[a].1 -= dy;
            moves[b].0 += dx;
            moves[b].1 += dy;
        }
        for (i, position) in positions.iter_mut().enumerate() {
            if Some(i) == pinned {
                continue;
            }
            // Gravity towards the centre, stronger across the short side, keeps
            // separate groups together and the picture near the wanted shape.
            let (gx, gy) = (position.0 - cx, (position.1 - cy) * width / height);
            let (mx, my) = (
                moves[i].0 - gx * GRAVITY * mass[i],
                moves[i].1 - gy * GRAVITY * mass[i],
            );
            let length = (mx * mx + my * my).sqrt();
            if length > 0.0 {
                let step = length.min(temperature);
                position.0 += mx / length * step;
                position.1 += my / length * step;
            }
        }
    }
    fit(&mut positions, width, height);
    remove_overlaps(bodies, &mut positions, pinned);
    positions
}

/// Adds to `moves` the push between every two nodes, heavier nodes pushing harder.
/// Pairs in index order, each node's sum in the same order as a plain double loop
/// would add them (floating-point sums depend on it).
fn repel(positions: &[(f64, f64)], mass: &[f64], repulsion: f64, moves: &mut [(f64, f64)]) {
    for i in 0..positions.len() {
        let (xi, yi) = positions[i];
        let pushed = repulsion * mass[i];
        let (done, rest) = moves.split_at_mut(i + 1);
        let (mut mx, mut my) = done[i];
        let others = positions[i + 1..].iter().zip(&mass[i + 1..]);
        for ((&(xj, yj), &mj), other) in others.zip(rest) {
            let (dx, dy) = (xi - xj, yi - yj);
            let d2 = (dx * dx + dy * dy).max(0.01);
            let force = pushed * mj / d2;
            mx += dx * force;
            my += dy * force;
            other.0 -= dx * force;
            other.1 -= dy * force;
        }
        done[i] = (mx, my);
    }
}

/// Scales the centres (about the middle of the area) so that they span the area, which
/// keeps the text at its size whatever the forces did; overlap removal then makes room
/// where the area was too small.
fn fit(positions: &mut [(f64, f64)], width: f64, height: f64) {
    let (cx, cy) = (width / 2.0, height / 2.0);
    let reach_x = positions
        .iter()
        .map(|p| (p.0 - cx).abs())
        .fold(0.0, f64::max);
    let reach_y = positions
        .iter()
        .map(|p| (p.1 - cy).abs())
        .fold(0.0, f64::max);
    if reach_x < 1.0 && reach_y < 1.0 {
        return;
    }
    // Each axis on its own, within a factor of 1.5 of the other, to fill the area.
    let (sx, sy) = (
        (width * 0.46) / reach_x.max(1.0),
        (height * 0.46) / reach_y.max(1.0),
    );
    let (sx, sy) = (sx.min(sy * 1.5), sy.min(sx * 1.5));
    for p in positions {
        *p = (cx + (p.0 - cx) * sx, cy + (p.1 - cy) * sy);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_end_apart_and_runs_agree() {
        let bodies = vec![
            Body {
                half_width: 40.0,
                above: 8.0,
                below: 20.0
            };
            12
        ];
        let edges: Vec<(usize, usize)> = (1..12).map(|i| (0, i)).collect();
        let first = layout(&bodies, &edges, Some(0), 600.0, 400.0);
        assert_eq!(first, layout(&bodies, &edges, Some(0), 600.0, 400.0));
        assert_eq!(first[0], (300.0, 200.0));
        for i in 0..12 {
            for j in i + 1..12 {
                let a = bodies[i].at(first[i].0, first[i].1);
                let b = bodies[j].at(first[j].0, first[j].1);
                assert!(!a.intersects(&b), "{i} and {j} overlap");
            }
        }
    }
}
