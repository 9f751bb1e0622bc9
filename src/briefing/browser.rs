//! Finding the browser that prints the briefing: `--chrome`, else the `CHROME` variable,
//! else Chromium, Chrome or Edge on `PATH`, else where their installers put them on
//! macOS and Windows.

use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};

use super::pdf::PdfError;

/// The browsers looked for on `PATH`, in order (with `.exe` on Windows).
pub const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
];

/// The variable that names the browser, as Puppeteer and Lighthouse read it.
pub const CHROME_VARIABLE: &str = "CHROME";

/// How to get a browser on this system, for the "not found" message.
pub fn install_hint() -> &'static str {
    if cfg!(target_os = "macos") {
        "install Google Chrome (https://www.google.com/chrome/) or Microsoft Edge into \
         /Applications, or pass --chrome PATH (or set CHROME)"
    } else if cfg!(windows) {
        "Microsoft Edge comes with Windows: repair it in Settings → Apps, or install Google \
         Chrome (https://www.google.com/chrome/), or pass --chrome PATH (or set CHROME)"
    } else {
        "install one (Debian: apt-get install chromium) or pass --chrome PATH (or set CHROME)"
    }
}

/// The browser to print with: `explicit` when given (it must be a program), else the
/// `CHROME` variable's, else the first of [`BROWSERS`] on `PATH`, else the first found
/// where installers put Chrome, Chromium and Edge on this system.
pub fn find_browser(explicit: Option<&Path>) -> Result<PathBuf, PdfError> {
    let named = explicit.map(Path::to_path_buf).or_else(|| {
        std::env::var_os(CHROME_VARIABLE)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    });
    if let Some(path) = named {
        return if is_executable(&path) {
            Ok(path)
        } else {
            Err(PdfError::NotABrowser(path))
        };
    }
    let folders = std::env::var_os("PATH").unwrap_or_default();
    let suffix = if cfg!(windows) { ".exe" } else { "" };
    let on_path = BROWSERS.iter().flat_map(|name| {
        std::env::split_paths(&folders)
            .map(move |folder| folder.join(format!("{name}{suffix}")))
            .collect::<Vec<_>>()
    });
    let os = std::env::consts::OS;
    on_path
        .chain(install_places(os, |name| std::env::var_os(name)))
        .find(|candidate| is_executable(candidate))
        .ok_or(PdfError::NoBrowser)
}

/// Where the installers of Chrome, Chromium and Edge put the program on `os` (as
/// `std::env::consts::OS` names it), given the environment `var`.
pub fn install_places(os: &str, var: impl Fn(&str) -> Option<OsString>) -> Vec<PathBuf> {
    match os {
        "macos" => {
            let apps = [
                "Google Chrome.app/Contents/MacOS/Google Chrome",
                "Chromium.app/Contents/MacOS/Chromium",
                "Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
                "Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary",
            ];
            let mut folders = vec![PathBuf::from("/Applications")];
            folders.extend(var("HOME").map(|home| PathBuf::from(home).join("Applications")));
            folders
                .iter()
                .flat_map(|folder| apps.iter().map(move |app| folder.join(app)))
                .collect()
        }
        "windows" => {
            let programs = [
                r"Google\Chrome\Application\chrome.exe",
                r"Chromium\Application\chrome.exe",
                r"Microsoft\Edge\Application\msedge.exe",
            ];
            ["ProgramFiles", "ProgramFiles(x86)", "LOCALAPPDATA"]
                .iter()
                .filter_map(|name| var(name))
                .flat_map(|folder| {
                    programs
                        .iter()
                        .map(move |program| Path::new(&folder).join(program))
                })
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Whether `path` is a file that can be run.
fn is_executable(path: &Path) -> bool {
    let Ok(meta) = fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_browser_is_named() {
        let missing = Path::new("/nonexistent/chromium");
        assert!(matches!(
            find_browser(Some(missing)),
            Err(PdfError::NotABrowser(_))
        ));
    }

    #[test]
    fn macos_places_are_the_applications_folders() {
        let home = |name: &str| (name == "HOME").then(|| OsString::from("/Users/ana"));
        let places = install_places("macos", home);
        let chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
        assert!(places.contains(&PathBuf::from(chrome)), "{places:?}");
        let edge = "/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
        assert!(places.contains(&PathBuf::from(edge)), "{places:?}");
        assert!(
            places
                .iter()
                .any(|p| p.ends_with("Chromium.app/Contents/MacOS/Chromium"))
        );
    }

    #[test]
    fn windows_places_follow_the_program_folders() {
        let vars = |name: &str| match name {
            "ProgramFiles" => Some(OsString::from("C:/Program Files")),
            "ProgramFiles(x86)" => Some(OsString::from("C:/Program Files (x86)")),
            "LOCALAPPDATA" => Some(OsString::from("C:/Users/ana/AppData/Local")),
            _ => None,
        };
        let places = install_places("windows", vars);
        let has = |folder: &str, program: &str| {
            places
                .iter()
                .any(|p| p.starts_with(folder) && p.to_string_lossy().ends_with(program))
        };
        assert!(has(
            "C:/Program Files",
            r"Google\Chrome\Application\chrome.exe"
        ));
        assert!(has(
            "C:/Program Files (x86)",
            r"Microsoft\Edge\Application\msedge.exe"
        ));
        assert!(has(
            "C:/Users/ana/AppData/Local",
            r"Chromium\Application\chrome.exe"
        ));
        assert!(install_places("linux", vars).is_empty());
    }
}
