//! The preview checks a project again after each change, reading only the changed files
//! and reusing what the unchanged ones gave. After every kind of edit, that must give
//! exactly what a fresh `dossier check` gives: the same dossier, the same diagnostics.

use std::path::Path;

use dossier::Rechecker;

fn copy_fixture(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.expect("walk the fixture");
        let target = to.join(entry.path().strip_prefix(&from).expect("inside"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Replaces `from` by `to` in a file, making sure its size changes (so that the change is
/// seen even within the file system's time resolution).
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no {from:?}");
    let edited = text.replacen(from, to, 1);
    assert_ne!(edited.len(), text.len(), "the edit must change the size");
    std::fs::write(&path, edited).expect("write");
}

/// The incremental check and a fresh one agree on everything.
fn assert_same(rechecker: &Rechecker, root: &Path, after: &str) -> (bool, String) {
    let (again, again_diagnostics) = rechecker.check(root);
    let (fresh, fresh_diagnostics) = dossier::check(root);
    let (again_text, fresh_text) = (
        again_diagnostics.render(false),
        fresh_diagnostics.render(false),
    );
    assert_eq!(again_text, fresh_text, "diagnostics after {after}");
    assert_eq!(
        format!("{again:?}"),
        format!("{fresh:?}"),
        "dossier after {after}"
    );
    (fresh.is_some(), fresh_text)
}

#[test]
fn checking_again_after_each_kind_of_edit_gives_what_a_fresh_check_gives() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    copy_fixture(root);
    let rechecker = Rechecker::default();
    let (valid, _) = assert_same(&rechecker, root, "the first run");
    assert!(valid);

    // A source's text changes; an event cites a paragraph that no longer exists.
    edit(
        root,
        "content/sources/port-deal.md",
        "Acme staff arrived the next day.",
        "Acme staff arrived the next day.\n\nA new paragraph about Maria Lopez.",
    );
    assert_same(&rechecker, root, "a new paragraph");
    let statement = root.join("content/sources/minister-statement.md");
    let original = std::fs::read_to_string(&statement).expect("read");
    let body_start = original.rfind("---\n").expect("front matter") + 4;
    let joined = format!(
        "{}{}",
        &original[..body_start],
        original[body_start..].trim().replace("\n\n", " ")
    );
    std::fs::write(&statement, joined).expect("write");
    let (valid, text) = assert_same(&rechecker, root, "the paragraphs joined");
    assert!(!valid, "joining paragraphs breaks a citation:\n{text}");
    std::fs::write(&statement, &original).expect("write");
    let (valid, _) = assert_same(&rechecker, root, "the paragraphs split again");
    assert!(valid);

    // An actor's names change: the mentions in unchanged sources follow.
    edit(
        root,
        "content/actors/john-smith.yaml",
        "aliases: [Minister Smith, minister]",
        "aliases: [Minister Smith, minister, Smith]",
    );
    assert_same(&rechecker, root, "a new alias");

    // An event's file changes; then an id it points at disappears and comes back.
    edit(
        root,
        "content/events/2024.yaml",
        "title: Concession signed",
        "title: Concession signed at last",
    );
    assert_same(&rechecker, root, "an event's title");
    std::fs::rename(
        root.join("content/actors/port-city.yaml"),
        root.join("port-city.yaml"),
    )
    .expect("move the actor out");
    let (valid, text) = assert_same(&rechecker, root, "an actor removed");
    assert!(!valid && text.contains("port-city"), "{text}");
    std::fs::rename(
        root.join("port-city.yaml"),
        root.join("content/actors/port-city.yaml"),
    )
    .expect("move the actor back");
    let (valid, _) = assert_same(&rechecker, root, "the actor back");
    assert!(valid);

    // A new source, then the same source removed.
    std::fs::write(
        root.join("content/sources/late-news.md"),
        "---\ntitle: Late news\npublished: 2024-05\n---\nJohn Smith resigns.\n",
    )
    .expect("write a source");
    assert_same(&rechecker, root, "a new source");
    std::fs::remove_file(root.join("content/sources/late-news.md")).expect("remove");
    assert_same(&rechecker, root, "a source removed");
}
