//! `dossier new source`: a saved web page and a plain-text article become sources that
//! `check` accepts once their required keys are set; an id is never taken twice and no
//! file is ever overwritten.

mod common;

use std::path::Path;

use common::{dossier, fixture};

fn new_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("content")).expect("content");
    std::fs::write(dir.path().join("content/dossier.yaml"), "title: Imports\n").expect("yaml");
    dir
}

fn run(root: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "new",
        "source",
        file.to_str().expect("utf-8"),
        "--root",
        root.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    dossier(&args)
}

fn check(root: &Path) -> std::process::Output {
    dossier(&["check", "--root", root.to_str().expect("utf-8")])
}

#[test]
fn a_saved_page_keeps_the_article_and_drops_the_page_around_it() {
    let project = new_project();
    let root = project.path();
    let output = run(root, &fixture("import/harbour-article.html"), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = root.join("content/sources/harbour-concession-signed-with-orion-holdings.md");
    let text = std::fs::read_to_string(&path).expect("the new source");
    assert!(
        text.contains("title: \"Harbour concession signed with Orion Holdings\""),
        "{text}"
    );
    assert!(text.contains("published: 2024-03-14"), "{text}");
    assert!(text.contains("outlet: \"The Coastal Ledger\""), "{text}");
    assert!(text.contains("author: \"Jane Marlow\""), "{text}");
    assert!(
        text.contains("url: \"https://ledger.example/2024/03/harbour-deal\""),
        "{text}"
    );
    assert!(text.contains("language: en"), "{text}");
    assert!(
        text.contains("# reliability:"),
        "the keys to fill are there, commented"
    );
    for kept in [
        "thirty-year concession",
        "seven votes to four",
        "declined to comment",
    ] {
        assert!(text.contains(kept), "{kept} is missing:\n{text}");
    }
    for dropped in [
        "Subscribe today",
        "ADVERTISEMENT",
        "Most read",
        "All rights reserved",
    ] {
        assert!(!text.contains(dropped), "{dropped} was kept:\n{text}");
    }
    // Five paragraphs of text, five numbered blocks.
    let (model, _) = dossier::check(root);
    let model = model.expect("the dossier checks");
    assert_eq!(model.sources[0].paragraphs.len(), 5);
    assert!(check(root).status.success());
}

#[test]
fn a_text_file_needs_its_date_and_check_says_so() {
    let project = new_project();
    let root = project.path();
    let output = run(
        root,
        &fixture("import/council-note.txt"),
        &["--id", "council-note"],
    );
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("set published"));
    let path = root.join("content/sources/council-note.md");
    let text = std::fs::read_to_string(&path).expect("the new source");
    assert!(text.contains("title: \"Council postpones the harbour vote\""));
    let checked = check(root);
    assert_eq!(checked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&checked.stderr).contains("published"));
    std::fs::write(
        &path,
        text.replace("# published: YYYY-MM-DD", "published: 2024-02-12 #"),
    )
    .expect("edit");
    let checked = check(root);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn a_taken_id_is_refused_and_nothing_is_overwritten() {
    let project = new_project();
    let root = project.path();
    assert!(
        run(root, &fixture("import/council-note.txt"), &["--id", "note"])
            .status
            .success()
    );
    let path = root.join("content/sources/note.md");
    std::fs::write(&path, "my own edits").expect("edit");
    let again = run(
        root,
        &fixture("import/harbour-article.html"),
        &["--id", "note"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("the id 'note' is taken"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "my own edits"
    );
    let bad = run(
        root,
        &fixture("import/council-note.txt"),
        &["--id", "Not An Id"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a valid id"));
}
