//! `dossier export` and the site's `exports/`: each format read by the tool that reads
//! it — the `followthemoney` library, networkx, Python's csv module, jsonschema — on
//! the bundled French dossier and the English fixture.

mod common;

use std::path::Path;
use std::process::Command;

use common::{bundled, dossier, fixture};

/// Runs a checker of `tests/tools/` with Python; `None` when Python or one of its
/// libraries is missing outside CI (in CI that fails).
fn python(script: &str, args: &[&Path]) -> Option<String> {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/tools")
        .join(script);
    let output = Command::new("python3").arg(&tool).args(args).output();
    let in_ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false");
    match output {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into()),
        Ok(out) => {
            let stderr = String::from_utf8_lossy(&out.stderr);
            if stderr.contains("ModuleNotFoundError") && !in_ci {
                eprintln!(
                    "SKIPPED {script}: {stderr}(pip install followthemoney networkx jsonschema)"
                );
                return None;
            }
            panic!(
                "{script} failed:\n{}{stderr}",
                String::from_utf8_lossy(&out.stdout)
            );
        }
        Err(e) if !in_ci => {
            eprintln!("SKIPPED {script}: python3 not found ({e})");
            None
        }
        Err(e) => panic!("python3: {e}"),
    }
}

fn export_all(root: &Path, out: &Path) {
    let output = dossier(&[
        "export",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(
        output.status.success(),
        "export failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn check_project(root: &Path) {
    let dir = tempfile::tempdir().expect("temp dir");
    let exports = dir.path().join("exports");
    export_all(root, &exports);
    let built = common::build(root);
    // The build writes the same exports into the site.
    for name in [
        "dossier.ftm.json",
        "timeline.json",
        "events.csv",
        "graph.graphml",
    ] {
        assert_eq!(
            std::fs::read(exports.join(name)).ok(),
            std::fs::read(built.out.join("exports").join(name)).ok(),
            "{name} differs between `export` and the build"
        );
    }
    std::fs::copy(
        built.out.join("exports/dossier.schema.json"),
        exports.join("dossier.schema.json"),
    )
    .expect("schema in the site");
    if let Some(out) = python("check_ftm.py", &[&exports.join("dossier.ftm.json")]) {
        assert!(out.starts_with("ok"), "{out}");
    }
    if let Some(out) = python(
        "check_tables.py",
        &[&exports, &built.out.join("dossier.json")],
    ) {
        assert_eq!(out.trim(), "ok");
    }
}

#[test]
fn bundled_exports_are_read_by_their_tools() {
    check_project(&bundled());
}

#[test]
fn english_exports_are_read_by_their_tools() {
    check_project(&fixture("valid-en"));
}

#[test]
fn one_format_writes_only_its_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("x");
    let output = dossier(&[
        "export",
        "--root",
        fixture("valid-en").to_str().expect("utf-8"),
        "--format",
        "timelinejs",
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success());
    let names: Vec<String> = std::fs::read_dir(&out)
        .expect("out")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|name| name != dossier::export::MARKER)
        .collect();
    assert_eq!(
        names,
        ["timeline.json"],
        "only its file, beside the export's marker"
    );
    let timeline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("timeline.json")).expect("read"))
            .expect("json");
    let first = &timeline["events"][0]["start_date"];
    assert!(first["year"].is_u64(), "{first}");
}

#[test]
fn partial_dates_keep_their_precision_in_the_timeline() {
    let dir = tempfile::tempdir().expect("temp dir");
    export_all(&bundled(), dir.path());
    let timeline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("timeline.json")).expect("read"))
            .expect("json");
    let events = timeline["events"].as_array().expect("events");
    // An event known to the month has a year and a month, and no day.
    let month_only = events
        .iter()
        .find(|e| e["start_date"]["month"].is_u64() && e["start_date"]["day"].is_null())
        .expect("an event known to the month");
    assert!(month_only["start_date"]["year"].is_u64());
    assert!(
        events.iter().any(|e| e["display_date"].is_string()),
        "approximate dates say so"
    );
}

#[test]
fn export_refuses_to_write_into_content() {
    let project = common::copy_project(&fixture("valid-en"));
    let root = project.path();
    let before = common::files(&root.join("content"));
    let output = dossier(&[
        "export",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        root.join("content/sources").to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("inside the project's content/"));
    assert_eq!(common::files(&root.join("content")), before);
}

#[test]
fn export_of_invalid_content_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let invalid = fixture("invalid");
    let some = std::fs::read_dir(&invalid)
        .expect("invalid fixtures")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.join("content").is_dir())
        .expect("an invalid fixture");
    let output = dossier(&[
        "export",
        "--root",
        some.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
}

#[test]
fn timeline_slides_escape_their_titles_and_read_as_text() {
    let project = common::copy_project(&fixture("valid-en"));
    let root = project.path();
    let events = root.join("content/events/2023-2024.yaml");
    let yaml = std::fs::read_to_string(&events).expect("read").replace(
        "title: Concession signed\n  description: |\n",
        "title: \"Concession <b>signed</b> & sealed\"\n  description: |\n    **Bold** <script>alert(1)</script>\n",
    );
    std::fs::write(&events, yaml).expect("write");
    let dir = tempfile::tempdir().expect("temp dir");
    export_all(root, dir.path());
    let timeline: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("timeline.json")).expect("read"))
            .expect("json");
    let slide = timeline["events"]
        .as_array()
        .expect("events")
        .iter()
        .find(|e| e["unique_id"] == "e-concession-signed")
        .expect("the slide");
    // TimelineJS writes the headline and the text as HTML: the content is escaped.
    assert_eq!(
        slide["text"]["headline"],
        "Concession &lt;b&gt;signed&lt;/b&gt; &amp; sealed"
    );
    let text = slide["text"]["text"].as_str().expect("text");
    assert!(!text.contains("<script"), "{text}");
    // The description reads as text: no Markdown marks, wiki-links by name; the sources
    // by title, with their paragraphs and a link to the original.
    assert!(text.starts_with("Bold "), "{text}");
    assert!(!text.contains("[["), "{text}");
    assert!(text.contains("Orion Holdings"), "{text}");
    assert!(text.contains("<br><a href=\"https://"), "{text}");
    assert!(text.contains(" §1"), "{text}");
}

#[test]
fn export_never_replaces_a_file_it_did_not_write() {
    let project = common::copy_project(&fixture("valid-en"));
    let root = project.path();
    let inbox = tempfile::tempdir().expect("temp dir");
    let mine = inbox.path().join("events.csv");
    std::fs::write(&mine, "my own notes\n").expect("write");
    let args = |extra: &[&str]| {
        let mut args = vec![
            "export",
            "--root",
            root.to_str().expect("utf-8"),
            "--format",
            "csv",
            "--out",
            inbox.path().to_str().expect("utf-8"),
        ];
        args.extend_from_slice(extra);
        dossier(&args)
    };
    let refused = args(&[]);
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("events.csv exists and was not written by `dossier export`"),
        "{stderr}"
    );
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&mine).expect("read"),
        "my own notes\n"
    );
    assert!(!inbox.path().join("actors.csv").exists(), "nothing written");
    // With --force it writes, and marks the folder: the next export needs no --force.
    assert!(args(&["--force"]).status.success());
    assert_ne!(
        std::fs::read_to_string(&mine).expect("read"),
        "my own notes\n"
    );
    assert!(args(&[]).status.success());
    // The project's own exports/ is the export's, marked or not.
    let own = root.join("exports");
    std::fs::create_dir_all(&own).expect("mkdir");
    std::fs::write(own.join("events.csv"), "old\n").expect("write");
    let default = dossier(&["export", "--root", root.to_str().expect("utf-8")]);
    assert!(default.status.success());
}

/// Regression: the `FollowTheMoney` entities carried the Markdown of the fields as written
/// (`Logistics group that won the concession for [[port-varna]].`), which Aleph shows as
/// is. Summaries, descriptions and notes read as text, wiki-links by name.
#[test]
fn followthemoney_texts_read_as_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    export_all(&fixture("valid-en"), dir.path());
    let text = std::fs::read_to_string(dir.path().join("dossier.ftm.json")).expect("read");
    let entities: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("one entity a line"))
        .collect();
    let property = |id: &str, name: &str| -> String {
        let entity = entities
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("no entity {id}"));
        entity["properties"][name][0]
            .as_str()
            .unwrap_or_else(|| panic!("{id} has no {name}: {entity}"))
            .to_string()
    };
    assert_eq!(
        property("actor-orion-holdings", "summary"),
        "Logistics group that won the concession for Port of Varna."
    );
    let description = property("event-concession-signed", "description");
    assert!(
        description.starts_with("Orion Holdings signs with Port of Varna"),
        "{description}"
    );
    assert_eq!(
        property("relation-orion-holdings-1", "description"),
        "For thirty years."
    );
    assert!(!text.contains("[["), "no wiki-link is left in the entities");
}
