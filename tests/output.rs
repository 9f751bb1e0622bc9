//! The output folder: atomic replacement, refusal of folders a build did not make,
//! and the command line's exit status.

#![allow(clippy::case_sensitive_file_extension_comparisons)] // output paths are ours, lowercase

mod common;

use std::process::Command;

use common::{build, copy_project, files, fixture};

fn dossier() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
}

#[test]
fn a_failing_build_keeps_the_previous_output_and_leaves_no_litter() {
    let project = copy_project(&fixture("valid-en"));
    let out = project.path().join("public");
    let status = dossier()
        .arg("build")
        .arg("--root")
        .arg(project.path())
        .status()
        .expect("run");
    assert!(status.success());
    let before = files(&out);
    assert!(before.contains_key(".dossier-build"));
    // Break a citation: the build must fail and write nothing.
    let minutes = project.path().join("content/sources/council-minutes.md");
    let event = project.path().join("content/events/2023-2024.yaml");
    let text = std::fs::read_to_string(&event)
        .expect("read")
        .replace("council-minutes#p2]", "council-minutes#p9]");
    std::fs::write(&event, text).expect("write");
    let output = dossier()
        .arg("build")
        .arg("--root")
        .arg(project.path())
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("has no paragraph p9"), "{stderr}");
    assert!(
        stderr.contains("content/events/2023-2024.yaml:"),
        "{stderr}"
    );
    assert_eq!(files(&out), before, "previous output untouched");
    let litter: Vec<_> = std::fs::read_dir(project.path())
        .expect("read")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp-") || name.contains(".old-"))
        .collect();
    assert!(litter.is_empty(), "{litter:?}");
    assert!(minutes.exists());
}

#[test]
fn strict_turns_warnings_into_a_failure() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("site");
    let output = dossier()
        .args(["build", "--strict", "--root"])
        .arg(fixture("hostile"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
    let ok = dossier()
        .args(["build", "--root"])
        .arg(fixture("hostile"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    assert!(String::from_utf8_lossy(&ok.stderr).contains("5 warnings"));
}

#[test]
fn refuses_a_folder_it_did_not_make_unless_forced() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("src");
    std::fs::create_dir_all(&out).expect("mkdir");
    std::fs::write(out.join("main.rs"), "fn main() {}").expect("write");
    let refused = dossier()
        .args(["build", "--root"])
        .arg(fixture("valid-en"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--force"));
    assert!(out.join("main.rs").exists(), "nothing touched");
    let forced = dossier()
        .args(["build", "--force", "--root"])
        .arg(fixture("valid-en"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(forced.status.success());
    assert!(!out.join("main.rs").exists());
    assert!(out.join("index.html").exists());
    // A second build replaces its own output without --force.
    let again = dossier()
        .args(["build", "--root"])
        .arg(fixture("valid-en"))
        .arg("--out")
        .arg(&out)
        .output()
        .expect("run");
    assert!(again.status.success());
}

#[test]
fn never_writes_over_the_project() {
    let project = copy_project(&fixture("valid-en"));
    for out in [".", "content", "content/public"] {
        let output = dossier()
            .args(["build", "--force", "--root"])
            .arg(project.path())
            .arg("--out")
            .arg(project.path().join(out))
            .output()
            .expect("run");
        assert_eq!(output.status.code(), Some(1), "--out {out}");
    }
    assert!(project.path().join("content/dossier.yaml").exists());
}

#[test]
fn in_memory_build_matches_the_folder() {
    let root = fixture("valid-en");
    let (memory, _) = dossier::build_in_memory(&root, false);
    let memory = memory.expect("in-memory build");
    let mut on_disk = build(&root).files();
    on_disk.remove(".dossier-build");
    assert_eq!(
        memory.keys().collect::<Vec<_>>(),
        on_disk.keys().collect::<Vec<_>>()
    );
    assert!(memory == on_disk);
}
