//! Consequences folded into their cause: the citations of a source that could not be
//! read are not each an `unknown source` error, but a count in the error that says why
//! the source could not be read, which is shown first.

use std::path::PathBuf;

use super::{Diagnostics, Severity};

impl Diagnostics {
    /// Folds the `unknown … 'ID'` errors of the ids of `unreadable` sources and actors
    /// (id, file)
    /// into the first error of each such file, and puts the errors of those files first.
    pub fn fold_unreadable(&mut self, unreadable: &[(String, PathBuf)]) {
        if unreadable.is_empty() {
            return;
        }
        let mut counts = vec![0usize; unreadable.len()];
        self.items.retain(|d| {
            let found = unknown_id(&d.message)
                .and_then(|id| unreadable.iter().position(|(known, _)| known == id));
            match found {
                Some(at) if d.severity == Severity::Error => {
                    counts[at] += 1;
                    false
                }
                _ => true,
            }
        });
        for ((id, path), count) in unreadable.iter().zip(counts) {
            let mut folded = count == 0;
            for item in &mut self.items {
                if item.path != *path || item.severity != Severity::Error {
                    continue;
                }
                item.first = true;
                if !folded {
                    let s = if count == 1 { "" } else { "s" };
                    let what = if path.starts_with("content/sources") {
                        format!("citation{s} of this unreadable source")
                    } else {
                        format!("reference{s} to this unreadable actor")
                    };
                    let folded_in = format!(", and {count} {what} ('{id}')");
                    item.message.push_str(&folded_in);
                    folded = true;
                }
            }
        }
    }
}

impl Diagnostics {
    /// Drops the problems found at an alias (`*name`, a merge key's `<<: *name` too) that
    /// repeat, word for word, a problem of the same file: the values an alias repeats
    /// are checked at each use, but the mistake is written once, at the anchor.
    pub fn fold_aliases(&mut self) {
        let at_alias = |d: &super::Diagnostic| {
            let (Some(text), Some(span)) = (&d.file, d.span) else {
                return false;
            };
            text.get(span.start..).is_some_and(|t| t.starts_with('*'))
        };
        let key = |d: &super::Diagnostic| (d.path.clone(), d.severity, d.message.clone());
        let written: std::collections::HashSet<_> = self
            .items
            .iter()
            .filter(|d| !at_alias(d))
            .map(key)
            .collect();
        self.items
            .retain(|d| !at_alias(d) || !written.contains(&key(d)));
    }
}

/// The id in a message `unknown source 'ID'` or `unknown id 'ID'`.
pub(super) fn unknown_id(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("unknown ")?;
    let (_, quoted) = rest.split_once(" '")?;
    let id = quoted.strip_suffix('\'')?;
    Some(id)
}
