//! Writes the timeline as SVG: legend, lanes (name, bars, dots, clusters, and the
//! titles of single events when few enough to be read), grid and axis.

use crate::model::{Dossier, Event, Language};
use crate::pictures::geometry::{Anchor, Rect, shorten, text_box, text_width};
use crate::pictures::svg::{Svg, Value, num};
use crate::pictures::words::{count, words};
use crate::pictures::{Frame, Links, Medium};

use super::Lane;
use super::axis::{Axis, TICK_SIZE};
use super::marks::count_label;

/// Space around the picture.
pub const MARGIN: f64 = 12.0;
/// Font size of lane names and the legend.
const NAME_SIZE: f64 = 11.0;
/// Font size of event titles.
const TITLE_SIZE: f64 = 10.0;
/// Up to this many events, single events get their title written.
const TITLED_EVENTS: usize = 60;
/// Rows for titles under the dots of the first lane.
const TITLE_ROWS: usize = 3;
/// Height of a bar row.
const BAR_ROW: f64 = 10.0;
/// Height of the dot row.
const DOT_ROW: f64 = 26.0;
/// Height of a title row.
const TITLE_ROW: f64 = 14.0;

/// Width of the column of lane names.
pub fn gutter(medium: Medium) -> f64 {
    match medium {
        Medium::Screen => 170.0,
        Medium::Print => 130.0,
    }
}

/// The span of an event in words: `26 juillet 2023`, `juillet – décembre 2023`.
fn when(event: &Event, language: Language) -> String {
    match event.end {
        Some(end) if end != event.date => {
            format!("{} – {}", event.date.human(language), end.human(language))
        }
        _ => event.date.human(language),
    }
}

/// The tooltip of a mark standing for `events`.
fn tooltip(dossier: &Dossier, events: &[usize], language: Language) -> String {
    let w = words(language);
    let line = |e: usize| {
        let event = &dossier.events[e];
        let approximate = if event.approximate {
            format!(" ({})", w.approximate)
        } else {
            String::new()
        };
        format!(
            "{}{approximate} — {}",
            when(event, language),
            event.title.trim()
        )
    };
    match events {
        [single] => line(*single),
        _ => {
            let first = events
                .first()
                .map(|&e| dossier.events[e].date.human(language))
                .unwrap_or_default();
            let last = events
                .last()
                .map(|&e| dossier.events[e].date.human(language))
                .unwrap_or_default();
            let mut text = format!(
                "{}, {first} – {last}",
                count(events.len(), w.event, w.events)
            );
            for &e in events.iter().take(5) {
                text.push_str("\n• ");
                text.push_str(&line(e));
            }
            if events.len() > 5 {
                text.push_str("\n…");
            }
            text
        }
    }
}

/// A lane name cut to fit the gutter.
fn lane_name(name: &str, room: f64) -> String {
    let mut chars = 40;
    let mut text = shorten(name, chars);
    while chars > 4 && text_width(&text, NAME_SIZE) > room {
        chars -= 1;
        text = shorten(name, chars);
    }
    text
}

fn legend(svg: &mut Svg, lanes: &[Lane], dossier: &Dossier, frame: &Frame<'_>, y: f64) {
    let w = words(frame.language);
    let marks = &lanes[0].marks;
    let fuzzy = format!("url(#{}-fuzzy)", frame.prefix());
    let any_approximate = lanes[0]
        .events
        .iter()
        .any(|&e| dossier.events[e].approximate);
    let mut x = MARGIN;
    let mut item = |svg: &mut Svg, text: &str, sample: &dyn Fn(&mut Svg, f64)| {
        sample(svg, x);
        svg.text(
            "text",
            &[
                ("x", (x + 22.0).into()),
                ("y", (y + 4.0).into()),
                ("font-size", NAME_SIZE.into()),
            ],
            text,
        );
        x += 22.0 + text_width(text, NAME_SIZE) + 16.0;
    };
    svg.open("g", &[("class", "legend".into())]);
    item(svg, w.event, &|svg, x| {
        svg.empty(
            "circle",
            &[
                ("class", "mark dot".into()),
                ("cx", (x + 8.0).into()),
                ("cy", y.into()),
                ("r", 4.5.into()),
            ],
        );
    });
    if !marks.bars.is_empty() {
        item(svg, w.period, &|svg, x| {
            let attributes: [(&str, Value<'_>); 5] = [
                ("class", "mark bar".into()),
                ("x", x.into()),
                ("y", (y - 3.5).into()),
                ("width", 16.0.into()),
                ("height", 7.0.into()),
            ];
            svg.empty("rect", &attributes);
        });
    }
    if any_approximate {
        item(svg, w.approximate, &|svg, x| {
            svg.empty(
                "circle",
                &[
                    ("class", "mark dot approx".into()),
                    ("cx", (x + 8.0).into()),
                    ("cy", y.into()),
                    ("r", 4.5.into()),
                    ("filter", (&fuzzy).into()),
                ],
            );
        });
    }
    if marks.dots.iter().any(|d| d.events.len() > 1) {
        item(svg, w.cluster, &|svg, x| {
            svg.empty(
                "circle",
                &[
                    ("class", "mark cluster".into()),
                    ("cx", (x + 8.0).into()),
                    ("cy", y.into()),
                    ("r", 8.0.into()),
                ],
            );
            svg.text(
                "text",
                &[
                    ("class", "count".into()),
                    ("x", (x + 8.0).into()),
                    ("y", (y + 3.0).into()),
                    ("font-size", 9.0.into()),
                    ("text-anchor", "middle".into()),
                ],
                "n",
            );
        });
    }
    svg.close();
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
    svg.text("title", &[], &tooltip(dossier, events, language));
}

/// Places the title of a mark at `x` on the first title row where it touches nothing
/// already placed, to the right of the mark (shortened to fit before `right`), or to
/// its left when there is no room on the right. Returns the text, its anchor point
/// and anchor; its box and its leader line's box are added to `taken`.
fn place_title(
    title: &str,
    x: f64,
    top: f64,
    right: f64,
    taken: &mut Vec<Rect>,
) -> Option<(f64, f64, Anchor, String)> {
    let mut chars = 34;
    let mut fitted = shorten(title, chars);
    while chars > 12 && x - 2.0 + text_width(&fitted, TITLE_SIZE) + 1.0 > right {
        chars -= 1;
        fitted = shorten(title, chars);
    }
    let candidates = [
        (Anchor::Start, x - 2.0, fitted),
        (Anchor::End, x + 2.0, shorten(title, 34)),
    ];
    for (anchor, at, text) in &candidates {
        for row in 0..TITLE_ROWS {
            #[allow(clippy::cast_precision_loss)]
            let baseline = top + 11.0 + row as f64 * TITLE_ROW;
            let rect = text_box(text, TITLE_SIZE, *at, baseline, *anchor).grown(1.0);
            let leader = Rect {
                x0: x - 1.0,
                y0: top - 4.0,
                x1: x + 1.0,
                y1: rect.y0,
            };
            if rect.x1 > right
                || rect.x0 < 0.0
                || taken
                    .iter()
                    .any(|t| t.intersects(&rect) || t.intersects(&leader))
            {
                continue;
            }
            taken.push(rect);
            taken.push(leader);
            return Some((*at, baseline, *anchor, text.clone()));
        }
    }
    None
}

/// Writes the whole picture.
pub fn draw(
    dossier: &Dossier,
    lanes: &[Lane],
    axis: &Axis,
    years: (u16, u16),
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let w = words(frame.language);
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
    let mut svg = Svg::new();
    let view_box = format!("0 0 {width} {height}");
    let labelled_by = format!("{prefix}-title {prefix}-desc");
    svg.open(
        "svg",
        &[
            ("xmlns", "http://www.w3.org/2000/svg".into()),
            ("class", "pic pic-timeline".into()),
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
        title,
    );
    svg.text("desc", &[("id", (&format!("{prefix}-desc")).into())], &desc);
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
        let d = format!("M{} {}V{}", num(tick.x), num(lanes_top), num(axis_y + 5.0));
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
    let d = format!("M{} {}H{}", num(gutter), num(axis_y), num(width - MARGIN));
    svg.empty("path", &[("class", "axis-line".into()), ("d", (&d).into())]);
    svg.close();

    let mut top = lanes_top;
    for (i, (lane, height)) in lanes.iter().zip(&heights).enumerate() {
        let class = if i == 0 { "lane lane-all" } else { "lane" };
        svg.open("g", &[("class", class.into())]);
        if i > 0 {
            let d = format!("M{} {}H{}", num(MARGIN), num(top), num(width - MARGIN));
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
                svg.text(
                    "text",
                    &[
                        ("class", "count".into()),
                        ("x", dot.x.into()),
                        ("y", (dot_y + 3.0).into()),
                        ("font-size", 9.0.into()),
                        ("text-anchor", "middle".into()),
                    ],
                    &count_label(dot.events.len()),
                );
            } else if let Some((x, y, anchor, text)) = title {
                let d = format!(
                    "M{} {}V{}",
                    num(dot.x),
                    num(dot_y + dot.radius() + 1.0),
                    num(y - TITLE_SIZE)
                );
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
