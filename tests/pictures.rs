//! The pictures (relationship graph, timeline): well-formed SVG, the same bytes on
//! every run, every link one the page gave, no two texts overlapping — on the bundled
//! example dossier and on generated ones from 5 to 5,000 events and 300 actors.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use dossier::model::{
    Actor, ActorKind, Citation, Date, Dossier, Event, Language, Meta, Relation, Source, SourceKind,
};
use dossier::pictures::{Frame, Links, Medium, relationship_graph, timeline};

/// Hrefs given out by the links, which every href in a picture must be one of.
#[derive(Default)]
struct Given(RefCell<BTreeSet<String>>);

impl Given {
    fn give(&self, href: String) -> String {
        self.0.borrow_mut().insert(href.clone());
        href
    }
}

/// Draws both pictures with links that record what they give.
struct Drawn {
    svgs: Vec<String>,
    given: BTreeSet<String>,
}

fn draw(dossier: &Dossier, medium: Medium) -> Drawn {
    let given = Given::default();
    let actor = |i: usize| given.give(format!("../actors/{}/", dossier.actors[i].id));
    let event = |i: usize| given.give(format!("../chronology/#{}", dossier.events[i].id));
    let citation = |c: &Citation| {
        let id = &dossier.sources[c.source].id;
        given.give(c.anchor().map_or(format!("../sources/{id}/"), |a| {
            format!("../sources/{id}/#{a}")
        }))
    };
    let links = Links {
        actor: &actor,
        event: &event,
        citation: &citation,
    };
    let frame = Frame {
        id: "pic",
        medium,
        language: dossier.meta.language,
    };
    let mut svgs = Vec::new();
    svgs.extend(relationship_graph(dossier, None, &links, &frame));
    for a in 0..dossier.actors.len().min(40) {
        svgs.extend(relationship_graph(dossier, Some(a), &links, &frame));
        let events: Vec<usize> = (0..dossier.events.len())
            .filter(|&e| dossier.events[e].actors.contains(&a))
            .collect();
        svgs.extend(timeline(dossier, &events, &links, &frame));
    }
    let all: Vec<usize> = (0..dossier.events.len()).collect();
    svgs.extend(timeline(dossier, &all, &links, &frame));
    Drawn {
        svgs,
        given: given.0.into_inner(),
    }
}

/// An attribute of `node` or, as SVG inherits it, of its nearest ancestor that has it.
fn inherited<'a>(node: &roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.ancestors().find_map(|n| n.attribute(name))
}

/// The boxes of a `<text>`, one per line (its own text, then each `<tspan>` at its `x`,
/// `dy` lower), by the simple rule: 0.6 × size per character. The size and anchor may
/// be given once on a group.
fn text_boxes(node: &roxmltree::Node<'_, '_>) -> Vec<((f64, f64, f64, f64), String)> {
    let number = |n: &roxmltree::Node<'_, '_>, name: &str| {
        n.attribute(name)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    let size = inherited(node, "font-size")
        .and_then(|v| v.parse::<f64>().ok())
        .unwrap_or(0.0);
    assert!(size > 0.0, "a text without a font size");
    let anchor = inherited(node, "text-anchor");
    let (mut x, mut y) = (number(node, "x"), number(node, "y"));
    let mut lines = vec![(x, y, node.text().unwrap_or_default().to_string())];
    for span in node.children().filter(|n| n.has_tag_name("tspan")) {
        if span.attribute("x").is_some() {
            x = number(&span, "x");
        }
        y += number(&span, "dy");
        lines.push((x, y, span.text().unwrap_or_default().to_string()));
    }
    lines
        .into_iter()
        .map(|(x, y, text)| {
            let width =
                0.6 * size * f64::from(u32::try_from(text.chars().count()).unwrap_or(u32::MAX));
            let x0 = match anchor {
                Some("middle") => x - width / 2.0,
                Some("end") => x - width,
                _ => x,
            };
            ((x0, y - 0.8 * size, x0 + width, y + 0.2 * size), text)
        })
        .collect()
}

/// Parses a picture and checks what every picture must be.
fn check_picture(svg: &str, given: &BTreeSet<String>) {
    assert!(!svg.starts_with("<?xml"), "no prolog in inline SVG");
    let document =
        roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}\n{svg}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg");
    assert_eq!(root.attribute("role"), Some("group"));
    let view_box = root.attribute("viewBox").expect("a viewBox");
    assert_eq!(view_box.split(' ').count(), 4);
    for id in root
        .attribute("aria-labelledby")
        .expect("aria-labelledby")
        .split(' ')
    {
        assert!(
            document
                .descendants()
                .any(|n| n.attribute("id") == Some(id)),
            "no element #{id}"
        );
    }
    for node in document.descendants().filter(|n| n.has_tag_name("a")) {
        let href = node.attribute("href").expect("a link without href");
        assert!(given.contains(href), "{href} was not given by the links");
    }
    for node in document.descendants() {
        if let Some(style) = node
            .attribute("fill")
            .or(node.attribute("stroke"))
            .or(node.attribute("style"))
        {
            panic!("hard-coded colour or style {style}: use a class");
        }
        // Every node and mark is a link.
        let class = node.attribute("class").unwrap_or_default();
        let in_legend = node
            .ancestors()
            .any(|a| a.attribute("class") == Some("legend"));
        if !in_legend && class.split(' ').any(|c| c == "node" || c == "mark") {
            assert!(node.has_tag_name("a"), "a {class} that is not a link");
        }
    }
    let boxes: Vec<((f64, f64, f64, f64), String)> = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .flat_map(|n| text_boxes(&n))
        .collect();
    for (i, (a, text_a)) in boxes.iter().enumerate() {
        for (b, text_b) in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "{text_a:?} {a:?} overlaps {text_b:?} {b:?}");
        }
    }
}

fn check_all(dossier: &Dossier) -> usize {
    let mut count = 0;
    for medium in [Medium::Screen, Medium::Print] {
        let first = draw(dossier, medium);
        let second = draw(dossier, medium);
        assert_eq!(first.svgs, second.svgs, "two runs must give the same bytes");
        for svg in &first.svgs {
            check_picture(svg, &first.given);
        }
        count += first.svgs.len();
    }
    count
}

fn example() -> Dossier {
    let (dossier, diagnostics) = dossier::check(Path::new(env!("CARGO_MANIFEST_DIR")));
    dossier.unwrap_or_else(|| panic!("the example dossier has errors: {diagnostics:?}"))
}

#[test]
fn pictures_of_the_example_dossier() {
    let dossier = example();
    assert!(check_all(&dossier) > 10);
}

/// The graph of the example dossier: one line per pair of related actors, whichever
/// file holds the relations, each relation type written once in its label; no label
/// is cut or a bare fragment ("du", "de la").
#[test]
fn graph_draws_each_pair_once_with_every_type_and_whole_labels() {
    let dossier = example();
    let none = |_: usize| String::from("#x");
    let citation = |_: &Citation| String::from("#x");
    let links = Links {
        actor: &none,
        event: &none,
        citation: &citation,
    };
    let frame = Frame {
        id: "g",
        medium: Medium::Screen,
        language: dossier.meta.language,
    };
    let svg = relationship_graph(&dossier, None, &links, &frame).expect("a graph");
    let document = roxmltree::Document::parse(&svg).expect("XML");
    let mut pairs = BTreeSet::new();
    for (from, actor) in dossier.actors.iter().enumerate() {
        for relation in &actor.relations {
            pairs.insert((from.min(relation.to), from.max(relation.to)));
        }
    }
    let drawn = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("edge-line"))
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.attribute("class") == Some("legend"))
        })
        .count();
    assert_eq!(drawn, pairs.len(), "one line per pair of actors");
    let labels: Vec<String> = document
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter(|a| {
            a.descendants()
                .any(|n| n.attribute("class") == Some("label-bg"))
        })
        .map(|a| {
            a.descendants()
                .filter(|n| n.attribute("class") == Some("edge-label"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert!(
        labels.len() * 2 >= pairs.len(),
        "most lines labelled: {labels:?}"
    );
    // Niger and Russia each hold a relation to the other: on Niger's profile, both
    // types are on one label.
    let niger = dossier
        .actors
        .iter()
        .position(|a| a.id == "niger")
        .expect("niger");
    let profile = relationship_graph(&dossier, Some(niger), &links, &frame).expect("a graph");
    let texts: String = roxmltree::Document::parse(&profile)
        .expect("XML")
        .descendants()
        .filter(|n| n.has_tag_name("a"))
        .filter(|a| {
            a.descendants()
                .any(|n| n.attribute("class") == Some("label-bg"))
        })
        .map(|a| {
            a.descendants()
                .filter(|n| n.attribute("class") == Some("edge-label"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect::<Vec<_>>()
        .join("|");
    let both = texts
        .split('|')
        .any(|l| l.contains("renforcée avec la") && l.contains("renforcée avec le"));
    assert!(both, "both ways on one label: {texts}");
    for text in document.descendants().filter_map(|n| n.text()) {
        assert!(!text.trim_end().ends_with('…'), "cut: {text}");
    }
    for line in document
        .descendants()
        .filter(|n| matches!(n.attribute("class"), Some("edge-label" | "node-label")))
        .filter(|n| {
            !n.ancestors()
                .any(|a| a.attribute("class") == Some("legend"))
        })
        .filter_map(|n| n.text())
    {
        let bare = line
            .split(' ')
            .all(|w| w.chars().count() <= 3 || w == "→" || w == "←");
        assert!(!bare, "a bare fragment: {line:?}");
    }
}

#[test]
fn pictures_link_only_to_what_exists() {
    let dossier = example();
    let drawn = draw(&dossier, Medium::Screen);
    for href in &drawn.given {
        let ok = if let Some(rest) = href.strip_prefix("../actors/") {
            dossier.actors.iter().any(|a| rest == format!("{}/", a.id))
        } else if let Some(id) = href.strip_prefix("../chronology/#") {
            dossier.events.iter().any(|e| e.id == id)
        } else if let Some(rest) = href.strip_prefix("../sources/") {
            let (id, anchor) = rest.split_once('/').unwrap_or((rest, ""));
            let source = dossier.sources.iter().find(|s| s.id == id);
            source.is_some_and(|s| {
                anchor.is_empty()
                    || anchor
                        .strip_prefix("#p")
                        .and_then(|n| n.parse::<u32>().ok())
                        .is_some_and(|n| s.paragraph(n).is_some())
            })
        } else {
            false
        };
        assert!(ok, "{href} points nowhere");
    }
    // Every actor with a relation is a node of the index graph.
    let given = Given::default();
    let actor = |i: usize| given.give(format!("a{i}"));
    let other = |_: usize| String::from("e");
    let citation = |_: &Citation| String::from("c");
    let links = Links {
        actor: &actor,
        event: &other,
        citation: &citation,
    };
    let frame = Frame {
        id: "g",
        medium: Medium::Screen,
        language: Language::Fr,
    };
    relationship_graph(&dossier, None, &links, &frame).expect("a graph");
    let related = dossier
        .actors
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.relations.is_empty()
                || dossier
                    .actors
                    .iter()
                    .any(|b| b.relations.iter().any(|r| r.to == *i))
        })
        .count();
    assert_eq!(given.0.borrow().len(), related);
}

// ---------------------------------------------------------------------------
// Generated dossiers.

/// A small deterministic generator for test data.
struct Numbers(u64);

impl Numbers {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below.max(1) as u64) as usize
    }
}

const KINDS: [ActorKind; 7] = ActorKind::ORDER;
const TYPES: [&str; 6] = [
    "dirige",
    "allié de",
    "finance",
    "soutient <b>&amp;</b>",
    "partner of",
    "s'oppose à",
];

/// A dossier of `actors` actors (a few hubs and many leaves, names hard to draw) and
/// `events` events, drawn from `seed`.
fn generated(actors: usize, events: usize, seed: u64) -> Dossier {
    let mut numbers = Numbers(seed);
    let mut list = generated_actors(actors);
    generated_relations(&mut list, &mut numbers);
    let mut list_events = generated_events(events, actors, &mut numbers);
    list_events.sort_by(|a, b| a.date.cmp(&b.date).then(a.id.cmp(&b.id)));
    Dossier {
        meta: Meta {
            title: "Test".into(),
            language: Language::Fr,
            ..Meta::default()
        },
        sources: vec![one_source()],
        relations_touching: dossier::model::relations_touching(&list),
        actors: list,
        events: list_events.into(),
        mentions: Vec::new(),
        references: Vec::new(),
        ids: std::collections::BTreeMap::default().into(),
        support: dossier::model::Corroboration::default(),
    }
}

/// The one source every generated relation cites.
fn one_source() -> Source {
    Source {
        id: "source-1".into(),
        path: PathBuf::from("content/sources/source-1.md"),
        title: "Source".into(),
        published: Date::parse("2024").expect("date"),
        outlet: None,
        author: None,
        url: None,
        language: Language::Fr.into(),
        kind: SourceKind::Article,
        reliability: None,
        credibility: None,
        note: None,
        tags: Vec::new(),
        derived_from: Vec::new(),
        fingerprint: String::new(),
        fingerprint_recorded: false,
        body: "".into(),
        paragraphs: Vec::new().into(),
    }
}

/// `actors` actors of every kind, without relations, with long, escaped or short names.
fn generated_actors(actors: usize) -> Vec<Actor> {
    (0..actors)
        .map(|i| Actor {
            id: format!("actor-{i:04}"),
            path: PathBuf::new(),
            name: match i % 5 {
                0 => format!("Mohamed <Ould> & \"Fils\" {i}"),
                1 => format!("Ministère de la Défense nationale et des Anciens combattants {i}"),
                2 => format!("X{i}"),
                3 => format!("Organisation ‘d’Etat’ {i}"),
                _ => format!("Jean-Pierre Lefèvre {i}"),
            },
            kind: KINDS[i % KINDS.len()],
            aliases: Vec::new(),
            summary: None,
            roles: Vec::new(),
            relations: Vec::new(),
            links: Vec::new(),
            tags: Vec::new(),
        })
        .collect()
}

/// Up to three relations for each actor: a few hubs and many leaves, as in real
/// dossiers, some ended, some without a source.
fn generated_relations(list: &mut [Actor], numbers: &mut Numbers) {
    let actors = list.len();
    for (i, actor) in list.iter_mut().enumerate() {
        // A few hubs and many leaves, as in real dossiers.
        for _ in 0..numbers.next(4) {
            let to = if numbers.next(3) == 0 {
                numbers.next(actors.min(8))
            } else {
                numbers.next(actors)
            };
            if to == i {
                continue;
            }
            let ended = numbers.next(4) == 0;
            actor.relations.push(Relation {
                to,
                kind: TYPES[numbers.next(TYPES.len())].into(),
                since: Some(Date::parse("2020-05").expect("date")),
                until: ended.then(|| Date::parse("2023").expect("date")),
                sources: if numbers.next(5) == 0 {
                    Vec::new()
                } else {
                    vec![Citation {
                        source: 0,
                        paragraphs: None,
                    }]
                },
                note: None,
            });
        }
    }
}

/// `events` events among `actors` actors, of every precision of date, some periods and
/// some approximate.
fn generated_events(events: usize, actors: usize, numbers: &mut Numbers) -> Vec<Event> {
    (0..events)
        .map(|i| {
            let year = 2015 + numbers.next(10) as u16;
            let month = 1 + numbers.next(12) as u8;
            let day = 1 + numbers.next(28) as u8;
            let date = match numbers.next(7) {
                0 => Date {
                    year,
                    month: Some(month),
                    day: None,
                },
                1 => Date {
                    year,
                    month: None,
                    day: None,
                },
                _ => Date {
                    year,
                    month: Some(month),
                    day: Some(day),
                },
            };
            let end = (numbers.next(9) == 0).then(|| Date {
                year: year + 1,
                month: Some(month),
                day: None,
            });
            Event {
                id: format!("event-{i:05}"),
                path: PathBuf::new(),
                date,
                end,
                approximate: numbers.next(6) == 0,
                title: format!("Événement <{i}> & « titre » assez long pour déborder"),
                description: None,
                actors: (0..=numbers.next(3))
                    .map(|_| numbers.next(actors.max(1)))
                    .collect(),
                place: None,
                sources: Vec::new(),
                tags: Vec::new(),
                key: false,
            }
        })
        .collect()
}

#[test]
fn pictures_of_30_actors_and_a_few_events() {
    check_all(&generated(30, 5, 1));
}

#[test]
fn pictures_of_300_actors_and_5000_events() {
    check_all(&generated(300, 5000, 2));
}

#[test]
fn pictures_escape_user_text() {
    let dossier = generated(10, 10, 3);
    let drawn = draw(&dossier, Medium::Screen);
    let joined = drawn.svgs.join("\n");
    assert!(!joined.contains("<Ould>") && !joined.contains("<b>"));
    assert!(joined.contains("&lt;Ould&gt; &amp; &quot;Fils&quot;"));
}

#[test]
fn pictures_need_something_to_draw() {
    let dossier = generated(5, 0, 4);
    let none = |_: usize| String::new();
    let citation = |_: &Citation| String::new();
    let links = Links {
        actor: &none,
        event: &none,
        citation: &citation,
    };
    let frame = Frame {
        id: "x",
        medium: Medium::Screen,
        language: Language::En,
    };
    assert!(timeline(&dossier, &[], &links, &frame).is_none());
    assert!(timeline(&dossier, &[99], &links, &frame).is_none());
    let mut lonely = dossier.clone();
    lonely.actors.iter_mut().for_each(|a| a.relations.clear());
    lonely.relations_touching = dossier::model::relations_touching(&lonely.actors);
    assert!(relationship_graph(&lonely, None, &links, &frame).is_none());
    assert!(relationship_graph(&lonely, Some(0), &links, &frame).is_none());
}

#[test]
fn pictures_draw_a_month_as_a_point_with_its_span_and_one_event_not_at_all() {
    let mut dossier = generated(3, 2, 5);
    dossier.events[0].date = Date::parse("2024-02").expect("date");
    dossier.events[0].end = None;
    dossier.events[1].date = Date::parse("2024-03-10").expect("date");
    dossier.events[1].end = None;
    dossier.events[0].approximate = false;
    dossier.events[1].approximate = true;
    let event = |i: usize| format!("#e{i}");
    let none = |_: usize| String::new();
    let citation = |_: &Citation| String::new();
    let links = Links {
        actor: &none,
        event: &event,
        citation: &citation,
    };
    let frame = Frame {
        id: "t",
        medium: Medium::Screen,
        language: Language::En,
    };
    assert!(
        timeline(&dossier, &[0], &links, &frame).is_none(),
        "one event needs no timeline"
    );
    let svg = timeline(&dossier, &[0, 1], &links, &frame).expect("a timeline");
    let document = roxmltree::Document::parse(&svg).expect("XML");
    let month = document
        .descendants()
        .find(|n| n.has_tag_name("a") && n.attribute("class") == Some("mark whisker"))
        .expect("February drawn as a point with a whisker");
    assert_eq!(month.attribute("href"), Some("#e0"));
    assert!(
        month.children().any(|n| n.has_tag_name("circle")),
        "a point"
    );
    assert!(
        !month.children().any(|n| n.has_tag_name("rect")),
        "not a bar"
    );
    let title = |n: roxmltree::Node<'_, '_>| {
        n.descendants()
            .filter(|c| c.has_tag_name("text") || c.has_tag_name("tspan"))
            .filter_map(|c| c.text())
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert_eq!(title(month), dossier.events[0].title, "the title, whole");
    // The tooltip says when; the title is written beside the mark, in one text.
    let tooltip = month
        .children()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text());
    assert_eq!(tooltip, Some("February 2024"));
    assert_eq!(
        month.children().filter(|n| n.has_tag_name("text")).count(),
        1
    );
    let dot = document
        .descendants()
        .find(|n| n.has_tag_name("a") && n.attribute("class") == Some("mark dot approx"))
        .expect("an approximate dot");
    assert_eq!(dot.attribute("href"), Some("#e1"));
    assert!(!svg.contains("filter"), "approximate dates are not blurred");
    let legend: String = document
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join("|");
    assert!(legend.contains("approximate date"), "{legend}");
    assert!(legend.contains("month or year"), "{legend}");
}

/// Times the pictures of a real build: set `DOSSIER_BENCH` to a project root (e.g. the
/// 10,000-source corpus of `shared/bench/gen_corpus.py`) and run with `--ignored
/// --release`.
#[test]
#[ignore = "needs DOSSIER_BENCH, a large generated dossier"]
fn pictures_of_the_benchmark_dossier_are_fast() {
    let Some(root) = std::env::var_os("DOSSIER_BENCH") else {
        return;
    };
    let (dossier, diagnostics) = dossier::check(Path::new(&root));
    let dossier = dossier.unwrap_or_else(|| panic!("errors: {}", diagnostics.error_count()));
    let started = std::time::Instant::now();
    let drawn = draw(&dossier, Medium::Screen);
    let elapsed = started.elapsed();
    println!("{} pictures in {elapsed:.2?}", drawn.svgs.len());
    assert!(elapsed.as_secs_f64() < 10.0);
    for svg in &drawn.svgs {
        check_picture(svg, &drawn.given);
    }
}
