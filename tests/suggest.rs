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

/// Regression: `dossier suggest DIR` (as `check DIR` reads a folder) took the folder for a
/// source id and said only that no source has it; a near miss got no hint either.
#[test]
fn a_folder_or_a_misspelt_id_given_as_a_source_gets_a_hint() {
    let root = fixture("suggest-fr");
    let root = root.to_str().expect("utf-8");
    let output = dossier(&["suggest", root]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "hint: `{root}` is a dossier's folder: give it as `--root {root}`"
        )),
        "{stderr}"
    );
    let output = dossier(&["suggest", "--root", root, "greve-des-docker"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "no source has the id 'greve-des-docker' (did you mean 'greve-des-dockers'?)"
        ),
        "{stderr}"
    );
}

/// Regression: a name ran on across a full stop or a colon (`Luxemburg Nach Unterlagen`,
/// `COURT We` in a transcript), and a known actor written with a possessive
/// (`Minister O’Brien's`, `Herald's`) was offered as a new name.
#[test]
fn names_stop_at_punctuation_and_a_known_actor_in_the_possessive_is_known() {
    let project = common::copy_project(&fixture("suggest-en"));
    let content = project.path().join("content");
    std::fs::create_dir_all(content.join("actors")).expect("mkdir");
    std::fs::write(
        content.join("actors/liam-obrien.yaml"),
        "name: Liam O’Brien\nkind: person\naliases: [Minister O’Brien]\n",
    )
    .expect("write actor");
    std::fs::write(
        content.join("actors/harbour-herald.yaml"),
        "name: The Harbour Herald\nkind: media\naliases: [the Herald]\n",
    )
    .expect("write actor");
    std::fs::write(
        content.join("sources/hearing.md"),
        "---\ntitle: Hearing\npublished: 2025-01-14\nkind: transcript\n---\n\
         THE CLERK: We are here in the matter of the State against Mr. Jones.\n\n\
         Kestrel paid the firm at the home of Minister O’Brien's brother-in-law, after the \
         Herald's reporting.\n\n\
         The company is registered in Luxemburg. Nach Unterlagen of the Office it has no staff.\n",
    )
    .expect("write source");
    let root = project.path().to_str().expect("utf-8").to_string();
    let output = dossier(&["suggest", "--root", &root, "hearing"]);
    let yaml = String::from_utf8(output.stdout).expect("utf-8");
    let names: Vec<&str> = yaml
        .lines()
        .filter_map(|l| l.strip_prefix("#   name: \""))
        .map(|l| l.trim_end_matches('"'))
        .collect();
    for wrong in [
        "CLERK We",
        "Minister O’Brien's",
        "Minister O’Brien",
        "Herald's",
        "Luxemburg Nach Unterlagen",
    ] {
        assert!(!names.contains(&wrong), "{wrong} offered: {names:?}");
    }
    for name in ["Mr Jones", "Luxemburg", "Nach Unterlagen"] {
        assert!(names.contains(&name), "{name} not offered: {names:?}");
    }
}

/// Regression: the words read as a date were quoted « à la française » in an English
/// dossier; each source's words are quoted as its language quotes them.
#[test]
fn the_words_read_as_a_date_are_quoted_in_the_sources_language() {
    let english = suggest("suggest-en");
    assert!(
        english.contains("#   “Tuesday”: the last Tuesday"),
        "English quotes: {english}"
    );
    assert!(!english.contains('«'), "{english}");
    let french = suggest("suggest-fr");
    assert!(
        french.contains("#   « mercredi »: "),
        "French quotes: {french}"
    );
}

/// Regression: in a text saved with its accents apart (`e` + U+0301, as macOS and PDFs
/// write them), `suggest` proposed a new actor `Bénin` though `benin` is one (a file
/// that exists), and cut `Sèmè` to `Sème` at the accent.
#[test]
fn names_with_accents_apart_are_known_and_whole() {
    let project = common::copy_project(&fixture("valid-en"));
    let root = project.path();
    std::fs::write(
        root.join("content/actors/benin.yaml"),
        "name: Bénin\nkind: state\n",
    )
    .expect("write");
    std::fs::write(
        root.join("content/sources/decomposed.md"),
        "---\ntitle: Decomposed\npublished: 2024-06-07\n---\n\n\
         Le gouvernement du Be\u{301}nin rappelle que les employés arrêtés à Se\u{300}me\u{300} sont entrés.\n",
    )
    .expect("write");
    let output = dossier(&[
        "suggest",
        "--root",
        root.to_str().expect("utf-8"),
        "decomposed",
    ]);
    let out = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{out}");
    assert!(!out.contains("actors/benin.yaml"), "{out}");
    assert!(!out.contains("name: \"Bénin\""), "{out}");
    assert!(!out.contains("\"Sème\""), "{out}");
    assert!(out.contains("name: \"Sèmè\""), "{out}");
}
