//! Citations against `dossier.lock`: a cited paragraph whose text is now at another
//! number has moved (an error at the citation, with the number to write, and a fix);
//! one whose text is nowhere in its source any more has changed (a warning at its line
//! of the lock, listing the citations to review).

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::FxHashMap as HashMap;

use super::Lock;
use super::sites::Site;
use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::model::{CitationText, Paragraph};

/// A source's text and numbered blocks, to fingerprint its paragraphs.
#[derive(Debug, Clone, Copy)]
pub struct Text<'a> {
    /// The body.
    pub body: &'a str,
    /// Its numbered blocks.
    pub paragraphs: &'a [Paragraph],
}

/// A citation to rewrite: the bytes at `span` of `file`, `old`, become `new`.
#[derive(Debug, Clone)]
pub struct Fix {
    /// The file.
    pub file: Arc<SourceFile>,
    /// The citation's bytes.
    pub span: Span,
    /// The citation as written.
    pub old: String,
    /// The citation to write.
    pub new: String,
}

/// Where a locked paragraph's text is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Now {
    /// At the same number (or not locked).
    Same,
    /// At another number.
    At(u32),
    /// Nowhere in the source.
    Changed,
}

/// Checks every site against the lock. Returns the fixes of the moved citations.
pub(crate) fn check(
    sites: &[Site],
    lock: &Lock,
    texts: &HashMap<&str, Text<'_>>,
    diagnostics: &mut Diagnostics,
) -> Vec<Fix> {
    let mut prints: HashMap<&str, Vec<String>> = HashMap::default();
    let mut changed: BTreeMap<(String, u32), Vec<String>> = BTreeMap::new();
    let mut fixes = Vec::new();
    for site in sites {
        let id = site.citation.id.as_str();
        let (Some(text), Some((first, last))) = (texts.get(id), site.citation.paragraphs) else {
            continue;
        };
        let prints = prints.entry(id).or_insert_with(|| fingerprints(*text));
        let now = |n: u32| where_now(lock, id, n, prints);
        for n in first..=last {
            if now(n) == Now::Changed {
                let (line, _) = site.file.line_column(site.span.start);
                changed
                    .entry((id.to_string(), n))
                    .or_default()
                    .push(format!("{}:{line}", site.file.path.display()));
            }
        }
        let place = |n: u32| match now(n) {
            Now::Same => Some(n),
            Now::At(m) => Some(m),
            Now::Changed => None,
        };
        if let (Some(a), Some(b)) = (place(first), place(last))
            && (a, b) != (first, last)
            && a <= b
        {
            let new = CitationText {
                id: id.to_string(),
                paragraphs: Some((a, b)),
            }
            .to_string();
            let old = site.citation.to_string();
            diagnostics
                .error(
                    &site.file,
                    site.span,
                    format!("the cited text moved: `{old}` is now `{new}`"),
                )
                .hint = Some(format!(
                "write `{new}`, or run `dossier check --fix` to rewrite every moved citation"
            ));
            fixes.push(Fix {
                file: Arc::clone(&site.file),
                span: site.span,
                old,
                new,
            });
        }
    }
    for ((id, n), citing) in changed {
        let span = lock.entries.get(&(id.clone(), n)).map(|e| e.span);
        diagnostics
            .warning(
                &lock.file,
                span.unwrap_or_default(),
                format!("the text of `{id}#p{n}` changed since it was locked"),
            )
            .hint = Some(format!(
            "review what cites it ({}), then run `dossier lock` again",
            citing.join(", ")
        ));
    }
    fixes
}

/// The lock's entries at the numbers where their texts are now: a moved paragraph's
/// entry follows it, a changed one stays (so that it is still reported).
pub(crate) fn renumbered(
    lock: &Lock,
    texts: &HashMap<&str, Text<'_>>,
) -> BTreeMap<(String, u32), String> {
    let mut moved = BTreeMap::new();
    let mut kept = BTreeMap::new();
    let mut prints: HashMap<&str, Vec<String>> = HashMap::default();
    for ((id, n), entry) in &lock.entries {
        let now = match texts.get(id.as_str()) {
            Some(text) => {
                let prints = prints
                    .entry(id.as_str())
                    .or_insert_with(|| fingerprints(*text));
                where_now(lock, id, *n, prints)
            }
            None => Now::Same,
        };
        match now {
            Now::At(m) => moved.insert((id.clone(), m), entry.sha256.clone()),
            Now::Same | Now::Changed => kept.insert((id.clone(), *n), entry.sha256.clone()),
        };
    }
    // A text found at a number wins over the entry of a changed one there.
    kept.extend(moved);
    kept
}

/// The fingerprint of each numbered block of a text, by number from 1.
fn fingerprints(text: Text<'_>) -> Vec<String> {
    text.paragraphs
        .iter()
        .map(|p| crate::fingerprint::paragraph(text.body.get(p.range.clone()).unwrap_or_default()))
        .collect()
}

/// Where the text locked as paragraph `n` of `id` is now; the nearest one when the
/// same text stands twice.
fn where_now(lock: &Lock, id: &str, n: u32, prints: &[String]) -> Now {
    let Some(entry) = lock.entries.get(&(id.to_string(), n)) else {
        return Now::Same;
    };
    let index = usize::try_from(n).unwrap_or(usize::MAX).saturating_sub(1);
    if prints.get(index) == Some(&entry.sha256) {
        return Now::Same;
    }
    prints
        .iter()
        .enumerate()
        .filter(|(_, p)| **p == entry.sha256)
        .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX))
        .min_by_key(|&m| m.abs_diff(n))
        .map_or(Now::Changed, Now::At)
}
