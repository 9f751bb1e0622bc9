//! The theme of a project, read from disk once: every template and asset (the project's
//! own from `templates/` where it has one of the same name, else the one built into the
//! binary) and the files of `static/`, copied as they are into the site. Rendering works
//! from this value and never reads the disk.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};

/// The built-in templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("header.html", include_str!("../../templates/header.html")),
    ("footer.html", include_str!("../../templates/footer.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("pager.html", include_str!("../../templates/pager.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("sources.html", include_str!("../../templates/sources.html")),
    ("source.html", include_str!("../../templates/source.html")),
    ("actors.html", include_str!("../../templates/actors.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    (
        "chronology.html",
        include_str!("../../templates/chronology.html"),
    ),
    (
        "chronology_year.html",
        include_str!("../../templates/chronology_year.html"),
    ),
    (
        "chronology_period.html",
        include_str!("../../templates/chronology_period.html"),
    ),
    ("tags.html", include_str!("../../templates/tags.html")),
    ("tag.html", include_str!("../../templates/tag.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    (
        "briefing.html",
        include_str!("../../templates/briefing.html"),
    ),
    ("briefing.css", include_str!("../../templates/briefing.css")),
];

/// The built-in assets, written under `assets/`, by name.
const ASSETS: &[(&str, &str)] = &[
    ("style.css", include_str!("../../templates/style.css")),
    ("site.js", include_str!("../../templates/site.js")),
    ("search.js", include_str!("../../templates/search.js")),
    ("favicon.svg", include_str!("../../templates/favicon.svg")),
    ("pictures.css", crate::pictures::PICTURES_CSS),
];

/// Every built-in template and asset that a file of the same name in the project's
/// `templates/` replaces, by name, with its default text.
pub fn defaults() -> impl Iterator<Item = (&'static str, &'static str)> {
    TEMPLATES.iter().chain(ASSETS).copied()
}

/// A file of the project's `static/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Its path inside `static/`, with `/` separators: its path in the site.
    pub path: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What a site looks like, as the project says: read once, then rendered from.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Every template, by name, with its text (the project's own or the built-in one).
    pub templates: Vec<(&'static str, String)>,
    /// Every asset, by file name, with its bytes (the project's own or the built-in one).
    pub assets: Vec<(&'static str, Vec<u8>)>,
    /// The regular files of `static/` (links to elsewhere are not followed), by path.
    pub statics: Vec<StaticFile>,
    /// A file read is a symbolic link or has other names (hard links): it may change
    /// without a change in `templates/` or `static/` being seen.
    pub linked: bool,
}

impl Theme {
    /// The built-in theme: the default templates and assets, no static file.
    pub fn built_in() -> Self {
        Self {
            templates: TEMPLATES
                .iter()
                .map(|(name, text)| (*name, (*text).to_string()))
                .collect(),
            assets: ASSETS
                .iter()
                .map(|(name, text)| (*name, text.as_bytes().to_vec()))
                .collect(),
            statics: Vec::new(),
            linked: false,
        }
    }

    /// Reads the theme of the project at `root`: the defaults, with the files of
    /// `templates/` of the same names instead, and the files of `static/`. A file that
    /// cannot be read is an error in `diagnostics` (and `None` is returned).
    pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Option<Self> {
        let before = diagnostics.error_count();
        let mut reader = Reader {
            root,
            diagnostics,
            linked: is_linked(&root.join("templates")) || is_linked(&root.join("static")),
        };
        let templates = TEMPLATES
            .iter()
            .filter_map(|(name, default)| Some((*name, reader.template(name, default)?)))
            .collect();
        let assets = ASSETS
            .iter()
            .filter_map(|(name, default)| Some((*name, reader.template(name, default)?.into())))
            .collect();
        reader.unknown_templates();
        let statics = reader.statics();
        let linked = reader.linked;
        (diagnostics.error_count() == before).then_some(Self {
            templates,
            assets,
            statics,
            linked,
        })
    }

    /// The text of template or asset `name`, empty if there is none.
    pub fn text(&self, name: &str) -> &str {
        if let Some((_, text)) = self.templates.iter().find(|(n, _)| *n == name) {
            return text;
        }
        self.assets
            .iter()
            .find(|(n, _)| *n == name)
            .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
    }
}

/// Reads the files of a theme, telling what cannot be read.
struct Reader<'a> {
    root: &'a Path,
    diagnostics: &'a mut Diagnostics,
    linked: bool,
}

impl Reader<'_> {
    /// The project's `templates/NAME` when there is one, else `default`.
    fn template(&mut self, name: &str, default: &str) -> Option<String> {
        let path = self.root.join("templates").join(name);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                self.linked |= is_linked(&path);
                Some(text)
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(default.to_string()),
            Err(error) => {
                self.cannot_read(&path, &error.to_string());
                None
            }
        }
    }

    /// The regular files of `static/` (no links out), sorted by path.
    fn statics(&mut self) -> Vec<StaticFile> {
        let folder = self.root.join("static");
        let mut files = Vec::new();
        if !folder.is_dir() {
            return files;
        }
        let entries = walkdir::WalkDir::new(&folder)
            .follow_links(false)
            .sort_by_file_name();
        for entry in entries {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    let path = error
                        .path()
                        .map_or_else(|| folder.clone(), Path::to_path_buf);
                    self.cannot_read(&path, &error.to_string());
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let Some(path) = entry
                .path()
                .strip_prefix(&folder)
                .ok()
                .and_then(Path::to_str)
                .map(|relative| relative.replace('\\', "/"))
            else {
                continue;
            };
            self.linked |= entry.metadata().is_ok_and(|meta| has_other_names(&meta));
            match std::fs::read(entry.path()) {
                Ok(bytes) => files.push(StaticFile { path, bytes }),
                Err(error) => self.cannot_read(entry.path(), &error.to_string()),
            }
        }
        files
    }

    /// Warns of each entry of `templates/` that is not read: a file not named as a
    /// built-in template or asset (a misspelt override changes nothing without it), a
    /// folder. Hidden files and editors' backups (`~`) are left alone.
    fn unknown_templates(&mut self) {
        let Ok(entries) = std::fs::read_dir(self.root.join("templates")) else {
            return;
        };
        let known = || TEMPLATES.iter().chain(ASSETS).map(|(name, _)| *name);
        let mut unknown: Vec<(String, bool)> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let name = entry.file_name().to_str()?.to_string();
                let folder = entry.file_type().is_ok_and(|t| t.is_dir());
                let skipped = name.starts_with('.') || name.ends_with('~');
                (!skipped && !known().any(|k| k == name)).then_some((name, folder))
            })
            .collect();
        unknown.sort();
        for (name, folder) in unknown {
            let shown = Path::new("templates").join(&name);
            let (message, hint) = if folder {
                (
                    format!("`{}/` is not read", shown.display()),
                    "templates/ is read only for files named as the built-in templates and \
                     assets (`dossier templates` copies them)"
                        .to_string(),
                )
            } else {
                let hint = crate::diagnostics::did_you_mean(&name, known()).map_or_else(
                    || {
                        "a file of templates/ is read only under the name of a built-in \
                         template or asset: `dossier templates NAME` copies one"
                            .to_string()
                    },
                    |near| format!("did you mean `{near}`? (rename it to override that one)"),
                );
                (
                    format!(
                        "`{}` is not read: no template or asset has that name",
                        shown.display()
                    ),
                    hint,
                )
            };
            self.diagnostics
                .push(Diagnostic::file(Severity::Warning, &shown, message).with_hint(hint));
        }
    }

    fn cannot_read(&mut self, path: &Path, why: &str) {
        let shown: PathBuf = path
            .strip_prefix(self.root)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf);
        self.diagnostics.push(Diagnostic::file(
            Severity::Error,
            &shown,
            format!("cannot read: {why}"),
        ));
    }
}

/// Whether `path` is a symbolic link, or a file with other names (hard links): what
/// it holds can change without an event where it is.
fn is_linked(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .is_ok_and(|meta| meta.file_type().is_symlink() || has_other_names(&meta))
}

/// Whether a file has other names (hard links).
fn has_other_names(meta: &std::fs::Metadata) -> bool {
    #[cfg(unix)]
    let shared = std::os::unix::fs::MetadataExt::nlink(meta) > 1 && meta.is_file();
    #[cfg(not(unix))]
    let shared = {
        let _ = meta;
        false
    };
    shared
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_file_replaces_the_built_in_one_of_its_name_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates")).expect("templates/");
        std::fs::create_dir_all(root.join("static/img")).expect("static/");
        std::fs::write(root.join("templates/footer.html"), "FOOT").expect("write");
        std::fs::write(root.join("templates/style.css"), "CSS").expect("write");
        std::fs::write(root.join("templates/unknown.html"), "?").expect("write");
        std::fs::write(root.join("static/img/a.txt"), "A").expect("write");
        let mut diagnostics = Diagnostics::default();
        let theme = Theme::load(root, &mut diagnostics).expect("read");
        // The file of another name is left out, and a warning says so.
        assert_eq!(diagnostics.error_count(), 0);
        let warnings: Vec<&str> = diagnostics
            .sorted()
            .iter()
            .map(|d| d.message.as_str())
            .collect();
        assert_eq!(
            warnings,
            ["`templates/unknown.html` is not read: no template or asset has that name"]
        );
        let built_in = Theme::built_in();
        assert_eq!(theme.text("footer.html"), "FOOT");
        assert_eq!(theme.text("style.css"), "CSS");
        assert_eq!(theme.text("base.html"), built_in.text("base.html"));
        assert_eq!(theme.text("unknown.html"), "");
        assert_eq!(theme.templates.len(), built_in.templates.len());
        let img = StaticFile {
            path: "img/a.txt".into(),
            bytes: b"A".to_vec(),
        };
        assert_eq!(theme.statics, vec![img]);
    }

    #[test]
    fn an_unreadable_template_is_an_error_at_its_path() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        std::fs::create_dir_all(root.join("templates")).expect("templates/");
        std::fs::write(root.join("templates/base.html"), [0xff, 0xfe]).expect("write");
        let mut diagnostics = Diagnostics::default();
        assert!(Theme::load(root, &mut diagnostics).is_none());
        let listing = diagnostics.render_listing(false, None);
        assert!(listing.contains("templates/base.html"), "{listing}");
        assert!(listing.contains("cannot read"), "{listing}");
    }
}
