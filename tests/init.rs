//! A newcomer's path with the real binary: `init` (English, French, empty), the next step
//! it prints, `format`, and `templates`.

mod common;

use common::dossier_in;

use std::path::Path;
use std::process::Command;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `init ARGS` in a fresh folder, then `check --strict` of the new project; returns the
/// temporary folder and the project.
fn init_and_check(name: &str, args: &[&str]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut all = vec!["init", name];
    all.extend_from_slice(args);
    let created = dossier_in(dir.path(), &all);
    assert!(created.status.success(), "{}", text(&created.stderr));
    let project = dir.path().join(name);
    let checked = dossier_in(dir.path(), &["check", "--strict", name]);
    assert!(
        checked.status.success(),
        "{args:?}: {}",
        text(&checked.stderr)
    );
    (dir, project)
}

#[test]
fn the_french_example_passes_strict_check_and_builds_in_french() {
    let (dir, project) = init_and_check("mon-dossier", &["--lang", "fr"]);
    assert!(read(&project.join("content/dossier.yaml")).contains("language: fr"));
    let readme = read(&project.join("README.md"));
    assert!(
        readme.contains("## Publier sur GitHub Pages"),
        "a README in French"
    );
    assert!(readme.contains("dossier check --fix"), "{readme}");
    let built = dossier_in(dir.path(), &["build", "-q", "mon-dossier"]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let chronology = read(&project.join("public/chronology/index.html"));
    assert!(chronology.contains("Chronologie"));
    assert!(chronology.contains("3 mars 2025"), "French dates");
    let source = read(&project.join("public/sources/communique-mairie/index.html"));
    assert!(
        source.contains("href=\"../../actors/ana-ruiz/"),
        "mentions link"
    );
}

#[test]
fn an_empty_french_project_speaks_french() {
    let (_dir, project) = init_and_check("vide", &["--empty", "--lang", "fr"]);
    assert!(read(&project.join("content/dossier.yaml")).contains("décrit chaque clé"));
    assert!(read(&project.join("README.md")).contains("## Écrire"));
}

#[test]
fn an_empty_project_passes_strict_check_with_nothing_in_it() {
    let (_dir, project) = init_and_check("blank", &["--empty"]);
    let checked = dossier_in(&project, &["check"]);
    assert!(text(&checked.stderr).contains("0 sources, 0 actors, 0 events: 0 errors"));
    for folder in ["sources", "actors", "events"] {
        assert!(project.join("content").join(folder).is_dir(), "{folder}/");
    }
    assert!(project.join(".github/workflows/pages.yml").is_file());
    let yaml = read(&project.join("content/dossier.yaml"));
    assert!(yaml.contains("title: \"blank\""), "{yaml}");
    assert!(yaml.contains("language: en"), "{yaml}");
}

#[test]
fn an_empty_french_project_with_a_quote_in_its_name_is_valid() {
    let (_dir, project) = init_and_check("l'enquête \"pont\"", &["--empty", "--lang", "fr"]);
    let yaml = read(&project.join("content/dossier.yaml"));
    assert!(yaml.contains("language: fr"), "{yaml}");
}

#[test]
fn the_next_step_quotes_a_path_with_spaces() {
    let dir = tempfile::tempdir().expect("temp dir");
    let created = dossier_in(dir.path(), &["init", "my dossier's drafts"]);
    assert!(created.status.success(), "{}", text(&created.stderr));
    let said = text(&created.stdout);
    let next = said
        .lines()
        .find(|l| l.starts_with("Next: "))
        .expect("a next step");
    let command = next
        .strip_prefix("Next: ")
        .and_then(|rest| rest.split("  (").next())
        .expect("the command");
    if cfg!(unix) {
        // The shell itself runs the printed command (with `pwd` instead of serving).
        let command = command.replace("dossier serve --open", "pwd");
        let ran = Command::new("sh")
            .args(["-c", &command])
            .current_dir(dir.path())
            .output()
            .expect("sh runs");
        assert!(ran.status.success(), "{command}: {}", text(&ran.stderr));
        assert!(
            text(&ran.stdout)
                .trim_end()
                .ends_with("/my dossier's drafts")
        );
    }
}

#[test]
fn the_workflow_and_readme_name_this_package_and_version() {
    let (_dir, project) = init_and_check("bridge", &[]);
    let workflow = read(&project.join(".github/workflows/pages.yml"));
    let package = env!("CARGO_PKG_NAME");
    assert!(workflow.contains(&format!("DOSSIER_PACKAGE: \"{package}\"")));
    assert!(workflow.contains(&format!(
        "DOSSIER_VERSION: \"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
    assert!(workflow.contains("cargo install --locked \"$DOSSIER_PACKAGE\""));
    let readme = read(&project.join("README.md"));
    assert!(readme.contains(&format!("https://crates.io/crates/{package})")));
    assert!(
        readme.contains("dossier format"),
        "the README points at the reference"
    );
}

/// Every key the loader knows, as its hints list them for a key it cannot place.
fn known_keys() -> Vec<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let bogus = "qqqqqqqqqqqq: 1";
    let files = [
        (
            "content/dossier.yaml",
            format!("title: T\n{bogus}\nkey_judgments:\n  - text: x\n    {bogus}\n"),
        ),
        (
            "content/sources/s.md",
            format!("---\ntitle: S\npublished: 2024\n{bogus}\n---\nText.\n"),
        ),
        (
            "content/actors/a.yaml",
            format!(
                "name: A\nkind: person\n{bogus}\nroles:\n  - title: x\n    {bogus}\n\
                 relations:\n  - to: a\n    type: x\n    {bogus}\n\
                 links:\n  - label: x\n    url: https://example.org\n    {bogus}\n"
            ),
        ),
        (
            "content/events/e.yaml",
            format!("- date: 2024\n  title: E\n  {bogus}\n"),
        ),
    ];
    for (path, text) in files {
        let path = root.join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }
    let checked = dossier_in(root, &["check"]);
    let stderr = text(&checked.stderr);
    let lists: Vec<&str> = stderr
        .lines()
        .filter_map(|l| l.split_once(" are: ").map(|(_, keys)| keys))
        .collect();
    assert_eq!(lists.len(), 8, "a hint for each kind of mapping:\n{stderr}");
    lists
        .iter()
        .flat_map(|keys| keys.split(", "))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_format_reference_names_every_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let printed = dossier_in(dir.path(), &["format"]);
    assert!(printed.status.success());
    let reference = text(&printed.stdout);
    assert!(reference.starts_with("# "));
    let mut keys = known_keys();
    assert!(keys.len() > 40, "{keys:?}");
    // Keys of the format that are not written in a mapping of their own kind above.
    keys.extend(["derived_from", "sha256", "key"].map(String::from));
    for key in keys {
        assert!(
            reference.contains(&format!("`{key}`")),
            "`dossier format` does not mention `{key}`"
        );
    }
}

#[test]
fn templates_copies_the_defaults_and_refuses_to_overwrite() {
    let (dir, project) = init_and_check("bridge", &[]);
    let copied = dossier_in(&project, &["templates", "source.html", "pictures.css"]);
    assert!(copied.status.success(), "{}", text(&copied.stderr));
    let css = project.join("templates/pictures.css");
    assert!(read(&css).contains('{'), "a stylesheet");
    // The copy is what the build uses: an edit shows in the site.
    std::fs::write(&css, "/* mine */\n").expect("edit");
    let built = dossier_in(dir.path(), &["build", "bridge", "-q"]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    assert_eq!(
        read(&project.join("public/assets/pictures.css")),
        "/* mine */\n"
    );
    // Everything again: refused, and nothing touched.
    let again = dossier_in(dir.path(), &["templates", "--root", "bridge"]);
    assert_eq!(again.status.code(), Some(1));
    let said = text(&again.stderr);
    assert!(
        said.contains("pictures.css") && said.contains("already exist"),
        "{said}"
    );
    assert_eq!(read(&css), "/* mine */\n");
    assert!(
        !project.join("templates/style.css").exists(),
        "all or nothing"
    );
    let unknown = dossier_in(&project, &["templates", "sorce.html"]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(text(&unknown.stderr).contains("did you mean `source.html`?"));
}

#[test]
fn templates_outside_a_project_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let refused = dossier_in(dir.path(), &["templates"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(text(&refused.stderr).contains("not a dossier project"));
    assert!(!dir.path().join("templates").exists());
}

#[test]
fn the_readme_names_every_file_a_project_can_replace_and_no_other() {
    let (_dir, project) = init_and_check("look", &[]);
    let copied = dossier_in(&project, &["templates"]);
    assert!(copied.status.success(), "{}", text(&copied.stderr));
    let mut replaceable: Vec<String> = std::fs::read_dir(project.join("templates"))
        .expect("templates/")
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    replaceable.sort();
    let readme = read(&Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"));
    let section = readme
        .split("## Change the look")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the README has a 'Change the look' section");
    // The bullets that list them: `- **Templates** (…)` and `- **Assets** (…)`.
    let mut named: Vec<String> = section
        .split("\n- ")
        .filter(|item| item.starts_with("**Templates**") || item.starts_with("**Assets**"))
        .filter_map(|item| {
            item.split_once('(')?
                .1
                .split_once(')')
                .map(|(list, _)| list)
        })
        .flat_map(|list| list.split(','))
        .map(|name| name.trim().trim_matches('`').to_string())
        .collect();
    named.sort();
    assert_eq!(named, replaceable);
}

#[test]
fn init_goes_into_a_fresh_clone_but_never_over_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let clone = dir.path().join("clone");
    std::fs::create_dir_all(clone.join(".git")).expect("mkdir");
    std::fs::write(clone.join(".git/HEAD"), "ref: refs/heads/main\n").expect("write");
    let created = dossier_in(dir.path(), &["init", "clone"]);
    assert!(created.status.success(), "{}", text(&created.stderr));
    assert!(clone.join("content/dossier.yaml").is_file());
    assert_eq!(read(&clone.join(".git/HEAD")), "ref: refs/heads/main\n");
    // A hidden file the scaffold writes, or any visible one, and nothing is written.
    for existing in [".gitignore", "notes.txt"] {
        let other = dir.path().join(format!("other-{existing}"));
        std::fs::create_dir_all(&other).expect("mkdir");
        std::fs::write(other.join(existing), "mine\n").expect("write");
        let refused = dossier_in(dir.path(), &["init", other.to_str().expect("utf-8")]);
        assert_eq!(refused.status.code(), Some(1), "{existing}");
        assert!(text(&refused.stderr).contains("is not empty"), "{existing}");
        assert_eq!(read(&other.join(existing)), "mine\n");
        assert!(
            !other.join("content").exists(),
            "{existing}: nothing written"
        );
    }
}
