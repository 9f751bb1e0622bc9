//! `dossier.lock`: the fingerprint of every cited paragraph, written by `dossier lock`
//! at the project root and meant to be committed. With it, `check` tells which cited
//! paragraphs changed or moved since, and `check --fix` rewrites the moved citations.
//!
//! The file holds one line per cited paragraph, `source-id#pN SHA-256 first words…`,
//! sorted (the words are optional, for the messages); lines starting with `#` are
//! comments. Only `dossier lock` writes new fingerprints: `check --fix` renumbers the
//! entries of the paragraphs whose citations it rewrote, nothing else.

pub mod drift;
mod fix;
pub mod sites;

use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::model::{CitationText, Dossier, Target};

pub use fix::{Applied, FixError, Fixed, fix};

/// The lock's file name, at the project root.
pub use crate::load::LOCK_FILE as FILE_NAME;

/// One locked paragraph.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its fingerprint when locked.
    pub sha256: String,
    /// Its line in the lock.
    pub span: Span,
    /// Its first words when locked (empty in a lock written without them).
    pub excerpt: String,
}

/// A `dossier.lock`, read.
#[derive(Debug, Clone)]
pub struct Lock {
    /// The file.
    pub file: Arc<SourceFile>,
    /// By source id and paragraph number.
    pub entries: BTreeMap<(String, u32), Entry>,
}

/// Reads a lock; a line that is not `id#pN SHA-256` is an error at that line.
pub fn parse(file: &Arc<SourceFile>, diagnostics: &mut Diagnostics) -> Lock {
    let mut entries = BTreeMap::new();
    let mut offset = 0;
    for line in file.text.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let span = Span::new(start, line.trim_end().len());
        let mut words = text.split_whitespace();
        let parsed = match (words.next(), words.next()) {
            (Some(cited), Some(hex)) if crate::fingerprint::is_sha256_hex(hex) => {
                CitationText::parse(cited)
                    .ok()
                    .and_then(|c| match c.paragraphs {
                        Some((a, b)) if a == b => Some((c.id, a, hex.to_ascii_lowercase())),
                        _ => None,
                    })
            }
            _ => None,
        };
        match parsed {
            Some((id, n, sha256)) => {
                let excerpt = words.collect::<Vec<_>>().join(" ");
                entries.insert(
                    (id, n),
                    Entry {
                        sha256,
                        span,
                        excerpt,
                    },
                );
            }
            None => {
                diagnostics.error(file, span, "not a line of a lock").hint = Some(
                    "each line is `source-id#pN`, a SHA-256 in hex and the paragraph's first \
                     words; run `dossier lock` to write the file again"
                        .into(),
                );
            }
        }
    }
    Lock {
        file: Arc::clone(file),
        entries,
    }
}

/// The text of the lock of a valid dossier: every paragraph cited (in a `sources:`
/// list or a wiki-link), with its fingerprint and first words.
pub fn text(dossier: &Dossier) -> (String, usize) {
    let mut lines: BTreeMap<(&str, u32), (String, String)> = BTreeMap::new();
    for reference in &dossier.references {
        let (Target::Source(index), Some((first, last))) = (reference.to, reference.paragraphs)
        else {
            continue;
        };
        let source = &dossier.sources[index];
        for n in first..=last {
            let markdown = source
                .paragraph(n)
                .and_then(|p| source.body.get(p.range.clone()));
            if let Some(markdown) = markdown {
                let line = (crate::fingerprint::paragraph(markdown), excerpt(markdown));
                lines.insert((source.id.as_str(), n), line);
            }
        }
    }
    (
        render(
            lines
                .iter()
                .map(|((id, n), (sha, words))| (*id, *n, sha.as_str(), words.as_str())),
        ),
        lines.len(),
    )
}

/// The first words of a paragraph's Markdown, on one line, cut after about 50
/// characters with `…`.
pub fn excerpt(markdown: &str) -> String {
    const LENGTH: usize = 50;
    let mut words = String::new();
    for word in markdown.split_whitespace() {
        if words.chars().count() >= LENGTH {
            words.push('…');
            break;
        }
        if !words.is_empty() {
            words.push(' ');
        }
        words.push_str(word);
    }
    words
}

/// The text of a lock holding `lines` (source id, paragraph, fingerprint, first
/// words), in order.
pub fn render<'a>(lines: impl Iterator<Item = (&'a str, u32, &'a str, &'a str)>) -> String {
    let mut text = String::from(
        "# dossier.lock: the SHA-256 and first words of each cited paragraph, written by\n\
         # `dossier lock`, the only command that writes new fingerprints here.\n\
         # Commit it: `dossier check` then reports cited paragraphs that changed or moved.\n",
    );
    for (id, n, sha256, words) in lines {
        let _ = write!(text, "{id}#p{n} {sha256}");
        if !words.is_empty() {
            let _ = write!(text, " {words}");
        }
        text.push('\n');
    }
    text
}

/// Why no lock was written.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// The content has errors: see the diagnostics.
    #[error("the content has errors: nothing written")]
    Content,
    /// The file could not be written.
    #[error("cannot write {path}: {source}")]
    Write {
        /// The lock's path.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

/// Whether a source's text is in French: its own `language`, else the dossier's.
pub fn in_french(
    source: &crate::load::RawSource,
    dossier: Option<&crate::load::RawDossier>,
) -> bool {
    use crate::model::Language;
    match &source.language {
        Some(tag) => tag.value.is(Language::Fr),
        None => dossier
            .and_then(|d| d.language.as_ref())
            .is_some_and(|l| l.value == Language::Fr),
    }
}

/// `dossier lock`: checks the project at `root` and writes `dossier.lock` beside
/// `content/`. Returns the path and the number of paragraphs locked, and the
/// diagnostics in every case.
pub fn write(root: &Path) -> (Result<(PathBuf, usize), LockError>, Diagnostics) {
    let (dossier, diagnostics) = crate::checked(root, false);
    let Ok(dossier) = dossier else {
        return (Err(LockError::Content), diagnostics);
    };
    let (text, count) = text(&dossier);
    let path = root.join(FILE_NAME);
    let result = fix::replace_file(&path, text.as_bytes())
        .map(|()| (path.clone(), count))
        .map_err(|source| LockError::Write { path, source });
    (result, diagnostics)
}
