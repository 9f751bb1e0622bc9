//! Capitalised names and phrases in the sources that no actor's name or alias matches:
//! runs of capitalised words, joined by the particles of names (`de`, `du`, `of`…), a
//! lone capitalised word at the start of a sentence left out.

use std::collections::BTreeMap;

use crate::model::{CitationText, Date, Dossier, Language, Source};

/// A name that no actor matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The name as written.
    pub name: String,
    /// How many times it is written.
    pub count: usize,
    /// Where, the first few.
    pub citations: Vec<String>,
}

const PARTICLES: [&str; 14] = [
    "de", "du", "des", "la", "le", "d'", "d’", "of", "the", "al", "bin", "van", "von", "y",
];

/// Capitalised words that start sentences or name dates, never names on their own.
const COMMON: [&str; 62] = [
    "le",
    "la",
    "les",
    "l'",
    "l’",
    "un",
    "une",
    "des",
    "du",
    "de",
    "depuis",
    "selon",
    "mais",
    "et",
    "en",
    "au",
    "aux",
    "a",
    "à",
    "ce",
    "cette",
    "ces",
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "nous",
    "dans",
    "pour",
    "par",
    "sur",
    "avec",
    "après",
    "avant",
    "lors",
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "for",
    "but",
    "and",
    "since",
    "after",
    "before",
    "he",
    "she",
    "they",
    "we",
    "it",
    "this",
    "that",
    "these",
    "according",
    "as",
    "while",
    "when",
    "if",
    "i",
];

/// Whether a word names a month or a day of the week, in French or English.
fn is_calendar(word: &str) -> bool {
    let word = word.to_lowercase();
    super::dates::weekday_number(&word).is_some()
        || (1..=12).any(|m| {
            [Language::Fr, Language::En]
                .into_iter()
                .any(|l| Date::month_name(m, l).to_lowercase() == word)
        })
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

fn folded(text: &str) -> String {
    text.to_lowercase()
        .replace(['’', 'ʼ'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of a text with whether each starts a sentence.
fn words(text: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let word = word.trim_end_matches(['\'', '’']);
        if !word.is_empty() && !raw.starts_with(['#', '@']) {
            out.push((word, sentence_start));
        }
        sentence_start = raw.ends_with(['.', '!', '?', ':', '…', '»', '"']) || raw.starts_with('—');
    }
    out
}

/// The runs of capitalised words of `text`.
fn runs(text: &str) -> Vec<String> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (word, start) = words[i];
        if !capitalised(word) {
            i += 1;
            continue;
        }
        let mut run = vec![word];
        let mut j = i + 1;
        while j < words.len() {
            let (next, _) = words[j];
            if capitalised(next) {
                run.push(next);
                j += 1;
            } else if PARTICLES.contains(&next.to_lowercase().as_str())
                && words.get(j + 1).is_some_and(|(w, _)| capitalised(w))
            {
                run.push(next);
                run.push(words[j + 1].0);
                j += 2;
            } else {
                break;
            }
        }
        while run
            .first()
            .is_some_and(|w| COMMON.contains(&w.to_lowercase().as_str()) || is_calendar(w))
        {
            run.remove(0);
        }
        while run.last().is_some_and(|w| is_calendar(w)) {
            run.pop();
        }
        let lone_at_start = run.len() == 1 && start && run[0] == word;
        if !run.is_empty() && !lone_at_start {
            out.push(run.join(" "));
        }
        i = j;
    }
    out
}

/// The folded names and aliases of every actor.
fn known(dossier: &Dossier) -> Vec<String> {
    dossier
        .actors
        .iter()
        .flat_map(|a| std::iter::once(&a.name).chain(&a.aliases))
        .map(|n| folded(n))
        .collect()
}

fn is_known(name: &str, known: &[String]) -> bool {
    let name = folded(name);
    known.iter().any(|k| {
        *k == name
            || format!(" {k} ").contains(&format!(" {name} "))
            || format!(" {name} ").contains(&format!(" {k} "))
    })
}

/// The names in `sources` that no actor matches, most written first.
pub fn unknown_names(dossier: &Dossier, sources: &[&Source]) -> Vec<Candidate> {
    let known = known(dossier);
    let mut found: BTreeMap<String, Candidate> = BTreeMap::new();
    for source in sources {
        for paragraph in source.paragraphs.iter() {
            for name in runs(&paragraph.text) {
                if is_known(&name, &known) {
                    continue;
                }
                let citation = CitationText {
                    id: source.id.clone(),
                    paragraphs: Some((paragraph.number, paragraph.number)),
                }
                .to_string();
                let entry = found.entry(name.clone()).or_insert_with(|| Candidate {
                    name,
                    count: 0,
                    citations: Vec::new(),
                });
                entry.count += 1;
                if entry.citations.len() < 3 && !entry.citations.contains(&citation) {
                    entry.citations.push(citation);
                }
            }
        }
    }
    let mut out: Vec<Candidate> = found.into_values().collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    out
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn runs_join_particles_and_skip_sentence_starts() {
        assert_eq!(
            runs("Le secrétaire à la Défense Lloyd Austin a déclaré. Moscou attend."),
            ["Défense Lloyd Austin"]
        );
        assert_eq!(
            runs("près de l'aéroport Diori Hamani de Niamey"),
            ["Diori Hamani de Niamey"]
        );
        assert_eq!(runs("the Bank of England said"), ["Bank of England"]);
    }
}
