//! `graph.graphml`: the actors as nodes (name, kind) and their relations as
//! directed edges (type, dates, cited and distinct sources), for Gephi, yEd, `networkx`.

use std::fmt::Write as _;

use crate::model::Dossier;

/// The attributes declared in the header: (id, for, type).
const KEYS: [(&str, &str, &str); 8] = [
    ("name", "node", "string"),
    ("kind", "node", "string"),
    ("type", "edge", "string"),
    ("since", "edge", "string"),
    ("until", "edge", "string"),
    ("sources", "edge", "string"),
    ("source_count", "edge", "int"),
    ("note", "edge", "string"),
];

/// Text for an XML attribute or element: markup escaped, and the characters XML 1.0
/// forbids (control characters but tab and line breaks) dropped.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

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
    for a in &d.actors {
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
            data(&mut out, "note", r.note.as_deref().unwrap_or_default());
            out.push_str("    </edge>\n");
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out.into_bytes()
}
