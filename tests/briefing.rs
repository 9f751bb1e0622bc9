//! `dossier briefing` and the site's `briefing/index.html`, run through the real binary:
//! the page holds every part in the dossier's language and every link stays inside it
//! (sources' addresses aside); content errors write nothing. The PDF is tested in
//! `briefing_pdf.rs`.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{
    briefing, build, bundled, copy_project, decode, dossier, fixture, ids, model, start_tags,
};

/// The HTML briefing of the project at `root`, written by `dossier briefing --out`.
fn html_briefing(root: &Path) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("briefing.html");
    briefing(root, &["--out", out.to_str().expect("utf-8")]);
    std::fs::read_to_string(&out).expect("briefing written")
}

/// Every link of the page: an in-page anchor that exists, or a source's address.
fn links_stay_inside(html: &str, model: &dossier::model::Dossier) -> Vec<String> {
    let ids = ids(html);
    let addresses: Vec<&str> = model
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .collect();
    let mut problems = Vec::new();
    for tag in start_tags(html) {
        for attr in ["href", "src", "action"] {
            let Some(value) = tag.get(attr) else { continue };
            if tag.name == "link" && tag.get("rel") == Some("icon") && value == "data:," {
                continue;
            }
            match value.strip_prefix('#') {
                Some(anchor) if ids.contains(anchor) => {}
                Some(anchor) => problems.push(format!("{attr}=\"{value}\": no id {anchor}")),
                None if attr == "href" && addresses.contains(&value) => {}
                None => problems.push(format!("{attr}=\"{value}\" leaves the page")),
            }
        }
    }
    problems
}

#[test]
fn bundled_briefing_is_french_and_complete() {
    let root = bundled();
    let html = html_briefing(&root);
    let d = model(&root);
    assert!(html.contains("<html lang=\"fr\" class=\"light-only\">"));
    for label in [
        "Sommaire",
        "En bref",
        "Jugements clés",
        "Chronologie",
        "Acteurs",
        "Sources",
        "Notes",
        "Confiance",
    ] {
        assert!(html.contains(label), "label {label}");
    }
    assert!(
        !html.contains("Key judgments") && !html.contains("Contents"),
        "no English label"
    );
    assert!(
        html.contains("<title>La présence militaire russe au Niger"),
        "the title of content/dossier.yaml"
    );
    assert!(
        html.contains("21 novembre 2026"),
        "date of the last update in words"
    );
    assert!(
        html.contains("@top-center { content: \"SOURCES OUVERTES\"; }"),
        "marking in the page margins"
    );
    assert!(
        html.contains("counter(page) \" / \" counter(pages)"),
        "page numbers"
    );
    for event in &d.events {
        assert!(
            html.contains(&format!("<tr id=\"event-{}\">", event.id)),
            "event {}",
            event.id
        );
    }
    for actor in &d.actors {
        assert!(
            html.contains(&format!("<tr id=\"actor-{}\">", actor.id)),
            "actor {}",
            actor.id
        );
    }
    for source in &d.sources {
        assert!(
            html.contains(&format!("<li id=\"source-{}\">", source.id)),
            "source {}",
            source.id
        );
        if let Some(grade) = source.grade() {
            assert!(
                html.contains(&format!("<span class=\"grade\">{grade}</span>")),
                "grade {grade}"
            );
        }
    }
    for k in 1..=d.meta.key_judgments.len() {
        let start = html.find(&format!("<li id=\"kj-{k}\"")).expect("judgment");
        let judgment = &html[start..start + html[start..].find("</li>").expect("end")];
        assert!(
            judgment.contains("class=\"nref\" href=\"#note-"),
            "judgment {k} calls its notes"
        );
    }
    // Notes are numbered from 1 without a gap, each quoting its paragraphs.
    let notes = html.matches("<li id=\"note-").count();
    assert!(notes >= 5, "{notes} notes");
    for n in 1..=notes {
        assert!(html.contains(&format!("<li id=\"note-{n}\">")), "note {n}");
    }
    assert!(
        html.contains("<span class=\"para\">§11</span> «\u{a0}"),
        "French quotation marks"
    );
    let problems = links_stay_inside(&html, &d);
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(!html.contains("<script"), "no script");
    assert_eq!(
        start_tags(&html)
            .iter()
            .filter(|t| t.name == "style")
            .count(),
        1
    );
    assert_eq!(
        start_tags(&html)
            .iter()
            .filter(|t| t.name == "link" && !common::is_empty_icon(t))
            .count(),
        0,
        "nothing to fetch"
    );
}

#[test]
fn english_briefing_keeps_only_sources_addresses() {
    let root = fixture("valid");
    let html = html_briefing(&root);
    let d = model(&root);
    assert!(html.contains("<html lang=\"en\" class=\"light-only\">"));
    for label in [
        "Contents",
        "Bottom line",
        "Key judgments",
        "Chronology",
        "Actors",
        "Sources",
        "Notes",
    ] {
        assert!(html.contains(label), "label {label}");
    }
    assert!(
        !html.contains("Jugements") && !html.contains("Sommaire"),
        "no French label"
    );
    assert!(
        html.contains("c. January 2024"),
        "approximate date in English"
    );
    assert!(
        html.contains("<a href=\"https://example.org/news/port-deal\">"),
        "the source's address"
    );
    assert!(html.contains("</span> “"), "English quotation marks");
    // A whole-source citation gets a note without a quotation.
    assert!(html.contains("Statement by the Minister of Transport</a> (March 2024)."));
    // Wiki-links to actors point at the roster.
    assert!(html.contains("href=\"#actor-acme-shipping\""));
    let problems = links_stay_inside(&html, &d);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn every_fixture_keeps_its_links_inside() {
    for name in ["valid-en", "hostile"] {
        let root = fixture(name);
        let html = html_briefing(&root);
        let problems = links_stay_inside(&html, &model(&root));
        assert!(problems.is_empty(), "{name}: {problems:#?}");
        assert!(!html.contains("<script"), "{name}: no script");
    }
}

#[test]
fn links_written_in_texts_stay_inside_or_become_text() {
    let project = copy_project(&fixture("valid"));
    let yaml = project.path().join("content/dossier.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    let summary = "summary: |\n  See [the report](https://example.org/report), [a page](../sources/port-deal/index.html), \
        <https://example.org/auto>, a note[^n], [[port-deal#p2|the article]], [[acme-takes-over]], \
        [[port-deal]] and ![a map](https://example.org/map.png).\n\n  [^n]: A footnote.\n";
    let start = text.find("summary:").expect("summary");
    let end = start + text[start..].find("key_judgments:").expect("next key");
    std::fs::write(
        &yaml,
        format!("{}{summary}{}", &text[..start], &text[end..]),
    )
    .expect("write");
    let html = html_briefing(project.path());
    let problems = links_stay_inside(&html, &model(project.path()));
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(html.contains("<span class=\"inert-link\">the report</span> <span class=\"url\">(https://example.org/report)</span>"));
    assert!(
        html.contains("<span class=\"inert-link\">a page</span>,"),
        "a relative link leads nowhere: text"
    );
    assert!(
        html.contains("<span class=\"inert-link\">https://example.org/auto</span>,"),
        "an autolink is its address"
    );
    assert!(
        html.contains("<span class=\"inert-link\">a map</span>"),
        "no image fetched"
    );
    assert!(!html.contains("<img"));
    assert!(
        html.contains("href=\"#fn-summary-1\""),
        "footnotes stay in the page"
    );
    assert!(html.contains("href=\"#source-port-deal\" title=\"Acme Shipping wins the port concession\">the article</a><a class=\"nref\" href=\"#note-1\">1</a>"));
    assert!(html.contains("href=\"#event-acme-takes-over\""));
}

#[test]
fn the_site_holds_the_same_briefing_with_a_way_back() {
    let root = fixture("valid");
    let site = build(&root);
    let back = "<nav class=\"site-link\" aria-label=\"Back to the site\"><a href=\"../index.html\">← Back to the site · Harbour Deal</a></nav>\n";
    let on_site = site.read("briefing/index.html");
    assert!(
        on_site.contains(back),
        "the web page links back to the site"
    );
    assert_eq!(on_site.replacen(back, "", 1), html_briefing(&root));
    assert!(
        site.read("sources/index.html")
            .contains("<a href=\"../briefing/index.html\">Briefing</a>"),
        "the main navigation leads to it"
    );
    assert!(
        site.read("index.html")
            .contains("<a href=\"briefing/index.html\">Briefing →</a>"),
        "the home page links to it"
    );
    assert!(
        site.read("sitemap.xml")
            .contains("<loc>https://example.org/harbour/briefing/</loc>"),
        "in the sitemap"
    );
}

/// Regression: with the system in dark mode, the briefing (white paper) drew its pictures
/// in the dark palette, light grey on white. The page says it is light only, and the
/// pictures' dark colours apply only to pages that do not say so (the browser test
/// `pictures.test.js` measures the drawn colours).
#[test]
fn the_briefing_keeps_its_pictures_light_in_a_dark_system_theme() {
    let html = html_briefing(&fixture("valid-en"));
    let root = start_tags(&html)
        .into_iter()
        .find(|t| t.name == "html")
        .expect("an <html> tag");
    assert_eq!(
        root.get("class"),
        Some("light-only"),
        "the page is light only"
    );
    assert!(html.contains("<svg"), "the briefing draws pictures");
    for (i, _) in html.match_indices("@media (prefers-color-scheme: dark) {") {
        let block = &html[i..];
        let selector = block
            .split_once('{')
            .and_then(|(_, rest)| rest.split_once('{'))
            .map_or("", |(selector, _)| selector.trim());
        assert!(
            selector.starts_with(":where(:root:not(.light-only))"),
            "a dark rule that applies to the briefing: {selector}"
        );
    }
}

#[test]
fn content_errors_write_nothing() {
    let project = copy_project(&fixture("valid"));
    let yaml = project.path().join("content/dossier.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    std::fs::write(
        &yaml,
        text.replace("confidence: high", "confidence: certain"),
    )
    .expect("write");
    let out = project.path().join("out.html");
    let output = dossier(&[
        "briefing",
        "--root",
        project.path().to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
}

/// The notes of a briefing page: for each, the source it names and the paragraphs it
/// quotes.
fn notes_of(html: &str) -> Vec<(String, Vec<String>)> {
    html.split("<li id=\"note-")
        .skip(1)
        .map(|note| {
            let note = &note[..note.find("</li>").expect("end of note")];
            let source = note
                .split("class=\"note-source\"")
                .nth(1)
                .and_then(|rest| rest.split('>').nth(1))
                .and_then(|rest| rest.split('<').next())
                .expect("source named")
                .to_string();
            let paragraphs = note
                .split("<span class=\"para\">")
                .skip(1)
                .map(|p| p[..p.find('<').expect("end")].to_string())
                .collect();
            (source, paragraphs)
        })
        .collect()
}

#[test]
fn no_two_notes_quote_the_same_paragraph() {
    for root in [bundled(), fixture("valid"), fixture("valid-en")] {
        let html = html_briefing(&root);
        let notes = notes_of(&html);
        assert!(!notes.is_empty(), "{}: notes", root.display());
        let mut quoted = std::collections::BTreeSet::new();
        for (source, paragraphs) in &notes {
            for paragraph in paragraphs {
                assert!(
                    quoted.insert((source.clone(), paragraph.clone())),
                    "{}: {source} {paragraph} quoted twice: {notes:#?}",
                    root.display()
                );
            }
        }
        // Calls are superscript numbers, never "[7]".
        assert!(html.contains("<a class=\"nref\" href=\"#note-1\">1</a>"));
        assert!(!html.contains("\">[1]</a>"), "bracketed call");
        // A call the text wrote alone in parentheses, `([[source#p4]])`, is set after
        // the word before it.
        let alone = html.split("(<a class=\"nref\"").skip(1).any(|rest| {
            rest.find("</a>")
                .is_some_and(|end| rest[end + 4..].starts_with(')'))
        });
        assert!(!alone, "{}: a call alone in parentheses", root.display());
    }
    // A range quotes every paragraph of the range: the judgment citing
    // minister-statement#p1-p2 gets one note quoting both.
    let notes = notes_of(&html_briefing(&fixture("valid")));
    assert!(notes.iter().any(|(_, p)| p == &["§1", "§2"]), "{notes:#?}");
}

#[test]
fn sections_pick_what_the_page_holds() {
    let root = bundled();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("b.html");
    let out_str = out.to_str().expect("utf-8");
    briefing(
        &root,
        &["--out", out_str, "--sections", "sources, judgments"],
    );
    let html = std::fs::read_to_string(&out).expect("written");
    let d = model(&root);
    assert!(
        links_stay_inside(&html, &d).is_empty(),
        "{:#?}",
        links_stay_inside(&html, &d)
    );
    let judgments = html
        .find("<span class=\"num\">1.</span> Jugements clés")
        .expect("judgments first");
    let sources = html
        .find("<span class=\"num\">2.</span> Sources")
        .expect("sources second");
    assert!(judgments < sources);
    for absent in [
        "id=\"summary\"",
        "id=\"chronology\"",
        "id=\"actors\"",
        "id=\"notes\"",
        "class=\"nref\"",
    ] {
        assert!(!html.contains(absent), "{absent}");
    }
    // Without notes, the source list still holds every source the judgments cite.
    for source in &d.sources {
        assert!(html.contains(&format!("id=\"source-{}\"", source.id)));
    }
    let wrong = dossier(&[
        "briefing",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        out_str,
        "--sections",
        "summary,judgement",
    ]);
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(!wrong.status.success());
    assert!(stderr.contains("unknown section `judgement`"), "{stderr}");
}

/// A copy of the `valid` fixture with `count` more events, dated 2023, citing a
/// paragraph no key judgment cites; the first is a key event and the second is
/// linked from a key judgment.
fn many_events(count: usize) -> tempfile::TempDir {
    let project = copy_project(&fixture("valid"));
    let content = project.path().join("content");
    let mut events = String::new();
    for i in 0..count {
        let key = if i == 0 { "\n  key: true" } else { "" };
        let (month, day) = (1 + i % 12, 1 + i % 28);
        let _ = write!(
            events,
            "- id: filler-{i}\n  date: 2023-{month:02}-{day:02}\n  title: Filler event {i}{key}\n  sources: [port-deal#p1]\n"
        );
    }
    std::fs::write(content.join("events/2023.yaml"), events).expect("events");
    let yaml = content.join("dossier.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    let judgment = "- text: The minister probably backed the deal before it was signed.";
    assert!(text.contains(judgment), "the fixture's judgment changed");
    let text = text.replace(
        judgment,
        "- text: The minister probably backed the deal before it was signed ([[filler-1]]).",
    );
    std::fs::write(&yaml, text).expect("write");
    project
}

#[test]
fn a_long_chronology_keeps_key_events_and_those_the_judgments_rest_on() {
    let project = many_events(70);
    let d = model(project.path());
    assert!(d.events.len() > 60);
    let html = html_briefing(project.path());
    let rows: Vec<&str> = html
        .split("<tr id=\"event-")
        .skip(1)
        .map(|row| &row[..row.find('"').expect("id")])
        .collect();
    // Key event, event linked from a judgment, events citing a passage a judgment
    // cites (port-deal#p2, minister-statement#p1-p2), in date order.
    let expected: Vec<&str> = d
        .events
        .iter()
        .map(|e| e.id.as_str())
        .filter(|id| {
            ["filler-0", "filler-1", "acme-takes-over"].contains(id)
                || *id
                    == d.events
                        .iter()
                        .find(|e| e.title == "Minister meets Acme")
                        .expect("event")
                        .id
        })
        .collect();
    assert_eq!(rows, expected);
    assert!(
        !html.contains("Concession signed</p>"),
        "an event no judgment rests on"
    );
    let told = format!(
        "This chronology holds {} of the dossier's {} events",
        expected.len(),
        d.events.len()
    );
    let text = decode(&html);
    assert!(text.contains(&told), "says how many it leaves out");
    assert!(
        text.contains(&format!(
            "The other {} are in the site's chronology (https://example.org/harbour/chronology/)",
            d.events.len() - expected.len()
        )),
        "and where they are"
    );
    assert!(
        links_stay_inside(&html, &d).is_empty(),
        "{:#?}",
        links_stay_inside(&html, &d)
    );
    // At most 60 events, the chronology holds them all.
    let few = many_events(50);
    let html = html_briefing(few.path());
    assert_eq!(
        html.matches("<tr id=\"event-").count(),
        model(few.path()).events.len()
    );
    assert!(!html.contains("This chronology holds"));
}

#[test]
fn a_folder_given_for_the_briefing_is_named_as_a_folder() {
    let project = copy_project(&fixture("valid"));
    let folder = project.path().join("inbox");
    std::fs::create_dir_all(&folder).expect("mkdir");
    let output = dossier(&[
        "briefing",
        "--root",
        project.path().to_str().expect("utf-8"),
        "--out",
        folder.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("is a folder: give the path of the file to write in it"),
        "{stderr}"
    );
    assert!(!stderr.contains("dossier build"), "{stderr}");
}

#[test]
fn a_note_quotes_a_paragraph_that_is_a_quotation_in_one_pair_of_marks() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("fr");
    let made = dossier(&["init", root.to_str().expect("utf-8"), "--lang", "fr"]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let content = root.join("content");
    std::fs::write(
        content.join("sources/communique-region.md"),
        "---\ntitle: La Région se constitue partie civile\npublished: 2024-10-07\n---\n\
         Le président annonce que la Région se constitue partie civile :\n\n\
         «\u{a0}La Région a été trompée\u{202f}; elle entend être indemnisée\u{202f}!\u{a0}»\n\n\
         «\u{a0}Nous verrons\u{a0}», a-t-il ajouté.\n",
    )
    .expect("source written");
    std::fs::write(
        content.join("events/region.yaml"),
        "- date: 2024-10-07\n  title: La Région se constitue partie civile\n  key: true\n  \
         sources: [communique-region#p1-p3]\n",
    )
    .expect("events written");
    let html = html_briefing(&root);
    let note = html
        .split("<li id=\"note-")
        .find(|note| note.contains("trompée"))
        .expect("the note quoting the source");
    let quotes: Vec<&str> = note.split("<span class=\"para\">").skip(1).collect();
    // The paragraph is a quotation of its own: shown as it is, not « « … » ».
    assert!(
        quotes[1].starts_with("§2</span> «\u{a0}La Région a été trompée")
            && quotes[1].contains("indemnisée\u{202f}!\u{a0}»</span>"),
        "{note}"
    );
    // A paragraph that only begins with a quotation is still set inside the marks.
    assert!(
        quotes[2].starts_with("§3</span> «\u{a0}«\u{a0}Nous verrons"),
        "{note}"
    );
    // An ordinary paragraph too.
    assert!(note.contains("§1</span> «\u{a0}Le président"), "{note}");
}

/// Regression: with more actors than the roster lists and none of them in a key event, a
/// judgment or the summary, the roster kept no actor ("0 of 100") and yet the dossier's
/// whole graph followed it, alone on its page.
#[test]
fn a_roster_that_keeps_no_actor_has_no_graph_after_it() {
    let project = copy_project(&fixture("valid"));
    let actors_only = |root: &Path| {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("briefing.html");
        let output = briefing(
            root,
            &[
                "--sections",
                "actors",
                "--out",
                out.to_str().expect("utf-8"),
            ],
        );
        assert!(output.status.success(), "{output:?}");
        std::fs::read_to_string(&out).expect("briefing written")
    };
    let html = actors_only(project.path());
    assert!(
        html.contains("class=\"pic pic-graph\""),
        "the graph, with its roster"
    );
    for i in 0..60 {
        std::fs::write(
            project
                .path()
                .join(format!("content/actors/extra-{i:02}.yaml")),
            format!("name: Extra person {i}\nkind: person\n"),
        )
        .expect("actor");
    }
    // Without the chronology, the summary or the judgments, nothing picks an actor.
    let html = actors_only(project.path());
    assert!(!html.contains("Extra person"), "the roster keeps no actor");
    assert!(!html.contains("class=\"pic pic-graph\""), "no graph alone");
}
