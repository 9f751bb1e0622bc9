//! `allow_html`: the author's raw HTML sanitized fragment by fragment, so that nothing
//! of it can hide the text after it or take the page's own anchors, with a warning for
//! what it loses.

mod common;

use std::path::Path;
use std::process::Command;

use common::{build, copy_project, fixture, start_tags};

/// A copy of the English fixture with `allow_html: true` and a source of `body`.
fn project_with(body: &str) -> tempfile::TempDir {
    let project = copy_project(&fixture("valid-en"));
    let yaml = project.path().join("content/dossier.yaml");
    let text = std::fs::read_to_string(&yaml).expect("read");
    std::fs::write(&yaml, format!("allow_html: true\n{text}")).expect("write");
    let source = format!("---\ntitle: Raw\npublished: 2024-05-01\n---\n\n{body}");
    std::fs::write(project.path().join("content/sources/raw.md"), source).expect("write");
    project
}

fn check(root: &Path) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["check", "--root", root.to_str().expect("utf-8")])
        .env("NO_COLOR", "1")
        .output()
        .expect("run");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn item_10_no_unsafe_cite_and_no_id_or_class_taken_over() {
    let body = "<blockquote cite=\"javascript:alert(1)\">Quoted.</blockquote>\n\n\
                First <q cite=\"https://example.org/said\">words</q> and \
                <span id=\"p2\" class=\"pn\">a span</span>.\n\n\
                Second paragraph.\n";
    let project = project_with(body);
    let site = build(project.path());
    let page = site.read("sources/raw/index.html");
    assert!(!page.contains("javascript:"), "{page}");
    assert!(page.contains("cite=\"https://example.org/said\""), "{page}");
    let tags = start_tags(&page);
    let p2: Vec<_> = tags.iter().filter(|t| t.get("id") == Some("p2")).collect();
    assert_eq!(p2.len(), 1, "one element has the id p2");
    assert_eq!(p2[0].name, "p", "and it is the paragraph");
    assert!(
        tags.iter()
            .any(|t| t.name == "span" && t.get("id") == Some("html-p2"))
    );
    // The class written in the raw HTML is dropped (the page's own spans keep theirs).
    assert!(
        !tags
            .iter()
            .any(|t| t.name == "span" && t.get("class") == Some("pn"))
    );
    let warnings = check(project.path());
    assert!(warnings.contains("cite on <blockquote>"), "{warnings}");
    assert!(warnings.contains("class on <span>"), "{warnings}");
}

#[test]
fn item_15_an_unclosed_raw_text_element_loses_no_text() {
    for tag in [
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "plaintext",
        "iframe",
        "noscript",
        "noembed",
        "noframes",
    ] {
        let body = format!(
            "Opening words <{tag}> then the rest of the first paragraph.\n\n\
             The second paragraph stays.\n\n\
             The third paragraph stays too.\n"
        );
        let project = project_with(&body);
        let site = build(project.path());
        let page = site.read("sources/raw/index.html");
        for text in [
            "then the rest of the first paragraph.",
            "The second paragraph stays.",
            "The third paragraph stays too.",
        ] {
            assert!(page.contains(text), "<{tag}> lost `{text}`");
        }
        for anchor in ["p1", "p2", "p3"] {
            assert!(
                page.contains(&format!("id=\"{anchor}\"")),
                "<{tag}>: no #{anchor}"
            );
        }
        let start = page.find("id=\"p1\"").expect("p1");
        let end = page.find("The third paragraph").expect("p3");
        assert!(
            !page[start..end].contains(&format!("<{tag}")),
            "<{tag}> kept"
        );
        let warnings = check(project.path());
        assert!(
            warnings.contains(&format!("raw HTML not shown: <{tag}>")),
            "<{tag}>: {warnings}"
        );
        assert!(
            warnings.contains("content/sources/raw.md:6:15"),
            "{warnings}"
        );
    }
}

#[test]
fn item_15_an_unclosed_raw_text_element_opening_a_line_loses_no_text() {
    for tag in [
        "script",
        "style",
        "textarea",
        "title",
        "xmp",
        "plaintext",
        "iframe",
        "noscript",
        "noembed",
        "noframes",
    ] {
        // CommonMark runs an HTML block opened by <script>, <style>, <textarea> or <pre>
        // to the end of the document when no end tag closes it.
        let body = format!(
            "Opening words.\n\n<{tag}>\n\nThe second paragraph stays.\n\n\
             The third paragraph stays too, citing [[raw#p3]].\n"
        );
        let project = project_with(&body);
        let site = build(project.path());
        let page = site.read("sources/raw/index.html");
        let tags = start_tags(&page);
        for (anchor, text) in [
            ("p1", "Opening words."),
            ("p2", "The second paragraph stays."),
            ("p3", "The third paragraph stays too"),
        ] {
            assert!(
                tags.iter()
                    .any(|t| t.name == "p" && t.get("id") == Some(anchor)),
                "<{tag}>: no #{anchor}"
            );
            let at = page.find(&format!("id=\"{anchor}\"")).expect("anchor");
            let end = page[at..].find("</p>").expect("paragraph end") + at;
            assert!(
                page[at..end].contains(text),
                "<{tag}>: #{anchor} lost `{text}`"
            );
        }
        let start = page.find("id=\"p1\"").expect("p1");
        let end = page.find("The third paragraph").expect("p3");
        assert!(
            !page[start..end].contains(&format!("<{tag}")),
            "<{tag}> kept"
        );
        let warnings = check(project.path());
        assert!(
            warnings.contains(&format!("raw HTML not shown: <{tag}>")),
            "<{tag}>: {warnings}"
        );
        assert!(
            warnings.contains("content/sources/raw.md:8:1"),
            "{warnings}"
        );
    }
}
