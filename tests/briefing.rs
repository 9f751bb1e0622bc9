//! `dossier briefing` and the site's `briefing/index.html`, run through the real binary:
//! the page holds every part in the dossier's language and every link stays inside it
//! (sources' addresses aside); content errors write nothing. The PDF is tested in
//! `briefing_pdf.rs`.

mod common;

use std::path::Path;

use common::{briefing, build, bundled, copy_project, dossier, fixture, ids, model, start_tags};

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
    assert!(html.contains("<html lang=\"fr\">"));
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
    // Notes are numbered from 1 without a gap, each quoting its paragraph.
    let notes = html.matches("<li id=\"note-").count();
    assert!(notes > 10, "{notes} notes");
    for n in 1..=notes {
        assert!(html.contains(&format!("<li id=\"note-{n}\">")), "note {n}");
    }
    assert!(
        html.contains("<span class=\"quote\">«\u{a0}"),
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
    assert!(html.contains("<html lang=\"en\">"));
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
    assert!(
        html.contains("<span class=\"quote\">“"),
        "English quotation marks"
    );
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
    assert!(html.contains("href=\"#source-port-deal\" title=\"Acme Shipping wins the port concession\">the article</a><a class=\"nref\" href=\"#note-1\">[1]</a>"));
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
