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
    /// Legend: a relation that reads both ways.
    pub mutual: &'static str,
    /// Title of the timeline.
    pub timeline_title: &'static str,
    /// Name of the lane holding every event.
    pub all_events: &'static str,
    /// Legend: an approximate date.
    pub approximate: &'static str,
    /// Legend: a period.
    pub period: &'static str,
    /// Legend: a group of events.
    pub cluster: &'static str,
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
    mutual: "réciproque",
    timeline_title: "Frise chronologique",
    all_events: "Tous les événements",
    approximate: "date approximative",
    period: "période",
    cluster: "groupe d’événements",
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
    mutual: "mutual",
    timeline_title: "Timeline",
    all_events: "All events",
    approximate: "approximate date",
    period: "period",
    cluster: "group of events",
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
