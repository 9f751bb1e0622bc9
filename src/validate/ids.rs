//! One namespace for every id: sources, then actors, then events claim their ids in
//! order; the first claim wins and a second one is an error. The preview keeps the index
//! from one run to the next while the same ids claim the same things.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostics::{Diagnostic, Diagnostics, Related, Severity, SourceFile, Span};
use crate::model::Target;
use crate::validate::references::Entry;

/// An id claimed by a document, and where it is written.
pub struct Claim<'a> {
    /// The id.
    pub id: &'a str,
    /// What it names, and what the resolver needs to know of it.
    pub entry: Entry,
    /// The file that claims it.
    pub file: &'a Arc<SourceFile>,
    /// Where in the file.
    pub span: Span,
    /// Whether the id is made of the date and title of an event rather than written.
    pub generated: bool,
}

/// Every id of the dossier, to what it names.
#[derive(Debug)]
pub struct IdIndex {
    /// What each id names, for the resolver.
    pub ids: HashMap<String, Entry>,
    /// Tells the indexes made by one memo apart: another number, another index.
    pub generation: u64,
    /// The same, ordered by id, as the dossier keeps it (made on first use).
    ordered: OnceLock<Arc<BTreeMap<String, Target>>>,
}

impl IdIndex {
    /// The index of `claims`, in order; an id claimed twice is reported.
    pub fn build<'a>(
        claims: impl Iterator<Item = Claim<'a>>,
        generation: u64,
        diagnostics: &mut Diagnostics,
    ) -> Self {
        let mut ids: HashMap<String, Entry> = HashMap::default();
        let mut owners: HashMap<&str, Claim<'a>> = HashMap::default();
        for claim in claims {
            if let Some(first) = owners.get(claim.id) {
                diagnostics.push(claimed_twice(first, &claim));
            } else {
                ids.insert(claim.id.to_string(), claim.entry);
                owners.insert(claim.id, claim);
            }
        }
        Self {
            ids,
            generation,
            ordered: OnceLock::new(),
        }
    }

    /// Whether `claims` make this very index, without an id claimed twice.
    pub fn made_by<'a>(&self, claims: impl Iterator<Item = Claim<'a>>) -> bool {
        let mut count = 0;
        for claim in claims {
            count += 1;
            if self.ids.get(claim.id) != Some(&claim.entry) {
                return false;
            }
        }
        count == self.ids.len()
    }

    /// Every id to what it names, ordered by id.
    pub fn ordered(&self) -> Arc<BTreeMap<String, Target>> {
        let ordered = self.ordered.get_or_init(|| {
            let ordered = self
                .ids
                .iter()
                .map(|(id, entry)| (id.clone(), entry.target));
            Arc::new(ordered.collect())
        });
        Arc::clone(ordered)
    }
}

/// The error of an id claimed by `second` after `first`, pointing at both.
fn claimed_twice(first: &Claim<'_>, second: &Claim<'_>) -> Diagnostic {
    let event = matches!(first.entry.target, Target::Event(_));
    let place = if event {
        let (line, column) = first.file.line_column(first.span.start);
        format!("{}:{line}:{column}", first.file.path.display())
    } else {
        first.file.path.display().to_string()
    };
    let message = format!("the id '{}' is already used by {place}", second.id);
    let hint = match (first.generated, second.generated) {
        (true, true) => {
            "both events have the same date and title, which make their id: give one of \
             them an `id:` of its own"
        }
        (false, true) => {
            "this event's id is made of its date and title: give it an `id:` of its own"
        }
        _ => "ids are shared by sources, actors and events: rename one of them",
    };
    let mut diagnostic =
        Diagnostic::at(Severity::Error, second.file, second.span, message).with_hint(hint);
    if event {
        diagnostic.related = Some(Related::new(first.file, first.span, "first used here"));
    }
    diagnostic
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(file: &Arc<SourceFile>) -> Vec<Claim<'_>> {
        ["a", "b", "a"]
            .into_iter()
            .enumerate()
            .map(|(index, id)| Claim {
                id,
                entry: Entry {
                    target: Target::Source(index),
                    paragraphs: 0,
                    actor_kind: None,
                },
                file,
                span: Span::new(0, 0),
                generated: false,
            })
            .collect()
    }

    #[test]
    fn the_first_claim_wins_and_a_second_is_an_error() {
        let file = Arc::new(SourceFile::new("content/sources/a.md".into(), "text"));
        let mut diagnostics = Diagnostics::default();
        let index = IdIndex::build(claims(&file).into_iter(), 1, &mut diagnostics);
        assert_eq!(index.ids.len(), 2);
        assert_eq!(index.ordered().get("a"), Some(&Target::Source(0)));
        assert_eq!(diagnostics.error_count(), 1);
        // The same claims again hold an id twice: the index must be made again, to
        // report it.
        assert!(!index.made_by(claims(&file).into_iter()));
        assert!(index.made_by(claims(&file).into_iter().take(2)));
        assert!(!index.made_by(claims(&file).into_iter().take(1)));
    }
}
