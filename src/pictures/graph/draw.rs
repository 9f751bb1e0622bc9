//! Writes the placed graph as SVG: legend and notes on top, then the lines, their
//! labels and the nodes, every text escaped, every link from [`Links`].
use crate::labels::{self, count_of as count};
use crate::model::{Date, Dossier, Language};
use crate::pictures::geometry::Rect;
use crate::pictures::svg::{Escaped, PathData, Svg};
use crate::pictures::{Frame, Links};

use super::Scene;
use super::captions::Label;
use super::legend::{MARGIN, legend, legend_height, shape};
use super::network::{Edge, Network};

/// The path of the straight line from `from` to `to`, cut `start` pixels after its
/// start and `end` pixels before its end (outside the shapes).
fn line_path(from: (f64, f64), to: (f64, f64), start: f64, end: f64) -> String {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / length, dy / length);
    PathData::default()
        .move_to(from.0 + ux * start, from.1 + uy * start)
        .line_to(to.0 - ux * end, to.1 - uy * end)
        .build()
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
fn bounds(scene: &Scene) -> Rect {
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
    all
}

/// Moves everything placed so that the drawing fits under a legend of `legend`
/// pixels; returns the picture's width and height.
fn fit(network: &Network, scene: &mut Scene, frame: &Frame<'_>, dossier: &Dossier) -> (f64, f64) {
    let area = bounds(scene);
    let width = (area.width() + 2.0 * MARGIN)
        .max(frame.medium.width().min(480.0))
        .ceil();
    let top = legend_height(network, dossier, frame, width);
    let height = (top + area.height() + 2.0 * MARGIN).ceil();
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
        label.shift(dx, dy);
    }
    (width, height)
}

/// Writes the whole picture.
pub fn draw(
    dossier: &Dossier,
    network: &Network,
    mut scene: Scene,
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let w = labels::pictures(frame.language);
    let (width, height) = fit(network, &mut scene, frame, dossier);
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
    let mut svg = Svg::picture("pic-graph", (width, height), &frame.prefix(), &title, &desc);
    legend(&mut svg, network, dossier, frame, width);
    write_edges(&mut svg, dossier, network, &scene, links, frame);
    write_edge_labels(&mut svg, dossier, network, &scene, links, frame);
    write_nodes(&mut svg, dossier, network, &scene, links, frame);
    svg.finish()
}

/// Whether a line is drawn faint: between two neighbours of the focus, or to an
/// actor without a name.
fn faint(network: &Network, edge: &Edge) -> bool {
    edge.context || !(network.nodes[edge.a].labelled && network.nodes[edge.b].labelled)
}

/// The classes of a line's link.
fn edge_class(network: &Network, edge: &Edge) -> String {
    let mut class = String::from("edge");
    for (on, word) in [(edge.ended, " ended"), (faint(network, edge), " faint")] {
        if on {
            class.push_str(word);
        }
    }
    class
}

/// Writes every line, each a link to its first citation.
fn write_edges(
    svg: &mut Svg,
    dossier: &Dossier,
    network: &Network,
    scene: &Scene,
    links: &Links<'_>,
    frame: &Frame<'_>,
) {
    svg.open("g", &[("class", "edges".into())]);
    for edge in &network.edges {
        let d = line_path(
            scene.positions[edge.a],
            scene.positions[edge.b],
            scene.radii[edge.a] * 1.2 + 2.0,
            scene.radii[edge.b] * 1.2 + 2.0,
        );
        let href = edge.citation.as_ref().map(|c| (links.citation)(c));
        open_link(svg, href.as_deref(), &edge_class(network, edge));
        svg.text_with("title", &[], |text| {
            write_edge_tooltip(text, dossier, edge, frame.language);
        });
        svg.empty("path", &[("class", "edge-hit".into()), ("d", (&d).into())]);
        svg.empty("path", &[("class", "edge-line".into()), ("d", (&d).into())]);
        svg.close();
    }
    svg.close();
}

/// Writes the labels of the lines, on a background that hides the lines under them,
/// after every line so that none crosses a label.
fn write_edge_labels(
    svg: &mut Svg,
    dossier: &Dossier,
    network: &Network,
    scene: &Scene,
    links: &Links<'_>,
    frame: &Frame<'_>,
) {
    svg.open("g", &[("class", "edge-labels".into())]);
    for (edge, label) in network.edges.iter().zip(&scene.edge_labels) {
        let Some(label) = label else { continue };
        let href = edge.citation.as_ref().map(|c| (links.citation)(c));
        open_link(svg, href.as_deref(), &edge_class(network, edge));
        svg.text_with("title", &[], |text| {
            write_edge_tooltip(text, dossier, edge, frame.language);
        });
        write_background(svg, "label-bg", label);
        write_label(svg, "edge-label", label);
        svg.close();
    }
    svg.close();
}

/// Writes every node: its shape and name, a link to its profile.
fn write_nodes(
    svg: &mut Svg,
    dossier: &Dossier,
    network: &Network,
    scene: &Scene,
    links: &Links<'_>,
    frame: &Frame<'_>,
) {
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
        open_link(svg, Some(&href), &class);
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
        shape(svg, actor.kind, x, y, scene.radii[i]);
        if let Some(label) = &scene.names[i] {
            write_background(svg, "name-bg", label);
            write_label(svg, "node-label", label);
        }
        svg.close();
    }
    svg.close();
}

/// Opens `<a href>` (or a plain group when there is no address).
fn open_link(svg: &mut Svg, href: Option<&str>, class: &str) {
    match href {
        Some(href) => svg.open("a", &[("href", href.into()), ("class", class.into())]),
        None => svg.open("g", &[("class", class.into())]),
    }
}

/// Writes the background of a label, which hides the lines under it.
fn write_background(svg: &mut Svg, class: &str, label: &Label) {
    let back = label.rect().grown(1.5);
    svg.empty(
        "rect",
        &[
            ("class", class.into()),
            ("x", back.x0.into()),
            ("y", back.y0.into()),
            ("width", back.width().into()),
            ("height", back.height().into()),
            ("rx", 3.0.into()),
        ],
    );
}

/// Writes a label, one centred `<text>` per line.
fn write_label(svg: &mut Svg, class: &str, label: &Label) {
    for (k, line) in label.lines.iter().enumerate() {
        svg.text(
            "text",
            &[
                ("class", class.into()),
                ("x", label.x.into()),
                ("y", label.baseline(k).into()),
                ("font-size", label.size.into()),
                ("text-anchor", "middle".into()),
            ],
            line,
        );
    }
}
