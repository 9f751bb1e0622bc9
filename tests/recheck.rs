//! The preview checks a project again after each change, reading only the changed files
//! and reusing what the unchanged ones gave. After every kind of edit, that must give
//! exactly what a fresh `dossier check` gives: the same dossier, the same diagnostics;
//! whether the files' sizes and times tell what changed, or the watcher's list of
//! changed paths does.

use std::path::{Path, PathBuf};

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
    assert_same_as(rechecker.check(root), root, after)
}

/// `again` (a check made again) and a fresh check agree on everything.
fn assert_same_as(
    again: (
        Option<dossier::model::Dossier>,
        dossier::diagnostics::Diagnostics,
    ),
    root: &Path,
    after: &str,
) -> (bool, String) {
    let (again, again_diagnostics) = again;
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

/// A copy of the valid fixture checked again after each change, told what changed as
/// the watcher tells it (paths relative to the project).
struct Watched {
    _dir: tempfile::TempDir,
    root: PathBuf,
    rechecker: Rechecker,
}

impl Watched {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_path_buf();
        copy_fixture(&root);
        let rechecker = Rechecker::default();
        let (valid, _) = assert_same(&rechecker, &root, "the first run");
        assert!(valid);
        Self {
            _dir: dir,
            root,
            rechecker,
        }
    }

    fn path(&self, file: &str) -> PathBuf {
        self.root.join(file)
    }

    /// Checks again, told that `changed` changed, and compares with a fresh check.
    fn after(&self, changed: &[&str], what: &str) -> (bool, String) {
        let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
        let again = self.rechecker.check_after(&self.root, &changed);
        assert_same_as(again, &self.root, what)
    }
}

/// Writes `to` over `from` in the file at `path`, then sets its modification time back:
/// the same size and time, as a quick second save can leave a file.
fn edit_keeping_size_and_time(path: &Path, from: &str, to: &str) {
    assert_eq!(from.len(), to.len());
    let modified = std::fs::metadata(path)
        .and_then(|m| m.modified())
        .expect("time");
    let text = std::fs::read_to_string(path).expect("read");
    std::fs::write(path, text.replacen(from, to, 1)).expect("write");
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|file| file.set_modified(modified))
        .expect("set the time back");
}

/// Editors' backup and swap files, and files loading does not read, seen after the
/// watcher's list as by a fresh check.
fn editors_files_and_others(project: &Watched, source: &str) {
    let root = project.root.as_path();
    // Editors' files: a copy kept as `.bak` is reported on by the walk; a backup `~`
    // and a hidden swap file are not.
    let copy = "content/sources/port-deal.md.bak";
    std::fs::copy(project.path(source), project.path(copy)).expect("copy");
    let (_, text) = project.after(&[copy], "a copy of a source");
    assert!(text.contains("ignored"), "{text}");
    std::fs::remove_file(project.path(copy)).expect("remove");
    let (_, text) = project.after(&[copy, "content/sources/4913"], "the copy removed");
    assert!(!text.contains("ignored"), "{text}");
    let backup = "content/sources/port-deal.md~";
    std::fs::copy(project.path(source), project.path(backup)).expect("backup");
    let (_, text) = project.after(&[backup], "a backup file");
    assert!(!text.contains("port-deal.md~"), "{text}");
    std::fs::remove_file(project.path(backup)).expect("remove");
    project.after(&[backup], "the backup removed");
    let swap = "content/sources/.port-deal.md.swp";
    std::fs::write(project.path(swap), "swap").expect("swap");
    project.after(&[swap], "a swap file");
    std::fs::remove_file(project.path(swap)).expect("remove");
    project.after(&[swap], "the swap file removed");
    std::fs::write(project.path("content/notes.txt"), "notes").expect("notes");
    let (_, text) = project.after(&["content/notes.txt"], "a stray file in content/");
    assert!(text.contains("unknown file `content/notes.txt`"), "{text}");
    std::fs::remove_file(project.path("content/notes.txt")).expect("remove");
    project.after(&["content/notes.txt"], "the stray file removed");

    // The list is trusted: an edit it does not name is seen by the next check that
    // looks at every file (as after lost events).
    edit(root, source, "takes the fork", "holds the harbour");
    let (unseen, _) = project.rechecker.check_after(root, &[]);
    let unseen = unseen.map(|d| d.sources.iter().any(|s| s.title.contains("holds")));
    assert_eq!(unseen, Some(false), "a change not reported is not read");
    assert_same(&project.rechecker, root, "a check of every file");
}

#[test]
fn checking_again_after_the_watchers_list_gives_what_a_fresh_check_gives() {
    let project = Watched::new();
    let root = project.root.as_path();
    let source = "content/sources/port-deal.md";

    // Edits of known files: only they are read again.
    edit(root, source, "wins the port", "takes the port");
    project.after(&[source], "a title");
    let statement = "content/sources/minister-statement.md";
    let original = std::fs::read_to_string(project.path(statement)).expect("read");
    let body_start = original.rfind("---\n").expect("front matter") + 4;
    let joined = format!(
        "{}{}",
        &original[..body_start],
        original[body_start..].trim().replace("\n\n", " ")
    );
    std::fs::write(project.path(statement), joined).expect("write");
    let (valid, _) = project.after(&[statement], "the paragraphs joined");
    assert!(!valid);
    std::fs::write(project.path(statement), &original).expect("write");
    assert!(project.after(&[statement], "the paragraphs split again").0);
    let actor = "content/actors/john-smith.yaml";
    edit(root, actor, "minister]", "minister, Smith]");
    project.after(&[actor], "a new alias");
    edit(
        root,
        "content/events/2024.yaml",
        "Concession signed",
        "Signed",
    );
    project.after(&["content/events/2024.yaml"], "an event's title");
    edit(root, "content/dossier.yaml", "title: ", "title: The ");
    project.after(
        &["content/dossier.yaml", "templates/page.html"],
        "the dossier",
    );

    // An edit that keeps the size and the time of the file is seen when it is reported.
    let path = project.path(source);
    edit_keeping_size_and_time(&path, "takes the port", "takes the fort");
    let (_, text) = project.after(&[source], "an edit of the same size and time");
    let (dossier, _) = dossier::check(root);
    let title = dossier.map(|d| d.sources.iter().any(|s| s.title.contains("the fort")));
    assert_eq!(title, Some(true), "{text}");

    // An edit of the same size and time beside a new file: the folders are walked
    // again, and the edited file, named in the list, is read again all the same.
    edit_keeping_size_and_time(&path, "takes the fort", "takes the fork");
    std::fs::write(
        project.path("content/sources/new.md"),
        "---\ntitle: New\n---\nText.\n",
    )
    .expect("write");
    project.after(
        &[source, "content/sources/new.md"],
        "an edit beside a new file",
    );
    std::fs::remove_file(project.path("content/sources/new.md")).expect("remove");
    project.after(&["content/sources/new.md"], "the new file removed");

    // Files come and go: the folders are walked again.
    let moved = project.root.join("port-city.yaml");
    std::fs::rename(project.path("content/actors/port-city.yaml"), &moved).expect("move");
    let (valid, _) = project.after(&["content/actors/port-city.yaml"], "an actor gone");
    assert!(!valid);
    std::fs::rename(&moved, project.path("content/actors/port-city.yaml")).expect("back");
    assert!(
        project
            .after(&["content/actors/port-city.yaml"], "the actor back")
            .0
    );
    let late = "content/sources/late-news.md";
    let text = "---\ntitle: Late news\npublished: 2024-05\n---\nJohn Smith resigns.\n";
    std::fs::write(project.path(late), text).expect("write");
    project.after(&[late], "a new source");
    std::fs::remove_file(project.path(late)).expect("remove");
    project.after(&[late], "a source removed");
    std::fs::create_dir_all(project.path("content/sources/2024")).expect("folder");
    std::fs::write(project.path("content/sources/2024/later.md"), text).expect("write");
    project.after(
        &["content/sources/2024"],
        "a new folder (its files not reported)",
    );
    std::fs::remove_dir_all(project.path("content/sources/2024")).expect("remove");
    project.after(&["content/sources/2024"], "the folder removed");

    editors_files_and_others(&project, source);
}

/// A document reached through a link, or with another name elsewhere, can change without
/// any event in `content/`: it is looked at even when the list does not name it.
#[cfg(unix)]
#[test]
fn linked_documents_are_looked_at_even_when_not_reported() {
    let project = Watched::new();
    let root = project.root.as_path();
    let outside = project.root.join("elsewhere.md");
    let source = "content/sources/port-deal.md";
    std::fs::rename(project.path(source), &outside).expect("move out");
    std::os::unix::fs::symlink(&outside, project.path(source)).expect("link");
    project.after(&[source], "a source made a link");
    edit(root, "elsewhere.md", "wins the port", "takes the port");
    let (_, text) = project.after(&[], "the link's target edited");
    let (dossier, _) = dossier::check(root);
    let seen = dossier.map(|d| d.sources.iter().any(|s| s.title.contains("takes")));
    assert_eq!(seen, Some(true), "{text}");

    let actor = "content/actors/john-smith.yaml";
    let other_name = project.root.join("john.yaml");
    std::fs::hard_link(project.path(actor), &other_name).expect("hard link");
    project.after(&[actor], "an actor with a second name");
    let text = std::fs::read_to_string(&other_name).expect("read");
    let edited = text.replacen("minister]", "minister, Smith]", 1);
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&other_name)
        .and_then(|mut file| std::io::Write::write_all(&mut file, edited.as_bytes()))
        .expect("write through the other name");
    project.after(&[], "the actor edited through its other name");
}
