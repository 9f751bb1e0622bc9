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
    let browser = dossier::print::BROWSERS
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
    let browser = dossier::print::BROWSERS.iter().any(|name| on_path(name));
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
    _dir: tempfile::TempDir,
    path: String,
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
            path: pdf_str.to_string(),
            _dir: dir,
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

    /// The entries of the contents on the first page: `N. Title` and its page.
    fn contents(&self) -> Vec<(String, usize)> {
        let lines = self.pages[0]
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .skip_while(|&l| l != "Sommaire" && l != "Contents")
            .skip(1);
        let mut entries = Vec::new();
        for line in lines {
            let words: Vec<&str> = line.split_whitespace().collect();
            let (Some(number), Some(page)) = (words.first(), words.last()) else {
                break;
            };
            let numbered = number
                .strip_suffix('.')
                .is_some_and(|n| n.parse::<usize>().is_ok());
            match (numbered, page.parse::<usize>()) {
                (true, Ok(page)) if words.len() > 2 => {
                    entries.push((words[..words.len() - 1].join(" "), page));
                }
                _ => break,
            }
        }
        entries
    }

    /// The page (from 1) where `heading` is printed as a line of its own.
    fn page_of_heading(&self, heading: &str) -> Option<usize> {
        self.pages
            .iter()
            .position(|page| {
                page.lines()
                    .any(|l| l.split_whitespace().collect::<Vec<_>>().join(" ") == heading)
            })
            .map(|i| i + 1)
    }

    /// Whether page `number` (from 1) begins with a section's numbered title
    /// (`3. Chronologie`), the marking aside.
    fn opens_a_section(&self, number: usize) -> bool {
        let Some(page) = self.pages.get(number - 1) else {
            return false;
        };
        let mut lines = page
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .skip(1);
        lines.next().is_some_and(|first| {
            let (num, title) = first.split_once(". ").unwrap_or_default();
            !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) && !title.is_empty()
        })
    }

    /// The heights, in points, of the boxes of every occurrence of `word`, from
    /// `pdftotext -bbox`.
    fn word_heights(&self, word: &str) -> Vec<f64> {
        let boxes = poppler("pdftotext", &["-bbox", &self.path, "-"]);
        boxes
            .split("<word ")
            .skip(1)
            .filter(|w| {
                w.split_once('>')
                    .is_some_and(|(_, rest)| rest.starts_with(&format!("{word}</word>")))
            })
            .filter_map(|w| Some(attribute(w, "yMax")? - attribute(w, "yMin")?))
            .collect()
    }

    /// How full each page is: how far down its body (between the marking and the
    /// footer) its lowest line of text is, from `pdftotext -bbox`.
    fn fill(&self) -> Vec<f64> {
        let boxes = poppler("pdftotext", &["-bbox", &self.path, "-"]);
        let mut fill = Vec::new();
        for page in boxes.split("<page ").skip(1) {
            let height = attribute(page, "height").expect("page height");
            // The page's margins (17 mm at the top, 16 mm at the bottom) hold the
            // marking and the footer, which every page has.
            let (top, bottom) = (17.0 * 72.0 / 25.4, height - 16.0 * 72.0 / 25.4);
            let lowest = page
                .split("<word ")
                .skip(1)
                .filter_map(|w| Some((attribute(w, "yMin")?, attribute(w, "yMax")?)))
                .filter(|&(y_min, y_max)| y_min > top && y_max < bottom)
                .map(|(_, y_max)| y_max)
                .fold(top, f64::max);
            fill.push((lowest - top) / (bottom - top));
        }
        fill
    }
}

/// The number in `name="…"` of an element's attributes.
fn attribute(element: &str, name: &str) -> Option<f64> {
    let start = element.find(&format!("{name}=\""))? + name.len() + 2;
    element[start..start + element[start..].find('"')?]
        .parse()
        .ok()
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
    assert_eq!(printed.field("Author"), d.meta.authors.join(", "));
    assert_eq!(
        printed.field("Subject"),
        d.meta.subtitle.as_deref().unwrap_or_default()
    );
    assert_eq!(printed.field("Keywords"), "SOURCES OUVERTES");
    assert!(
        printed.field("Page size").contains("(A4)"),
        "{}",
        printed.info
    );
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
    // pdftotext drops the narrow no-break space of `1 000`: titles compared without spaces.
    let squeezed: String = text.split_whitespace().collect();
    for event in &d.events {
        let title: String = event.title.split_whitespace().collect();
        assert!(squeezed.contains(&title), "event {}", event.title);
    }
    for actor in &d.actors {
        assert!(text.contains(&actor.name), "actor {}", actor.name);
    }
    assert!(
        printed.bytes.windows(9).any(|w| w == b"/Outlines"),
        "an outline of the sections"
    );
    // The timeline comes before the chronology table it summarises.
    let chronology = &text[text.find("3. Chronologie").expect("chronology")..];
    let caption = chronology.find("Frise chronologique").expect("timeline");
    let table = chronology.find("ÉVÉNEMENT").expect("table header");
    assert!(caption < table, "timeline before the table");
}

#[test]
fn bundled_pdf_is_short_and_its_pages_full() {
    if !pdf_tools_present() {
        return;
    }
    for paper in ["a4", "letter"] {
        let printed = Printed::new(&bundled(), &["--paper", paper]);
        let fill = printed.fill();
        assert!(fill.len() <= 8, "{paper}: {} pages: {fill:?}", fill.len());
        // Sections flow: no page but the last is less than half full, unless the next
        // page opens a section whose first block (the timeline) could not follow on it.
        for (page, full) in fill.iter().enumerate().take(fill.len() - 1) {
            assert!(
                *full >= 0.5 || printed.opens_a_section(page + 2),
                "{paper}: page {} is {:.0} % full: {fill:?}",
                page + 1,
                full * 100.0
            );
        }
    }
}

#[test]
fn pictures_print_their_labels_legibly() {
    if !pdf_tools_present() {
        return;
    }
    // Words of the legends, drawn at 10–11 px like the labels: printed at the size of
    // the column, about 7–8 pt (a box 9–10 pt high); shrunk to save paper, they fell
    // to 3–4 pt.
    for paper in ["a4", "letter"] {
        let printed = Printed::new(&bundled(), &["--paper", paper]);
        for (picture, word) in [("timeline", "(l’intervalle"), ("graph", "flèche")] {
            let heights = printed.word_heights(word);
            assert!(!heights.is_empty(), "{paper}: no {word} in the {picture}");
            for height in heights {
                assert!(
                    height >= 8.0,
                    "{paper}: the {picture}'s legend is printed {height:.1} pt high"
                );
            }
        }
    }
}

#[test]
fn contents_carry_the_pages_the_sections_are_printed_on() {
    if !pdf_tools_present() {
        return;
    }
    for (root, args) in [
        (bundled(), vec![]),
        (bundled(), vec!["--paper", "letter"]),
        (bundled(), vec!["--sections", "notes,chronology,summary"]),
        (fixture("valid"), vec![]),
    ] {
        let printed = Printed::new(&root, &args);
        let entries = printed.contents();
        assert!(entries.len() >= 3, "{args:?}: contents {entries:?}");
        for (heading, page) in &entries {
            assert_eq!(
                printed.page_of_heading(heading),
                Some(*page),
                "{args:?}: {heading} listed on page {page}"
            );
        }
    }
}

#[test]
fn sections_print_only_what_is_asked_in_the_briefing_order() {
    if !pdf_tools_present() {
        return;
    }
    let printed = Printed::new(&bundled(), &["--sections", "judgments,summary"]);
    let text = printed.text();
    let summary = text.find("1. En bref").expect("summary first");
    let judgments = text.find("2. Jugements clés").expect("judgments second");
    assert!(summary < judgments);
    for absent in ["Chronologie", "4. Acteurs", "Notes"] {
        assert!(!text.contains(absent), "{absent} printed");
    }
    assert!(printed.pages.len() <= 2, "{} pages", printed.pages.len());
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
