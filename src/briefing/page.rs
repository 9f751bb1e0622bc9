//! The briefing as written: `briefing.html` rendered around slots, then handed on with
//! the long lists in their place. The chronology and the roster are rendered before the
//! template (their texts call notes, and the contents must know whether there are
//! any); the source list and the endnotes are written on the way out. So the page, tens
//! of megabytes for a big dossier, never sits in a template context, nor whole in
//! memory when it is streamed to a file.

use std::convert::Infallible;
use std::io::Write;
use std::ops::Range;

use super::notes::Notes;
use super::rows;
use super::view;
use crate::labels::Labels;
use crate::model::Dossier;
use crate::render::links::PagePath;
use crate::render::{RenderError, Site};

/// A place in `briefing.html` where a long list goes. The view gives the template a
/// marker for each (`{{ event_rows | safe }}`), which the list replaces.
#[derive(Debug, Clone, Copy)]
pub enum Slot {
    /// The chronology's rows.
    EventRows,
    /// The roster's rows.
    ActorRows,
    /// The source list's items.
    SourceItems,
    /// The endnotes' items.
    NoteItems,
}

impl Slot {
    const ALL: [Slot; 4] = [
        Slot::EventRows,
        Slot::ActorRows,
        Slot::SourceItems,
        Slot::NoteItems,
    ];

    /// What stands for the slot in the rendered template: a comment, which no escaped
    /// text, rendered Markdown (raw HTML is escaped or sanitized) or picture can hold.
    pub fn marker(self) -> &'static str {
        match self {
            Slot::EventRows => "<!--dossier:event-rows-->",
            Slot::ActorRows => "<!--dossier:actor-rows-->",
            Slot::SourceItems => "<!--dossier:source-items-->",
            Slot::NoteItems => "<!--dossier:note-items-->",
        }
    }
}

/// The briefing, rendered and ready to write.
pub struct BriefingHtml<'a> {
    dossier: &'a Dossier,
    labels: &'static Labels,
    /// The template's output, markers included.
    around: String,
    /// Where each marker is in `around`, in order.
    slots: Vec<(Range<usize>, Slot)>,
    event_rows: String,
    actor_rows: String,
    notes: Notes,
}

impl<'a> BriefingHtml<'a> {
    /// Renders the briefing of `site` at `page`; `paper` is set when printing to PDF.
    pub fn render(
        site: &Site<'a>,
        page: &PagePath,
        paper: Option<&'static str>,
    ) -> Result<Self, RenderError> {
        let parts = view::build(site, page, paper);
        let around = site
            .templates
            .render("briefing.html", site.language, &parts.view)?;
        let slots = find_slots(&around);
        Ok(Self {
            dossier: site.dossier,
            labels: site.labels,
            around,
            slots,
            event_rows: parts.event_rows,
            actor_rows: parts.actor_rows,
            notes: parts.notes,
        })
    }

    /// Writes the page to `out`.
    pub fn write_to(&self, out: &mut dyn Write) -> std::io::Result<()> {
        self.emit(&mut |html: &str| out.write_all(html.as_bytes()))
    }

    /// The page as one string.
    pub fn to_html(&self) -> String {
        let mut page = String::new();
        let Ok(()) = self.emit(&mut |html: &str| -> Result<(), Infallible> {
            page.push_str(html);
            Ok(())
        });
        page
    }

    /// Hands the page to `emit`, piece by piece, in order.
    fn emit<E>(&self, emit: &mut impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
        let mut from = 0;
        for (range, slot) in &self.slots {
            emit(&self.around[from..range.start])?;
            match slot {
                Slot::EventRows => emit(&self.event_rows)?,
                Slot::ActorRows => emit(&self.actor_rows)?,
                Slot::SourceItems => rows::emit_source_items(emit, self.dossier, self.labels)?,
                Slot::NoteItems => self.notes.emit_items(emit, self.dossier, self.labels)?,
            }
            from = range.end;
        }
        emit(&self.around[from..])
    }
}

/// Where the markers of the slots are in the rendered template, in order.
fn find_slots(around: &str) -> Vec<(Range<usize>, Slot)> {
    let mut slots = Vec::new();
    let mut from = 0;
    while let Some((start, slot)) = Slot::ALL
        .into_iter()
        .filter_map(|slot| Some((from + around[from..].find(slot.marker())?, slot)))
        .min_by_key(|&(start, _)| start)
    {
        let end = start + slot.marker().len();
        slots.push((start..end, slot));
        from = end;
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_found_in_order_however_often() {
        let around = format!(
            "a{}b{}c{}",
            Slot::NoteItems.marker(),
            Slot::EventRows.marker(),
            Slot::NoteItems.marker()
        );
        let found: Vec<&str> = find_slots(&around)
            .into_iter()
            .map(|(range, _)| &around[range])
            .collect();
        assert_eq!(
            found,
            [
                Slot::NoteItems.marker(),
                Slot::EventRows.marker(),
                Slot::NoteItems.marker()
            ]
        );
    }
}
