//! Helpers for the build tests: build a fixture into a temporary folder, read its
//! pages, scan their tags and check every internal link.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A built site in a temporary folder (removed on drop).
pub struct Built {
    /// Keeps the folder alive.
    pub dir: tempfile::TempDir,
    /// The output folder.
    pub out: PathBuf,
}

impl Built {
    /// The text of an output file.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Every file of the output, by relative path, with its bytes.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        files(&self.out)
    }
}

/// The folder of a fixture.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Builds the project at `root` into a fresh temporary folder; panics on failure.
pub fn build(root: &Path) -> Built {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("public");
    let (result, diagnostics) = dossier::build(root, &out, dossier::BuildOptions::default());
    if let Err(e) = result {
        panic!(
            "build of {} failed: {e}\n{}",
            root.display(),
            diagnostics.render(false)
        );
    }
    Built { dir, out }
}

/// Copies a project into a temporary folder, to change it.
pub fn copy_project(root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(root, dir.path());
    dir
}

/// A temporary project holding a copy of `root`'s `content/` only (not its templates,
/// nor whatever else the folder holds).
pub fn copy_content(root: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&root.join("content"), &dir.path().join("content"));
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Every file under `root`, by relative path with `/`.
pub fn files(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let relative = entry.path().strip_prefix(root).expect("prefix");
            let key = relative.to_string_lossy().replace('\\', "/");
            out.insert(key, std::fs::read(entry.path()).expect("read"));
        }
    }
    out
}

/// A start tag found in HTML: its name and attributes (values with entities decoded).
#[derive(Debug)]
pub struct StartTag {
    /// Lowercase name.
    pub name: String,
    /// Attributes, lowercase names.
    pub attributes: Vec<(String, String)>,
}

impl StartTag {
    /// The value of an attribute.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Decodes the few entities the generator writes.
pub fn decode(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Every start tag of an HTML document, as a browser would see it (text escaped with
/// `&lt;` never starts a tag). Comments are skipped; the content of `<script>` and
/// `<style>` is skipped too.
pub fn start_tags(html: &str) -> Vec<StartTag> {
    let bytes = html.as_bytes();
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(offset) = html[i..].find('<') {
        i += offset + 1;
        if html[i..].starts_with("!--") {
            i = html[i..].find("-->").map_or(html.len(), |end| i + end + 3);
            continue;
        }
        if i >= bytes.len() || !bytes[i].is_ascii_alphabetic() {
            continue;
        }
        let name_end = html[i..]
            .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
            .map_or(html.len(), |e| i + e);
        let name = html[i..name_end].to_ascii_lowercase();
        let mut attributes = Vec::new();
        let mut j = name_end;
        loop {
            while j < bytes.len() && (bytes[j].is_ascii_whitespace() || bytes[j] == b'/') {
                j += 1;
            }
            if j >= bytes.len() || bytes[j] == b'>' {
                break;
            }
            let attr_end = html[j..]
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .map_or(html.len(), |e| j + e);
            let attr = html[j..attr_end].to_ascii_lowercase();
            j = attr_end;
            let mut value = String::new();
            if j < bytes.len() && bytes[j] == b'=' {
                j += 1;
                if j < bytes.len() && (bytes[j] == b'"' || bytes[j] == b'\'') {
                    let quote = bytes[j] as char;
                    let end = html[j + 1..].find(quote).map_or(html.len(), |e| j + 1 + e);
                    value = decode(&html[j + 1..end]);
                    j = (end + 1).min(html.len());
                } else {
                    let end = html[j..]
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .map_or(html.len(), |e| j + e);
                    value = decode(&html[j..end]);
                    j = end;
                }
            }
            attributes.push((attr, value));
        }
        i = j;
        if name == "script" || name == "style" {
            let close = format!("</{name}");
            i = html[i..].find(&close).map_or(html.len(), |e| i + e);
        }
        tags.push(StartTag { name, attributes });
    }
    tags
}

/// The ids of a document.
pub fn ids(html: &str) -> BTreeSet<String> {
    start_tags(html)
        .into_iter()
        .filter_map(|t| t.get("id").map(str::to_string))
        .collect()
}

/// Checks every `href` and `src` of every HTML page of a site: internal ones must be
/// relative and resolve to a file, and with `#` to an id in it. Returns the problems.
pub fn broken_links(root: &Path) -> Vec<String> {
    let files = files(root);
    let mut id_cache: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (path, bytes) in &files {
        if std::path::Path::new(path)
            .extension()
            .is_none_or(|e| e != "html")
        {
            continue;
        }
        let html = String::from_utf8_lossy(bytes);
        // 404.html is served at any depth: its links are relative to the root (<base>).
        let dir = if path == "404.html" {
            String::new()
        } else {
            path.rsplit_once('/')
                .map_or(String::new(), |(d, _)| d.to_string())
        };
        for tag in start_tags(&html) {
            for attr in ["href", "src", "action"] {
                let Some(value) = tag.get(attr) else { continue };
                if tag.name == "base"
                    || (tag.name == "link" && tag.get("rel") == Some("canonical"))
                    || is_empty_icon(&tag)
                {
                    continue;
                }
                let lower = value.to_ascii_lowercase();
                if lower.starts_with("http://")
                    || lower.starts_with("https://")
                    || lower.starts_with("mailto:")
                {
                    continue;
                }
                if value.starts_with('/') {
                    problems.push(format!("{path}: root-absolute {attr}=\"{value}\""));
                    continue;
                }
                let (file, anchor) = value
                    .split_once('#')
                    .map_or((value, None), |(f, a)| (f, Some(a)));
                let target = if file.is_empty() {
                    path.clone()
                } else {
                    resolve(&dir, file)
                };
                if !files.contains_key(&target) {
                    problems.push(format!("{path}: {attr}=\"{value}\" → missing {target}"));
                    continue;
                }
                if let Some(anchor) = anchor {
                    let ids = id_cache
                        .entry(target.clone())
                        .or_insert_with(|| ids(&String::from_utf8_lossy(&files[&target])));
                    if !ids.contains(anchor) {
                        problems.push(format!(
                            "{path}: {attr}=\"{value}\" → no id {anchor} in {target}"
                        ));
                    }
                }
            }
        }
    }
    problems
}

/// `dir/relative`, with `..` resolved.
fn resolve(dir: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = if dir.is_empty() {
        Vec::new()
    } else {
        dir.split('/').collect()
    };
    for part in relative.split('/') {
        match part {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    parts.join("/")
}

/// The self-contained briefing declares an empty icon (`<link rel="icon" href="data:,">`)
/// so that browsers ask the server for none: the one `data:` address allowed.
pub fn is_empty_icon(tag: &StartTag) -> bool {
    tag.name == "link" && tag.get("rel") == Some("icon") && tag.get("href") == Some("data:,")
}

/// The repository, whose `content/` is the bundled French dossier.
pub fn bundled() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `dossier` with `args` in the folder `cwd`, without colours.
pub fn dossier_in(cwd: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

/// Runs `dossier` with `args`.
pub fn dossier(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(args)
        .output()
        .expect("run dossier")
}

/// `dossier briefing --root ROOT` with more arguments; panics unless it succeeds.
pub fn briefing(root: &Path, args: &[&str]) -> Output {
    let root = root.to_str().expect("utf-8 path");
    let mut all = vec!["briefing", "--root", root];
    all.extend_from_slice(args);
    let output = dossier(&all);
    assert!(
        output.status.success(),
        "dossier {all:?} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The loaded dossier, for what the briefing must show.
pub fn model(root: &Path) -> dossier::model::Dossier {
    let (dossier, diagnostics) = dossier::check(root);
    dossier.unwrap_or_else(|| panic!("invalid dossier:\n{}", diagnostics.render(false)))
}
