//! Files written safely: a fresh temporary folder for the browser's work, and output
//! files written beside their target under a temporary name, renamed into place only
//! on success and removed otherwise.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::pdf::PdfError;

/// A name no other run of this program uses at the same time.
fn unique(prefix: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}{}-{nanos}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// A fresh temporary folder, removed with what it holds when dropped.
pub struct WorkDir {
    /// The folder.
    pub path: PathBuf,
}

impl WorkDir {
    /// Makes a fresh folder in the system's temporary folder.
    pub fn new() -> Result<Self, PdfError> {
        let path = std::env::temp_dir().join(unique("dossier-briefing-"));
        fs::create_dir(&path).map_err(|source| PdfError::Write {
            path: path.clone(),
            source,
        })?;
        Ok(Self { path })
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

/// A file written beside its target under a temporary name: [`Pending::commit`]
/// renames it into place; dropped uncommitted, it is removed.
#[derive(Debug)]
pub struct Pending {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Pending {
    /// A temporary name beside `target`, nothing written yet.
    pub fn reserve(target: &Path) -> Result<Self, PdfError> {
        let name = target
            .file_name()
            .map_or_else(|| "briefing".into(), |n| n.to_string_lossy().into_owned());
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // Absolute, for the browser, whose idea of the current folder may differ.
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        if !folder.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder");
            return Err(PdfError::Write {
                path: folder,
                source,
            });
        }
        let temp = folder.join(unique(&format!(".{name}.tmp-")));
        Ok(Self {
            temp,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// Writes `bytes` beside `target` under a temporary name.
    pub fn write(target: &Path, bytes: &[u8]) -> Result<Self, PdfError> {
        let pending = Self::reserve(target)?;
        fs::write(&pending.temp, bytes).map_err(|source| PdfError::Write {
            path: target.to_path_buf(),
            source,
        })?;
        Ok(pending)
    }

    /// Where the file is written until it is committed.
    pub fn temp(&self) -> &Path {
        &self.temp
    }

    /// The size of the file written, in bytes.
    pub fn len(&self) -> u64 {
        fs::metadata(&self.temp).map_or(0, |m| m.len())
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Renames the file into place.
    pub fn commit(mut self) -> Result<(), PdfError> {
        fs::rename(&self.temp, &self.target).map_err(|source| PdfError::Write {
            path: self.target.clone(),
            source,
        })?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

/// The line in the head of every briefing page, by which a later run knows the file.
pub const GENERATOR: &str = "<meta name=\"generator\" content=\"dossier\">";

/// Whether an existing file is a briefing page that `dossier briefing` wrote.
pub fn html_is_ours(path: &Path) -> bool {
    let head = crate::write::guard::head(path, 8192);
    head.windows(GENERATOR.len())
        .any(|w| w.eq_ignore_ascii_case(GENERATOR.as_bytes()))
}

/// Whether an existing file is a PDF printed by the browser `dossier briefing` drives
/// (Chromium names itself in the file as `Skia/PDF`).
pub fn pdf_is_ours(path: &Path) -> bool {
    let bytes = crate::write::guard::head(path, 64 << 20);
    bytes.starts_with(b"%PDF-") && bytes.windows(8).any(|w| w == b"Skia/PDF")
}
