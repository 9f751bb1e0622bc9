//! `dossier new source`: a saved web page and a plain-text article become sources that
//! `check` accepts once their required keys are set; an id is never taken twice and no
//! file is ever overwritten.

mod common;

use std::path::Path;

use common::{dossier, fixture};

fn new_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("content")).expect("content");
    std::fs::write(dir.path().join("content/dossier.yaml"), "title: Imports\n").expect("yaml");
    dir
}

fn run(root: &Path, file: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "new",
        "source",
        file.to_str().expect("utf-8"),
        "--root",
        root.to_str().expect("utf-8"),
    ];
    args.extend_from_slice(extra);
    dossier(&args)
}

fn check(root: &Path) -> std::process::Output {
    dossier(&["check", "--root", root.to_str().expect("utf-8")])
}

#[test]
fn a_saved_page_keeps_the_article_and_drops_the_page_around_it() {
    let project = new_project();
    let root = project.path();
    let output = run(root, &fixture("import/harbour-article.html"), &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let path = root.join("content/sources/harbour-concession-signed-with-orion-holdings.md");
    let text = std::fs::read_to_string(&path).expect("the new source");
    assert!(
        text.contains("title: \"Harbour concession signed with Orion Holdings\""),
        "{text}"
    );
    assert!(text.contains("published: 2024-03-14"), "{text}");
    assert!(text.contains("outlet: \"The Coastal Ledger\""), "{text}");
    assert!(text.contains("author: \"Jane Marlow\""), "{text}");
    assert!(
        text.contains("url: \"https://ledger.example/2024/03/harbour-deal\""),
        "{text}"
    );
    assert!(text.contains("language: en"), "{text}");
    assert!(
        text.contains("# reliability:"),
        "the keys to fill are there, commented"
    );
    for kept in [
        "thirty-year concession",
        "seven votes to four",
        "declined to comment",
    ] {
        assert!(text.contains(kept), "{kept} is missing:\n{text}");
    }
    for dropped in [
        "Subscribe today",
        "ADVERTISEMENT",
        "Most read",
        "All rights reserved",
    ] {
        assert!(!text.contains(dropped), "{dropped} was kept:\n{text}");
    }
    // Five paragraphs of text, five numbered blocks.
    let (model, _) = dossier::check(root);
    let model = model.expect("the dossier checks");
    assert_eq!(model.sources[0].paragraphs.len(), 5);
    assert!(check(root).status.success());
}

#[test]
fn a_text_file_needs_its_date_and_check_says_so() {
    let project = new_project();
    let root = project.path();
    let output = run(
        root,
        &fixture("import/council-note.txt"),
        &["--id", "council-note"],
    );
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("set published"));
    let path = root.join("content/sources/council-note.md");
    let text = std::fs::read_to_string(&path).expect("the new source");
    assert!(text.contains("title: \"Council postpones the harbour vote\""));
    let checked = check(root);
    assert_eq!(checked.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&checked.stderr).contains("published"));
    std::fs::write(
        &path,
        text.replace("# published: YYYY-MM-DD", "published: 2024-02-12 #"),
    )
    .expect("edit");
    let checked = check(root);
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

#[test]
fn a_taken_id_is_refused_and_nothing_is_overwritten() {
    let project = new_project();
    let root = project.path();
    assert!(
        run(root, &fixture("import/council-note.txt"), &["--id", "note"])
            .status
            .success()
    );
    let path = root.join("content/sources/note.md");
    std::fs::write(&path, "my own edits").expect("edit");
    let again = run(
        root,
        &fixture("import/harbour-article.html"),
        &["--id", "note"],
    );
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("the id 'note' is taken"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "my own edits"
    );
    let bad = run(
        root,
        &fixture("import/council-note.txt"),
        &["--id", "Not An Id"],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a valid id"));
}

fn stderr(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Imports a fixture into `root` under `id`; panics unless it succeeds. The new file's
/// text and what the command said.
fn import_as(root: &Path, name: &str, id: &str) -> (String, String) {
    let output = run(root, &fixture(&format!("import/{name}")), &["--id", id]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = root.join(format!("content/sources/{id}.md"));
    let text = std::fs::read_to_string(&path).expect("the new source");
    assert!(
        text.ends_with(".\n"),
        "the file ends with a newline:\n{text:?}"
    );
    (text, stderr(&output))
}

#[test]
fn a_latin1_page_is_read_in_the_charset_it_declares() {
    let project = new_project();
    let root = project.path();
    let output = run(root, &fixture("import/latin1.html"), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("read as windows-1252"),
        "{}",
        stderr(&output)
    );
    let path =
        root.join("content/sources/niamey-l-armee-annonce-la-fermeture-de-la-base-aerienne.md");
    let text = std::fs::read_to_string(&path).expect("the id is made of the right letters");
    assert!(
        text.contains("title: \"Niamey : l'armée annonce la fermeture de la base aérienne\""),
        "{text}"
    );
    assert!(
        text.contains("Le général a déclaré jeudi que la base aérienne serait fermée « dans"),
        "{text}"
    );
    assert!(!text.contains('\u{fffd}'), "{text}");
    assert!(check(root).status.success());
}

#[test]
fn a_page_that_declares_no_charset_and_is_not_utf8_is_read_as_windows_1252() {
    let project = new_project();
    let root = project.path();
    let (text, said) = import_as(root, "cp1252-undeclared.html", "cafes");
    assert!(
        text.contains("title: \"Café owners’ protest reaches the mayor\""),
        "{text}"
    );
    assert!(
        text.contains("“We cannot wait until the summer,” said Renée Dubois"),
        "{text}"
    );
    assert!(!text.contains('\u{fffd}'), "{text}");
    assert!(
        said.contains("not UTF-8 and declares no character set"),
        "{said}"
    );
}

#[test]
fn a_markdown_file_keeps_its_own_front_matter_and_its_whole_body() {
    let project = new_project();
    let root = project.path();
    let output = run(root, &fixture("import/fm.md"), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let path = root.join("content/sources/already-has-front-matter.md");
    let text = std::fs::read_to_string(&path).expect("the id comes from the title given");
    assert!(
        text.contains("title: \"Already has front matter\""),
        "{text}"
    );
    assert!(text.contains("\npublished: 2025-03-30\n"), "{text}");
    assert!(text.contains("\nauthor: \"Sam\"\n"), "{text}");
    assert!(
        text.ends_with("---\n\nBody paragraph one.\n\nBody two.\n"),
        "{text}"
    );
    let checked = check(root);
    assert!(checked.status.success(), "{}", stderr(&checked));
}

#[test]
fn front_matter_names_are_mapped_and_unknown_keys_are_named_not_lost() {
    let project = new_project();
    let root = project.path();
    let (text, said) = import_as(root, "fm-extra.md", "crossings");
    for line in [
        "title: \"Ferry crossings doubled, operator says\"",
        "published: 2025-03-22",
        "author: \"Tom Hale, Ana Costa\"",
        "url: \"https://ferries.example/news/crossings-doubled\"",
        "tags: [\"ferries\",\"bridge\"]",
        "reliability: \"B\"",
        "#   draft: true",
        "#   categories: [\"transport\"]",
    ] {
        assert!(
            text.contains(&format!("\n{line}\n")),
            "{line} is missing:\n{text}"
        );
    }
    assert!(said.contains("left out of the front matter"), "{said}");
    assert!(said.contains("draft, categories"), "{said}");
    assert!(text.contains("twice as many passengers"), "{text}");
    let (model, _) = dossier::check(root);
    let model = model.expect("the dossier checks");
    assert_eq!(model.sources[0].tags, ["ferries", "bridge"]);
    assert!(check(root).status.success());
}

#[test]
fn a_saved_page_has_absolute_addresses_its_images_apart_and_no_page_furniture() {
    let project = new_project();
    let root = project.path();
    let (text, _) = import_as(root, "bridge-article.html", "bridge");
    assert!(
        text.contains(
            "\n\n![The closed Riverside Bridge](https://www.northgateherald.example/img/bridge.jpg)\n\nThe Riverside Bridge has been closed since March 3."
        ),
        "{text}"
    );
    assert!(!text.contains("](/"), "{text}");
    assert!(!text.contains("ADVERTISEMENT"), "{text}");
    assert!(!text.contains("\nMarch 12, 2025\n"), "{text}");
    assert!(text.contains("On January 15, 2025, inspectors"), "{text}");
    assert!(
        !text.contains("Maria Okafor]"),
        "the byline is left out:\n{text}"
    );
    let (text, _) = import_as(root, "lemonde.html", "riverains");
    assert!(!text.contains("Publicité"), "{text}");
    assert!(!text.contains("réservé aux abonnés"), "{text}");
    assert!(
        text.contains("Le 3 mars 2025, le pont avait été fermé"),
        "{text}"
    );
    assert!(text.contains("\npublished: 2025-03-15\n"), "{text}");
    assert!(check(root).status.success());
}

#[test]
fn a_page_without_an_address_of_its_own_keeps_relative_links_and_says_so() {
    let project = new_project();
    let root = project.path();
    let (text, said) = import_as(root, "no-address.html", "ferries");
    assert!(text.contains("[statement](/press/2025-03-20)"), "{text}");
    assert!(
        text.contains("![A ferry at the quay](img/ferry.jpg)\n\nA ferry"),
        "{text}"
    );
    assert!(
        said.contains("2 link or image address(es) left relative"),
        "{said}"
    );
    assert!(
        text.contains("\npublished: 2025-03-20\n"),
        "meta name=date:\n{text}"
    );
}

#[test]
fn the_date_is_read_from_a_time_element() {
    let project = new_project();
    let root = project.path();
    let (text, said) = import_as(root, "time-only.html", "fund");
    assert!(text.contains("\npublished: 2025-03-18\n"), "{text}");
    assert!(!said.contains("set published"), "{said}");
}

#[test]
fn ids_that_cannot_be_made_or_are_wrong_say_why() {
    let project = new_project();
    let root = project.path();
    let cyrillic = run(root, &fixture("import/russian.txt"), &[]);
    assert_eq!(cyrillic.status.code(), Some(1));
    let said = stderr(&cyrillic);
    assert!(
        said.contains("no id can be made from the title 'Мост закрыт'") && said.contains("--id"),
        "{said}"
    );
    let bad = run(root, &fixture("import/russian.txt"), &["--id", "Bad_ID"]);
    assert_eq!(bad.status.code(), Some(1));
    let said = stderr(&bad);
    assert!(said.contains("'Bad_ID' is not a valid id"), "{said}");
    assert!(
        said.contains("lower-case letters a-z, digits and dashes"),
        "{said}"
    );
    assert!(!said.contains("--id"), "an id was given: {said}");
    assert!(
        run(root, &fixture("import/russian.txt"), &["--id", "most"])
            .status
            .success()
    );
}

#[test]
fn a_folder_that_is_not_a_project_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let output = run(dir.path(), &fixture("import/council-note.txt"), &[]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(said.contains("is not a dossier project"), "{said}");
    assert!(
        said.contains("--root") && said.contains("dossier init"),
        "{said}"
    );
    assert!(!dir.path().join("content").exists(), "nothing is created");
}

#[test]
fn importing_an_article_twice_warns_naming_the_first() {
    let project = new_project();
    let root = project.path();
    let (_, said) = import_as(root, "bridge-article.html", "bridge");
    assert!(!said.contains("warning"), "{said}");
    let (_, said) = import_as(root, "bridge-article.html", "bridge-again");
    assert!(said.contains("warning: source 'bridge'"), "{said}");
    assert!(said.contains("has the same url"), "{said}");
    assert!(said.contains("of the same paragraphs"), "{said}");
    // The same text without an address (a text file) is found too.
    let (_, said) = import_as(root, "bridge-excerpt.txt", "excerpt");
    assert!(
        said.contains("warning: source 'bridge'") && said.contains("has 1 of the same paragraphs"),
        "{said}"
    );
    assert!(!said.contains("same url"), "{said}");
    let (_, said) = import_as(root, "lemonde.html", "riverains");
    assert!(!said.contains("warning"), "{said}");
}

#[test]
fn a_front_matter_that_is_not_yaml_is_reported_where_it_breaks() {
    let project = new_project();
    let root = project.path();
    let file = fixture("import/fm-broken.md");
    let output = run(root, &file, &[]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(
        said.contains(&format!(
            "{}:3:7: the file's own front matter cannot be read",
            file.display()
        )),
        "{said}"
    );
    assert!(!root.join("content/sources").exists(), "nothing written");
}

#[test]
fn a_french_page_gives_its_date_and_author_from_its_byline_which_leaves_the_text() {
    let project = new_project();
    let root = project.path();

    // The byline names the outlet, the author and the day, and the page no date tag.
    let (text, _) = import_as(root, "regional-byline.html", "tramway");
    assert!(text.contains("\npublished: 2022-09-14\n"), "{text}");
    assert!(
        text.contains("\nauthor: \"Gwenaëlle Le Bihan\"\n"),
        "{text}"
    );
    assert!(
        !text.contains("À lire aussi"),
        "a link to another article is no paragraph of this one:\n{text}"
    );
    assert!(
        text.contains("\n\nPublié le 12 septembre par la métropole, le nouveau calendrier"),
        "a sentence of the article that begins like a dateline stays:\n{text}"
    );

    // The byline is the first paragraph of the text: "Par X", then "Publié le 1er …".
    let (text, _) = import_as(root, "byline-in-text-cp1252.html", "saumur");
    assert!(text.contains("\npublished: 2024-10-01\n"), "{text}");
    assert!(text.contains("\nauthor: \"Maëlle Cochard\"\n"), "{text}");
    assert!(!text.contains("Publié le"), "{text}");
    let body = text.rsplit("\n---\n").next().expect("a body");
    assert!(
        body.trim_start()
            .starts_with("La maire de Saumur a annoncé lundi"),
        "the article's first paragraph is p1:\n{text}"
    );

    // "Par A et B" is a byline; the subscriber-only notices go, and the writer is told.
    let (text, said) = import_as(root, "paywalled.html", "vannes");
    assert!(
        text.contains("\nauthor: \"Inès Moreau et Paul Kerleau\"\n"),
        "{text}"
    );
    assert!(!text.contains("Il vous reste"), "{text}");
    assert!(!text.contains("réservée aux abonnés"), "{text}");
    assert!(!text.contains("abonne"), "{text}");
    assert!(
        text.contains("Interrogée, l’agence n’a pas répondu"),
        "{text}"
    );
    assert!(
        said.contains("subscriber-only notice") && said.contains("may be cut short"),
        "{said}"
    );
    assert!(check(root).status.success(), "{}", stderr(&check(root)));
}

/// Regression: a page titled `Headline | Site` (most news sites) kept the site's name in
/// the source's title and id (`prosecutors-appeal-…-the-harbour-herald`), though the page
/// names its site (`og:site_name`), which becomes the outlet.
#[test]
fn the_sites_name_after_the_headline_is_left_out_of_the_title() {
    let project = new_project();
    let root = project.path();
    let page = root.join("appeal.html");
    std::fs::write(
        &page,
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>Prosecutors appeal O’Brien decision | The Harbour Herald</title>\
         <meta property=\"og:site_name\" content=\"The Harbour Herald\">\
         <meta property=\"article:published_time\" content=\"2025-07-09T08:30:00+01:00\">\
         <link rel=\"canonical\" href=\"https://harbourherald.example.com/2025/07/09/appeal\">\
         </head><body><article><h1>Prosecutors appeal O’Brien decision</h1>\
         <p>Prosecutors on Wednesday appealed the decision not to charge the former minister, \
         whose case the court had closed in June after a long hearing.</p>\
         <p>“We have new evidence,” a spokesperson said outside the court on Wednesday.</p>\
         </article></body></html>",
    )
    .expect("write page");
    let output = run(root, &page, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let written = root.join("content/sources/prosecutors-appeal-obrien-decision.md");
    let text =
        std::fs::read_to_string(&written).unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)));
    assert!(
        text.contains("title: \"Prosecutors appeal O’Brien decision\"\n"),
        "{text}"
    );
    assert!(text.contains("outlet: \"The Harbour Herald\"\n"), "{text}");
}

/// Regression: a wire story's `<time>` dateline ("May 10, 2024 2:32 PM GMT") before its
/// photo became the first paragraph, the photo glued to it, so every paragraph cited
/// afterwards was one off; and a French "À lire aussi" whose label is in bold
/// (`**À lire aussi** : [titre](…)`) stayed in the text as a paragraph.
#[test]
fn a_dateline_with_its_time_and_a_bold_see_also_line_leave_the_text() {
    let project = new_project();
    let root = project.path();
    let output = run(
        root,
        &fixture("import/wire-dateline.html"),
        &["--id", "wire"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(root.join("content/sources/wire.md")).expect("the source");
    let body = &text[text.rfind("\n---\n").expect("front matter") + 5..];
    assert!(!body.contains("2:32 PM"), "{body}");
    assert!(
        body.trim_start().starts_with(
            "![A worker at the Sèmè terminal](https://www.reuters.com/resizer/pipeline.jpg)\n"
        ),
        "{body}"
    );
    assert!(text.contains("published: 2024-05-10\n"), "{text}");
    let (text, _) = import_as(root, "see-also-bold.html", "blocked");
    assert!(!text.contains("lire aussi"), "{text}");
    assert!(text.contains("«\u{a0}guerre économique\u{a0}»"), "{text}");
}

/// Regression: a Markdown file with TOML front matter between `+++` lines, as Hugo and
/// Zola write it, was read as text: "no id can be made from the title '+++'", nothing
/// written. Its keys are now read as those of a YAML front matter are.
#[test]
fn a_markdown_file_with_toml_front_matter_is_read_like_yaml() {
    let project = new_project();
    let root = project.path();
    let output = run(root, &fixture("import/toml-front.md"), &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = std::fs::read_to_string(root.join("content/sources/talon-speaks.md"))
        .unwrap_or_else(|e| panic!("{e}: {}", stderr(&output)));
    assert!(text.contains("title: \"Talon speaks\"\n"), "{text}");
    assert!(text.contains("published: 2024-05-07\n"), "{text}");
    assert!(
        text.contains("#   description: \"A long\\nsummary\"\n"),
        "{text}"
    );
    assert!(text.contains("https://example.org/talon"), "kept: {text}");
    assert!(text.ends_with("---\n\nPresident Talon spoke.\n"), "{text}");
    assert!(!text.contains("+++"), "{text}");
}

/// Regression: a page whose `<html>` has no `lang` but whose `og:locale` is `fr_FR`
/// was imported without a language (the French source then read as the dossier's), and
/// Le Monde's "Lire aussi | [titre](…)", its bar escaped `\|`, stayed in the text.
#[test]
fn the_language_is_read_from_og_locale_and_an_escaped_bar_ends_a_see_also_label() {
    let project = new_project();
    let root = project.path();
    let (text, _) = import_as(root, "locale-only.html", "junte");
    assert!(text.contains("\nlanguage: fr-FR\n"), "{text}");
    assert!(!text.contains("Lire aussi"), "{text}");
    assert!(text.contains("confie un proche de la junte.\n"), "{text}");
}
