//! Draws the pictures of a dossier into HTML files, to look at them and to time them:
//! `cargo run --release --example pictures -- ROOT OUT_DIR [ACTOR_ID]`.
//! Prints how long each kind of picture took, for the whole site (the index graph,
//! every profile's graph and timeline, the chronology's timeline).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use dossier::model::{Citation, Dossier, Language};
use dossier::pictures::{Frame, Links, Medium, PICTURES_CSS, relationship_graph, timeline};

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = Path::new(args.first().map_or(".", String::as_str)).to_path_buf();
    let out = Path::new(args.get(1).map_or("/tmp/pictures", String::as_str)).to_path_buf();
    std::fs::create_dir_all(&out)?;
    let started = Instant::now();
    let (dossier, diagnostics) = dossier::check(&root);
    println!(
        "check: {:.2?}, {} errors",
        started.elapsed(),
        diagnostics.error_count()
    );
    let Some(dossier) = dossier else {
        anyhow::bail!("the dossier has errors");
    };
    let actor = |i: usize| format!("../actors/{}/", dossier.actors[i].id);
    let event = |i: usize| format!("../chronology/#{}", dossier.events[i].id);
    let citation = |c: &Citation| {
        let id = &dossier.sources[c.source].id;
        c.anchor().map_or(format!("../sources/{id}/"), |a| {
            format!("../sources/{id}/#{a}")
        })
    };
    let links = Links {
        actor: &actor,
        event: &event,
        citation: &citation,
    };
    let drawn = draw_all(&dossier, &links);
    let chosen = args
        .get(2)
        .and_then(|id| dossier.actors.iter().position(|a| &a.id == id))
        .or_else(|| (0..dossier.actors.len()).max_by_key(|&a| dossier.actors[a].relations.len()))
        .unwrap_or(0);
    write_pages(&out, &dossier, &drawn, chosen)
}

/// Every picture of the site, drawn once.
struct Drawn {
    index: String,
    print: String,
    chronology: String,
    profiles: Vec<(String, String)>,
}

/// Draws (and times) the index graph on screen and in print, the chronology's
/// timeline, and each profile's graph and timeline.
fn draw_all(dossier: &Dossier, links: &Links<'_>) -> Drawn {
    let language = dossier.meta.language;
    let screen = Frame {
        id: "graph",
        medium: Medium::Screen,
        language,
    };
    let t = Instant::now();
    let index = relationship_graph(dossier, None, links, &screen).unwrap_or_default();
    println!("index graph: {:.2?} ({} bytes)", t.elapsed(), index.len());
    let t = Instant::now();
    let print = Frame {
        medium: Medium::Print,
        ..screen
    };
    let print = relationship_graph(dossier, None, links, &print).unwrap_or_default();
    println!("index graph, print: {:.2?}", t.elapsed());

    let all: Vec<usize> = (0..dossier.events.len()).collect();
    let frame = Frame {
        id: "timeline",
        ..screen
    };
    let t = Instant::now();
    let chronology = timeline(dossier, &all, links, &frame).unwrap_or_default();
    println!(
        "chronology timeline: {:.2?} ({} bytes)",
        t.elapsed(),
        chronology.len()
    );
    let profiles = draw_profiles(dossier, links, language);
    Drawn {
        index,
        print,
        chronology,
        profiles,
    }
}

/// Each profile's graph and timeline (drawn for the text column), timed together.
fn draw_profiles(
    dossier: &Dossier,
    links: &Links<'_>,
    language: Language,
) -> Vec<(String, String)> {
    let column = Frame {
        id: "profile",
        medium: Medium::Column,
        language,
    };
    let mut by_actor: Vec<Vec<usize>> = vec![Vec::new(); dossier.actors.len()];
    for (e, event) in dossier.events.iter().enumerate() {
        for &a in &event.actors {
            by_actor[a].push(e);
        }
    }
    let (mut graph_time, mut timeline_time) = (Duration::ZERO, Duration::ZERO);
    let mut bytes = 0;
    let mut profiles = Vec::new();
    for (a, events) in by_actor.iter().enumerate() {
        let t = Instant::now();
        let graph = relationship_graph(dossier, Some(a), links, &column).unwrap_or_default();
        graph_time += t.elapsed();
        let t = Instant::now();
        let line = timeline(dossier, events, links, &column).unwrap_or_default();
        timeline_time += t.elapsed();
        bytes += graph.len() + line.len();
        profiles.push((graph, line));
    }
    println!(
        "{} profiles: graphs {graph_time:.2?}, timelines {timeline_time:.2?} ({bytes} bytes)",
        dossier.actors.len()
    );
    profiles
}

/// Writes the pictures into HTML pages under `out`, with the profile of `chosen`.
fn write_pages(out: &Path, dossier: &Dossier, drawn: &Drawn, chosen: usize) -> anyhow::Result<()> {
    let page = |title: &str, body: &str| {
        let mut html = String::new();
        let _ = write!(
            html,
            "<!doctype html><meta charset=utf-8><meta name=color-scheme content=\"light dark\"><title>{title}</title><style>body{{font-family:system-ui;margin:16px;max-width:1000px}}{PICTURES_CSS}</style><h1>{title}</h1>{body}"
        );
        html
    };
    std::fs::write(out.join("graph.html"), page("graph", &drawn.index))?;
    std::fs::write(
        out.join("graph-print.html"),
        page("graph print", &drawn.print),
    )?;
    std::fs::write(
        out.join("chronology.html"),
        page("chronology", &drawn.chronology),
    )?;
    if let Some((graph, line)) = drawn.profiles.get(chosen) {
        std::fs::write(
            out.join("profile.html"),
            page(&dossier.actors[chosen].id, &format!("{graph}{line}")),
        )?;
    }
    Ok(())
}
