//! Endnotes: each citation of the briefing (a `sources:` entry or a `[[source#p3]]` in
//! a text) gets a number in order of first call, the same citation always the same
//! number; each note names the source and paragraphs and quotes the cited paragraph.

use std::collections::BTreeMap;

use serde::Serialize;

use super::labels::BriefingLabels;
use crate::model::{Citation, Dossier, Language};
use crate::render::text::short_title;

/// How many characters of the cited paragraph a note quotes.
const QUOTE: usize = 200;

/// How many characters of a source's title a note shows (the source list has it all).
const TITLE: usize = 60;

/// The citations called so far, numbered.
#[derive(Debug, Default)]
pub struct Notes {
    order: Vec<Citation>,
    numbers: BTreeMap<Citation, usize>,
}

/// A call of a note, for the templates.
#[derive(Debug, Clone, Serialize)]
pub struct NoteCall {
    /// The number, from 1.
    pub number: usize,
    /// `#note-N`.
    pub href: String,
}

/// An endnote.
#[derive(Debug, Serialize)]
pub struct NoteView<'a> {
    /// The number, from 1.
    pub number: usize,
    /// `note-N`.
    pub anchor: String,
    /// The source's entry in the source list (`#source-ID`).
    pub source_href: String,
    /// The source's title, shortened.
    pub title: String,
    /// The source's full title.
    pub full_title: &'a str,
    /// Its publication date, in words.
    pub date: String,
    /// The cited paragraphs (`§4`, `§4–6`), empty for a whole source.
    pub paragraphs: String,
    /// The beginning of the first cited paragraph, with its quotation marks.
    pub quote: Option<String>,
}

/// The anchor of a source in the source list.
pub fn source_anchor(id: &str) -> String {
    format!("source-{id}")
}

impl Notes {
    /// The number of `citation`, given on its first call.
    pub fn call(&mut self, citation: Citation) -> NoteCall {
        let next = self.order.len() + 1;
        let number = *self.numbers.entry(citation).or_insert(next);
        if number == next {
            self.order.push(citation);
        }
        NoteCall {
            number,
            href: format!("#note-{number}"),
        }
    }

    /// The notes, in number order.
    pub fn views<'a>(
        &self,
        dossier: &'a Dossier,
        language: Language,
        b: &BriefingLabels,
    ) -> Vec<NoteView<'a>> {
        self.order
            .iter()
            .enumerate()
            .map(|(i, citation)| {
                let source = &dossier.sources[citation.source];
                let quote = citation
                    .paragraphs
                    .and_then(|(first, _)| source.paragraph(first))
                    .map(|p| short_title(&p.text, QUOTE))
                    .filter(|text| !text.is_empty())
                    .map(|text| format!("{}{text}{}", b.open_quote, b.close_quote));
                NoteView {
                    number: i + 1,
                    anchor: format!("note-{}", i + 1),
                    source_href: format!("#{}", source_anchor(&source.id)),
                    title: short_title(&source.title, TITLE),
                    full_title: &source.title,
                    date: source.published.human(language),
                    paragraphs: citation.paragraph_label(),
                    quote,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_citation_same_number_in_order_of_first_call() {
        let mut notes = Notes::default();
        let a = Citation {
            source: 0,
            paragraphs: Some((4, 4)),
        };
        let b = Citation {
            source: 1,
            paragraphs: None,
        };
        let c = Citation {
            source: 0,
            paragraphs: Some((4, 6)),
        };
        assert_eq!(notes.call(a).number, 1);
        assert_eq!(notes.call(b).number, 2);
        assert_eq!(notes.call(a).number, 1);
        assert_eq!(notes.call(c).number, 3);
        assert_eq!(notes.call(b).href, "#note-2");
        assert_eq!(notes.order.len(), 3);
    }
}
