//! `dossier export`: checks the project, then writes the chosen formats into a folder.
//! Each file is written beside its final name and renamed over it, so a reader never
//! sees half a file; only the export's own file names are written, nothing is deleted.
//! A file of the same name that an export did not write is never replaced: a folder
//! the export wrote into holds the marker [`MARKER`], and the project's own `exports/`
//! is the export's.

use std::path::{Path, PathBuf};

use super::{ExportFile, Format};
use crate::diagnostics::Diagnostics;

/// The file that marks a folder as written by `dossier export`.
pub const MARKER: &str = ".dossier-export";

/// Why an export wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The content has errors (they are in the diagnostics).
    #[error("the content has errors")]
    Content,
    /// The folder is one the project's writers own.
    #[error("{} is inside the project's {owner}/: choose another --out", path.display())]
    Inside {
        /// The folder asked for.
        path: PathBuf,
        /// `content`, `templates` or `static`.
        owner: &'static str,
    },
    /// A file of the export's would replace one that an export did not write.
    #[error(
        "{} exists and was not written by `dossier export` (no {MARKER} file beside it); \
         refusing to replace it: choose another --out, or pass --force",
        path.display()
    )]
    NotOurs {
        /// The file.
        path: PathBuf,
    },
    /// A file could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// The path as the system resolves it: its nearest existing ancestor canonicalized,
/// with the rest appended (so links are followed before paths are compared).
fn resolved(path: &Path) -> PathBuf {
    let mut existing = path.to_path_buf();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.file_name(), existing.parent()) {
            (Some(name), Some(parent)) => {
                rest.push(name.to_os_string());
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let base = if existing.as_os_str().is_empty() {
        Path::new(".")
    } else {
        &existing
    };
    let mut out = base.canonicalize().unwrap_or_else(|_| base.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

fn guard(root: &Path, out: &Path) -> Result<(), ExportError> {
    let out = resolved(out);
    for owner in ["content", "templates", "static"] {
        if out.starts_with(resolved(&root.join(owner))) {
            return Err(ExportError::Inside { path: out, owner });
        }
    }
    Ok(())
}

fn write_file(out: &Path, file: &ExportFile) -> Result<PathBuf, ExportError> {
    let path = out.join(file.name);
    let temporary = out.join(format!(".{}.tmp-{}", file.name, std::process::id()));
    let error = |source| ExportError::Write {
        path: path.clone(),
        source,
    };
    std::fs::write(&temporary, &file.bytes).map_err(error)?;
    std::fs::rename(&temporary, &path).map_err(|source| {
        let _ = std::fs::remove_file(&temporary);
        error(source)
    })?;
    Ok(path)
}

/// Refuses to replace a file that no export wrote: one of `files` already in `out`,
/// a folder without the marker that is not the project's own `exports/`.
fn refuse_others(root: &Path, out: &Path, files: &[ExportFile]) -> Result<(), ExportError> {
    if out.join(MARKER).is_file() || resolved(out) == resolved(&root.join("exports")) {
        return Ok(());
    }
    match files.iter().map(|f| out.join(f.name)).find(|p| p.exists()) {
        Some(path) => Err(ExportError::NotOurs { path }),
        None => Ok(()),
    }
}

/// What an export may do in the folder it writes into.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExportOptions {
    /// Warnings are errors: nothing is written.
    pub strict: bool,
    /// Replace files of the same names that no export wrote.
    pub force: bool,
}

/// Checks the project at `root` and writes the `formats` into `out` (created if
/// needed). Returns the files written with their sizes, and the diagnostics either way.
pub fn run(
    root: &Path,
    formats: &[Format],
    out: &Path,
    options: ExportOptions,
) -> (Result<Vec<(PathBuf, usize)>, ExportError>, Diagnostics) {
    let strict = options.strict;
    let (dossier, diagnostics) = crate::checked(root, strict);
    let Ok(dossier) = dossier else {
        return (Err(ExportError::Content), diagnostics);
    };
    let result = guard(root, out).and_then(|()| {
        std::fs::create_dir_all(out).map_err(|source| ExportError::Write {
            path: out.to_path_buf(),
            source,
        })?;
        let files = super::export(&dossier, formats);
        if !options.force {
            refuse_others(root, out, &files)?;
        }
        let marker = out.join(MARKER);
        std::fs::write(&marker, b"").map_err(|source| ExportError::Write {
            path: marker,
            source,
        })?;
        files
            .iter()
            .map(|file| write_file(out, file).map(|path| (path, file.bytes.len())))
            .collect()
    });
    (result, diagnostics)
}
