//! The chronology's timeline when its axis is broken to skip an empty stretch of time:
//! every stretch carries date labels (events in January and December 2024 were drawn
//! after "oct. 2023" with no label of their own), labels touch no grid line, no other
//! label and no break mark, and each stretch is as wide as the events it holds (a lone
//! event in 2028 took three quarters of the width from eleven events in March 2024).

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A dossier in `language` whose events fall on `dates` (one event each).
fn project(language: &str, dates: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let content = dir.path().join("content");
    std::fs::create_dir_all(content.join("events")).expect("mkdir");
    std::fs::write(
        content.join("dossier.yaml"),
        format!("title: Axis\nlanguage: {language}\n"),
    )
    .expect("write");
    let mut events = String::new();
    for (k, date) in dates.iter().enumerate() {
        let _ = writeln!(events, "- date: {date}\n  title: Event number {k}");
    }
    std::fs::write(content.join("events/all.yaml"), events).expect("write");
    dir
}

/// Builds `root` with the real binary and returns the timeline SVGs of the chronology
/// and of the briefing.
fn timelines(root: &Path) -> Vec<String> {
    let out = root.join("site");
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root"])
        .arg(root)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("the binary runs");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    ["chronology/index.html", "briefing/index.html"]
        .iter()
        .map(|page| {
            let html = std::fs::read_to_string(out.join(page)).expect("page");
            let start = html
                .find("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"pic pic-timeline\"")
                .unwrap_or_else(|| panic!("no timeline in {page}"));
            let end = start + html[start..].find("</svg>").expect("end of svg") + 6;
            html[start..end].to_string()
        })
        .collect()
}

/// What the axis of a timeline shows.
#[derive(Debug)]
struct Axis {
    /// Each stretch: left and right.
    stretches: Vec<(f64, f64)>,
    /// Each label: left, right (at 0.6 × size a character) and text.
    labels: Vec<(f64, f64, String)>,
    /// The x of each grid line.
    grid: Vec<f64>,
    /// The left and right of each break mark.
    breaks: Vec<(f64, f64)>,
    /// The x of each event's mark.
    marks: Vec<f64>,
}

fn numbers(d: &str) -> Vec<f64> {
    d.split(|c: char| c.is_ascii_alphabetic() || c == ' ')
        .filter_map(|n| n.parse().ok())
        .collect()
}

fn read_axis(svg: &str) -> Axis {
    let document = roxmltree::Document::parse(svg).expect("well-formed SVG");
    let mut axis = Axis {
        stretches: Vec::new(),
        labels: Vec::new(),
        grid: Vec::new(),
        breaks: Vec::new(),
        marks: Vec::new(),
    };
    let number = |n: &roxmltree::Node<'_, '_>, name: &str| {
        n.attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .expect("a number")
    };
    for node in document.descendants() {
        let class = node.attribute("class").unwrap_or_default();
        let d = numbers(node.attribute("d").unwrap_or_default());
        match class {
            "axis-line" => axis.stretches.push((d[0], d[2])),
            "grid" => axis.grid.push(d[0]),
            "axis-break" => axis.breaks.push((d[0], d[d.len() - 2])),
            _ => {}
        }
        if class.split(' ').next() == Some("mark") && node.has_tag_name("a") {
            let shape = node
                .children()
                .find(|n| n.attribute("class") == Some("shape"))
                .expect("a shape");
            axis.marks.push(if shape.has_tag_name("circle") {
                number(&shape, "cx")
            } else {
                number(&shape, "x")
            });
        }
        let in_axis = node
            .parent()
            .is_some_and(|p| p.attribute("class") == Some("axis"));
        if node.has_tag_name("text") && in_axis {
            let text = node.text().unwrap_or_default().to_string();
            let x = number(&node, "x");
            #[allow(clippy::cast_precision_loss)]
            let width = 0.6 * 10.0 * text.chars().count() as f64;
            axis.labels.push((x, x + width, text));
        }
    }
    axis
}

/// Checks what every broken axis must show, and returns it.
fn check(svg: &str) -> Axis {
    let axis = read_axis(svg);
    assert!(axis.stretches.len() >= 2, "the axis is broken: {axis:?}");
    for (k, &(left, right)) in axis.stretches.iter().enumerate() {
        let inside: Vec<&(f64, f64, String)> = axis
            .labels
            .iter()
            .filter(|l| l.0 >= left && l.0 < right)
            .collect();
        assert!(!inside.is_empty(), "stretch {k} has no label: {axis:?}");
        // After a break, the first label says the year.
        if k > 0 {
            let first = &inside[0].2;
            assert!(
                first.chars().filter(char::is_ascii_digit).count() >= 4,
                "{first:?} does not say the year"
            );
        }
    }
    for mark in &axis.marks {
        assert!(
            axis.stretches
                .iter()
                .any(|&(l, r)| *mark >= l - 0.5 && *mark <= r + 0.5),
            "a mark at {mark} outside every stretch"
        );
    }
    for (i, a) in axis.labels.iter().enumerate() {
        for b in &axis.labels[i + 1..] {
            assert!(a.1 <= b.0 || b.1 <= a.0, "{a:?} overlaps {b:?}");
        }
        for x in &axis.grid {
            assert!(
                !(a.0 < *x && *x < a.1),
                "{a:?} runs across the grid line at {x}"
            );
        }
        for (l, r) in &axis.breaks {
            assert!(a.1 <= *l || *r <= a.0, "{a:?} under the break at {l}–{r}");
        }
    }
    axis
}

fn width(stretch: (f64, f64)) -> f64 {
    stretch.1 - stretch.0
}

#[test]
fn a_lone_event_years_later_gets_a_narrow_stretch_and_its_own_label() {
    let mut dates = vec![
        "2024-03",
        "2024-03-04",
        "2024-03-04",
        "2024-03-05",
        "2024-03-12",
        "2024-03-12",
        "2024-03-20",
        "2024-03-22",
        "2024-03-25",
        "2024-04",
    ];
    dates.push("2028");
    let project = project("en", &dates);
    for svg in timelines(project.path()) {
        let axis = check(&svg);
        let [busy, lone] = [axis.stretches[0], axis.stretches[axis.stretches.len() - 1]];
        assert!(
            width(busy) > 5.0 * width(lone),
            "the ten events get {} px, the lone one {} px",
            width(busy),
            width(lone)
        );
        assert!(
            axis.labels.iter().any(|l| l.2 == "2028" && l.0 >= lone.0),
            "{axis:?}"
        );
    }
}

#[test]
fn every_stretch_of_a_french_chronology_says_its_dates() {
    let dates = [
        "2023",
        "2023-09",
        "2023-09-04",
        "2023-09-04",
        "2023-09-11",
        "2023-10",
        "2023-10-01",
        "2024-01-20",
        "2024-01-20",
        "2024-12",
        "2026",
    ];
    let project = project("fr", &dates);
    for svg in timelines(project.path()) {
        let axis = check(&svg);
        assert_eq!(axis.stretches.len(), 3, "{axis:?}");
        // The events of January 2024 are read after a label of 2024, not of 2023.
        let labels: Vec<&str> = axis.labels.iter().map(|l| l.2.as_str()).collect();
        assert!(
            labels.iter().any(|l| l.contains("2024")) && labels.iter().any(|l| l.contains("2026")),
            "{labels:?}"
        );
        let first = axis.stretches[0];
        for other in &axis.stretches[1..] {
            assert!(width(first) > 2.0 * width(*other), "{axis:?}");
        }
    }
}
