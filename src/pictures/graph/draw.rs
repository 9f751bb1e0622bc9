//! Writes the placed graph as SVG: legend and notes on top, then the lines, their
//! labels and the nodes, every text escaped, every link from [`Links`].

use std::fmt::Write as _;

use crate::model::{ActorKind, Dossier, Language};
use crate::pictures::geometry::{Anchor, Rect, text_box, text_width};
use crate::pictures::svg::{PathData, Svg, Value};
use crate::pictures::words::{self, count, words};
use crate::pictures::{Frame, Links};

use super::network::{Edge, Network, Reading};
use super::{Label, Scene};

/// Space around the picture.
const MARGIN: f64 = 12.0;
/// Font size of the legend and notes.
const LEGEND_SIZE: f64 = 11.0;
/// Height of a legend row.
const ROW: f64 = 20.0;

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

/// Writes a node's shape: circle for a person, square for an organisation, diamond
/// for a state, triangle for a group, rounded box for a medium, hexagon for a place,
/// ring for anything else.
pub fn shape(svg: &mut Svg, kind: ActorKind, x: f64, y: f64, r: f64) {
    let class = format!("shape kind-{}", kind.word());
    let polygon = |svg: &mut Svg, points: &[(f64, f64)]| {
        let points: Vec<String> = points
            .iter()
            .map(|(px, py)| {
                format!(
                    "{},{}",
                    crate::pictures::svg::num(x + px * r),
                    crate::pictures::svg::num(y + py * r)
                )
            })
            .collect();
        svg.empty(
            "polygon",
            &[
                ("class", Value::Text(&class)),
                ("points", Value::Text(&points.join(" "))),
            ],
        );
    };
    match kind {
        ActorKind::Person | ActorKind::Other => {
            svg.empty(
                "circle",
                &[
                    ("class", (&class).into()),
                    ("cx", x.into()),
                    ("cy", y.into()),
                    ("r", r.into()),
                ],
            );
        }
        ActorKind::Organization => {
            let side = r * 1.75;
            let at = (x - side / 2.0, y - side / 2.0);
            svg.empty(
                "rect",
                &[
                    ("class", (&class).into()),
                    ("x", at.0.into()),
                    ("y", at.1.into()),
                    ("width", side.into()),
                    ("height", side.into()),
                ],
            );
        }
        ActorKind::Media => {
            let (wide, tall) = (r * 2.3, r * 1.6);
            svg.empty(
                "rect",
                &[
                    ("class", (&class).into()),
                    ("x", (x - wide / 2.0).into()),
                    ("y", (y - tall / 2.0).into()),
                    ("width", wide.into()),
                    ("height", tall.into()),
                    ("rx", (r * 0.4).into()),
                ],
            );
        }
        ActorKind::State => polygon(svg, &[(0.0, -1.2), (1.2, 0.0), (0.0, 1.2), (-1.2, 0.0)]),
        ActorKind::Group => polygon(svg, &[(0.0, -1.2), (1.1, 0.85), (-1.1, 0.85)]),
        ActorKind::Place => polygon(
            svg,
            &[
                (0.0, -1.15),
                (1.0, -0.58),
                (1.0, 0.58),
                (0.0, 1.15),
                (-1.0, 0.58),
                (-1.0, -0.58),
            ],
        ),
    }
}

/// The hover text of a line: each relation it stands for, with its dates.
fn edge_tooltip(dossier: &Dossier, edge: &Edge, language: Language) -> String {
    let w = words(language);
    edge.relations
        .iter()
        .map(|&(from, index)| {
            let relation = &dossier.actors[from].relations[index];
            let mut text = format!(
                "{} — {} → {}",
                dossier.actors[from].name,
                relation.kind.trim(),
                dossier.actors[relation.to].name
            );
            if let Some(since) = relation.since {
                let _ = write!(text, " ({} {}", w.since, since.human(language));
                text.push_str(&relation.until.map_or(String::from(")"), |u| {
                    format!(", {} {})", w.until, u.human(language))
                }));
            } else if let Some(until) = relation.until {
                let _ = write!(text, " ({} {})", w.until, until.human(language));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("\n")
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

/// One entry of the legend: a sample and its words.
enum Sample {
    Kind(ActorKind),
    Line { class: &'static str, arrow: bool },
}

/// Writes the legend rows and notes from `top`, wrapping at `width`; returns the
/// height used.
fn legend(
    svg: &mut Svg,
    network: &Network,
    dossier: &Dossier,
    frame: &Frame<'_>,
    width: f64,
) -> f64 {
    let w = words(frame.language);
    let mut samples: Vec<(Sample, String)> = ActorKind::ORDER
        .iter()
        .filter(|k| {
            network
                .nodes
                .iter()
                .any(|n| dossier.actors[n.actor].kind == **k)
        })
        .map(|&k| (Sample::Kind(k), words::kind(k, frame.language).to_string()))
        .collect();
    let readings = |r: Reading| network.edges.iter().any(|e| e.reading == r);
    if readings(Reading::Forward) || readings(Reading::Both) {
        samples.push((
            Sample::Line {
                class: "edge-line",
                arrow: true,
            },
            w.directed.to_string(),
        ));
    }
    if readings(Reading::Mutual) {
        samples.push((
            Sample::Line {
                class: "edge-line",
                arrow: false,
            },
            w.mutual.to_string(),
        ));
    }
    if network.edges.iter().any(|e| e.ended) {
        samples.push((
            Sample::Line {
                class: "edge-line ended",
                arrow: false,
            },
            w.ended.to_string(),
        ));
    }
    let prefix = frame.prefix();
    svg.open("g", &[("class", "legend".into())]);
    let (mut x, mut y) = (MARGIN, MARGIN + ROW / 2.0);
    for (sample, text) in &samples {
        let item = 26.0 + text_width(text, LEGEND_SIZE) + 14.0;
        if x > MARGIN && x + item > width - MARGIN {
            x = MARGIN;
            y += ROW;
        }
        match sample {
            Sample::Kind(kind) => shape(svg, *kind, x + 8.0, y, 6.0),
            Sample::Line { class, arrow } => {
                let d = PathData::default()
                    .move_to(x, y)
                    .line_to(x + 20.0, y)
                    .build();
                let marker = format!("url(#{prefix}-arrow)");
                let mut attributes: Vec<(&str, Value<'_>)> =
                    vec![("class", (*class).into()), ("d", (&d).into())];
                if *arrow {
                    attributes.push(("marker-end", (&marker).into()));
                }
                svg.empty("path", &attributes);
            }
        }
        let baseline = y + LEGEND_SIZE * 0.35;
        svg.text(
            "text",
            &[
                ("x", (x + 26.0).into()),
                ("y", baseline.into()),
                ("font-size", LEGEND_SIZE.into()),
            ],
            text,
        );
        x += item;
    }
    let mut notes = Vec::new();
    if network.candidates > network.nodes.len() {
        let shown = network.nodes.len().to_string();
        notes.push(
            w.capped
                .replace("{shown}", &shown)
                .replace("{total}", &network.candidates.to_string()),
        );
    }
    let named = network.nodes.iter().filter(|n| n.labelled).count();
    if named < network.nodes.len() {
        notes.push(w.named.replace("{named}", &named.to_string()));
    }
    for note in &notes {
        y += ROW;
        let baseline = y + LEGEND_SIZE * 0.35;
        svg.text(
            "text",
            &[
                ("class", "note".into()),
                ("x", MARGIN.into()),
                ("y", baseline.into()),
                ("font-size", LEGEND_SIZE.into()),
            ],
            note,
        );
    }
    svg.close();
    y + ROW / 2.0 + 4.0
}

/// The height the legend will take at `width` (drawn into a scratch writer).
fn legend_height(network: &Network, dossier: &Dossier, frame: &Frame<'_>, width: f64) -> f64 {
    legend(&mut Svg::new(), network, dossier, frame, width)
}

/// Writes the whole picture.
pub fn draw(
    dossier: &Dossier,
    network: &Network,
    mut scene: Scene,
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let w = words(frame.language);
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
    let mut svg = Svg::new();
    let view_box = format!("0 0 {width} {height}");
    let labelled_by = format!("{prefix}-title {prefix}-desc");
    svg.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("class", "pic pic-graph".into()),
            ("viewBox", (&view_box).into()),
            ("width", width.into()),
            ("height", height.into()),
            ("role", "img".into()),
            ("aria-labelledby", (&labelled_by).into()),
        ],
    );
    svg.text(
        "title",
        &[("id", (&format!("{prefix}-title")).into())],
        &title,
    );
    svg.text("desc", &[("id", (&format!("{prefix}-desc")).into())], &desc);
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
        svg.text("title", &[], &edge_tooltip(dossier, edge, frame.language));
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
            svg.text("title", &[], &edge_tooltip(dossier, edge, frame.language));
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
                words::kind(actor.kind, frame.language)
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
