//! `dossier suggest`: reads the sources' texts and prints, as YAML ready to paste,
//! (a) the events their sentences date — each with the citation of its paragraph and the
//! sentence as a comment — and (b) the capitalised names that no actor's name or alias
//! matches, with their counts, as actor stubs. Nothing is written.
//!
//! Relative words ("jeudi", "hier", "le mois dernier", "last month") are counted from
//! the day of writing: the publication day, or, when the source is dated to the month
//! only, the latest full date its own text gives inside that month. Such dates are
//! marked `approximate`. A sentence that reports something ("selon…", "a déclaré",
//! "said") without a date of its own is dated to the publication, approximate too.

pub mod dates;
mod names;

use std::fmt::Write as _;

use dates::{Found, Reference};

use crate::model::{CitationText, Date, Dossier, Source, slugify};

/// A source id that the dossier does not have, with the nearest id it has, if any.
#[derive(Debug, thiserror::Error)]
#[error("no source has the id '{id}'{}", near.as_ref().map(|n| format!(" (did you mean '{n}'?)")).unwrap_or_default())]
pub struct UnknownSource {
    /// The id as given.
    pub id: String,
    /// The nearest source id of the dossier.
    pub near: Option<String>,
}

/// One suggested event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The date.
    pub date: Date,
    /// Whether it is inferred.
    pub approximate: bool,
    /// The citation of the paragraph.
    pub citation: String,
    /// The sentence it comes from.
    pub sentence: String,
    /// The words that gave the date, and how they were read.
    pub why: String,
}

/// Splits a paragraph into sentences (after `.`, `!`, `?` or `…` and a space).
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        let next_is_space = bytes.get(end).is_some_and(u8::is_ascii_whitespace);
        if matches!(c, '.' | '!' | '?' | '…') && next_is_space {
            out.push(text[start..end].trim());
            start = end;
        }
    }
    out.push(text[start..].trim());
    out.retain(|s| !s.is_empty());
    out
}

const REPORTING: [&str; 22] = [
    "selon ",
    "a déclaré",
    "ont déclaré",
    "a annoncé",
    "ont annoncé",
    "a indiqué",
    "ont indiqué",
    "a affirmé",
    "a précisé",
    "précise ",
    "a confirmé",
    "a dit",
    "according to",
    " said",
    " says",
    " announced",
    " stated",
    " told ",
    " confirmed",
    " reported",
    "a rapporté",
    "rapporte ",
];

fn reports(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    REPORTING.iter().any(|m| lower.contains(m))
}

/// The day relative words count from in `source`.
fn reference(source: &Source) -> Reference {
    let published = source.published;
    let day = if published.day.is_some() {
        Some(published)
    } else {
        source
            .paragraphs
            .iter()
            .flat_map(|p| dates::explicit_days(&p.text))
            .filter(|d| {
                d.first_day() >= published.first_day() && d.last_day() <= published.last_day()
            })
            .max()
    };
    Reference { published, day }
}

/// Words of `source` quoted as its language quotes them: « mardi » in French, “Tuesday”
/// otherwise.
fn quote(words: &str, source: &Source) -> String {
    if source.language.primary() == "fr" {
        format!("« {words} »")
    } else {
        format!("“{words}”")
    }
}

/// The suggested events of one source, in text order, one per date and paragraph.
pub fn events_of(source: &Source) -> Vec<Suggestion> {
    let reference = reference(source);
    let mut out: Vec<Suggestion> = Vec::new();
    for paragraph in source.paragraphs.iter() {
        let citation = CitationText {
            id: source.id.clone(),
            paragraphs: Some((paragraph.number, paragraph.number)),
        }
        .to_string();
        let mut undated_report = None;
        for sentence in sentences(&paragraph.text) {
            let found = dates::dates(sentence, &reference);
            if found.is_empty() && reports(sentence) && undated_report.is_none() {
                undated_report = Some(sentence);
            }
            for Found {
                date,
                words,
                inferred,
                approximate,
            } in found
            {
                let quoted = quote(&words, source);
                let why = match inferred {
                    Some(how) => format!("{quoted}: {how}"),
                    None => quoted,
                };
                push(
                    &mut out,
                    Suggestion {
                        date,
                        approximate,
                        citation: citation.clone(),
                        sentence: sentence.to_string(),
                        why,
                    },
                );
            }
        }
        if let Some(sentence) = undated_report {
            push(
                &mut out,
                Suggestion {
                    date: source.published,
                    approximate: true,
                    citation: citation.clone(),
                    sentence: sentence.to_string(),
                    why: format!(
                        "reported without a date: the publication date ({})",
                        source.published
                    ),
                },
            );
        }
    }
    out
}

fn push(out: &mut Vec<Suggestion>, s: Suggestion) {
    if !out
        .iter()
        .any(|o| o.date == s.date && o.citation == s.citation)
    {
        out.push(s);
    }
}

/// A title to start from: the sentence, cut at a word after about 90 characters.
fn title(sentence: &str) -> String {
    let limit = 90;
    if sentence.chars().count() <= limit {
        return sentence.trim_end_matches('.').to_string();
    }
    let cut: String = sentence.chars().take(limit).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", cut.trim_end_matches([',', ';', ':']))
}

fn quoted(value: &str) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "\"\"".into())
}

fn comment(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_events(out: &mut String, suggestions: &[Suggestion]) {
    out.push_str("# Events the texts date: paste into a file of content/events/, then\n");
    out.push_str("# rewrite each title and keep only what the sources support.\n");
    if suggestions.is_empty() {
        out.push_str("[]\n");
    }
    for s in suggestions {
        let _ = writeln!(out, "\n# {}: {}", s.citation, comment(&s.sentence));
        let _ = writeln!(out, "#   {}", comment(&s.why));
        let _ = writeln!(out, "- date: {}", s.date);
        if s.approximate {
            out.push_str("  approximate: true\n");
        }
        let _ = writeln!(out, "  title: {}", quoted(&title(&s.sentence)));
        let _ = writeln!(out, "  sources: [{}]", s.citation);
    }
}

fn write_actors(out: &mut String, names: &[names::Candidate]) {
    out.push_str("\n# Names no actor's name or alias matches: each stub is a file of its\n");
    out.push_str("# own (content/actors/ID.yaml), or the name is an alias to add.\n");
    for n in names {
        let id = slugify(&n.name, 80);
        let _ = writeln!(
            out,
            "#\n# content/actors/{id}.yaml — {} mention{} ({})",
            n.count,
            if n.count == 1 { "" } else { "s" },
            n.citations.join(", ")
        );
        let _ = writeln!(out, "#   name: {}", quoted(&n.name));
        out.push_str(
            "#   kind: other   # person, organization, state, group, media, place, other\n",
        );
    }
}

/// The YAML `dossier suggest` prints for the given source ids (every source when
/// none is given).
pub fn suggest(dossier: &Dossier, ids: &[String]) -> Result<String, UnknownSource> {
    let mut chosen = Vec::new();
    for id in ids {
        let source = dossier
            .sources
            .iter()
            .find(|s| &s.id == id)
            .ok_or_else(|| UnknownSource {
                id: id.clone(),
                near: crate::diagnostics::did_you_mean(
                    id,
                    dossier.sources.iter().map(|s| s.id.as_str()),
                )
                .map(str::to_owned),
            })?;
        chosen.push(source);
    }
    if ids.is_empty() {
        chosen.extend(dossier.sources.iter());
    }
    let events: Vec<Suggestion> = chosen.iter().flat_map(|s| events_of(s)).collect();
    let names = names::unknown_names(dossier, &chosen);
    let mut out = String::new();
    write_events(&mut out, &events);
    write_actors(&mut out, &names);
    Ok(out)
}
