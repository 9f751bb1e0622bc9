//! The words of the interface, in French and English, following the dossier's
//! `language`; numbers and date ranges written the way each language writes them.

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
    /// "Feed".
    pub feed: &'static str,
    /// "Sort by this column".
    pub sort: &'static str,
    /// "Footnotes".
    pub footnotes: &'static str,
    /// "since".
    pub since: &'static str,
    /// "Previous" (page of a split list).
    pub previous: &'static str,
    /// "Next" (page of a split list).
    pub next: &'static str,
    /// "Pages" (navigation between the pages of a split list).
    pub pages: &'static str,
    /// "until".
    pub until: &'static str,
    /// "of" (role of an actor).
    pub of: &'static str,
    /// "Summary of the dossier" (referrer).
    pub dossier_summary: &'static str,
    /// "mention" (singular).
    pub mention_one: &'static str,
    /// "mentions" (plural).
    pub mention_many: &'static str,
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
}

const FR: Labels = Labels {
    lang: "fr",
    skip: "Aller au contenu",
    home: "Accueil",
    sources: "Sources",
    actors: "Acteurs",
    chronology: "Chronologie",
    tags: "Mots-clés",
    search: "Recherche",
    search_placeholder: "Rechercher…",
    navigation: "Navigation principale",
    summary: "En bref",
    key_judgments: "Jugements clés",
    confidence: "Confiance",
    latest_events: "Derniers événements",
    counts: "Dans ce dossier",
    events: "Événements",
    mentions: "Mentions",
    paragraphs: "Paragraphes",
    date: "Date",
    outlet: "Média",
    author: "Auteur",
    title: "Titre",
    kind: "Type",
    grade: "Cote",
    language: "Langue",
    original: "Original",
    published: "Publié",
    note: "Note de l’analyste",
    text: "Texte",
    cited_by: "Cité par",
    cited_whole: "Source citée en entier par",
    actors_mentioned: "Acteurs mentionnés",
    aliases: "Autres noms",
    roles: "Fonctions",
    relations: "Relations",
    relations_in: "Relations déclarées par d’autres acteurs",
    evidence: "Sources",
    mentions_in_sources: "Mentions dans les sources",
    links_here: "Pages qui renvoient ici",
    links: "Liens",
    place: "Lieu",
    graph: "Graphe des relations",
    timeline: "Frise chronologique",
    during_year: "Dans l’année",
    not_found: "Page introuvable",
    not_found_text: "Cette page n’existe pas ou plus. Repartez de l’accueil ou cherchez dans le dossier.",
    search_needs_js: "La recherche a besoin de JavaScript. Sans lui, parcourez les sources, les acteurs et la chronologie.",
    no_result: "Aucun résultat.",
    results: "résultats",
    authors: "Auteurs",
    updated: "Mis à jour",
    judgment: "Jugement clé",
    tagged: "Tout ce qui porte le mot-clé",
    paragraph: "Paragraphe",
    none: "Rien pour l’instant.",
    data: "Données du dossier (JSON)",
    feed: "Flux Atom",
    sort: "Trier selon cette colonne",
    footnotes: "Notes",
    since: "depuis",
    previous: "Précédent",
    next: "Suivant",
    pages: "Pages",
    until: "jusqu’à",
    of: "de",
    dossier_summary: "Résumé du dossier",
    mention_one: "mention",
    mention_many: "mentions",
    back: "Retour au texte",
    colon: "\u{a0}:",
    event_one: "événement",
    source_one: "source",
    actor_one: "acteur",
    result_one: "résultat",
};

const EN: Labels = Labels {
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
    results: "results",
    authors: "Authors",
    updated: "Updated",
    judgment: "Key judgment",
    tagged: "Everything tagged",
    paragraph: "Paragraph",
    none: "Nothing yet.",
    data: "Dossier data (JSON)",
    feed: "Atom feed",
    sort: "Sort by this column",
    footnotes: "Notes",
    since: "since",
    previous: "Previous",
    next: "Next",
    pages: "Pages",
    until: "until",
    of: "of",
    dossier_summary: "Dossier summary",
    mention_one: "mention",
    mention_many: "mentions",
    back: "Back to the text",
    colon: ":",
    event_one: "event",
    source_one: "source",
    actor_one: "actor",
    result_one: "result",
};

/// The labels of a language.
pub fn labels(language: Language) -> &'static Labels {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// The name of a kind of source.
pub fn source_kind(kind: SourceKind, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match kind {
        SourceKind::Article => "article",
        SourceKind::Report if fr => "rapport",
        SourceKind::Report => "report",
        SourceKind::Statement if fr => "déclaration",
        SourceKind::Statement => "statement",
        SourceKind::SocialPost if fr => "réseau social",
        SourceKind::SocialPost => "social post",
        SourceKind::Transcript if fr => "transcription",
        SourceKind::Transcript => "transcript",
        SourceKind::Other if fr => "autre",
        SourceKind::Other => "other",
    }
}

/// The heading of a group of actors of one kind, in the plural.
pub fn actor_kinds(kind: ActorKind, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match kind {
        ActorKind::Person if fr => "Personnes",
        ActorKind::Person => "People",
        ActorKind::Organization if fr => "Organisations",
        ActorKind::Organization => "Organizations",
        ActorKind::State if fr => "États",
        ActorKind::State => "States",
        ActorKind::Group if fr => "Groupes",
        ActorKind::Group => "Groups",
        ActorKind::Media if fr => "Médias",
        ActorKind::Media => "Media",
        ActorKind::Place if fr => "Lieux",
        ActorKind::Place => "Places",
        ActorKind::Other if fr => "Autres",
        ActorKind::Other => "Others",
    }
}

/// The name of one kind of actor.
pub fn actor_kind(kind: ActorKind, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match kind {
        ActorKind::Person if fr => "personne",
        ActorKind::Person => "person",
        ActorKind::Organization if fr => "organisation",
        ActorKind::Organization => "organization",
        ActorKind::State if fr => "État",
        ActorKind::State => "state",
        ActorKind::Group if fr => "groupe",
        ActorKind::Group => "group",
        ActorKind::Media if fr => "média",
        ActorKind::Media => "media",
        ActorKind::Place if fr => "lieu",
        ActorKind::Place => "place",
        ActorKind::Other if fr => "autre",
        ActorKind::Other => "other",
    }
}

/// A confidence level in words.
pub fn confidence(level: Confidence, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match level {
        Confidence::Low if fr => "faible",
        Confidence::Low => "low",
        Confidence::Moderate if fr => "modérée",
        Confidence::Moderate => "moderate",
        Confidence::High if fr => "élevée",
        Confidence::High => "high",
    }
}

/// What an Admiralty reliability letter means.
pub fn reliability(grade: Reliability, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match grade {
        Reliability::A if fr => "source totalement fiable",
        Reliability::A => "completely reliable source",
        Reliability::B if fr => "source habituellement fiable",
        Reliability::B => "usually reliable source",
        Reliability::C if fr => "source assez fiable",
        Reliability::C => "fairly reliable source",
        Reliability::D if fr => "source peu fiable",
        Reliability::D => "not usually reliable source",
        Reliability::E if fr => "source non fiable",
        Reliability::E => "unreliable source",
        Reliability::F if fr => "fiabilité de la source invérifiable",
        Reliability::F => "reliability cannot be judged",
    }
}

/// What an Admiralty credibility digit means.
pub fn credibility(grade: Credibility, language: Language) -> &'static str {
    let fr = language == Language::Fr;
    match grade {
        Credibility::Confirmed if fr => "information confirmée par d’autres sources",
        Credibility::Confirmed => "confirmed by other sources",
        Credibility::Probable if fr => "information probablement vraie",
        Credibility::Probable => "probably true",
        Credibility::Possible if fr => "information possiblement vraie",
        Credibility::Possible => "possibly true",
        Credibility::Doubtful if fr => "information douteuse",
        Credibility::Doubtful => "doubtful",
        Credibility::Improbable if fr => "information improbable",
        Credibility::Improbable => "improbable",
        Credibility::Unknown if fr => "véracité invérifiable",
        Credibility::Unknown => "truth cannot be judged",
    }
}

/// The name of a language of a text.
pub fn language_name(of: Language, language: Language) -> &'static str {
    match (of, language) {
        (Language::Fr, Language::Fr) => "français",
        (Language::Fr, Language::En) => "French",
        (Language::En, Language::Fr) => "anglais",
        (Language::En, Language::En) => "English",
    }
}

/// A count with thousands grouped: `10 000` in French (narrow no-break space),
/// `10,000` in English.
pub fn count(n: usize, language: Language) -> String {
    let digits = n.to_string();
    let separator = match language {
        Language::Fr => "\u{202f}",
        Language::En => ",",
    };
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(digit);
    }
    out
}

/// A date, or a period, at its precision, marked when approximate:
/// `vers mars 2024`, `c. March 2024`, `26 juillet 2023 – avril 2024`.
pub fn date_span(date: &Date, end: Option<&Date>, approximate: bool, language: Language) -> String {
    let mut out = String::new();
    if approximate {
        out.push_str(match language {
            Language::Fr => "vers ",
            Language::En => "c. ",
        });
    }
    out.push_str(&date.human(language));
    if let Some(end) = end {
        out.push_str(" – ");
        out.push_str(&end.human(language));
    }
    out
}

/// An optional period such as a relation's or a role's: `depuis mars 2024`,
/// `2019 – 2021`, `until 2023`; empty when neither end is known.
pub fn period(from: Option<&Date>, to: Option<&Date>, language: Language) -> String {
    let l = labels(language);
    match (from, to) {
        (Some(a), Some(b)) => format!("{} – {}", a.human(language), b.human(language)),
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
