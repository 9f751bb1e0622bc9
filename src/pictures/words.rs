//! The few interface words the pictures write themselves (titles, legend, notes), in
//! the dossier's language.

use crate::model::{ActorKind, Language};

/// The name of an actor kind, for the legend.
pub fn kind(kind: ActorKind, language: Language) -> &'static str {
    match (language, kind) {
        (Language::Fr, ActorKind::Person) => "personne",
        (Language::Fr, ActorKind::Organization) => "organisation",
        (Language::Fr, ActorKind::State) => "État",
        (Language::Fr, ActorKind::Group) => "groupe",
        (Language::Fr, ActorKind::Media) => "média",
        (Language::Fr, ActorKind::Place) => "lieu",
        (Language::Fr, ActorKind::Other) => "autre",
        (Language::En, k) => k.word(),
    }
}

/// Every fixed phrase, by language.
pub struct Words {
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
    /// Note when only the most connected actors are named: `{named}`.
    pub named: &'static str,
}

const FR: Words = Words {
    graph_title: "Graphe des relations",
    graph_of: "Relations de",
    ended: "relation terminée",
    directed: "se lit dans le sens de la flèche",
    timeline_title: "Frise chronologique",
    day: "date au jour près",
    imprecise: "mois ou année (l’intervalle possible)",
    approximate: "date approximative",
    period: "période",
    by_month: "{count} événements, comptés par mois ; chaque barre mène au premier.",
    by_year: "{count} événements, comptés par année ; chaque barre mène au premier.",
    events: "événements",
    event: "événement",
    actors: "acteurs",
    relations: "relations",
    since: "depuis",
    until: "jusqu’à",
    capped: "Les {shown} acteurs les plus reliés sur {total} ; le tableau donne toutes les relations.",
    named: "Noms affichés pour les {named} plus reliés ; survolez les autres.",
};

const EN: Words = Words {
    graph_title: "Relationship graph",
    graph_of: "Relations of",
    ended: "ended",
    directed: "reads in the arrow’s direction",
    timeline_title: "Timeline",
    day: "exact day",
    imprecise: "month or year (the possible span)",
    approximate: "approximate date",
    period: "period",
    by_month: "{count} events, counted by month; each bar leads to the first.",
    by_year: "{count} events, counted by year; each bar leads to the first.",
    events: "events",
    event: "event",
    actors: "actors",
    relations: "relations",
    since: "since",
    until: "until",
    capped: "The {shown} most connected of {total} actors; the table lists every relation.",
    named: "Names shown for the {named} most connected; hover over the others.",
};

/// The phrases in `language`.
pub fn words(language: Language) -> &'static Words {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}

/// `count` followed by the singular or plural noun.
pub fn count(count: usize, singular: &str, plural: &str) -> String {
    format!("{count} {}", if count == 1 { singular } else { plural })
}
