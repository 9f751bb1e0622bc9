//! Endnotes: one note per cited passage, numbered in order of first call. Before any
//! text is rendered, the paragraphs that the briefing's texts and lists cite are
//! gathered by source and overlapping ranges merged into passages, so that every call
//! of a paragraph of a passage (`#p4`, `#p4-p6`, `#p5`) is a call of the same note and
//! no two notes quote the same paragraph. A note names the source and quotes every
//! paragraph of its passage, each cut after [`QUOTE`] characters at a word.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use super::rows::emit_items;
use super::select::{Section, Selection};
use crate::escape::push_html;
use crate::labels::BriefingLabels;
use crate::labels::Labels;
use crate::model::{Citation, Dossier, ReferenceKind, Referrer, Target};
use crate::plain_text::short_title;

/// How many characters of each quoted paragraph a note shows.
const QUOTE: usize = 220;

/// How many characters of a source's title a note shows (the source list has it all).
const TITLE: usize = 60;

/// What a note stands for: a source, and the paragraphs of its passage (none: the
/// source as a whole).
type Passage = (usize, Option<(u32, u32)>);

/// The passages of the briefing and the notes called so far, numbered.
#[derive(Debug, Default)]
pub struct Notes {
    /// For each cited source, its passages, in paragraph order, not overlapping.
    passages: BTreeMap<usize, Vec<(u32, u32)>>,
    order: Vec<Passage>,
    numbers: BTreeMap<Passage, usize>,
    /// Whether the calls link to the notes (the notes section is in).
    linked: bool,
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
    /// The passages that what `selection` shows cites, merged by source.
    pub fn new(d: &Dossier, selection: &Selection) -> Self {
        let mut cited: BTreeMap<usize, Vec<(u32, u32)>> = BTreeMap::new();
        for reference in &d.references {
            let shown = match reference.from {
                Referrer::Dossier => selection.sections.has(Section::Summary),
                Referrer::Judgment(_) => selection.sections.has(Section::Judgments),
                Referrer::Event(e) => selection.shows(Target::Event(e)),
                Referrer::Actor(a) => selection.shows(Target::Actor(a)),
                _ => false,
            };
            let is_citation =
                reference.kind == ReferenceKind::Citation || reference.paragraphs.is_some();
            if let (true, true, Target::Source(s), Some(range)) =
                (shown, is_citation, reference.to, reference.paragraphs)
            {
                cited.entry(s).or_default().push(range);
            }
        }
        let passages = cited
            .into_iter()
            .map(|(source, ranges)| (source, merge(ranges)))
            .collect();
        Self {
            passages,
            linked: selection.sections.has(Section::Notes),
            ..Self::default()
        }
    }

    /// The call of the note of `citation`'s passage, numbered on its first call; none
    /// when the briefing has no notes.
    pub fn call(&mut self, citation: Citation) -> Option<NoteCall> {
        if !self.linked {
            return None;
        }
        let passage = match citation.paragraphs {
            Some((first, last)) => {
                let known = self.passages.get(&citation.source).and_then(|ranges| {
                    ranges
                        .iter()
                        .find(|&&(a, b)| a <= first && last <= b)
                        .copied()
                });
                (citation.source, Some(known.unwrap_or((first, last))))
            }
            None => (citation.source, None),
        };
        let next = self.order.len() + 1;
        let number = *self.numbers.entry(passage).or_insert(next);
        if number == next {
            self.order.push(passage);
        }
        Some(NoteCall {
            number,
            href: format!("#note-{number}"),
        })
    }

    /// Whether no note was called.
    pub fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// The sources the notes cite.
    pub fn sources(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.iter().map(|&(source, _)| source)
    }

    /// Hands the items of the endnotes (`<li>` each, in number order) to `emit`;
    /// `listed` says whether a source is in the source list, to link to it.
    pub fn emit_items<E>(
        &self,
        emit: &mut impl FnMut(&str) -> Result<(), E>,
        dossier: &Dossier,
        l: &Labels,
        listed: &dyn Fn(usize) -> bool,
    ) -> Result<(), E> {
        let b = crate::labels::briefing(dossier.meta.language);
        emit_items(emit, self.order.iter().enumerate(), |html, (i, passage)| {
            let note = Note {
                number: i + 1,
                passage: *passage,
                listed: listed(passage.0),
            };
            note.push(html, dossier, l, b);
        })
    }
}

/// Sorted, with overlapping or touching ranges merged.
fn merge(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut merged: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (first, last) in ranges {
        match merged.last_mut() {
            Some(previous) if first <= previous.1 => previous.1 = previous.1.max(last),
            _ => merged.push((first, last)),
        }
    }
    merged
}

/// One endnote, to write.
struct Note {
    number: usize,
    passage: Passage,
    listed: bool,
}

impl Note {
    /// Appends the note: the source's title (shortened, linking to the source list when
    /// it is there), its date, and each paragraph of the passage quoted.
    fn push(&self, html: &mut String, dossier: &Dossier, l: &Labels, b: &BriefingLabels) {
        let number = self.number;
        let (source, paragraphs) = self.passage;
        let source = &dossier.sources[source];
        let _ = write!(
            html,
            "<li id=\"note-{number}\"><span class=\"note-num\">{number}</span><span class=\"note-text\">"
        );
        if self.listed {
            html.push_str("<a class=\"note-source\" href=\"#");
            push_html(html, &source_anchor(&source.id));
            html.push_str("\" title=\"");
            push_html(html, &source.title);
            html.push_str("\">");
        } else {
            html.push_str("<span class=\"note-source\">");
        }
        push_html(html, &short_title(&source.title, TITLE));
        html.push_str(if self.listed { "</a> (" } else { "</span> (" });
        push_html(html, &source.published.human(dossier.meta.language));
        html.push(')');
        let Some((first, last)) = paragraphs else {
            html.push_str(".</span></li>\n  ");
            return;
        };
        push_html(html, l.colon);
        for number in first..=last {
            let Some(paragraph) = source.paragraph(number) else {
                continue;
            };
            let _ = write!(
                html,
                " <span class=\"quote\"><span class=\"para\">§{number}</span> "
            );
            let quoted = already_quoted(&paragraph.text);
            if !quoted {
                push_html(html, b.open_quote);
            }
            push_html(html, &short_title(&paragraph.text, QUOTE));
            if !quoted {
                push_html(html, b.close_quote);
            }
            html.push_str("</span>");
        }
        html.push_str("</span></li>\n  ");
    }
}

/// Whether a paragraph is a quotation as a whole (`« … »`, `“ … ”`, `" … "`): the
/// note shows it as it is, not inside a second pair of quotation marks.
fn already_quoted(text: &str) -> bool {
    let text = text.trim();
    let body = text.trim_end_matches(['.', '…']);
    [("«", "»"), ("“", "”"), ("\"", "\""), ("‹", "›"), ("„", "“")]
        .iter()
        .any(|(open, close)| {
            body.len() > open.len() + close.len() && body.starts_with(open) && body.ends_with(close)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(passages: &[(usize, Vec<(u32, u32)>)]) -> Notes {
        Notes {
            passages: passages
                .iter()
                .map(|(s, r)| (*s, merge(r.clone())))
                .collect(),
            linked: true,
            ..Notes::default()
        }
    }

    fn cite(source: usize, paragraphs: Option<(u32, u32)>) -> Citation {
        Citation { source, paragraphs }
    }

    #[test]
    fn overlapping_ranges_make_one_passage() {
        assert_eq!(
            merge(vec![(5, 5), (4, 6), (9, 9), (6, 7)]),
            [(4, 7), (9, 9)]
        );
    }

    #[test]
    fn every_call_of_a_passage_is_one_note_in_order_of_first_call() {
        let mut notes = notes(&[(0, vec![(4, 4), (4, 6)])]);
        let number = |n: &mut Notes, c| n.call(c).map(|call| call.number);
        assert_eq!(number(&mut notes, cite(0, Some((5, 5)))), Some(1));
        assert_eq!(number(&mut notes, cite(1, None)), Some(2));
        assert_eq!(number(&mut notes, cite(0, Some((4, 4)))), Some(1));
        assert_eq!(number(&mut notes, cite(0, Some((4, 6)))), Some(1));
        assert_eq!(number(&mut notes, cite(0, Some((8, 8)))), Some(3));
        assert_eq!(notes.order.len(), 3);
        notes.linked = false;
        assert!(notes.call(cite(0, Some((4, 4)))).is_none());
    }
}
