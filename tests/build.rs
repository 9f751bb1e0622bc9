//! `dossier build` on fixture dossiers: the pages, their links and anchors, and the
//! output folder's safety rules.

#![allow(clippy::case_sensitive_file_extension_comparisons)] // output paths are ours, lowercase

mod common;

use common::{broken_links, build, bundled, copy_project, fixture, model, start_tags};

#[test]
fn paragraph_anchors_follow_the_numbering_rule() {
    let site = build(&fixture("valid-en"));
    let page = site.read("sources/port-concession-signed/index.html");
    // p1, p2 paragraphs; p3 the blockquote's paragraph; p4, p5 the two list items; p6
    // the last paragraph. Heading, table and code are not numbered.
    for n in 1..=6 {
        assert!(page.contains(&format!("id=\"p{n}\"")), "p{n} missing");
    }
    assert!(!page.contains("id=\"p7\""));
    assert!(
        page.contains("<li id=\"p4\" class=\"para\">"),
        "list items are numbered blocks"
    );
    assert!(
        page.contains("<a class=\"pn\" href=\"#p2\""),
        "visible, linkable numbers"
    );
    // The footnote named p1 gets an id of its own.
    assert!(page.contains("id=\"fn-1\""));
    assert_eq!(page.matches("id=\"p1\"").count(), 1);
}

/// The paragraph anchors a source page carries are exactly the numbered blocks that
/// validation found (`Source::paragraphs`), in order: a citation checked against one
/// can never point at a paragraph the page anchors differently.
#[test]
fn source_pages_anchor_exactly_the_paragraphs_validation_numbered() {
    for root in [fixture("valid"), fixture("valid-en"), bundled()] {
        let dossier = model(&root);
        let site = build(&root);
        for source in &dossier.sources {
            let page = site.read(&format!("sources/{}/index.html", source.id));
            let anchored: Vec<String> = start_tags(&page)
                .iter()
                .filter(|t| t.get("class") == Some("para"))
                .filter_map(|t| t.get("id").map(str::to_string))
                .collect();
            let numbered: Vec<String> = source
                .paragraphs
                .iter()
                .map(|p| dossier::paragraphs::anchor(p.number))
                .collect();
            assert_eq!(anchored, numbered, "{}", source.id);
            let other_p_ids = common::ids(&page)
                .into_iter()
                .filter(|id| dossier::paragraphs::anchor_number(id).is_some())
                .count();
            assert_eq!(other_p_ids, numbered.len(), "{}", source.id);
        }
    }
}

#[test]
fn first_mention_per_paragraph_links_with_longest_match() {
    let site = build(&fixture("valid-en"));
    let page = site.read("sources/port-concession-signed/index.html");
    let p1 = &page[page.find("id=\"p1\"").expect("p1")..];
    let p1 = &p1[..p1.find("</p>").expect("end of p1")];
    assert!(p1.contains("<a class=\"mention\" href=\"../../actors/mohamed-bazoum/index.html\">Mohamed Bazoum</a>"), "{p1}");
    assert_eq!(
        p1.matches("actors/orion-holdings/index.html").count(),
        1,
        "only the first mention: {p1}"
    );
    assert!(p1.contains("Bazoum's"), "later mention stays text: {p1}");
    let minutes = site.read("sources/council-minutes/index.html");
    assert!(minutes.contains(">Mohamed Bazoum</a>, a council member"));
    // `M. Bazoum` is the longer alias, but Bazoum was already linked in this paragraph.
    assert!(minutes.contains("M. Bazoum asked"));
}

#[test]
fn what_cites_a_paragraph_is_listed_beside_it_and_counted_below() {
    let site = build(&fixture("valid-en"));
    let page = site.read("sources/council-minutes/index.html");
    // The note of paragraph 2 comes just before it, for a float to put it beside it.
    let before_p2 = &page[..page.find("id=\"p2\"").expect("p2")];
    let note = &before_p2[before_p2
        .rfind("<details class=\"cited-note\"")
        .expect("note of p2")..];
    assert!(
        note.contains("<span class=\"cited-para\">§2</span> <span class=\"cited-label\">Cited by</span> 1\u{a0}dossier summary, 1\u{a0}judgment, 1\u{a0}event, 1\u{a0}relation</span></summary>"),
        "counted by kind: {note}"
    );
    assert!(
        note.contains("../../chronology/index.html#e-council-dispute"),
        "the event: {note}"
    );
    assert!(
        note.contains("../../index.html#kj-1"),
        "the judgment: {note}"
    );
    assert!(
        note.contains("../../actors/mohamed-bazoum/index.html#rel-1"),
        "the relation: {note}"
    );
    // Below the text: what cites the whole text, listed; what cites a paragraph,
    // counted by kind with a link to each paragraph cited, its items being beside it.
    let aside = &page[page.find("class=\"source-aside\"").expect("aside")..];
    assert!(
        aside.contains(
            "<summary class=\"cited-kind\">Cited as a whole by <span class=\"count\">1</span>\
             </summary><ul><li><a href=\"../../index.html#kj-2\">Key judgment 2</a></li></ul>"
        ),
        "{aside}"
    );
    assert!(
        aside.contains(
            "<li>1\u{a0}judgment <span class=\"where\"><a href=\"#p2\">§2</a></span></li>\n\
             <li>1\u{a0}event <span class=\"where\"><a href=\"#p2\">§2</a></span></li>"
        ),
        "{aside}"
    );
    assert!(
        !aside.contains("#e-council-dispute"),
        "written once, beside §2: {aside}"
    );
    assert_eq!(page.matches("#e-council-dispute\"").count(), 1, "{page}");
    // The page's own note cites its paragraphs beside them, never in the list below.
    let port = site.read("sources/port-concession-signed/index.html");
    let aside = &port[port.find("class=\"source-aside\"").expect("aside")..];
    assert!(!aside.contains("analyst’s note"), "{aside}");
    assert!(
        port.contains("1\u{a0}analyst’s note</p><ul><li><a href=\"#note\">"),
        "{port}"
    );
    // A note citing one kind says it in its summary, and lists the items without
    // repeating it as a heading.
    assert!(
        port.contains(
            "<span class=\"cited-label\">Cited by</span> 1\u{a0}relation</span></summary>\
             <ul><li>"
        ),
        "{port}"
    );
}

#[test]
fn relations_show_on_both_profiles_with_citations() {
    let site = build(&fixture("valid-en"));
    let bazoum = site.read("actors/mohamed-bazoum/index.html");
    assert!(bazoum.contains("id=\"rel-1\""));
    assert!(bazoum.contains("opposes <a href=\"../orion-holdings/index.html\">Orion Holdings</a>"));
    assert!(bazoum.contains("../../sources/council-minutes/index.html#p2"));
    let orion = site.read("actors/orion-holdings/index.html");
    assert!(orion.contains("relations-in"), "incoming relations listed");
    assert!(
        orion.contains("<a href=\"../mohamed-bazoum/index.html\">Mohamed Bazoum</a> — opposes")
    );
    // Mentions with their sentence, linking to the paragraph.
    assert!(orion.contains("../../sources/council-minutes/index.html#p2"));
    assert!(bazoum.contains("Mohamed Bazoum, a council member, objected to the concession."));
    // What links here: the dossier summary links to Orion.
    assert!(orion.contains("../../index.html#summary"));
}

#[test]
fn partial_and_approximate_dates_in_english() {
    let site = build(&fixture("valid-en"));
    let page = site.read("chronology/index.html");
    assert!(
        page.contains(">December 2023</time>"),
        "partial date at its precision"
    );
    assert!(!page.contains("1 December 2023"));
    assert!(page.contains(">c. March 2024</time>"), "approximate date");
    assert!(
        page.contains(">20 March – April 2024</time>"),
        "a period ending in another month, under the heading of its first: both months"
    );
    assert!(!page.contains(">20 – April 2024</time>"));
    assert!(
        site.read("index.html")
            .contains(">20 March – April 2024</time>"),
        "period elsewhere, the shared year once"
    );
    assert!(
        page.contains("During the year 2022"),
        "year-only events first in their year"
    );
    assert!(page.contains("id=\"y2023-12\""));
}

#[test]
fn partial_and_approximate_dates_in_french() {
    let project = copy_project(&fixture("valid-en"));
    let path = project.path().join("content/dossier.yaml");
    let text = std::fs::read_to_string(&path)
        .expect("read")
        .replace("language: en", "language: fr");
    std::fs::write(&path, text).expect("write");
    let site = build(project.path());
    let page = site.read("chronology/index.html");
    assert!(page.contains(">décembre 2023</time>"));
    assert!(!page.contains("1er décembre 2023"));
    assert!(page.contains(">vers mars 2024</time>"));
    assert!(page.contains(">20 mars – avril 2024</time>"));
    assert!(page.contains("<html lang=\"fr\">"));
    assert!(site.read("index.html").contains("Jugements clés"));
}

#[test]
fn every_internal_link_resolves() {
    for name in ["valid-en", "hostile"] {
        let site = build(&fixture(name));
        let problems = broken_links(&site.out);
        assert!(problems.is_empty(), "{name}:\n{}", problems.join("\n"));
    }
}

#[test]
fn bundled_example_builds_and_its_links_resolve() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (dossier, diagnostics) = dossier::check(root);
    if dossier.is_none() {
        // The example content is written elsewhere and may be mid-edit.
        eprintln!(
            "skipping: content/ does not validate\n{}",
            diagnostics.render(false)
        );
        return;
    }
    let site = build(root);
    let problems = broken_links(&site.out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn two_builds_are_byte_identical() {
    let first = build(&fixture("valid-en"));
    let second = build(&fixture("valid-en"));
    let (a, b) = (first.files(), second.files());
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (path, bytes) in &a {
        assert!(bytes == &b[path], "{path} differs between two builds");
    }
}

#[test]
fn data_files_feeds_and_search_index() {
    let site = build(&fixture("valid-en"));
    let json: serde_json::Value =
        serde_json::from_str(&site.read("dossier.json")).expect("dossier.json parses");
    assert_eq!(json["sources"].as_array().map(Vec::len), Some(2));
    assert!(json["mentions"].as_array().is_some_and(|m| !m.is_empty()));
    assert!(json["citations"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(json["sources"][0]["paragraphs"][0]["number"], 1);
    assert!(
        site.read("atom.xml")
            .contains("<id>https://example.org/harbour/sources/port-concession-signed/</id>")
    );
    assert!(
        site.read("sitemap.xml")
            .contains("<loc>https://example.org/harbour/actors/orion-holdings/</loc>")
    );
    let index = site.read("assets/search-index.js");
    assert!(index.starts_with("window.DOSSIER_SEARCH = "));
    // The index in parts: words in term shards, titles and texts in blocks.
    let parts = site.files();
    let part = |prefix: &str, needle: &str| {
        parts.iter().any(|(path, bytes)| {
            path.starts_with(prefix) && String::from_utf8_lossy(bytes).contains(needle)
        })
    };
    assert!(
        part("assets/search/t-", "\"bazoum\":["),
        "aliases' words are indexed"
    );
    assert!(
        part("assets/search/d-", "\"M. Bazoum\""),
        "aliases are shown"
    );
    assert!(
        part("assets/search/n-", "\"bazoum\":\""),
        "the words that follow each word are kept for phrases"
    );
    assert!(
        site.read("404.html")
            .contains("<base href=\"https://example.org/harbour/\">")
    );
    assert!(site.out.join(".nojekyll").is_file());
    assert!(site.read("assets/highlight.css").contains(".hl-"));
    assert!(
        site.read("sources/port-concession-signed/index.html")
            .contains("class=\"hl-"),
        "code is highlighted"
    );
    // Without base_url: no feed, no sitemap.
    let hostile = build(&fixture("hostile"));
    assert!(!hostile.out.join("atom.xml").exists());
    assert!(!hostile.out.join("sitemap.xml").exists());
}

#[test]
fn tags_pages_group_spellings() {
    let site = build(&fixture("valid-en"));
    let tags = site.read("tags/index.html");
    assert!(tags.contains("href=\"finance/index.html\""));
    let finance = site.read("tags/finance/index.html");
    assert!(finance.contains("../../sources/port-concession-signed/index.html"));
    assert!(finance.contains("../../actors/orion-holdings/index.html"));
    assert!(finance.contains("../../chronology/index.html#e-concession-signed"));
    // An event in one line: its citations are on its chronology page.
    assert!(!finance.contains("cite-source"), "{finance}");
}

/// Regression: a tag written `Sécurité` in one file and with the accents apart
/// (`Se` + U+0301, as macOS and PDFs write them) in another made two pages both called
/// "Sécurité"; `securite` made a third, though tags are grouped by their folded form.
#[test]
fn tags_written_with_other_code_points_or_without_accents_are_one_tag() {
    let project = copy_project(&fixture("valid-en"));
    let sources = project.path().join("content/sources");
    for (id, tag) in [
        ("harbour-a", "S\u{e9}curit\u{e9}"),
        ("harbour-b", "Se\u{301}curite\u{301}"),
        ("harbour-c", "securite"),
    ] {
        let text = format!(
            "---\ntitle: Harbour {id}\npublished: 2024-05-01\ntags: [{tag}]\n---\n\nThe harbour.\n"
        );
        std::fs::write(sources.join(format!("{id}.md")), text).expect("write");
    }
    let site = build(project.path());
    let page = site.read("tags/securite/index.html");
    for id in ["harbour-a", "harbour-b", "harbour-c"] {
        assert!(
            page.contains(&format!("../../sources/{id}/index.html")),
            "{id}: {page}"
        );
    }
    assert!(!site.out.join("tags/securite-2").exists());
}

#[test]
fn what_links_here_leaves_out_what_the_profile_lists_already() {
    let site = build(&bundled());
    let wagner = site.read("actors/wagner/index.html");
    let at = wagner.find("class=\"links-here\"").expect("links here");
    let here = &wagner[at..];
    let here = &here[..here.find("</ul>").expect("end")];
    assert!(
        here.contains("../africa-corps/index.html"),
        "a profile that links here"
    );
    assert!(
        wagner[..at].contains("#e-publication-lsi-africa"),
        "an event of its chronology"
    );
    assert!(
        !here.contains("#e-publication-lsi-africa"),
        "not listed twice: {here}"
    );
}

#[test]
fn a_project_template_overrides_the_default() {
    let project = copy_project(&fixture("valid-en"));
    std::fs::create_dir_all(project.path().join("templates")).expect("mkdir");
    std::fs::write(
        project.path().join("templates/tags.html"),
        "{% extends \"base.html\" %}{% block main %}<p>CUSTOM TAGS {{ tags | length }}</p>{% endblock main %}",
    )
    .expect("write");
    let site = build(project.path());
    assert!(site.read("tags/index.html").contains("CUSTOM TAGS 2"));
}

#[test]
fn a_project_template_reads_any_label() {
    let project = copy_project(&fixture("valid-en"));
    std::fs::create_dir_all(project.path().join("templates")).expect("mkdir");
    // Labels the default tags page does not show, read by name and as a whole.
    std::fs::write(
        project.path().join("templates/tags.html"),
        "{% extends \"base.html\" %}{% block main %}<p>{{ l.judgment }} / {{ l.feed }}</p>{% endblock main %}",
    )
    .expect("write");
    std::fs::write(
        project.path().join("templates/tag.html"),
        "{% extends \"base.html\" %}{% block main %}<pre>{{ l | json_encode() }}</pre>{% endblock main %}",
    )
    .expect("write");
    let site = build(project.path());
    assert!(
        site.read("tags/index.html")
            .contains("<p>Key judgment / Atom feed</p>")
    );
    let tag = site.read("tags/finance/index.html");
    for label in [
        "&quot;feed&quot;:&quot;Atom feed&quot;",
        "&quot;no_result&quot;",
    ] {
        assert!(tag.contains(label), "{label} missing from {tag}");
    }
}

#[test]
fn a_project_component_is_called_from_any_template_with_the_labels_of_its_caller() {
    let project = copy_project(&fixture("valid-en"));
    std::fs::create_dir_all(project.path().join("templates")).expect("mkdir");
    // The default macros.html, plus a component that takes `l` from its caller (`@l`)
    // and reads a label no default template of the tags page names.
    let mut macros = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/macros.html"),
    )
    .expect("read");
    macros.push_str(
        "\n{% component badge(count: integer, @l) %}<b>{{ count }} {{ l.judgment }}</b>{% endcomponent badge %}\n",
    );
    std::fs::write(project.path().join("templates/macros.html"), macros).expect("write");
    std::fs::write(
        project.path().join("templates/tags.html"),
        "{% extends \"base.html\" %}{% block main %}{{<badge count={tags | length} />}}{% endblock main %}",
    )
    .expect("write");
    let site = build(project.path());
    assert!(
        site.read("tags/index.html")
            .contains("<b>2 Key judgment</b>")
    );
    // The default tag component still writes the tags of a source.
    assert!(
        site.read("sources/port-concession-signed/index.html")
            .contains("class=\"tag\"")
    );
}

#[test]
fn hostile_text_comes_out_inert() {
    for allow_html in [false, true] {
        let project = copy_project(&fixture("hostile"));
        if allow_html {
            let path = project.path().join("content/dossier.yaml");
            let text = std::fs::read_to_string(&path).expect("read");
            std::fs::write(&path, format!("{text}allow_html: true\n")).expect("write");
        }
        let site = build(project.path());
        for (path, bytes) in site.files() {
            if !path.ends_with(".html") {
                continue;
            }
            let html = String::from_utf8_lossy(&bytes);
            // The briefing is self-contained: its one stylesheet is inline, in <head>.
            let styles = usize::from(path == "briefing/index.html");
            assert_eq!(
                start_tags(&html)
                    .iter()
                    .filter(|t| t.name == "style")
                    .count(),
                styles,
                "{path}: <style>"
            );
            for tag in start_tags(&html) {
                if tag.name == "script" {
                    let src = tag.get("src").unwrap_or_default();
                    assert!(
                        src.ends_with(".js") && src.contains("assets/"),
                        "{path}: inline script {tag:?}"
                    );
                }
                assert!(
                    !matches!(
                        tag.name.as_str(),
                        "iframe" | "object" | "embed" | "foreignobject"
                    ),
                    "{path}: {tag:?}"
                );
                // The only SVG is the generated pictures (graph, timeline).
                if tag.name == "svg" {
                    assert!(
                        tag.get("class").is_some_and(|c| c.starts_with("pic ")),
                        "{path}: {tag:?}"
                    );
                }
                for (name, value) in &tag.attributes {
                    assert!(!name.starts_with("on"), "{path}: handler {name} in {tag:?}");
                    if matches!(name.as_str(), "href" | "src" | "action")
                        && !common::is_empty_icon(&tag)
                    {
                        assert!(
                            dossier::link_safety::is_safe_link(value),
                            "{path}: unsafe {name}={value:?}"
                        );
                    }
                }
            }
        }
        let page = site.read("sources/evil-source/index.html");
        assert!(page.contains("<span class=\"inert-link\">javascript link</span>"));
        assert!(page.contains("href=\"https://example.org/good\""));
        if !allow_html {
            assert!(
                page.contains("&lt;script&gt;alert('body')&lt;/script&gt;")
                    || page.contains("&lt;script&gt;alert(&#39;body&#39;)")
            );
        }
    }
}

#[test]
fn html_comments_of_a_pasted_article_are_not_shown_and_its_other_html_is() {
    let project = copy_project(&fixture("valid-en"));
    let body = "---\ntitle: Pasted\npublished: 2024-05-01\n---\n\n\
                <!-- wp:paragraph -->\n\nFirst words <!-- an editor's note --> go on.\n\n\
                <!--\nSeveral lines\nof comment\n-->\n\n<div>Kept <!-- hidden --> here</div>\n\n\
                Last words.\n\n<!-- left open\n\nstill shown\n";
    std::fs::write(project.path().join("content/sources/pasted.md"), body).expect("write");
    let site = build(project.path());
    let page = site.read("sources/pasted/index.html");
    for hidden in ["wp:paragraph", "an editor", "Several lines", "hidden"] {
        assert!(!page.contains(hidden), "{hidden} is shown");
    }
    assert!(page.contains("First words  go on."), "{page}");
    assert!(page.contains("&lt;div&gt;Kept  here&lt;/div&gt;"), "{page}");
    assert!(page.contains("id=\"p2\""), "numbering unchanged");
    // A comment left open would hide the rest of the article: it is shown as text.
    assert!(page.contains("&lt;!-- left open"), "{page}");
    assert!(page.contains("still shown"), "{page}");
}
