//! Endnotes: each citation of the briefing (a `sources:` entry or a `[[source#p3]]` in
//! a text) gets a number in order of first call, the same citation always the same
//! number; each note names the source and paragraphs and quotes the cited paragraph.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::rows::emit_items;
use crate::escape::push_html;
use crate::labels::{BriefingLabels, Labels};
use crate::model::{Citation, Dossier};
use crate::render::plain_text::short_title;

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

    /// Whether no note was called.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Hands the items of the endnotes (`<li>` each, in number order) to `emit`.
    pub fn emit_items<E>(
        &self,
        emit: &mut impl FnMut(&str) -> Result<(), E>,
        dossier: &Dossier,
        l: &Labels,
    ) -> Result<(), E> {
        let b = crate::labels::briefing(dossier.meta.language);
        emit_items(
            emit,
            self.order.iter().enumerate(),
            |html, (i, citation)| {
                push_note(html, i + 1, citation, dossier, l, b);
            },
        )
    }
}

/// Appends note `number`: the source's title (shortened) linking to the source list,
/// its date, the cited paragraphs and the beginning of the first of them.
fn push_note(
    html: &mut String,
    number: usize,
    citation: &Citation,
    dossier: &Dossier,
    l: &Labels,
    b: &BriefingLabels,
) {
    let source = &dossier.sources[citation.source];
    let _ = write!(
        html,
        "<li id=\"note-{number}\"><span class=\"note-num\">[{number}]</span><span class=\"note-text\"><a class=\"note-source\" href=\"#"
    );
    push_html(html, &source_anchor(&source.id));
    html.push_str("\" title=\"");
    push_html(html, &source.title);
    html.push_str("\">");
    push_html(html, &short_title(&source.title, TITLE));
    html.push_str("</a> (");
    push_html(html, &source.published.human(dossier.meta.language));
    html.push(')');
    let paragraphs = citation.paragraph_label();
    if !paragraphs.is_empty() {
        html.push_str(", ");
        push_html(html, &paragraphs);
    }
    let quote = citation
        .paragraphs
        .and_then(|(first, _)| source.paragraph(first))
        .map(|p| short_title(&p.text, QUOTE))
        .filter(|text| !text.is_empty());
    match quote {
        Some(text) => {
            push_html(html, l.colon);
            html.push_str(" <span class=\"quote\">");
            push_html(html, b.open_quote);
            push_html(html, &text);
            push_html(html, b.close_quote);
            html.push_str("</span>");
        }
        None => html.push('.'),
    }
    html.push_str("</span></li>\n  ");
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
