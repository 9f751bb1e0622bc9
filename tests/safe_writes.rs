//! Writes never reach outside the output: links in the paths, links in an old output,
//! the briefing's files, and the litter of killed builds.

#![cfg(unix)]

mod common;

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output};

use common::{copy_project, files, fixture};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier")
}

fn text(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Builds and asserts that it was refused and that `content/` is unchanged.
fn assert_refused(project: &Path, args: &[&str]) {
    let before = files(&project.join("content"));
    let output = run(args);
    assert_eq!(
        output.status.code(),
        Some(1),
        "{args:?}: {}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("refusing"), "{}", stderr(&output));
    assert_eq!(
        files(&project.join("content")),
        before,
        "{args:?} touched content/"
    );
}

#[test]
fn item_1_links_in_the_paths_do_not_get_past_the_input_guard() {
    let dir = tempfile::tempdir().expect("temp");
    let real = dir.path().join("real");
    std::fs::create_dir(&real).expect("mkdir");
    let project = real.join("project");
    common_copy(&fixture("valid-en"), &project);
    // The project reached through a symlinked parent folder (macOS's /tmp is one).
    let alias = dir.path().join("alias");
    symlink(&real, &alias).expect("link");
    let through = alias.join("project");
    let content = project.join("content");
    assert_refused(
        &project,
        &[
            "build",
            "--root",
            text(&through),
            "--out",
            text(&content),
            "--force",
        ],
    );
    // --root given through a link, --out written plainly.
    let root_link = dir.path().join("root-link");
    symlink(&project, &root_link).expect("link");
    assert_refused(
        &project,
        &[
            "build",
            "--root",
            text(&root_link),
            "--out",
            text(&content),
            "--force",
        ],
    );
    // --out itself a link to content/.
    let out_link = dir.path().join("out-link");
    symlink(&content, &out_link).expect("link");
    assert_refused(
        &project,
        &[
            "build",
            "--root",
            text(&project),
            "--out",
            text(&out_link),
            "--force",
        ],
    );
    // A folder below content/ reached through the link.
    let below = out_link.join("site");
    assert_refused(
        &project,
        &[
            "build",
            "--root",
            text(&project),
            "--out",
            text(&below),
            "--force",
        ],
    );
}

fn common_copy(from: &Path, to: &Path) {
    let copy = copy_project(from);
    std::fs::rename(copy.path(), to).expect("move the copy");
}

#[test]
fn item_2_a_link_is_never_followed_while_deleting() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let earlier = root.join("earlier");
    let built = run(&["build", "--root", text(root), "--out", text(&earlier)]);
    assert!(built.status.success(), "{}", stderr(&built));
    let before = files(&earlier);
    // --out a link to an earlier output: refused, the earlier output untouched.
    let link = root.join("public");
    symlink(&earlier, &link).expect("link");
    let output = run(&["build", "--root", text(root), "--out", text(&link)]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("symbolic link"),
        "{}",
        stderr(&output)
    );
    assert_eq!(files(&earlier), before);
    // Links inside an old output go with it; what they point to stays.
    std::fs::remove_file(&link).expect("unlink");
    let keep = root.join("keep");
    std::fs::create_dir_all(keep.join("sub")).expect("mkdir");
    std::fs::write(keep.join("sub/notes.txt"), "mine").expect("write");
    symlink(&keep, earlier.join("linked")).expect("link");
    symlink(&keep, earlier.join("sources/linked")).expect("link");
    let rebuilt = run(&["build", "--root", text(root), "--out", text(&earlier)]);
    assert!(rebuilt.status.success(), "{}", stderr(&rebuilt));
    assert_eq!(
        std::fs::read_to_string(keep.join("sub/notes.txt")).expect("kept"),
        "mine"
    );
    assert!(!earlier.join("linked").exists());
}

#[test]
fn item_3_briefing_files_never_overwrite_inputs_or_foreign_files() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let yaml = root.join("content/dossier.yaml");
    let before = std::fs::read(&yaml).expect("read");
    for flag in ["--out", "--pdf"] {
        let output = run(&[
            "briefing",
            "--root",
            text(root),
            flag,
            text(&yaml),
            "--force",
        ]);
        assert_eq!(output.status.code(), Some(1), "{flag}: {}", stderr(&output));
        assert!(stderr(&output).contains("refusing"), "{}", stderr(&output));
        assert_eq!(std::fs::read(&yaml).expect("read"), before, "{flag}");
    }
    // Through a link to the project, too.
    let alias = root.join("alias");
    symlink(root, &alias).expect("link");
    let through = alias.join("templates/x.html");
    let output = run(&["briefing", "--root", text(root), "--out", text(&through)]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(!root.join("templates/x.html").exists());
    // A file of the user's own is replaced only with --force.
    let notes = root.join("notes.html");
    std::fs::write(&notes, "my notes").expect("write");
    let output = run(&["briefing", "--root", text(root), "--out", text(&notes)]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("--force"), "{}", stderr(&output));
    assert_eq!(std::fs::read_to_string(&notes).expect("read"), "my notes");
    let forced = run(&[
        "briefing",
        "--root",
        text(root),
        "--out",
        text(&notes),
        "--force",
    ]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    // Its own earlier briefing is replaced without asking.
    let again = run(&["briefing", "--root", text(root), "--out", text(&notes)]);
    assert!(again.status.success(), "{}", stderr(&again));
}

#[test]
fn item_5_a_build_sweeps_what_killed_builds_left() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let out = root.join("public");
    // A process that has ended: its id names the litter of a killed build.
    let mut child = Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let live = std::process::id();
    for name in [format!("public.tmp-{dead}"), format!("public.old-{dead}")] {
        std::fs::create_dir_all(root.join(&name).join("sources")).expect("mkdir");
        std::fs::write(root.join(&name).join("sources/x.html"), "x").expect("write");
    }
    std::fs::create_dir(root.join(format!("public.tmp-{live}"))).expect("mkdir");
    let mut before = std::collections::BTreeMap::new();
    for round in 0..2 {
        let output = run(&["build", "--root", text(root), "--out", text(&out)]);
        assert!(
            output.status.success(),
            "round {round}: {}",
            stderr(&output)
        );
        assert!(out.join("index.html").is_file());
        let mut names: Vec<String> = std::fs::read_dir(root)
            .expect("read")
            .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with("public"))
            .collect();
        names.sort();
        assert_eq!(
            names,
            ["public".to_string(), format!("public.tmp-{live}")],
            "round {round}"
        );
        let site = files(&out);
        if round == 1 {
            assert_eq!(site, before, "the swapped-in site is complete");
        }
        before = site;
    }
}
