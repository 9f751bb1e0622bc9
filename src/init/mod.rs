//! `dossier init DIR`: writes a new project with a small example dossier (two sources,
//! three actors, three events) that passes `check --strict`, a README for its author, a
//! `.gitignore`, and a GitHub Pages workflow. The files are embedded in the binary.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The files of a new project: path inside it, and contents. `@DOSSIER_PACKAGE@`,
/// `@DOSSIER_VERSION@` and `@TITLE@` are filled in when written.
const FILES: &[(&str, &str)] = &[
    (
        "content/dossier.yaml",
        include_str!("scaffold/content/dossier.yaml"),
    ),
    (
        "content/sources/engineers-report.md",
        include_str!("scaffold/content/sources/engineers-report.md"),
    ),
    (
        "content/sources/council-statement.md",
        include_str!("scaffold/content/sources/council-statement.md"),
    ),
    (
        "content/actors/ana-ruiz.yaml",
        include_str!("scaffold/content/actors/ana-ruiz.yaml"),
    ),
    (
        "content/actors/city-council.yaml",
        include_str!("scaffold/content/actors/city-council.yaml"),
    ),
    (
        "content/actors/riverside-bridge.yaml",
        include_str!("scaffold/content/actors/riverside-bridge.yaml"),
    ),
    (
        "content/events/bridge.yaml",
        include_str!("scaffold/content/events/bridge.yaml"),
    ),
    ("README.md", include_str!("scaffold/README.md")),
    (".gitignore", include_str!("scaffold/gitignore")),
    (
        ".github/workflows/pages.yml",
        include_str!("scaffold/pages.yml"),
    ),
];

/// Why a project could not be created.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder exists and holds something: nothing is overwritten.
    #[error("{0} is not empty: `dossier init` only writes into a new or empty folder")]
    NotEmpty(PathBuf),
    /// The path exists and is not a folder.
    #[error("{0} exists and is not a folder")]
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

/// Creates a new project in `dir`, which must not exist or be empty. Returns the paths
/// written, relative to `dir`.
pub fn init(dir: &Path) -> Result<Vec<&'static str>, InitError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |cause| InitError::Io { path, cause }
    };
    match fs::read_dir(dir) {
        Ok(mut entries) => {
            if entries.next().is_some() {
                return Err(InitError::NotEmpty(dir.to_path_buf()));
            }
        }
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(_) if dir.exists() && !dir.is_dir() => {
            return Err(InitError::NotAFolder(dir.to_path_buf()));
        }
        Err(error) => return Err(io_error(dir)(error)),
    }
    let title = project_title(dir);
    for (relative, text) in FILES {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        let text = text
            .replace("@DOSSIER_PACKAGE@", crate::PACKAGE)
            .replace("@DOSSIER_VERSION@", crate::VERSION)
            .replace("@TITLE@", &title);
        fs::write(&path, text).map_err(io_error(&path))?;
    }
    Ok(FILES.iter().map(|(path, _)| *path).collect())
}

/// The heading of the new README: the folder's name.
fn project_title(dir: &Path) -> String {
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    absolute.file_name().map_or_else(
        || String::from("My dossier"),
        |n| n.to_string_lossy().into_owned(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_project_passes_strict_check() {
        let dir = tempfile::tempdir().expect("temp dir");
        let project = dir.path().join("bridge");
        let written = init(&project).expect("init");
        assert!(written.contains(&".github/workflows/pages.yml"));
        let (dossier, diagnostics) = crate::check(&project);
        assert!(dossier.is_some(), "{}", diagnostics.render(false));
        assert!(!diagnostics.failed(true), "{}", diagnostics.render(false));
        let dossier = dossier.expect("checked");
        assert_eq!(
            (
                dossier.sources.len(),
                dossier.actors.len(),
                dossier.events.len()
            ),
            (2, 3, 3)
        );
        let readme = fs::read_to_string(project.join("README.md")).expect("readme");
        assert!(readme.starts_with("# bridge\n"));
        let workflow =
            fs::read_to_string(project.join(".github/workflows/pages.yml")).expect("workflow");
        assert!(workflow.contains(&format!(
            "DOSSIER_VERSION: \"{}\"",
            env!("CARGO_PKG_VERSION")
        )));
        let ignore = fs::read_to_string(project.join(".gitignore")).expect("gitignore");
        assert!(ignore.lines().any(|l| l == "public/"));
    }

    #[test]
    fn a_folder_with_anything_in_it_is_refused_and_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::write(dir.path().join("notes.txt"), "mine").expect("write");
        assert!(matches!(init(dir.path()), Err(InitError::NotEmpty(_))));
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
        assert!(init(dir.path().join("notes.txt").as_path()).is_err());
    }

    #[test]
    fn an_empty_folder_is_accepted() {
        let dir = tempfile::tempdir().expect("temp dir");
        init(dir.path()).expect("init into an empty folder");
        assert!(dir.path().join("content/dossier.yaml").is_file());
    }
}
