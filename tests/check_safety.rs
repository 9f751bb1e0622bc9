//! What `check` catches that writers get wrong, and what it must never print: each test
//! runs the real binary on a fixture dossier changed the way a writer would.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{copy_project, fixture};

fn check(root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--root", root.to_str().expect("utf-8 path")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run dossier")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The block of one diagnostic: from its first line to the blank line after it.
fn block<'a>(text: &'a str, what: &str) -> &'a str {
    let start = text
        .find(what)
        .unwrap_or_else(|| panic!("no `{what}` in:\n{text}"));
    let start = text[..start].rfind("\n\n").map_or(0, |i| i + 2);
    let end = text[start..].find("\n\n").map_or(text.len(), |i| start + i);
    &text[start..end]
}

/// A copy of the English fixture with `templates/NAME` written as `text`.
fn project_with_template(name: &str, text: &str) -> tempfile::TempDir {
    let project = copy_project(&fixture("valid-en"));
    std::fs::create_dir(project.path().join("templates")).expect("mkdir");
    std::fs::write(project.path().join("templates").join(name), text).expect("write");
    project
}

#[cfg(unix)]
#[test]
fn item_7_links_out_of_the_project_are_refused_and_never_quoted() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let outside = tempfile::tempdir().expect("temp");
    let secret = outside.path().join("environ");
    std::fs::write(&secret, "AWS_SECRET=hunter2\n").expect("write");
    let link = |target: &Path, at: &str| {
        std::os::unix::fs::symlink(target, root.join(at)).expect("link");
    };
    link(&secret, "content/sources/leak.md");
    link(&secret, "content/actors/leak.yaml");
    link(Path::new("/proc/self/environ"), "content/events/env.yaml");
    // A link inside the project is fine.
    std::fs::create_dir(root.join("drafts")).expect("mkdir");
    let actor = root.join("content/actors/port-varna.yaml");
    std::fs::rename(&actor, root.join("drafts/port-varna.yaml")).expect("move");
    link(
        &root.join("drafts/port-varna.yaml"),
        "content/actors/port-varna.yaml",
    );
    let output = check(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    for at in [
        "content/sources/leak.md",
        "content/actors/leak.yaml",
        "content/events/env.yaml",
    ] {
        let found = block(&text, &format!("--> {at}"));
        assert!(found.contains("outside the project"), "{found}");
    }
    assert!(!text.contains("hunter2"), "{text}");
    assert!(!text.contains("PATH="), "{text}");
    assert!(!text.contains("port-varna.yaml"), "{text}");
    // dossier.yaml itself.
    let yaml = root.join("content/dossier.yaml");
    std::fs::remove_file(&yaml).expect("rm");
    std::os::unix::fs::symlink(&secret, &yaml).expect("link");
    let text = stderr(&check(root));
    assert!(block(&text, "--> content/dossier.yaml").contains("outside the project"));
    assert!(!text.contains("hunter2"), "{text}");
}

#[test]
fn item_18_a_misspelt_folder_in_content_is_an_error_with_a_hint() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let content = root.join("content");
    let event = "- date: 2024-01-01\n  title: Lost\n";
    std::fs::create_dir(content.join("event")).expect("mkdir");
    std::fs::write(content.join("event/x.yaml"), event).expect("write");
    std::fs::create_dir(content.join("source")).expect("mkdir");
    std::fs::create_dir(content.join("drafts")).expect("mkdir");
    std::fs::write(content.join("drafts/a.md"), "draft").expect("write");
    std::fs::write(content.join("dossier.yml"), "title: x\n").expect("write");
    std::fs::write(content.join(".notes"), "hidden: fine").expect("write");
    let output = check(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let hints = [
        ("content/event/", "did you mean `events/`?"),
        ("content/source/", "did you mean `sources/`?"),
        (
            "content/drafts/",
            "content/ holds only dossier.yaml, sources/, actors/ and events/",
        ),
        ("content/dossier.yml", "did you mean `dossier.yaml`?"),
    ];
    for (at, hint) in hints {
        let found = block(&text, &format!("--> {at}\n"));
        assert!(found.starts_with("error: unknown"), "{found}");
        assert!(found.contains(hint), "{found}");
    }
    assert!(!text.contains(".notes"), "{text}");
    assert!(text.contains("4 errors"), "{text}");
}

/// Replaces `from` by `to` in a file of `root`.
fn edit(root: &Path, file: &str, from: &str, to: &str) {
    let path = root.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no `{from}`");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

#[test]
fn item_19_the_cause_comes_first_with_its_consequences_folded_in() {
    // No front matter: one error, first, that counts the citations it breaks.
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let file = "content/sources/council-minutes.md";
    let text = std::fs::read_to_string(root.join(file)).expect("read");
    let body = &text[text.find("\n---\n").expect("front matter") + 5..];
    std::fs::write(root.join(file), body).expect("write");
    let text = stderr(&check(root));
    assert!(
        text.starts_with("error: a source starts with YAML front matter"),
        "{text}"
    );
    assert!(
        text.contains("citations of this unreadable source ('council-minutes')"),
        "{text}"
    );
    assert!(!text.contains("unknown"), "{text}");
    assert!(text.contains("\n1 error"), "{text}");

    // A file name that is not an id: its citations fold into it.
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    std::fs::rename(
        root.join(file),
        root.join("content/sources/Council_Minutes.md"),
    )
    .expect("rename");
    let text = stderr(&check(root));
    assert!(
        text.starts_with("error: `Council_Minutes` is not a valid id"),
        "{text}"
    );
    assert!(
        text.contains("citations of this unreadable source"),
        "{text}"
    );
    assert!(!text.contains("unknown source"), "{text}");

    // `: ` in a plain value (French typography): the hint to quote it, at its line.
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    edit(
        root,
        file,
        "title: Minutes of the harbour council",
        "title: Niger : les militaires",
    );
    let text = stderr(&check(root));
    let found = block(&text, "--> content/sources/council-minutes.md:2:");
    assert!(
        found.contains("hint: quote a value that contains ': ': title: \"Niger : les militaires\""),
        "{found}"
    );
    assert!(text.starts_with("error: invalid YAML"), "{text}");
}

#[test]
fn item_17_locations_are_those_of_the_users_file() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    // A tab on line 2.
    let actor = "content/actors/port-varna.yaml";
    std::fs::write(root.join(actor), "name: Port of Varna\n\tkind: place\n").expect("write");
    let text = stderr(&check(root));
    let found = block(&text, "found a tab");
    assert!(found.contains(&format!("--> {actor}:2:1")), "{found}");
    assert!(!found.contains(" at line "), "{found}");
    // Old Mac line ends (CR only): the unknown key on line 3 is on line 3.
    std::fs::write(
        root.join(actor),
        "name: Port of Varna\rkind: place\ralias: [Varna]\r",
    )
    .expect("write");
    let text = stderr(&check(root));
    let found = block(&text, "unknown key");
    assert!(found.contains(&format!("--> {actor}:3:1")), "{found}");
    assert!(found.contains("3 | alias: [Varna]"), "{found}");
    // Front matter: a duplicate key at the file's line, in the file's words.
    std::fs::write(root.join(actor), "name: Port of Varna\nkind: place\n").expect("write");
    edit(
        root,
        "content/sources/council-minutes.md",
        "kind: transcript",
        "kind: transcript\ntitle: Again",
    );
    let text = stderr(&check(root));
    let found = block(&text, "duplicate");
    assert!(
        found.contains("--> content/sources/council-minutes.md:5:1"),
        "{found}"
    );
    assert!(!found.contains("Options"), "{found}");
    assert!(!found.contains(" at line "), "{found}");
}

#[test]
fn item_12_a_wiki_link_with_an_empty_label_is_an_error() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    edit(
        root,
        "content/sources/council-minutes.md",
        "The council met",
        "The [[port-varna|]] council met",
    );
    let output = check(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "empty label");
    assert!(
        found.contains("--> content/sources/council-minutes.md:10:5"),
        "{found}"
    );
    assert!(found.contains("write [[port-varna]]"), "{found}");
}

#[cfg(unix)]
#[test]
fn item_13_scheme_less_links_and_non_utf8_file_names_are_worded_right() {
    use std::os::unix::ffi::OsStrExt;
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    edit(
        root,
        "content/sources/council-minutes.md",
        "The council met",
        "The [council](//evil.example/x) met",
    );
    let name = std::ffi::OsStr::from_bytes(b"\xff\xfe.md");
    std::fs::write(
        root.join("content/sources").join(name),
        "---\ntitle: x\n---\n",
    )
    .expect("write");
    let text = stderr(&check(root));
    let found = block(&text, "//evil.example/x");
    assert!(found.contains("has no scheme"), "{found}");
    assert!(!found.contains("`:`"), "{found}");
    let found = block(&text, "is not a valid id");
    assert!(
        found.contains("rename it `a-name-of-your-own.md`"),
        "{found}"
    );
    assert!(!found.contains("rename it `.md`"), "{found}");
}

#[test]
fn item_23_a_template_error_is_told_at_its_line_in_the_templates_folder() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    std::fs::create_dir(root.join("templates")).expect("mkdir");
    let base =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/base.html"))
            .expect("read");
    let mut lines: Vec<&str> = base.lines().collect();
    lines.insert(9, "{% if %}");
    std::fs::write(root.join("templates/base.html"), lines.join("\n")).expect("write");
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root", root.to_str().expect("utf-8")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "invalid template");
    assert!(found.contains("--> templates/base.html:10:7"), "{found}");
    assert!(found.contains("10 | {% if %}"), "{found}");
    assert!(!found.contains(&root.display().to_string()), "{found}");
    assert!(!root.join("public").exists());
}

#[test]
fn a_template_reading_what_the_page_lacks_is_told_at_its_line() {
    let project = project_with_template(
        "tags.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ l.tags }} {{ no_such_field }}</p>\n{% endblock main %}\n",
    );
    let root = project.path();
    let output = check_build(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "Variable `no_such_field`");
    assert!(
        found.starts_with("error: template tags.html: Variable `no_such_field` is not defined"),
        "{found}"
    );
    // At its line in templates/, not at the output folder.
    assert!(found.contains("--> templates/tags.html:3:20\n"), "{found}");
    assert!(
        found.contains("3 | <p>{{ l.tags }} {{ no_such_field }}</p>"),
        "{found}"
    );
    assert!(!found.contains("public"), "{found}");
    assert!(!root.join("public").exists());
}

/// Regression: a filter that does not exist was told at `templates` (the folder), with
/// tera's own report pasted in the message (`invalid template: error: Unknown filter`).
#[test]
fn an_unknown_filter_is_told_at_its_line() {
    let project = project_with_template(
        "tags.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ l.tags | shout }}</p>\n{% endblock main %}\n",
    );
    let root = project.path();
    let output = check_build(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "Unknown filter");
    assert!(
        found.starts_with("error: invalid template: Unknown filter `shout`\n"),
        "{found}"
    );
    assert!(found.contains("--> templates/tags.html:3:16\n"), "{found}");
    assert!(found.contains("^^^^^"), "the filter is marked: {found}");
    assert!(!root.join("public").exists());
}

#[test]
fn a_template_written_with_macros_is_told_about_components() {
    let project = project_with_template(
        "macros.html",
        "{% macro tags(list) %}{% for t in list %}{{ t.label }}{% endfor %}{% endmacro tags %}\n",
    );
    let root = project.path();
    let output = check_build(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "invalid template");
    assert!(found.contains("--> templates/macros.html:1:4"), "{found}");
    assert!(found.contains("`{% component NAME(ARGS) %}`"), "{found}");
}

/// `dossier build` of the project at `root`, without colours.
fn check_build(root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["build", "--root", root.to_str().expect("utf-8")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run")
}

#[test]
fn item_22_the_warnings_a_writer_wants() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    let write = |file: &str, text: &str| std::fs::write(root.join(file), text).expect("write");
    write(
        "content/actors/ghost.yaml",
        "name: Ghost Company\nkind: organization\n",
    );
    write(
        "content/sources/unused.md",
        "---\ntitle: Nobody cites me\npublished: 2024-01\n---\n\nText.\n",
    );
    let text = stderr(&check(root));
    let found = block(&text, "--> content/actors/ghost.yaml:1:7");
    assert!(found.contains("warning: 'ghost' is mentioned in no source and named in no event"));
    let found = block(&text, "--> content/sources/unused.md:2:8");
    assert!(
        found.contains("warning: no event, judgment or text cites 'unused'"),
        "{found}"
    );
    // A name or an alias written where the id goes, paragraphs after one source.
    let events = "content/events/2023-2024.yaml";
    edit(root, events, "actors: [port-varna]", "actors: [Varna]");
    edit(
        root,
        events,
        "sources: [port-concession-signed#p1]",
        "sources: [port-concession-signed#p1,p2]",
    );
    let text = stderr(&check(root));
    let found = block(&text, "'Varna' is an alias of 'port-varna'");
    assert!(found.contains("hint: write the id: port-varna"), "{found}");
    let found = block(&text, "'p2' is a paragraph");
    assert!(
        found.contains("hint: write port-concession-signed#p1, port-concession-signed#p2"),
        "{found}"
    );
}

/// Regression: `![](images/map.png)` in a source, with the file in `static/images/`, was a
/// broken image on the source's page (resolved from `sources/ID/`) without a word.
#[test]
fn a_relative_image_that_leads_nowhere_is_told_with_the_path_that_works() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    std::fs::create_dir_all(root.join("static/images")).expect("mkdir");
    std::fs::write(root.join("static/images/map.png"), b"\x89PNG").expect("write");
    let source = root.join("content/sources/council-minutes.md");
    let mut text = std::fs::read_to_string(&source).expect("read");
    let line = text.lines().count() + 2;
    text.push_str(
        "\n![Map of the port](images/map.png)\n\n\
         ![The same map](../../images/map.png), [a page](../../actors/port-varna/), \
         [mail](<someone@example.org>) and [the minutes](minutes.pdf).\n",
    );
    std::fs::write(&source, text).expect("write");
    let output = check(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "warnings only:\n{text}");
    let found = block(&text, "`images/map.png`");
    assert!(
        found.starts_with(
            "warning: the image `images/map.png` leads to no file of the site: from the \
             source's page it is `sources/council-minutes/images/map.png`"
        ),
        "{found}"
    );
    assert!(
        found.contains(&format!("--> content/sources/council-minutes.md:{line}:1")),
        "{found}"
    );
    assert!(
        found.contains("from a source's page write `../../images/map.png`"),
        "{found}"
    );
    let pdf = block(&text, "`minutes.pdf`");
    assert!(pdf.starts_with("warning: the link `minutes.pdf`"), "{pdf}");
    assert!(pdf.contains("put the file in static/"), "{pdf}");
    assert_eq!(
        text.matches("leads to no file of the site").count(),
        2,
        "the paths that work are not told:\n{text}"
    );
    // The path the hint gives is the one that works on the built page.
    let site = common::build(root);
    assert!(site.out.join("images/map.png").is_file());
    assert!(
        site.read("sources/council-minutes/index.html")
            .contains("src=\"../../images/map.png\"")
    );
}

/// Regression: `content/Events/` got the generic hint while `content/event/` got "did you
/// mean `events/`?": a name that differs only by case was not offered.
#[test]
fn a_folder_named_in_capitals_is_offered_its_name() {
    let project = copy_project(&fixture("valid-en"));
    let content = project.path().join("content");
    std::fs::rename(content.join("events"), content.join("Events")).expect("rename");
    let output = check(project.path());
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "--> content/Events/\n");
    assert!(
        found.starts_with("error: unknown folder `content/Events/`"),
        "{found}"
    );
    assert!(found.contains("hint: did you mean `events/`?"), "{found}");
}

/// Regression: `dossier check` said "0 errors" for a project whose template does not
/// compile (a filter that does not exist), which `build` then refused.
#[test]
fn check_tells_a_template_that_does_not_parse() {
    let project = project_with_template(
        "tags.html",
        "{% extends \"base.html\" %}\n{% block main %}\n<p>{{ l.tags | shout }}</p>\n{% endblock main %}\n",
    );
    let root = project.path();
    let output = check(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let found = block(&text, "Unknown filter");
    assert!(found.contains("--> templates/tags.html:3:16\n"), "{found}");
    assert!(text.contains("1 error"), "{text}");
    assert!(!root.join("public").exists());
}

/// Regression: an `{% if %}` left open was told as "Unknown tag" at the
/// `{% endblock %}` lines below, with no word of the `if`; and the tera 1 ways of
/// reading an item (`list.0`) or calling a filter tera 2 dropped got only "fix the
/// template".
#[test]
fn a_template_mistake_of_tera_1_or_an_open_tag_gets_a_hint_that_names_it() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    std::fs::create_dir(root.join("templates")).expect("mkdir");
    let page = |body: &str| {
        format!(
            "{{% extends \"base.html\" %}}\n{{% block main %}}\n{body}\n{{% endblock main %}}\n"
        )
    };
    for (body, hint) in [
        (
            "{% if tags %}\n<p>{{ l.tags }}</p>",
            "hint: `{% if %}` at line 3 is not closed before this `{% endblock %}`: close it with `{% endif %}`",
        ),
        (
            "<p>{{ tags.0 }}</p>",
            "hint: an item is read by its index in brackets in tera 2: `[0]`, not `.0`",
        ),
        (
            "<p>{{ tags | map(attribute=\"label\") | join(sep=\", \") }}</p>",
            "hint: tera 2 has no `map` filter: write a list comprehension",
        ),
    ] {
        std::fs::write(root.join("templates/tags.html"), page(body)).expect("write");
        let output = check(root);
        let text = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(text.contains("--> templates/tags.html:"), "{text}");
        assert!(text.contains(hint), "{body}: {text}");
    }
}

/// Regression: a template copied under a misspelt name (`chronology-period.html`) was
/// silently not read: the site kept the built-in one and nothing said why.
#[test]
fn a_file_of_templates_under_no_known_name_is_a_warning_with_the_nearest_name() {
    let project = copy_project(&fixture("valid-en"));
    let root = project.path();
    std::fs::create_dir_all(root.join("templates/partials")).expect("mkdir");
    std::fs::write(root.join("templates/chronology-period.html"), "x").expect("write");
    std::fs::write(root.join("templates/.notes"), "x").expect("write");
    std::fs::write(root.join("templates/base.html~"), "x").expect("write");
    let output = check(root);
    let text = stderr(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    let found = block(&text, "chronology-period.html");
    assert!(
        found.starts_with(
            "warning: `templates/chronology-period.html` is not read: no template or asset has that name"
        ),
        "{found}"
    );
    assert!(
        found.contains("hint: did you mean `chronology_period.html`?"),
        "{found}"
    );
    assert!(
        text.contains("warning: `templates/partials/` is not read"),
        "{text}"
    );
    assert!(
        !text.contains(".notes") && !text.contains("base.html~"),
        "{text}"
    );
    assert!(text.contains("0 errors, 2 warnings"), "{text}");
}
