//! The browser's workplace: a fresh temporary folder, removed with what it holds.

use std::fs;
use std::path::PathBuf;

use super::PdfError;

/// A fresh temporary folder, removed with what it holds when dropped.
pub struct WorkDir {
    /// The folder.
    pub path: PathBuf,
}

impl WorkDir {
    /// Makes a fresh folder in the system's temporary folder.
    pub fn new() -> Result<Self, PdfError> {
        let path = std::env::temp_dir().join(crate::write::unique_name("dossier-briefing-"));
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
