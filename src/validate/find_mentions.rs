//! Finding the mentions of the actors in the sources' bodies, with the one matching rule
//! of [`crate::mentions`]; the names two actors share are reported.

use std::sync::Arc;

use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::load::RawActor;
use crate::mentions::{MentionMatcher, SharedName};
use crate::model::{Actor, Mention, Source};
use crate::scan::BodyScan;
use crate::validate::Reuse;

/// The matcher of every actor's names, and the names two actors share.
pub type Matcher = (MentionMatcher, Vec<SharedName>);

/// The sources' bodies and what is known of them, for finding mentions.
pub struct Bodies<'a> {
    /// The sources, resolved.
    pub sources: &'a [Source],
    /// The file of each source, as read.
    pub files: &'a [Arc<SourceFile>],
    /// The scan of each source's body.
    pub scans: &'a [Arc<BodyScan>],
    /// What the last run found, when it is kept.
    pub reuse: &'a dyn Reuse,
}

/// Every mention of an actor in the bodies, by source then position.
pub fn find(
    bodies: &Bodies<'_>,
    actors: &[Actor],
    raw_actors: &[Arc<RawActor>],
    diagnostics: &mut Diagnostics,
) -> Vec<Mention> {
    let names: Vec<Vec<&str>> = actors
        .iter()
        .map(|actor| {
            std::iter::once(actor.name.as_str())
                .chain(actor.aliases.iter().map(String::as_str))
                .collect()
        })
        .collect();
    let make = || MentionMatcher::new(names.iter().cloned().enumerate());
    let (matcher, generation) = bodies.reuse.matcher(&names, &make);
    let (matcher, shared) = &*matcher;
    for name in shared {
        report_shared(name, actors, raw_actors, diagnostics);
    }
    for raw in raw_actors {
        report_short_aliases(raw, diagnostics);
    }
    let find = |source: usize| {
        matcher.find_in_runs(&bodies.sources[source].body, &bodies.scans[source].runs)
    };
    let found = bodies.reuse.mentions(bodies.files, generation, &find);
    let mut mentions = Vec::with_capacity(found.iter().map(|f| f.len()).sum());
    for (source, found) in found.iter().enumerate() {
        mentions.extend(found.iter().map(|found| Mention {
            source,
            paragraph: found.paragraph,
            range: found.range.clone(),
            actor: found.actor,
        }));
    }
    mentions
}

/// Warns, at the alias (or the name), that a name of one actor is also a name of
/// another: the own name of the other actor keeps it, and a name or an alias of both
/// goes to neither.
fn report_shared(
    name: &SharedName,
    actors: &[Actor],
    raw_actors: &[Arc<RawActor>],
    diagnostics: &mut Diagnostics,
) {
    let raw = &raw_actors[name.also];
    let written = raw.name.iter().filter(|_| name.as_name);
    let span = written
        .chain(&raw.aliases)
        .find(|w| w.value.trim() == name.name)
        .map_or(Span::new(0, 0), |w| w.span);
    let (message, hint) = match name.kept_by {
        None if name.as_name => {
            let others: Vec<&str> = name.with.iter().map(|&a| actors[a].id.as_str()).collect();
            (
                format!(
                    "'{}', the name of '{}', is also a name of '{}'",
                    name.name,
                    raw.id,
                    others.join("', '")
                ),
                format!(
                    "mentions of '{}' link to none of them; give each actor a name of its \
                     own (and keep '{}' as an alias of at most one)",
                    name.name, name.name
                ),
            )
        }
        Some(keeper) => {
            let keeper = &actors[keeper].id;
            (
                format!(
                    "the alias '{}' of '{}' is the name of '{keeper}'",
                    name.name, raw.id
                ),
                format!(
                    "mentions of '{}' go to '{keeper}', whose name it is; remove this alias",
                    name.name
                ),
            )
        }
        None => {
            let mut ids: Vec<&str> = name.with.iter().map(|&a| actors[a].id.as_str()).collect();
            ids.push(&raw.id);
            ids.sort_unstable();
            let last = ids.pop().unwrap_or_default();
            (
                format!(
                    "'{}' is an alias of both '{}' and '{last}'",
                    name.name,
                    ids.join("', '")
                ),
                format!(
                    "mentions of '{}' link to neither; keep the alias on one of the two",
                    name.name
                ),
            )
        }
    };
    diagnostics.warning(&raw.file, span, message).hint = Some(hint);
}

/// Whether an alias is so short that it stands for common words more often than for
/// its actor: one character (`A`), or two with a lower-case letter (`on`, `Al`); an
/// acronym in capitals (`UN`, `EU`) is not.
fn is_short_word(alias: &str) -> bool {
    match alias.chars().count() {
        1 => true,
        2 => alias.chars().any(char::is_lowercase),
        _ => false,
    }
}

/// The words of three letters or more that every English or French text is full of:
/// an alias that is one of them links them all.
const COMMON_WORDS: [&str; 58] = [
    "the", "and", "for", "with", "from", "that", "this", "was", "were", "are", "has", "have",
    "had", "not", "but", "his", "her", "its", "their", "they", "she", "him", "who", "which", "les",
    "des", "une", "par", "pour", "dans", "sur", "qui", "que", "est", "sont", "avec", "pas", "plus",
    "mais", "aux", "son", "ses", "leur", "leurs", "elle", "ils", "nous", "vous", "été", "ont",
    "cette", "ces", "entre", "comme", "après", "avant", "selon", "sans",
];

/// The alias inside the curly quotation marks an editor puts for straight ones
/// (`“Niamey”`, `‘Niamey’`), which YAML keeps as part of the text. Guillemets are left
/// alone: a French text may well write a name inside them.
fn in_typographic_quotes(alias: &str) -> Option<&str> {
    const PAIRS: [(char, char); 3] = [
        ('\u{201c}', '\u{201d}'),
        ('\u{2018}', '\u{2019}'),
        ('\u{201d}', '\u{201d}'),
    ];
    PAIRS.iter().find_map(|&(open, close)| {
        let inner = alias.strip_prefix(open)?.strip_suffix(close)?.trim();
        (!inner.is_empty()).then_some(inner)
    })
}

/// Whether an alias is a word that texts are full of, whatever its case (`the`, `Les`).
fn is_common_word(alias: &str) -> bool {
    let lower = alias.to_lowercase();
    COMMON_WORDS.contains(&lower.as_str())
}

/// Warns, at the alias, that a very short alias, or a common word, links every such
/// word of the texts.
fn report_short_aliases(raw: &RawActor, diagnostics: &mut Diagnostics) {
    for alias in &raw.aliases {
        let word = alias.value.trim();
        if let Some(bare) = in_typographic_quotes(word) {
            let message = format!(
                "the alias '{word}' of '{}' keeps its quotation marks: only a text that \
                 writes them around it will match",
                raw.id
            );
            diagnostics.warning(&raw.file, alias.span, message).hint = Some(format!(
                "YAML quotes with straight marks only (an editor may have curled them): \
                 write \"{bare}\", or {bare} without quotes"
            ));
            continue;
        }
        let count = word.chars().count();
        let what = if is_short_word(word) {
            format!(
                "a word of {count} letter{}",
                if count == 1 { "" } else { "s" }
            )
        } else if is_common_word(word) {
            "a common word".to_string()
        } else {
            continue;
        };
        let message = format!(
            "the alias '{word}' of '{}' is {what}: every '{word}' in the sources will link to it",
            raw.id,
        );
        diagnostics.warning(&raw.file, alias.span, message).hint = Some(
            "write the alias as the texts name this actor, in full or as an acronym in \
             capitals"
                .to_string(),
        );
    }
}
