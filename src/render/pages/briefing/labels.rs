//! The few interface words only the briefing needs, in French and English; the rest
//! comes from the site's [`crate::render::labels`].

use serde::Serialize;

use crate::model::Language;

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

const FR: BriefingLabels = BriefingLabels {
    briefing: "Note de synthèse",
    contents: "Sommaire",
    event: "Événement",
    roster: "Acteurs",
    name: "Nom",
    description: "En une ligne",
    source_list: "Sources",
    address: "Adresse",
    notes: "Notes",
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

const EN: BriefingLabels = BriefingLabels {
    briefing: "Briefing",
    contents: "Contents",
    event: "Event",
    roster: "Actors",
    name: "Name",
    description: "In one line",
    source_list: "Sources",
    address: "Address",
    notes: "Notes",
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

/// The briefing's words in a language.
pub fn labels(language: Language) -> &'static BriefingLabels {
    match language {
        Language::Fr => &FR,
        Language::En => &EN,
    }
}
