//! The one mention-matching rule: an actor's name or alias, as a whole word, longest
//! match first, never inside code or an existing link; an alias written in lower case
//! also matches with a capital first letter.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::scan::TextRun;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

/// A mention found in a body, before it is tied to a source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Numbered block holding it; `None` in a heading, a table or a footnote.
    pub paragraph: Option<u32>,
    /// Bytes of the matched text in the body.
    pub range: Range<usize>,
    /// The actor, as the index given to [`MentionMatcher::new`].
    pub actor: usize,
}

/// The same name claimed by two actors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedName {
    /// The name.
    pub name: String,
    /// The actor that keeps it (first in order).
    pub kept_by: usize,
    /// The actor that also claims it.
    pub also: usize,
}

/// Finds the names of every actor in text.
pub struct MentionMatcher {
    automaton: Option<AhoCorasick>,
    actor_of_pattern: Vec<usize>,
}

impl MentionMatcher {
    /// Builds the matcher from each actor's names (display name then aliases).
    /// Also returns the names that two actors share; the first actor keeps them.
    pub fn new<'a>(
        names: impl IntoIterator<Item = (usize, Vec<&'a str>)>,
    ) -> (Self, Vec<SharedName>) {
        let mut owner: BTreeMap<String, usize> = BTreeMap::new();
        let mut shared = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut actor_of_pattern = Vec::new();
        for (actor, actor_names) in names {
            for name in actor_names {
                let name = name.trim();
                if name.is_empty() {
                    continue;
                }
                for variant in variants(name) {
                    match owner.get(&variant) {
                        Some(&kept_by) if kept_by != actor => {
                            if variant == name {
                                shared.push(SharedName {
                                    name: variant.clone(),
                                    kept_by,
                                    also: actor,
                                });
                            }
                        }
                        Some(_) => {}
                        None => {
                            owner.insert(variant.clone(), actor);
                            patterns.push(variant);
                            actor_of_pattern.push(actor);
                        }
                    }
                }
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            AhoCorasick::builder()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .ok()
        };
        (
            Self {
                automaton,
                actor_of_pattern,
            },
            shared,
        )
    }

    /// Every mention in a piece of plain text: whole words, leftmost first, and among
    /// matches starting at the same place the longest.
    pub fn find_in_text(&self, text: &str) -> Vec<(Range<usize>, usize)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let mut candidates: Vec<(usize, usize, usize)> = automaton
            .find_overlapping_iter(text)
            .filter(|m| is_whole_word(text, m.start(), m.end()))
            .map(|m| {
                (
                    m.start(),
                    m.end(),
                    self.actor_of_pattern[m.pattern().as_usize()],
                )
            })
            .collect();
        candidates.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut chosen = Vec::new();
        let mut covered_to = 0;
        for (start, end, actor) in candidates {
            if start >= covered_to {
                chosen.push((start..end, actor));
                covered_to = end;
            }
        }
        chosen
    }

    /// Every mention in a Markdown body, outside code and links, with the numbered block
    /// that holds it.
    pub fn find_in_body(&self, body: &str) -> Vec<Found> {
        self.find_in_runs(body, &crate::scan::body(body).runs)
    }

    /// Every mention in the runs of text of a body that [`crate::scan::body`] found.
    pub fn find_in_runs(&self, body: &str, runs: &[TextRun]) -> Vec<Found> {
        let mut found = Vec::new();
        if self.automaton.is_none() {
            return found;
        }
        for run in runs {
            let Some(text) = body.get(run.range.clone()) else {
                continue;
            };
            for (within, actor) in self.find_in_text(text) {
                found.push(Found {
                    paragraph: run.paragraph,
                    range: run.range.start + within.start..run.range.start + within.end,
                    actor,
                });
            }
        }
        found
    }
}

/// The forms a name matches in: itself, and with a capital first letter when it is
/// written in lower case.
fn variants(name: &str) -> Vec<String> {
    let mut forms = vec![name.to_string()];
    let mut chars = name.chars();
    if let Some(first) = chars.next()
        && first.is_lowercase()
    {
        let capitalised: String = first.to_uppercase().chain(chars).collect();
        if capitalised != name {
            forms.push(capitalised);
        }
    }
    forms
}

fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// A listing of every mention, actor by actor: the matched text, where it is, and the
/// words around it, for an analyst checking that aliases match what they should.
pub fn listing(dossier: &crate::model::Dossier) -> String {
    use std::fmt::Write;
    let mut by_actor: Vec<Vec<&crate::model::Mention>> = vec![Vec::new(); dossier.actors.len()];
    for mention in &dossier.mentions {
        by_actor[mention.actor].push(mention);
    }
    let mut out = String::new();
    for (actor, mentions) in dossier.actors.iter().zip(by_actor) {
        let _ = writeln!(
            out,
            "{} ({}): {} mention{}",
            actor.name,
            actor.id,
            mentions.len(),
            if mentions.len() == 1 { "" } else { "s" }
        );
        for mention in mentions {
            let source = &dossier.sources[mention.source];
            let body = &source.body;
            let before = context(&body[..mention.range.start], true);
            let after = context(&body[mention.range.end..], false);
            let paragraph = mention.paragraph.map_or_else(String::new, |p| {
                format!("#{}", crate::paragraphs::anchor(p))
            });
            let _ = writeln!(
                out,
                "  {}{paragraph}: …{before}[{}]{after}…",
                source.id,
                &body[mention.range.clone()]
            );
        }
    }
    out
}

/// Up to 30 characters of text next to a mention, on one line.
fn context(text: &str, before: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let taken: String = if before {
        chars[chars.len().saturating_sub(30)..].iter().collect()
    } else {
        chars[..chars.len().min(30)].iter().collect()
    };
    taken.replace(['\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(actors: &[&[&'static str]]) -> MentionMatcher {
        MentionMatcher::new(
            actors
                .iter()
                .enumerate()
                .map(|(i, names)| (i, names.to_vec())),
        )
        .0
    }

    fn words<'a>(m: &MentionMatcher, text: &'a str) -> Vec<(&'a str, usize)> {
        m.find_in_text(text)
            .into_iter()
            .map(|(r, a)| (&text[r], a))
            .collect()
    }

    #[test]
    fn longest_match_wins() {
        let m = matcher(&[&["Mohamed Bazoum"], &["Bazoum"]]);
        assert_eq!(
            words(&m, "le président Mohamed Bazoum et Bazoum"),
            [("Mohamed Bazoum", 0), ("Bazoum", 1)]
        );
    }

    #[test]
    fn whole_words_only_with_french_punctuation() {
        let m = matcher(&[&["Niger"], &["armée"], &["Hawaï"], &["Niamey"]]);
        assert_eq!(
            words(
                &m,
                "Au Nigeria, nigérien, l'armée d'Hawaï, à Niamey, Niger."
            ),
            [("armée", 1), ("Hawaï", 2), ("Niamey", 3), ("Niger", 0)]
        );
        assert_eq!(words(&m, "l’armée"), [("armée", 1)]);
    }

    #[test]
    fn a_failed_longer_match_does_not_hide_a_shorter_one() {
        let m = matcher(&[&["Mohamed"], &["Mohamed Bazoumi"]]);
        assert_eq!(words(&m, "Mohamed Bazoumx"), [("Mohamed", 0)]);
    }

    #[test]
    fn lower_case_alias_matches_capitalised_but_not_the_reverse() {
        let m = matcher(&[&["russes"], &["Washington"]]);
        assert_eq!(
            words(&m, "Russes et russes"),
            [("Russes", 0), ("russes", 0)]
        );
        assert!(words(&m, "washington").is_empty());
        assert!(words(&m, "RUSSES").is_empty());
    }

    #[test]
    fn nothing_inside_code_or_links() {
        let m = matcher(&[&["Niger"]]);
        let body = "Niger `Niger` [Niger](https://x.org) [[niger|Niger]]\n\n```\nNiger\n```\n\nAu Niger.\n";
        let found = m.find_in_body(body);
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].paragraph, Some(1));
        assert_eq!(&body[found[1].range.clone()], "Niger");
        assert_eq!(found[1].paragraph, Some(2));
    }

    #[test]
    fn shared_names_are_reported() {
        let (_, shared) =
            MentionMatcher::new([(0, vec!["Moscou"]), (1, vec!["Moscou", "Kremlin"])]);
        assert_eq!(
            shared,
            [SharedName {
                name: "Moscou".into(),
                kept_by: 0,
                also: 1
            }]
        );
    }
}
