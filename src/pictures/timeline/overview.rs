//! The timeline of many events: one bar per month (or per year) with the number of
//! events it holds, each bar a link to its first event. The list of events on the
//! page names them all; the picture shows where they fall.

use crate::labels;
use crate::model::{Date, Dossier};
use crate::pictures::geometry::text_width;
use crate::pictures::{Frame, Links};

use super::axis::Axis;
use super::draw::{MARGIN, axis_marks, open_picture};
use super::texts::write_tooltip;

/// Font size of the counts and the note.
const SIZE: f64 = 10.0;
/// Height of the tallest bar.
const TALLEST: f64 = 90.0;

/// One bar: its span, its events.
struct Bin {
    span: Date,
    events: Vec<usize>,
}

/// Counts `chosen` (in date order) by month, or by year when a month holding one of
/// them would be narrower than 6 pixels (each stretch of the axis has its own scale).
fn bins(dossier: &Dossier, chosen: &[usize], axis: &Axis) -> Vec<Bin> {
    let by_month = chosen.iter().all(|&e| {
        let month = Date {
            day: None,
            ..dossier.events[e].date
        };
        month.month.is_none() || axis.x(month.last_day() + 1) - axis.x(month.first_day()) >= 6.0
    });
    let mut out: Vec<Bin> = Vec::new();
    for &e in chosen {
        let date = dossier.events[e].date;
        let span = Date {
            year: date.year,
            month: if by_month { date.month } else { None },
            day: None,
        };
        match out.last_mut() {
            Some(bin) if bin.span == span => bin.events.push(e),
            _ => out.push(Bin {
                span,
                events: vec![e],
            }),
        }
    }
    out
}

/// Writes the picture of `chosen` (in date order) counted by month or year.
pub fn draw(
    dossier: &Dossier,
    chosen: &[usize],
    axis: &Axis,
    links: &Links<'_>,
    frame: &Frame<'_>,
) -> String {
    let w = labels::pictures(frame.language);
    let bins = bins(dossier, chosen, axis);
    let monthly = bins.iter().any(|b| b.span.month.is_some());
    let note = if monthly { w.by_month } else { w.by_year }
        .replace("{count}", &labels::count(chosen.len(), frame.language));
    let axis_y = MARGIN + 32.0;
    let base = axis_y + 18.0 + TALLEST;
    let mut svg = open_picture(dossier, chosen, frame, base + MARGIN);
    svg.text(
        "text",
        &[
            ("class", "note".into()),
            ("x", MARGIN.into()),
            ("y", (MARGIN + 10.0).into()),
            ("font-size", SIZE.into()),
        ],
        &note,
    );
    axis_marks(&mut svg, axis, frame, axis_y, base);
    let most = bins.iter().map(|b| b.events.len()).max().unwrap_or(1);
    // The size and anchor of every count, given once.
    svg.open(
        "g",
        &[("font-size", SIZE.into()), ("text-anchor", "middle".into())],
    );
    for bin in &bins {
        let x0 = axis.x(bin.span.first_day());
        let x1 = (axis.x(bin.span.last_day() + 1) - 1.0).max(x0 + 2.0);
        #[allow(clippy::cast_precision_loss)]
        let height = (TALLEST * bin.events.len() as f64 / most as f64).max(2.0);
        let href = (links.event)(bin.events[0]);
        svg.open(
            "a",
            &[("href", (&href).into()), ("class", "mark bin".into())],
        );
        svg.text_with("title", &[], |text| {
            text.push(&bin.span.human(frame.language));
            text.push(" — ");
            write_tooltip(text, dossier, &bin.events, frame.language);
        });
        svg.empty(
            "rect",
            &[
                ("class", "shape".into()),
                ("x", x0.into()),
                ("y", (base - height).into()),
                ("width", (x1 - x0).into()),
                ("height", height.into()),
            ],
        );
        let label = bin.events.len().to_string();
        if text_width(&label, SIZE) <= x1 - x0 {
            svg.text(
                "text",
                &[
                    ("class", "count-label".into()),
                    ("x", f64::midpoint(x0, x1).into()),
                    ("y", (base - height - 3.0).into()),
                ],
                &label,
            );
        }
        svg.close();
    }
    svg.close();
    svg.finish()
}
