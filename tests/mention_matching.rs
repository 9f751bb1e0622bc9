//! How names in the sources are matched to actors when two actors claim the same name,
//! and when the text writes apostrophes, spaces and line breaks its own way.

mod common;

use std::path::Path;
use std::process::Command;

use common::{build, copy_project, fixture};

fn write(root: &Path, file: &str, text: &str) {
    std::fs::write(root.join(file), text).expect("write");
}

fn check(root: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--root", root.to_str().expect("utf-8")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// What `dossier check --mentions` prints of the project at `root`.
fn mentions_listing(root: &Path) -> String {
    let output = common::dossier_in(root, &["check", "--mentions"]);
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The project of both tests: the English fixture with the actors and the source below.
fn project() -> tempfile::TempDir {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let actors = [
        ("niger", "name: Niger\nkind: state\n"),
        (
            "base-aerienne-201",
            "name: Base aérienne 201\nkind: place\naliases:\n  - Niger\n",
        ),
        ("moscou", "name: Moscou\nkind: place\naliases: [Kremlin]\n"),
        ("russie", "name: Russie\nkind: state\naliases: [Kremlin]\n"),
        ("afrique-ouest", "name: Afrique de l'Ouest\nkind: place\n"),
        ("riverside-bridge", "name: Riverside Bridge\nkind: place\n"),
        ("inspectors", "name: The inspectors\nkind: group\n"),
    ];
    for (id, yaml) in actors {
        write(root, &format!("content/actors/{id}.yaml"), yaml);
    }
    let body = "Niger and the Kremlin, as seen from Afrique de\u{a0}l\u{2019}Ouest and \
                from Afrique de\u{202f}l\u{2bc}Ouest.\n\n\
                Near the Riverside\nBridge. The\ninspectors came.\n";
    write(
        root,
        "content/sources/west.md",
        &format!("---\ntitle: West\npublished: 2024-05-01\n---\n\n{body}"),
    );
    project
}

#[test]
fn item_20_an_own_name_wins_over_an_alias_and_a_shared_alias_links_to_neither() {
    let project = project();
    let site = build(project.path());
    let page = site.read("sources/west/index.html");
    assert!(
        page.contains("href=\"../../actors/niger/index.html\">Niger</a>"),
        "{page}"
    );
    assert!(!page.contains("actors/base-aerienne-201/"), "{page}");
    assert!(!page.contains(">Kremlin</a>"), "{page}");
    let warnings = check(project.path());
    let at_alias = "--> content/actors/base-aerienne-201.yaml:4:5";
    assert!(warnings.contains(at_alias), "{warnings}");
    assert!(
        warnings.contains("the alias 'Niger' of 'base-aerienne-201' is the name of 'niger'"),
        "{warnings}"
    );
    for file in ["moscou", "russie"] {
        assert!(
            warnings.contains(&format!("--> content/actors/{file}.yaml:3:")),
            "{file}: {warnings}"
        );
    }
    assert!(
        !warnings.contains("content/actors/niger.yaml"),
        "{warnings}"
    );
}

#[test]
fn item_21_apostrophes_spaces_and_line_breaks_match_as_one() {
    let project = project();
    let site = build(project.path());
    let page = site.read("sources/west/index.html");
    let afrique =
        "href=\"../../actors/afrique-ouest/index.html\">Afrique de\u{a0}l\u{2019}Ouest</a>";
    assert!(page.contains(afrique), "{page}");
    let bridge = "href=\"../../actors/riverside-bridge/index.html\">Riverside\nBridge</a>";
    assert!(page.contains(bridge), "{page}");
    assert!(page.contains("href=\"../../actors/inspectors/index.html\">The\ninspectors</a>"));
    let profile = site.read("actors/afrique-ouest/index.html");
    assert!(
        profile.contains("2 mentions") || profile.contains(">2<"),
        "{profile}"
    );
    // Offsets in dossier.json are those of the text as written.
    let json: serde_json::Value = serde_json::from_str(&site.read("dossier.json")).expect("json");
    let source =
        std::fs::read_to_string(project.path().join("content/sources/west.md")).expect("read");
    let body = &source[source.find("\n---\n").expect("front matter") + 5..];
    let mentions = json["mentions"].as_array().expect("mentions");
    let mut texts = Vec::new();
    for mention in mentions.iter().filter(|m| m["source"] == "west") {
        let start = usize::try_from(mention["start"].as_u64().expect("start")).expect("usize");
        let end = usize::try_from(mention["end"].as_u64().expect("end")).expect("usize");
        let written = &body[start..end];
        assert_eq!(Some(written), mention["text"].as_str());
        texts.push(written.to_string());
    }
    assert!(
        texts.contains(&"Afrique de\u{202f}l\u{2bc}Ouest".to_string()),
        "{texts:?}"
    );
    assert!(
        texts.contains(&"Riverside\nBridge".to_string()),
        "{texts:?}"
    );
}

#[test]
fn item_20_a_name_of_two_actors_links_to_neither_with_a_warning() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    write(
        root,
        "content/actors/smith-journalist.yaml",
        "name: Jane Smith\nkind: person\n",
    );
    write(
        root,
        "content/actors/smith-minister.yaml",
        "kind: person\nname: Jane Smith\naliases: [Minister Smith]\n",
    );
    let body = "Jane Smith asked Minister Smith.\n";
    write(
        root,
        "content/sources/smiths.md",
        &format!("---\ntitle: Smiths\npublished: 2024-05-01\n---\n\n{body}"),
    );
    let site = build(root);
    let page = site.read("sources/smiths/index.html");
    let start = page.find("<p id=\"p1\"").expect("p1");
    let text = &page[start..start + page[start..].find("</p>").expect("end of p1")];
    assert!(text.contains("</a> Jane Smith asked"), "{text}");
    assert!(!page.contains("actors/smith-journalist/"), "{page}");
    assert!(
        text.contains("href=\"../../actors/smith-minister/index.html\">Minister Smith</a>"),
        "the alias still links: {text}"
    );
    let warnings = check(root);
    for (file, at, other) in [
        ("smith-journalist", "1:7", "smith-minister"),
        ("smith-minister", "2:7", "smith-journalist"),
    ] {
        assert!(
            warnings.contains(&format!("--> content/actors/{file}.yaml:{at}")),
            "{file}: {warnings}"
        );
        assert!(
            warnings.contains(&format!(
                "'Jane Smith', the name of '{file}', is also a name of '{other}'"
            )),
            "{warnings}"
        );
    }
    assert!(warnings.contains("link to none of them"), "{warnings}");
}

/// Regression: `check --mentions` printed a name split over two lines of the Markdown
/// with its line break (`[Mohamed⏎Bazoum]`), cutting its one-line listing in two; a
/// CRLF around a mention also counted as two spaces.
#[test]
fn the_listing_of_mentions_keeps_each_mention_on_its_line() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    write(
        root,
        "content/sources/split-name.md",
        "---\r\ntitle: Split\r\npublished: 2024-05\r\n---\r\nThe council heard Mohamed\r\nBazoum on Tuesday.\r\n",
    );
    let listing = mentions_listing(root);
    let line = listing
        .lines()
        .find(|l| l.starts_with("  split-name#p1: "))
        .unwrap_or_else(|| panic!("the mention is listed:\n{listing}"));
    assert_eq!(
        line,
        "  split-name#p1: …The council heard [Mohamed Bazoum] on Tuesday. …"
    );
}

/// Regression: text copied from a PDF or saved on macOS writes the same name with other
/// code points: `Be` + U+0301 for `Bé`, the ligature `ﬁ`, soft hyphens and zero-width
/// spaces inside a name. None of these names was found, without a word: the source
/// page linked nothing and the profiles counted no mention.
#[test]
fn names_copied_from_pdfs_and_macos_are_found() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let actors = [
        ("benin", "name: Bénin\nkind: state\n"),
        ("sofiane-diallo", "name: Sofiane Diallo\nkind: person\n"),
        ("tiani", "name: Abdourahamane Tiani\nkind: person\n"),
        ("cnpc", "name: CNPC\nkind: organization\n"),
        ("seme", "name: Se\u{300}me\u{300}-Kpodji\nkind: place\n"),
    ];
    for (id, yaml) in actors {
        write(root, &format!("content/actors/{id}.yaml"), yaml);
    }
    let body = "Le Be\u{301}nin et So\u{fb01}ane Diallo.\n\n\
                Ab\u{ad}dou\u{ad}ra\u{ad}ha\u{ad}mane Tiani a rencontré CN\u{200b}PC à Sèmè-Kpodji.\n";
    write(
        root,
        "content/sources/copied.md",
        &format!("---\ntitle: Copied\npublished: 2024-05-01\n---\n\n{body}"),
    );
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root", root.to_str().expect("utf-8")])
        .args(["--out", root.join("site").to_str().expect("utf-8")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    assert!(output.status.success(), "{output:?}");
    let page = std::fs::read_to_string(root.join("site/sources/copied/index.html")).expect("page");
    for (id, written) in [
        ("benin", "Be\u{301}nin"),
        ("sofiane-diallo", "So\u{fb01}ane Diallo"),
        ("tiani", "Ab\u{ad}dou\u{ad}ra\u{ad}ha\u{ad}mane Tiani"),
        ("cnpc", "CN\u{200b}PC"),
        ("seme", "Sèmè-Kpodji"),
    ] {
        let link = format!("href=\"../../actors/{id}/index.html\">{written}</a>");
        assert!(page.contains(&link), "{id}: {page}");
    }
}

/// Regression: a name written with an HTML entity, as text pasted from a web page's
/// source or typed for French typography is (`General&nbsp;Tiani`, `B&eacute;nin`,
/// `N&rsquo;Djamena`), was not found; only `Tiani` linked, to the shorter alias.
#[test]
fn names_written_with_html_entities_are_found() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let actors = [
        (
            "tiani",
            "name: Abdourahamane Tiani\nkind: person\naliases: [General Tiani, Tiani]\n",
        ),
        ("benin", "name: Bénin\nkind: state\n"),
        ("ndjamena", "name: N’Djamena\nkind: place\n"),
    ];
    for (id, yaml) in actors {
        write(root, &format!("content/actors/{id}.yaml"), yaml);
    }
    let body = "A loan to General&nbsp;Tiani, said B&eacute;nin in N&rsquo;Djamena.\n";
    write(
        root,
        "content/sources/entities.md",
        &format!("---\ntitle: Entities\npublished: 2024-05-01\n---\n\n{body}"),
    );
    let site = build(root);
    let page = site.read("sources/entities/index.html");
    for (id, shown) in [
        ("tiani", "General\u{a0}Tiani"),
        ("benin", "Bénin"),
        ("ndjamena", "N’Djamena"),
    ] {
        let link = format!("href=\"../../actors/{id}/index.html\">{shown}</a>");
        assert!(page.contains(&link), "{id}: {page}");
    }
}

/// Regression: the alias `the` (or `les`) linked every "the" and "The" of the texts to
/// its actor without a word, while a two-letter alias got a warning.
#[test]
fn an_alias_that_is_a_common_word_is_a_warning_at_the_alias() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    write(
        root,
        "content/actors/niger.yaml",
        "name: Niger\nkind: state\naliases: [Niamey, the, Les]\n",
    );
    let warnings = check(root);
    for (word, at) in [("the", "3:19"), ("Les", "3:24")] {
        assert!(
            warnings.contains(&format!(
                "warning: the alias '{word}' of 'niger' is a common word: every '{word}' in the sources will link to it\n  --> content/actors/niger.yaml:{at}"
            )),
            "{word}: {warnings}"
        );
    }
    assert!(!warnings.contains("alias 'Niamey'"), "{warnings}");
}

/// Regression: an editor that curls quotes wrote `aliases: [“Niamey”]`; YAML keeps the
/// curly marks as part of the alias, which then matched no text, without a word.
#[test]
fn an_alias_in_curly_quotes_is_a_warning_at_the_alias() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    write(
        root,
        "content/actors/niger.yaml",
        "name: Niger\nkind: state\naliases: [“Niamey”, « la capitale »]\n",
    );
    let warnings = check(root);
    assert!(
        warnings.contains(
            "warning: the alias '“Niamey”' of 'niger' keeps its quotation marks: only a text that writes them around it will match\n  --> content/actors/niger.yaml:3:11"
        ),
        "{warnings}"
    );
    assert!(
        warnings.contains("write \"Niamey\", or Niamey without quotes"),
        "{warnings}"
    );
    assert!(!warnings.contains("'« la capitale »'"), "{warnings}");
}

/// Regression: the words around a mention in `check --mentions` ran into the paragraph
/// before or after it (`…ended without agreement.  [Tiani]’s envoy…`), as if they were
/// one sentence.
#[test]
fn the_listing_of_mentions_quotes_words_of_the_mentions_paragraph_only() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    write(
        root,
        "content/sources/two-paragraphs.md",
        "---\ntitle: Two\npublished: 2024-05\n---\nThe talks ended.\n\nBazoum spoke.\n\nNobody answered.\n",
    );
    let listing = mentions_listing(root);
    let line = listing
        .lines()
        .find(|l| l.starts_with("  two-paragraphs#p2: "))
        .unwrap_or_else(|| panic!("the mention is listed:\n{listing}"));
    assert_eq!(line, "  two-paragraphs#p2: …[Bazoum] spoke.…");
}
