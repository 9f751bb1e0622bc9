//! What a reader sees on the pages: table headers that say what a column holds, a
//! description of every page for search engines and link previews, French typography,
//! citations of one source grouped.

mod common;

use common::{build, copy_project, fixture, start_tags};

#[test]
fn relation_tables_name_their_columns() {
    let site = build(&fixture("valid-en"));
    let page = site.read("actors/index.html");
    let table = &page[page
        .find("<table class=\"cards\"")
        .expect("relations table")..];
    let head = &table[..table.find("</thead>").expect("head")];
    let headers: Vec<&str> = head
        .split("<th scope=\"col\">")
        .skip(1)
        .map(|cell| &cell[..cell.find("</th>").expect("cell")])
        .collect();
    assert_eq!(headers, ["From", "Relation", "To", "Sources"]);
    let bundled = build(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let page = bundled.read("actors/index.html");
    assert!(
        page.contains("<th scope=\"col\">De</th><th scope=\"col\">Relation</th><th scope=\"col\">Vers</th><th scope=\"col\">Sources</th>"),
        "in French too"
    );
}

#[test]
fn the_roster_comes_before_the_table_of_relations_which_its_contents_link() {
    let site = build(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let page = site.read("actors/index.html");
    let at = |needle: &str| {
        page.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing"))
    };
    // The graph, then the actors kind by kind, then the relations the graph draws.
    assert!(at("id=\"graph-title\"") < at("class=\"roster\""));
    let last_roster = page.rfind("class=\"roster\"").expect("roster");
    assert!(last_roster < at("id=\"relations-title\""));
    // The contents at the top reach the table, and say how many relations it holds.
    let contents = &page[at("<nav class=\"jump\"")..];
    let contents = &contents[..contents.find("</nav>").expect("end of contents")];
    assert!(
        contents.contains("<a href=\"#relations\">Relations</a> <span class=\"count\">"),
        "{contents}"
    );
    assert!(page.contains("<section id=\"relations\""));
}

#[test]
fn a_tag_lists_its_sources_with_their_dates_and_outlets() {
    let site = build(&fixture("valid-en"));
    let page = site.read("tags/ports/index.html");
    assert!(page.contains(
        "Port concession signed with Orion Holdings</a> <span class=\"meta-inline\">14 March 2024 · The Harbour Gazette</span>"
    ), "{page}");
    // No outlet: the date alone.
    assert!(
        page.contains(
            "Minutes of the harbour council</a> <span class=\"meta-inline\">April 2024</span>"
        ),
        "{page}"
    );
}

#[test]
fn every_page_describes_itself() {
    let site = build(&fixture("valid-en"));
    for (path, bytes) in site.files() {
        if !path.to_ascii_lowercase().ends_with(".html") || path.starts_with("briefing/") {
            continue;
        }
        let html = String::from_utf8(bytes).expect("utf-8");
        let tags = start_tags(&html);
        let meta = |attr: &str, name: &str| {
            tags.iter()
                .find(|t| t.name == "meta" && t.get(attr) == Some(name))
                .and_then(|t| t.get("content"))
                .map(str::to_string)
        };
        for (attr, name) in [
            ("name", "description"),
            ("property", "og:title"),
            ("property", "og:description"),
        ] {
            let content = meta(attr, name).unwrap_or_default();
            assert!(!content.trim().is_empty(), "{path}: no {name}");
        }
    }
    let source = site.read("sources/port-concession-signed/index.html");
    assert!(
        source.contains("<meta name=\"description\" content=\"The Harbour Gazette, 14 March 2024. The port authority of Varna signed"),
        "a source says where and when it appeared, then how it starts"
    );
    assert!(source.contains(
        "<meta property=\"og:title\" content=\"Port concession signed with Orion Holdings\">"
    ));
}

#[test]
fn citations_of_one_source_are_grouped_and_sources_told_apart() {
    let project = copy_project(&fixture("valid-en"));
    let content = project.path().join("content");
    let events = content.join("events/2023-2024.yaml");
    let text = std::fs::read_to_string(&events).expect("events");
    let text = text.replacen(
        "  sources: [port-concession-signed#p1]\n",
        "  sources: [port-concession-signed#p1, council-minutes#p2, port-concession-signed#p3, port-concession-signed#p5-p6]\n",
        1,
    );
    std::fs::write(&events, text).expect("write events");
    // Another outlet's article whose title starts the same way, cut at the same word.
    std::fs::write(
        content.join("sources/port-concession-signed-again.md"),
        "---\ntitle: Port concession signed with Orion Holdings, a second look\npublished: 2024-03-20\noutlet: The Coast Weekly\n---\n\nThe port authority of Varna signed again.\n",
    )
    .expect("write source");
    let events = content.join("events/more.yaml");
    std::fs::write(
        &events,
        "- date: 2024-03-21\n  title: A second look\n  sources: [port-concession-signed-again#p1, port-concession-signed#p2]\n",
    )
    .expect("write events");
    let site = build(project.path());
    let chronology = site.read("chronology/index.html");
    let event = &chronology[chronology.find("id=\"e-talks-december\"").expect("event")..];
    let event = &event[..event.find("</article>").expect("end")];
    let visible = common::decode(&strip_tags(event));
    assert!(
        visible.contains("Port concession signed with Orion… (The Harbour Gazette)\u{a0}§1, §3, §5–6 · Minutes of the harbour council\u{a0}§2"),
        "one source, its paragraphs after it: {visible}"
    );
    assert_eq!(event.matches("class=\"cite-source\"").count(), 2, "{event}");
    assert!(event.contains("href=\"../sources/port-concession-signed/index.html#p3\">§3</a>"));
    let other = &chronology[chronology
        .find("id=\"e-2024-03-21-a-second-look\"")
        .expect("other event")..];
    let other = common::decode(&strip_tags(
        &other[..other.find("</article>").expect("end")],
    ));
    assert!(
        other.contains("Port concession signed with Orion… (The Coast Weekly)\u{a0}§1"),
        "{other}"
    );
}

/// The text of some HTML, tags removed.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for c in html.chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => out.push(c),
            _ => {}
        }
    }
    out
}

/// The visible text of every HTML page of a built site (the briefing included), with
/// the page's path.
fn texts(site: &common::Built) -> Vec<(String, String)> {
    site.files()
        .into_iter()
        .filter(|(path, _)| path.to_ascii_lowercase().ends_with(".html"))
        .map(|(path, bytes)| {
            let html = String::from_utf8(bytes).expect("utf-8");
            let body = &html[html.find("<body").unwrap_or(0)..];
            (path, common::decode(&strip_tags(body)))
        })
        .collect()
}

#[test]
fn french_pages_keep_signs_and_numbers_on_their_line() {
    let site = build(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    for (path, text) in texts(&site) {
        for sign in [" :", " ;", " !", " ?", " »", "« "] {
            assert!(
                !text.contains(sign),
                "{path}: a breakable space in {sign:?}"
            );
        }
    }
    let source = site.read("sources/soldats-russes-base-101/index.html");
    assert!(
        source.contains("1\u{202f}000 soldats"),
        "a number does not break"
    );
    let note = site.read("sources/instructeurs-russes-niamey/index.html");
    assert!(note.contains("«\u{a0}matériel militaire de pointe\u{a0}»"));
    let briefing = site.read("briefing/index.html");
    assert!(briefing.contains("\u{a0}:"), "the briefing too");
    let niger = site.read("actors/niger/index.html");
    assert!(
        niger.contains(">vers le 26 juillet 2023 – "),
        "an approximate day"
    );
    assert!(!niger.contains(">vers 26 juillet"));
    // Under the heading of its month, an event says its day only.
    let chronology = site.read("chronology/index.html");
    let day = "<time class=\"event-date\" datetime=\"2023-07-26\">";
    assert!(chronology.contains(&format!("{day}26</time>")));
    assert!(!chronology.contains(&format!("{day}26 juillet 2023</time>")));
    // A period that ends in another month names its start's month: the day alone
    // would read as a day of the end's month.
    assert!(
        chronology.contains(&format!("{day}vers le 26 juillet 2023 – avril 2024</time>")),
        "a period from July under the heading of July"
    );
    assert!(!chronology.contains("vers le 26 – avril 2024"));
    // English pages keep their spaces as written.
    let english = build(&fixture("valid-en"));
    assert!(!english.read("index.html").contains('\u{202f}'));
}

#[test]
fn a_project_replaces_the_pictures_stylesheet_like_any_asset() {
    let project = copy_project(&fixture("valid-en"));
    let templates = project.path().join("templates");
    std::fs::create_dir_all(&templates).expect("templates/");
    std::fs::write(
        templates.join("pictures.css"),
        ".pic { --pic-bg: #123456; }\n",
    )
    .expect("write");
    let site = build(project.path());
    assert_eq!(
        site.read("assets/pictures.css"),
        ".pic { --pic-bg: #123456; }\n"
    );
    assert!(
        site.read("briefing/index.html")
            .contains("--pic-bg: #123456"),
        "the briefing inlines the project's own"
    );
    // Pages link one stylesheet, which holds it after the site's and the highlighting's.
    let style = site.read("assets/style.css");
    let (site_rules, highlight, pictures) = (
        style.find(".para").expect("site"),
        style.find(".hl-").expect("highlighting"),
        style.find("--pic-bg: #123456").expect("pictures"),
    );
    assert!(
        site_rules < highlight && highlight < pictures,
        "in the order pages linked them"
    );
    let page = site.read("sources/council-minutes/index.html");
    assert_eq!(page.matches("rel=\"stylesheet\"").count(), 1, "{page}");
    assert!(page.contains("<link rel=\"stylesheet\" href=\"../../assets/style.css\">"));
}

#[test]
fn names_sort_as_a_reader_expects() {
    let site = build(std::path::Path::new(env!("CARGO_MANIFEST_DIR")));
    let roster = site.read("actors/index.html");
    let states = &roster[roster.find("id=\"state\"").expect("states")..];
    let states = &states[..states.find("</section>").expect("end")];
    let names: Vec<String> = states
        .split("<li><a href=\"")
        .skip(1)
        .map(|item| {
            let label = &item[item.find('>').expect("a") + 1..];
            label[..label.find("</a>").expect("/a")].to_string()
        })
        .collect();
    assert_eq!(
        names,
        [
            "Burkina Faso",
            "États-Unis",
            "France",
            "Mali",
            "Niger",
            "Russie",
            "Ukraine"
        ]
    );
}

#[test]
fn a_profile_lists_each_paragraph_once_and_names_other_places() {
    let site = build(&fixture("valid-en"));
    let page = site.read("actors/orion-holdings/index.html");
    let group = &page[page.find("<ul class=\"quotes\">").expect("quotes")..];
    let group = &group[..group.find("</ul>").expect("end")];
    assert_eq!(group.matches("index.html#p1\"").count(), 1, "{group}");
    assert!(
        group.contains("signed a concession with Orion Holdings on Thursday, according to Mohamed Bazoum and to Bazoum&#39;s office.</a> <span class=\"count\">×2</span>"),
        "twice in the paragraph, said once with a count: {group}"
    );
    assert!(
        group.contains("<span class=\"where\">table</span> Orion Holdings</a>"),
        "a mention in a table says so: {group}"
    );
}

#[test]
fn an_event_of_the_chronology_says_each_thing_once() {
    let site = build(&fixture("valid-en"));
    let chronology = site.read("chronology/index.html");
    let event = &chronology[chronology
        .find("id=\"e-concession-signed\"")
        .expect("event")..];
    let event = &event[..event.find("</article>").expect("end")];
    // The `#` beside the title is named for screen readers, not by its anchor again.
    assert!(
        event.contains(
            "<a class=\"self\" href=\"#e-concession-signed\" aria-label=\"permalink\">#</a>"
        ),
        "{event}"
    );
    // A wiki-link showing its target's whole name has no title repeating it; one that
    // shortens it keeps the whole name on hover.
    assert!(event.contains(
        "<a class=\"wl wl-actor\" href=\"../actors/orion-holdings/index.html\">Orion Holdings</a>"
    ));
    assert!(event.contains(
        "title=\"Port concession signed with Orion Holdings\">Port concession signed with \
         Orion… §1</a>"
    ));
    // The date is the <time> itself; the tags are styled like every tag.
    assert!(event.contains("<time class=\"event-date\" datetime=\"2024-03\">c. March 2024</time>"));
    assert!(event.contains("<p class=\"tags\"><a href=\"../tags/ports/index.html\">ports</a> "));
    assert!(
        site.read("assets/style.css")
            .contains(".tag, .event .tags a {")
    );
}

#[test]
fn under_its_month_a_french_event_of_the_first_reads_1er() {
    let project = common::copy_content(&common::bundled());
    let events = project.path().join("content/events/2024.yaml");
    let mut text = std::fs::read_to_string(&events).expect("events");
    text.push_str(
        "\n- date: 2024-02-01\n  title: Un événement du premier du mois\n  \
         sources: [soldats-russes-base-101#p5]\n\
         - date: 2024-02-01\n  end: 2024-02-03\n  title: Trois jours de février\n  \
         sources: [soldats-russes-base-101#p5]\n",
    );
    std::fs::write(&events, text).expect("write events");
    let site = build(project.path());
    let chronology = site.read("chronology/index.html");
    let day = "<time class=\"event-date\" datetime=\"2024-02-01\">";
    assert!(
        chronology.contains(&format!("{day}1er</time>")),
        "the first of the month, under its heading"
    );
    assert!(chronology.contains(&format!("{day}1er – 3 février 2024</time>")));
    assert!(!chronology.contains(&format!("{day}1</time>")));
}

/// Regression: an image whose address is refused (`data:`, `javascript:`) and that has no
/// alt text left an empty numbered paragraph, its number printed over the next one's.
#[test]
fn an_image_not_shown_leaves_something_to_read() {
    let project = copy_project(&fixture("valid-en"));
    let source = project.path().join("content/sources/council-minutes.md");
    let mut text = std::fs::read_to_string(&source).expect("source");
    text.push_str(
        "\n![](data:image/png;base64,iVBORw0KGgo=)\n\n![Chart of ownership](javascript:alert(1))\n",
    );
    std::fs::write(&source, text).expect("write source");
    let site = build(project.path());
    let page = site.read("sources/council-minutes/index.html");
    let paragraphs: Vec<String> = page
        .split("class=\"para\">")
        .skip(1)
        .map(|p| common::decode(&strip_tags(&p[..p.find("</p>").expect("end")])))
        .collect();
    let last_two = &paragraphs[paragraphs.len() - 2..];
    let n = paragraphs.len();
    assert_eq!(
        last_two,
        [
            format!("{} [image]", n - 1),
            format!("{n} Chart of ownership")
        ],
        "what the two images leave"
    );
    assert!(
        !page.contains("data:image"),
        "the refused address is not written"
    );
}

/// Regression: a table of a source's text widened the whole page on a phone (the NACO
/// report's four columns: 24 px of sideways scroll at 390 px). Each table is now in a box
/// that scrolls on its own, as code blocks do.
#[test]
fn a_wide_table_scrolls_in_its_own_box() {
    let project = copy_project(&fixture("valid-en"));
    let source = project.path().join("content/sources/council-minutes.md");
    let mut text = std::fs::read_to_string(&source).expect("source");
    text.push_str(
        "\n| Date | Payer | Payee | Amount (EUR) | Reference |\n|---|---|---|---:|---|\n\
         | 2021-07-02 | Kestrel Holdings | Harbourline Consulting | 600,000 | B249117-A |\n",
    );
    std::fs::write(&source, text).expect("write source");
    let site = build(project.path());
    let page = site.read("sources/council-minutes/index.html");
    let table = page.find("<table>").expect("the table");
    assert!(
        page[..table].ends_with("<div class=\"table-wrap\">\n"),
        "the table opens its box: {}",
        &page[table.saturating_sub(80)..table + 7]
    );
    let end = table + page[table..].find("</table>").expect("end") + "</table>".len();
    assert!(page[end..].starts_with("\n</div>\n"), "and closes it");
    let css = site.read("assets/style.css");
    assert!(
        css.contains(".table-wrap { overflow-x: auto; }"),
        "the box scrolls sideways"
    );
}

/// Regression: searching `obrien` found nothing where the texts say O'Brien (the index
/// cuts words at the apostrophe: `brien`), though readers type names so. A name with an
/// apostrophe after a capital initial is also indexed joined, for the same documents.
#[test]
fn a_name_with_an_apostrophe_is_found_without_it() {
    let project = copy_project(&fixture("valid-en"));
    let source = project.path().join("content/sources/council-minutes.md");
    let mut text = std::fs::read_to_string(&source).expect("source");
    text.push_str("\nMinister O’Brien's aide met D'Souza, and l'audit went on.\n");
    std::fs::write(&source, text).expect("write source");
    let site = build(project.path());
    // Every word of the term shards, with its postings.
    let mut terms = serde_json::Map::new();
    for (path, bytes) in site.files() {
        if !path.starts_with("assets/search/t-") {
            continue;
        }
        let script = String::from_utf8(bytes).expect("utf-8");
        let object = &script[script.find('{').expect("{")..=script.rfind('}').expect("}")];
        let parsed: serde_json::Value = serde_json::from_str(object).expect("a JSON object");
        terms.extend(parsed.as_object().expect("words").clone());
    }
    assert!(
        terms.contains_key("brien"),
        "the word as cut at the apostrophe"
    );
    assert_eq!(
        terms.get("obrien"),
        terms.get("brien"),
        "O'Brien is found as obrien, in the same documents"
    );
    assert_eq!(terms.get("dsouza"), terms.get("souza"));
    assert!(
        !terms.contains_key("laudit"),
        "a lower-case elision is not joined"
    );
}
