//! A dossier too long for one page: the chronology split by period, the long lists in
//! pages, every link (to an event, to a page of a list) still landing where it should.

mod common;

use std::fmt::Write as _;
use std::path::Path;

use common::{broken_links, build};

/// Writes a project with `sources` sources and these events: `(date, how many)`.
fn long_project(dir: &Path, sources: usize, events: &[(&str, usize)]) {
    let content = dir.join("content");
    for sub in ["sources", "actors", "events"] {
        std::fs::create_dir_all(content.join(sub)).expect("mkdir");
    }
    std::fs::write(
        content.join("dossier.yaml"),
        "title: Long dossier\nlanguage: en\n",
    )
    .expect("write");
    std::fs::write(
        content.join("actors/harbour.yaml"),
        "name: Harbour Authority\nkind: organization\n",
    )
    .expect("write");
    for n in 0..sources {
        let year = 2015 + n % 8;
        let month = 1 + n % 12;
        let text = format!(
            "---\ntitle: Report {n}\npublished: {year}-{month:02}\ntags: [t{}]\n---\n\nThe Harbour Authority met. See [[e-2022-03-05-0]] and [[e-2022-03-05-99]].\n",
            n % 3
        );
        std::fs::write(content.join(format!("sources/s-{n:05}.md")), text).expect("write");
    }
    let mut yaml = String::new();
    for (date, count) in events {
        for i in 0..*count {
            let _ = writeln!(
                yaml,
                "- id: e-{date}-{i}\n  date: {date}\n  title: Meeting {i} of {date}\n  actors: [harbour]\n  sources: [s-00000#p1]\n  tags: [t1]"
            );
        }
    }
    std::fs::write(content.join("events/all.yaml"), yaml).expect("write");
}

#[test]
fn a_long_chronology_is_split_by_period_and_every_event_link_lands() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(
        dir.path(),
        600,
        &[
            ("2021-05-02", 100),
            ("2022", 20),
            ("2022-03", 10),
            ("2022-03-05", 300),
            ("2022-04-01", 5),
        ],
    );
    let site = build(dir.path());
    // A year that fits on a page has one; a longer one a page per month, and a month
    // longer than a page is cut in parts.
    for page in [
        "chronology/2021/index.html",
        "chronology/2022/index.html",
        "chronology/2022-03/index.html",
        "chronology/2022-03-p2/index.html",
        "chronology/2022-04/index.html",
    ] {
        assert!(site.out.join(page).is_file(), "{page} missing");
    }
    let overview = site.read("chronology/index.html");
    assert!(
        !overview.contains("id=\"e-"),
        "the overview lists periods, not events"
    );
    assert!(overview.contains("href=\"2022-03-p2/index.html\""));
    assert!(overview.contains("March 2022 (2/2)"));
    // Each period page says which year it belongs to in the list of years: the page
    // itself for a year on one page, the year's first page for one of its months.
    assert!(
        site.read("chronology/2021/index.html")
            .contains("<a href=\"index.html\" aria-current=\"page\">2021</a>")
    );
    let march = site.read("chronology/2022-03-p2/index.html");
    assert!(march.contains("<a href=\"../2022/index.html\" aria-current=\"true\">2022</a>"));
    assert!(march.contains("<a href=\"../2021/index.html\">2021</a>"));
    // The year-only events of a split year are on the year's page.
    assert!(
        site.read("chronology/2022/index.html")
            .contains("id=\"e-e-2022-0\"")
    );
    // A wiki-link to an event goes to the page that holds it.
    let source = site.read("sources/s-00001/index.html");
    assert!(source.contains("href=\"../../chronology/2022-03/index.html#e-e-2022-03-05-0\""));
    assert!(source.contains("href=\"../../chronology/2022-03-p2/index.html#e-e-2022-03-05-99\""));
    // 600 sources: the list in two pages; the tag `t1` on 200 sources and 435 events too.
    let second = site.read("sources/index-2.html");
    assert!(second.contains("href=\"s-00599/index.html\""), "{second}");
    assert!(second.contains("<a href=\"index.html\">1</a>"));
    assert!(second.contains("aria-current=\"page\">2</a>"));
    assert!(!site.read("sources/index.html").contains("s-00599/"));
    // Regression: sorting a column of a page in the list of sources looked like sorting
    // them all (the most mentioned of page 1 read as the most mentioned of the dossier).
    assert!(second.contains(
        "<p class=\"table-note\">Sorting by a column orders the sources of this page only"
    ));
    // Regression: the pagers above and below a list were two navigations of the same
    // name ("Pages"), which a screen reader's list of landmarks cannot tell apart.
    assert_pagers_named_apart(&second);
    let tag = site.read("tags/t1/index-2.html");
    assert_pagers_named_apart(&tag);
    assert!(
        tag.contains("#e-e-2022-04-01-4\""),
        "the last event is on the last page"
    );
    assert!(!site.out.join("tags/t1/index-3.html").exists());
    let problems = broken_links(&site.out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Regression: the page of a month said nothing of the other months of its year: its
/// year's link led to the page of the events dated to the year only, which lists none.
#[test]
fn the_page_of_a_month_links_to_every_page_of_its_year() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(
        dir.path(),
        2,
        &[
            ("2021-05-02", 10),
            ("2022", 2),
            ("2022-03-05", 130),
            ("2022-03-06", 130),
            ("2022-03-07", 5),
            ("2022-04-01", 5),
        ],
    );
    let site = build(dir.path());
    // Regression: a month too long for a page was cut every 250 events, in the middle
    // of a day, its last part left with the few events over (here 15 of 265), each
    // labelled by its number only ("March 2022 (2/2)"). It is now cut in parts of about
    // the same length, at the change of day nearest, and each part says its days.
    let first = site.read("chronology/2022-03/index.html");
    let second = site.read("chronology/2022-03-p2/index.html");
    assert!(first.contains("<h1>5 March 2022</h1>"), "{first}");
    assert!(second.contains("<h1>6 – 7 March 2022</h1>"), "{second}");
    assert!(first.contains("id=\"e-e-2022-03-05-99\"") && !first.contains("id=\"e-e-2022-03-06-"));
    assert!(second.contains("id=\"e-e-2022-03-06-0\""));
    let april = site.read("chronology/2022-04/index.html");
    let nav = april
        .split_once("<nav class=\"jump year-pages\" aria-label=\"2022\">")
        .and_then(|(_, rest)| rest.split_once("</nav>"))
        .map_or_else(
            || panic!("no navigation among the pages of 2022: {april}"),
            |(nav, _)| nav,
        );
    for (page, label) in [
        ("../2022/index.html", "During the year"),
        ("../2022-03/index.html", "5 March"),
        ("../2022-03-p2/index.html", "6 – 7 March"),
    ] {
        assert!(
            nav.contains(&format!("<a href=\"{page}\">{label}</a>")),
            "{nav}"
        );
    }
    assert!(
        nav.contains("<a href=\"index.html\" aria-current=\"page\">April</a>"),
        "{nav}"
    );
    assert!(!nav.contains("2021"), "{nav}");
    // A year on one page has no such list.
    assert!(
        !site
            .read("chronology/2021/index.html")
            .contains("year-pages")
    );
}

/// The page has its pager above the list and below it, each named on its own.
fn assert_pagers_named_apart(html: &str) {
    assert_eq!(
        html.matches("class=\"pager\" aria-label=\"Pages\"").count(),
        1,
        "{html}"
    );
    assert_eq!(
        html.matches("class=\"pager\" aria-label=\"Pages, at the end of the list\"")
            .count(),
        1,
        "{html}"
    );
}

#[test]
fn a_short_chronology_stays_on_one_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 2, &[("2022-03-05", 100)]);
    let site = build(dir.path());
    assert!(!site.out.join("chronology/2022/index.html").exists());
    assert!(!site.read("sources/index.html").contains("table-note"));
    assert!(
        site.read("chronology/index.html")
            .contains("id=\"e-e-2022-03-05-0\"")
    );
}

#[test]
fn a_large_honest_events_file_is_read_whole() {
    // 20,000 events in one file: about 340,000 YAML values, more than a fixed budget of
    // 250,000 allowed.
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 1, &[("2022-03-05", 20_000)]);
    std::fs::write(
        dir.path().join("content/sources/s-00000.md"),
        "---\ntitle: Report\npublished: 2022\n---\n\nThe Harbour Authority met.\n",
    )
    .expect("write");
    let (dossier, diagnostics) = dossier::check(dir.path());
    let text = diagnostics.render(false);
    assert!(!text.contains("invalid YAML"), "{text}");
    assert_eq!(dossier.map(|d| d.events.len()), Some(20_000), "{text}");
}

#[test]
fn an_alias_bomb_is_refused_saying_which_limit_and_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 1, &[]);
    std::fs::write(
        dir.path().join("content/sources/s-00000.md"),
        "---\ntitle: Report\npublished: 2022\n---\n\nThe Harbour Authority met.\n",
    )
    .expect("write");
    let mut bomb = String::from("- &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..9 {
        let refs = vec![format!("*a{}", level - 1); 10].join(", ");
        let _ = writeln!(bomb, "- &a{level} [{refs}]");
    }
    std::fs::write(dir.path().join("content/events/all.yaml"), bomb).expect("write");
    let (dossier, diagnostics) = dossier::check(dir.path());
    let text = diagnostics.render(false);
    assert!(dossier.is_none());
    assert!(text.contains("content/events/all.yaml:"), "{text}");
    assert!(
        text.contains("more values than it could hold without aliases"),
        "{text}"
    );
    assert!(
        text.contains("hint: aliases (`*name`) may repeat"),
        "{text}"
    );
}

#[test]
fn many_warnings_of_one_kind_are_counted_not_all_printed() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 1, &[]);
    std::fs::write(
        dir.path().join("content/sources/s-00000.md"),
        "---\ntitle: Report\npublished: 2022\n---\n\nThe Harbour Authority met.\n",
    )
    .expect("write");
    let mut events = String::new();
    for i in 0..12 {
        let _ = writeln!(
            events,
            "- id: bare-{i:02}\n  date: 2022-01-{:02}\n  title: Bare {i}",
            i + 1
        );
    }
    std::fs::write(dir.path().join("content/events/all.yaml"), events).expect("write");
    let root = dir.path().to_str().expect("utf-8 path");
    let quiet = common::dossier(&["check", "--root", root]);
    let text = String::from_utf8_lossy(&quiet.stderr);
    assert!(quiet.status.success(), "{text}");
    assert_eq!(text.matches("cites no source").count(), 5 + 1, "{text}");
    assert!(
        text.contains("7 more warnings not shown (--verbose shows them all)"),
        "{text}"
    );
    assert!(
        text.contains("     12  the event '…' cites no source"),
        "{text}"
    );
    // The source that nobody cites is the thirteenth warning, of another kind.
    assert!(
        text.contains("      1  no event, judgment or text cites '…'"),
        "{text}"
    );
    assert!(text.ends_with("0 errors, 13 warnings\n"), "{text}");
    let verbose = common::dossier(&["check", "--verbose", "--root", root]);
    let text = String::from_utf8_lossy(&verbose.stderr);
    assert_eq!(text.matches("cites no source").count(), 12, "{text}");
    assert!(!text.contains("not shown"), "{text}");
}

#[test]
fn a_long_relations_table_leaves_the_sources_to_the_profiles() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 1, &[("2022-03-05", 100)]);
    let actors = dir.path().join("content/actors");
    for a in 0..41 {
        let mut yaml = format!("name: Member {a}\nkind: organization\nrelations:\n");
        for step in 1..=8 {
            let _ = writeln!(
                yaml,
                "  - {{to: m-{:02}, type: partner, sources: [s-00000#p1]}}",
                (a + step) % 41
            );
        }
        std::fs::write(actors.join(format!("m-{a:02}.yaml")), yaml).expect("write");
    }
    let site = build(dir.path());
    let index = site.read("actors/index.html");
    assert_eq!(
        index.matches("<tr").count(),
        41 * 8 + 1,
        "one row per relation"
    );
    assert!(
        !index.contains("cite-source"),
        "the long table cites no source"
    );
    assert!(index.contains("The sources of each relation are on the profile"));
    let profile = site.read("actors/m-00/index.html");
    assert!(
        profile.contains("s-00000/index.html#p1"),
        "the profile cites the relation's source"
    );
    let broken = broken_links(&site.out);
    assert!(broken.is_empty(), "{broken:?}");
}

/// Writes a dossier whose lists pass every bound of a page: 1,100 sources mentioning
/// the Harbour Authority, 1,100 of its events, 1,100 other actors linking to it and
/// each in a relation; and a Quay that only its own event links to.
fn crowded_project(dir: &Path) {
    const MANY: usize = 1100;
    long_project(dir, MANY, &[("2022-03-05", MANY)]);
    let actors = dir.join("content/actors");
    for a in 0..MANY {
        let yaml = format!(
            "name: Member {a}\nkind: organization\nsummary: Works with [[harbour]].\nrelations:\n  - {{to: m-{:04}, type: partner, sources: [s-00000#p1]}}\n",
            (a + 1) % MANY
        );
        std::fs::write(actors.join(format!("m-{a:04}.yaml")), yaml).expect("write");
    }
    std::fs::write(actors.join("quay.yaml"), "name: Quay\nkind: place\n").expect("write");
    std::fs::write(
        dir.join("content/events/quay.yaml"),
        "- id: quay-opens\n  date: 2021-01-04\n  title: The quay opens\n  description: At the [[quay]].\n  actors: [quay]\n  sources: [s-00000#p1]\n",
    )
    .expect("write");
}

#[test]
fn no_page_passes_1_mb_and_each_long_list_says_where_the_rest_is() {
    let dir = tempfile::tempdir().expect("temp dir");
    crowded_project(dir.path());
    let site = build(dir.path());
    for (path, bytes) in site.files() {
        if !path.to_ascii_lowercase().ends_with(".html") {
            continue;
        }
        assert!(bytes.len() < 1_000_000, "{path}: {} bytes", bytes.len());
    }
    // The roster in pages of 1,000 actors; the relations table holds 1,000 of 1,100.
    let roster = site.read("actors/index.html");
    assert!(roster.contains("<a href=\"index-2.html\">2</a>"), "a pager");
    let second = site.read("actors/index-2.html");
    assert!(second.contains("href=\"quay/index.html\""));
    assert_pagers_named_apart(&roster);
    assert!(
        second.contains("Organizations <span class=\"continued\">(continued)</span></h2>"),
        "a kind carried over from the page before says so"
    );
    assert!(
        second.contains(">Places</h2>"),
        "a kind that starts here does not"
    );
    assert!(!roster.contains("(continued)"));
    assert!(
        roster.contains("<a href=\"index-2.html#place\">"),
        "the contents link to the page where a kind starts"
    );
    assert!(roster.contains("Relations <span class=\"count\">1,100</span>"));
    assert_eq!(roster.matches("<tr").count(), 1000 + 1);
    assert!(roster.contains(
        "+ 100 relations: on the profiles of their actors, and all in <a href=\"../exports/relations.csv\">exports/relations.csv</a>"
    ));
    // The profile: 1,000 events, 1,000 sources, 500 pages that link here, each list
    // with the line for the rest.
    let harbour = site.read("actors/harbour/index.html");
    assert!(harbour.contains("+ 100 events: <a href=\"../../chronology/index.html\">"));
    assert!(harbour.contains(
        "+ 100 sources: all in <a href=\"../../exports/mentions.csv\">exports/mentions.csv</a>"
    ));
    let here = &harbour[harbour.find("class=\"links-here\"").expect("links here")..];
    assert_eq!(here.matches("<li>").count(), 500);
    assert!(here.contains(
        "+ 600 pages: all in <a href=\"../../exports/citations.csv\">exports/citations.csv</a>"
    ));
    // What its own chronology lists already does not link here again; nothing left,
    // no section.
    let quay = site.read("actors/quay/index.html");
    assert!(quay.contains("#e-quay-opens"));
    assert!(!quay.contains("here-title"), "{quay}");
    let problems = broken_links(&site.out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_profile_lists_500_relations_held_towards_it_and_counts_the_rest() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 1, &[("2022-03-05", 100)]);
    let actors = dir.path().join("content/actors");
    for a in 0..600 {
        let yaml = format!(
            "name: Member {a}\nkind: organization\nrelations:\n  - {{to: harbour, type: supplier of, sources: [s-00000#p1]}}\n"
        );
        std::fs::write(actors.join(format!("m-{a:04}.yaml")), yaml).expect("write");
    }
    let site = build(dir.path());
    let harbour = site.read("actors/harbour/index.html");
    let declared = &harbour[harbour
        .find("class=\"relations relations-in\"")
        .expect("relations held by others")..];
    let list = &declared[..declared.find("</ul>").expect("end of list")];
    assert_eq!(list.matches("<li class=\"relation").count(), 500);
    assert!(declared.contains(
        "+ 100 relations: on the profiles of their actors, and all in <a href=\"../../exports/relations.csv\">exports/relations.csv</a>"
    ));
    // Each relation left out is on the profile of the actor that holds it.
    assert!(
        site.read("actors/m-0599/index.html")
            .contains("supplier of")
    );
    let problems = broken_links(&site.out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_relation_of_an_actor_to_itself_is_not_listed_as_held_by_another() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 1, &[("2022-03-05", 100)]);
    let actors = dir.path().join("content/actors");
    std::fs::write(
        actors.join("harbour.yaml"),
        "name: Harbour Authority\nkind: organization\nrelations:\n  - {to: harbour, type: audits, sources: [s-00000#p1]}\n",
    )
    .expect("write");
    std::fs::write(
        actors.join("quay.yaml"),
        "name: Quay\nkind: place\nrelations:\n  - {to: harbour, type: run by, sources: [s-00000#p1]}\n",
    )
    .expect("write");
    let site = build(dir.path());
    let harbour = site.read("actors/harbour/index.html");
    let held = &harbour[harbour.find("class=\"relations\"").expect("own relations")..];
    assert!(held[..held.find("</ul>").expect("end")].contains("audits"));
    let declared = &harbour[harbour
        .find("class=\"relations relations-in\"")
        .expect("relations held by others")..];
    let list = &declared[..declared.find("</ul>").expect("end of list")];
    assert_eq!(list.matches("<li class=\"relation").count(), 1, "{list}");
    assert!(list.contains("run by") && !list.contains("audits"));
}

/// Regression: a profile quoting hundreds of mentions, from years of sources, was one
/// undivided list (44,000 px on a phone) with no way to go to a year.
#[test]
fn a_long_list_of_mentions_has_an_index_of_its_years_and_a_short_one_none() {
    let dir = tempfile::tempdir().expect("temp dir");
    long_project(dir.path(), 40, &[("2022-03-05", 100)]);
    let site = build(dir.path());
    let profile = site.read("actors/harbour/index.html");
    let mentions = &profile[profile.find("id=\"mentions\"").expect("mentions")..];
    let index = mentions
        .split("<nav class=\"jump\"")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("an index of years");
    // The sources of the project run from 2015 to 2022, five a year.
    for year in 2015..=2022 {
        assert!(
            index.contains(&format!(
                "<a href=\"#mentions-{year}\">{year}</a> <span class=\"count\">5</span>"
            )),
            "{year} in {index}"
        );
        assert_eq!(
            profile.matches(&format!("id=\"mentions-{year}\"")).count(),
            1,
            "one anchor for {year}"
        );
    }
    assert!(common::broken_links(&site.out).is_empty());
    // The first source of each year carries the anchor (sources sorted by date).
    let first_of_2016 = &profile[profile.find("id=\"mentions-2016\"").expect("2016")..];
    assert!(
        first_of_2016[..400].contains("2016"),
        "{}",
        &first_of_2016[..400]
    );

    let few = tempfile::tempdir().expect("temp dir");
    long_project(few.path(), 6, &[("2022-03-05", 100)]);
    let profile = build(few.path()).read("actors/harbour/index.html");
    assert!(
        !profile.contains("id=\"mentions-20"),
        "no index for a short list"
    );
}
