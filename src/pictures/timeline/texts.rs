//! The words of the timeline: tooltips, lane names, the titles written under single
//! events (placed so that none touches another), and the legend.

use crate::model::{Dossier, Event, Language};
use crate::pictures::Frame;
use crate::pictures::geometry::{Anchor, Rect, shorten, text_box, text_width};
use crate::pictures::svg::{Svg, Value};
use crate::pictures::words::{count, words};

use super::Lane;
use super::draw::MARGIN;

/// Font size of lane names and the legend.
pub const NAME_SIZE: f64 = 11.0;
/// Font size of event titles.
pub const TITLE_SIZE: f64 = 10.0;
/// Rows for titles under the dots of the first lane.
pub const TITLE_ROWS: usize = 3;
/// Height of a title row.
pub const TITLE_ROW: f64 = 14.0;

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
pub fn tooltip(dossier: &Dossier, events: &[usize], language: Language) -> String {
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
pub fn lane_name(name: &str, room: f64) -> String {
    let mut chars = 40;
    let mut text = shorten(name, chars);
    while chars > 4 && text_width(&text, NAME_SIZE) > room {
        chars -= 1;
        text = shorten(name, chars);
    }
    text
}

pub fn legend(svg: &mut Svg, lanes: &[Lane], dossier: &Dossier, frame: &Frame<'_>, y: f64) {
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

/// Places the title of a mark at `x` on the first title row where it touches nothing
/// already placed, to the right of the mark (shortened to fit before `right`), or to
/// its left when there is no room on the right. Returns the text, its anchor point
/// and anchor; its box and its leader line's box are added to `taken`.
pub fn place_title(
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
