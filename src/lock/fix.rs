//! `dossier check --fix`: the citations of paragraphs that moved since the lock are
//! rewritten in place, each only in its own bytes; nothing else of any file changes.

use std::io::Write;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap as HashMap;

use super::drift::{self, Text};
use super::{FILE_NAME, sites};
use crate::diagnostics::Diagnostics;

/// A citation rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Applied {
    /// The file, relative to the project root.
    pub path: PathBuf,
    /// One-based line and column of the citation.
    pub line: usize,
    /// Its column.
    pub column: usize,
    /// As it was.
    pub old: String,
    /// As it is now.
    pub new: String,
}

/// Why the citations were not rewritten.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    /// There is no lock to compare with.
    #[error("no {FILE_NAME} in the project: run `dossier lock` first")]
    NoLock,
    /// A file could not be rewritten.
    #[error("cannot rewrite {path}: {source}")]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Rewrites, in the project at `root`, every citation of a paragraph that moved since
/// `dossier.lock` was written, and renumbers the lock's entries of the paragraphs that
/// moved (a changed paragraph's entry stays, to be reviewed). Returns the citations
/// rewritten, in file order.
pub fn fix(root: &Path) -> Result<Vec<Applied>, FixError> {
    let mut ignored = Diagnostics::default();
    let raw = crate::load::load(root, &mut ignored);
    let lock_file = raw.lock.as_ref().ok_or(FixError::NoLock)?;
    let lock = super::parse(lock_file, &mut ignored);
    let sites = sites::collect(
        raw.dossier.as_ref(),
        &raw.sources,
        &raw.actors,
        raw.events.iter().map(|e| &**e),
    );
    let scans: Vec<_> = raw
        .sources
        .iter()
        .map(|s| crate::scan::body(&s.body).paragraphs)
        .collect();
    let texts: HashMap<&str, Text<'_>> = raw
        .sources
        .iter()
        .zip(&scans)
        .map(|(s, paragraphs)| {
            (
                s.id.as_str(),
                Text {
                    body: &s.body,
                    paragraphs,
                },
            )
        })
        .collect();
    let mut fixes = drift::check(&sites, &lock, &texts, &mut ignored);
    fixes.sort_by(|a, b| (&a.file.path, a.span.start).cmp(&(&b.file.path, b.span.start)));
    let mut applied = Vec::new();
    for group in fixes.chunk_by(|a, b| a.file.path == b.file.path) {
        let file = &group[0].file;
        let mut text = file.text.as_bytes().to_vec();
        // From the end, so that the earlier spans stay where they are.
        for fix in group.iter().rev() {
            let range = fix.span.start..fix.span.start + fix.span.len;
            if text.get(range.clone()) != Some(fix.old.as_bytes()) {
                continue;
            }
            text.splice(range, fix.new.bytes());
            let (line, column) = file.line_column(fix.span.start);
            applied.push(Applied {
                path: file.path.clone(),
                line,
                column,
                old: fix.old.clone(),
                new: fix.new.clone(),
            });
        }
        let path = root.join(&file.path);
        replace_file(&path, &text).map_err(|source| FixError::Write { path, source })?;
    }
    applied.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    if !applied.is_empty() {
        // The lock follows the paragraphs the citations now name.
        let lines = drift::renumbered(&lock, &texts);
        let text = super::render(
            lines
                .iter()
                .map(|((id, n), s)| (id.as_str(), *n, s.as_str())),
        );
        let path = root.join(FILE_NAME);
        replace_file(&path, text.as_bytes()).map_err(|source| FixError::Write { path, source })?;
    }
    Ok(applied)
}

/// Replaces the file at `path` by `bytes`, through a temporary file beside it renamed
/// over it; never through a symbolic link.
pub(super) fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(std::io::Error::other("it is a symbolic link"));
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = dir.join(format!(".{name}.dossier-tmp"));
    let result = (|| {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}
