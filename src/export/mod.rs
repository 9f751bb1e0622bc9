//! Exports: the resolved dossier in the formats other tools read — `FollowTheMoney`
//! entities (Aleph, `OpenAleph`), `TimelineJS` slides, CSV tables (spreadsheets) and `GraphML`
//! (Gephi, `networkx`) — beside the JSON Schema of `dossier.json`.
//!
//! Each format is a pure function of the [`Dossier`]: the same input always gives the
//! same bytes, so `dossier export` and the `exports/` folder of a build agree.

mod folder;
mod ftm;
mod graphml;
mod tables;
mod timelinejs;

use std::fmt;

pub use folder::{ExportError, ExportOptions, MARKER, run};

use crate::model::Dossier;

/// The JSON Schema of `dossier.json`.
pub const DOSSIER_SCHEMA: &str = include_str!("dossier.schema.json");

/// The name of the schema file, in `exports/`.
pub const SCHEMA_FILE: &str = "dossier.schema.json";

/// One export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Format {
    /// `FollowTheMoney` entities, one JSON object per line (`dossier.ftm.json`).
    Ftm,
    /// A `TimelineJS` timeline (`timeline.json`).
    TimelineJs,
    /// CSV tables: events, actors, relations, sources, citations, mentions.
    Csv,
    /// The actors and their relations as `GraphML` (`graph.graphml`).
    GraphMl,
}

impl Format {
    /// Every format, in the order they are written.
    pub const ALL: [Format; 4] = [
        Format::Ftm,
        Format::TimelineJs,
        Format::Csv,
        Format::GraphMl,
    ];

    /// The word for the format on the command line.
    pub fn word(self) -> &'static str {
        match self {
            Format::Ftm => "ftm",
            Format::TimelineJs => "timelinejs",
            Format::Csv => "csv",
            Format::GraphMl => "graphml",
        }
    }

    /// The formats a command-line word names (`all` names every one).
    pub fn parse(word: &str) -> Option<Vec<Format>> {
        if word == "all" {
            return Some(Self::ALL.to_vec());
        }
        Self::ALL
            .into_iter()
            .find(|f| f.word() == word)
            .map(|f| vec![f])
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// A file of an export: its name inside the export folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportFile {
    /// File name, e.g. `timeline.json`.
    pub name: &'static str,
    /// Contents.
    pub bytes: Vec<u8>,
}

/// The files of the given formats, in a fixed order.
pub fn export(dossier: &Dossier, formats: &[Format]) -> Vec<ExportFile> {
    let mut files = Vec::new();
    for format in Format::ALL {
        if !formats.contains(&format) {
            continue;
        }
        match format {
            Format::Ftm => files.push(ExportFile {
                name: "dossier.ftm.json",
                bytes: ftm::write(dossier),
            }),
            Format::TimelineJs => files.push(ExportFile {
                name: "timeline.json",
                bytes: timelinejs::write(dossier),
            }),
            Format::Csv => files.extend(tables::write(dossier)),
            Format::GraphMl => files.push(ExportFile {
                name: "graph.graphml",
                bytes: graphml::write(dossier),
            }),
        }
    }
    files
}

/// The export files a build writes into `exports/`, by name.
pub const SITE_FILES: [&str; 11] = [
    "dossier.ftm.json",
    "timeline.json",
    "events.csv",
    "actors.csv",
    "relations.csv",
    "sources.csv",
    "citations.csv",
    "mentions.csv",
    "graph.graphml",
    SCHEMA_FILE,
    "README.txt",
];

/// One file of [`SITE_FILES`], rendered alone (the preview renders a file when asked).
pub fn site_file(dossier: &Dossier, name: &str) -> Option<Vec<u8>> {
    let format = match name {
        "dossier.ftm.json" => Format::Ftm,
        "timeline.json" => Format::TimelineJs,
        "graph.graphml" => Format::GraphMl,
        SCHEMA_FILE => return Some(DOSSIER_SCHEMA.as_bytes().to_vec()),
        "README.txt" => return Some(README.as_bytes().to_vec()),
        _ => return tables::table(dossier, name).map(|t| t.bytes),
    };
    export(dossier, &[format])
        .into_iter()
        .find(|f| f.name == name)
        .map(|f| f.bytes)
}

/// Writes the export file `name` of the site's `exports/` to `out`; the largest,
/// `dossier.ftm.json`, an entity at a time.
pub fn write_site_file(
    dossier: &Dossier,
    name: &str,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    if name == "dossier.ftm.json" {
        return ftm::write_to(dossier, out);
    }
    out.write_all(&site_file(dossier, name).unwrap_or_default())
}

/// What the files of `exports/` are, for whoever downloads them.
const README: &str = include_str!("README.txt");

/// The citations of a list, written as in the content (`id#p4-p6`).
fn citation_texts(d: &Dossier, citations: &[crate::model::Citation]) -> Vec<String> {
    citations.iter().map(|c| d.citation_text(c)).collect()
}

/// Distinct sources cited by a list of citations, in first-cited order.
fn distinct_sources(citations: &[crate::model::Citation]) -> Vec<usize> {
    let mut seen = Vec::new();
    for c in citations {
        if !seen.contains(&c.source) {
            seen.push(c.source);
        }
    }
    seen
}
