//! Overlap removal after the forces: every node is a box (its shape and its name
//! below it), and boxes that still touch are pushed apart until none does.
//!
//! Each pass takes the pairs in index order and moves each pair that overlaps at once,
//! so a pair's test sees the moves made before it. The boxes are kept one array per
//! side, so that one box is tested against all the later ones in a loop without
//! branches; the pairs tested and moved, and their order, are those of the plain
//! double loop.

use crate::pictures::geometry::Rect;

use super::layout::Body;

/// Space kept between two boxes.
const GAP: f64 = 6.0;
/// Most passes over the pairs.
const PASSES: usize = 400;

/// Pushes apart every two boxes that overlap (plus [`GAP`]), along the axis where they
/// overlap least, until none overlaps or a pass limit is reached. `pinned` does not
/// move.
pub fn remove_overlaps(bodies: &[Body], positions: &mut [(f64, f64)], pinned: Option<usize>) {
    let n = bodies.len();
    let padded = |i: usize, (x, y): (f64, f64)| bodies[i].at(x, y).grown(GAP / 2.0);
    let mut boxes = Boxes::default();
    for (i, &position) in positions.iter().enumerate() {
        boxes.push(padded(i, position));
    }
    for _ in 0..PASSES {
        let mut moved = false;
        for i in 0..n {
            let mut j = i + 1;
            // Each next box (by index) that meets the box of `i`, as it is now.
            while let Some(next) = boxes.next_meeting(&boxes.get(i), j) {
                moved = true;
                push_apart(
                    (&boxes.get(i), &boxes.get(next)),
                    positions,
                    pinned,
                    (i, next),
                );
                boxes.set(i, padded(i, positions[i]));
                boxes.set(next, padded(next, positions[next]));
                j = next + 1;
            }
        }
        if !moved {
            break;
        }
    }
}

/// Moves nodes `i` and `j`, whose boxes overlap, apart along the axis where they
/// overlap least: half each, or all of it for the one not pinned.
fn push_apart(
    (box_i, box_j): (&Rect, &Rect),
    positions: &mut [(f64, f64)],
    pinned: Option<usize>,
    (i, j): (usize, usize),
) {
    let overlap_x = box_i.x1.min(box_j.x1) - box_i.x0.max(box_j.x0);
    let overlap_y = box_i.y1.min(box_j.y1) - box_i.y0.max(box_j.y0);
    let (share_i, share_j) = match pinned {
        Some(p) if p == i => (0.0, 1.0),
        Some(p) if p == j => (1.0, 0.0),
        _ => (0.5, 0.5),
    };
    if overlap_x * 0.6 < overlap_y {
        let sign = if positions[i].0 <= positions[j].0 {
            -1.0
        } else {
            1.0
        };
        let push = overlap_x + 0.5;
        positions[i].0 += sign * push * share_i;
        positions[j].0 -= sign * push * share_j;
    } else {
        let sign = if positions[i].1 <= positions[j].1 {
            -1.0
        } else {
            1.0
        };
        let push = overlap_y + 0.5;
        positions[i].1 += sign * push * share_i;
        positions[j].1 -= sign * push * share_j;
    }
}

/// Boxes stored one array per side, so that one box is tested against many without a
/// branch per box.
#[derive(Default)]
struct Boxes {
    x0: Vec<f64>,
    y0: Vec<f64>,
    x1: Vec<f64>,
    y1: Vec<f64>,
}

impl Boxes {
    fn push(&mut self, rect: Rect) {
        self.x0.push(rect.x0);
        self.y0.push(rect.y0);
        self.x1.push(rect.x1);
        self.y1.push(rect.y1);
    }

    fn get(&self, i: usize) -> Rect {
        Rect {
            x0: self.x0[i],
            y0: self.y0[i],
            x1: self.x1[i],
            y1: self.y1[i],
        }
    }

    fn set(&mut self, i: usize, rect: Rect) {
        self.x0[i] = rect.x0;
        self.y0[i] = rect.y0;
        self.x1[i] = rect.x1;
        self.y1[i] = rect.y1;
    }

    /// The first box at index `from` or after that shares area with `target`.
    fn next_meeting(&self, target: &Rect, from: usize) -> Option<usize> {
        const CHUNK: usize = 8;
        let mut start = from;
        while start < self.x0.len() {
            let end = (start + CHUNK).min(self.x0.len());
            // Every box of the chunk, without branches; then the first one, if any.
            let sides = self.x0[start..end]
                .iter()
                .zip(&self.y0[start..end])
                .zip(self.x1[start..end].iter().zip(&self.y1[start..end]));
            let mut any = false;
            for ((&x0, &y0), (&x1, &y1)) in sides {
                // `&`, not `&&`: no branch per comparison, so that the loop vectorizes.
                #[allow(clippy::needless_bitwise_bool)]
                let meets =
                    (x0 < target.x1) & (target.x0 < x1) & (y0 < target.y1) & (target.y0 < y1);
                any |= meets;
            }
            if any {
                return (start..end).find(|&k| self.get(k).intersects(target));
            }
            start = end;
        }
        None
    }
}

#[cfg(test)]
#[allow(clippy::cast_precision_loss)]
mod tests {
    use super::*;
    use crate::pictures::geometry::SplitMix;

    /// The plain double loop over the pairs, which [`remove_overlaps`] must match.
    fn remove_overlaps_pair_by_pair(
        bodies: &[Body],
        positions: &mut [(f64, f64)],
        pinned: Option<usize>,
    ) {
        let n = bodies.len();
        let padded = |i: usize, (x, y): (f64, f64)| bodies[i].at(x, y).grown(GAP / 2.0);
        for _ in 0..PASSES {
            let mut moved = false;
            for i in 0..n {
                for j in i + 1..n {
                    let boxes: Vec<Rect> = (0..n).map(|k| padded(k, positions[k])).collect();
                    if boxes[i].intersects(&boxes[j]) {
                        moved = true;
                        push_apart((&boxes[i], &boxes[j]), positions, pinned, (i, j));
                    }
                }
            }
            if !moved {
                break;
            }
        }
    }

    #[test]
    fn the_pairs_moved_are_those_of_the_double_loop() {
        let mut random = SplitMix::new(3);
        for (n, spread) in [
            (2, 10.0),
            (12, 50.0),
            (40, 200.0),
            (90, 300.0),
            (90, 3000.0),
        ] {
            let bodies: Vec<Body> = (0..n)
                .map(|_| Body {
                    half_width: 5.0 + random.unit() * 60.0,
                    above: 5.0 + random.unit() * 5.0,
                    below: 5.0 + random.unit() * 25.0,
                })
                .collect();
            let start: Vec<(f64, f64)> = (0..n)
                .map(|_| (random.unit() * spread, random.unit() * spread * 0.6))
                .collect();
            for pinned in [None, Some(0), Some(n / 2)] {
                let mut fast = start.clone();
                let mut plain = start.clone();
                remove_overlaps(&bodies, &mut fast, pinned);
                remove_overlaps_pair_by_pair(&bodies, &mut plain, pinned);
                assert_eq!(fast, plain, "{n} boxes over {spread} px");
            }
        }
    }
}
