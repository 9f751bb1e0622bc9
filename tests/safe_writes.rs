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

/// The command that runs `dossier` as a user who is not root: itself when it is not
/// root, else `setpriv` as `nobody`. `None` (with the reason) when neither can be.
fn as_non_root() -> Result<Command, String> {
    let uid = Command::new("id")
        .arg("-u")
        .output()
        .map_err(|e| format!("id: {e}"))?;
    let binary = env!("CARGO_BIN_EXE_dossier");
    if String::from_utf8_lossy(&uid.stdout).trim() != "0" {
        return Ok(Command::new(binary));
    }
    let probe = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            binary,
            "--version",
        ])
        .output()
        .map_err(|e| format!("setpriv: {e}"))?;
    if !probe.status.success() {
        return Err(format!(
            "cannot run the binary as nobody: {}",
            String::from_utf8_lossy(&probe.stderr)
        ));
    }
    let mut command = Command::new("setpriv");
    command.args(["--reuid=65534", "--regid=65534", "--clear-groups", binary]);
    Ok(command)
}

#[test]
fn item_4_an_old_output_that_cannot_be_deleted_is_reported_truthfully() {
    use std::os::unix::fs::PermissionsExt;
    let mut build = match as_non_root() {
        Ok(command) => command,
        Err(reason) => {
            println!("skipped: {reason}");
            return;
        }
    };
    let dir = tempfile::tempdir().expect("temp");
    let open = std::fs::Permissions::from_mode(0o777);
    std::fs::set_permissions(dir.path(), open.clone()).expect("chmod");
    let project = dir.path().join("project");
    common_copy(&fixture("valid-en"), &project);
    std::fs::set_permissions(&project, open).expect("chmod");
    let out = project.join("public");
    let first = build
        .args(["build", "--root", text(&project), "--out", text(&out)])
        .output()
        .expect("run");
    assert!(first.status.success(), "{}", stderr(&first));
    // A folder of the old output that this user cannot empty.
    let locked = out.join("sources");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).expect("chmod");
    let yaml = project.join("content/dossier.yaml");
    let text_before = std::fs::read_to_string(&yaml).expect("read");
    std::fs::write(
        &yaml,
        text_before.replacen("Harbour Deal Watch", "Harbour Deal Revisited", 1),
    )
    .expect("write");
    let second = build.output().expect("run");
    let said = stderr(&second);
    // Unlock, so that the temporary folder can go.
    for entry in std::fs::read_dir(&project).expect("read").flatten() {
        let sources = entry.path().join("sources");
        if sources.is_dir() {
            let _ = std::fs::set_permissions(&sources, std::fs::Permissions::from_mode(0o755));
        }
    }
    assert!(second.status.success(), "{said}");
    assert!(!said.contains("nothing written"), "{said}");
    assert!(said.contains("the new site is in place"), "{said}");
    assert!(said.contains("for you to delete"), "{said}");
    let home = std::fs::read_to_string(out.join("index.html")).expect("read");
    assert!(
        home.contains("Harbour Deal Revisited"),
        "the new site is the one in place"
    );
}
