//! A source may be in any language (`de`, `ar`, `pt-BR`), while the interface stays in
//! French or English: the tag is checked for its form, the text is marked with it (and
//! its direction), named in the dossier's language, carried by `dossier.json` and the
//! exports, and French typography touches French text only. (A source in German used to
//! be refused: "allowed: fr, en".)

mod common;

use common::dossier;
use std::path::Path;

fn write(root: &Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(path, text).expect("write");
}

fn source(title: &str, language: &str, text: &str) -> String {
    format!("---\ntitle: \"{title}\"\npublished: 2023-09-05\nlanguage: {language}\n---\n\n{text}\n")
}

/// A dossier in `interface` language with a source in each of `languages` (id =
/// `src-` + the tag in lower case), and an event citing the first paragraph of each.
fn project(interface: &str, sources: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        root,
        "content/dossier.yaml",
        &format!("title: Languages\nlanguage: {interface}\n"),
    );
    let mut citations = Vec::new();
    for (language, text) in sources {
        let id = format!("src-{}", language.to_ascii_lowercase().replace('_', "-"));
        write(
            root,
            &format!("content/sources/{id}.md"),
            &source(&id, language, text),
        );
        citations.push(format!("{id}#p1"));
    }
    write(
        root,
        "content/events/2023.yaml",
        &format!(
            "- date: 2023-09-05\n  title: Water cuts\n  sources: [{}]\n",
            citations.join(", ")
        ),
    );
    dir
}

fn build(root: &Path) -> (std::process::Output, std::path::PathBuf) {
    let out = root.join("site");
    let output = dossier(&[
        "build",
        "--root",
        root.to_str().expect("utf-8"),
        "--out",
        out.to_str().expect("utf-8"),
    ]);
    (output, out)
}

fn read(out: &Path, path: &str) -> String {
    std::fs::read_to_string(out.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The start tag of the source text's body on a source page.
fn body_tag(page: &str) -> &str {
    let start = page.find("<div class=\"body\"").expect("the text's body");
    let end = start + page[start..].find('>').expect("end of tag");
    &page[start..=end]
}

#[test]
fn sources_in_german_arabic_and_brazilian_portuguese_in_a_french_dossier() {
    let project = project(
        "fr",
        &[
            (
                "de",
                "Im Jahr 2023 100 Familien verließen die Insel: Wasser?",
            ),
            (
                "ar",
                "قالت المحافظة إن المياه لا تصل إلا يوماً من كل ثلاثة أيام.",
            ),
            ("PT-br", "A água chega um dia em cada três."),
            ("en", "In 2023 100 families left : no water !"),
            ("tzm", "Aman."),
        ],
    );
    write(
        project.path(),
        "content/actors/insel.yaml",
        "name: Insel\nkind: place\n",
    );
    let (output, out) = build(project.path());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");

    // The sentences an actor's profile quotes keep the language of their source.
    let actor = read(&out, "actors/insel/index.html");
    assert!(
        actor.contains("<span lang=\"de\">Im Jahr 2023 100 Familien"),
        "{actor}"
    );

    // The text is marked with its language and direction; the interface stays French.
    let german = read(&out, "sources/src-de/index.html");
    assert!(german.starts_with("<!doctype html>\n<html lang=\"fr\">"));
    assert_eq!(body_tag(&german), "<div class=\"body\" lang=\"de\">");
    let arabic = read(&out, "sources/src-ar/index.html");
    assert_eq!(
        body_tag(&arabic),
        "<div class=\"body\" lang=\"ar\" dir=\"rtl\">"
    );
    let portuguese = read(&out, "sources/src-pt-br/index.html");
    assert_eq!(body_tag(&portuguese), "<div class=\"body\" lang=\"pt-BR\">");
    // What cites a paragraph, inside the text, says it is in French again (and left to
    // right inside the Arabic text), with its French typography.
    assert!(german.contains("<details class=\"cited-note\" lang=\"fr\"><summary>"));
    assert!(arabic.contains("<details class=\"cited-note\" lang=\"fr\" dir=\"ltr\"><summary>"));
    assert!(
        german.contains("5 septembre 2023\u{a0}: Water cuts</a>"),
        "{german}"
    );

    // French typography only on French text: the numbers and signs of the German and
    // English texts keep their spaces, the French labels get theirs.
    assert!(german.contains("Im Jahr 2023 100 Familien verließen die Insel: Wasser?"));
    let english = read(&out, "sources/src-en/index.html");
    assert!(
        english.contains("In 2023 100 families left : no water !"),
        "{english}"
    );
    assert!(
        english.contains("5 septembre 2023\u{a0}: Water cuts</a>"),
        "{english}"
    );

    // Named in French in the facts and the table, with the code alongside.
    assert!(german.contains("<dt>Langue</dt><dd>allemand</dd>"));
    assert!(portuguese.contains("<dd>portugais (pt-BR)</dd>"));
    let unknown = read(&out, "sources/src-tzm/index.html");
    assert!(unknown.contains("<dd>tzm</dd>"));
    let table = read(&out, "sources/index.html");
    for cell in [
        "<data value=\"de\">allemand</data>",
        "<data value=\"ar\">arabe</data>",
        "<data value=\"pt-BR\">portugais (pt-BR)</data>",
        "<data value=\"tzm\">tzm</data>",
    ] {
        assert!(table.contains(cell), "{cell} not in the sources table");
    }

    // The code in dossier.json and in the exports.
    let json: serde_json::Value =
        serde_json::from_str(&read(&out, "dossier.json")).expect("dossier.json");
    let languages: Vec<&str> = json["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .filter_map(|s| s["language"].as_str())
        .collect();
    for tag in ["de", "ar", "pt-BR", "en", "tzm"] {
        assert!(languages.contains(&tag), "{tag} not in {languages:?}");
    }
    let exports = project.path().join("exports");
    let output = dossier(&[
        "export",
        "--root",
        project.path().to_str().expect("utf-8"),
        "--format",
        "all",
        "--out",
        exports.to_str().expect("utf-8"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let csv = read(&exports, "sources.csv");
    assert!(csv.contains(",pt-BR,"), "{csv}");
    let ftm = read(&exports, "dossier.ftm.json");
    for code in ["deu", "ara", "por", "eng", "tzm"] {
        assert!(
            ftm.contains(&format!("\"language\":[\"{code}\"]")),
            "{code}"
        );
    }
}

#[test]
fn a_french_source_in_an_english_dossier_gets_french_typography_and_its_name() {
    let project = project("en", &[("fr", "Le préfet a dit : « non ». 1 000 foyers !")]);
    let (output, out) = build(project.path());
    assert_eq!(output.status.code(), Some(0));
    let page = read(&out, "sources/src-fr/index.html");
    assert_eq!(body_tag(&page), "<div class=\"body\" lang=\"fr\">");
    assert!(
        page.contains("Le préfet a dit\u{a0}: «\u{a0}non\u{a0}». 1\u{202f}000 foyers\u{202f}!"),
        "{page}"
    );
    // The English note inside the French text is left as English.
    assert!(page.contains("<details class=\"cited-note\" lang=\"en\"><summary>"));
    assert!(page.contains("<dt>Language</dt><dd>French</dd>"));
}

#[test]
fn a_language_that_is_not_a_code_is_an_error_with_the_code_to_write() {
    let project = project("en", &[("German", "Text."), ("pt_BR", "Texto.")]);
    write(
        project.path(),
        "content/sources/src-x.md",
        &source("x", "\"english please\"", "Text."),
    );
    let output = dossier(&["check", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    for (at, message, hint) in [
        (
            "content/sources/src-german.md:4:11",
            "`German` is not a language code",
            "write its code: `de`",
        ),
        (
            "content/sources/src-pt-br.md:4:11",
            "`pt_BR` is not a language code",
            "write `pt-BR`, with `-` between the parts",
        ),
        (
            "content/sources/src-x.md:4:11",
            "`english please` is not a language code",
            "write the language's BCP 47 code: `de`, `ru`, `ar`, `pt-BR`, `zh-Hant`",
        ),
    ] {
        let report = stderr
            .split("\n\n")
            .find(|r| r.contains(&format!("--> {at}")))
            .unwrap_or_else(|| panic!("nothing at {at}:\n{stderr}"));
        assert!(report.starts_with(&format!("error: {message}")), "{report}");
        assert!(report.contains(&format!("= hint: {hint}")), "{report}");
    }
}

#[test]
fn the_dossier_language_is_still_french_or_english() {
    let project = project("de", &[("de", "Text.")]);
    let output = dossier(&["check", project.path().to_str().expect("utf-8")]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("--> content/dossier.yaml:2:11"), "{stderr}");
    assert!(stderr.contains("allowed: fr, en"), "{stderr}");
}
