//! The words of the interface, one file per language ([`fr`], [`en`]): the site's labels
//! (read by templates as `l.NAME`), the briefing's (`b.NAME`), the pictures' phrases, the
//! names of the model's fixed values, and numbers and date ranges written the way each
//! language writes them.

mod en;
mod fr;

use serde::Serialize;

use crate::model::{ActorKind, Confidence, Credibility, Date, Language, Reliability, SourceKind};

/// Every label a template shows. Templates read them as `l.NAME`.
#[derive(Debug, Serialize)]
pub struct Labels {
    /// `fr` or `en`, for `<html lang>`.
    pub lang: &'static str,
    /// "Skip to content".
    pub skip: &'static str,
    /// "Home".
    pub home: &'static str,
    /// "Sources".
    pub sources: &'static str,
    /// "Actors".
    pub actors: &'static str,
    /// "Chronology".
    pub chronology: &'static str,
    /// "Tags".
    pub tags: &'static str,
    /// "Search".
    pub search: &'static str,
    /// Placeholder of the search box.
    pub search_placeholder: &'static str,
    /// "Main navigation".
    pub navigation: &'static str,
    /// "Summary".
    pub summary: &'static str,
    /// "Key judgments".
    pub key_judgments: &'static str,
    /// "Confidence".
    pub confidence: &'static str,
    /// "Latest events".
    pub latest_events: &'static str,
    /// "In this dossier".
    pub counts: &'static str,
    /// "Events".
    pub events: &'static str,
    /// "Mentions".
    pub mentions: &'static str,
    /// "Paragraphs".
    pub paragraphs: &'static str,
    /// "Date".
    pub date: &'static str,
    /// "Outlet".
    pub outlet: &'static str,
    /// "Author".
    pub author: &'static str,
    /// "Title".
    pub title: &'static str,
    /// "Kind".
    pub kind: &'static str,
    /// "Grade".
    pub grade: &'static str,
    /// "Language".
    pub language: &'static str,
    /// "Original".
    pub original: &'static str,
    /// "Published".
    pub published: &'static str,
    /// "Analyst's note".
    pub note: &'static str,
    /// "Text".
    pub text: &'static str,
    /// "Cited by".
    pub cited_by: &'static str,
    /// "Cited as a whole by".
    pub cited_whole: &'static str,
    /// "Actors mentioned".
    pub actors_mentioned: &'static str,
    /// "Aliases".
    pub aliases: &'static str,
    /// "Roles".
    pub roles: &'static str,
    /// "Relations".
    pub relations: &'static str,
    /// "Relations from other actors".
    pub relations_in: &'static str,
    /// "Sources" (of a relation, event…).
    pub evidence: &'static str,
    /// "Mentions in the sources".
    pub mentions_in_sources: &'static str,
    /// "What links here".
    pub links_here: &'static str,
    /// "Links".
    pub links: &'static str,
    /// "Place".
    pub place: &'static str,
    /// "Relationship graph".
    pub graph: &'static str,
    /// "Timeline".
    pub timeline: &'static str,
    /// Heading for events dated to the year only.
    pub during_year: &'static str,
    /// "Page not found".
    pub not_found: &'static str,
    /// Text of the 404 page.
    pub not_found_text: &'static str,
    /// Text shown when search needs JavaScript.
    pub search_needs_js: &'static str,
    /// "No result".
    pub no_result: &'static str,
    /// The name of the links between the pages of a list repeated under it, told from
    /// those above it.
    pub pages_bottom: &'static str,
    /// Under the pager of a list in pages: what sorting a column of the table orders.
    pub sort_page_only: &'static str,
    /// Said by search for a query of single letters, which it does not look for.
    pub search_short: &'static str,
    /// "No result", when a word of the query has two letters (looked for whole).
    pub no_result_short: &'static str,
    /// "results".
    pub results: &'static str,
    /// "Authors".
    pub authors: &'static str,
    /// "Updated".
    pub updated: &'static str,
    /// "Key judgment".
    pub judgment: &'static str,
    /// "Everything tagged".
    pub tagged: &'static str,
    /// "Paragraph".
    pub paragraph: &'static str,
    /// "Nothing yet".
    pub none: &'static str,
    /// "Whole dossier data (JSON)".
    pub data: &'static str,
    /// "Exports" (the data for other tools).
    pub exports: &'static str,
    /// "Feed".
    pub feed: &'static str,
    /// "Sort by this column".
    pub sort: &'static str,
    /// "Footnotes".
    pub footnotes: &'static str,
    /// "since".
    pub since: &'static str,
    /// "until".
    pub until: &'static str,
    /// "Previous" (page of a split list).
    pub previous: &'static str,
    /// "Next" (page of a split list).
    pub next: &'static str,
    /// "Pages" (navigation between the pages of a split list).
    pub pages: &'static str,
    /// "of" (role of an actor).
    pub of: &'static str,
    /// "Summary of the dossier" (referrer).
    pub dossier_summary: &'static str,
    /// "continued": after the heading of a list carried over from the page before.
    pub continued: &'static str,
    /// "mention" (singular).
    pub mention_one: &'static str,
    /// "mentions" (plural).
    pub mention_many: &'static str,
    /// After a count of mentions when only some are quoted: `20 shown`.
    pub mentions_shown: &'static str,
    /// "Back to the text".
    pub back: &'static str,
    /// A colon as the language writes it after a label (` :` in French).
    pub colon: &'static str,
    /// "event", after a count of one.
    pub event_one: &'static str,
    /// "source", after a count of one.
    pub source_one: &'static str,
    /// "actor", after a count of one.
    pub actor_one: &'static str,
    /// "result", after a count of one.
    pub result_one: &'static str,
    /// The mark of a claim resting on one independent source: "single source".
    pub single_source: &'static str,
    /// What the mark means: "rests on a single independent source".
    pub single_source_note: &'static str,
    /// The mark of a claim that cites nothing: "unsourced".
    pub no_source: &'static str,
    /// What it means: "cites no source".
    pub no_source_note: &'static str,
    /// "source cited", after a count of one.
    pub source_cited: &'static str,
    /// "sources cited", after a count of several.
    pub sources_cited: &'static str,
    /// "Fingerprint (SHA-256)": of a source's text.
    pub fingerprint: &'static str,
    /// Beside a fingerprint that the front matter records: "matches the one recorded at
    /// capture".
    pub fingerprint_recorded: &'static str,
    /// "Relays": the sources a source is derived from (relays or reprints).
    pub derived_from: &'static str,
    /// "Relayed by": the sources derived from a source.
    pub relayed_by: &'static str,
    /// The briefing, as the navigation names it.
    pub briefing: &'static str,
    /// "Back to the site", from the briefing.
    pub back_to_site: &'static str,
    /// "From", heading the column of the actor holding a relation.
    pub relation_from: &'static str,
    /// "Relation", heading the column of its kind.
    pub relation: &'static str,
    /// "To", heading the column of the actor it points at.
    pub relation_to: &'static str,
    /// Before the file that holds every item of a list cut short: "all in".
    pub all_in: &'static str,
    /// After the count of relations a long table leaves out: where they are.
    pub relations_elsewhere: &'static str,
    /// Under a relations table too long to cite its sources: where they are.
    pub relations_uncited: &'static str,
    /// Where a mention outside the numbered paragraphs is: "in a heading".
    pub in_heading: &'static str,
    /// "in a table".
    pub in_table: &'static str,
    /// "in a footnote".
    pub in_footnote: &'static str,
    /// What the `#` link beside an event's title is, for screen readers: "permalink".
    pub permalink: &'static str,
}

/// Words of the briefing.
#[derive(Debug, Serialize)]
pub struct BriefingLabels {
    /// What the document is ("Briefing").
    pub briefing: &'static str,
    /// "Contents".
    pub contents: &'static str,
    /// "Event".
    pub event: &'static str,
    /// "Actor roster".
    pub roster: &'static str,
    /// "Name".
    pub name: &'static str,
    /// "Description".
    pub description: &'static str,
    /// "Sources" as the title of the source list.
    pub source_list: &'static str,
    /// "Address".
    pub address: &'static str,
    /// "Notes" as the title of the endnotes.
    pub notes: &'static str,
    /// "No outlet given".
    pub no_outlet: &'static str,
    /// "ungraded".
    pub ungraded: &'static str,
    /// Explains the grade of the source list.
    pub grade_legend: &'static str,
    /// Explains the note numbers.
    pub notes_legend: &'static str,
    /// "Page".
    pub page: &'static str,
    /// What the chronology leaves out and where it is (`{shown}`, `{total}`, `{left}`,
    /// `{where}` are filled in).
    pub events_left_out: &'static str,
    /// What the roster leaves out and where it is.
    pub actors_left_out: &'static str,
    /// What the source list leaves out and where it is.
    pub sources_left_out: &'static str,
    /// An opening quotation mark, with its space.
    pub open_quote: &'static str,
    /// A closing quotation mark, with its space.
    pub close_quote: &'static str,
}

/// The fixed phrases the pictures write themselves (titles, legend, notes).
pub struct PictureWords {
    /// Title of the whole graph.
    pub graph_title: &'static str,
    /// Title of a neighbourhood graph, before the actor's name.
    pub graph_of: &'static str,
    /// Legend: a relation that has ended.
    pub ended: &'static str,
    /// Legend: a relation that reads one way.
    pub directed: &'static str,
    /// Title of the timeline.
    pub timeline_title: &'static str,
    /// Legend: a date known to the day.
    pub day: &'static str,
    /// Legend: a date known to the month or the year only.
    pub imprecise: &'static str,
    /// Legend: an approximate date.
    pub approximate: &'static str,
    /// Legend: a period.
    pub period: &'static str,
    /// Note when the timeline counts events by month: `{count}`.
    pub by_month: &'static str,
    /// Note when the timeline counts events by year: `{count}`.
    pub by_year: &'static str,
    /// "events", after a number.
    pub events: &'static str,
    /// "event", after 1.
    pub event: &'static str,
    /// "actors", after a number.
    pub actors: &'static str,
    /// "relations", after a number.
    pub relations: &'static str,
    /// "since".
    pub since: &'static str,
    /// "until".
    pub until: &'static str,
    /// Note when only the most connected actors are drawn: `{shown}`, `{total}`.
    pub capped: &'static str,
}

/// Everything the interface says in one language.
struct Vocabulary {
    site: Labels,
    briefing: BriefingLabels,
    pictures: PictureWords,
    /// Before an approximate date, with its space.
    approximately: &'static str,
    /// Before an approximate date given to the day (`vers le`), with its space.
    approximately_day: &'static str,
    /// Between groups of three digits.
    thousands: &'static str,
    source_kind: fn(SourceKind) -> &'static str,
    actor_kind: fn(ActorKind) -> &'static str,
    actor_kinds: fn(ActorKind) -> &'static str,
    confidence: fn(Confidence) -> &'static str,
    reliability: fn(Reliability) -> &'static str,
    credibility: fn(Credibility) -> &'static str,
    /// What cites a paragraph, by kind: singular and plural.
    citing: fn(Citing) -> (&'static str, &'static str),
}

fn vocabulary(language: Language) -> &'static Vocabulary {
    match language {
        Language::Fr => &fr::WORDS,
        Language::En => &en::WORDS,
    }
}

/// The site's labels in a language.
pub fn site(language: Language) -> &'static Labels {
    &vocabulary(language).site
}

/// The briefing's words in a language.
pub fn briefing(language: Language) -> &'static BriefingLabels {
    &vocabulary(language).briefing
}

/// The pictures' phrases in a language.
pub fn pictures(language: Language) -> &'static PictureWords {
    &vocabulary(language).pictures
}

/// The name of a kind of source.
pub fn source_kind(kind: SourceKind, language: Language) -> &'static str {
    (vocabulary(language).source_kind)(kind)
}

/// The heading of a group of actors of one kind, in the plural.
pub fn actor_kinds(kind: ActorKind, language: Language) -> &'static str {
    (vocabulary(language).actor_kinds)(kind)
}

/// The name of one kind of actor.
pub fn actor_kind(kind: ActorKind, language: Language) -> &'static str {
    (vocabulary(language).actor_kind)(kind)
}

/// A confidence level in words.
pub fn confidence(level: Confidence, language: Language) -> &'static str {
    (vocabulary(language).confidence)(level)
}

/// The word of a closed set of the content format that an interface word names, in
/// either language, accents and case aside: "élevée" → `high`, "lieu" → `place`,
/// "réseau social" → `social-post`, "français" → `fr`. For the hint of a value written
/// as the site shows it.
pub fn value_named(word: &str) -> Option<&'static str> {
    use crate::model::{Choice, slugify};
    const LANGUAGES: [(&str, &str); 4] = [
        ("français", "fr"),
        ("french", "fr"),
        ("anglais", "en"),
        ("english", "en"),
    ];
    let wanted = slugify(word, 80);
    let mut named: Vec<(&'static str, &'static str)> = LANGUAGES.to_vec();
    for language in [Language::Fr, Language::En] {
        for (value, kind) in ActorKind::ALL {
            named.push((actor_kind(*kind, language), value));
            named.push((actor_kinds(*kind, language), value));
        }
        for (value, kind) in SourceKind::ALL {
            named.push((source_kind(*kind, language), value));
        }
        for (value, level) in Confidence::ALL {
            named.push((confidence(*level, language), value));
        }
    }
    named
        .into_iter()
        .find(|(label, _)| !wanted.is_empty() && slugify(label, 80) == wanted)
        .map(|(_, value)| value)
}

/// What an Admiralty reliability letter means.
pub fn reliability(grade: Reliability, language: Language) -> &'static str {
    (vocabulary(language).reliability)(grade)
}

/// What an Admiralty credibility digit means.
pub fn credibility(grade: Credibility, language: Language) -> &'static str {
    (vocabulary(language).credibility)(grade)
}

/// A count with thousands grouped: `10 000` in French (narrow no-break space),
/// `10,000` in English.
pub fn count(n: usize, language: Language) -> String {
    let digits = n.to_string();
    let separator = vocabulary(language).thousands;
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// `n` followed by the singular or plural noun: `1 event`, `3 events`.
pub fn count_of(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The kinds of what cites a paragraph, in the order a source page lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Citing {
    /// The dossier's summary.
    Summary,
    /// Key judgments.
    Judgment,
    /// Events.
    Event,
    /// Relations between actors.
    Relation,
    /// Actors' profiles.
    Profile,
    /// The analyst's note on the page's own source.
    OwnNote,
    /// Other sources (their notes or texts).
    Source,
}

impl Citing {
    /// The kind of `referrer`, seen from the page of source `own`.
    pub fn of(referrer: crate::model::Referrer, own: usize) -> Self {
        use crate::model::Referrer;
        match referrer {
            Referrer::Dossier => Self::Summary,
            Referrer::Judgment(_) => Self::Judgment,
            Referrer::Event(_) => Self::Event,
            Referrer::Relation { .. } => Self::Relation,
            Referrer::Actor(_) => Self::Profile,
            Referrer::Source(s) if s == own => Self::OwnNote,
            Referrer::Source(_) => Self::Source,
        }
    }
}

/// The key that sorts names as a reader of either language expects: accents, case and
/// punctuation aside (`États-Unis` between `Espagne` and `France`, not after `Ukraine`),
/// then as written. The briefing's roster sorts the same way.
pub fn sort_key(name: &str) -> (String, &str) {
    (crate::model::slugify(name, 200), name)
}

/// What cites a paragraph, after a count: `1 jugement`, `5 événements`.
pub fn citing(kind: Citing, n: usize, language: Language) -> String {
    let (one, many) = (vocabulary(language).citing)(kind);
    [
        count(n, language).as_str(),
        "\u{a0}",
        if n == 1 { one } else { many },
    ]
    .concat()
}

/// A date, or a period, at its precision, marked when approximate:
/// `vers mars 2024`, `c. March 2024`, `26 juillet 2023 – avril 2024`.
pub fn date_span(date: &Date, end: Option<&Date>, approximate: bool, language: Language) -> String {
    let mut out = String::new();
    if approximate {
        let words = vocabulary(language);
        out.push_str(if date.precision() == crate::model::Precision::Day {
            words.approximately_day
        } else {
            words.approximately
        });
    }
    match end {
        Some(end) => push_period(&mut out, *date, *end, language),
        None => out.push_str(&date.human(language)),
    }
    out
}

/// A period in words, without repeating what both ends share: `4 – 22 mars 2024`,
/// `mars – avril 2024`, `4 March – 2 April 2024`, `26 juillet 2023 – avril 2024`.
fn push_period(out: &mut String, start: Date, end: Date, language: Language) {
    let full = start.human(language);
    let same_year = start.year == end.year && start.month.is_some() && end.month.is_some();
    let same_month =
        same_year && start.month == end.month && start.day.is_some() && end.day.is_some();
    let shown = if same_month {
        full.split(' ').next().unwrap_or(&full)
    } else if same_year {
        full.rsplit_once(' ')
            .map_or(full.as_str(), |(before, _)| before)
    } else {
        &full
    };
    out.push_str(shown);
    out.push_str(" – ");
    out.push_str(&end.human(language));
}

/// A date under the heading of its month, which it does not repeat: the day alone
/// (`26`, `1er`; an approximate day with its month, `vers le 26 juillet`), then the end of a period in full when it ends in the
/// same month (`26 – 30 avril 2024`). A date known to the month only, or a period that
/// ends in another month, is written as [`date_span`] writes it (`26 juillet –
/// décembre 2023`), since the day alone would read as a day of the end's month.
pub fn date_in_month(
    date: &Date,
    end: Option<&Date>,
    approximate: bool,
    language: Language,
) -> String {
    let ends_in_its_month =
        |end: &Date| end.day.is_some() && end.year == date.year && end.month == date.month;
    let Some(day) = date.day.filter(|_| end.is_none_or(ends_in_its_month)) else {
        return date_span(date, end, approximate, language);
    };
    let mut out = String::new();
    if approximate {
        out.push_str(vocabulary(language).approximately_day);
    }
    out.push_str(&Date::day_of_month(day, language));
    if approximate {
        // "c. 4" alone under a month's heading reads as a count.
        out.push(' ');
        out.push_str(Date::month_name(date.month.unwrap_or(1), language));
    }
    if let Some(end) = end {
        out.push_str(" – ");
        out.push_str(&end.human(language));
    }
    out
}

/// An optional period such as a relation's or a role's: `depuis mars 2024`,
/// `2019 – 2021`, `until 2023`; empty when neither end is known.
pub fn period(from: Option<&Date>, to: Option<&Date>, language: Language) -> String {
    let l = site(language);
    match (from, to) {
        (Some(a), Some(b)) => {
            let mut out = String::new();
            push_period(&mut out, *a, *b, language);
            out
        }
        (Some(a), None) => format!("{} {}", l.since, a.human(language)),
        (None, Some(b)) => format!("{} {}", l.until, b.human(language)),
        (None, None) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse(text).expect("date")
    }

    #[test]
    fn an_approximate_day_under_its_month_keeps_the_month() {
        let in_month = |text: &str, approximate, language| {
            date_in_month(&date(text), None, approximate, language)
        };
        assert_eq!(in_month("2021-03-04", true, Language::En), "c. 4 March");
        assert_eq!(
            in_month("2021-03-01", true, Language::Fr),
            "vers le 1er mars"
        );
        assert_eq!(in_month("2021-03-04", false, Language::En), "4");
    }

    #[test]
    fn approximate_partial_dates_and_periods() {
        assert_eq!(
            date_span(&date("2024-03"), None, true, Language::Fr),
            "vers mars 2024"
        );
        assert_eq!(
            date_span(&date("2024-03"), None, true, Language::En),
            "c. March 2024"
        );
        assert_eq!(
            date_span(
                &date("2023-07-26"),
                Some(&date("2024-04")),
                false,
                Language::Fr
            ),
            "26 juillet 2023 – avril 2024"
        );
        let span =
            |a: &str, b: &str, language| date_span(&date(a), Some(&date(b)), false, language);
        assert_eq!(
            span("2024-03-01", "2024-03-22", Language::Fr),
            "1er – 22 mars 2024"
        );
        assert_eq!(
            span("2024-03-04", "2024-04-02", Language::En),
            "4 March – 2 April 2024"
        );
        assert_eq!(
            span("2024-03", "2024-04", Language::Fr),
            "mars – avril 2024"
        );
        assert_eq!(span("2024", "2024-04", Language::En), "2024 – April 2024");
        assert_eq!(
            span("2023-12-30", "2024-01-02", Language::En),
            "30 December 2023 – 2 January 2024"
        );
        assert_eq!(
            period(Some(&date("2019-05")), Some(&date("2019-09")), Language::En),
            "May – September 2019"
        );
        assert_eq!(
            date_span(&date("2023-12"), None, false, Language::Fr),
            "décembre 2023"
        );
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(count(10_000, Language::En), "10,000");
        assert_eq!(count(10_000, Language::Fr), "10\u{202f}000");
        assert_eq!(count(999, Language::Fr), "999");
        assert_eq!(count(1_234_567, Language::En), "1,234,567");
    }

    #[test]
    fn open_periods() {
        assert_eq!(
            period(Some(&date("2024-01")), None, Language::Fr),
            "depuis janvier 2024"
        );
        assert_eq!(
            period(None, Some(&date("2023")), Language::En),
            "until 2023"
        );
        assert_eq!(period(None, None, Language::En), "");
    }
}
