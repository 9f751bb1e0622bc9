//! CSV tables (RFC 4180, UTF-8, a header row, one row per item), joined by ids:
//! `events.csv`, `actors.csv`, `relations.csv`, `sources.csv`, `citations.csv` and
//! `mentions.csv`. Lists inside a cell are separated by `; `.

use super::ExportFile;
use crate::model::{Date, Dossier, ReferenceKind, Referrer};

/// A table being written: the `csv` crate over a byte buffer.
struct Table(csv::Writer<Vec<u8>>);

impl Table {
    fn new(header: &[&str]) -> Self {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        // Writing into memory cannot fail.
        let _ = writer.write_record(header);
        Self(writer)
    }

    fn row<I, T>(&mut self, cells: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        let _ = self.0.write_record(cells);
    }

    fn finish(self, name: &'static str) -> ExportFile {
        ExportFile {
            name,
            bytes: self.0.into_inner().unwrap_or_default(),
        }
    }
}

fn date(d: Option<Date>) -> String {
    d.map(|d| d.iso()).unwrap_or_default()
}

fn joined<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items.into_iter().collect::<Vec<_>>().join("; ")
}

fn events(d: &Dossier) -> ExportFile {
    let mut t = Table::new(&[
        "id",
        "date",
        "end",
        "approximate",
        "title",
        "description",
        "actors",
        "place",
        "sources",
        "distinct_sources",
        "independent_sources",
        "tags",
    ]);
    for (index, e) in d.events.iter().enumerate() {
        let cited = super::citation_texts(d, &e.sources);
        t.row([
            e.id.clone(),
            e.date.iso(),
            date(e.end),
            e.approximate.to_string(),
            e.title.clone(),
            e.description.clone().unwrap_or_default(),
            joined(e.actors.iter().map(|&a| d.actors[a].id.as_str())),
            e.place.map(|p| d.actors[p].id.clone()).unwrap_or_default(),
            joined(cited.iter().map(String::as_str)),
            super::distinct_sources(&e.sources).len().to_string(),
            d.support.event(index).independent.to_string(),
            joined(e.tags.iter().map(String::as_str)),
        ]);
    }
    t.finish("events.csv")
}

fn actors(d: &Dossier) -> ExportFile {
    let mut t = Table::new(&["id", "name", "kind", "aliases", "summary", "tags"]);
    for a in &d.actors {
        t.row([
            a.id.clone(),
            a.name.clone(),
            a.kind.word().to_string(),
            joined(a.aliases.iter().map(String::as_str)),
            a.summary.clone().unwrap_or_default(),
            joined(a.tags.iter().map(String::as_str)),
        ]);
    }
    t.finish("actors.csv")
}

fn relations(d: &Dossier) -> ExportFile {
    let mut t = Table::new(&[
        "from",
        "to",
        "type",
        "since",
        "until",
        "sources",
        "distinct_sources",
        "independent_sources",
        "note",
    ]);
    for (actor, a) in d.actors.iter().enumerate() {
        for (index, r) in a.relations.iter().enumerate() {
            let cited = super::citation_texts(d, &r.sources);
            t.row([
                a.id.clone(),
                d.actors[r.to].id.clone(),
                r.kind.clone(),
                date(r.since),
                date(r.until),
                joined(cited.iter().map(String::as_str)),
                super::distinct_sources(&r.sources).len().to_string(),
                d.support.relation(actor, index).independent.to_string(),
                r.note.clone().unwrap_or_default(),
            ]);
        }
    }
    t.finish("relations.csv")
}

fn sources(d: &Dossier) -> ExportFile {
    let mut t = Table::new(&[
        "id",
        "title",
        "published",
        "outlet",
        "author",
        "url",
        "language",
        "kind",
        "reliability",
        "credibility",
        "paragraphs",
        "tags",
        "derived_from",
        "sha256",
    ]);
    for s in &d.sources {
        t.row([
            s.id.clone(),
            s.title.clone(),
            s.published.iso(),
            s.outlet.clone().unwrap_or_default(),
            s.author.clone().unwrap_or_default(),
            s.url.clone().unwrap_or_default(),
            s.language.to_string(),
            s.kind.word().to_string(),
            s.reliability
                .map(|r| r.word().to_string())
                .unwrap_or_default(),
            s.credibility
                .map(|c| c.word().to_string())
                .unwrap_or_default(),
            s.paragraphs.len().to_string(),
            joined(s.tags.iter().map(String::as_str)),
            joined(s.derived_from.iter().map(|&o| d.sources[o].id.as_str())),
            s.fingerprint.clone(),
        ]);
    }
    t.finish("sources.csv")
}

/// The kind and id of who makes a reference (`judgment` has a number, not an id).
fn referrer(d: &Dossier, from: Referrer) -> (&'static str, String) {
    match from {
        Referrer::Dossier => ("dossier", String::new()),
        Referrer::Judgment(k) => ("judgment", (k + 1).to_string()),
        Referrer::Source(s) => ("source", d.sources[s].id.clone()),
        Referrer::Actor(a) => ("actor", d.actors[a].id.clone()),
        Referrer::Relation { actor, index } => {
            ("relation", format!("{}/{}", d.actors[actor].id, index + 1))
        }
        Referrer::Event(e) => ("event", d.events[e].id.clone()),
    }
}

fn citations(d: &Dossier) -> ExportFile {
    let mut t = Table::new(&[
        "from_kind",
        "from",
        "to",
        "first_paragraph",
        "last_paragraph",
        "kind",
    ]);
    for r in &d.references {
        let (kind, from) = referrer(d, r.from);
        let (first, last) = r
            .paragraphs
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_default();
        t.row([
            kind.to_string(),
            from,
            d.id_of(r.to).to_string(),
            first,
            last,
            match r.kind {
                ReferenceKind::Citation => "citation",
                ReferenceKind::WikiLink => "wiki-link",
            }
            .to_string(),
        ]);
    }
    t.finish("citations.csv")
}

fn mentions(d: &Dossier) -> ExportFile {
    let mut t = Table::new(&["source", "paragraph", "start", "end", "actor", "text"]);
    for m in &d.mentions {
        let source = &d.sources[m.source];
        t.row([
            source.id.clone(),
            m.paragraph.map(|p| p.to_string()).unwrap_or_default(),
            m.range.start.to_string(),
            m.range.end.to_string(),
            d.actors[m.actor].id.clone(),
            source
                .body
                .get(m.range.clone())
                .unwrap_or_default()
                .to_string(),
        ]);
    }
    t.finish("mentions.csv")
}

/// One of the six tables, by file name.
pub fn table(d: &Dossier, name: &str) -> Option<ExportFile> {
    let write: fn(&Dossier) -> ExportFile = match name {
        "events.csv" => events,
        "actors.csv" => actors,
        "relations.csv" => relations,
        "sources.csv" => sources,
        "citations.csv" => citations,
        "mentions.csv" => mentions,
        _ => return None,
    };
    Some(write(d))
}

/// The six tables.
pub fn write(d: &Dossier) -> Vec<ExportFile> {
    vec![
        events(d),
        actors(d),
        relations(d),
        sources(d),
        citations(d),
        mentions(d),
    ]
}
