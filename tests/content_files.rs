//! The files of `content/sources/`: a `.markdown` source is read like a `.md` one, and
//! an article left there as text, HTML or a word processor's file is an error naming
//! `dossier new source` (it used to be skipped with a warning, losing the source).

mod common;

use common::dossier;
use std::path::Path;

fn sources(root: &Path) -> std::path::PathBuf {
    root.join("content/sources")
}

const NOTES: &str = "---\ntitle: Notes from the harbour\npublished: 2024-04-02\n---\n\n\
                     The harbour council met again.\n";

#[test]
fn a_markdown_source_is_read_and_built() {
    let project = common::copy_project(&common::fixture("valid-en"));
    std::fs::write(
        sources(project.path()).join("harbour-notes.markdown"),
        NOTES,
    )
    .expect("write");
    let root = project.path().to_str().expect("utf-8");
    let out = project.path().join("site");
    let output = dossier(&[
        "build",
        "--root",
        root,
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("ignored"), "{stderr}");
    let page = std::fs::read_to_string(out.join("sources/harbour-notes/index.html"))
        .expect("the source's page");
    assert!(page.contains("Notes from the harbour"));
    assert!(page.contains("The harbour council met again."));
    let list = std::fs::read_to_string(out.join("sources/index.html")).expect("sources");
    assert!(list.contains("harbour-notes/"), "listed among the sources");
}

#[test]
fn the_same_stem_in_md_and_markdown_is_a_duplicate_id() {
    let project = common::copy_project(&common::fixture("valid-en"));
    let folder = sources(project.path());
    std::fs::write(folder.join("council-minutes.markdown"), NOTES).expect("write");
    let output = dossier(&["check", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let report = stderr
        .split("\n\n")
        .find(|r| r.starts_with("error: the id 'council-minutes' is already used"))
        .unwrap_or_else(|| panic!("no duplicate id:\n{stderr}"));
    assert!(
        report.contains("content/sources/council-minutes.md"),
        "{report}"
    );
    assert!(
        report.contains("content/sources/council-minutes.markdown"),
        "{report}"
    );
}

#[test]
fn an_article_saved_as_text_html_or_pdf_among_the_sources_is_an_error() {
    let project = common::copy_project(&common::fixture("valid-en"));
    let folder = sources(project.path());
    std::fs::write(folder.join("raw-notes.txt"), "Harbour notes\n\nText.\n").expect("write");
    std::fs::write(
        folder.join("saved.html"),
        "<html><body><p>x</p></body></html>",
    )
    .expect("write");
    std::fs::write(folder.join("report.pdf"), "%PDF-1.4\n").expect("write");
    std::fs::write(folder.join("map.png"), "png").expect("write");
    let output = dossier(&["check", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    // One error per document, each at its file, each naming the import command.
    for (file, hint) in [
        ("raw-notes.txt", "import it with `dossier new source FILE`"),
        ("saved.html", "import it with `dossier new source FILE`"),
        (
            "report.pdf",
            "`dossier new source FILE` imports .txt, .md and .html files",
        ),
    ] {
        let at = stderr
            .find(&format!("--> content/sources/{file}\n"))
            .unwrap_or_else(|| panic!("no report at {file}:\n{stderr}"));
        let before = &stderr[..at];
        let message = before.rsplit("\n\n").next().unwrap_or(before);
        assert!(
            message.contains("error: a `.") && message.contains("among the sources"),
            "{file}: {message}"
        );
        let after = &stderr[at..];
        let hint_line = after.lines().find(|l| l.contains("= hint:")).unwrap_or("");
        assert!(hint_line.contains(hint), "{file}: {hint_line}");
    }
    // A picture is no article: still only a warning.
    assert!(
        stderr.contains(
            "warning: ignored: not a `.md` or `.markdown` file\n  --> content/sources/map.png"
        ),
        "{stderr}"
    );
    assert!(stderr.contains("3 errors, 1 warning"), "{stderr}");
}

#[test]
fn a_source_extension_in_capitals_is_an_error_with_the_name_to_give() {
    let project = common::copy_project(&common::fixture("valid-en"));
    std::fs::write(sources(project.path()).join("Harbour-Notes.MD"), NOTES).expect("write");
    let output = dossier(&["check", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("--> content/sources/Harbour-Notes.MD"),
        "{stderr}"
    );
    assert!(
        stderr.contains("hint: rename it `harbour-notes.md`"),
        "{stderr}"
    );
}

/// Regression: the backup Emacs or gedit saves beside a file (`dossier.yaml~`), an
/// autosave (`#notes.md#`) and the files Windows leaves in folders (`Thumbs.db`,
/// `desktop.ini`) made errors in `content/` ("unknown file") and warnings in its
/// folders: the build failed on the first save in such an editor.
#[test]
fn editor_backups_and_system_files_are_skipped_without_a_word() {
    let project = common::copy_project(&common::fixture("valid-en"));
    let content = project.path().join("content");
    let dossier_yaml = std::fs::read(content.join("dossier.yaml")).expect("read");
    let litter = [
        "dossier.yaml~",
        "#dossier.yaml#",
        "Thumbs.db",
        "desktop.ini",
        "sources/notes.md~",
        "sources/#notes.md#",
        "actors/Thumbs.db",
        "events/desktop.ini",
    ];
    for name in litter {
        std::fs::write(content.join(name), &dossier_yaml).expect("write");
    }
    let output = dossier(&["check", "--strict", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    for name in litter {
        assert!(!stderr.contains(name), "{name}: {stderr}");
    }
}

/// Regression: `Council-Minutes.md` beside `council-minutes.md` was told to be renamed
/// `council-minutes.md`, the name of the file beside it.
#[test]
fn an_invalid_file_name_is_offered_a_name_that_is_free() {
    let project = common::copy_project(&common::fixture("valid-en"));
    let folder = sources(project.path());
    assert!(folder.join("council-minutes.md").exists());
    std::fs::write(folder.join("Council-Minutes.md"), NOTES).expect("write");
    let output = dossier(&["check", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    let report = stderr
        .split("\n\n")
        .find(|r| r.starts_with("error: `Council-Minutes` is not a valid id"))
        .unwrap_or_else(|| panic!("no invalid id:\n{stderr}"));
    assert!(
        report.contains("rename it `council-minutes-2.md`"),
        "{report}"
    );
}
