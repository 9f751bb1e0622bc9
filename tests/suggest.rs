//! `dossier suggest`: the dates the texts give, in English and French, relative days
//! counted from the publication (across a month's end), and the names no actor has.

mod common;

use common::{dossier, fixture};

fn suggest(name: &str) -> String {
    let root = fixture(name);
    let output = dossier(&["suggest", "--root", root.to_str().expect("utf-8")]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("utf-8")
}

/// The (date, approximate, citation) of each suggested event, parsed from the YAML.
fn events(yaml: &str) -> Vec<(String, bool, String)> {
    let parsed: Vec<serde_json::Value> = serde_saphyr::from_str(yaml).expect("suggest prints YAML");
    parsed
        .iter()
        .map(|e| {
            (
                e["date"]
                    .as_str()
                    .map_or_else(|| e["date"].to_string(), String::from),
                e["approximate"].as_bool().unwrap_or(false),
                e["sources"][0].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

fn has(list: &[(String, bool, String)], date: &str, approximate: bool, citation: &str) -> bool {
    list.iter()
        .any(|(d, a, c)| d == date && *a == approximate && c == citation)
}

#[test]
fn english_dates_and_weekdays_across_a_month_end() {
    let yaml = suggest("suggest-en");
    let found = events(&yaml);
    // Published Thursday 2 May 2024: "Tuesday evening" is 30 April.
    assert!(has(&found, "2024-04-30", true, "ferry-strike#p1"), "{yaml}");
    assert!(has(&found, "2024-01", false, "ferry-strike#p2"), "{yaml}");
    assert!(
        has(&found, "2024-03-12", false, "ferry-strike#p3"),
        "{yaml}"
    );
    assert!(has(&found, "2024-04", true, "ferry-strike#p4"), "{yaml}");
    assert!(yaml.contains("# ferry-strike#p1: Ferry workers walked out on Tuesday evening"));
}

#[test]
fn french_dates_weekdays_and_unknown_names() {
    let yaml = suggest("suggest-fr");
    let found = events(&yaml);
    // Published Friday 1 March 2024 (a leap year): "mercredi soir" is 28 February.
    assert!(
        has(&found, "2024-02-28", true, "greve-des-dockers#p1"),
        "{yaml}"
    );
    assert!(
        has(&found, "2024-02-14", false, "greve-des-dockers#p2"),
        "{yaml}"
    );
    assert!(
        has(&found, "2022-12", false, "greve-des-dockers#p3"),
        "{yaml}"
    );
    assert!(
        has(&found, "2024-02", true, "greve-des-dockers#p4"),
        "{yaml}"
    );
    assert!(
        yaml.contains("# content/actors/marta-kovac.yaml — 1 mention (greve-des-dockers#p3)"),
        "{yaml}"
    );
    assert!(yaml.contains("Orion Holdings"), "{yaml}");
    assert!(
        !yaml.contains("name: \"Conseil portuaire\""),
        "a known actor is no suggestion"
    );
}

#[test]
fn an_unknown_source_is_an_error() {
    let root = fixture("suggest-fr");
    let output = dossier(&["suggest", "--root", root.to_str().expect("utf-8"), "nope"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("no source has the id 'nope'"));
}
