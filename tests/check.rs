//! `dossier check` on fixture dossiers: the valid ones pass, each invalid one fails at
//! its exact place with its hint.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What an invalid fixture expects, from its `expected` file.
struct Expected {
    exit: i32,
    args: Vec<String>,
    at: String,
    message: String,
    hint: String,
}

fn read_expected(dir: &Path) -> Expected {
    let text = std::fs::read_to_string(dir.join("expected")).expect("expected file");
    let field = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(&format!("{name}:")))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    Expected {
        exit: field("exit").parse().expect("exit code"),
        args: field("args")
            .split_whitespace()
            .map(str::to_string)
            .collect(),
        at: field("at"),
        message: field("message"),
        hint: field("hint"),
    }
}

#[test]
fn every_invalid_fixture_fails_at_its_place_with_its_hint() {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures().join("invalid"))
        .expect("invalid fixtures")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    assert!(dirs.len() >= 25, "only {} invalid fixtures", dirs.len());
    let mut failures = Vec::new();
    for dir in &dirs {
        let expected = read_expected(dir);
        let root = dir.to_str().expect("utf-8 path");
        let mut args = vec!["check", "--root", root];
        args.extend(expected.args.iter().map(String::as_str));
        let output = dossier(&args);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let name = dir.file_name().expect("name").to_string_lossy();
        let located = format!("--> {}", expected.at);
        let problems: Vec<&str> = [
            (output.status.code() != Some(expected.exit), "exit code"),
            (!stderr.contains(&located), "location"),
            (!stderr.contains(&expected.message), "message"),
            (
                !stderr
                    .lines()
                    .any(|l| l.contains("= hint: ") && l.contains(&expected.hint)),
                "hint",
            ),
            (stderr.contains("panicked"), "panic"),
        ]
        .into_iter()
        .filter_map(|(bad, what)| bad.then_some(what))
        .collect();
        if !problems.is_empty() {
            failures.push(format!(
                "{name}: wrong {problems:?}\n  expected {} at {} `{}` hint `{}`\n  got exit {:?}:\n{stderr}",
                expected.exit,
                expected.at,
                expected.message,
                expected.hint,
                output.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_valid_fixture_passes_strict_check() {
    let root = fixtures().join("valid");
    let output = dossier(&["check", "--strict", "--root", root.to_str().expect("path")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr
            .lines()
            .any(|l| l.ends_with(": 0 errors, 0 warnings")),
        "{stderr}"
    );
    // Before what was checked: how many claims rest on a single independent source.
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[lines.len() - 2],
        "3 of 3 events, 1 of 2 judgments and 3 of 3 relations rest on a single independent source",
        "{stderr}"
    );
}

#[test]
fn the_bundled_dossier_passes_strict_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = dossier(&["check", "--strict", "--root", root.to_str().expect("path")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
}

#[test]
fn warnings_pass_without_strict_and_fail_with_it() {
    let root = fixtures().join("invalid/event-without-sources-strict");
    let root = root.to_str().expect("path");
    let relaxed = dossier(&["check", "--root", root]);
    assert_eq!(relaxed.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&relaxed.stderr).contains("0 errors, 1 warning"));
    let strict = dossier(&["check", "--strict", "--root", root]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn every_problem_of_a_run_is_reported_sorted_by_file_and_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    let actor = dir.path().join("content/actors/acme-shipping.yaml");
    std::fs::write(
        &actor,
        "name: Acme Shipping\nkind: organisation\nalias: [Acme]\ntags: [x]\nlinks: nope\n",
    )
    .expect("write");
    let source = dir.path().join("content/sources/minister-statement.md");
    let text = std::fs::read_to_string(&source)
        .expect("read")
        .replace("published: 2024-03", "published: 2024-3");
    std::fs::write(&source, text).expect("write");
    let output = dossier(&["check", "--root", dir.path().to_str().expect("path")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    let order: Vec<usize> = [
        "--> content/actors/acme-shipping.yaml:2:7",
        "--> content/actors/acme-shipping.yaml:3:1",
        "--> content/actors/acme-shipping.yaml:5:8",
        "--> content/sources/minister-statement.md:3:12",
    ]
    .iter()
    .map(|needle| {
        stderr
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} missing in\n{stderr}"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "not sorted:\n{stderr}"
    );
    assert!(
        stderr.trim_end().ends_with("4 errors, 0 warnings"),
        "{stderr}"
    );
}

#[test]
fn check_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    let before = listing(dir.path());
    let output = dossier(&["check", "--root", dir.path().to_str().expect("path")]);
    assert!(output.status.success());
    assert_eq!(before, listing(dir.path()));
}

#[test]
fn hostile_files_give_errors_not_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&fixtures().join("valid"), dir.path());
    let content = dir.path().join("content");
    std::fs::write(content.join("sources/empty.md"), "").expect("write");
    std::fs::write(
        content.join("sources/binary.md"),
        [0u8, 159, 146, 150, 255, 0, 1],
    )
    .expect("write");
    std::fs::write(content.join("events/nul.yaml"), "- date: \0\n").expect("write");
    std::fs::write(
        content.join("actors/deep.yaml"),
        "a: ".to_string() + &"[".repeat(5000),
    )
    .expect("write");
    let big = format!(
        "---\ntitle: Big\npublished: 2024\n---\n{}",
        "Un paragraphe assez long pour peser. ".repeat(20).clone() + "\n\n"
    )
    .repeat(60_000);
    std::fs::write(content.join("sources/big.md"), big).expect("write");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop-b.md", content.join("sources/loop-a.md"))
            .expect("symlink");
        std::os::unix::fs::symlink("loop-a.md", content.join("sources/loop-b.md"))
            .expect("symlink");
        std::os::unix::fs::symlink("..", content.join("sources/up")).expect("symlink");
    }
    let output = dossier(&["check", "--root", dir.path().to_str().expect("path")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    for needle in [
        "content/sources/empty.md",
        "content/sources/binary.md",
        "content/events/nul.yaml",
        "content/actors/deep.yaml",
        "content/sources/loop-a.md",
    ] {
        assert!(stderr.contains(needle), "{needle} not reported:\n{stderr}");
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("entry");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

fn listing(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("entry").into_path())
        .collect();
    paths.sort();
    paths
}
