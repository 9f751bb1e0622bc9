//! One namespace for every id: sources, then actors, then events claim their ids in
//! order; the first claim wins and a second one is an error. The preview keeps the index
//! from one run to the next while the same ids claim the same things.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostics::{Diagnostics, SourceFile, Span};
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
        let mut owners: HashMap<&str, &Arc<SourceFile>> = HashMap::default();
        for claim in claims {
            if let Some(first) = owners.get(claim.id) {
                diagnostics
                    .error(
                        claim.file,
                        claim.span,
                        format!(
                            "the id '{}' is already used by {}",
                            claim.id,
                            first.path.display()
                        ),
                    )
                    .hint =
                    Some("ids are shared by sources, actors and events: rename one of them".into());
            } else {
                owners.insert(claim.id, claim.file);
                ids.insert(claim.id.to_string(), claim.entry);
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
