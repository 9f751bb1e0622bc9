//! Writes the timeline as SVG: legend, lanes (name, bars, dots, clusters, and the
//! titles of single events when few enough to be read), grid and axis.

use crate::labels::{self, count_of as count};
use crate::model::{Dossier, Language};
use crate::pictures::geometry::{Anchor, Rect, text_width};
use crate::pictures::svg::{PathData, Svg, Value};
use crate::pictures::{Frame, Links, Medium};

use super::Lane;
use super::axis::{Axis, TICK_SIZE};
use super::marks::count_label;
use super::texts::{
    NAME_SIZE, TITLE_ROW, TITLE_ROWS, TITLE_SIZE, lane_name, legend, place_title, write_tooltip,
};

/// Space around the picture.
pub const MARGIN: f64 = 12.0;
/// Up to this many events, single events get their title written.
const TITLED_EVENTS: usize = 60;
/// Height of a bar row.
const BAR_ROW: f64 = 10.0;
/// Height of the dot row.
const DOT_ROW: f64 = 26.0;

/// Width of the column of lane names.
pub fn gutter(medium: Medium) -> f64 {
    match medium {
        Medium::Screen => 170.0,
        Medium::Print => 130.0,
    }
}

/// Opens the link of a mark standing for `events`, with its tooltip.
fn open_mark(
    svg: &mut Svg,
    dossier: &Dossier,
    events: &[usize],
    class: &str,
    links: &Links<'_>,
    language: Language,
) {
    let href = events
        .first()
        .map(|&e| (links.event)(e))
        .unwrap_or_default();
    svg.open("a", &[("href", (&href).into()), ("class", class.into())]);
    svg.text_with("title", &[], |text| {
        write_tooltip(text, dossier, events, language);
    });
}

/// Writes the whole picture.
#[allow(clippy::too_many_lines)] // being rewritten with the pictures
pub fn draw(
    dossier: &Dossier,
    lanes: &[Lane],
    axis: &Axis,
    years: (u16, u16),
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let w = labels::pictures(frame.language);
    let language = frame.language;
    let prefix = frame.prefix();
    let width = frame.medium.width();
    let gutter = gutter(frame.medium);
    let titled = lanes[0].events.len() <= TITLED_EVENTS;
    let fuzzy = format!("url(#{prefix}-fuzzy)");

    let legend_y = MARGIN + 8.0;
    let lanes_top = legend_y + 18.0;
    let heights: Vec<f64> = lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| {
            #[allow(clippy::cast_precision_loss)]
            let bars = lane.marks.bar_rows as f64 * BAR_ROW;
            #[allow(clippy::cast_precision_loss)]
            let title_rows = if i == 0 && titled {
                TITLE_ROWS as f64 * TITLE_ROW
            } else {
                0.0
            };
            8.0 + bars + DOT_ROW + title_rows + 6.0
        })
        .collect();
    let axis_y = lanes_top + heights.iter().sum::<f64>();
    let height = (axis_y + 18.0 + MARGIN).ceil();

    let title = w.timeline_title;
    let event_count = lanes[0].events.len();
    let desc = format!(
        "{}, {} – {}.",
        count(event_count, w.event, w.events),
        lanes[0]
            .events
            .first()
            .map(|&e| dossier.events[e].date.human(language))
            .unwrap_or_default(),
        lanes[0]
            .events
            .last()
            .map(|&e| dossier.events[e].date.human(language))
            .unwrap_or_default()
    );
    let mut svg = Svg::picture("pic-timeline", (width, height), &prefix, title, &desc);
    svg.open("defs", &[]);
    svg.open(
        "filter",
        &[
            ("id", (&format!("{prefix}-fuzzy")).into()),
            ("x", "-50%".into()),
            ("width", "200%".into()),
        ],
    );
    svg.empty("feGaussianBlur", &[("stdDeviation", 1.4.into())]);
    svg.close();
    svg.close();
    legend(&mut svg, lanes, dossier, frame, legend_y);

    // Grid and axis.
    let ticks = axis.ticks(language, years);
    svg.open("g", &[("class", "axis".into())]);
    for tick in &ticks {
        let d = PathData::default()
            .move_to(tick.x, lanes_top)
            .vertical_to(axis_y + 5.0)
            .build();
        svg.empty("path", &[("class", "grid".into()), ("d", (&d).into())]);
        let label_width = text_width(&tick.label, TICK_SIZE);
        if tick.x + 3.0 + label_width <= width - 2.0 {
            svg.text(
                "text",
                &[
                    ("x", (tick.x + 3.0).into()),
                    ("y", (axis_y + 15.0).into()),
                    ("font-size", TICK_SIZE.into()),
                ],
                &tick.label,
            );
        }
    }
    let d = PathData::default()
        .move_to(gutter, axis_y)
        .horizontal_to(width - MARGIN)
        .build();
    svg.empty("path", &[("class", "axis-line".into()), ("d", (&d).into())]);
    svg.close();

    let mut top = lanes_top;
    for (i, (lane, height)) in lanes.iter().zip(&heights).enumerate() {
        let class = if i == 0 { "lane lane-all" } else { "lane" };
        svg.open("g", &[("class", class.into())]);
        if i > 0 {
            let d = PathData::default()
                .move_to(MARGIN, top)
                .horizontal_to(width - MARGIN)
                .build();
            svg.empty("path", &[("class", "lane-rule".into()), ("d", (&d).into())]);
        }
        #[allow(clippy::cast_precision_loss)]
        let dot_y = top + 8.0 + lane.marks.bar_rows as f64 * BAR_ROW + DOT_ROW / 2.0;
        let name = lane
            .actor
            .map_or(w.all_events, |a| dossier.actors[a].name.as_str());
        let name = lane_name(name, gutter - MARGIN - 12.0);
        match lane.actor {
            Some(actor) => {
                let href = (links.actor)(actor);
                svg.open(
                    "a",
                    &[("href", (&href).into()), ("class", "lane-name".into())],
                );
                svg.text("title", &[], &dossier.actors[actor].name);
            }
            None => svg.open("g", &[("class", "lane-name".into())]),
        }
        svg.text(
            "text",
            &[
                ("x", (gutter - 10.0).into()),
                ("y", (dot_y + 4.0).into()),
                ("font-size", NAME_SIZE.into()),
                ("text-anchor", "end".into()),
            ],
            &name,
        );
        svg.close();

        let mut taken: Vec<Rect> = Vec::new();
        let titles_top = dot_y + DOT_ROW / 2.0;
        let right = width - 2.0;
        for bar in &lane.marks.bars {
            let event = &dossier.events[bar.event];
            let class = if event.approximate {
                "mark bar approx"
            } else {
                "mark bar"
            };
            open_mark(&mut svg, dossier, &[bar.event], class, links, language);
            #[allow(clippy::cast_precision_loss)]
            let y = top + 8.0 + bar.row as f64 * BAR_ROW;
            let mut attributes: Vec<(&str, Value<'_>)> = vec![
                ("class", "shape".into()),
                ("x", bar.x0.into()),
                ("y", y.into()),
                ("width", (bar.x1 - bar.x0).into()),
                ("height", (BAR_ROW - 3.0).into()),
                ("rx", 2.0.into()),
            ];
            if event.approximate {
                attributes.push(("filter", (&fuzzy).into()));
            }
            svg.empty("rect", &attributes);
            svg.close();
        }
        // Titles right to left, each to the right of its dot: a leader then never
        // crosses a title placed before it.
        let mut placed: Vec<Option<(f64, f64, Anchor, String)>> = vec![None; lane.marks.dots.len()];
        if i == 0 && titled {
            for (k, dot) in lane.marks.dots.iter().enumerate().rev() {
                if let [event] = dot.events[..] {
                    placed[k] = place_title(
                        &dossier.events[event].title,
                        dot.x,
                        titles_top,
                        right,
                        &mut taken,
                    );
                }
            }
        }
        for (dot, title) in lane.marks.dots.iter().zip(&placed) {
            let approximate = dot.events.iter().all(|&e| dossier.events[e].approximate);
            let class = match (dot.events.len(), approximate) {
                (1, true) => "mark dot approx",
                (1, false) => "mark dot",
                (_, true) => "mark cluster approx",
                (_, false) => "mark cluster",
            };
            open_mark(&mut svg, dossier, &dot.events, class, links, language);
            let mut attributes: Vec<(&str, Value<'_>)> = vec![
                ("class", "shape".into()),
                ("cx", dot.x.into()),
                ("cy", dot_y.into()),
                ("r", dot.radius().into()),
            ];
            if approximate {
                attributes.push(("filter", (&fuzzy).into()));
            }
            svg.empty("circle", &attributes);
            if dot.events.len() > 1 {
                let label = count_label(dot.events.len());
                let size = if label.len() > 3 { 8.0 } else { 9.0 };
                svg.text(
                    "text",
                    &[
                        ("class", "count".into()),
                        ("x", dot.x.into()),
                        ("y", (dot_y + 3.0).into()),
                        ("font-size", size.into()),
                        ("text-anchor", "middle".into()),
                    ],
                    &label,
                );
            } else if let Some((x, y, anchor, text)) = title {
                let d = PathData::default()
                    .move_to(dot.x, dot_y + dot.radius() + 1.0)
                    .vertical_to(y - TITLE_SIZE)
                    .build();
                svg.empty("path", &[("class", "leader".into()), ("d", (&d).into())]);
                svg.text(
                    "text",
                    &[
                        ("class", "mark-title".into()),
                        ("x", (*x).into()),
                        ("y", (*y).into()),
                        ("font-size", TITLE_SIZE.into()),
                        ("text-anchor", anchor.word().into()),
                    ],
                    text,
                );
            }
            svg.close();
        }
        svg.close();
        top += height;
    }
    svg.finish()
}
