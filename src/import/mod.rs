//! `dossier new source FILE`: turns a saved article (`.html`, `.md` or `.txt`) into
//! `content/sources/ID.md` — front matter filled from what the file says, the keys it
//! cannot know left as comments to fill, and the text as Markdown paragraphs. A page's
//! navigation, advertising and footers are left out by `dom_smoothie`, a port of
//! Mozilla's `Readability` (the algorithm behind Firefox's reader view).
//!
//! The bytes are read in the character set the file declares (`decode`), a page's text is
//! cleaned of what `Readability` leaves (`clean`), a text's own front matter is kept
//! (`front`), and a source of the dossier that has the same address or paragraphs is
//! named in a warning (`duplicates`).
//!
//! It never overwrites a file, refuses an id that a source or actor already has, and
//! writes nothing in a folder that is not a dossier project.

mod byline;
mod clean;
mod decode;
mod duplicates;
mod front;
mod html;
mod text;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Date, Dossier, LanguageTag, is_valid_id, slugify};

/// What an imported article says about itself.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Article {
    /// Headline.
    pub title: String,
    /// Publication date, when the file gives one.
    pub published: Option<Date>,
    /// Publication or site.
    pub outlet: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Canonical address (`http` or `https` only).
    pub url: Option<String>,
    /// Language, when the file names one.
    pub language: Option<LanguageTag>,
    /// The text, as Markdown paragraphs separated by blank lines.
    pub body: String,
    /// Other keys of a source that the file's own front matter gives (`tags`,
    /// `reliability`…), written as they are.
    pub kept: Vec<(String, serde_json::Value)>,
    /// Keys of the file's own front matter that a source does not have, or whose value
    /// does not fit: left out of the front matter, written as comments.
    pub dropped: Vec<(String, serde_json::Value)>,
    /// What the reader of the result should know of how the file was read.
    pub notes: Vec<String>,
    /// What may be wrong with the import (a source with the same address or text).
    pub warnings: Vec<String>,
}

/// Why nothing was written.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is of a kind `new source` does not read.
    #[error("{} is not a .html, .htm, .md or .txt file", path.display())]
    Kind {
        /// The file.
        path: PathBuf,
    },
    /// The file's front matter is not a YAML mapping.
    #[error(
        "{}:{line}:{column}: the file's own front matter cannot be read: {message}; fix it or remove it",
        path.display()
    )]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// The line.
        line: u64,
        /// The column.
        column: u64,
        /// Why.
        message: String,
    },
    /// The folder is not a dossier project.
    #[error(
        "{} is not a dossier project (it has no content/dossier.yaml): give the project's folder with --root, or start one with `dossier init DIR`",
        root.display()
    )]
    NotProject {
        /// The folder.
        root: PathBuf,
    },
    /// No id can be made from the title.
    #[error(
        "no id can be made from the title '{title}' (an id is made of its letters a-z and digits): give one with --id"
    )]
    NoId {
        /// The title (or file name) the id was to come from.
        title: String,
    },
    /// The HTML has no article text to find.
    #[error("no article text found in {}", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The id is not a valid id.
    #[error(
        "'{id}' is not a valid id: an id is lower-case letters a-z, digits and dashes, starts with a letter or digit, at most 80 characters (e.g. bridge-report-2025)"
    )]
    BadId {
        /// The id given.
        id: String,
    },
    /// The id is taken.
    #[error("the id '{id}' is taken by {}: give another with --id", path.display())]
    Taken {
        /// The id.
        id: String,
        /// The file that has it.
        path: PathBuf,
    },
    /// The new file cannot be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Reads the article in `file`, by its extension.
pub fn read(file: &Path) -> Result<Article, ImportError> {
    let bytes = std::fs::read(file).map_err(|source| ImportError::Read {
        path: file.to_path_buf(),
        source,
    })?;
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let html = matches!(extension.as_deref(), Some("html" | "htm"));
    let decoded = decode::decode(&bytes, html);
    let text = decoded.text.as_str();
    let front_matter = |e: front::Unreadable| ImportError::FrontMatter {
        path: file.to_path_buf(),
        line: e.line,
        column: e.column,
        message: e.message,
    };
    let article = match extension.as_deref() {
        Some("html" | "htm") => html::read(text),
        Some("md" | "markdown") => Some(text::read_markdown(text).map_err(front_matter)?),
        Some("txt" | "text") => Some(text::read_plain(text).map_err(front_matter)?),
        _ => {
            return Err(ImportError::Kind {
                path: file.to_path_buf(),
            });
        }
    };
    let mut article = article
        .filter(|a| !a.body.trim().is_empty() || !a.title.is_empty())
        .ok_or_else(|| ImportError::Empty {
            path: file.to_path_buf(),
        })?;
    article.notes.splice(0..0, decoded.note);
    if !article.dropped.is_empty() {
        let keys: Vec<&str> = article.dropped.iter().map(|(k, _)| k.as_str()).collect();
        article.notes.push(format!(
            "left out of the front matter, not keys of a source or not fitting one: {} (kept as comments at its end)",
            keys.join(", ")
        ));
    }
    Ok(article)
}

/// A YAML scalar that reads back as `value` whatever it holds (a JSON string is a
/// double-quoted YAML scalar).
fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

/// The file `new source` writes: front matter, then the body.
pub fn source_file(article: &Article) -> String {
    let mut out = String::from("---\n");
    let title = if article.title.is_empty() {
        "# title: \"…\"                    # required: the headline\n".to_string()
    } else {
        format!("title: {}\n", quoted(&article.title))
    };
    out.push_str(&title);
    match article.published {
        Some(date) => {
            let _ = writeln!(out, "published: {date}");
        }
        None => out
            .push_str("# published: YYYY-MM-DD         # required: YYYY, YYYY-MM or YYYY-MM-DD\n"),
    }
    let optional = [
        ("outlet", &article.outlet, "publication or channel"),
        ("author", &article.author, "byline"),
        ("url", &article.url, "original address (http or https)"),
    ];
    for (key, value, what) in optional {
        match value {
            Some(value) => {
                let _ = writeln!(out, "{key}: {}", quoted(value));
            }
            None => {
                let _ = writeln!(out, "# {key}:                        # {what}");
            }
        }
    }
    match &article.language {
        Some(language) => {
            let _ = writeln!(out, "language: {language}");
        }
        None => out
            .push_str("# language: en                   # its code: en, fr, de, ru, ar, pt-BR…\n"),
    }
    let to_fill = [
        (
            "kind",
            "# kind: article                  # article, report, statement, social-post, transcript, other\n",
        ),
        (
            "reliability",
            "# reliability: F                 # source reliability, A (reliable) to F (cannot be judged)\n",
        ),
        (
            "credibility",
            "# credibility: 6                 # information credibility, 1 (confirmed) to 6 (cannot be judged)\n",
        ),
        (
            "note",
            "# note: the analyst's note on this source (Markdown)\n",
        ),
        ("tags", "# tags: []\n"),
    ];
    // JSON is YAML's flow style: a value written so reads back as it was.
    let json = |value: &serde_json::Value| serde_json::to_string(value).unwrap_or_default();
    let kept = |key: &str| article.kept.iter().find(|(k, _)| k == key);
    for (key, placeholder) in to_fill {
        match kept(key) {
            Some((key, value)) => {
                let _ = writeln!(out, "{key}: {}", json(value));
            }
            None => out.push_str(placeholder),
        }
    }
    for (key, value) in &article.kept {
        if !to_fill.iter().any(|(k, _)| k == key) {
            let _ = writeln!(out, "{key}: {}", json(value));
        }
    }
    if !article.dropped.is_empty() {
        out.push_str("# from the imported file's front matter, not keys of a source:\n");
        for (key, value) in &article.dropped {
            let _ = writeln!(out, "#   {}: {}", printable_key(key), json(value));
        }
    }
    out.push_str("---\n\n");
    out.push_str(article.body.trim());
    out.push('\n');
    out
}

/// A key on one line.
fn printable_key(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Where a new source with this id would go, refusing an id that is taken.
fn target(root: &Path, id: &str, dossier: Option<&Dossier>) -> Result<PathBuf, ImportError> {
    let content = root.join("content");
    let taken = [
        content.join("sources").join(format!("{id}.md")),
        content.join("sources").join(format!("{id}.markdown")),
        content.join("actors").join(format!("{id}.yaml")),
        content.join("actors").join(format!("{id}.yml")),
    ];
    if let Some(path) = taken.into_iter().find(|p| p.symlink_metadata().is_ok()) {
        return Err(ImportError::Taken {
            id: id.to_string(),
            path,
        });
    }
    if let Some(dossier) = dossier
        && dossier.lookup(id).is_some()
    {
        return Err(ImportError::Taken {
            id: id.to_string(),
            path: content.join("events"),
        });
    }
    Ok(content.join("sources").join(format!("{id}.md")))
}

/// Imports `file` into the project at `root` as `content/sources/ID.md` (the id given,
/// or the title's slug). Returns the path written and the article read.
pub fn new_source(
    root: &Path,
    file: &Path,
    id: Option<&str>,
) -> Result<(PathBuf, Article), ImportError> {
    if !root.join("content").join("dossier.yaml").is_file() {
        return Err(ImportError::NotProject {
            root: root.to_path_buf(),
        });
    }
    if let Some(id) = id.filter(|id| !is_valid_id(id)) {
        return Err(ImportError::BadId { id: id.to_string() });
    }
    let mut article = read(file)?;
    let id = match id {
        Some(id) => id.to_string(),
        None => {
            let stem = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("source");
            let from = if article.title.is_empty() {
                stem
            } else {
                &article.title
            };
            let slug = slugify(from, 60);
            if !is_valid_id(&slug) {
                return Err(ImportError::NoId {
                    title: crate::printable::printable(from).into_owned(),
                });
            }
            slug
        }
    };
    let (dossier, _) = crate::check(root);
    let path = target(root, &id, dossier.as_ref())?;
    if let Some(dossier) = &dossier {
        article.warnings = duplicates::of(&article, dossier);
    }
    let error = |source| ImportError::Write {
        path: path.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(error)?;
    }
    let mut out = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(error)?;
    out.write_all(source_file(&article).as_bytes())
        .map_err(error)?;
    Ok((path, article))
}
