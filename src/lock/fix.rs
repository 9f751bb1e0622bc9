//! `dossier check --fix`: the citations of paragraphs that moved since the lock are
//! rewritten in place, each only in its own bytes; nothing else of any file changes.

use std::collections::BTreeMap;
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

/// What `check --fix` did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fixed {
    /// The citations rewritten, in file order.
    pub applied: Vec<Applied>,
    /// The citations of moved paragraphs left as they are (reported by `check`).
    pub left: usize,
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
/// `dossier.lock` was written, when all of that paragraph's citations can be, and
/// renumbers the lock's entries of those paragraphs. Nothing else of the lock changes:
/// the entry of a paragraph whose text is gone stays, to be reported until `dossier
/// lock` is run on purpose. Returns the citations rewritten and how many were left.
pub fn fix(root: &Path) -> Result<Fixed, FixError> {
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
                    french: super::in_french(s, raw.dossier.as_ref()),
                },
            )
        })
        .collect();
    let drift = drift::check(&sites, &lock, &texts, &mut ignored);
    let mut fixes = drift.fixes;
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
        let text = with_its_bom(&path, text);
        replace_file(&path, &text).map_err(|source| FixError::Write { path, source })?;
    }
    applied.sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    if !applied.is_empty() {
        // The lock follows the paragraphs the citations now name; no fingerprint changes.
        let text = renumbered(&lock, &drift.moves);
        let path = root.join(FILE_NAME);
        replace_file(&path, text.as_bytes()).map_err(|source| FixError::Write { path, source })?;
    }
    Ok(Fixed {
        applied,
        left: drift.left,
    })
}

/// `text` with the byte order mark that the file at `path` starts with, if it does: the
/// text was read without it, and only the citations may change.
fn with_its_bom(path: &Path, text: Vec<u8>) -> Vec<u8> {
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let mut start = [0; 3];
    let has_bom = std::fs::File::open(path)
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut start))
        .is_ok_and(|()| start == BOM);
    if has_bom { [BOM, &text].concat() } else { text }
}

/// The lock with the entries of `moves` at their new numbers, the others where they
/// were. A moved entry takes the place of one that nothing cites any more (a cited one
/// would have kept it from moving).
fn renumbered(lock: &super::Lock, moves: &BTreeMap<(String, u32), u32>) -> String {
    let mut lines: BTreeMap<(&str, u32), &super::Entry> = BTreeMap::new();
    let mut followed = Vec::new();
    for ((id, n), entry) in &lock.entries {
        match moves.get(&(id.clone(), *n)) {
            Some(m) => followed.push(((id.as_str(), *m), entry)),
            None => {
                lines.insert((id.as_str(), *n), entry);
            }
        }
    }
    lines.extend(followed);
    super::render(
        lines
            .iter()
            .map(|((id, n), e)| (*id, *n, e.sha256.as_str(), e.excerpt.as_str())),
    )
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
