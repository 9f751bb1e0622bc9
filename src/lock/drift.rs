//! Citations against `dossier.lock`. A cited paragraph whose text is now at another
//! number has moved: an error at the citation, with the number to write and a fix. One
//! whose text is nowhere in its source any more is gone: a warning at each citation of
//! it, which no fix touches. A moved citation is fixed only when every citation of the
//! same locked paragraph can be, the new number names no other cited text, and a cited
//! range stays one run of the paragraphs that were locked.

use std::collections::{BTreeMap, BTreeSet};
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
    /// Whether it is in French: its words are then quoted « like this », else “like
    /// this”.
    pub french: bool,
}

impl Text<'_> {
    /// `words` between the quotation marks of the text's language.
    fn quote(&self, words: &str) -> String {
        if self.french {
            format!("«{words}»")
        } else {
            format!("“{words}”")
        }
    }
}

/// Where a text's words are quoted: in the quotation marks of its language.
fn quoted(texts: &HashMap<&str, Text<'_>>, id: &str, words: &str) -> String {
    texts
        .get(id)
        .map_or_else(|| format!("“{words}”"), |t| t.quote(words))
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

/// What the check found to do: the citations to rewrite, and the lock's entries that
/// follow them (source id and locked number → number now).
#[derive(Debug, Clone, Default)]
pub struct Drift {
    /// The citations to rewrite.
    pub fixes: Vec<Fix>,
    /// The locked paragraphs whose citations are all rewritten, with their new number.
    pub moves: BTreeMap<(String, u32), u32>,
    /// The citations of moved paragraphs left as they are.
    pub left: usize,
}

/// Where a locked paragraph's text is now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Now {
    /// At the same number (or not locked).
    Same,
    /// At another number.
    At(u32),
    /// Nowhere in the source.
    Gone,
}

/// A cited paragraph: source id and number.
type Key<'a> = (&'a str, u32);

/// Everything known about the cited paragraphs.
struct Cited<'a> {
    lock: &'a Lock,
    texts: &'a HashMap<&'a str, Text<'a>>,
    /// Where each cited paragraph's locked text is now.
    now: BTreeMap<Key<'a>, Now>,
    /// The moved paragraphs whose citations stay as they are, and why.
    held: BTreeMap<Key<'a>, String>,
}

/// Checks every site against the lock. Returns what `check --fix` may do.
pub(crate) fn check<'a>(
    sites: &'a [Site],
    lock: &'a Lock,
    texts: &'a HashMap<&'a str, Text<'a>>,
    diagnostics: &mut Diagnostics,
) -> Drift {
    let mut cited = Cited {
        lock,
        texts,
        now: BTreeMap::new(),
        held: BTreeMap::new(),
    };
    let mut prints: HashMap<&str, Vec<String>> = HashMap::default();
    for site in sites {
        let Some((id, first, last)) = cited.range(site) else {
            continue;
        };
        let prints = prints.entry(id).or_insert_with(|| fingerprints(texts[&id]));
        for n in first..=last {
            cited
                .now
                .entry((id, n))
                .or_insert_with(|| where_now(lock, id, n, prints));
        }
    }
    cited.hold(sites);
    let mut drift = Drift::default();
    for site in sites {
        cited.report_gone(site, diagnostics);
        match cited.report_moved(site, diagnostics) {
            Some(Ok(fix)) => drift.fixes.push(fix),
            Some(Err(())) => drift.left += 1,
            None => {}
        }
    }
    for (&(id, n), now) in &cited.now {
        if let (Now::At(m), false) = (now, cited.held.contains_key(&(id, n))) {
            drift.moves.insert((id.to_string(), n), *m);
        }
    }
    drift
}

impl<'a> Cited<'a> {
    /// The source id and paragraphs a site cites, when its source is known.
    fn range(&self, site: &'a Site) -> Option<(&'a str, u32, u32)> {
        let id = site.citation.id.as_str();
        let (first, last) = site.citation.paragraphs?;
        self.texts.contains_key(id).then_some((id, first, last))
    }

    /// Where a paragraph's citations would point after the fix.
    fn destination(&self, key: Key<'a>) -> u32 {
        match self.now.get(&key) {
            Some(Now::At(m)) if !self.held.contains_key(&key) => *m,
            _ => key.1,
        }
    }

    /// Marks the moved paragraphs whose citations cannot all be rewritten, until none
    /// is left to mark: two cited texts would share a number, or a citation of the
    /// paragraph cannot be rewritten as a whole.
    fn hold(&mut self, sites: &'a [Site]) {
        loop {
            let mut found: Vec<(Key<'a>, String)> = Vec::new();
            let mut at: BTreeMap<Key<'a>, Vec<Key<'a>>> = BTreeMap::new();
            for &key in self.now.keys() {
                at.entry((key.0, self.destination(key)))
                    .or_default()
                    .push(key);
            }
            for ((id, m), keys) in at.iter().filter(|(_, keys)| keys.len() > 1) {
                let gone = keys.iter().any(|k| self.now[k] == Now::Gone);
                for key in keys.iter().filter(|k| self.movable(**k)) {
                    let why = if gone {
                        format!("`{id}#p{m}` is still cited for text that is gone")
                    } else {
                        format!("`{id}#p{m}` is still cited for the text locked there")
                    };
                    found.push((*key, why));
                }
            }
            for site in sites {
                let Some((id, first, last)) = self.range(site) else {
                    continue;
                };
                let Some(why) = self.obstacle(site) else {
                    continue;
                };
                let (line, column) = site.file.line_column(site.span.start);
                let place = format!("{}:{line}:{column}", site.file.path.display());
                for n in (first..=last).filter(|n| self.movable((id, *n))) {
                    found.push(((id, n), format!("{place} cites it too, and {why}")));
                }
            }
            if found.is_empty() {
                return;
            }
            for (key, why) in found {
                self.held.entry(key).or_insert(why);
            }
        }
    }

    /// A paragraph that moved and is not held yet.
    fn movable(&self, key: Key<'a>) -> bool {
        matches!(self.now.get(&key), Some(Now::At(_))) && !self.held.contains_key(&key)
    }

    /// Why a site cannot be rewritten as a whole, if it cannot.
    fn obstacle(&self, site: &'a Site) -> Option<String> {
        let (id, first, last) = self.range(site)?;
        if (first..=last).any(|n| self.now[&(id, n)] == Now::Gone) {
            return Some("it also cites text that is gone".into());
        }
        let places: Vec<u32> = (first..=last).map(|n| self.destination((id, n))).collect();
        (runs(&places).len() > 1)
            .then(|| "the paragraphs it cites are no longer side by side".into())
    }

    /// A warning at the site for each paragraph it cites whose text is gone.
    fn report_gone(&self, site: &'a Site, diagnostics: &mut Diagnostics) {
        let Some((id, first, last)) = self.range(site) else {
            return;
        };
        for n in (first..=last).filter(|n| self.now[&(id, *n)] == Now::Gone) {
            let locked = self
                .lock
                .entries
                .get(&(id.to_string(), n))
                .map(|e| e.excerpt.as_str())
                .filter(|e| !e.is_empty())
                .map_or_else(String::new, |e| format!(" ({})", quoted(self.texts, id, e)));
            let now = self.excerpt(id, n).map_or_else(
                || format!("`{id}` has no p{n} now"),
                |e| format!("p{n} now reads {}", quoted(self.texts, id, &e)),
            );
            diagnostics
                .warning(
                    &site.file,
                    site.span,
                    format!(
                        "the text locked as `{id}#p{n}`{locked} is gone: no paragraph of \
                         `{id}` has that text now"
                    ),
                )
                .hint = Some(format!(
                "{now}: cite the paragraph that supports this, if any, then run `dossier \
                 lock`; `dossier check --fix` leaves this citation as it is"
            ));
        }
    }

    /// An error at the site if the text it cites moved; the fix when it can be made,
    /// `Err` when the citation is left as it is.
    fn report_moved(
        &self,
        site: &'a Site,
        diagnostics: &mut Diagnostics,
    ) -> Option<Result<Fix, ()>> {
        let (id, first, last) = self.range(site)?;
        let wanted: Vec<u32> = (first..=last)
            .map(|n| match self.now[&(id, n)] {
                Now::At(m) => m,
                Now::Same | Now::Gone => n,
            })
            .collect();
        if wanted.iter().copied().eq(first..=last) {
            return None;
        }
        let old = site.citation.to_string();
        let cite = |(a, b): (u32, u32)| {
            CitationText {
                id: id.to_string(),
                paragraphs: Some((a, b)),
            }
            .to_string()
        };
        let pieces = runs(&wanted);
        if pieces.len() > 1 {
            self.report_split(site, id, first, &wanted, &pieces, diagnostics);
            return Some(Err(()));
        }
        let new = cite(pieces[0]);
        let first_words = self.excerpt(id, pieces[0].0).map_or_else(String::new, |e| {
            format!(" ({})", quoted(self.texts, id, &e))
        });
        let message = format!("the cited text moved: `{old}`{first_words} is now `{new}`");
        let held = self
            .obstacle(site)
            .or_else(|| (first..=last).find_map(|n| self.held.get(&(id, n)).cloned()));
        let hint = match &held {
            Some(why) => format!(
                "`dossier check --fix` leaves it as it is, since {why}: settle that, then \
                 write `{new}` or run `dossier check --fix` again"
            ),
            None => format!(
                "write `{new}`, or run `dossier check --fix` to rewrite every moved citation"
            ),
        };
        diagnostics.error(&site.file, site.span, message).hint = Some(hint);
        if held.is_some() {
            return Some(Err(()));
        }
        Some(Ok(Fix {
            file: Arc::clone(&site.file),
            span: site.span,
            old,
            new,
        }))
    }

    /// The error at a cited range whose paragraphs are no longer side by side: what
    /// moved where, what now stands between, and the citations to write.
    fn report_split(
        &self,
        site: &'a Site,
        id: &str,
        first: u32,
        wanted: &[u32],
        pieces: &[(u32, u32)],
        diagnostics: &mut Diagnostics,
    ) {
        let cite = |(a, b): (u32, u32)| {
            CitationText {
                id: id.to_string(),
                paragraphs: Some((a, b)),
            }
            .to_string()
        };
        let old = site.citation.to_string();
        let moved: Vec<String> = (first..)
            .zip(wanted)
            .filter(|(n, m)| n != *m)
            .map(|(n, m)| match self.excerpt(id, *m) {
                Some(e) => format!("p{n} ({}) is now p{m}", quoted(self.texts, id, &e)),
                None => format!("p{n} is now p{m}"),
            })
            .collect();
        let set: BTreeSet<u32> = wanted.iter().copied().collect();
        let (low, high) = (pieces[0].0, pieces[pieces.len() - 1].1);
        let between: Vec<String> = (low..=high)
            .filter(|m| !set.contains(m))
            .map(|m| match self.excerpt(id, m) {
                Some(e) => format!("p{m} ({})", quoted(self.texts, id, &e)),
                None => format!("p{m}"),
            })
            .collect();
        // The pieces in the numbers the lock knows: every other citation of the source is
        // still read in them until `check --fix` renumbers it with the lock.
        let apart: Vec<String> = pieces
            .iter()
            .filter_map(|&(a, b)| {
                let locked = (first..).zip(wanted).filter(|(_, m)| (a..=b).contains(*m));
                let (low, high) = locked.fold(None, |span, (n, _)| match span {
                    None => Some((n, n)),
                    Some((low, _)) => Some((low, n)),
                })?;
                Some(format!("`{}`", cite((low, high))))
            })
            .collect();
        diagnostics
            .error(
                &site.file,
                site.span,
                format!(
                    "the cited range `{old}` is split: {}, and the new {} {} between, never \
                     locked",
                    moved.join(", "),
                    between.join(", "),
                    if between.len() == 1 {
                        "stands"
                    } else {
                        "stand"
                    }
                ),
            )
            .hint = Some(format!(
            "to cite only what was locked, write {} as separate citations (the numbers \
             the lock knows), then run `dossier check --fix`, which renumbers them with \
             the other moved citations; to cite what stands between too, write `{}` once \
             that is done, then run `dossier lock`",
            apart.join(" and "),
            cite((low, high))
        ));
    }

    /// The first words of paragraph `n` of `id` as it is now.
    fn excerpt(&self, id: &str, n: u32) -> Option<String> {
        let text = self.texts.get(id)?;
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        let paragraph = text.paragraphs.get(index)?;
        Some(super::excerpt(text.body.get(paragraph.range.clone())?))
    }
}

/// The runs of consecutive numbers among `numbers`, each as its first and last.
fn runs(numbers: &[u32]) -> Vec<(u32, u32)> {
    let sorted: BTreeSet<u32> = numbers.iter().copied().collect();
    let mut runs: Vec<(u32, u32)> = Vec::new();
    for n in sorted {
        match runs.last_mut() {
            Some((_, last)) if *last + 1 == n => *last = n,
            _ => runs.push((n, n)),
        }
    }
    runs
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
        .map_or(Now::Gone, Now::At)
}
