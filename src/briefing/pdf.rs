//! Printing the briefing to PDF with a headless Chromium or Chrome found on the system,
//! through its `--print-to-pdf` switch: the page goes into a fresh temporary folder
//! with a fresh browser profile, the PDF into a temporary file beside its target,
//! renamed only once everything succeeded. The browser gets a bounded time and is
//! stopped, with its helper processes, when it takes longer.

use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};

use super::files::{Pending, WorkDir};
use std::time::{Duration, Instant};

pub use super::browser::{BROWSERS, find_browser};

/// The paper of the PDF.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// The size as CSS `@page { size }` writes it.
    pub fn css(self) -> &'static str {
        match self {
            Self::A4 => "A4",
            Self::Letter => "letter",
        }
    }
}

impl std::str::FromStr for Paper {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        match text.to_ascii_lowercase().as_str() {
            "a4" => Ok(Self::A4),
            "letter" => Ok(Self::Letter),
            _ => Err(format!("unknown paper `{text}`: write `a4` or `letter`")),
        }
    }
}

/// Why the PDF was not printed.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// No browser on `PATH` nor where browsers are usually installed.
    #[error(
        "no Chromium, Chrome or Edge found: {}",
        super::browser::install_hint()
    )]
    NoBrowser,
    /// The browser given with `--chrome` or `CHROME` is not there.
    #[error("no browser at {} (from --chrome or CHROME): give the path of Chromium, Chrome or Edge, or {}", .0.display(), super::browser::install_hint())]
    NotABrowser(PathBuf),
    /// The browser could not be started.
    #[error("cannot start {}: {source}", path.display())]
    Start {
        /// The browser.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The browser took too long and was stopped.
    #[error("{} did not print the briefing within {} s and was stopped", path.display(), seconds)]
    Timeout {
        /// The browser.
        path: PathBuf,
        /// The time it had.
        seconds: u64,
    },
    /// The browser ran but made no PDF.
    #[error("{} could not print the briefing ({status}){log}", path.display())]
    Failed {
        /// The browser.
        path: PathBuf,
        /// How it ended.
        status: String,
        /// The end of what it said, on new lines.
        log: String,
    },
    /// A file or folder could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Prints the HTML `page` to PDF at `out` (not yet renamed into place: commit the
/// returned file), giving the browser `timeout`.
pub fn print(
    browser: &Path,
    page: &str,
    out: &Path,
    timeout: Duration,
) -> Result<Pending, PdfError> {
    let work = WorkDir::new()?;
    let html = work.path.join("briefing.html");
    fs::write(&html, page).map_err(|source| PdfError::Write {
        path: html.clone(),
        source,
    })?;
    let pending = Pending::reserve(out)?;
    let log_path = work.path.join("browser.log");
    let log = fs::File::create(&log_path).map_err(|source| PdfError::Write {
        path: log_path.clone(),
        source,
    })?;
    let log_err = log.try_clone().map_err(|source| PdfError::Write {
        path: log_path.clone(),
        source,
    })?;
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--no-first-run",
            "--no-default-browser-check",
            "--mute-audio",
            "--no-pdf-header-footer",
            "--generate-pdf-document-outline",
        ])
        .arg(flag("--user-data-dir=", &work.path.join("profile")))
        .arg(flag("--print-to-pdf=", pending.temp()))
        .arg(file_url(&html))
        .stdin(Stdio::null())
        .stdout(log)
        .stderr(log_err);
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().map_err(|source| PdfError::Start {
        path: browser.to_path_buf(),
        source,
    })?;
    let status = wait(&mut child, timeout).ok_or_else(|| PdfError::Timeout {
        path: browser.to_path_buf(),
        seconds: timeout.as_secs(),
    })?;
    if status.success() && starts_like_pdf(pending.temp()) {
        return Ok(pending);
    }
    let log = fs::read_to_string(&log_path).unwrap_or_default();
    let tail: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    let tail = tail[tail.len().saturating_sub(5)..]
        .iter()
        .fold(String::new(), |mut out, line| {
            out.push_str("\n  ");
            out.push_str(line);
            out
        });
    Err(PdfError::Failed {
        path: browser.to_path_buf(),
        status: status.to_string(),
        log: tail,
    })
}

/// `--name=` followed by a path.
fn flag(name: &str, path: &Path) -> OsString {
    let mut flag = OsString::from(name);
    flag.push(path.as_os_str());
    flag
}

/// Waits for `child` up to `timeout`; on timeout stops it and its helpers, and
/// returns `None`.
fn wait(child: &mut Child, timeout: Duration) -> Option<ExitStatus> {
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) => return Some(status),
            Ok(None) if started.elapsed() < timeout => {
                std::thread::sleep(Duration::from_millis(50));
            }
            _ => break,
        }
    }
    // The browser runs in a process group of its own: stop the whole group.
    #[cfg(unix)]
    let _ = Command::new("kill")
        .args(["-KILL", "--", &format!("-{}", child.id())])
        .stderr(Stdio::null())
        .status();
    let _ = child.kill();
    let _ = child.wait();
    None
}

/// Whether the file at `path` begins as a PDF does.
fn starts_like_pdf(path: &Path) -> bool {
    let mut head = [0u8; 5];
    fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut head))
        .is_ok()
        && &head == b"%PDF-"
}

/// The `file://` URL of an absolute path, percent-encoded.
fn file_url(path: &Path) -> String {
    let path = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from(if path.starts_with('/') {
        "file://"
    } else {
        "file:///"
    });
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~:".contains(&byte) {
            url.push(char::from(byte));
        } else {
            let _ = write!(url, "%{byte:02X}");
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/é.html")),
            "file:///tmp/a%20b/%C3%A9.html"
        );
        assert_eq!(
            file_url(Path::new("/tmp/x#y.html")),
            "file:///tmp/x%23y.html"
        );
    }

    #[test]
    fn papers_parse() {
        assert_eq!("A4".parse(), Ok(Paper::A4));
        assert_eq!("letter".parse(), Ok(Paper::Letter));
        assert!("legal".parse::<Paper>().is_err());
    }
}
