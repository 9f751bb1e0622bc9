//! Where the content cites paragraphs: every `sources:` entry and every `[[id#pN]]`
//! wiki-link, with the exact bytes of the citation (`id#p4-p6`) in its file, so that
//! a moved paragraph is reported there and `check --fix` rewrites only those bytes.

use std::sync::Arc;

use crate::diagnostics::{SourceFile, Span};
use crate::load::fields::Located;
use crate::load::{RawActor, RawDossier, RawEvent, RawSource};
use crate::model::CitationText;

/// One citation of paragraphs, where it is written.
#[derive(Debug, Clone)]
pub struct Site {
    /// The file holding it.
    pub file: Arc<SourceFile>,
    /// The bytes of the citation itself (`id#p4-p6`), without quotes or brackets.
    pub span: Span,
    /// The citation, parsed.
    pub citation: CitationText,
}

/// Every citation of paragraphs in the project's documents.
pub fn collect<'a>(
    dossier: Option<&RawDossier>,
    sources: &[Arc<RawSource>],
    actors: &[Arc<RawActor>],
    events: impl Iterator<Item = &'a RawEvent>,
) -> Vec<Site> {
    let mut sites = Vec::new();
    if let Some(d) = dossier {
        field(&mut sites, &d.file, d.summary.as_ref());
        for j in &d.key_judgments {
            field(&mut sites, &d.file, j.text.as_ref());
            list(&mut sites, &d.file, &j.sources);
        }
    }
    for s in sources {
        field(&mut sites, &s.file, s.note.as_ref());
        for link in crate::scan::links(&s.body) {
            let written = s.body.get(link.range.clone()).unwrap_or_default();
            wiki(
                &mut sites,
                &s.file,
                s.body_offset + link.range.start,
                written,
                &link,
            );
        }
    }
    for a in actors {
        field(&mut sites, &a.file, a.summary.as_ref());
        for r in &a.relations {
            field(&mut sites, &a.file, r.note.as_ref());
            list(&mut sites, &a.file, &r.sources);
        }
    }
    for e in events {
        field(&mut sites, &e.file, e.description.as_ref());
        list(&mut sites, &e.file, &e.sources);
    }
    sites
}

/// The entries of a `sources:` list that cite paragraphs.
fn list(sites: &mut Vec<Site>, file: &Arc<SourceFile>, entries: &[Located<String>]) {
    for entry in entries {
        let text = entry.value.trim();
        let Ok(citation) = CitationText::parse(text) else {
            continue;
        };
        let written = file
            .text
            .get(entry.span.start..entry.span.start + entry.span.len)
            .unwrap_or_default();
        if citation.paragraphs.is_some()
            && let Some(at) = written.find(text)
        {
            sites.push(Site {
                file: Arc::clone(file),
                span: Span::new(entry.span.start + at, text.len()),
                citation,
            });
        }
    }
}

/// The wiki-links of a Markdown field that cite paragraphs. A field's text is found in
/// its file by searching, link after link, from where the field starts.
fn field(sites: &mut Vec<Site>, file: &Arc<SourceFile>, value: Option<&Located<String>>) {
    let Some(value) = value else {
        return;
    };
    let mut cursor = value.span.start;
    for link in crate::scan::links(&value.value) {
        let written = value.value.get(link.range.clone()).unwrap_or_default();
        let first_line = written.lines().next().unwrap_or(written);
        let Some(at) = file
            .text
            .get(cursor..)
            .and_then(|rest| rest.find(first_line))
        else {
            continue;
        };
        wiki(sites, file, cursor + at, first_line, &link);
        cursor += at + first_line.len();
    }
}

/// A wiki-link written at byte `start` of `file`, if it cites paragraphs.
fn wiki(
    sites: &mut Vec<Site>,
    file: &Arc<SourceFile>,
    start: usize,
    written: &str,
    link: &crate::scan::BodyLink,
) {
    let destination = link.destination.trim();
    if !link.wiki || !destination.contains('#') {
        return;
    }
    let (Ok(citation), Some(offset)) =
        (CitationText::parse(destination), written.find(destination))
    else {
        return;
    };
    sites.push(Site {
        file: Arc::clone(file),
        span: Span::new(start + offset, destination.len()),
        citation,
    });
}
