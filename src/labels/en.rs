//! The interface in English.

use super::{BriefingLabels, Citing, Labels, PictureWords, Vocabulary};
use crate::model::{ActorKind, Confidence, Credibility, Reliability, SourceKind};

/// Everything the interface says in English.
pub(super) static WORDS: Vocabulary = Vocabulary {
    site: LABELS,
    briefing: BRIEFING,
    pictures: PICTURES,
    approximately: APPROX,
    approximately_day: "c. ",
    thousands: THOUSANDS,
    source_kind,
    actor_kind,
    actor_kinds,
    confidence,
    reliability,
    credibility,
    citing,
};

const LABELS: Labels = Labels {
    lang: "en",
    skip: "Skip to content",
    home: "Home",
    sources: "Sources",
    actors: "Actors",
    chronology: "Chronology",
    tags: "Tags",
    search: "Search",
    search_placeholder: "Search…",
    navigation: "Main navigation",
    summary: "Bottom line",
    key_judgments: "Key judgments",
    confidence: "Confidence",
    latest_events: "Latest events",
    counts: "In this dossier",
    events: "Events",
    mentions: "Mentions",
    paragraphs: "Paragraphs",
    date: "Date",
    outlet: "Outlet",
    author: "Author",
    title: "Title",
    kind: "Kind",
    grade: "Grade",
    language: "Language",
    original: "Original",
    published: "Published",
    note: "Analyst’s note",
    text: "Text",
    cited_by: "Cited by",
    cited_whole: "Cited as a whole by",
    actors_mentioned: "Actors mentioned",
    aliases: "Also known as",
    roles: "Roles",
    relations: "Relations",
    relations_in: "Relations stated by other actors",
    evidence: "Sources",
    mentions_in_sources: "Mentions in the sources",
    links_here: "What links here",
    links: "Links",
    place: "Place",
    graph: "Relationship graph",
    timeline: "Timeline",
    during_year: "During the year",
    not_found: "Page not found",
    not_found_text: "This page does not exist. Start again from the home page or search the dossier.",
    search_needs_js: "Search needs JavaScript. Without it, browse the sources, the actors and the chronology.",
    no_result: "No result.",
    pages_bottom: "Pages, at the end of the list",
    sort_page_only: "Sorting by a column orders the sources of this page only: from page to page, they go by date.",
    search_short: "Type two letters or more.",
    no_result_short: "No result. A word of two letters is looked for whole: type a third letter to find the words that begin with it.",
    results: "results",
    authors: "Authors",
    updated: "Updated",
    judgment: "Key judgment",
    tagged: "Everything tagged",
    paragraph: "Paragraph",
    none: "Nothing yet.",
    data: "Dossier data (JSON)",
    exports: "Exports (CSV, GraphML, TimelineJS, FollowTheMoney)",
    feed: "Atom feed",
    sort: "Sort by this column",
    footnotes: "Notes",
    since: "since",
    until: "until",
    previous: "Previous",
    next: "Next",
    pages: "Pages",
    of: "of",
    dossier_summary: "Dossier summary",
    continued: "continued",
    mention_one: "mention",
    mention_many: "mentions",
    mentions_shown: "shown",
    back: "Back to the text",
    colon: ":",
    event_one: "event",
    source_one: "source",
    actor_one: "actor",
    result_one: "result",
    single_source: "single source",
    single_source_note: "rests on a single independent source",
    no_source: "unsourced",
    no_source_note: "cites no source",
    source_cited: "source cited",
    sources_cited: "sources cited",
    fingerprint: "Fingerprint (SHA-256)",
    fingerprint_recorded: "matches the one recorded at capture",
    derived_from: "Relays",
    relayed_by: "Relayed by",
    briefing: "Briefing",
    back_to_site: "Back to the site",
    relation_from: "From",
    relation: "Relation",
    relation_to: "To",
    all_in: "all in",
    relations_elsewhere: "on the profiles of their actors, and all in",
    relations_uncited: "The sources of each relation are on the profile of the actor who states it.",
    in_heading: "heading",
    in_table: "table",
    in_footnote: "footnote",
    permalink: "permalink",
};

const BRIEFING: BriefingLabels = BriefingLabels {
    briefing: "Briefing",
    contents: "Contents",
    event: "Event",
    roster: LABELS.actors,
    name: "Name",
    description: "In one line",
    source_list: LABELS.sources,
    address: "Address",
    notes: LABELS.footnotes,
    no_outlet: "outlet not given",
    ungraded: "ungraded",
    grade_legend: "Grade: reliability of the source (A to F) and credibility of the information (1 to 6), on the Admiralty scale.",
    notes_legend: "Each call in the text (a superscript number) refers to the note of that number: the source, then each cited paragraph (§) and its beginning.",
    page: "Page",
    events_left_out: "This chronology holds {shown} of the dossier's {total} events: the key events and those the key judgments rest on. The other {left} are in the site's chronology ({where}).",
    actors_left_out: "This roster holds the {shown} actors of the events and judgments shown here, of {total}. The other {left} are in the site's list of actors ({where}).",
    sources_left_out: "This list holds the {shown} sources cited here, of {total}. The other {left} are in the site's list of sources ({where}).",
    open_quote: "“",
    close_quote: "”",
};

const PICTURES: PictureWords = PictureWords {
    graph_title: LABELS.graph,
    graph_of: "Relations of",
    ended: "ended",
    directed: "reads in the arrow’s direction",
    timeline_title: LABELS.timeline,
    day: "exact day",
    imprecise: "month or year (the possible span)",
    approximate: "approximate date",
    period: "period",
    by_month: "{count} events, counted by month; each bar leads to the first.",
    by_year: "{count} events, counted by year; each bar leads to the first.",
    events: "events",
    event: LABELS.event_one,
    actors: "actors",
    relations: "relations",
    since: LABELS.since,
    until: LABELS.until,
    capped: "The core of the network: {shown} of {total} actors, around the most connected; the table lists the relations.",
};

const APPROX: &str = "c. ";

/// A comma: `10,000`.
const THOUSANDS: &str = ",";

fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::Report => "report",
        SourceKind::Statement => "statement",
        SourceKind::SocialPost => "social post",
        SourceKind::Transcript => "transcript",
        SourceKind::Other => "other",
    }
}

fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organization => "organization",
        ActorKind::State => "state",
        ActorKind::Group => "group",
        ActorKind::Media => "media",
        ActorKind::Place => "place",
        ActorKind::Other => "other",
    }
}

fn actor_kinds(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "People",
        ActorKind::Organization => "Organizations",
        ActorKind::State => "States",
        ActorKind::Group => "Groups",
        ActorKind::Media => "Media",
        ActorKind::Place => "Places",
        ActorKind::Other => "Others",
    }
}

fn confidence(level: Confidence) -> &'static str {
    match level {
        Confidence::Low => "low",
        Confidence::Moderate => "moderate",
        Confidence::High => "high",
    }
}

fn reliability(grade: Reliability) -> &'static str {
    match grade {
        Reliability::A => "completely reliable source",
        Reliability::B => "usually reliable source",
        Reliability::C => "fairly reliable source",
        Reliability::D => "not usually reliable source",
        Reliability::E => "unreliable source",
        Reliability::F => "reliability cannot be judged",
    }
}

fn credibility(grade: Credibility) -> &'static str {
    match grade {
        Credibility::Confirmed => "confirmed by other sources",
        Credibility::Probable => "probably true",
        Credibility::Possible => "possibly true",
        Credibility::Doubtful => "doubtful",
        Credibility::Improbable => "improbable",
        Credibility::Unknown => "truth cannot be judged",
    }
}

fn citing(kind: Citing) -> (&'static str, &'static str) {
    match kind {
        Citing::Summary => ("dossier summary", "dossier summaries"),
        Citing::Judgment => ("judgment", "judgments"),
        Citing::Event => ("event", "events"),
        Citing::Relation => ("relation", "relations"),
        Citing::Profile => ("profile", "profiles"),
        Citing::OwnNote => ("analyst’s note", "analyst’s notes"),
        Citing::Source => ("source", "sources"),
    }
}
