//! Sources a writer would not expect to matter: one sentence of hundreds of kilobytes
//! full of names. The quotes stay short and the pages small, whatever the input.

mod common;

use common::{build, copy_project, fixture};

/// A copy of the English fixture with a source of one sentence, `count` mentions long.
fn project_with_long_sentence(count: usize) -> tempfile::TempDir {
    let project = copy_project(&fixture("valid-en"));
    let mut body = String::new();
    for _ in 0..count {
        body.push_str("word word word word word word word word Orion Holdings ");
    }
    let source = format!("---\ntitle: Long\npublished: 2024-05-01\n---\n\n{body}\n");
    std::fs::write(project.path().join("content/sources/long.md"), source).expect("write");
    project
}

/// The quotes of the mention group of the source `long` on an actor page.
fn long_group(page: &str) -> &str {
    let start = page
        .find("sources/long/index.html")
        .expect("the long source's group");
    let end = page[start..]
        .find("</ul>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}

#[test]
fn item_6_a_sentence_of_thousands_of_names_gives_short_quotes() {
    let project = project_with_long_sentence(3_000);
    let site = build(project.path());
    let page = site.read("actors/orion-holdings/index.html");
    let group = long_group(&page);
    let quotes: Vec<&str> = group.split("<li>").skip(1).collect();
    assert!(!quotes.is_empty(), "{group}");
    for quote in quotes {
        let text = &quote[quote.find("\">").expect("link") + 2..];
        let chars = text.chars().count();
        assert!(chars < 420, "a quote of {chars} characters: {text}");
        assert!(
            text.contains('…'),
            "cut where the sentence is too long: {text}"
        );
    }
}

#[test]
fn item_16_mentions_beyond_a_bound_are_counted_not_quoted() {
    let project = project_with_long_sentence(3_000);
    let site = build(project.path());
    let page = site.read("actors/orion-holdings/index.html");
    assert!(
        page.contains("3000 mentions, 20 shown"),
        "{}",
        long_group(&page)
    );
    // The 20 quoted mentions, one line per paragraph (here all in one, counted ×20).
    let lines = long_group(&page).matches("<li>").count();
    assert!((1..=20).contains(&lines), "{lines} lines");
    assert!(
        page.len() < 1 << 20,
        "the actor page weighs {} bytes",
        page.len()
    );
    // Every mention is still in the model.
    let json: serde_json::Value = serde_json::from_str(&site.read("dossier.json")).expect("json");
    let long = json["mentions"]
        .as_array()
        .expect("mentions")
        .iter()
        .filter(|m| m["source"] == "long")
        .count();
    assert_eq!(long, 3_000);
}
