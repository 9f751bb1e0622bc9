//! `graph.graphml`: the actors as nodes (name, kind) and their relations as
//! directed edges (type, dates, cited sources, how many distinct and how many
//! independent), for Gephi, yEd, `networkx`.

use std::fmt::Write as _;

use crate::escape::xml;
use crate::model::Dossier;

/// The attributes declared in the header: (id, for, type).
const KEYS: [(&str, &str, &str); 9] = [
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("type", "edge", "string"),
    ("since", "edge", "string"),
    ("until", "edge", "string"),
    ("sources", "edge", "string"),
    ("source_count", "edge", "int"),
    ("independent_source_count", "edge", "int"),
    ("note", "edge", "string"),
];

fn data(out: &mut String, key: &str, value: &str) {
    if !value.is_empty() {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
    }
}

/// The bytes of `graph.graphml`.
pub fn write(d: &Dossier) -> Vec<u8> {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" \
         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" \
         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns \
         http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    );
    for (id, domain, kind) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"actors\" edgedefault=\"directed\">\n");
    for a in &d.actors {
        let _ = writeln!(out, "    <node id=\"{}\">", xml(&a.id));
        data(&mut out, "name", &a.name);
        data(&mut out, "kind", a.kind.word());
        out.push_str("    </node>\n");
    }
    for (actor, a) in d.actors.iter().enumerate() {
        for (index, r) in a.relations.iter().enumerate() {
            let _ = writeln!(
                out,
                "    <edge id=\"{}/{}\" source=\"{}\" target=\"{}\">",
                xml(&a.id),
                index + 1,
                xml(&a.id),
                xml(&d.actors[r.to].id)
            );
            data(&mut out, "type", &r.kind);
            data(
                &mut out,
                "since",
                &r.since.map(|s| s.iso()).unwrap_or_default(),
            );
            data(
                &mut out,
                "until",
                &r.until.map(|u| u.iso()).unwrap_or_default(),
            );
            data(
                &mut out,
                "sources",
                &super::citation_texts(d, &r.sources).join(" "),
            );
            let _ = writeln!(
                out,
                "      <data key=\"source_count\">{}</data>",
                super::distinct_sources(&r.sources).len()
            );
            let _ = writeln!(
                out,
                "      <data key=\"independent_source_count\">{}</data>",
                d.support.relation(actor, index).independent
            );
            data(&mut out, "note", r.note.as_deref().unwrap_or_default());
            out.push_str("    </edge>\n");
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out.into_bytes()
}
