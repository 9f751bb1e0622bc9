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
    composed(text)
        .to_lowercase()
        .replace(['’', 'ʼ'], "'")
        .replace('.', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with its accents composed (NFC): a text saved on macOS or copied from a PDF
/// writes `é` as `e` and U+0301, which would end a word before the accent.
fn composed(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if text.is_ascii() || unicode_normalization::is_nfc(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// Abbreviations written with a full stop inside a name (`Mr. Smith`, `St. Louis`).
const ABBREVIATIONS: [&str; 16] = [
    "mr", "mrs", "ms", "dr", "st", "mt", "prof", "gen", "col", "lt", "capt", "gov", "sen", "jr",
    "mme", "me",
];

/// A word of a text: whether it starts a sentence, and whether a name ends with it (a
/// punctuation mark after it, or a possessive `'s`).
struct Word<'t> {
    text: &'t str,
    starts_sentence: bool,
    ends_name: bool,
}

/// Words of a text, without the punctuation around them and a possessive `'s`.
fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
        let bare = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("’s"))
            .unwrap_or(word);
        let possessive = bare.len() < word.len();
        let word = bare.trim_end_matches(['\'', '’']);
        // A full stop after an initial (`John F. Kennedy`) or an abbreviation ends nothing.
        let abbreviation = raw.ends_with('.')
            && (word.chars().count() == 1 || ABBREVIATIONS.contains(&word.to_lowercase().as_str()));
        let stop = raw.ends_with(['.', ',', ';', ':', '!', '?', '…', ')', ']', '»', '"', '”'])
            && !abbreviation;
        if !word.is_empty() && !raw.starts_with(['#', '@']) {
            out.push(Word {
                text: word,
                starts_sentence: sentence_start,
                ends_name: stop || possessive,
            });
        }
        sentence_start = (raw.ends_with(['.', '!', '?', ':', '…', '»', '"']) && !abbreviation)
            || raw.starts_with('—');
    }
    out
}

/// The runs of capitalised words of `text`.
fn runs(text: &str) -> Vec<String> {
    let words = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (word, start) = (words[i].text, words[i].starts_sentence);
        if !capitalised(word) {
            i += 1;
            continue;
        }
        let mut run = vec![word];
        let mut j = i + 1;
        while j < words.len() && !words[j - 1].ends_name {
            let next = words[j].text;
            if capitalised(next) {
                run.push(next);
                j += 1;
            } else if PARTICLES.contains(&next.to_lowercase().as_str())
                && !words[j].ends_name
                && words.get(j + 1).is_some_and(|w| capitalised(w.text))
            {
                run.push(next);
                run.push(words[j + 1].text);
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
            for name in runs(&composed(&paragraph.text)) {
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

    #[test]
    fn runs_stop_at_punctuation_and_possessives() {
        assert_eq!(
            runs("THE COURT: We are here. In Luxemburg. Nach Unterlagen sagt"),
            ["COURT", "Luxemburg", "Nach Unterlagen"]
        );
        assert_eq!(
            runs("the home of Minister O’Brien's brother, said Mr. Smith and John F. Kennedy"),
            ["Minister O’Brien", "Mr Smith", "John F Kennedy"]
        );
    }
}
