//! Finding the documents of `content/`: each folder walked in file-name order, or, when
//! the preview's watcher says that only known documents changed, the last walk again.

use std::path::{Path, PathBuf};

use rustc_hash::FxHashSet as HashSet;
use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::model::is_valid_id;

/// The folders of `content/` that hold documents, with the extensions of their files
/// (the usual one first).
const FOLDERS: [(&str, &[&str]); 3] = [
    ("sources", &["md", "markdown"]),
    ("actors", &["yaml", "yml"]),
    ("events", &["yaml", "yml"]),
];

/// Documents that may be a source saved in another form: in `sources/`, an error
/// rather than a warning, since the source would be lost. Those that
/// `dossier new source` reads come first.
const DOCUMENTS: [&str; 9] = [
    "txt", "html", "htm", "docx", "doc", "odt", "rtf", "pdf", "epub",
];
/// How many of [`DOCUMENTS`] `dossier new source` imports.
const IMPORTED: usize = 3;

/// One document found by a walk.
#[derive(Debug, Clone)]
pub struct Found {
    /// Its path (under the project root).
    pub path: PathBuf,
    /// Its id: the file name without extension.
    pub id: String,
    /// Reached through a symbolic link: its text can change without any event in
    /// `content/`.
    pub linked: bool,
}

/// The documents of `content/`, folder by folder, with what the walks reported.
#[derive(Debug, Default)]
pub struct Listing {
    /// The project folder walked.
    root: PathBuf,
    /// `content/sources/*.md`, sorted.
    pub sources: Vec<Found>,
    /// `content/actors/*.yaml`, sorted.
    pub actors: Vec<Found>,
    /// `content/events/*.yaml`, sorted.
    pub events: Vec<Found>,
    /// What each walk reported (misnamed files, files of another kind), in the order
    /// of the folders.
    pub walked: [Diagnostics; 3],
    /// Entries of `content/` that a dossier does not have (a misspelt folder).
    pub strays: Diagnostics,
    /// The sources and actors whose file name is not an id: the id it would make, and
    /// the file.
    pub misnamed: Vec<(String, PathBuf)>,
    /// The paths of the documents.
    documents: HashSet<PathBuf>,
    /// The paths the walks reported on.
    reported: Vec<PathBuf>,
    /// Whether `content/` or one of its folders is a symbolic link: a watcher may not
    /// see what changes behind it.
    linked_folder: bool,
}

impl Listing {
    /// Walks the folders of `root/content/`.
    pub fn walk(root: &Path) -> Self {
        let content = root.join("content");
        let mut walked: [Diagnostics; 3] = Default::default();
        let mut reported = Vec::new();
        let mut linked_folder = is_link(&content);
        let mut found = Vec::with_capacity(FOLDERS.len());
        let mut misnamed = Vec::new();
        let project = Project::new(root);
        for ((name, extensions), walked) in FOLDERS.iter().zip(&mut walked) {
            let folder = content.join(name);
            let linked = linked_folder || is_link(&folder);
            linked_folder |= linked;
            let walk = Walk {
                project: &project,
                folder: &folder,
                extensions,
                linked,
            };
            let before = reported.len();
            found.push(walk.documents(walked, &mut reported));
            if *name != "events" {
                let misnamed_here = reported[before..].iter().filter_map(|path| {
                    let stem = path.file_stem()?.to_str()?;
                    let id = slug(stem);
                    (!is_valid_id(stem) && !id.is_empty()).then(|| (id, relative(root, path)))
                });
                misnamed.extend(misnamed_here);
            }
        }
        let mut found = found.into_iter();
        let mut next = || found.next().unwrap_or_default();
        let mut listing = Listing {
            root: root.to_path_buf(),
            sources: next(),
            actors: next(),
            events: next(),
            walked,
            misnamed,
            strays: strays(root),
            documents: HashSet::default(),
            reported,
            linked_folder,
        };
        listing.documents = listing
            .sources
            .iter()
            .chain(&listing.actors)
            .chain(&listing.events)
            .map(|found| found.path.clone())
            .collect();
        listing
    }

    /// Every document, folder after folder.
    pub fn all(&self) -> impl Iterator<Item = &Found> {
        self.sources.iter().chain(&self.actors).chain(&self.events)
    }

    /// When only the paths `changed` (relative to the project root) changed since this
    /// walk, the files to read again: the changed documents, and those reached through
    /// a link. `None` when the walk must be made again: a document or a folder appeared
    /// or disappeared, a file the walk would report on came, or the folders are links.
    pub fn still_holds(&self, root: &Path, changed: &[PathBuf]) -> Option<Vec<PathBuf>> {
        if self.linked_folder || self.root != root {
            return None;
        }
        let content = root.join("content");
        let folders = FOLDERS.map(|(name, _)| content.join(name));
        let mut stale = Vec::new();
        for path in changed.iter().map(|path| root.join(path)) {
            if content.starts_with(&path) || folders.contains(&path) {
                // The project, `content/` or one of its folders itself.
                return None;
            }
            if !folders.iter().any(|folder| path.starts_with(folder)) {
                if path.starts_with(&content) && path != content.join("dossier.yaml") {
                    // Something new in `content/` itself: a misspelt folder, maybe.
                    return None;
                }
                // `dossier.yaml` (always read), or a path outside `content/`.
                continue;
            }
            match std::fs::symlink_metadata(&path) {
                Ok(meta) if meta.is_file() => {
                    if self.documents.contains(&path) {
                        stale.push(path);
                    } else if !is_hidden(&path) {
                        // A new document, or a file that the walk reports on.
                        return None;
                    }
                }
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    let had = |known: &PathBuf| known.starts_with(&path);
                    if self.documents.iter().any(had) || self.reported.iter().any(had) {
                        return None;
                    }
                }
                // A folder, a link, or a path that cannot be looked at.
                _ => return None,
            }
        }
        stale.extend(self.all().filter(|f| f.linked).map(|f| f.path.clone()));
        Some(stale)
    }
}

/// `stem`, or `stem-2`, `stem-3`… when a file of that name is beside `path` already
/// (`BBC-Coup.md` beside `bbc-coup.md`): the name a hint may offer.
fn free_name(path: &Path, stem: String, ext: &str) -> String {
    // Names as listed, not as looked up: on a file system blind to case, `bbc-coup.md`
    // would be found as `BBC-Coup.md` itself.
    let names: Vec<std::ffi::OsString> = path
        .parent()
        .and_then(|folder| std::fs::read_dir(folder).ok())
        .map(|entries| entries.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    let taken = |name: &str| names.iter().any(|n| *n == *format!("{name}.{ext}"));
    if !taken(&stem) {
        return stem;
    }
    (2..100)
        .map(|n| format!("{stem}-{n}"))
        .find(|name| !taken(name))
        .unwrap_or(stem)
}

/// Whether `path` itself is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

/// Whether a file is hidden or left by an editor or the system: the walks skip it
/// without a word.
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|name| is_litter(&name.to_string_lossy()))
}

/// Whether a file's name is that of a hidden file (`.DS_Store`, `.notes.md.swp`), of an
/// editor's backup or autosave (`notes.md~`, `#notes.md#`), or of a file that Windows
/// and macOS leave in folders (`Thumbs.db`, `desktop.ini`, `Icon\r`): nobody writes
/// content in these, and no dossier's build should fail or warn over them.
fn is_litter(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    name.starts_with('.')
        || name.ends_with('~')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || matches!(
            lower.as_str(),
            "thumbs.db" | "ehthumbs.db" | "desktop.ini" | "icon\r"
        )
}

/// The files of one content folder with the expected extension, sorted, with their ids.
/// Misnamed files and files of another kind are reported, and their paths kept in
/// `reported`.
impl Walk<'_> {
    fn documents(&self, diagnostics: &mut Diagnostics, reported: &mut Vec<PathBuf>) -> Vec<Found> {
        let (root, folder) = (self.project.root, self.folder);
        let mut found = Vec::new();
        if !folder.exists() {
            return found;
        }
        for entry in WalkDir::new(folder).follow_links(false).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error
                        .path()
                        .map_or_else(|| folder.to_path_buf(), Path::to_path_buf);
                    diagnostics.push(Diagnostic::file(
                        Severity::Error,
                        &relative(root, &path),
                        format!("cannot read: {error}"),
                    ));
                    reported.push(path);
                    continue;
                }
            };
            let name = entry.file_name().to_string_lossy();
            if is_litter(&name) || entry.file_type().is_dir() {
                continue;
            }
            let path = entry.path();
            let shown = relative(root, path);
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !self.extensions.contains(&ext) {
                diagnostics.push(self.not_a_document(&shown, ext));
                reported.push(path.to_path_buf());
                continue;
            }
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            if !is_valid_id(&stem) {
                // A name that is not UTF-8 (or has no letter or digit) makes no slug: the
                // hint must not suggest a name starting with a dot, which is skipped.
                let suggestion = match slug(&stem) {
                    s if s.is_empty() => "a-name-of-your-own".to_string(),
                    s => free_name(path, s, ext),
                };
                diagnostics.push(
                Diagnostic::file(Severity::Error, &shown, format!("`{stem}` is not a valid id: the file name is the id"))
                    .with_hint(format!(
                        "ids are lowercase letters, digits and `-`, starting with a letter or digit, 80 at most: rename it `{suggestion}.{ext}`"
                    )),
            );
                reported.push(path.to_path_buf());
                continue;
            }
            let linked = entry.path_is_symlink();
            if (linked || self.linked) && !self.project.holds(path) {
                diagnostics.push(outside(&shown));
                reported.push(path.to_path_buf());
                continue;
            }
            found.push(Found {
                path: path.to_path_buf(),
                id: stem,
                linked,
            });
        }
        found
    }
}

impl Walk<'_> {
    /// What a file of the folder without a document's extension gets: in `sources/`,
    /// an article saved as text, HTML, a word processor's file or PDF is an error (the
    /// source would be lost), with the way to import it; anything else a warning.
    fn not_a_document(&self, shown: &Path, ext: &str) -> Diagnostic {
        let names: Vec<String> = self.extensions.iter().map(|e| format!("`.{e}`")).collect();
        let names = names.join(" or ");
        let lower = ext.to_ascii_lowercase();
        if self.extensions.contains(&lower.as_str()) {
            let stem = shown
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            let stem = if is_valid_id(&stem) {
                stem
            } else {
                slug(&stem)
            };
            return Diagnostic::file(
                Severity::Error,
                shown,
                format!("`.{ext}` in capitals: only {names} files are read, so this one is not"),
            )
            .with_hint(format!("rename it `{stem}.{lower}`"));
        }
        let position = DOCUMENTS.iter().position(|d| *d == lower);
        let is_sources = self.extensions.contains(&"md");
        let (Some(position), true) = (position, is_sources) else {
            return Diagnostic::file(
                Severity::Warning,
                shown,
                format!("ignored: not a {names} file"),
            )
            .with_hint(format!(
                "files in this folder are read only when their name ends in {names}"
            ));
        };
        let hint = if position < IMPORTED {
            "move it out of `content/` and import it with `dossier new source FILE`: \
             it writes `content/sources/ID.md` with the front matter filled from the file"
                .to_string()
        } else {
            "`dossier new source FILE` imports .txt, .md and .html files: save the \
             document as one of them outside `content/`, then import it"
                .to_string()
        };
        Diagnostic::file(
            Severity::Error,
            shown,
            format!("a `.{ext}` file among the sources: a source is a Markdown file ({names}), so this one is not read"),
        )
        .with_hint(hint)
    }
}

/// One content folder to walk.
struct Walk<'a> {
    project: &'a Project<'a>,
    folder: &'a Path,
    /// The extensions of its documents.
    extensions: &'a [&'a str],
    /// `content/` or this folder is a symbolic link.
    linked: bool,
}

/// The project folder, with its real path once resolved, to tell where links lead.
pub struct Project<'a> {
    root: &'a Path,
    real: Option<PathBuf>,
}

impl<'a> Project<'a> {
    /// The project at `root`.
    pub fn new(root: &'a Path) -> Self {
        Self {
            root,
            real: std::fs::canonicalize(root).ok(),
        }
    }

    /// Whether `path`, every link in it followed, lies inside the project.
    pub fn holds(&self, path: &Path) -> bool {
        match (&self.real, std::fs::canonicalize(path)) {
            (Some(real), Ok(target)) => target.starts_with(real),
            _ => false,
        }
    }
}

/// The error for a link that leads out of the project: the file is not read, so that
/// nothing of it (`/proc/self/environ`…) is ever quoted.
pub fn outside(shown: &Path) -> Diagnostic {
    Diagnostic::file(
        Severity::Error,
        shown,
        "a symbolic link to a file outside the project: not read",
    )
    .with_hint("copy the file into the project, or link to a file inside it")
}

/// What `content/` may hold besides hidden files.
const ENTRIES: [&str; 4] = ["dossier.yaml", "sources/", "actors/", "events/"];

/// An error for each entry of `content/` that a dossier does not have: its files would
/// never be read.
fn strays(root: &Path) -> Diagnostics {
    let mut found = Diagnostics::default();
    let Ok(entries) = std::fs::read_dir(root.join("content")) else {
        return found;
    };
    let mut names: Vec<(String, bool)> = entries
        .flatten()
        .map(|e| {
            let folder = e.path().is_dir();
            (e.file_name().to_string_lossy().into_owned(), folder)
        })
        .filter(|(name, folder)| !(*folder && name.starts_with('.') || !folder && is_litter(name)))
        .collect();
    names.sort();
    for (name, folder) in names {
        let written = if folder { format!("{name}/") } else { name };
        if ENTRIES.contains(&written.as_str()) {
            continue;
        }
        let path = Path::new("content").join(&written);
        let message = if folder {
            format!("unknown folder `content/{written}`: its files are not read")
        } else {
            format!("unknown file `content/{written}`: it is not read")
        };
        let hint = match crate::diagnostics::did_you_mean(&written, ENTRIES) {
            Some(near) => format!("did you mean `{near}`?"),
            None => "content/ holds only dossier.yaml, sources/, actors/ and events/ \
                     (hidden files aside): move it out of content/, or name it with a dot"
                .to_string(),
        };
        found.push(Diagnostic::file(Severity::Error, &path, message).with_hint(hint));
    }
    found
}

/// A file name made into an id, for hints.
fn slug(text: &str) -> String {
    crate::model::slugify(text, 80)
}

/// `path` relative to `root`, as shown in diagnostics.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root)
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}
