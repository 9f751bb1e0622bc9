//! The one mention-matching rule: an actor's name or alias, as a whole word, longest
//! match first, never inside code or an existing link; an alias written in lower case
//! also matches with a capital first letter. The apostrophes `'` `’` `ʼ` count as one
//! character, and any run of spaces, no-break spaces and line breaks as one space;
//! accents match whether composed or not (`é` or `e` + U+0301, as macOS and PDFs write
//! them), the ligatures of PDFs (`ﬁ`) as their letters, and the invisible characters
//! of copied text (soft hyphen, zero-width space and joiners) as nothing, and an HTML
//! entity (`&nbsp;`, `&eacute;`, `&#8217;`) as the character it stands for. The ranges
//! found are those of the text as written.

mod form;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::scan::TextRun;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use form::{is_gap, is_whole_word, needs_normalizing, normalized, original};

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
    /// The name, as the actor `also` wrote it.
    pub name: String,
    /// The actor whose own `name` it is, which keeps it; `None` when it is an alias of
    /// several actors, and then mentions of it go to none of them.
    pub kept_by: Option<usize>,
    /// An actor that has it as an alias (or as its name, when other actors have it as
    /// theirs), and does not get it.
    pub also: usize,
    /// `also` has it as its own name, not as an alias.
    pub as_name: bool,
    /// The other actors that claim it.
    pub with: Vec<usize>,
}

/// One actor's claim on a name, in the form it is matched in.
struct Claim<'a> {
    actor: usize,
    /// The actor's display name (not an alias).
    is_name: bool,
    /// The name as written.
    written: &'a str,
    /// The form as written, not the capitalised one.
    exact: bool,
}

/// Finds the names of every actor in text.
pub struct MentionMatcher {
    automaton: Option<AhoCorasick>,
    actor_of_pattern: Vec<usize>,
}

impl MentionMatcher {
    /// Builds the matcher from each actor's names (display name then aliases).
    /// An actor's own name wins over another's alias; a name or alias of several actors
    /// otherwise goes to none. Also returns the names so taken away.
    pub fn new<'a>(
        names: impl IntoIterator<Item = (usize, Vec<&'a str>)>,
    ) -> (Self, Vec<SharedName>) {
        let mut claims: BTreeMap<String, Vec<Claim<'a>>> = BTreeMap::new();
        for (actor, actor_names) in names {
            for (index, name) in actor_names.into_iter().enumerate() {
                let name = name.trim();
                if name.is_empty() {
                    continue;
                }
                let matched = normalized(name).0;
                for (k, variant) in variants(&matched).into_iter().enumerate() {
                    let claimed = claims.entry(variant).or_default();
                    match claimed.iter_mut().find(|c| c.actor == actor) {
                        Some(claim) => claim.is_name |= index == 0,
                        None => claimed.push(Claim {
                            actor,
                            is_name: index == 0,
                            written: name,
                            exact: k == 0,
                        }),
                    }
                }
            }
        }
        let mut shared = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut actor_of_pattern = Vec::new();
        for (variant, claimed) in claims {
            let owner = match claimed.as_slice() {
                [only] => Some(only.actor),
                _ => {
                    let mut own = claimed.iter().filter(|c| c.is_name);
                    match (own.next(), own.next()) {
                        (Some(one), None) => Some(one.actor),
                        _ => None,
                    }
                }
            };
            if let Some(owner) = owner {
                patterns.push(variant);
                actor_of_pattern.push(owner);
            }
            for claim in &claimed {
                if Some(claim.actor) != owner && claim.exact {
                    let with = claimed.iter().map(|c| c.actor);
                    shared.push(SharedName {
                        name: claim.written.to_string(),
                        kept_by: owner,
                        also: claim.actor,
                        as_name: claim.is_name,
                        with: with.filter(|&a| a != claim.actor).collect(),
                    });
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
        if self.automaton.is_none() {
            return Vec::new();
        }
        if !needs_normalizing(text) {
            return self.find_in_normal(text);
        }
        let (normal, marks) = normalized(text);
        let found = self.find_in_normal(&normal);
        found
            .into_iter()
            .filter_map(|(range, actor)| {
                let start = original(&marks, range.start);
                let end = original(&marks, range.end);
                let whole = text.is_char_boundary(start) && text.is_char_boundary(end);
                (whole && start < end).then_some((start..end, actor))
            })
            .collect()
    }

    /// [`Self::find_in_text`] on text already in its matching form.
    fn find_in_normal(&self, text: &str) -> Vec<(Range<usize>, usize)> {
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
        let mut at = 0;
        while at < runs.len() {
            // Runs of one block parted only by a line break are read as one text, so
            // that a name split across two lines of the Markdown is found.
            let first = &runs[at];
            let mut end = first.range.end;
            at += 1;
            while let Some(next) = runs.get(at) {
                let gap = body.get(end..next.range.start).unwrap_or("x");
                if next.paragraph != first.paragraph || !is_gap(gap) {
                    break;
                }
                end = next.range.end;
                at += 1;
            }
            let start = first.range.start;
            let Some(text) = body.get(start..end) else {
                continue;
            };
            for (within, actor) in self.find_in_text(text) {
                found.push(Found {
                    paragraph: first.paragraph,
                    range: start + within.start..start + within.end,
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
                one_line(&body[mention.range.clone()])
            );
        }
    }
    out
}

/// Up to 30 characters of text next to a mention, on one line, within its paragraph.
fn context(text: &str, before: bool) -> String {
    // Not past the blank line that ends the paragraph.
    let text = if before {
        ["\n\n", "\n\r\n"]
            .iter()
            .filter_map(|gap| text.rfind(gap).map(|at| &text[at + gap.len()..]))
            .min_by_key(|rest| rest.len())
            .unwrap_or(text)
    } else {
        ["\n\n", "\r\n\r\n"]
            .iter()
            .filter_map(|gap| text.find(gap).map(|at| &text[..at]))
            .min_by_key(|part| part.len())
            .unwrap_or(text)
    };
    let taken: String = if before {
        let mut last: Vec<char> = text.chars().rev().take(30).collect();
        last.reverse();
        last.into_iter().collect()
    } else {
        text.chars().take(30).collect()
    };
    one_line(&taken)
}

/// `text` with its line breaks as spaces (a mention may run over two lines of the
/// Markdown: `Liam⏎O’Brien`), and a CRLF as one space.
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\n', '\r'], " ")
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
    fn a_name_of_two_actors_goes_to_neither() {
        let (m, shared) =
            MentionMatcher::new([(0, vec!["John Smith"]), (1, vec!["John Smith", "J. Smith"])]);
        assert_eq!(words(&m, "John Smith met J. Smith"), [("J. Smith", 1)]);
        let claims: Vec<_> = shared
            .iter()
            .map(|s| {
                (
                    s.name.as_str(),
                    s.kept_by,
                    s.also,
                    s.as_name,
                    s.with.clone(),
                )
            })
            .collect();
        assert_eq!(
            claims,
            [
                ("John Smith", None, 0, true, vec![1]),
                ("John Smith", None, 1, true, vec![0])
            ]
        );
    }

    #[test]
    fn an_own_name_wins_and_a_shared_alias_goes_to_neither() {
        let (m, shared) = MentionMatcher::new([
            (0, vec!["Base 201", "Niger"]),
            (1, vec!["Niger"]),
            (2, vec!["Moscou", "Kremlin"]),
            (3, vec!["Russie", "Kremlin"]),
        ]);
        assert_eq!(
            words(&m, "Niger, Kremlin, Moscou"),
            [("Niger", 1), ("Moscou", 2)]
        );
        assert_eq!(
            shared,
            [
                SharedName {
                    name: "Kremlin".into(),
                    kept_by: None,
                    also: 2,
                    as_name: false,
                    with: vec![3]
                },
                SharedName {
                    name: "Kremlin".into(),
                    kept_by: None,
                    also: 3,
                    as_name: false,
                    with: vec![2]
                },
                SharedName {
                    name: "Niger".into(),
                    kept_by: Some(1),
                    also: 0,
                    as_name: false,
                    with: vec![1]
                },
            ]
        );
    }

    #[test]
    fn apostrophes_and_spaces_match_as_one_with_offsets_of_the_text() {
        let m = matcher(&[&["Afrique de l'Ouest"], &["Riverside Bridge"]]);
        let text = "En Afrique de\u{a0}l\u{2019}Ouest, le Riverside\n  Bridge.";
        let found = words(&m, text);
        assert_eq!(
            found,
            [
                ("Afrique de\u{a0}l\u{2019}Ouest", 0),
                ("Riverside\n  Bridge", 1)
            ]
        );
        let body = "The Riverside\nBridge and l'Ouest.\n";
        let found = m.find_in_body(body);
        assert_eq!(found.len(), 1);
        assert_eq!(&body[found[0].range.clone()], "Riverside\nBridge");
    }

    #[test]
    fn accents_ligatures_and_invisible_characters_of_copied_text() {
        let m = matcher(&[
            &["Bénin"],
            &["Sofiane Diallo"],
            &["Abdourahamane Tiani", "Tiani"],
        ]);
        let text = "Be\u{301}nin, So\u{fb01}ane Diallo, Ab\u{ad}dou\u{ad}ra\u{ad}ha\u{ad}mane Ti\u{200b}ani.";
        assert_eq!(
            words(&m, text),
            [
                ("Be\u{301}nin", 0),
                ("So\u{fb01}ane Diallo", 1),
                ("Ab\u{ad}dou\u{ad}ra\u{ad}ha\u{ad}mane Ti\u{200b}ani", 2)
            ]
        );
        let decomposed = matcher(&[&["Be\u{301}nin"]]);
        assert_eq!(words(&decomposed, "au Bénin."), [("Bénin", 0)]);
        assert!(words(&m, "Bénine, Benin\u{301}").is_empty());
    }

    #[test]
    fn html_entities_in_names() {
        let m = matcher(&[&["General Tiani"], &["Bénin"], &["N'Djamena"], &["AT&T"]]);
        let text = "General&nbsp;Tiani, B&eacute;nin, N&rsquo;Djamena, AT&amp;T, B&#233;nin";
        assert_eq!(
            words(&m, text),
            [
                ("General&nbsp;Tiani", 0),
                ("B&eacute;nin", 1),
                ("N&rsquo;Djamena", 2),
                ("AT&amp;T", 3),
                ("B&#233;nin", 1)
            ]
        );
        assert!(words(&m, "B&eacutenin &unknown; General&#0;Tiani").is_empty());
    }
}
