//! Writes the timeline as SVG: legend, axis (ticks, grid, breaks), then every event
//! as a link holding its mark and its title.

use crate::labels::{self, count_of as count};
use crate::model::{Dossier, Event};
use crate::pictures::geometry::{Anchor, text_width};
use crate::pictures::svg::{PathData, Svg};
use crate::pictures::{Frame, Links};

use super::axis::{Axis, BREAK};
use super::marks::{DOT, Item, ROW, Shape, TITLE_SIZE};
use super::texts::write_when_tooltip;
use super::ticks::TICK_SIZE;

/// Space around the picture.
pub const MARGIN: f64 = 12.0;
/// Font size of the legend.
const LEGEND_SIZE: f64 = 11.0;
/// Height of the legend and of the axis labels, above the rows.
pub const HEAD: f64 = 52.0;

/// The `<svg>` root with its title and description.
pub fn open_picture(dossier: &Dossier, chosen: &[usize], frame: &Frame<'_>, height: f64) -> Svg {
    let w = labels::pictures(frame.language);
    let human = |e: Option<&usize>| {
        e.map(|&e| dossier.events[e].date.human(frame.language))
            .unwrap_or_default()
    };
    let desc = format!(
        "{}, {} – {}.",
        count(chosen.len(), w.event, w.events),
        human(chosen.first()),
        human(chosen.last())
    );
    Svg::picture(
        "pic-timeline",
        (frame.medium.width(), height.ceil()),
        &frame.prefix(),
        w.timeline_title,
        &desc,
    )
}

/// Writes the legend entries for the shapes present in `items` on one line at `y`.
fn legend(svg: &mut Svg, dossier: &Dossier, items: &[Item], frame: &Frame<'_>, y: f64) {
    let w = labels::pictures(frame.language);
    let has = |shape: Shape| items.iter().any(|i| i.shape == shape);
    let approximate = items.iter().any(|i| dossier.events[i.event].approximate);
    let entries = [
        (has(Shape::Dot), Shape::Dot, false, w.day),
        (has(Shape::Whisker), Shape::Whisker, false, w.imprecise),
        (has(Shape::Bar), Shape::Bar, false, w.period),
        (approximate, Shape::Dot, true, w.approximate),
    ];
    svg.open("g", &[("class", "legend".into())]);
    let mut x = MARGIN;
    let mut line_y = y;
    for (shown, shape, approx, text) in entries {
        if !shown {
            continue;
        }
        let width = 28.0 + text_width(text, LEGEND_SIZE) + 16.0;
        if x + width > frame.medium.width() - MARGIN && x > MARGIN {
            x = MARGIN;
            line_y += 16.0;
        }
        let class = if approx { "mark approx" } else { "mark" };
        svg.open("g", &[("class", class.into())]);
        draw_shape(svg, shape, (x, x + 22.0), line_y - 4.0);
        svg.close();
        // The size on each text: a stylesheet may size `.legend` (the briefing's
        // does), which would win over a size given to the group.
        svg.text(
            "text",
            &[
                ("x", (x + 28.0).into()),
                ("y", line_y.into()),
                ("font-size", LEGEND_SIZE.into()),
            ],
            text,
        );
        x += width;
    }
    svg.close();
}

/// Draws a mark of `shape` over `x0..x1`, centred on `y`.
fn draw_shape(svg: &mut Svg, shape: Shape, (x0, x1): (f64, f64), y: f64) {
    match shape {
        Shape::Bar => svg.empty(
            "rect",
            &[
                ("class", "shape".into()),
                ("x", x0.into()),
                ("y", (y - 4.0).into()),
                ("width", (x1 - x0).into()),
                ("height", 8.0.into()),
                ("rx", 2.0.into()),
            ],
        ),
        Shape::Whisker => {
            let d = PathData::default()
                .move_to(x0 + 0.5, y - 4.0)
                .vertical_to(y + 4.0)
                .move_to(x0 + 0.5, y)
                .horizontal_to(x1 - 0.5)
                .move_to(x1 - 0.5, y - 4.0)
                .vertical_to(y + 4.0)
                .build();
            svg.empty("path", &[("class", "whisker".into()), ("d", (&d).into())]);
            dot(svg, f64::midpoint(x0, x1), y);
        }
        Shape::Dot => dot(svg, f64::midpoint(x0, x1), y),
    }
}

fn dot(svg: &mut Svg, x: f64, y: f64) {
    svg.empty(
        "circle",
        &[
            ("class", "shape".into()),
            ("cx", x.into()),
            ("cy", y.into()),
            ("r", DOT.into()),
        ],
    );
}

/// Writes the axis: tick labels at `y`, grid lines down to `bottom`, a break mark
/// between two stretches of time.
pub fn axis_marks(svg: &mut Svg, axis: &Axis, frame: &Frame<'_>, y: f64, bottom: f64) {
    svg.open(
        "g",
        &[("class", "axis".into()), ("font-size", TICK_SIZE.into())],
    );
    for tick in axis.ticks(frame.language) {
        if tick.grid {
            let d = PathData::default()
                .move_to(tick.x, y + 4.0)
                .vertical_to(bottom)
                .build();
            svg.empty("path", &[("class", "grid".into()), ("d", (&d).into())]);
        }
        svg.text(
            "text",
            &[("x", (tick.x + 3.0).into()), ("y", y.into())],
            &tick.label,
        );
    }
    for segment in &axis.segments {
        let d = PathData::default()
            .move_to(segment.left, y + 4.0)
            .horizontal_to(segment.right)
            .build();
        svg.empty("path", &[("class", "axis-line".into()), ("d", (&d).into())]);
    }
    for pair in axis.segments.windows(2) {
        let x = pair[0].right + BREAK / 2.0;
        let d = PathData::default()
            .move_to(x - 5.0, y + 8.0)
            .line_to(x - 1.0, y)
            .move_to(x + 1.0, y + 8.0)
            .line_to(x + 5.0, y)
            .build();
        svg.empty(
            "path",
            &[("class", "axis-break".into()), ("d", (&d).into())],
        );
    }
    svg.close();
}

/// The classes of an event's link.
fn classes(event: &Event, shape: Shape) -> &'static str {
    match (shape, event.approximate) {
        (Shape::Dot, false) => "mark dot",
        (Shape::Dot, true) => "mark dot approx",
        (Shape::Whisker, false) => "mark whisker",
        (Shape::Whisker, true) => "mark whisker approx",
        (Shape::Bar, false) => "mark bar",
        (Shape::Bar, true) => "mark bar approx",
    }
}

/// Writes the title of `item`, its first line at `y`, each next one a row lower:
/// `<text class="mark-title" x y>line<tspan x dy>line</tspan></text>`.
fn mark_title(svg: &mut Svg, item: &Item, y: f64) {
    let mut attributes = vec![
        ("class", "mark-title".into()),
        ("x", item.text_x.into()),
        ("y", (y + TITLE_SIZE * 0.35).into()),
    ];
    if item.anchor != Anchor::Start {
        attributes.push(("text-anchor", item.anchor.word().into()));
    }
    svg.open("text", &attributes);
    for (k, line) in item.lines.iter().enumerate() {
        if k == 0 {
            svg.push_text(line);
        } else {
            svg.text(
                "tspan",
                &[("x", item.text_x.into()), ("dy", ROW.into())],
                line,
            );
        }
    }
    svg.close();
}

/// Writes the whole labelled picture: `items` on `rows` rows.
pub fn draw(
    dossier: &Dossier,
    chosen: &[usize],
    (items, rows): (&[Item], usize),
    axis: &Axis,
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let top = MARGIN + HEAD;
    #[allow(clippy::cast_precision_loss)]
    let bottom = top + rows as f64 * ROW + 4.0;
    let mut svg = open_picture(dossier, chosen, frame, bottom + MARGIN);
    legend(&mut svg, dossier, items, frame, MARGIN + 10.0);
    axis_marks(&mut svg, axis, frame, top - 10.0, bottom);
    // The size of every title, given once; a title's lines are one text.
    svg.open("g", &[("font-size", TITLE_SIZE.into())]);
    for item in items {
        let event = &dossier.events[item.event];
        let href = (links.event)(item.event);
        svg.open(
            "a",
            &[
                ("href", (&href).into()),
                ("class", classes(event, item.shape).into()),
            ],
        );
        svg.text_with("title", &[], |text| {
            write_when_tooltip(text, event, frame.language);
        });
        #[allow(clippy::cast_precision_loss)]
        let row_y = |row: usize| top + row as f64 * ROW + ROW / 2.0;
        draw_shape(&mut svg, item.shape, (item.x0, item.x1), row_y(item.row));
        mark_title(&mut svg, item, row_y(item.row + usize::from(item.below)));
        svg.close();
    }
    svg.close();
    svg.finish()
}
