//! What `dossier serve` tells the terminal: rebuilds, their errors and warnings.

use std::io::Write;
use std::sync::Mutex;

use dossier::serve::Notice;

/// Prints the notices of the preview server; warnings only when they changed.
pub struct Printer {
    color: bool,
    quiet: bool,
    last_warnings: Mutex<String>,
}

impl Printer {
    /// A printer that colors diagnostics when `color`, and says only what went wrong
    /// when `quiet`.
    pub fn new(color: bool, quiet: bool) -> Self {
        Self {
            color,
            quiet,
            last_warnings: Mutex::new(String::new()),
        }
    }

    /// Prints one notice.
    pub fn print(&self, notice: dossier::serve::Notice) {
        let say = |line: &str| {
            if !self.quiet {
                say(line);
            }
        };
        match notice {
            Notice::Changed(paths) => {
                let first = paths
                    .first()
                    .map(|p| dossier::printable::printable(&p.display().to_string()).into_owned());
                let more = match paths.len() {
                    0 | 1 => String::new(),
                    n => format!(" and {} more", n - 1),
                };
                match first {
                    Some(first) => say(&format!("Changed: {first}{more}")),
                    None => say("Changed: events were lost, every file is read again"),
                }
            }
            Notice::Built { elapsed, warnings } => {
                let text = warnings.render(self.color);
                let mut last = dossier::sync::lock(&self.last_warnings);
                if !warnings.is_empty() && *last != text {
                    complain(&text);
                }
                *last = text;
                say(&format!("Built in {} ms", elapsed.as_millis()));
            }
            Notice::Failed {
                elapsed,
                diagnostics,
                last_good,
            } => {
                complain(&diagnostics.render(self.color));
                let pages = if last_good {
                    "the pages show the errors over the last good build"
                } else {
                    "no build has succeeded yet: the pages show the errors"
                };
                say(&format!(
                    "Build failed in {} ms: {pages}",
                    elapsed.as_millis()
                ));
                // Show the warnings again once the errors are fixed.
                dossier::sync::lock(&self.last_warnings).clear();
            }
            Notice::WatchFailed(message) => {
                complain(&format!("warning: watching the project: {message}\n"));
            }
        }
    }
}

/// A line on stdout, flushed at once (a test or a script may be reading it).
pub fn say(line: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = writeln!(stdout, "{line}");
    let _ = stdout.flush();
}

/// Diagnostics on stderr.
fn complain(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// `text` as one word for the system's shell: as it is when it holds only safe
/// characters, otherwise quoted (single quotes on Unix, double quotes on Windows).
pub fn shell_quote(text: &str) -> String {
    let safe = |c: char| c.is_ascii_alphanumeric() || "-_./:@%+,=".contains(c);
    if !text.is_empty() && text.chars().all(safe) {
        return text.to_string();
    }
    if cfg!(windows) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// Opens `url` in the default browser, with the system's own opener.
pub fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut command = std::process::Command::new("cmd");
        command.args(["/C", "start", ""]);
        command
    } else {
        std::process::Command::new("xdg-open")
    };
    let opened = command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    match opened {
        Err(error) => complain(&format!(
            "warning: cannot open a browser ({error}); open {url}\n"
        )),
        // The opener may start and still find no browser (`xdg-open` without a
        // desktop): its exit status says so, after the server has started.
        Ok(mut child) => {
            let url = url.to_string();
            std::thread::spawn(move || {
                if let Ok(status) = child.wait()
                    && !status.success()
                {
                    complain(&format!(
                        "warning: the system found no browser to open ({status}); open {url}\n"
                    ));
                }
            });
        }
    }
}
