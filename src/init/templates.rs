//! `dossier templates [NAME…]`: copies built-in templates and assets into the project's
//! `templates/`, where a file replaces the built-in one of the same name. It never
//! overwrites: when a file to write exists, nothing is written.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::diagnostics::did_you_mean;
use crate::load::theme::defaults;

/// Why nothing was copied.
#[derive(Debug, thiserror::Error)]
pub enum TemplatesError {
    /// A name is not one of a built-in template or asset.
    #[error("no built-in template or asset is named `{name}`{hint}; they are: {known}")]
    Unknown {
        /// The name asked for.
        name: String,
        /// ` (did you mean `x`?)`, or nothing.
        hint: String,
        /// Every name, comma-separated.
        known: String,
    },
    /// Files to write exist already: none was written.
    #[error(
        "{} already exist{}: nothing copied, nothing overwritten (remove {}, or name only \
         the others)",
        list(.0),
        if .0.len() == 1 { "s" } else { "" },
        if .0.len() == 1 { "it" } else { "them" }
    )]
    Exists(Vec<PathBuf>),
    /// The folder holds no `content/`.
    #[error("{0} is not a dossier project: it has no content/ folder (give it with --root)")]
    NoProject(PathBuf),
    /// `templates/` is not a plain folder (a symbolic link, a file).
    #[error("{0} is not a folder (a symbolic link is not followed): nothing copied")]
    NotAFolder(PathBuf),
    /// A file or folder could not be written.
    #[error("cannot write {path}: {cause}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        cause: io::Error,
    },
}

fn list(paths: &[PathBuf]) -> String {
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    names.join(", ")
}

/// Copies the built-in files named in `names` (every one when empty) into
/// `root/templates/`. Returns the paths written.
pub fn copy(root: &Path, names: &[String]) -> Result<Vec<PathBuf>, TemplatesError> {
    let chosen = choose(names)?;
    if !root.join("content").is_dir() {
        return Err(TemplatesError::NoProject(root.to_path_buf()));
    }
    let folder = root.join("templates");
    match fs::symlink_metadata(&folder) {
        Ok(meta) if !meta.is_dir() => return Err(TemplatesError::NotAFolder(folder)),
        _ => {}
    }
    let targets: Vec<(PathBuf, &str)> = chosen
        .iter()
        .map(|(name, text)| (folder.join(name), *text))
        .collect();
    let existing: Vec<PathBuf> = targets
        .iter()
        .filter(|(path, _)| fs::symlink_metadata(path).is_ok())
        .map(|(path, _)| path.clone())
        .collect();
    if !existing.is_empty() {
        return Err(TemplatesError::Exists(existing));
    }
    fs::create_dir_all(&folder).map_err(|cause| TemplatesError::Io {
        path: folder.clone(),
        cause,
    })?;
    let mut written = Vec::new();
    for (path, text) in targets {
        write_new(&path, text).map_err(|cause| TemplatesError::Io {
            path: path.clone(),
            cause,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// The built-in files asked for, in the order of the built-in list.
fn choose(names: &[String]) -> Result<Vec<(&'static str, &'static str)>, TemplatesError> {
    for name in names {
        if !defaults().any(|(known, _)| known == name) {
            let hint = did_you_mean(name, defaults().map(|(known, _)| known))
                .map(|near| format!(" (did you mean `{near}`?)"))
                .unwrap_or_default();
            let known: Vec<&str> = defaults().map(|(known, _)| known).collect();
            return Err(TemplatesError::Unknown {
                name: name.clone(),
                hint,
                known: known.join(", "),
            });
        }
    }
    Ok(defaults()
        .filter(|(known, _)| names.is_empty() || names.iter().any(|n| n == known))
        .collect())
}

/// Writes a file that must not exist yet (not even as a symbolic link).
fn write_new(path: &Path, text: &str) -> io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_is_copied_and_a_second_run_overwrites_nothing() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir(dir.path().join("content")).expect("content");
        let written = copy(dir.path(), &[]).expect("copy");
        assert_eq!(written.len(), defaults().count());
        fs::write(dir.path().join("templates/style.css"), "mine").expect("edit");
        let again = copy(dir.path(), &["style.css".into()]);
        assert!(matches!(again, Err(TemplatesError::Exists(ref p)) if p.len() == 1));
        let kept = fs::read_to_string(dir.path().join("templates/style.css")).expect("read");
        assert_eq!(kept, "mine");
    }

    #[test]
    fn an_unknown_name_suggests_the_nearest() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = copy(dir.path(), &["sorce.html".into()]).expect_err("unknown");
        assert!(error.to_string().contains("did you mean `source.html`?"));
        assert!(!dir.path().join("templates").exists());
    }
}
