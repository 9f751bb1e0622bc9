//! Publishing a new project on GitHub Pages as its workflow does it: the address GitHub
//! serves the site at reaches the build, so the page "not found" (served at any depth),
//! the sitemap, the feed and the canonical links are right from the first publication,
//! before the author has written any `base_url`.

mod common;

use common::dossier_in;

use std::path::Path;
use std::process::Command;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The `run:` line of the workflow step named `name`, and the `env:` lines under it.
fn step(workflow: &str, name: &str) -> (String, Vec<String>) {
    let lines: Vec<&str> = workflow.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == format!("- name: {name}"))
        .unwrap_or_else(|| panic!("no step {name:?} in\n{workflow}"));
    let body: Vec<&str> = lines[at + 1..]
        .iter()
        .take_while(|l| !l.trim_start().starts_with("- "))
        .copied()
        .collect();
    let run = body
        .iter()
        .find_map(|l| l.trim().strip_prefix("run: "))
        .unwrap_or_else(|| panic!("step {name:?} runs nothing"))
        .to_string();
    let env = body
        .iter()
        .skip_while(|l| l.trim() != "env:")
        .skip(1)
        .map(|l| l.trim().to_string())
        .collect();
    (run, env)
}

#[test]
fn the_pages_workflow_builds_with_the_address_github_serves_the_site_at() {
    let dir = tempfile::tempdir().expect("temp dir");
    let made = dossier_in(dir.path(), &["init", "mon-dossier", "--lang", "fr"]);
    assert!(made.status.success(), "{}", text(&made.stderr));
    let project = dir.path().join("mon-dossier");
    let workflow =
        std::fs::read_to_string(project.join(".github/workflows/pages.yml")).expect("the workflow");
    assert!(
        workflow.contains("id: pages\n        uses: actions/configure-pages@"),
        "configure-pages, which gives the address, runs as step `pages`:\n{workflow}"
    );
    let (run, env) = step(&workflow, "Build the site");
    let variable = env
        .iter()
        .find_map(|line| {
            let (name, value) = line.split_once(": ")?;
            (value == "${{ steps.pages.outputs.base_url }}").then_some(name.to_string())
        })
        .unwrap_or_else(|| panic!("the build is given no address: {env:?}"));
    // The step as GitHub runs it, with the address configure-pages gives (no slash).
    let binary = Path::new(env!("CARGO_BIN_EXE_dossier"));
    let script = run.replacen("dossier", &format!("'{}'", binary.display()), 1);
    let built = Command::new("sh")
        .args(["-e", "-c", &script])
        .current_dir(&project)
        .env(&variable, "https://user.github.io/mon-dossier")
        .env("NO_COLOR", "1")
        .output()
        .expect("sh runs");
    assert!(built.status.success(), "{run}: {}", text(&built.stderr));
    let public = project.join("public");
    let read = |path: &str| {
        std::fs::read_to_string(public.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    };
    let not_found = read("404.html");
    assert!(
        not_found.contains(r#"<base href="https://user.github.io/mon-dossier/">"#),
        "the page GitHub serves at /mon-dossier/sources/nope/x/ finds its stylesheet and links"
    );
    assert!(read("sitemap.xml").contains("<loc>https://user.github.io/mon-dossier/sources/"));
    // The feed says its language, so that readers hyphenate and translate it right.
    let feed = read("atom.xml");
    assert!(
        feed.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">"#),
        "{feed}"
    );
    assert!(feed.contains(r#"<entry xml:lang="fr">"#), "{feed}");
    assert!(
        read("atom.xml")
            .contains(r#"<link rel="self" href="https://user.github.io/mon-dossier/atom.xml"/>"#)
    );
    assert!(
        read("index.html")
            .contains(r#"<link rel="canonical" href="https://user.github.io/mon-dossier/">"#)
    );
}

#[test]
fn base_url_given_to_build_replaces_the_dossiers_and_must_be_a_web_address() {
    let project = common::copy_project(&common::fixture("valid"));
    let root = project.path().to_str().expect("utf-8 path");
    let out = project.path().join("site");
    let out = out.to_str().expect("utf-8 path");
    let built = common::dossier(&[
        "build",
        root,
        "-o",
        out,
        "--base-url",
        "https://example.org/deep/path/",
    ]);
    assert!(built.status.success(), "{}", text(&built.stderr));
    let sitemap =
        std::fs::read_to_string(project.path().join("site/sitemap.xml")).expect("sitemap");
    assert!(
        sitemap.contains("<loc>https://example.org/deep/path/</loc>"),
        "{sitemap}"
    );
    assert!(
        !sitemap.contains("path//"),
        "one slash between the address and the page"
    );

    let refused = common::dossier(&[
        "build",
        root,
        "-o",
        out,
        "--base-url",
        "javascript:alert(1)",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        text(&refused.stderr).contains("not an http or https address"),
        "{}",
        text(&refused.stderr)
    );

    // An empty address (a workflow whose step gave none) leaves the dossier's own.
    let empty = common::dossier(&["build", root, "-o", out, "--base-url", ""]);
    assert!(empty.status.success(), "{}", text(&empty.stderr));
    let sitemap =
        std::fs::read_to_string(project.path().join("site/sitemap.xml")).expect("sitemap");
    assert!(!sitemap.contains("example.org/deep"), "{sitemap}");
}
