//! `dossier briefing --pdf`, run through the real binary: the PDF, when a browser and
//! poppler are installed, has the title, the sections, every event and the marking on
//! every page; a missing, failing or hung browser gives a clear error and writes
//! nothing.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{briefing, bundled, fixture, model};

/// Runs `dossier briefing` on the valid fixture with a PDF asked for, with `PATH` and
/// other variables changed (`CHROME` unset unless given); returns the output and the
/// folder's files afterwards.
fn pdf_attempt(
    extra: &[&str],
    path_env: Option<&Path>,
    vars: &[(&str, &Path)],
) -> (Output, Vec<String>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = fixture("valid");
    let (html, pdf) = (dir.path().join("b.html"), dir.path().join("b.pdf"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_dossier"));
    command.args(["briefing", "--root", root.to_str().expect("utf-8")]);
    command.args([
        "--out",
        html.to_str().expect("utf-8"),
        "--pdf",
        pdf.to_str().expect("utf-8"),
    ]);
    command.args(extra);
    command.env_remove("CHROME");
    if let Some(path) = path_env {
        command.env("PATH", path);
    }
    for (name, value) in vars {
        command.env(name, value);
    }
    let output = command.output().expect("run dossier");
    let files = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    (output, files)
}

#[test]
fn missing_browser_is_a_clear_error_and_writes_nothing() {
    let (output, files) = pdf_attempt(&["--chrome", "/nonexistent/chromium"], None, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("no browser at /nonexistent/chromium"),
        "{stderr}"
    );
    assert!(stderr.contains("apt-get install chromium"), "{stderr}");
    assert!(files.is_empty(), "{files:?}");

    let empty = tempfile::tempdir().expect("temp dir");
    let (output, files) = pdf_attempt(&[], Some(empty.path()), &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            "no Chromium, Chrome or Edge found: install one (Debian: apt-get install \
             chromium) or pass --chrome PATH (or set CHROME)"
        ),
        "{stderr}"
    );
    assert!(files.is_empty(), "{files:?}");
}

#[cfg(unix)]
#[test]
fn failing_browser_leaves_no_litter() {
    let (output, files) = pdf_attempt(&["--chrome", "/bin/false"], None, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("/bin/false could not print the briefing"),
        "{stderr}"
    );
    assert!(files.is_empty(), "{files:?}");
}

#[cfg(unix)]
#[test]
fn the_chrome_variable_names_the_browser() {
    // Nothing on PATH: only the variable can name the browser (one that fails here).
    let empty = tempfile::tempdir().expect("temp dir");
    let fake = Path::new("/bin/false");
    let (output, files) = pdf_attempt(&[], Some(empty.path()), &[("CHROME", fake)]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("/bin/false could not print the briefing"),
        "{stderr}"
    );
    assert!(files.is_empty(), "{files:?}");

    let missing = Path::new("/nonexistent/chrome");
    let (output, _) = pdf_attempt(&[], Some(empty.path()), &[("CHROME", missing)]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no browser at /nonexistent/chrome (from --chrome or CHROME)"),
        "{stderr}"
    );
    // `--chrome` wins over the variable.
    let (output, _) = pdf_attempt(
        &["--chrome", "/bin/false"],
        Some(empty.path()),
        &[("CHROME", missing)],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("/bin/false could not print the briefing"),
        "{stderr}"
    );
}

#[test]
fn a_real_browser_named_by_chrome_prints_the_pdf() {
    if !pdf_tools_present() {
        return;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    let browser = dossier::briefing::pdf::BROWSERS
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|candidate| candidate.is_file())
        .expect("a browser on PATH");
    let empty = tempfile::tempdir().expect("temp dir");
    let (output, files) = pdf_attempt(&[], Some(empty.path()), &[("CHROME", &browser)]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains(&format!("with {} in", browser.display())),
        "{stderr}"
    );
    assert!(files.contains(&"b.pdf".to_string()), "{files:?}");
}

#[cfg(unix)]
#[test]
fn slow_browser_is_stopped() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let fake = dir.path().join("slow-chromium");
    // A browser that never prints, with a helper process of its own.
    std::fs::write(
        &fake,
        "#!/bin/sh\nsleep 30 &\necho $! > \"$0.helper\"\nwait\n",
    )
    .expect("write");
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let started = std::time::Instant::now();
    let (output, files) = pdf_attempt(
        &["--chrome", fake.to_str().expect("utf-8"), "--timeout", "1"],
        None,
        &[],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("did not print the briefing within 1 s and was stopped"),
        "{stderr}"
    );
    assert!(
        started.elapsed().as_secs() < 20,
        "stopped in time: {:?}",
        started.elapsed()
    );
    assert!(files.is_empty(), "{files:?}");
    // The helper was stopped too (gone, or a zombie waiting for init).
    let helper =
        std::fs::read_to_string(dir.path().join("slow-chromium.helper")).expect("helper pid");
    let stat = PathBuf::from(format!("/proc/{}/stat", helper.trim()));
    if Path::new("/proc/self").exists() {
        let alive = (0..40).all(|_| {
            let running = std::fs::read_to_string(&stat).is_ok_and(|s| !s.contains(") Z "));
            if running {
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            running
        });
        assert!(!alive, "helper {} still running", helper.trim());
    }
}

/// Whether the PDF tests can run: a browser and poppler's `pdfinfo` and `pdftotext` on
/// `PATH`. Missing, they fail the run in CI and are skipped, loudly, elsewhere.
fn pdf_tools_present() -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let on_path = |name: &str| std::env::split_paths(&path).any(|dir| dir.join(name).is_file());
    let browser = dossier::briefing::pdf::BROWSERS
        .iter()
        .any(|name| on_path(name));
    if browser && on_path("pdfinfo") && on_path("pdftotext") {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "CI needs chromium and poppler-utils (pdfinfo, pdftotext) for the PDF tests"
    );
    eprintln!("SKIPPED: chromium or pdfinfo/pdftotext not found: the PDF is not tested");
    false
}

/// Runs a poppler tool and returns what it printed.
fn poppler(tool: &str, args: &[&str]) -> String {
    let output = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool}: {e}"));
    assert!(
        output.status.success(),
        "{tool} {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A printed briefing: its `pdfinfo` fields, the text of each page as laid out, and
/// the whole text in the order it was drawn (table cells whole).
struct Printed {
    info: String,
    pages: Vec<String>,
    raw: String,
    bytes: Vec<u8>,
}

impl Printed {
    /// Prints the briefing of `root` with more arguments, and reads the PDF back.
    fn new(root: &Path, args: &[&str]) -> Self {
        let dir = tempfile::tempdir().expect("temp dir");
        let pdf = dir.path().join("briefing.pdf");
        let pdf_str = pdf.to_str().expect("utf-8");
        let mut all = vec!["--pdf", pdf_str];
        all.extend_from_slice(args);
        briefing(root, &all);
        let info = poppler("pdfinfo", &[pdf_str]);
        let count: usize = info
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|n| n.trim().parse().ok())
            .unwrap_or_else(|| panic!("no page count in {info}"));
        let pages = (1..=count)
            .map(|n| {
                poppler(
                    "pdftotext",
                    &[
                        "-layout",
                        "-f",
                        &n.to_string(),
                        "-l",
                        &n.to_string(),
                        pdf_str,
                        "-",
                    ],
                )
            })
            .collect();
        let raw = poppler("pdftotext", &["-raw", pdf_str, "-"]);
        Self {
            info,
            pages,
            raw,
            bytes: std::fs::read(&pdf).expect("read pdf"),
        }
    }

    /// The value of a `pdfinfo` field.
    fn field(&self, name: &str) -> &str {
        let prefix = format!("{name}:");
        self.info
            .lines()
            .find_map(|l| l.strip_prefix(&prefix))
            .map_or("", str::trim)
    }

    /// The whole text in drawing order, whitespace collapsed.
    fn text(&self) -> String {
        self.raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Checks what every page carries: the marking, and `n / total`.
    fn check_every_page(&self, marking: &str) {
        let total = self.pages.len();
        for (i, page) in self.pages.iter().enumerate() {
            let lines: Vec<&str> = page
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            assert_eq!(
                lines.first().copied(),
                Some(marking),
                "marking on top of page {}:\n{page}",
                i + 1
            );
            // The last line: the title on the left, `n / total` on the right.
            let number = format!("{}/{total}", i + 1);
            let right = lines
                .last()
                .and_then(|l| l.rsplit("  ").next())
                .unwrap_or_default();
            assert!(
                right.replace(char::is_whitespace, "") == number,
                "page number {number}:\n{page}"
            );
        }
    }

    /// Whether a page begins (after the marking) with `heading`.
    fn page_starting_with(&self, heading: &str) -> bool {
        self.pages.iter().any(|page| {
            page.lines().map(str::trim).filter(|l| !l.is_empty()).nth(1) == Some(heading)
        })
    }
}

#[test]
fn bundled_pdf_has_every_section_event_and_marking() {
    if !pdf_tools_present() {
        return;
    }
    let root = bundled();
    let d = model(&root);
    let printed = Printed::new(&root, &[]);
    assert_eq!(printed.field("Title"), d.meta.title);
    assert!(
        printed.field("Page size").contains("(A4)"),
        "{}",
        printed.info
    );
    let pages = printed.pages.len();
    assert!((5..=16).contains(&pages), "{pages} pages");
    printed.check_every_page("SOURCES OUVERTES");
    let text = printed.text();
    for heading in [
        "Sommaire",
        "1. En bref",
        "2. Jugements clés",
        "3. Chronologie",
        "4. Acteurs",
        "5. Sources",
        "6. Notes",
    ] {
        assert!(text.contains(heading), "section {heading}");
    }
    for heading in ["3. Chronologie", "4. Acteurs", "5. Sources"] {
        assert!(
            printed.page_starting_with(heading),
            "{heading} starts a page"
        );
    }
    for event in &d.events {
        let title = event.title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&title), "event {title}");
    }
    for actor in &d.actors {
        assert!(text.contains(&actor.name), "actor {}", actor.name);
    }
    assert!(
        printed.bytes.windows(9).any(|w| w == b"/Outlines"),
        "an outline of the sections"
    );
}

#[test]
fn english_pdf_on_letter_paper() {
    if !pdf_tools_present() {
        return;
    }
    let root = fixture("valid");
    let printed = Printed::new(&root, &["--paper", "letter"]);
    assert_eq!(printed.field("Title"), "Harbour Deal");
    assert!(
        printed.field("Page size").contains("612 x 792"),
        "{}",
        printed.info
    );
    printed.check_every_page("OPEN SOURCES");
    let text = printed.text();
    for heading in [
        "Contents",
        "1. Bottom line",
        "2. Key judgments",
        "3. Chronology",
        "Concession signed",
        "Coastal Times",
    ] {
        assert!(text.contains(heading), "{heading} in {text}");
    }
}
