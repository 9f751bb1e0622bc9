//! What a reader sees on the pages: table headers that say what a column holds, a
//! description of every page for search engines and link previews, French typography,
//! citations of one source grouped.

mod common;

use common::{build, fixture, start_tags};

#[test]
fn relation_tables_name_their_columns() {
    let site = build(&fixture("valid-en"));
    let page = site.read("actors/index.html");
    let table = &page[page
        .find("<table class=\"cards\"")
        .expect("relations table")..];
    let head = &table[..table.find("</thead>").expect("head")];
    let headers: Vec<&str> = head
        .split("<th scope=\"col\">")
        .skip(1)
        .map(|cell| &cell[..cell.find("</th>").expect("cell")])
        .collect();
    assert_eq!(headers, ["From", "Relation", "To", "Sources"]);
    let bundled = build(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let page = bundled.read("actors/index.html");
    assert!(
        page.contains("<th scope=\"col\">De</th><th scope=\"col\">Relation</th><th scope=\"col\">Vers</th><th scope=\"col\">Sources</th>"),
        "in French too"
    );
}

#[test]
fn every_page_describes_itself() {
    let site = build(&fixture("valid-en"));
    for (path, bytes) in site.files() {
        if !path.to_ascii_lowercase().ends_with(".html") || path.starts_with("briefing/") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        let tags = start_tags(&html);
        let meta = |attr: &str, name: &str| {
            tags.iter()
                .find(|t| t.name == "meta" && t.get(attr) == Some(name))
                .and_then(|t| t.get("content"))
                .map(str::to_string)
        };
        for (attr, name) in [
            ("name", "description"),
            ("property", "og:title"),
            ("property", "og:description"),
        ] {
            let content = meta(attr, name).unwrap_or_default();
            assert!(!content.trim().is_empty(), "{path}: no {name}");
        }
    }
    let source = site.read("sources/port-concession-signed/index.html");
    assert!(
        source.contains("<meta name=\"description\" content=\"The Harbour Gazette, 14 March 2024. The port authority of Varna signed"),
        "a source says where and when it appeared, then how it starts"
    );
    assert!(source.contains(
        "<meta property=\"og:title\" content=\"Port concession signed with Orion Holdings\">"
    ));
}
