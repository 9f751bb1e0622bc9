//! One run reports every problem of an item, each at its own place, and nothing that
//! follows only from another problem: a bad value in one field of an event, an actor, a
//! source or a key judgment does not stop the checks of its other fields, and a field
//! that could not be read is not taken for absent or for its default.

mod common;

use std::path::Path;

/// One diagnostic as printed: severity, message, `path:line:column`, hint.
#[derive(Debug)]
struct Reported {
    severity: String,
    message: String,
    at: String,
    hint: String,
}

/// The result of a command: exit code, stderr, and the diagnostics in it.
struct Run {
    code: Option<i32>,
    stderr: String,
    reported: Vec<Reported>,
}

impl Run {
    /// The diagnostics whose message contains `message`.
    fn with(&self, message: &str) -> Vec<&Reported> {
        self.reported
            .iter()
            .filter(|r| r.message.contains(message))
            .collect()
    }

    /// The one diagnostic whose message contains `message`, checked to be at `at` with
    /// a hint containing `hint`.
    fn one(&self, severity: &str, message: &str, at: &str, hint: &str) {
        let found = self.with(message);
        assert_eq!(found.len(), 1, "one `{message}` expected:\n{}", self.stderr);
        let found = found[0];
        assert_eq!(found.severity, severity, "{}", self.stderr);
        assert_eq!(found.at, at, "`{message}`:\n{}", self.stderr);
        assert!(
            found.hint.contains(hint),
            "hint of `{message}` should say `{hint}`:\n{}",
            self.stderr
        );
    }

    /// No diagnostic whose message contains `message`.
    fn none(&self, message: &str) {
        assert!(
            self.with(message).is_empty(),
            "no `{message}` expected:\n{}",
            self.stderr
        );
    }

    fn errors(&self) -> usize {
        self.reported
            .iter()
            .filter(|r| r.severity == "error")
            .count()
    }
}

/// Reads the diagnostics of a run out of its stderr.
fn parse(stderr: &str) -> Vec<Reported> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut reported = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((severity, message)) = line
            .strip_prefix("error: ")
            .map(|m| ("error", m))
            .or_else(|| line.strip_prefix("warning: ").map(|m| ("warning", m)))
        else {
            continue;
        };
        let at = lines
            .get(i + 1)
            .and_then(|l| l.split_once("--> "))
            .map(|(_, at)| at.trim().to_string())
            .unwrap_or_default();
        let hint = lines[i + 1..]
            .iter()
            .take_while(|l| !l.starts_with("error: ") && !l.starts_with("warning: "))
            .find_map(|l| l.split_once("= hint: "))
            .map(|(_, h)| h.to_string())
            .unwrap_or_default();
        reported.push(Reported {
            severity: severity.into(),
            message: message.into(),
            at,
            hint,
        });
    }
    reported
}

/// The valid fixture with `files` written over it (path under the project, text).
fn project(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = common::copy_project(&common::fixture("valid"));
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// Runs `dossier ARGS --root ROOT` without colours.
fn run(root: &Path, args: &[&str]) -> Run {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .arg("--root")
        .arg(root)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    Run {
        code: output.status.code(),
        reported: parse(&stderr),
        stderr,
    }
}

fn check(root: &Path) -> Run {
    run(root, &["check"])
}

#[test]
fn an_event_with_an_impossible_date_has_its_other_fields_checked_in_the_same_run() {
    let dir = project(&[(
        "content/events/y.yaml",
        "- date: 2024-02-30\n  title: Y\n  actors: [nobody]\n  sources: [port-deal#p99]\n  \
         description: see [[nobody2]]\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "invalid date in `date`: `2024-02-30` does not exist",
        "content/events/y.yaml:1:9",
        "YYYY-MM-DD",
    );
    run.one(
        "error",
        "unknown actor 'nobody'",
        "content/events/y.yaml:3:12",
        "no actor has the id 'nobody'",
    );
    run.one(
        "error",
        "source 'port-deal' has no paragraph p99",
        "content/events/y.yaml:4:13",
        "numbered paragraphs",
    );
    run.one(
        "error",
        "unknown id 'nobody2'",
        "content/events/y.yaml:5:20",
        "no source, actor or event has the id 'nobody2'",
    );
    assert_eq!(run.errors(), 4, "{}", run.stderr);
}

#[test]
fn a_key_judgment_with_a_bad_confidence_has_its_text_and_citations_checked_too() {
    let dossier = "title: Harbour Deal\nkey_judgments:\n  - text: Acme probably won ([[port-deal#p7]]).\n    \
                   confidence: Moderate\n    sources: [port-deal#p8]\n";
    let dir = project(&[("content/dossier.yaml", dossier)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`Moderate` is not a valid `confidence` of a key judgment",
        "content/dossier.yaml:4:17",
        "did you mean `moderate`?",
    );
    run.one(
        "error",
        "no paragraph p7",
        "content/dossier.yaml:3:30",
        "numbered paragraphs",
    );
    run.one(
        "error",
        "no paragraph p8",
        "content/dossier.yaml:5:15",
        "numbered paragraphs",
    );
}

#[test]
fn an_actor_of_unreadable_kind_is_not_said_to_be_of_another_kind() {
    let dir = project(&[
        (
            "content/actors/port-city.yaml",
            "name: Port City\nkind: Place\naliases: [the port]\n",
        ),
        (
            "content/events/y.yaml",
            "- date: 2024-03-20\n  title: Y\n  place: port-city\n  sources: [port-deal#p1]\n",
        ),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`Place` is not a valid `kind` of an actor",
        "content/actors/port-city.yaml:2:7",
        "did you mean `place`?",
    );
    run.none("not a place");
    assert_eq!(run.errors(), 1, "{}", run.stderr);
}

#[test]
fn sources_written_as_text_is_one_error_and_no_warning_of_an_event_without_sources() {
    let dir = project(&[(
        "content/events/y.yaml",
        "- date: 2024-03-20\n  title: Ends here\n  sources: port-deal\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`sources` of an event must be a list, found a string",
        "content/events/y.yaml:3:12",
        "sources: [first, second]",
    );
    run.none("cites no source");
}

#[test]
fn an_unknown_key_standing_for_a_missing_required_key_is_one_error() {
    let source = "---\ntitle: Wire\ndate: 2024-03-01\n---\nText.\n";
    let dir = project(&[
        (
            "content/events/y.yaml",
            "- date: 2024-03-20\n  titre: Début des coupures\n  sources: [port-deal#p1]\n",
        ),
        ("content/sources/wire.md", source),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "unknown key `titre` in an event",
        "content/events/y.yaml:2:3",
        "did you mean `title`?",
    );
    run.one(
        "error",
        "unknown key `date` in a source's front matter",
        "content/sources/wire.md:3:1",
        "did you mean `published`?",
    );
    run.none("missing required key");
}

#[test]
fn blank_titles_empty_items_and_wiki_links_without_an_id_are_errors() {
    let dir = project(&[
        (
            "content/events/y.yaml",
            "- date: 2024-03-06\n  title: \"   \"\n  description: \"A [[]] B [[|x]] C [[ ]]\"\n  \
             sources: [port-deal#p1]\n  tags: [\"\"]\n",
        ),
        (
            "content/actors/port-city.yaml",
            "name: Port City\nkind: place\naliases: [\"\", the port]\n",
        ),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`title` of an event is blank",
        "content/events/y.yaml:2:10",
        "write the title",
    );
    let links = run.with("a wiki-link without an id");
    let at: Vec<&str> = links.iter().map(|r| r.at.as_str()).collect();
    assert_eq!(
        at,
        [
            "content/events/y.yaml:3:19",
            "content/events/y.yaml:3:26",
            "content/events/y.yaml:3:35"
        ],
        "{}",
        run.stderr
    );
    run.one(
        "error",
        "an empty item in `tags` of an event",
        "content/events/y.yaml:5:10",
        "remove it",
    );
    run.one(
        "error",
        "an empty item in `aliases` of an actor",
        "content/actors/port-city.yaml:3:11",
        "remove it",
    );
    run.none("unknown id");
}

#[test]
fn an_actor_or_a_citation_listed_twice_is_a_warning_and_is_kept_once() {
    let events = "- date: 2024-03-20\n  title: Twice\n  actors: [john-smith, john-smith]\n  \
                  sources: [port-deal#p2, \"port-deal#p2\"]\n";
    let dir = project(&[("content/events/y.yaml", events)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.one(
        "warning",
        "'john-smith' is listed twice in `actors`",
        "content/events/y.yaml:3:24",
        "remove the second",
    );
    run.one(
        "warning",
        "`port-deal#p2` is cited twice in this list",
        "content/events/y.yaml:4:27",
        "remove the second",
    );
    let model = common::model(dir.path());
    let event = model
        .events
        .iter()
        .find(|e| e.title == "Twice")
        .expect("the event");
    assert_eq!(event.actors.len(), 1);
    assert_eq!(event.sources.len(), 1);
}

#[test]
fn an_id_used_twice_points_at_its_first_use_and_a_generated_one_hints_at_id() {
    let events = "- date: 2024-03-20\n  title: Same\n  sources: [port-deal#p1]\n\
                  - id: dup-event\n  date: 2024-03-21\n  title: One\n  sources: [port-deal#p1]\n\
                  - id: dup-event\n  date: 2024-03-22\n  title: Two\n  sources: [port-deal#p1]\n";
    let more = "- date: 2024-03-20\n  title: Same\n  sources: [port-deal#p2]\n";
    let dir = project(&[
        ("content/events/y.yaml", events),
        ("content/events/z.yaml", more),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "the id 'dup-event' is already used by content/events/y.yaml:4:7",
        "content/events/y.yaml:8:7",
        "rename one of them",
    );
    run.one(
        "error",
        "the id '2024-03-20-same' is already used by content/events/y.yaml:1:3",
        "content/events/z.yaml:1:3",
        "give one of them an `id:`",
    );
    // The first use is shown with its line, as a second label.
    assert!(
        run.stderr
            .contains("4 | - id: dup-event\n  |       --------- first used here"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_tab_in_the_indentation_says_to_indent_with_spaces() {
    let dir = project(&[(
        "content/actors/port-city.yaml",
        "name: Port City\nkind: place\naliases:\n\t- the port\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let found = run.with("invalid YAML");
    assert_eq!(found.len(), 1, "{}", run.stderr);
    assert_eq!(found[0].at, "content/actors/port-city.yaml:4:1");
    assert!(
        found[0].hint.contains("replace the tab with spaces"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_refused_output_folder_is_counted_as_an_error_before_the_summary() {
    let dir = project(&[]);
    let out = dir.path().join("elsewhere");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("notes.txt"), "mine").expect("write");
    let run = run(
        dir.path(),
        &["build", "--out", out.to_str().expect("utf-8")],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(!run.stderr.contains("0 errors"), "{}", run.stderr);
    let refused = run.with("was not made by `dossier build`");
    assert_eq!(refused.len(), 1, "{}", run.stderr);
    let summary = run.stderr.find("1 error, 0 warnings").expect("summary");
    let error = run.stderr.find("was not made by").expect("the refusal");
    assert!(error < summary, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(out.join("notes.txt")).expect("kept"),
        "mine"
    );
}

#[test]
fn an_uncited_source_is_reported_while_an_unrelated_error_stands() {
    let dossier = "subtitle: no title\n";
    let uncited = "---\ntitle: Nobody cites me\npublished: 2024-03\n---\nText.\n";
    // An empty alias and a blank title name nothing: what is uncited is still known.
    let place = "name: Port City\nkind: place\naliases: [\"\", the port]\n";
    let events = "- date: 2024-03-20\n  title: \" \"\n  sources: [port-deal#p1]\n";
    let dir = project(&[
        ("content/dossier.yaml", dossier),
        ("content/sources/uncited.md", uncited),
        ("content/actors/port-city.yaml", place),
        ("content/events/y.yaml", events),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "missing required key `title` in the dossier",
        "content/dossier.yaml:1:1",
        "add `title: …`",
    );
    assert_eq!(run.errors(), 3, "{}", run.stderr);
    run.one(
        "warning",
        "no event, judgment or text cites 'uncited'",
        "content/sources/uncited.md:2:8",
        "cite it where it is used",
    );
}

#[test]
fn no_source_is_said_uncited_while_a_citation_could_not_be_resolved() {
    let uncited = "---\ntitle: Cited with a typo\npublished: 2024-03\n---\nText.\n";
    let events = "- date: 2024-03-20\n  title: Typo\n  sources: [uncitd]\n";
    let dir = project(&[
        ("content/sources/uncited.md", uncited),
        ("content/events/y.yaml", events),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "unknown source 'uncitd'",
        "content/events/y.yaml:3:13",
        "did you mean 'uncited'?",
    );
    run.none("cites 'uncited'");
}

#[test]
fn a_merge_key_copies_the_anchored_event_and_its_mistakes_are_reported_once() {
    let merged = "- &base\n  date: 2024-03-20\n  title: Base\n  actors: [john-smith]\n  \
                  sources: [port-deal#p1]\n- <<: *base\n  title: Derived\n";
    let dir = project(&[("content/events/y.yaml", merged)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    let model = common::model(dir.path());
    let derived = model
        .events
        .iter()
        .find(|e| e.title == "Derived")
        .expect("the merged event");
    assert_eq!(derived.actors.len(), 1, "the actors of the anchor");
    assert_eq!(derived.sources.len(), 1, "the sources of the anchor");

    let broken = merged.replace("[john-smith]", "[nobody]");
    let dir = project(&[("content/events/y.yaml", &broken)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "unknown actor 'nobody'",
        "content/events/y.yaml:4:12",
        "no actor has the id 'nobody'",
    );
    assert_eq!(run.errors(), 1, "{}", run.stderr);
}

#[test]
fn judgments_are_not_read_in_english_while_the_language_is_unreadable() {
    let dossier = "title: Le port\nlanguage: FR\nkey_judgments:\n  \
                   - text: Il est presque certain que Acme contrôle le port.\n    \
                   confidence: moderate\n    sources: [port-deal#p2]\n";
    let dir = project(&[("content/dossier.yaml", dossier)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`FR` is not a valid `language` of the dossier",
        "content/dossier.yaml:2:11",
        "did you mean `fr`?",
    );
    run.none("says nothing of how likely it is");
    assert_eq!(run.reported.len(), 1, "{}", run.stderr);
}

#[test]
fn a_date_or_a_paragraph_written_another_way_gets_the_fix_as_its_hint() {
    let events = "- date: 2024-2-3\n  title: A\n  sources: [port-deal#p1]\n\
                  - date: February 2024\n  title: B\n  sources: [port-deal#p1]\n\
                  - date: 2023-09-15T10:00:00Z\n  title: C\n  sources: [\"port-deal#§2\"]\n";
    let dir = project(&[("content/events/y.yaml", events)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`2024-2-3` is not a date",
        "content/events/y.yaml:1:9",
        "write `date: 2024-02-03`",
    );
    run.one(
        "error",
        "`February 2024` is not a date",
        "content/events/y.yaml:4:9",
        "write `date: 2024-02`",
    );
    run.one(
        "error",
        "`2023-09-15T10:00:00Z`",
        "content/events/y.yaml:7:9",
        "write `date: 2023-09-15`",
    );
    run.one(
        "error",
        "`#§2` is not a paragraph reference: write `#p2`",
        "content/events/y.yaml:9:13",
        "source-id#p4",
    );
}

#[test]
fn a_day_written_as_french_writers_write_it_gets_the_fix_as_its_hint() {
    let events = "- date: 1er mars 2024\n  title: A\n  sources: [port-deal#p1]\n\
                  - date: 25/12/2024\n  title: B\n  sources: [port-deal#p1]\n\
                  - date: 03/04/2024\n  title: C\n  sources: [port-deal#p1]\n\
                  - date: 31 février 2024\n  title: D\n  sources: [port-deal#p1]\n";
    let dir = project(&[("content/events/y.yaml", events)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`1er mars 2024` is not a date",
        "content/events/y.yaml:1:9",
        "write `date: 2024-03-01`",
    );
    run.one(
        "error",
        "`25/12/2024` is not a date",
        "content/events/y.yaml:4:9",
        "write `date: 2024-12-25`",
    );
    // Day and month both up to 12: both readings, the day first.
    run.one(
        "error",
        "`03/04/2024` is not a date",
        "content/events/y.yaml:7:9",
        "write `date: 2024-04-03` if it is day/month/year, `date: 2024-03-04` if it is month/day/year",
    );
    // No day that does not exist is offered.
    run.one(
        "error",
        "`31 février 2024` is not a date",
        "content/events/y.yaml:10:9",
        "write YYYY, YYYY-MM or YYYY-MM-DD",
    );
}

#[test]
fn a_value_written_as_the_french_site_shows_it_gets_the_word_of_the_format_as_its_hint() {
    let dir = project(&[
        ("content/actors/lieu.yaml", "name: Le Port\nkind: lieu\n"),
        ("content/actors/etat.yaml", "name: La France\nkind: État\n"),
        (
            "content/events/y.yaml",
            "- date: 2024-03\n  title: Y\n  sources: [port-deal#p1]\n",
        ),
    ]);
    let dossier = dir.path().join("content/dossier.yaml");
    let text = std::fs::read_to_string(&dossier).expect("dossier.yaml");
    let text = text
        .replacen("confidence: moderate", "confidence: modérée", 1)
        .replacen("language: en", "language: français", 1);
    std::fs::write(&dossier, text).expect("write");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for (value, meant) in [
        ("lieu", "place"),
        ("État", "state"),
        ("modérée", "moderate"),
        ("français", "fr"),
    ] {
        assert!(
            run.stderr.contains(&format!("`{value}` is not a valid"))
                && run
                    .stderr
                    .contains(&format!("hint: did you mean `{meant}`? allowed:")),
            "{value} → {meant}:\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_hashtag_after_an_unquoted_value_is_named_not_silently_cut() {
    let events = "- date: 2024-03\n  title: L’opposition lance le mot-dièse #SEMgate\n  \
                  sources: [port-deal#p1]  # a comment of the writer\n\
                  - date: 2024-04\n  title: \"Quoted #kept\"\n  sources: [port-deal#p1]\n";
    let dir = project(&[("content/events/y.yaml", events)]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.one(
        "warning",
        "`#SEMgate` after `title` of an event is a YAML comment: it is not part of the value",
        "content/events/y.yaml:2:42",
        "quote the value to keep it: title: \"L’opposition lance le mot-dièse #SEMgate\"",
    );
    run.none("`# a comment");
    run.none("#kept");
    let strict = run_strict(dir.path());
    assert_eq!(strict, Some(1), "--strict refuses the cut value");
}

fn run_strict(root: &Path) -> Option<i32> {
    run(root, &["check", "--strict"]).code
}

/// Regression: a source whose text was never pasted (front matter and nothing after it)
/// passed `check --strict` without a word, and its page showed an empty text.
#[test]
fn a_source_without_text_is_a_warning_at_its_title() {
    let dir = project(&[(
        "content/sources/empty-capture.md",
        "---\ntitle: Captured later\npublished: 2024-03-02\n---\n\n  \n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    run.one(
        "warning",
        "the source 'empty-capture' has no text",
        "content/sources/empty-capture.md:2:8",
        "paste the article's text after the closing `---`",
    );
    assert_eq!(run_strict(dir.path()), Some(1), "--strict fails");
    // A text of a table alone has no numbered paragraph, but it is a text.
    let dir = project(&[(
        "content/sources/table-only.md",
        "---\ntitle: Figures\npublished: 2024-03-02\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    )]);
    check(dir.path()).none("has no text");
}

/// Regression: a `---` line inside an actor's file (two actors in one file, or a
/// closing line as in front matter) was reported as "multiple YAML documents detected;
/// use `from_str_multiple`…", the parser's advice to its programmer, with the hint to
/// check indentation and quoting. A `---` followed by nothing is now let be, and one
/// that begins a second document is an error at that line saying what to do.
#[test]
fn a_second_yaml_document_in_a_file_is_an_error_at_its_line() {
    let dir = project(&[
        (
            "content/actors/niger-republic.yaml",
            "name: Niger\nkind: state\n---\nname: Niger Republic\nkind: state\n",
        ),
        (
            "content/actors/sahel.yaml",
            "---\nname: Sahel\nkind: place\n---\n# nothing more\n",
        ),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "a second YAML document begins here",
        "content/actors/niger-republic.yaml:3:1",
        "remove this `---` line",
    );
    run.none("from_str_multiple");
    run.none("sahel");
    assert_eq!(run.errors(), 1, "{}", run.stderr);
}

/// A file saved by Notepad as "Unicode" (UTF-16) was reported as "invalid byte 0xFF at
/// line 1, column 1" with a hint about binary files; a Windows-1252 file named only the
/// byte. Both now say which encoding the file seems saved in.
#[test]
fn a_file_in_utf16_or_windows_1252_says_which_encoding_it_seems_saved_in() {
    let dir = project(&[]);
    let actors = dir.path().join("content/actors");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "name: Port City\nkind: place\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    std::fs::write(actors.join("port-city.yaml"), utf16).expect("write");
    std::fs::write(
        actors.join("quay.yaml"),
        b"name: Quay\nkind: place\naliases: [Quai d\x92honneur, Quai \xe9tabli]\n",
    )
    .expect("write");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "the file is saved as UTF-16",
        "content/actors/port-city.yaml:1:1",
        "Notepad calls UTF-16 \"Unicode\"",
    );
    run.one(
        "error",
        "invalid byte 0x92 at line 3, column 17 (`’` in Windows-1252 or Latin-1",
        "content/actors/quay.yaml:3:17",
        "save the file as UTF-8",
    );
}

/// A source whose front matter opens with `+++` (TOML, as Hugo and Zola write it), a
/// blank line, an indented `---` or four dashes got the same hint, to begin the file
/// with `---`, which does not say what is wrong with the line there.
#[test]
fn a_front_matter_opened_the_wrong_way_says_what_is_wrong_with_it() {
    let dir = project(&[
        (
            "content/sources/toml.md",
            "+++\ntitle = \"Harbour\"\ndate = 2024-05-01\n+++\nThe harbour.\n",
        ),
        (
            "content/sources/blank.md",
            "\n---\ntitle: Harbour\npublished: 2024-05-01\n---\nThe harbour.\n",
        ),
        (
            "content/sources/dashes.md",
            "----\ntitle: Harbour\npublished: 2024-05-01\n---\nThe harbour.\n",
        ),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let hints: Vec<(&str, &str)> = run
        .with("a source starts with YAML front matter")
        .iter()
        .map(|r| (r.at.as_str(), r.hint.as_str()))
        .collect();
    let hint_of = |file: &str| {
        hints
            .iter()
            .find(|(at, _)| at.starts_with(&format!("content/sources/{file}.md:1:1")))
            .map_or("", |(_, hint)| *hint)
    };
    assert!(
        hint_of("toml").contains("TOML between `+++` lines"),
        "{}",
        run.stderr
    );
    assert!(
        hint_of("blank").contains("remove the blank lines"),
        "{}",
        run.stderr
    );
    assert!(
        hint_of("dashes").contains("exactly three dashes"),
        "{}",
        run.stderr
    );
}

/// An events file whose list sits under a key (`events:`, as some generators' data
/// files have it) was told to start each event with `- `, which it does.
#[test]
fn an_events_list_under_a_key_is_told_to_drop_the_key() {
    let dir = project(&[(
        "content/events/wrapped.yaml",
        "events:\n  - date: 2024-01-01\n    title: Harbour opens\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "an events file holds a list of events, found a mapping",
        "content/events/wrapped.yaml:1:1",
        "remove the line `events:` and write the list itself",
    );
}

/// `language: fr-FR` in dossier.yaml (a language tag with its region, as Hugo's
/// `languageCode` is written) got "allowed: fr, en" and no suggestion, while `FR` got
/// "did you mean `fr`?".
#[test]
fn a_dossier_language_with_a_region_is_told_its_code() {
    let dir = project(&[]);
    let path = dir.path().join("content/dossier.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    let text = match text.find("language:") {
        Some(at) => {
            let end = at + text[at..].find('\n').expect("end of line");
            format!("{}language: en_GB{}", &text[..at], &text[end..])
        }
        None => format!("{text}language: en_GB\n"),
    };
    std::fs::write(&path, text).expect("write");
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let found = run.with("`en_GB` is not a valid `language` of the dossier");
    assert_eq!(found.len(), 1, "{}", run.stderr);
    assert!(
        found[0].hint.starts_with("did you mean `en`?"),
        "{}",
        run.stderr
    );
}

/// A key written twice in a mapping got the hint to "check the indentation and
/// quoting"; it now says where the key was written first.
#[test]
fn a_key_written_twice_is_told_where_it_was_written_first() {
    let dir = project(&[(
        "content/events/twice.yaml",
        "- date: 2024-01-01\n  title: Harbour opens\n- title: Harbour closes\n  date: 2024-01-02\n  title: Harbour shuts\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "duplicate mapping key: title",
        "content/events/twice.yaml:5:3",
        "`title` is written already on line 3: keep one of the two",
    );
}

/// A required key written with nothing after its colon (`published:`, the date left to
/// fill in) was reported as missing, at the top of the front matter, with the hint to
/// add the key that is there.
#[test]
fn a_required_key_without_a_value_is_reported_at_the_key() {
    let dir = project(&[(
        "content/sources/undated.md",
        "---\ntitle: Undated harbour note\npublished:\n---\n\nThe harbour.\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "`published` has no value in a source's front matter",
        "content/sources/undated.md:3:1",
        "write its value after `published:`",
    );
    run.none("missing required key `published`");
}

/// Front matter keys as Hugo, Zola and Jekyll name them (`description`, `categories`,
/// `lang`, `publisher`) got the list of every key, not the one they stand for.
#[test]
fn front_matter_keys_of_other_generators_get_the_key_they_stand_for() {
    let dir = project(&[(
        "content/sources/hugo-habits.md",
        "---\ntitle: Harbour\npublished: 2024-05-01\ndescription: The standfirst\ncategories: [port]\nlang: en\npublisher: Harbour Herald\n---\n\nThe harbour.\n",
    )]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    for (key, line, meant) in [
        ("description", 4, "note"),
        ("categories", 5, "tags"),
        ("lang", 6, "language"),
        ("publisher", 7, "outlet"),
    ] {
        run.one(
            "error",
            &format!("unknown key `{key}`"),
            &format!("content/sources/hugo-habits.md:{line}:1"),
            &format!("did you mean `{meant}`?"),
        );
    }
}

/// `title: 'The regulator's report'`, the commonest quoting mistake of English writers,
/// got "check the indentation and quoting around this place"; a `"` inside `"…"` the same.
#[test]
fn a_quote_mark_that_ends_its_own_value_says_how_to_write_it() {
    let dir = project(&[
        (
            "content/actors/regulator.yaml",
            "name: 'The regulator's office'\nkind: organization\n",
        ),
        (
            "content/actors/port.yaml",
            "name: Port\nkind: place\nsummary: \"Called \"the gate\" by all\"\n",
        ),
    ]);
    let run = check(dir.path());
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    run.one(
        "error",
        "after single-quoted scalar",
        "content/actors/regulator.yaml:1:22",
        "name: 'The regulator''s office'",
    );
    run.one(
        "error",
        "after double-quoted scalar",
        "content/actors/port.yaml:3:19",
        r#"summary: "Called \"the gate\" by all""#,
    );
}
