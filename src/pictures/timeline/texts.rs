//! The words of the timeline: tooltips, lane names, the titles written under single
//! events (placed so that none touches another), and the legend.

use crate::labels::{self, count_of as count};
use crate::model::{Dossier, Event, Language};
use crate::pictures::Frame;
use crate::pictures::geometry::{Anchor, Rect, Shortening, text_width, width_box};
use crate::pictures::svg::{Escaped, Svg, Value};

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

/// Writes the span of an event in words: `26 juillet 2023`, `juillet – décembre 2023`.
fn write_when(out: &mut Escaped<'_>, event: &Event, language: Language) {
    out.push(&event.date.human(language));
    match event.end {
        Some(end) if end != event.date => {
            out.push(" – ");
            out.push(&end.human(language));
        }
        _ => {}
    }
}

/// Writes the tooltip of a mark standing for `events`.
pub fn write_tooltip(
    out: &mut Escaped<'_>,
    dossier: &Dossier,
    events: &[usize],
    language: Language,
) {
    let w = labels::pictures(language);
    let line = |out: &mut Escaped<'_>, e: usize| {
        let event = &dossier.events[e];
        write_when(out, event, language);
        if event.approximate {
            out.push(" (");
            out.push(w.approximate);
            out.push(")");
        }
        out.push(" — ");
        out.push(event.title.trim());
    };
    match events {
        [single] => line(out, *single),
        _ => {
            let human = |e: Option<&usize>| {
                e.map(|&e| dossier.events[e].date.human(language))
                    .unwrap_or_default()
            };
            out.push(&count(events.len(), w.event, w.events));
            out.push(", ");
            out.push(&human(events.first()));
            out.push(" – ");
            out.push(&human(events.last()));
            for &e in events.iter().take(5) {
                out.push("\n• ");
                line(out, e);
            }
            if events.len() > 5 {
                out.push("\n…");
            }
        }
    }
}

/// A lane name cut to fit the gutter.
pub fn lane_name(name: &str, room: f64) -> String {
    let name = Shortening::new(name);
    let mut chars = 40;
    while chars > 4 && name.width(chars, NAME_SIZE) > room {
        chars -= 1;
    }
    name.text(chars)
}

pub fn legend(svg: &mut Svg, lanes: &[Lane], dossier: &Dossier, frame: &Frame<'_>, y: f64) {
    let w = labels::pictures(frame.language);
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
    let title = Shortening::new(title);
    let mut chars = 34;
    while chars > 12 && x - 2.0 + title.width(chars, TITLE_SIZE) + 1.0 > right {
        chars -= 1;
    }
    for (anchor, at, chars) in [(Anchor::Start, x - 2.0, chars), (Anchor::End, x + 2.0, 34)] {
        let width = title.width(chars, TITLE_SIZE);
        for row in 0..TITLE_ROWS {
            #[allow(clippy::cast_precision_loss)]
            let baseline = top + 11.0 + row as f64 * TITLE_ROW;
            let rect = width_box(width, TITLE_SIZE, at, baseline, anchor).grown(1.0);
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
            return Some((at, baseline, anchor, title.text(chars)));
        }
    }
    None
}
