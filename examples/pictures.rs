//! Draws the pictures of a dossier into HTML files, to look at them and to time them:
//! `cargo run --release --example pictures -- ROOT OUT_DIR [ACTOR_ID]`.
//! Prints how long each kind of picture took, for the whole site (the index graph,
//! every profile's graph and timeline, the chronology's timeline).

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use dossier::model::Citation;
use dossier::pictures::{Frame, Lanes, Links, Medium, PICTURES_CSS, relationship_graph, timeline};

#[allow(clippy::too_many_lines)] // being rewritten with the pictures
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
    let language = dossier.meta.language;
    let screen = Frame {
        id: "graph",
        medium: Medium::Screen,
        language,
    };

    let t = Instant::now();
    let index = relationship_graph(&dossier, None, &links, &screen).unwrap_or_default();
    println!("index graph: {:.2?} ({} bytes)", t.elapsed(), index.len());
    let t = Instant::now();
    let print = relationship_graph(
        &dossier,
        None,
        &links,
        &Frame {
            medium: Medium::Print,
            ..screen
        },
    )
    .unwrap_or_default();
    println!("index graph, print: {:.2?}", t.elapsed());

    let all: Vec<usize> = (0..dossier.events.len()).collect();
    let frame = Frame {
        id: "timeline",
        ..screen
    };
    let t = Instant::now();
    let chronology = timeline(&dossier, &all, Lanes::top(6), &links, &frame).unwrap_or_default();
    println!(
        "chronology timeline: {:.2?} ({} bytes)",
        t.elapsed(),
        chronology.len()
    );

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
        let graph = relationship_graph(&dossier, Some(a), &links, &screen).unwrap_or_default();
        graph_time += t.elapsed();
        let t = Instant::now();
        let line =
            timeline(&dossier, events, Lanes::profile(a, 4), &links, &frame).unwrap_or_default();
        timeline_time += t.elapsed();
        bytes += graph.len() + line.len();
        profiles.push((graph, line));
    }
    println!(
        "{} profiles: graphs {graph_time:.2?}, timelines {timeline_time:.2?} ({bytes} bytes)",
        dossier.actors.len()
    );

    let chosen = args
        .get(2)
        .and_then(|id| dossier.actors.iter().position(|a| &a.id == id))
        .or_else(|| (0..dossier.actors.len()).max_by_key(|&a| dossier.actors[a].relations.len()))
        .unwrap_or(0);
    let page = |title: &str, body: &str| {
        let mut html = String::new();
        let _ = write!(
            html,
            "<!doctype html><meta charset=utf-8><meta name=color-scheme content=\"light dark\"><title>{title}</title><style>body{{font-family:system-ui;margin:16px;max-width:1000px}}{PICTURES_CSS}</style><h1>{title}</h1>{body}"
        );
        html
    };
    std::fs::write(out.join("graph.html"), page("graph", &index))?;
    std::fs::write(out.join("graph-print.html"), page("graph print", &print))?;
    std::fs::write(out.join("chronology.html"), page("chronology", &chronology))?;
    let (graph, line) = &profiles[chosen];
    std::fs::write(
        out.join("profile.html"),
        page(&dossier.actors[chosen].id, &format!("{graph}{line}")),
    )?;
    Ok(())
}
