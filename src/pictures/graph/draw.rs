//! Writes the placed graph as SVG: legend and notes on top, then the lines, their
//! labels and the nodes, every text escaped, every link from [`Links`].
use crate::labels::{self, count_of as count};
use crate::model::{Date, Dossier, Language};
use crate::pictures::geometry::{Anchor, Rect, text_box};
use crate::pictures::svg::{Escaped, PathData, Svg, Value};
use crate::pictures::{Frame, Links};

use super::legend::{MARGIN, legend, legend_height, shape};
use super::network::{Edge, Network, Reading};
use super::{Label, Scene};

/// A line between two centres, straight or bent by `bend` pixels at its middle.
pub struct Curve {
    from: (f64, f64),
    control: (f64, f64),
    to: (f64, f64),
}

impl Curve {
    /// The curve from `from` to `to`, its middle moved `bend` pixels to the left of
    /// the direction of travel.
    pub fn new(from: (f64, f64), to: (f64, f64), bend: f64) -> Self {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let length = (dx * dx + dy * dy).sqrt().max(0.001);
        let (nx, ny) = (dy / length, -dx / length);
        let mid = (f64::midpoint(from.0, to.0), f64::midpoint(from.1, to.1));
        Self {
            from,
            control: (mid.0 + nx * bend * 2.0, mid.1 + ny * bend * 2.0),
            to,
        }
    }

    /// The point at `t` (0 at the start, 1 at the end).
    pub fn point(&self, t: f64) -> (f64, f64) {
        let u = 1.0 - t;
        (
            u * u * self.from.0 + 2.0 * u * t * self.control.0 + t * t * self.to.0,
            u * u * self.from.1 + 2.0 * u * t * self.control.1 + t * t * self.to.1,
        )
    }

    /// The path, cut `start` pixels after its start and `end` pixels before its end
    /// (outside the shapes, so that arrowheads show).
    fn path(&self, start: f64, end: f64) -> String {
        let toward = |p: (f64, f64), q: (f64, f64), by: f64| {
            let (dx, dy) = (q.0 - p.0, q.1 - p.1);
            let length = (dx * dx + dy * dy).sqrt().max(0.001);
            (p.0 + dx / length * by, p.1 + dy / length * by)
        };
        let a = toward(self.from, self.control, start);
        let b = toward(self.to, self.control, end);
        PathData::default()
            .move_to(a.0, a.1)
            .quad_to(self.control.0, self.control.1, b.0, b.1)
            .build()
    }
}

/// Writes the hover text of a line: each relation it stands for, with its dates.
fn write_edge_tooltip(out: &mut Escaped<'_>, dossier: &Dossier, edge: &Edge, language: Language) {
    let w = labels::pictures(language);
    for (k, &(from, index)) in edge.relations.iter().enumerate() {
        let relation = &dossier.actors[from].relations[index];
        if k > 0 {
            out.push("\n");
        }
        out.push(&dossier.actors[from].name);
        out.push(" — ");
        out.push(relation.kind.trim());
        out.push(" → ");
        out.push(&dossier.actors[relation.to].name);
        let dated = |out: &mut Escaped<'_>, word: &str, date: Date| {
            out.push(word);
            out.push(" ");
            out.push(&date.human(language));
        };
        match (relation.since, relation.until) {
            (Some(since), until) => {
                out.push(" (");
                dated(out, w.since, since);
                if let Some(until) = until {
                    out.push(", ");
                    dated(out, w.until, until);
                }
                out.push(")");
            }
            (None, Some(until)) => {
                out.push(" (");
                dated(out, w.until, until);
                out.push(")");
            }
            (None, None) => {}
        }
    }
}

/// The boxes of everything placed, to size the picture.
fn bounds(network: &Network, scene: &Scene) -> Rect {
    let mut all = Rect {
        x0: f64::MAX,
        y0: f64::MAX,
        x1: f64::MIN,
        y1: f64::MIN,
    };
    for (&(x, y), &r) in scene.positions.iter().zip(&scene.radii) {
        all = all.union(&Rect::centered(x, y, r * 2.4, r * 2.4));
    }
    for label in scene.names.iter().chain(&scene.edge_labels).flatten() {
        all = all.union(&label.rect());
    }
    for edge in &network.edges {
        let curve = Curve::new(scene.positions[edge.a], scene.positions[edge.b], edge.bend);
        let (x, y) = curve.point(0.5);
        all = all.union(&Rect::centered(x, y, 2.0, 2.0));
    }
    all
}

/// Writes the whole picture.
#[allow(clippy::too_many_lines)] // being rewritten with the pictures
pub fn draw(
    dossier: &Dossier,
    network: &Network,
    mut scene: Scene,
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let w = labels::pictures(frame.language);
    let prefix = frame.prefix();
    let area = bounds(network, &scene);
    let width = (area.width() + 2.0 * MARGIN)
        .max(frame.medium.width().min(480.0))
        .ceil();
    let top = legend_height(network, dossier, frame, width);
    let height = (top + area.height() + 2.0 * MARGIN).ceil();
    // Move everything so that the drawing starts under the legend.
    let (dx, dy) = (
        MARGIN - area.x0 + (width - 2.0 * MARGIN - area.width()) / 2.0,
        top + MARGIN - area.y0,
    );
    for p in &mut scene.positions {
        *p = (p.0 + dx, p.1 + dy);
    }
    for label in scene
        .names
        .iter_mut()
        .chain(scene.edge_labels.iter_mut())
        .flatten()
    {
        label.x += dx;
        label.y += dy;
    }

    let title = match network.nodes.iter().find(|n| n.focus) {
        Some(node) => format!("{} {}", w.graph_of, dossier.actors[node.actor].name),
        None => w.graph_title.to_string(),
    };
    let relations: usize = network.edges.iter().map(|e| e.relations.len()).sum();
    let desc = format!(
        "{}, {}.",
        count(
            network.nodes.len(),
            w.actors.trim_end_matches('s'),
            w.actors
        ),
        count(relations, w.relations.trim_end_matches('s'), w.relations)
    );
    let mut svg = Svg::picture("pic-graph", (width, height), &prefix, &title, &desc);
    svg.open("defs", &[]);
    for (suffix, class) in [("arrow", "arrowhead"), ("arrow-faint", "arrowhead faint")] {
        svg.open(
            "marker",
            &[
                ("id", (&format!("{prefix}-{suffix}")).into()),
                ("viewBox", "0 0 10 10".into()),
                ("refX", 9.0.into()),
                ("refY", 5.0.into()),
                ("markerWidth", 8.0.into()),
                ("markerHeight", 8.0.into()),
                ("markerUnits", "userSpaceOnUse".into()),
                ("orient", "auto-start-reverse".into()),
            ],
        );
        svg.empty(
            "path",
            &[("class", class.into()), ("d", "M0 1L10 5L0 9Z".into())],
        );
        svg.close();
    }
    svg.close();
    legend(&mut svg, network, dossier, frame, width);

    let faint = |edge: &Edge| {
        edge.context || !(network.nodes[edge.a].labelled && network.nodes[edge.b].labelled)
    };
    svg.open("g", &[("class", "edges".into())]);
    for edge in &network.edges {
        let curve = Curve::new(scene.positions[edge.a], scene.positions[edge.b], edge.bend);
        let start = scene.radii[edge.a] * 1.2
            + if edge.reading == Reading::Forward {
                2.0
            } else {
                4.0
            };
        let d = curve.path(start, scene.radii[edge.b] * 1.2 + 4.0);
        let mut class = String::from("edge");
        for (on, word) in [(edge.ended, " ended"), (faint(edge), " faint")] {
            if on {
                class.push_str(word);
            }
        }
        let href = edge.citation.as_ref().map(|c| (links.citation)(c));
        open_link(&mut svg, href.as_deref(), &class);
        svg.text_with("title", &[], |text| {
            write_edge_tooltip(text, dossier, edge, frame.language);
        });
        svg.empty("path", &[("class", "edge-hit".into()), ("d", (&d).into())]);
        let marker = format!(
            "url(#{prefix}-{})",
            if faint(edge) { "arrow-faint" } else { "arrow" }
        );
        let mut attributes: Vec<(&str, Value<'_>)> =
            vec![("class", "edge-line".into()), ("d", (&d).into())];
        if edge.reading != Reading::Mutual {
            attributes.push(("marker-end", (&marker).into()));
        }
        if edge.reading == Reading::Both {
            attributes.push(("marker-start", (&marker).into()));
        }
        svg.empty("path", &attributes);
        svg.close();
    }
    svg.close();

    svg.open("g", &[("class", "edge-labels".into())]);
    for (edge, label) in network.edges.iter().zip(&scene.edge_labels) {
        if let Some(label) = label {
            let href = edge.citation.as_ref().map(|c| (links.citation)(c));
            open_link(
                &mut svg,
                href.as_deref(),
                if faint(edge) { "edge faint" } else { "edge" },
            );
            svg.text_with("title", &[], |text| {
                write_edge_tooltip(text, dossier, edge, frame.language);
            });
            write_label(&mut svg, "edge-label", label);
            svg.close();
        }
    }
    svg.close();

    svg.open("g", &[("class", "nodes".into())]);
    for (i, node) in network.nodes.iter().enumerate() {
        let actor = &dossier.actors[node.actor];
        let mut class = format!("node kind-{}", actor.kind.word());
        if node.focus {
            class.push_str(" focus");
        }
        if !node.labelled || scene.names[i].is_none() {
            class.push_str(" faint");
        }
        let href = (links.actor)(node.actor);
        open_link(&mut svg, Some(&href), &class);
        svg.text(
            "title",
            &[],
            &format!(
                "{} ({})",
                actor.name,
                labels::actor_kind(actor.kind, frame.language)
            ),
        );
        let (x, y) = scene.positions[i];
        shape(&mut svg, actor.kind, x, y, scene.radii[i]);
        if let Some(label) = &scene.names[i] {
            write_label(&mut svg, "node-label", label);
        }
        svg.close();
    }
    svg.finish()
}

/// Opens `<a href>` (or a plain group when there is no address).
fn open_link(svg: &mut Svg, href: Option<&str>, class: &str) {
    match href {
        Some(href) => svg.open("a", &[("href", href.into()), ("class", class.into())]),
        None => svg.open("g", &[("class", class.into())]),
    }
}

/// Writes a centred text.
fn write_label(svg: &mut Svg, class: &str, label: &Label) {
    debug_assert!(
        text_box(&label.text, label.size, label.x, label.y, Anchor::Middle).width() > 0.0
            || label.text.is_empty()
    );
    svg.text(
        "text",
        &[
            ("class", class.into()),
            ("x", label.x.into()),
            ("y", label.y.into()),
            ("font-size", label.size.into()),
            ("text-anchor", "middle".into()),
        ],
        &label.text,
    );
}
