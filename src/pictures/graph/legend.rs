//! The legend of the graph (a sample of each kind of node and line, with its name,
//! and the notes on what was left out) and the shapes of the nodes.

use crate::labels;
use crate::model::{ActorKind, Dossier};
use crate::pictures::Frame;
use crate::pictures::geometry::{text_width, wrap};
use crate::pictures::svg::{PathData, Svg, Value, push_num};

use super::network::Network;

/// Space around the picture.
pub const MARGIN: f64 = 12.0;
/// Font size of the legend and notes.
const LEGEND_SIZE: f64 = 11.0;
/// Height of a legend row.
const ROW: f64 = 20.0;

/// Writes a node's shape: circle for a person, square for an organisation, diamond
/// for a state, triangle for a group, rounded box for a medium, hexagon for a place,
/// ring for anything else.
pub fn shape(svg: &mut Svg, kind: ActorKind, x: f64, y: f64, r: f64) {
    let class = format!("shape kind-{}", kind.word());
    let polygon = |svg: &mut Svg, points: &[(f64, f64)]| {
        let mut list = String::new();
        for (k, (px, py)) in points.iter().enumerate() {
            if k > 0 {
                list.push(' ');
            }
            push_num(&mut list, x + px * r);
            list.push(',');
            push_num(&mut list, y + py * r);
        }
        svg.empty(
            "polygon",
            &[
                ("class", Value::Text(&class)),
                ("points", Value::Text(&list)),
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

/// One entry of the legend: a sample and its words.
enum Sample {
    Kind(ActorKind),
    Line { class: &'static str },
    Arrow,
}

/// Writes the legend rows and notes from `top`, wrapping at `width`; returns the
/// height used.
pub fn legend(
    svg: &mut Svg,
    network: &Network,
    dossier: &Dossier,
    frame: &Frame<'_>,
    width: f64,
) -> f64 {
    svg.open("g", &[("class", "legend".into())]);
    let (mut x, mut y) = (MARGIN, MARGIN + ROW / 2.0);
    for (sample, text) in &samples(network, dossier, frame) {
        let item = 26.0 + text_width(text, LEGEND_SIZE) + 14.0;
        if x > MARGIN && x + item > width - MARGIN {
            x = MARGIN;
            y += ROW;
        }
        draw_sample(svg, sample, x, y);
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
    for note in &notes(network, frame, width) {
        y += ROW * 0.8;
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

/// What the legend explains, with its words: the kinds of the actors drawn, the
/// arrow, and the line of an ended relation when one is drawn.
fn samples(network: &Network, dossier: &Dossier, frame: &Frame<'_>) -> Vec<(Sample, String)> {
    let w = labels::pictures(frame.language);
    let mut samples: Vec<(Sample, String)> = ActorKind::ORDER
        .iter()
        .filter(|k| {
            network
                .nodes
                .iter()
                .any(|n| dossier.actors[n.actor].kind == **k)
        })
        .map(|&k| {
            (
                Sample::Kind(k),
                labels::actor_kind(k, frame.language).to_string(),
            )
        })
        .collect();
    samples.push((Sample::Arrow, w.directed.to_string()));
    if network.edges.iter().any(|e| e.ended) {
        samples.push((
            Sample::Line {
                class: "edge-line ended",
            },
            w.ended.to_string(),
        ));
    }
    samples
}

/// Draws the sample of one legend row at (`x`, `y`).
fn draw_sample(svg: &mut Svg, sample: &Sample, x: f64, y: f64) {
    match sample {
        Sample::Kind(kind) => shape(svg, *kind, x + 8.0, y, 6.0),
        Sample::Line { class } => {
            let d = PathData::default()
                .move_to(x, y)
                .line_to(x + 20.0, y)
                .build();
            svg.empty("path", &[("class", (*class).into()), ("d", (&d).into())]);
        }
        Sample::Arrow => svg.text(
            "text",
            &[
                ("class", "edge-label".into()),
                ("x", (x + 10.0).into()),
                ("y", (y + LEGEND_SIZE * 0.35).into()),
                ("font-size", LEGEND_SIZE.into()),
                ("text-anchor", "middle".into()),
            ],
            "→",
        ),
    }
}

/// The lines of the notes under the legend, wrapped at `width`: how many actors are
/// drawn of how many, when not all are.
fn notes(network: &Network, frame: &Frame<'_>, width: f64) -> Vec<String> {
    let w = labels::pictures(frame.language);
    let mut notes = Vec::new();
    if network.candidates > network.nodes.len() {
        let shown = network.nodes.len().to_string();
        notes.push(
            w.capped
                .replace("{shown}", &shown)
                .replace("{total}", &network.candidates.to_string()),
        );
    }
    notes
        .iter()
        .flat_map(|note| wrap(note, width - 2.0 * MARGIN, LEGEND_SIZE))
        .collect()
}

/// The height the legend will take at `width` (drawn into a scratch writer).
pub fn legend_height(network: &Network, dossier: &Dossier, frame: &Frame<'_>, width: f64) -> f64 {
    legend(&mut Svg::new(), network, dossier, frame, width)
}
