//! Walking `content/` and reading each file: text, front matter, YAML.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Severity, SourceFile, Span};
use crate::load::cache::{Document, FileCache};
use crate::load::raw::{self, RawProject};
use crate::load::walk::{Found, Listing, Project, is_link, outside, relative};
use crate::load::yaml::{self, Yaml};
use crate::model::Body;

/// Files larger than this are refused rather than read.
const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Reads every document of the project at `root`. Problems go to `diagnostics`; what
/// could be read is returned either way.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> RawProject {
    load_with(root, None, None, diagnostics)
}

/// The dossier that holds `root` (run from inside `content/` or one of its folders), as
/// `root` was written with as many `..` as it takes (`..`, `../..`, `my-dossier`).
fn enclosing_project(root: &Path) -> Option<String> {
    let resolved = std::fs::canonicalize(root).ok()?;
    let depth = resolved
        .ancestors()
        .skip(1)
        .take(3)
        .position(|up| up.join("content/dossier.yaml").is_file())?;
    let mut path: Vec<std::path::Component<'_>> = root
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    for _ in 0..=depth {
        match path.last() {
            Some(std::path::Component::Normal(_)) => {
                path.pop();
            }
            _ => path.push(std::path::Component::ParentDir),
        }
    }
    let path: PathBuf = path.into_iter().collect();
    Some(if path.as_os_str().is_empty() {
        ".".to_string()
    } else {
        path.display().to_string()
    })
}

/// [`load`], reading again only the files that changed since `cache` saw them. When
/// `changed` is given, it lists every path (relative to `root`) that changed since the
/// last run with the same cache, and the other files are not even looked at; else each
/// file's size and modification time tell.
pub fn load_with(
    root: &Path,
    cache: Option<&FileCache>,
    changed: Option<&[PathBuf]>,
    diagnostics: &mut Diagnostics,
) -> RawProject {
    let mut project = RawProject {
        root: root.to_path_buf(),
        ..RawProject::default()
    };
    let content = root.join("content");
    if !content.is_dir() {
        let hint = enclosing_project(root).map_or_else(
            || {
                "run `dossier init DIR` to start a dossier, or pass `--root` to point at one"
                    .to_string()
            },
            |up| {
                format!(
                    "this folder is inside the dossier at `{up}`: run the command there, or \
                     pass `--root {up}`"
                )
            },
        );
        diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                Path::new("content"),
                format!("no `content/` folder in {}", root.display()),
            )
            .with_hint(hint),
        );
        return project;
    }

    let dossier_path = content.join("dossier.yaml");
    if !dossier_path.exists() {
        diagnostics.push(
            Diagnostic::file(
                Severity::Error,
                Path::new("content/dossier.yaml"),
                "missing `content/dossier.yaml`",
            )
            .with_hint("create it with at least `title: …`"),
        );
    } else if is_link(&dossier_path) && !Project::new(root).holds(&dossier_path) {
        diagnostics.push(outside(Path::new("content/dossier.yaml")));
    } else if let Some(file) = read_text(root, &dossier_path, diagnostics)
        && let Some(yaml) = parse_yaml(&file, &file.text, 0, diagnostics)
    {
        project.dossier = raw::dossier(&file, &yaml, diagnostics);
    }
    project.lost = dossier_path.exists() && project.dossier.is_none();

    let lock = root.join(super::LOCK_FILE);
    if lock.is_file() {
        project.lock = read_text(root, &lock, diagnostics);
    }

    // What the walks find is reported before what the files hold, folder by folder.
    let (listing, trusted) = match cache {
        Some(cache) => cache.listing(root, changed),
        None => (Arc::new(Listing::walk(root)), false),
    };

    // Every file is read and parsed in parallel, the three folders as one pool of work:
    // the few large events files start first, and the many small files keep the other
    // cores busy meanwhile and fill in at the end.
    let reading = Reading { cache, trusted };
    let all_sources = || {
        reading.each(&listing.sources, |path, id, found| {
            read_source(root, path, id, found).map(Arc::new)
        })
    };
    let all_actors = || {
        reading.each(&listing.actors, |path, id, found| {
            read_actor(root, path, id, found).map(Arc::new)
        })
    };
    let all_events = || {
        reading.each(&listing.events, |path, _, found| {
            let events = read_events(root, path, found)?;
            Some(events.into_iter().map(Arc::new).collect::<Vec<_>>())
        })
    };
    let (events, (sources, actors)) =
        rayon::join(all_events, || rayon::join(all_sources, all_actors));

    diagnostics.extend(listing.strays.clone());
    let [walked_sources, walked_actors, walked_events] = listing.walked.clone();
    project.unreadable.clone_from(&listing.misnamed);
    let failed_sources = listing
        .sources
        .iter()
        .zip(&sources)
        .map(|(f, r)| (f, r.0.is_none()));
    let failed_actors = listing
        .actors
        .iter()
        .zip(&actors)
        .map(|(f, r)| (f, r.0.is_none()));
    project.lost |= events.iter().any(|(read, _)| read.is_none());
    for (found, failed) in failed_sources.chain(failed_actors) {
        if failed {
            let shown = relative(root, &found.path);
            project.unreadable.push((found.id.clone(), shown));
        }
    }
    project.sources = gather(sources, walked_sources, diagnostics);
    project.actors = gather(actors, walked_actors, diagnostics);
    let events = gather(events, walked_events, diagnostics);
    project.events = Vec::with_capacity(events.iter().map(Vec::len).sum());
    project.events.extend(events.into_iter().flatten());
    project
}

/// How this run reads the documents: through a cache or not, trusting the watcher or
/// not.
struct Reading<'c> {
    cache: Option<&'c FileCache>,
    trusted: bool,
}

impl Reading<'_> {
    /// Runs `read` on every document in parallel (or takes what the cache remembers of
    /// an unchanged file); returns what each gave, in order, with the diagnostics it
    /// found.
    fn each<T: Document>(
        &self,
        documents: &[Found],
        read: impl Fn(&Path, &str, &mut Diagnostics) -> Option<T> + Sync,
    ) -> Vec<(Option<T>, Diagnostics)> {
        documents
            .par_iter()
            .map(|Found { path, id, .. }| match self.cache {
                Some(cache) => {
                    let (documents, found) =
                        cache.through(path, self.trusted, |found| T::wrap(read(path, id, found)));
                    (T::unwrap(documents), found)
                }
                None => {
                    let mut found = Diagnostics::default();
                    let read = read(path, id, &mut found);
                    (read, found)
                }
            })
            .collect()
    }
}

/// What [`in_parallel`] read, in order, after the diagnostics of the walk; the
/// diagnostics of each file go to `diagnostics` in the same order.
fn gather<T>(
    read: Vec<(Option<T>, Diagnostics)>,
    walked: Diagnostics,
    diagnostics: &mut Diagnostics,
) -> Vec<T> {
    diagnostics.extend(walked);
    let mut gathered = Vec::with_capacity(read.len());
    for (item, found) in read {
        diagnostics.extend(found);
        gathered.extend(item);
    }
    gathered
}

/// Reads one actor file.
fn read_actor(
    root: &Path,
    path: &Path,
    id: &str,
    diagnostics: &mut Diagnostics,
) -> Option<raw::RawActor> {
    let file = read_text(root, path, diagnostics)?;
    let yaml = parse_yaml(&file, &file.text, 0, diagnostics)?;
    raw::actor(id.to_string(), &file, &yaml, diagnostics)
}

/// Reads one events file: a list of events.
fn read_events(
    root: &Path,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<Vec<raw::RawEvent>> {
    let file = read_text(root, path, diagnostics)?;
    // A file that is not YAML holds events all the same, unknown.
    let Some(yaml) = parse_yaml(&file, &file.text, 0, diagnostics) else {
        return Some(vec![raw::RawEvent::unreadable(&file, Span::new(0, 0))]);
    };
    Some(raw::events(&file, &yaml, diagnostics))
}

/// Reads one source: front matter and body.
fn read_source(
    root: &Path,
    path: &Path,
    id: &str,
    diagnostics: &mut Diagnostics,
) -> Option<raw::RawSource> {
    let file = read_text(root, path, diagnostics)?;
    let (front, front_offset, body_offset) = split_front_matter(&file, diagnostics)?;
    let yaml = parse_yaml(&file, front, front_offset, diagnostics)?;
    let body = Body::new(Arc::clone(&file.text), body_offset);
    raw::source(id.to_string(), &file, &yaml, body, body_offset, diagnostics)
}

/// Reads a file as UTF-8 text, reporting why when it cannot.
fn read_text(root: &Path, path: &Path, diagnostics: &mut Diagnostics) -> Option<Arc<SourceFile>> {
    let shown = relative(root, path);
    let fail = |diagnostics: &mut Diagnostics, message: String, hint: &str| {
        let mut diagnostic = Diagnostic::file(Severity::Error, &shown, message);
        if !hint.is_empty() {
            diagnostic = diagnostic.with_hint(hint);
        }
        diagnostics.push(diagnostic);
    };
    let length = match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            fail(
                diagnostics,
                format!("file too large ({} MiB)", meta.len() / (1024 * 1024)),
                "split it, or keep only the text of the source",
            );
            return None;
        }
        Ok(meta) if !meta.is_file() => {
            fail(diagnostics, "not a regular file".into(), "");
            return None;
        }
        Ok(meta) => usize::try_from(meta.len()).unwrap_or(0),
        Err(error) => {
            fail(diagnostics, format!("cannot read: {error}"), "");
            return None;
        }
    };
    // Read into a buffer of the file's size: the text is then kept without another copy.
    let mut bytes = Vec::with_capacity(length);
    if let Err(error) = File::open(path).and_then(|mut file| file.read_to_end(&mut bytes)) {
        fail(diagnostics, format!("cannot read: {error}"), "");
        return None;
    }
    match String::from_utf8(bytes) {
        Ok(mut text) => {
            if text.starts_with('\u{feff}') {
                text.drain(..'\u{feff}'.len_utf8());
            }
            Some(Arc::new(SourceFile::new(shown, text)))
        }
        Err(error) => {
            diagnostics.push(not_utf8(&shown, &error));
            None
        }
    }
}

/// The error for a file that is not UTF-8, at the first byte that is not, saying which
/// encoding the file seems saved in: UTF-16 (Notepad's "Unicode"), or Windows-1252 /
/// Latin-1 (the byte then quoted as the letter it is there).
fn not_utf8(shown: &Path, error: &std::string::FromUtf8Error) -> Diagnostic {
    let valid = error.utf8_error().valid_up_to();
    let bytes = error.as_bytes();
    let prefix = String::from_utf8_lossy(&bytes[..valid]);
    let line = prefix.matches('\n').count() + 1;
    let column = prefix.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let byte = bytes[valid];
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    let (message, hint) = if utf16 {
        (
            "not UTF-8 text: the file is saved as UTF-16".to_string(),
            "save it as UTF-8 (Notepad calls UTF-16 \"Unicode\": choose \"UTF-8\" under \
             Encoding in Save As)"
                .to_string(),
        )
    } else {
        let (letter, _, bad) = encoding_rs::WINDOWS_1252.decode(&bytes[valid..=valid]);
        let binary = bytes.iter().take(8192).any(|&b| b == 0);
        let seen = if bad || binary || letter.chars().all(char::is_control) {
            String::new()
        } else {
            format!(" (`{letter}` in Windows-1252 or Latin-1, which the file seems saved in)")
        };
        let hint = if seen.is_empty() {
            "save the file as UTF-8 (a binary file does not belong in content/)"
        } else {
            "save the file as UTF-8: most editors offer the encoding in Save As, or reopen it \
             with its encoding first"
        };
        (
            format!(
                "not UTF-8 text: invalid byte 0x{byte:02X} at line {line}, column {column}{seen}"
            ),
            hint.to_string(),
        )
    };
    let mut diagnostic = Diagnostic::file(Severity::Error, shown, message).with_hint(hint);
    diagnostic.line = line;
    diagnostic.column = column;
    diagnostic
}

/// What to do when the first line of a source is not `---`, told from what it is.
fn opening_hint(first: &str) -> String {
    let begin =
        "begin the file with `---`, then `title:` and `published:`, then `---`, then the text";
    if first == "+++" {
        "front matter in TOML between `+++` lines (as Hugo and Zola take it) is not read: write \
         it in YAML between `---` lines, `title: \"…\"` for `title = \"…\"`, and the date as \
         `published: YYYY-MM-DD`"
            .to_string()
    } else if first.trim().is_empty() {
        "remove the blank lines before the first `---`: it must be the file's first line"
            .to_string()
    } else if first.trim() == "---" {
        "write `---` at the very start of the line, without spaces before it".to_string()
    } else if first.trim_start().starts_with("---") && first.trim().chars().all(|c| c == '-') {
        format!(
            "write exactly three dashes, `---`, not {}",
            first.trim().len()
        )
    } else {
        begin.to_string()
    }
}

/// Splits a source file into its YAML front matter and its body: returns the front
/// matter text, its byte offset and the byte offset of the body.
fn split_front_matter<'f>(
    file: &'f SourceFile,
    diagnostics: &mut Diagnostics,
) -> Option<(&'f str, usize, usize)> {
    let text: &str = &file.text;
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        diagnostics
            .error(
                file,
                Span::new(0, first.trim_end().len()),
                "a source starts with YAML front matter between `---` lines",
            )
            .hint = Some(opening_hint(first.trim_end()));
        return None;
    }
    let front_start = first.len();
    let mut offset = front_start;
    for line in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((&text[front_start..offset], front_start, offset + line.len()));
        }
        offset += line.len();
    }
    diagnostics
        .error(file, Span::new(0, 3), "the front matter is never closed")
        .hint = Some("add a line `---` after the last key of the front matter".into());
    None
}

fn parse_yaml<'t>(
    file: &SourceFile,
    text: &'t str,
    offset: usize,
    diagnostics: &mut Diagnostics,
) -> Option<Yaml<'t>> {
    match yaml::parse(text, offset) {
        Ok(yaml) => Some(yaml),
        Err(error) => {
            let span = error.span.unwrap_or(Span::new(offset, 0));
            let hint = colon_hint(&file.text, span.start, &error.message)
                .or_else(|| quote_hint(&file.text, span.start, &error.message))
                .or_else(|| duplicate_hint(&file.text, span.start, &error.message))
                .unwrap_or_else(|| "check the indentation and quoting around this place".into());
            diagnostics
                .error(file, span, format!("invalid YAML: {}", error.message))
                .hint = Some(error.hint.unwrap_or(hint));
            None
        }
    }
}

/// For a key written twice in one mapping: where it was written first.
fn duplicate_hint(text: &str, at: usize, message: &str) -> Option<String> {
    let key = message.split_once("duplicate mapping key: ")?.1.trim();
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let indent = &text[start..at];
    let first = text[..start]
        .split_inclusive('\n')
        .enumerate()
        .filter(|(_, line)| {
            // The first key of a list item follows its `- `.
            let lead = line.get(..indent.len());
            lead.is_some_and(|lead| lead.chars().all(|c| c == ' ' || c == '-'))
                && line[indent.len()..]
                    .strip_prefix(key)
                    .is_some_and(|rest| rest.trim_start().starts_with(':'))
        })
        .map(|(number, _)| number + 1)
        .last();
    Some(match first {
        Some(line) => format!("`{key}` is written already on line {line}: keep one of the two"),
        None => format!("`{key}` is written twice in this mapping: keep one of the two"),
    })
}

/// For a value cut short by a quote mark of its own: an apostrophe inside `'…'`
/// (`title: 'The regulator's report'`) or a `"` inside `"…"`.
fn quote_hint(text: &str, at: usize, message: &str) -> Option<String> {
    let mark = if message.contains("after single-quoted scalar") {
        '\''
    } else if message.contains("after double-quoted scalar") {
        '"'
    } else {
        return None;
    };
    let line = line_at(text, at)?;
    let (key, value) = line.split_once(": ")?;
    let key = key.trim();
    let value = value.trim();
    let inner = value.strip_prefix(mark)?.strip_suffix(mark)?;
    Some(if mark == '\'' {
        let doubled = inner.replace('\'', "''");
        let escaped = inner.replace('\\', "\\\\").replace('"', "\\\"");
        format!(
            "an apostrophe inside '…' ends the value: write it twice, {key}: '{doubled}', \
             or quote the value with double quotes: {key}: \"{escaped}\""
        )
    } else {
        let escaped = inner.replace('\\', "\\\\").replace('"', "\\\"");
        format!("a \" inside \"…\" ends the value: write it \\\", {key}: \"{escaped}\"")
    })
}

/// The line of `text` around the offset `at`, without its line break.
fn line_at(text: &str, at: usize) -> Option<&str> {
    let start = text.get(..at)?.rfind('\n').map_or(0, |i| i + 1);
    let end = text.get(at..)?.find('\n').map_or(text.len(), |i| at + i);
    Some(text.get(start..end)?.trim_end())
}

/// For a plain value holding `: ` (French typography: `title: Niger : les …`), which
/// YAML reads as a second key: the hint to quote it, with the line quoted as it should
/// be written.
fn colon_hint(text: &str, at: usize, message: &str) -> Option<String> {
    if !message.contains("mapping values are not allowed") {
        return None;
    }
    let line = line_at(text, at)?;
    let (key, value) = line.split_once(": ")?;
    let value = value.trim();
    if !value.contains(": ") && !value.contains(" :") {
        return None;
    }
    let quoted = value.replace('\\', "\\\\").replace('"', "\\\"");
    Some(format!(
        "quote a value that contains ': ': {key}: \"{quoted}\""
    ))
}
