//! `dossier init DIR [--lang fr|en] [--empty]`: writes a new project with a small example
//! dossier (two sources, three actors, three events, in English or French) or none, that
//! passes `check --strict`, a README for its author, a `.gitignore`, and a GitHub Pages
//! workflow that installs this very package and version. The files are embedded in the
//! binary.

pub mod templates;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use crate::model::Language;

/// The example dossier in English: path inside the project, and contents.
const EXAMPLE_EN: &[(&str, &str)] = &[
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
];

/// The same example in French (labels, dates and text).
const EXAMPLE_FR: &[(&str, &str)] = &[
    (
        "content/dossier.yaml",
        include_str!("scaffold/fr/content/dossier.yaml"),
    ),
    (
        "content/sources/rapport-ingenieurs.md",
        include_str!("scaffold/fr/content/sources/rapport-ingenieurs.md"),
    ),
    (
        "content/sources/communique-mairie.md",
        include_str!("scaffold/fr/content/sources/communique-mairie.md"),
    ),
    (
        "content/actors/ana-ruiz.yaml",
        include_str!("scaffold/fr/content/actors/ana-ruiz.yaml"),
    ),
    (
        "content/actors/mairie.yaml",
        include_str!("scaffold/fr/content/actors/mairie.yaml"),
    ),
    (
        "content/actors/pont-de-la-riviere.yaml",
        include_str!("scaffold/fr/content/actors/pont-de-la-riviere.yaml"),
    ),
    (
        "content/events/pont.yaml",
        include_str!("scaffold/fr/content/events/pont.yaml"),
    ),
];

/// The files of every new project, example or not. `@DOSSIER_PACKAGE@`,
/// `@DOSSIER_VERSION@` and `@TITLE@` are filled in when written.
const PROJECT: &[(&str, &str)] = &[
    (".gitignore", include_str!("scaffold/gitignore")),
    (
        ".github/workflows/pages.yml",
        include_str!("scaffold/pages.yml"),
    ),
];

/// The project's README, in English and in French.
const README: [&str; 2] = [
    include_str!("scaffold/README.md"),
    include_str!("scaffold/fr/README.md"),
];

/// The `dossier.yaml` of an empty project, in English and in French.
const EMPTY_DOSSIER: [&str; 2] = [
    include_str!("scaffold/empty.yaml"),
    include_str!("scaffold/fr/empty.yaml"),
];

/// The folders of an empty project, each kept in git by an empty `.gitkeep`.
const EMPTY_FOLDERS: &[&str] = &[
    "content/sources/.gitkeep",
    "content/actors/.gitkeep",
    "content/events/.gitkeep",
];

/// What to write into a new project.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// The language of the example and of the site (`language:` in `dossier.yaml`).
    pub language: Language,
    /// No example: only `dossier.yaml` and the empty folders (with the README, the
    /// `.gitignore` and the workflow).
    pub empty: bool,
}

impl Options {
    /// The files to write: path inside the project, and contents (before filling in).
    fn files(self) -> Vec<(&'static str, &'static str)> {
        let mut files = Vec::new();
        let french = usize::from(self.language == Language::Fr);
        if self.empty {
            files.push(("content/dossier.yaml", EMPTY_DOSSIER[french]));
            files.extend(EMPTY_FOLDERS.iter().map(|path| (*path, "")));
        } else if self.language == Language::Fr {
            files.extend_from_slice(EXAMPLE_FR);
        } else {
            files.extend_from_slice(EXAMPLE_EN);
        }
        files.push(("README.md", README[french]));
        files.extend_from_slice(PROJECT);
        files
    }
}

/// Why a project could not be created.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The folder exists and holds something: nothing is overwritten.
    #[error(
        "{0} is not empty: `dossier init` only writes into a new or empty folder (hidden \
         entries such as .git aside)"
    )]
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

/// Whether a folder's existing entry leaves room for a new project: a hidden one (`.git`,
/// as a fresh clone has) that the scaffold does not write, as Zola allows.
fn leaves_room(name: &std::ffi::OsStr, files: &[(&str, &str)]) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        && !files
            .iter()
            .any(|(path, _)| path.split('/').next() == Some(name.as_ref()))
}

/// Creates a new project in `dir`, which must not exist, or hold nothing but hidden
/// entries the project does not write (`.git`). Returns the paths written, relative to
/// `dir`.
pub fn init(dir: &Path, options: Options) -> Result<Vec<&'static str>, InitError> {
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |cause| InitError::Io { path, cause }
    };
    let files = options.files();
    match fs::read_dir(dir) {
        Ok(entries) => {
            let mut entries = entries.filter_map(Result::ok);
            if entries.any(|entry| !leaves_room(&entry.file_name(), &files)) {
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
    for (relative, text) in &files {
        let path = dir.join(relative);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        let text = text
            .replace("@DOSSIER_PACKAGE@", crate::PACKAGE)
            .replace("@DOSSIER_VERSION@", crate::VERSION)
            .replace("@TITLE_YAML@", &yaml_string(&title))
            .replace("@TITLE@", &title)
            .replace("@LANGUAGE@", language_code(options.language));
        fs::write(&path, text).map_err(io_error(&path))?;
    }
    Ok(files.iter().map(|(path, _)| *path).collect())
}

/// `text` as a YAML double-quoted string (JSON's syntax is YAML's).
fn yaml_string(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

/// The code of `language` as `dossier.yaml` writes it.
fn language_code(language: Language) -> &'static str {
    match language {
        Language::Fr => "fr",
        Language::En => "en",
    }
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
        let written = init(&project, Options::default()).expect("init");
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
        assert!(matches!(
            init(dir.path(), Options::default()),
            Err(InitError::NotEmpty(_))
        ));
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(names.len(), 1);
        assert!(init(dir.path().join("notes.txt").as_path(), Options::default()).is_err());
    }

    #[test]
    fn an_empty_folder_is_accepted() {
        let dir = tempfile::tempdir().expect("temp dir");
        init(dir.path(), Options::default()).expect("init into an empty folder");
        assert!(dir.path().join("content/dossier.yaml").is_file());
    }
}
