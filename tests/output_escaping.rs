//! What goes into the output's XML and HTML when the content holds control characters,
//! and what goes to the terminal when the content holds terminal escapes.

#![allow(clippy::case_sensitive_file_extension_comparisons)] // output paths are ours, lowercase

mod common;

use common::{build, copy_project, fixture};

/// Replaces `from` by `to` in a file of `root`.
fn edit(root: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn item_8_control_characters_never_reach_the_xml_or_a_nul_the_html() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    edit(
        root,
        "content/sources/council-minutes.md",
        "title: Minutes of the harbour council",
        "title: \"Minutes\\x01 of the\\0 harbour\\x1b[31m council\\uFFFE\"",
    );
    edit(
        root,
        "content/actors/port-varna.yaml",
        "name: Port of Varna",
        "name: \"Port\\x07 of\\0 Varna\"",
    );
    edit(
        root,
        "content/sources/council-minutes.md",
        "The council met",
        "The \u{1}council\u{0} met",
    );
    let site = build(root);
    for (path, bytes) in site.files() {
        let text = String::from_utf8_lossy(&bytes);
        if path.ends_with(".xml") || path.ends_with(".svg") {
            if let Err(error) = roxmltree::Document::parse(&text) {
                panic!("{path} is not XML: {error}");
            }
            assert!(!text.contains(['\u{1}', '\u{7}', '\u{1b}']), "{path}");
        }
        if path.ends_with(".html") {
            assert!(!text.contains('\0'), "a NUL in {path}");
        }
    }
    let feed = site.read("atom.xml");
    assert!(
        feed.contains("Minutes of the harbour[31m council"),
        "{feed}"
    );
    assert!(site.files().contains_key("sitemap.xml"));
    // The SVG of the relationship graph, inline in the roster page.
    let roster = site.read("actors/index.html");
    let start = roster.find("<svg").expect("an svg");
    let end = roster[start..].find("</svg>").expect("svg end") + start + 6;
    let svg = &roster[start..end];
    roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("svg: {e}\n{svg}"));
    assert!(
        svg.contains("Port of Varna") || !svg.contains("Varna"),
        "{svg}"
    );
}

#[test]
fn item_9_diagnostics_never_send_terminal_escapes() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    // A file name and content values that would retitle and clear the terminal.
    let name = "content/sources/\u{1b}]0;pwned\u{7}.md";
    std::fs::write(
        root.join(name),
        "---\ntitle: x\npublished: 2024\n---\ntext\n",
    )
    .expect("write");
    edit(
        root,
        "content/actors/port-varna.yaml",
        "kind: place",
        "kind: \"\\e[2J\\e[31mplace\"",
    );
    edit(
        root,
        "content/sources/council-minutes.md",
        "tags: [ports]",
        "tags: [ports]\nnote: \"see [[nobody\\e[2J]]\"\n\u{1b}[31mcolour: red",
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--root", root.to_str().expect("utf-8")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let text = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        !text.contains(['\u{1b}', '\u{7}']),
        "raw escapes in:\n{text:?}"
    );
    assert!(text.contains("\\x1b]0;pwned\\x07.md"), "{text}");
    assert!(text.contains("\\x1b[2J"), "{text}");
    assert!(text.contains("\\x1b[31mcolour"), "{text}");
}
