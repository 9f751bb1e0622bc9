//! `dossier new source FILE`: turns a saved article (`.html`, `.md` or `.txt`) into
//! `content/sources/ID.md` — front matter filled from what the file says, the keys it
//! cannot know left as comments to fill, and the text as Markdown paragraphs. A page's
//! navigation, advertising and footers are left out by `dom_smoothie`, a port of
//! Mozilla's `Readability` (the algorithm behind Firefox's reader view).
//!
//! It never overwrites a file, and refuses an id that a source or actor already has.

mod html;
mod text;

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Date, LanguageTag, is_valid_id, slugify};

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
    /// The HTML has no article text to find.
    #[error("no article text found in {}", path.display())]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The id is not a valid id.
    #[error(
        "'{id}' is not a valid id: lower-case letters, digits and dashes, at most 80 (give one with --id)"
    )]
    BadId {
        /// The id.
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
    let text = String::from_utf8_lossy(&bytes);
    let extension = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let article = match extension.as_deref() {
        Some("html" | "htm") => html::read(&text),
        Some("md" | "markdown") => Some(text::read_markdown(&text)),
        Some("txt" | "text") => Some(text::read_plain(&text)),
        _ => {
            return Err(ImportError::Kind {
                path: file.to_path_buf(),
            });
        }
    };
    article
        .filter(|a| !a.body.trim().is_empty() || !a.title.is_empty())
        .ok_or_else(|| ImportError::Empty {
            path: file.to_path_buf(),
        })
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
    out.push_str(
        "# kind: article                  # article, report, statement, social-post, transcript, other\n\
         # reliability: F                 # source reliability, A (reliable) to F (cannot be judged)\n\
         # credibility: 6                 # information credibility, 1 (confirmed) to 6 (cannot be judged)\n\
         # note: the analyst's note on this source (Markdown)\n\
         # tags: []\n\
         ---\n\n",
    );
    out.push_str(article.body.trim());
    out.push('\n');
    out
}

/// Where a new source with this id would go, refusing an id that is invalid or taken.
fn target(root: &Path, id: &str) -> Result<PathBuf, ImportError> {
    if !is_valid_id(id) {
        return Err(ImportError::BadId { id: id.to_string() });
    }
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
    if let (Some(dossier), _) = crate::check(root)
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
    let article = read(file)?;
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
            slugify(from, 60)
        }
    };
    let path = target(root, &id)?;
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
