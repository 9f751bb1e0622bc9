//! What goes into the briefing: which sections (`--sections`), and which events,
//! actors and sources its lists hold. A list holds everything when it is short (at most
//! [`WHOLE`] entries); beyond that, the chronology holds the key events and those the
//! key judgments rest on, the roster the actors of what the briefing shows, the source
//! list the sources its notes cite, and the page says how many it leaves out.

use std::str::FromStr;

use crate::model::{Dossier, Referrer, Target};

/// A list with at most this many entries is printed whole.
pub const WHOLE: usize = 60;

/// A section of the briefing, in the order of the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    /// The bottom line.
    Summary,
    /// The key judgments.
    Judgments,
    /// The chronology table and its timeline.
    Chronology,
    /// The actor roster and the relationship graph.
    Actors,
    /// The graded source list.
    Sources,
    /// The endnotes.
    Notes,
}

impl Section {
    /// Every section, in the order of the page.
    pub const ALL: [Section; 6] = [
        Section::Summary,
        Section::Judgments,
        Section::Chronology,
        Section::Actors,
        Section::Sources,
        Section::Notes,
    ];

    /// Its name on the command line and its anchor in the page.
    pub fn name(self) -> &'static str {
        match self {
            Section::Summary => "summary",
            Section::Judgments => "judgments",
            Section::Chronology => "chronology",
            Section::Actors => "actors",
            Section::Sources => "sources",
            Section::Notes => "notes",
        }
    }
}

/// The sections a briefing holds (all of them by default), always printed in the
/// order of the page whatever the order they were asked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sections(u8);

impl Default for Sections {
    fn default() -> Self {
        Self(0b11_1111)
    }
}

impl Sections {
    /// Whether `section` is in.
    pub fn has(self, section: Section) -> bool {
        self.0 & (1 << section as u8) != 0
    }
}

impl FromStr for Sections {
    type Err = String;

    /// Reads `summary,judgments,…`: any of the six names, in any order.
    fn from_str(text: &str) -> Result<Self, String> {
        let mut bits = 0u8;
        for word in text.split(',').map(str::trim).filter(|w| !w.is_empty()) {
            let section = Section::ALL
                .into_iter()
                .find(|s| s.name().eq_ignore_ascii_case(word))
                .ok_or_else(|| {
                    let names: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
                    let guess = crate::diagnostics::did_you_mean(word, names.iter().copied())
                        .map(|name| format!("did you mean `{name}`? "))
                        .unwrap_or_default();
                    format!(
                        "unknown section `{word}`: {guess}write some of {}",
                        names.join(",")
                    )
                })?;
            bits |= 1 << section as u8;
        }
        if bits == 0 {
            return Err("no section given: write e.g. summary,judgments".into());
        }
        Ok(Self(bits))
    }
}

/// The entries of the briefing's lists, and how many of each it leaves out.
#[derive(Debug)]
pub struct Selection {
    /// The sections.
    pub sections: Sections,
    /// The events of the chronology, in date order.
    pub events: Vec<usize>,
    /// Whether each event of the dossier is in the chronology.
    pub event_shown: Vec<bool>,
    /// The actors of the roster (in the dossier's order).
    pub actors: Vec<usize>,
    /// Whether each actor of the dossier is in the roster.
    pub actor_shown: Vec<bool>,
}

impl Selection {
    /// What a briefing of `d` with these sections holds.
    pub fn new(d: &Dossier, sections: Sections) -> Self {
        let mut event_shown = vec![false; d.events.len()];
        if sections.has(Section::Chronology) {
            if d.events.len() <= WHOLE {
                event_shown.fill(true);
            } else {
                mark_key_events(d, &mut event_shown);
            }
        }
        let mut actor_shown = vec![false; d.actors.len()];
        if sections.has(Section::Actors) {
            if d.actors.len() <= WHOLE {
                actor_shown.fill(true);
            } else {
                mark_actors_shown(d, sections, &event_shown, &mut actor_shown);
            }
        }
        let indexes = |shown: &[bool]| (0..shown.len()).filter(|&i| shown[i]).collect();
        Self {
            sections,
            events: indexes(&event_shown),
            actors: indexes(&actor_shown),
            event_shown,
            actor_shown,
        }
    }

    /// Whether a wiki-link or a picture may point at `target` inside the page.
    pub fn shows(&self, target: Target) -> bool {
        match target {
            Target::Event(e) => self.event_shown.get(e).copied().unwrap_or(false),
            Target::Actor(a) => self.actor_shown.get(a).copied().unwrap_or(false),
            Target::Source(_) => self.sections.has(Section::Sources),
        }
    }
}

/// Marks the key events, those a key judgment links to, and those resting on a passage
/// that a key judgment cites (the same source, overlapping paragraphs; a citation of a
/// whole source only matches the same citation).
fn mark_key_events(d: &Dossier, shown: &mut [bool]) {
    for (i, event) in d.events.iter().enumerate() {
        shown[i] = event.key;
    }
    let mut judged: Vec<(usize, Option<(u32, u32)>)> = Vec::new();
    for reference in &d.references {
        if !matches!(reference.from, Referrer::Judgment(_)) {
            continue;
        }
        match reference.to {
            Target::Event(e) => shown[e] = true,
            Target::Source(s) => judged.push((s, reference.paragraphs)),
            Target::Actor(_) => {}
        }
    }
    judged.sort_unstable();
    judged.dedup();
    for (i, event) in d.events.iter().enumerate() {
        shown[i] |= event.sources.iter().any(|c| {
            let from = judged.partition_point(|&(s, _)| s < c.source);
            judged[from..]
                .iter()
                .take_while(|&&(s, _)| s == c.source)
                .any(|&(_, p)| overlap(p, c.paragraphs))
        });
    }
}

/// Whether two cited passages of one source share a paragraph.
fn overlap(a: Option<(u32, u32)>, b: Option<(u32, u32)>) -> bool {
    match (a, b) {
        (Some((a1, a2)), Some((b1, b2))) => a1 <= b2 && b1 <= a2,
        (None, None) => true,
        _ => false,
    }
}

/// Marks the actors of the events shown, and those the summary and the key judgments
/// link to.
fn mark_actors_shown(d: &Dossier, sections: Sections, events: &[bool], shown: &mut [bool]) {
    for (event, _) in d.events.iter().zip(events).filter(|(_, on)| **on) {
        for &a in event.actors.iter().chain(&event.place) {
            shown[a] = true;
        }
    }
    for reference in &d.references {
        let from_text = match reference.from {
            Referrer::Dossier => sections.has(Section::Summary),
            Referrer::Judgment(_) => sections.has(Section::Judgments),
            Referrer::Event(e) => events[e],
            _ => false,
        };
        if let (true, Target::Actor(a)) = (from_text, reference.to) {
            shown[a] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_parse_in_any_order_and_name_the_unknown() {
        let some: Sections = "notes, summary".parse().expect("valid");
        assert!(some.has(Section::Summary) && some.has(Section::Notes));
        assert!(!some.has(Section::Judgments));
        let error = "summary,judgement"
            .parse::<Sections>()
            .expect_err("unknown");
        assert!(error.contains("unknown section `judgement`"), "{error}");
        assert!(error.contains("did you mean `judgments`?"), "{error}");
        assert!(error.contains("summary,judgments,chronology,actors,sources,notes"));
        assert!("".parse::<Sections>().is_err());
        assert!(Section::ALL.iter().all(|&s| Sections::default().has(s)));
    }

    #[test]
    fn passages_overlap_by_paragraph() {
        assert!(overlap(Some((4, 6)), Some((6, 9))));
        assert!(!overlap(Some((4, 6)), Some((7, 9))));
        assert!(overlap(None, None));
        assert!(!overlap(None, Some((1, 1))));
    }
}
