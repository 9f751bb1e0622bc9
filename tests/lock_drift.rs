//! What `check` and `check --fix` do when the cited texts drift from `dossier.lock`
//! in ways the fix must not paper over: a cited paragraph deleted, a paragraph
//! inserted inside a cited range. Each runs the real binary on a scaffolded project:
//! lock, edit, check, check --fix, check again.

mod common;

use std::path::Path;
use std::process::Output;

use common::dossier;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = read(path);
    assert!(text.contains(from), "{from} in {}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
}

/// A new project from `dossier init` (with `extra` arguments), locked.
fn locked(extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().to_str().expect("utf-8");
    let mut args = vec!["init", root];
    args.extend_from_slice(extra);
    let output = dossier(&args);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = dossier(&["lock", root]);
    assert!(output.status.success(), "{}", stderr(&output));
    dir
}

/// `dossier check [--fix] [--strict] ROOT`.
fn check(root: &Path, flags: &[&str]) -> Output {
    let mut args = vec!["check"];
    args.extend_from_slice(flags);
    args.push(root.to_str().expect("utf-8"));
    dossier(&args)
}

/// The lines of the lock about one source.
fn lock_lines(root: &Path, id: &str) -> Vec<String> {
    read(&root.join("dossier.lock"))
        .lines()
        .filter(|l| l.starts_with(&format!("{id}#")))
        .map(str::to_string)
        .collect()
}

const GONE: &str = "the text locked as `rapport-ingenieurs#p2` («Trois des douze câbles \
                    principaux ont perdu plus d'un…») is gone";

/// Every citation of the gone paragraph, and where it is written.
const CITING_GONE: [&str; 3] = [
    "--> content/dossier.yaml:7:33",
    "--> content/events/pont.yaml:10:67",
    "--> content/events/pont.yaml:12:13",
];

#[test]
fn a_deleted_cited_paragraph_is_reported_at_each_citation_and_no_fix_hides_it() {
    let project = locked(&["--lang", "fr"]);
    let root = project.path();
    let locked_report = lock_lines(root, "rapport-ingenieurs");
    // p2, cited by an event, the summary and its description, is deleted: p3 moves up.
    edit(
        &root.join("content/sources/rapport-ingenieurs.md"),
        "Trois des douze câbles principaux ont perdu plus d'un cinquième de leur section. \
         Les\ninspecteurs recommandent de fermer le pont à toute circulation sans attendre.\
         \n\n",
        "",
    );
    // Another source only moves: its citations are still rewritten.
    edit(
        &root.join("content/sources/communique-mairie.md"),
        "tags: [infrastructures]\n---\n",
        "tags: [infrastructures]\n---\nUn paragraphe ajouté en tête.\n\n",
    );

    let output = check(root, &[]);
    let text = stderr(&output);
    assert_eq!(text.matches(GONE).count(), 3, "{text}");
    for place in CITING_GONE {
        assert!(text.contains(place), "{place} in {text}");
    }
    assert!(
        text.contains("p2 now reads «Remplacer les câbles prendrait au moins dix mois une…»"),
        "{text}"
    );
    // p3 moved onto the number still cited for the gone text: reported, not fixable.
    assert!(
        text.contains(
            "the cited text moved: `rapport-ingenieurs#p3` («Remplacer les câbles prendrait \
             au moins dix mois une…») is now `rapport-ingenieurs#p2`"
        ),
        "{text}"
    );
    assert!(
        text.contains(
            "`dossier check --fix` leaves it as it is, since `rapport-ingenieurs#p2` is still \
             cited for text that is gone"
        ),
        "{text}"
    );

    let events = read(&root.join("content/events/pont.yaml"));
    let output = check(root, &["--fix"]);
    let text = stderr(&output);
    // The moved source's citations are rewritten, the others left alone.
    assert!(
        text.contains(
            "rewrote content/dossier.yaml:13:38: communique-mairie#p3 → communique-mairie#p4"
        ),
        "{text}"
    );
    assert!(!text.contains("→ rapport-ingenieurs"), "{text}");
    assert!(
        text.contains("1 citation of moved text left as it is (see below)"),
        "{text}"
    );
    // In the events, only the range of the moved source changes.
    assert_eq!(
        read(&root.join("content/events/pont.yaml")),
        events.replace("communique-mairie#p1-p2", "communique-mairie#p2-p3")
    );
    let summary = read(&root.join("content/dossier.yaml"));
    assert!(
        summary.contains("[[rapport-ingenieurs#p2]]") && summary.contains("rapport-ingenieurs#p3,"),
        "{summary}"
    );
    // The lock keeps the gone text's fingerprint: it blesses nothing.
    assert_eq!(lock_lines(root, "rapport-ingenieurs"), locked_report);
    assert!(
        lock_lines(root, "communique-mairie")
            .iter()
            .any(|l| l.starts_with("communique-mairie#p4 ")),
        "{:?}",
        lock_lines(root, "communique-mairie")
    );

    // Checked again: the gone text is still reported at every citation, nothing else.
    let output = check(root, &["--strict"]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert_eq!(text.matches(GONE).count(), 3, "{text}");
    for place in CITING_GONE {
        assert!(text.contains(place), "{place} in {text}");
    }
    assert!(!text.contains("moved: `communique-mairie"), "{text}");
}

#[test]
fn a_paragraph_inserted_inside_a_cited_range_is_reported_and_the_range_left_alone() {
    let project = locked(&[]);
    let root = project.path();
    edit(
        &root.join("content/sources/council-statement.md"),
        "announced.\n\n",
        "announced.\n\nOfficials closed both lanes at 6 a.m.\n\n",
    );
    // An English text is quoted in English marks (French ones before).
    let message = "the cited range `council-statement#p1-p2` is split: p2 (“\"Safety comes \
                   first,\" said Ruiz. Ferries will cross…”) is now p3, and the new p2 \
                   (“Officials closed both lanes at 6 a.m.”) stands between, never locked";
    let hint = "to cite only what was locked, write `council-statement#p1` and \
                `council-statement#p2` as separate citations (the numbers the lock knows), \
                then run `dossier check --fix`, which renumbers them with the other moved \
                citations; to cite what stands between too, write `council-statement#p1-p3` \
                once that is done, then run `dossier lock`";

    let output = check(root, &[]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(message), "{text}");
    assert!(text.contains(hint), "{text}");
    assert!(
        text.contains("--> content/events/bridge.yaml:18:13"),
        "{text}"
    );

    let event = read(&root.join("content/events/bridge.yaml"));
    let output = check(root, &["--fix"]);
    let text = stderr(&output);
    // p3, cited alone, moved to p4 and is rewritten; the range is not widened.
    assert!(
        text.contains(
            "rewrote content/dossier.yaml:13:36: council-statement#p3 → council-statement#p4"
        ),
        "{text}"
    );
    assert!(!text.contains("→ council-statement#p1-p3"), "{text}");
    assert_eq!(read(&root.join("content/events/bridge.yaml")), event);
    assert!(
        event.contains("sources: [council-statement#p1-p2]"),
        "{event}"
    );
    // The lock has no entry for the inserted paragraph.
    let lock = lock_lines(root, "council-statement");
    assert!(
        lock.iter().any(|l| l.starts_with("council-statement#p2 ")
            && l.ends_with("\"Safety comes first,\" said Ruiz. Ferries will cross…")),
        "{lock:?}"
    );
    assert!(!lock.iter().any(|l| l.contains("Officials")), "{lock:?}");

    let output = check(root, &[]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains(message), "{text}");
    assert!(text.contains("1 error, 0 warnings"), "{text}");
}

/// Regression: the hint of a split range gave the separate citations in the new
/// numbers (`#p1` and `#p3`), while `check` reads every citation in the lock's numbers
/// until `check --fix` renumbers it: written as told, `#p3` was then reported as moved
/// to `#p4` (another paragraph). Written as the hint says now, `check --fix` renumbers
/// them and the next `check` is clean.
#[test]
fn the_citations_a_split_range_hint_gives_are_fixed_by_the_next_fix() {
    let project = locked(&[]);
    let root = project.path();
    edit(
        &root.join("content/sources/council-statement.md"),
        "announced.\n\n",
        "announced.\n\nOfficials closed both lanes at 6 a.m.\n\n",
    );
    let text = stderr(&check(root, &[]));
    let hint = text
        .lines()
        .find(|l| l.contains("to cite only what was locked, write"))
        .unwrap_or_else(|| panic!("{text}"));
    let written: Vec<&str> = hint
        .split("write ")
        .nth(1)
        .and_then(|rest| rest.split(" as separate").next())
        .map(|pieces| pieces.split(" and ").map(|p| p.trim_matches('`')).collect())
        .unwrap_or_default();
    assert_eq!(
        written,
        ["council-statement#p1", "council-statement#p2"],
        "{hint}"
    );
    edit(
        &root.join("content/events/bridge.yaml"),
        "sources: [council-statement#p1-p2]",
        &format!("sources: [{}]", written.join(", ")),
    );

    let output = check(root, &["--fix"]);
    let text = stderr(&output);
    assert!(
        text.contains(
            "rewrote content/events/bridge.yaml:18:35: council-statement#p2 → council-statement#p3"
        ),
        "{text}"
    );
    let output = check(root, &[]);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(!text.contains("council-statement"), "{text}");
    assert!(
        read(&root.join("content/events/bridge.yaml"))
            .contains("sources: [council-statement#p1, council-statement#p3]")
    );
}

/// Regression: `check --fix` wrote back a file saved with a byte order mark without it
/// (Windows editors add one); only the citations may change, line ends and mark kept.
#[test]
fn the_fix_changes_only_the_citations_of_a_file_with_a_bom_and_crlf() {
    let project = locked(&["--lang", "en"]);
    let root = project.path();
    let events = root.join("content/events/bridge.yaml");
    let windows = format!("\u{feff}{}", read(&events).replace('\n', "\r\n"));
    std::fs::write(&events, &windows).expect("write");
    edit(
        &root.join("content/sources/engineers-report.md"),
        "---\nThe inspection",
        "---\nA new first paragraph.\n\nThe inspection",
    );
    let output = check(root, &["--fix"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let expected = windows
        .replace("engineers-report#p2", "engineers-report#p3")
        .replace("engineers-report#p1", "engineers-report#p2");
    assert_ne!(expected, windows, "the file cites moved paragraphs");
    assert_eq!(
        std::fs::read(&events).expect("read"),
        expected.into_bytes(),
        "only the citations changed"
    );
}
