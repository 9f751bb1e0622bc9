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
    notes_legend: "Chaque appel [n] du texte renvoie à la note n : la source, le paragraphe cité (§) et le début de ce paragraphe.",
    page: "Page",
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
    notes_legend: "Each call [n] in the text refers to note n: the source, the cited paragraph (§) and the beginning of that paragraph.",
    page: "Page",
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
