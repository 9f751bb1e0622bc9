//! The command line as Zola, Hugo and mdBook users write it: the project folder as a
//! positional argument or `--root`/`-r` before or after the subcommand, short flags,
//! `--quiet`, `--color` beside `NO_COLOR`, and what `check` says it checked.

mod common;

use common::dossier_in;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn dossier(args: &[&str]) -> Output {
    dossier_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The files of `content/NAME` of a fixture.
fn count_files(root: &Path, folder: &str) -> usize {
    std::fs::read_dir(root.join("content").join(folder))
        .expect("folder")
        .count()
}

/// The events of a fixture, counted from its YAML lists (one `- ` item per event).
fn count_events(root: &Path) -> usize {
    std::fs::read_dir(root.join("content/events"))
        .expect("events")
        .map(|entry| {
            let text = std::fs::read_to_string(entry.expect("entry").path()).expect("read");
            text.lines().filter(|l| l.starts_with("- ")).count()
        })
        .sum()
}

#[test]
fn check_ends_with_what_it_checked() {
    let root = fixture("valid");
    let output = dossier(&["check", root.to_str().expect("utf-8")]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let last = text(&output.stderr)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    let expected = format!(
        "{} sources, {} actors, {} events: 0 errors, 0 warnings",
        count_files(&root, "sources"),
        count_files(&root, "actors"),
        count_events(&root)
    );
    assert_eq!(last, expected);
}

#[test]
fn the_project_is_the_same_whichever_way_it_is_named() {
    let root = fixture("valid");
    let root = root.to_str().expect("utf-8");
    let forms: [&[&str]; 5] = [
        &["check", root],
        &["check", "--root", root],
        &["--root", root, "check"],
        &["-r", root, "check"],
        &["check", "-r", root],
    ];
    let expected = dossier(forms[0]);
    assert!(expected.status.success(), "{}", text(&expected.stderr));
    assert!(text(&expected.stderr).contains(" actors, "));
    for args in forms {
        let output = dossier(args);
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        assert_eq!(text(&output.stderr), text(&expected.stderr), "{args:?}");
    }
}

#[test]
fn without_a_folder_the_current_one_is_the_project() {
    let root = fixture("valid");
    let here = dossier_in(&root, &["check"]);
    let dot = dossier_in(&root, &["check", "."]);
    assert!(here.status.success(), "{}", text(&here.stderr));
    assert_eq!(text(&here.stderr), text(&dot.stderr));
    let elsewhere = dossier_in(&root.join("content"), &["check"]);
    assert_eq!(elsewhere.status.code(), Some(1));
    assert!(text(&elsewhere.stderr).contains("no `content/` folder"));
}

#[test]
fn two_different_project_folders_are_refused() {
    let valid = fixture("valid");
    let other = fixture("valid-en");
    let output = dossier(&[
        "check",
        valid.to_str().expect("utf-8"),
        "--root",
        other.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(text(&output.stderr).contains("two project folders given"));
}

#[test]
fn build_takes_the_folder_and_a_short_output_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let root = fixture("valid");
    let output = dossier(&[
        "build",
        root.to_str().expect("utf-8"),
        "-o",
        out.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(out.join("index.html").is_file());
    assert!(out.join("sources/index.html").is_file());
    assert!(text(&output.stderr).contains("built "));
}

#[test]
fn quiet_prints_only_what_went_wrong() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("site");
    let root = fixture("valid");
    let root = root.to_str().expect("utf-8");
    let out = out.to_str().expect("utf-8");
    for args in [
        vec!["-q", "check", root],
        vec!["check", "--quiet", root],
        vec!["build", root, "-o", out, "-q"],
    ] {
        let output = dossier(&args);
        assert!(output.status.success(), "{args:?}");
        assert_eq!(text(&output.stderr), "", "{args:?}");
        assert_eq!(text(&output.stdout), "", "{args:?}");
    }
    let invalid = fixture("invalid/unknown-key-actor");
    let output = dossier(&["check", "-q", invalid.to_str().expect("utf-8")]);
    assert_eq!(output.status.code(), Some(1));
    assert!(text(&output.stderr).contains("error"), "errors still show");
}

/// Runs `check` on an invalid fixture with `--color WHEN`, `NO_COLOR` set or not.
fn check_colored(when: &str, no_color: bool) -> String {
    let invalid = fixture("invalid/unknown-key-actor");
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command
        .args(["check", "--color", when])
        .arg(&invalid)
        .env_remove("NO_COLOR");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let output = command.output().expect("the binary runs");
    assert_eq!(output.status.code(), Some(1));
    text(&output.stderr)
}

#[test]
fn color_follows_the_flag_and_no_color() {
    assert!(check_colored("always", false).contains("\u{1b}["));
    // An explicit choice on the command line wins over the variable.
    assert!(check_colored("always", true).contains("\u{1b}["));
    assert!(!check_colored("never", false).contains("\u{1b}["));
    // Not a terminal: no color in `auto`.
    assert!(!check_colored("auto", false).contains("\u{1b}["));
    let refused = dossier(&["check", "--color", "sometimes"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("always"));
}

#[test]
fn version_names_the_published_package() {
    let output = dossier(&["--version"]);
    assert!(output.status.success());
    let line = text(&output.stdout);
    assert!(
        line.starts_with("dossier "),
        "the command keeps its name: {line}"
    );
    assert!(line.contains(env!("CARGO_PKG_VERSION")), "{line}");
    assert!(
        line.contains(&format!("({} on crates.io)", env!("CARGO_PKG_NAME"))),
        "{line}"
    );
    assert_ne!(
        env!("CARGO_PKG_NAME"),
        "dossier",
        "that name is another crate's"
    );
}

#[test]
fn serve_takes_the_folder_as_argument_and_a_short_port_flag() {
    let root = fixture("valid");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", ".", "-p", "0"])
        .current_dir(&root)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let serving = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find(|line| line.starts_with("Serving on "));
    let _ = child.kill();
    let _ = child.wait();
    let serving = serving.expect("a `Serving on` line");
    assert!(serving.contains("http://127.0.0.1:"), "{serving}");
    assert!(
        !serving.contains(":1111/"),
        "port 0 picks a free port: {serving}"
    );
}

/// Starts `dossier serve ARGS` on `root` and returns its stdout lines until `until`
/// matches one (or it exits), and its exit status if it ended by itself.
fn serve_until(
    root: &Path,
    args: &[&str],
    until: impl Fn(&str) -> bool,
) -> (Vec<String>, Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .arg("serve")
        .args(args)
        .arg(root)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = Vec::new();
    let mut matched = false;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        matched = until(&line);
        lines.push(line);
        if matched {
            break;
        }
    }
    // Its output ended without the line: it exits by itself.
    let code = if matched {
        let _ = child.kill();
        let _ = child.wait();
        None
    } else {
        child.wait().ok().and_then(|s| s.code())
    };
    let mut stderr = String::new();
    if code.is_some() {
        use std::io::Read;
        let _ = child
            .stderr
            .take()
            .map(|mut e| e.read_to_string(&mut stderr));
    }
    (lines, code, stderr)
}

#[test]
fn a_port_asked_for_and_taken_is_refused_before_building_with_a_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let port = taken.local_addr().expect("address").port().to_string();
    let (lines, code, stderr) = serve_until(&fixture("valid"), &["-p", &port], |_| false);
    assert_eq!(code, Some(1), "{lines:?}");
    assert!(lines.is_empty(), "nothing built: {lines:?}");
    assert!(
        stderr.contains(&format!("port {port} of 127.0.0.1 is taken")),
        "{stderr}"
    );
    assert!(stderr.contains("--port 0 (any free port)"), "{stderr}");
    let free = stderr
        .split("--port ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|p| p.parse::<u16>().ok())
        .expect("a free port suggested");
    assert_ne!(free.to_string(), port);
}

#[test]
fn the_default_port_taken_picks_a_free_one_and_says_so_first() {
    // Port 1111 is taken during this test: by this listener, or by whoever had it.
    let _held = std::net::TcpListener::bind("127.0.0.1:1111");
    let (lines, _, _) = serve_until(&fixture("valid"), &[], |l| l.starts_with("Serving on"));
    assert!(
        lines[0].starts_with("Port 1111 is taken by another program: using port "),
        "{lines:?}"
    );
    assert!(lines[1].starts_with("Building "), "{lines:?}");
    let port = lines[0]
        .rsplit("using port ")
        .next()
        .and_then(|r| r.split(' ').next());
    let serving = lines.last().expect("serving");
    assert_eq!(
        serving,
        &format!(
            "Serving on http://127.0.0.1:{}/ (Ctrl-C to stop)",
            port.unwrap_or("?")
        )
    );
}

#[test]
fn a_first_failed_build_does_not_claim_a_last_good_one() {
    let invalid = fixture("invalid/unknown-key-actor");
    let (lines, _, _) = serve_until(&invalid, &["-p", "0"], |l| l.starts_with("Build failed"));
    let failed = lines.last().expect("a line");
    assert!(failed.contains("no build has succeeded yet"), "{lines:?}");
    assert!(!failed.contains("last good"), "{lines:?}");
}

#[test]
fn briefing_takes_the_folder_and_a_short_output_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let html = dir.path().join("briefing.html");
    let root = fixture("valid");
    let output = dossier(&[
        "briefing",
        root.to_str().expect("utf-8"),
        "-o",
        html.to_str().expect("utf-8"),
    ]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let page = std::fs::read_to_string(&html).expect("the briefing");
    assert!(page.contains("<html"), "an HTML page");
    assert!(text(&output.stderr).contains("wrote "));
}

/// Regression: run from inside `content/` (or given it as the project), `check` said
/// only "no `content/` folder" and offered `dossier init`; it now names the dossier
/// around, as the path to give.
#[test]
fn run_from_inside_content_the_hint_names_the_dossier_around() {
    let root = fixture("valid-en");
    let sources = root.join("content/sources");
    let output = dossier_in(&sources, &["check"]);
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{err}");
    assert!(
        err.contains(
            "hint: this folder is inside the dossier at `../..`: run the command there, or \
             pass `--root ../..`"
        ),
        "{err}"
    );
    let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let output = dossier_in(&tests, &["check", "fixtures/valid-en/content"]);
    let err = text(&output.stderr);
    assert!(
        err.contains("pass `--root fixtures/valid-en`"),
        "the path as written, without its last folder: {err}"
    );
    let empty = tempfile::tempdir().expect("temp dir");
    let output = dossier_in(empty.path(), &["check"]);
    assert!(
        text(&output.stderr).contains("hint: run `dossier init DIR`"),
        "no dossier around: the usual hint"
    );
}

/// Regression: run in the dossier's folder, `serve` said "Building .…".
#[test]
fn serve_names_the_folder_it_builds_in_full() {
    let root = fixture("valid");
    let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["serve", "--port", "0"])
        .current_dir(&root)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let stdout = child.stdout.take().expect("stdout");
    let first = BufReader::new(stdout).lines().map_while(Result::ok).next();
    let _ = child.kill();
    let _ = child.wait();
    let full = std::fs::canonicalize(&root).expect("fixture");
    assert_eq!(
        first.as_deref(),
        Some(format!("Building {}…", full.display()).as_str())
    );
}
