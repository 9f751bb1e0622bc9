//! How well the claims are sourced, and what stops citations from drifting: the
//! corroboration counts and marks, the sources' fingerprints, `dossier lock` and
//! `check --fix`, on real fixtures through the real binary.

mod common;

use std::fmt::Write;
use std::path::Path;

use common::{build, copy_project, dossier, fixture};
use sha2::{Digest, Sha256};

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The part of `text` after the first `start`, up to the next `end`; panics when
/// `start` is not in it.
fn between<'t>(text: &'t str, start: &str, end: &str) -> &'t str {
    let (_, rest) = text
        .split_once(start)
        .unwrap_or_else(|| panic!("no {start} in {text}"));
    rest.split(end).next().unwrap_or(rest)
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(path).expect("dossier.json")).expect("json")
}

/// The `corroboration` of the item of `list` whose `key` is `value`.
fn counts(list: &serde_json::Value, key: &str, value: &str) -> (u64, u64) {
    let item = list
        .as_array()
        .expect("a list")
        .iter()
        .find(|i| i[key] == value)
        .unwrap_or_else(|| panic!("no {key} = {value}"));
    let c = &item["corroboration"];
    (
        c["sources"].as_u64().expect("sources"),
        c["independent"].as_u64().expect("independent"),
    )
}

#[test]
fn derived_sources_and_one_outlet_count_once() {
    let built = build(&fixture("trust"));
    let model = json(&built.out.join("dossier.json"));
    // A reprint of the wire and a post relaying the reprint: one original.
    assert_eq!(counts(&model["events"], "id", "relayed-takeover"), (2, 1));
    // Two wires of one agency (its name written in two cases): one outlet.
    assert_eq!(counts(&model["events"], "id", "agency-takeover"), (2, 1));
    assert_eq!(counts(&model["events"], "id", "confirmed-takeover"), (2, 2));
    let judgments = &model["meta"]["key_judgments"];
    assert_eq!(counts(judgments, "confidence", "moderate"), (2, 2));
    assert_eq!(counts(judgments, "confidence", "low"), (2, 1));
    let relations = &model["actors"][0]["relations"];
    assert_eq!(counts(relations, "type", "runs the terminal of"), (2, 1));
    assert_eq!(counts(relations, "type", "pays the rent of"), (2, 2));
    let repost = model["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["id"] == "repost")
        .expect("repost");
    assert_eq!(repost["derived_from"], serde_json::json!(["reprint"]));
    let key: Vec<bool> = model["events"]
        .as_array()
        .expect("events")
        .iter()
        .map(|e| e["key"].as_bool().expect("key"))
        .collect();
    assert_eq!(key, [false, false, true]);
}

/// The rows of a CSV export, by header name.
fn rows(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).expect("csv");
    let header = reader.headers().expect("header").clone();
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            header
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Regression: the exports gave only the distinct sources of a claim, so that a table
/// or a graph made from them could not tell a claim resting on one agency and its
/// reprints from a corroborated one; nor which source relays which.
#[test]
fn the_exports_say_how_many_independent_sources_each_claim_has() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = fixture("trust");
    let output = dossier(&[
        "export",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        dir.path().to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let events = rows(&dir.path().join("events.csv"));
    let event = |id: &str| {
        let row = events.iter().find(|r| r["id"] == id).expect("event");
        (
            row["distinct_sources"].as_str(),
            row["independent_sources"].as_str(),
        )
    };
    assert_eq!(event("relayed-takeover"), ("2", "1"));
    assert_eq!(event("agency-takeover"), ("2", "1"));
    assert_eq!(event("confirmed-takeover"), ("2", "2"));
    let relations = rows(&dir.path().join("relations.csv"));
    let found: Vec<(&str, &str, &str)> = relations
        .iter()
        .map(|r| {
            (
                r["type"].as_str(),
                r["distinct_sources"].as_str(),
                r["independent_sources"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("runs the terminal of", "2", "1"),
            ("pays the rent of", "2", "2")
        ]
    );
    let sources = rows(&dir.path().join("sources.csv"));
    let repost = sources
        .iter()
        .find(|r| r["id"] == "repost")
        .expect("repost");
    assert_eq!(repost["derived_from"], "reprint");
    let text = std::fs::read(root.join("content/sources/repost.md")).expect("repost.md");
    let body = &text[text
        .windows(4)
        .rposition(|w| w == b"---\n")
        .expect("front matter")
        + 4..];
    assert_eq!(repost["sha256"], hex(body));
    let graph = std::fs::read_to_string(dir.path().join("graph.graphml")).expect("graphml");
    assert!(
        graph.contains("attr.name=\"independent_source_count\" attr.type=\"int\""),
        "{graph}"
    );
    assert!(
        graph.contains("<data key=\"source_count\">2</data>\n      <data key=\"independent_source_count\">1</data>"),
        "{graph}"
    );
}

/// Regression: a roundup `derived_from` two reports counted as two independent sources
/// wherever it was cited, even alone ("1 source cited, 2 independent"), and beside one
/// of the two reports as two, although the passage cited may owe everything to it.
#[test]
fn a_roundup_of_two_reports_adds_no_independent_source_of_its_own() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    std::fs::write(
        root.join("content/sources/roundup.md"),
        "---\ntitle: Week in shipping\npublished: 2024-03-12\noutlet: Digest\n\
         derived_from: [wire, weekly]\n---\nTwo reports put Acme on the docks.\n",
    )
    .expect("roundup");
    std::fs::write(
        root.join("content/events/roundup.yaml"),
        "- id: roundup-alone\n  date: 2024-03-12\n  title: Acme, from the roundup\n  \
         sources: [roundup#p1]\n\
         - id: roundup-and-weekly\n  date: 2024-03-12\n  title: Acme, roundup and weekly\n  \
         sources: [roundup#p1, weekly#p1]\n\
         - id: roundup-and-both\n  date: 2024-03-12\n  title: Acme, roundup and both\n  \
         sources: [roundup#p1, weekly#p1, wire#p1]\n",
    )
    .expect("events");
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = dossier(&[
        "build",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        site.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let model = json(&site.join("dossier.json"));
    assert_eq!(counts(&model["events"], "id", "roundup-alone"), (1, 1));
    assert_eq!(counts(&model["events"], "id", "roundup-and-weekly"), (2, 1));
    assert_eq!(counts(&model["events"], "id", "roundup-and-both"), (3, 2));
    let chronology = std::fs::read_to_string(site.join("chronology/index.html")).expect("page");
    let event = between(&chronology, "Acme, roundup and weekly", "</li>");
    assert!(
        event.contains("rests on a single independent source: 2 sources cited"),
        "{event}"
    );
}

/// Regression: an outlet written once as `The Agency` and elsewhere as `Agency` counted
/// as two independent outlets without a word, so that a claim citing both looked
/// corroborated.
#[test]
fn an_outlet_written_two_ways_is_a_warning_at_the_odd_one() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    std::fs::write(
        root.join("content/sources/agency-again.md"),
        "---\ntitle: Agency, later\npublished: 2024-03-05\noutlet: The Agency.\n---\nAcme again.\n",
    )
    .expect("source");
    let root_arg = root.to_str().expect("utf-8");
    let output = dossier(&["check", root_arg]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains(
            "warning: outlet `The Agency.` is written `Agency` in content/sources/wire.md: \
             the two count as two independent outlets\n  --> content/sources/agency-again.md:4:9"
        ),
        "{text}"
    );
    assert!(
        text.contains("hint: if it is one outlet, write `Agency` in every source of it"),
        "{text}"
    );
    // `Agency` and `AGENCY` already count as one: no warning about them.
    assert_eq!(text.matches("warning: outlet").count(), 1, "{text}");
    let output = dossier(&["check", "--strict", root_arg]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
}

/// Regression: a reversed range gave no number to write, and `#p0` (or any other
/// mistake without digits) was told to write `#p4` or `#p4-p6` with the closing
/// backquote missing, and not why.
#[test]
fn a_wrong_paragraph_reference_says_what_to_write() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    std::fs::write(
        root.join("content/events/mistakes.yaml"),
        "- id: reversed\n  date: 2024-03-01\n  title: Reversed\n  sources: [wire#p2-p1]\n\
         - id: zero\n  date: 2024-03-01\n  title: Zero\n  sources: [wire#p0]\n\
         - id: dangling\n  date: 2024-03-01\n  title: Dangling\n  sources: [wire#p2-]\n",
    )
    .expect("events");
    let output = dossier(&["check", root.to_str().expect("utf-8")]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    for (message, place) in [
        (
            "invalid citation `wire#p2-p1`: the range `#p2-p1` ends before it starts: write \
             `#p1-p2`",
            "content/events/mistakes.yaml:4:13",
        ),
        (
            "invalid citation `wire#p0`: `#p0` is not a paragraph reference: paragraphs are \
             numbered from `#p1`",
            "content/events/mistakes.yaml:8:13",
        ),
        (
            "invalid citation `wire#p2-`: `#p2-` is not a paragraph reference: write `#p4` \
             or `#p4-p6`\n",
            "content/events/mistakes.yaml:12:13",
        ),
    ] {
        assert!(
            text.contains(&format!("error: {message}")),
            "{message}\n{text}"
        );
        assert!(text.contains(place), "{place}\n{text}");
    }
}

/// Regression: what a source relays (`derived_from`) was shown nowhere on the site, so
/// that a reader saw "single source" under a claim citing two sources with no way to
/// see that one reprints the other.
#[test]
fn a_source_page_says_what_it_relays_and_what_relays_it() {
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = dossier(&[
        "build",
        "--root",
        fixture("trust").to_str().expect("utf-8"),
        "--out",
        site.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = |id: &str| {
        std::fs::read_to_string(site.join(format!("sources/{id}/index.html"))).expect("page")
    };
    let reprint = page("reprint");
    assert!(
        reprint.contains(
            "<dt>Relays</dt><dd><a href=\"../wire/index.html\">Agency wire (Agency)</a></dd>"
        ),
        "{reprint}"
    );
    assert!(
        reprint.contains(
            "<dt>Relayed by</dt><dd><a href=\"../repost/index.html\">A post relaying the \
             reprint</a></dd>"
        ),
        "{reprint}"
    );
    let wire = page("wire");
    assert!(
        wire.contains(
            "<dt>Relayed by</dt><dd><a href=\"../reprint/index.html\">Daily reprint \
             (Daily)</a></dd>"
        ),
        "{wire}"
    );
    assert!(!wire.contains("<dt>Relays</dt>"), "{wire}");
    assert!(!page("weekly").contains("<dt>Relay"));
}

/// Regression: the briefing's source list did not say which source relays which, so
/// that its reader could not see why a judgment citing two sources is marked as
/// resting on one.
#[test]
fn the_briefing_source_list_says_what_each_source_relays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("brief.html");
    common::briefing(&fixture("trust"), &["--out", html.to_str().expect("utf-8")]);
    let html = std::fs::read_to_string(&html).expect("briefing");
    let item = |id: &str| between(&html, &format!("<li id=\"source-{id}\">"), "</li>");
    assert!(
        item("reprint").contains(
            "<p class=\"source-relays\"><span class=\"label\">Relays:</span> <a \
             href=\"#source-wire\"><cite>Agency wire</cite></a> (Agency)</p>"
        ),
        "{}",
        item("reprint")
    );
    assert!(item("repost").contains("<cite>Daily reprint</cite></a> (Daily)</p>"));
    assert!(!item("wire").contains("source-relays"), "{}", item("wire"));
}

/// Regression: a key judgment or a relation citing nothing passed `check` without a
/// word (an event got a warning), the summary counted it with the corroborated claims,
/// and the pages marked a claim on one source but not one on none.
#[test]
fn a_claim_citing_no_source_is_a_warning_and_is_marked() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    edit(
        &root.join("content/dossier.yaml"),
        "    sources: [reprint#p1, repost#p1]\n",
        "",
    );
    edit(
        &root.join("content/actors/acme.yaml"),
        "    sources: [wire#p1, weekly#p1]\n",
        "",
    );
    let root_arg = root.to_str().expect("utf-8");
    let output = dossier(&["check", root_arg]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    for (message, place) in [
        (
            "warning: a key judgment cites no source",
            "--> content/dossier.yaml:9:11",
        ),
        (
            "warning: the relation 'pays the rent of' to 'harbour' cites no source",
            "--> content/actors/acme.yaml:8:11",
        ),
    ] {
        let at = text
            .find(message)
            .unwrap_or_else(|| panic!("{message}\n{text}"));
        assert!(text[at..].contains(place), "{place}\n{text}");
    }
    assert!(
        text.contains(
            "rest on a single independent source; 1 judgment and 1 relation cite no source"
        ),
        "{text}"
    );
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = dossier(&["build", root_arg, "--out", site.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let unsourced = "<p class=\"corroboration no-source\"";
    for page in [
        "index.html",
        "briefing/index.html",
        "actors/acme/index.html",
    ] {
        let html = std::fs::read_to_string(site.join(page)).expect("page");
        assert_eq!(html.matches(unsourced).count(), 1, "{page}");
        assert!(html.contains(">unsourced</span>"), "{page}");
    }
}

/// Regression: a source naming itself in `derived_from` was told it "cannot relay,
/// directly or not, a source that relays it", a loop of one it had to work out.
#[test]
fn a_source_derived_from_itself_is_told_so() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    edit(
        &root.join("content/sources/weekly.md"),
        "outlet: Weekly\n",
        "outlet: Weekly\nderived_from: [weekly]\n",
    );
    let output = dossier(&["check", root.to_str().expect("utf-8")]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains(
            "error: `derived_from` of 'weekly' names the source itself\n  --> \
             content/sources/weekly.md:5:16"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "hint: a source does not relay itself: remove `weekly` from its `derived_from`"
        ),
        "{text}"
    );
}

/// Regression: a source whose front matter records `sha256` (its text checked against
/// the capture at every build) looked on its page and in `dossier.json` like any other,
/// so a reader could not tell a pinned text from one nobody checks.
#[test]
fn a_fingerprint_recorded_at_capture_is_said_to_match() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    let path = root.join("content/sources/weekly.md");
    let text = std::fs::read(&path).expect("weekly.md");
    let body = &text[text
        .windows(4)
        .rposition(|w| w == b"---\n")
        .expect("front matter")
        + 4..];
    edit(
        &path,
        "outlet: Weekly\n",
        &format!("outlet: Weekly\nsha256: {}\n", hex(body)),
    );
    let out = tempfile::tempdir().expect("temp dir");
    let site = out.path().join("site");
    let output = dossier(&[
        "build",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        site.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    let page = |id: &str| {
        std::fs::read_to_string(site.join(format!("sources/{id}/index.html"))).expect("page")
    };
    let said = "<span class=\"fingerprint-recorded\">matches the one recorded at capture</span>";
    assert!(page("weekly").contains(said), "{}", page("weekly"));
    assert!(!page("wire").contains(said));
    let model = json(&site.join("dossier.json"));
    let recorded = |id: &str| {
        model["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .find(|s| s["id"] == id)
            .map(|s| s["sha256_recorded"].clone())
    };
    assert_eq!(recorded("weekly"), Some(serde_json::json!(true)));
    assert_eq!(recorded("wire"), Some(serde_json::json!(false)));
}

/// Regression: the warning about a judgment of high confidence on one independent
/// source did not say which: with a wire, its reprint and a post relaying the reprint
/// cited, the analyst had to trace `derived_from` by hand to find the one origin.
#[test]
fn a_high_confidence_judgment_on_one_origin_names_it() {
    let project = copy_project(&fixture("trust"));
    let root = project.path();
    edit(
        &root.join("content/dossier.yaml"),
        "confidence: low",
        "confidence: high",
    );
    let output = dossier(&["check", root.to_str().expect("utf-8")]);
    let text = stderr(&output);
    assert!(
        text.contains(
            "warning: a judgment of high confidence rests on 1 independent source: its 2 \
             sources all go back to Agency\n"
        ),
        "{text}"
    );
}

/// The briefing's chronology explains the "unsourced" mark beside the "single source"
/// one when one of its events cites nothing, and only then.
#[test]
fn the_briefing_legend_explains_the_unsourced_mark_when_it_is_used() {
    let legend = "<span class=\"mark\">unsourced</span> cites no source.</p>";
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("brief.html");
    common::briefing(&fixture("trust"), &["--out", html.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&html).expect("briefing");
    assert!(
        text.contains("rests on a single independent source.</p>"),
        "{text}"
    );
    assert!(!text.contains(legend), "{text}");

    let project = copy_project(&fixture("trust"));
    let root = project.path();
    edit(
        &root.join("content/events/2024.yaml"),
        "  sources: [wire#p1, other-wire#p1]\n",
        "",
    );
    let html = dir.path().join("unsourced.html");
    common::briefing(root, &["--out", html.to_str().expect("utf-8")]);
    let text = std::fs::read_to_string(&html).expect("briefing");
    assert!(text.contains(legend), "{text}");
    let row = between(&text, "<tr id=\"event-agency-takeover\">", "</tr>");
    assert!(
        row.contains("<span class=\"mark\">unsourced</span>"),
        "{row}"
    );
}

#[test]
fn check_says_how_many_claims_rest_on_one_source() {
    let output = dossier(&[
        "check",
        "--strict",
        fixture("trust").to_str().expect("utf-8"),
    ]);
    let text = stderr(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.lines().any(|l| l
            == "2 of 3 events, 1 of 2 judgments and 1 of 2 relations rest on a single \
                independent source"),
        "{text}"
    );
}

/// How many times the "single source" mark stands in `html`.
fn marks(html: &str) -> usize {
    html.matches("class=\"corroboration single-source\"")
        .count()
}

#[test]
fn a_claim_on_one_independent_source_is_marked_and_explained() {
    let built = build(&fixture("trust"));
    let chronology = built.read("chronology/index.html");
    assert_eq!(marks(&chronology), 2, "two events of three");
    // Explained once, with the count, in the text: screen readers read it, hovering
    // the mark and print show it.
    assert!(chronology.contains(
        "<p class=\"corroboration single-source\"><span class=\"mark\">single source</span> \
         <span class=\"mark-detail\">(rests on a single independent source: 2 sources \
         cited)</span></p>"
    ));
    assert_eq!(
        chronology
            .matches("rests on a single independent source")
            .count(),
        2,
        "once per marked event"
    );
    let home = built.read("index.html");
    assert_eq!(marks(&home), 1 + 2, "one judgment, two latest events");
    assert_eq!(
        marks(&built.read("actors/acme/index.html")),
        1,
        "one relation of two"
    );
    assert_eq!(marks(&built.read("briefing/index.html")), 1 + 2);
    let css = built.read("assets/style.css");
    assert!(css.contains(".mark-detail"));
    assert!(css.contains(".event .corroboration:hover .mark-detail { position: static;"));
}

#[test]
fn the_mark_is_in_the_printed_briefing() {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let on_path = |name: &str| std::env::split_paths(&path).any(|dir| dir.join(name).is_file());
    if !dossier::print::BROWSERS.iter().any(|b| on_path(b)) || !on_path("pdftotext") {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs chromium and pdftotext"
        );
        eprintln!("SKIPPED: chromium or pdftotext not found: the PDF is not tested");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("b.pdf");
    let output = common::briefing(&fixture("trust"), &["--pdf", pdf.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::process::Command::new("pdftotext")
        .args([pdf.to_str().expect("utf-8"), "-"])
        .output()
        .expect("pdftotext");
    let text = String::from_utf8_lossy(&text.stdout).to_lowercase();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    // One judgment and two events are marked; the chronology's legend explains the mark.
    assert_eq!(text.matches("single source").count(), 4, "{text}");
    assert!(text.contains("single source rests on a single independent source."));
    assert!(text.contains("rests on a single independent source: 2 sources cited"));
    // The source list carries each source's whole fingerprint.
    let body = "Acme takes over the terminal.\n\nA second paragraph.\n";
    assert!(text.contains(&hex(body.as_bytes())), "{text}");
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::new(), |mut hex, b| {
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

#[test]
fn a_source_page_shows_the_fingerprint_of_its_text() {
    let root = fixture("trust");
    let built = build(&root);
    let file = std::fs::read_to_string(root.join("content/sources/wire.md")).expect("read");
    // The bytes after the line that closes the front matter.
    let body = &file[file.find("\n---\n").expect("front matter") + 5..];
    let full = hex(body.as_bytes());
    let page = built.read("sources/wire/index.html");
    // Written once, whole; the stylesheet shows its start, and all of it on hover, on
    // focus and in print.
    assert!(
        page.contains(&format!(
            "<code class=\"fingerprint\" tabindex=\"0\">{full}</code>"
        )),
        "{page}"
    );
    assert_eq!(page.matches(&full[..12]).count(), 1, "{page}");
    let css = built.read("assets/style.css");
    assert!(css.contains(".meta .fingerprint { display: inline-block; max-width: 12ch;"));
    assert!(css.contains(".meta .fingerprint:hover, .meta .fingerprint:focus { max-width: none;"));
    let model = json(&built.out.join("dossier.json"));
    let wire = &model["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .find(|s| s["id"] == "wire")
        .expect("wire");
    assert_eq!(wire["sha256"], full.as_str());
    assert_eq!(
        wire["paragraphs"][1]["sha256"],
        hex(b"A second paragraph.").as_str()
    );
}

/// A copy of the valid fixture with a lock written by `dossier lock`.
fn locked() -> tempfile::TempDir {
    let project = copy_project(&fixture("valid"));
    let output = dossier(&["lock", project.path().to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("(5 cited paragraphs)"),
        "{}",
        stderr(&output)
    );
    project
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("read");
    assert!(text.contains(from), "{from}");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn the_lock_holds_each_cited_paragraph_and_its_fingerprint() {
    let project = locked();
    let lock = std::fs::read_to_string(project.path().join("dossier.lock")).expect("lock");
    let lines: Vec<&str> = lock.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 5, "{lock}");
    let source = project.path().join("content/sources/minister-statement.md");
    let text = std::fs::read_to_string(&source).expect("read");
    let body = &text[text.find("\n---\n").expect("front matter") + 5..];
    let first = body.split("\n\n").next().expect("p1").trim();
    // The fingerprint, then the first words, for the messages.
    let line = format!("minister-statement#p1 {} ", hex(first.as_bytes()));
    let words: Vec<&str> = first.split_whitespace().take(3).collect();
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&line) && l[line.len()..].starts_with(&words.join(" "))),
        "{line} in\n{lock}"
    );
    // Unchanged content: a clean check.
    let output = dossier(&["check", "--strict", project.path().to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_changed_cited_paragraph_is_a_warning_at_what_cites_it() {
    let project = locked();
    let source = project.path().join("content/sources/minister-statement.md");
    let text = std::fs::read_to_string(&source).expect("read");
    let body = &text[text.find("\n---\n").expect("front matter") + 5..];
    let first = body.split("\n\n").next().expect("p1").trim().to_string();
    edit(&source, &first, &format!("{first} (corrected)"));
    let root = project.path().to_str().expect("utf-8");
    let output = dossier(&["check", root]);
    let text = stderr(&output);
    assert!(output.status.success(), "a warning only: {text}");
    assert!(
        text.contains("the text locked as `minister-statement#p1` (“"),
        "{text}"
    );
    assert!(text.contains("”) is gone"), "{text}");
    assert!(text.contains("--> content/dossier.yaml:"), "{text}");
    assert_eq!(dossier(&["check", "--strict", root]).status.code(), Some(1));
}

#[test]
fn moved_citations_are_errors_that_fix_rewrites_in_place_and_nothing_else() {
    let project = locked();
    let root = project.path();
    let source = root.join("content/sources/port-deal.md");
    edit(
        &source,
        "## The deal\n\n",
        "## The deal\n\nA paragraph added first.\n\n",
    );
    let before = common::files(&root.join("content"));
    let output = dossier(&["check", root.to_str().expect("utf-8")]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("the cited text moved: `port-deal#p1` (“"),
        "{text}"
    );
    assert!(text.contains("”) is now `port-deal#p2`"), "{text}");
    assert!(
        text.contains("--> content/events/2024.yaml:11:13"),
        "{text}"
    );

    let output = dossier(&["check", "--fix", root.to_str().expect("utf-8")]);
    let text = stderr(&output);
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("rewrote content/events/2024.yaml:11:13: port-deal#p1 → port-deal#p2"),
        "{text}"
    );
    assert!(text.contains("7 citations rewritten"), "{text}");
    // Every file is as it was but for the citations named, each at its place.
    let after = common::files(&root.join("content"));
    assert_eq!(
        before.keys().collect::<Vec<_>>(),
        after.keys().collect::<Vec<_>>()
    );
    let mut rewritten = 0;
    for (path, old) in &before {
        let (old, new) = (
            String::from_utf8_lossy(old),
            String::from_utf8_lossy(&after[path]),
        );
        if old == new {
            continue;
        }
        // Each paragraph of port-deal is one further on; nothing else changes.
        let expected = old.replace("port-deal#p2-p3", "\u{0}");
        let expected = ["p3", "p2", "p1"].iter().fold(expected, |text, p| {
            let next = p[1..].parse::<u32>().expect("n") + 1;
            text.replace(&format!("port-deal#{p}"), &format!("port-deal#p{next}"))
        });
        let expected = expected.replace('\u{0}', "port-deal#p3-p4");
        assert_eq!(new, expected, "{path}");
        rewritten += 1;
    }
    assert_eq!(rewritten, 4, "dossier.yaml, two actors, the events");
    // The lock follows the paragraphs: checked again, nothing moved.
    let output = dossier(&["check", "--strict", root.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let again = dossier(&["check", "--fix", root.to_str().expect("utf-8")]);
    assert!(stderr(&again).contains("no moved citation to rewrite"));
}

#[test]
fn fix_without_a_lock_says_so_and_changes_nothing() {
    let project = copy_project(&fixture("valid"));
    let before = common::files(project.path());
    let output = dossier(&["check", "--fix", project.path().to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no dossier.lock in the project: run `dossier lock` first"));
    assert_eq!(before, common::files(project.path()));
}

#[test]
fn init_does_not_ignore_the_lock() {
    let dir = tempfile::tempdir().expect("temp dir");
    let project = dir.path().join("new");
    let output = dossier(&["init", project.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let ignore = std::fs::read_to_string(project.join(".gitignore")).expect(".gitignore");
    assert!(!ignore.contains("lock"), "{ignore}");
    let output = dossier(&["lock", project.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(project.join("dossier.lock").is_file());
}
