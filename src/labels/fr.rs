//! The interface in French.

use super::{BriefingLabels, Citing, Labels, PictureWords, Vocabulary};
use crate::model::{ActorKind, Confidence, Credibility, Reliability, SourceKind};

/// Everything the interface says in French.
pub(super) static WORDS: Vocabulary = Vocabulary {
    site: LABELS,
    briefing: BRIEFING,
    pictures: PICTURES,
    approximately: APPROX,
    approximately_day: "vers le ",
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
    pages_bottom: "Pages, en fin de liste",
    sort_page_only: "Trier selon une colonne ne range que les sources de cette page : d’une page à l’autre, elles vont par date.",
    search_short: "Tapez au moins deux lettres.",
    no_result_short: "Aucun résultat. Un mot de deux lettres est cherché tel quel : tapez une troisième lettre pour trouver les mots qui commencent ainsi.",
    results: "résultats",
    authors: "Auteurs",
    updated: "Mis à jour",
    judgment: "Jugement clé",
    tagged: "Tout ce qui porte le mot-clé",
    paragraph: "Paragraphe",
    none: "Rien pour l’instant.",
    data: "Données du dossier (JSON)",
    exports: "Exports (CSV, GraphML, TimelineJS, FollowTheMoney)",
    feed: "Flux Atom",
    sort: "Trier selon cette colonne",
    footnotes: "Notes",
    since: "depuis",
    until: "jusqu’à",
    previous: "Précédent",
    next: "Suivant",
    pages: "Pages",
    of: "de",
    dossier_summary: "Résumé du dossier",
    continued: "suite",
    mention_one: "mention",
    mention_many: "mentions",
    mentions_shown: "citées",
    back: "Retour au texte",
    colon: "\u{a0}:",
    event_one: "événement",
    source_one: "source",
    actor_one: "acteur",
    result_one: "résultat",
    single_source: "source unique",
    no_source: "sans source",
    no_source_note: "ne cite aucune source",
    single_source_note: "repose sur une seule source indépendante",
    source_cited: "source citée",
    sources_cited: "sources citées",
    fingerprint: "Empreinte (SHA-256)",
    fingerprint_recorded: "conforme à celle relevée à la capture",
    derived_from: "Relaie",
    relayed_by: "Relayé par",
    briefing: "Note de synthèse",
    back_to_site: "Retour au site",
    relation_from: "De",
    relation: "Relation",
    relation_to: "Vers",
    all_in: "toutes dans",
    relations_elsewhere: "sur les fiches de leurs acteurs, et toutes dans",
    relations_uncited: "Les sources de chaque relation sont sur la fiche de l’acteur qui la déclare.",
    in_heading: "titre",
    in_table: "tableau",
    in_footnote: "note",
    permalink: "lien permanent",
};

const BRIEFING: BriefingLabels = BriefingLabels {
    briefing: "Note de synthèse",
    contents: "Sommaire",
    event: "Événement",
    roster: LABELS.actors,
    name: "Nom",
    description: "En une ligne",
    source_list: LABELS.sources,
    address: "Adresse",
    notes: LABELS.footnotes,
    no_outlet: "média non indiqué",
    ungraded: "non coté",
    grade_legend: "Cote : fiabilité de la source (A à F) et crédibilité de l’information (1 à 6), selon l’échelle de l’Amirauté.",
    notes_legend: "Chaque appel du texte (chiffre en exposant) renvoie à la note de ce numéro : la source, puis chaque paragraphe cité (§) et son début.",
    page: "Page",
    events_left_out: "Cette chronologie retient {shown} des {total} événements du dossier : les événements clés et ceux sur lesquels reposent les jugements clés. Les {left} autres sont dans la chronologie du site ({where}).",
    actors_left_out: "Sont retenus les {shown} acteurs des événements et des jugements présentés ici, sur {total}. Les {left} autres sont dans la liste des acteurs du site ({where}).",
    sources_left_out: "Sont retenues les {shown} sources citées ici, sur {total}. Les {left} autres sont dans la liste des sources du site ({where}).",
    open_quote: "«\u{a0}",
    close_quote: "\u{a0}»",
};

const PICTURES: PictureWords = PictureWords {
    graph_title: LABELS.graph,
    graph_of: "Relations de",
    ended: "relation terminée",
    directed: "se lit dans le sens de la flèche",
    timeline_title: LABELS.timeline,
    day: "date au jour près",
    imprecise: "mois ou année (l’intervalle possible)",
    approximate: "date approximative",
    period: "période",
    by_month: "{count} événements, comptés par mois ; chaque barre mène au premier.",
    by_year: "{count} événements, comptés par année ; chaque barre mène au premier.",
    events: "événements",
    event: LABELS.event_one,
    actors: "acteurs",
    relations: "relations",
    since: LABELS.since,
    until: LABELS.until,
    capped: "Le cœur du réseau : {shown} acteurs sur {total}, autour des plus reliés ; le tableau donne les relations.",
};

const APPROX: &str = "vers ";

/// A narrow no-break space: `10 000`.
const THOUSANDS: &str = "\u{202f}";

fn source_kind(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::Article => "article",
        SourceKind::Report => "rapport",
        SourceKind::Statement => "déclaration",
        SourceKind::SocialPost => "réseau social",
        SourceKind::Transcript => "transcription",
        SourceKind::Other => "autre",
    }
}

fn actor_kind(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "personne",
        ActorKind::Organization => "organisation",
        ActorKind::State => "État",
        ActorKind::Group => "groupe",
        ActorKind::Media => "média",
        ActorKind::Place => "lieu",
        ActorKind::Other => "autre",
    }
}

fn actor_kinds(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "Personnes",
        ActorKind::Organization => "Organisations",
        ActorKind::State => "États",
        ActorKind::Group => "Groupes",
        ActorKind::Media => "Médias",
        ActorKind::Place => "Lieux",
        ActorKind::Other => "Autres",
    }
}

fn confidence(level: Confidence) -> &'static str {
    match level {
        Confidence::Low => "faible",
        Confidence::Moderate => "modérée",
        Confidence::High => "élevée",
    }
}

fn reliability(grade: Reliability) -> &'static str {
    match grade {
        Reliability::A => "source totalement fiable",
        Reliability::B => "source habituellement fiable",
        Reliability::C => "source assez fiable",
        Reliability::D => "source peu fiable",
        Reliability::E => "source non fiable",
        Reliability::F => "fiabilité de la source invérifiable",
    }
}

fn credibility(grade: Credibility) -> &'static str {
    match grade {
        Credibility::Confirmed => "information confirmée par d’autres sources",
        Credibility::Probable => "information probablement vraie",
        Credibility::Possible => "information possiblement vraie",
        Credibility::Doubtful => "information douteuse",
        Credibility::Improbable => "information improbable",
        Credibility::Unknown => "véracité invérifiable",
    }
}

fn citing(kind: Citing) -> (&'static str, &'static str) {
    match kind {
        Citing::Summary => ("résumé du dossier", "résumés du dossier"),
        Citing::Judgment => ("jugement", "jugements"),
        Citing::Event => ("événement", "événements"),
        Citing::Relation => ("relation", "relations"),
        Citing::Profile => ("profil", "profils"),
        Citing::OwnNote => ("note de l’analyste", "notes de l’analyste"),
        Citing::Source => ("source", "sources"),
    }
}
