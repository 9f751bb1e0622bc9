//! Typed views for the templates: what a page shows, already formatted (dates in words,
//! relative hrefs), borrowing from the dossier where it can. Each page's view is built
//! once, for that page only.

use serde::Serialize;

use super::Site;
use super::links::{PagePath, event_anchor, href, target_href, to_root};
use super::periods;
use crate::labels::{self, date_span};
use crate::model::{Citation, Dossier, Event, Referrer, Target};

/// The rendered header and footer of pages, by section and depth.
pub type Frames = std::collections::BTreeMap<(&'static str, usize), (String, String)>;

/// What every page has around its content: labels, navigation, assets.
#[derive(Debug, Serialize)]
pub struct Chrome<'a> {
    /// The top of the page, rendered by `header.html` (empty while rendering it).
    pub header: &'a str,
    /// The bottom of the page, rendered by `footer.html` (empty while rendering it).
    pub footer: &'a str,
    /// The dossier's title.
    pub site_title: &'a str,
    /// This page's title, for `<title>` and `<h1>`.
    pub page_title: String,
    /// What the page is about, in a sentence or two (`<meta name="description">`).
    pub description: String,
    /// The relative way to the root of the site (`../../`).
    pub root: String,
    /// Link to the home page.
    pub home: String,
    /// The main navigation.
    pub nav: Vec<NavItem>,
    /// The section the page belongs to, for a link up.
    pub up: Option<NavItem>,
    /// The site's stylesheet, which holds the highlighting and the pictures' rules too:
    /// the one stylesheet a page links.
    pub style: String,
    /// The highlighting stylesheet alone (its rules are in `style` too).
    pub highlight_css: String,
    /// The stylesheet of the pictures (graph, timeline) alone (its rules are in `style`
    /// too).
    pub pictures_css: String,
    /// The icon of the site (declared, so that browsers do not ask the domain's root).
    pub favicon: String,
    /// The small script for sortable tables and the like.
    pub site_js: String,
    /// Where the search box sends its query.
    pub search_action: String,
    /// The whole model as JSON.
    pub data: String,
    /// What the exports for other tools are (`exports/README.txt`).
    pub exports: String,
    /// The Atom feed, when there is one.
    pub feed: Option<String>,
    /// The absolute address of this page, when `base_url` is set.
    pub canonical: Option<String>,
    /// `<base href>` for the 404 page, which is served at any depth.
    pub base: Option<String>,
}

/// One entry of the main navigation.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    /// Where it goes.
    pub href: String,
    /// What it says.
    pub label: &'static str,
    /// Whether it is the current section.
    pub current: bool,
}

/// A link with its text.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Relative href.
    pub href: String,
    /// The text of the link.
    pub label: String,
    /// Longer text shown on hover, if any.
    pub title: Option<String>,
}

/// The citations of one source by one item, grouped: the source's short title, then
/// each cited paragraph (`Des instructeurs… §1, §3, §7`).
#[derive(Debug, Serialize)]
pub struct CitationView {
    /// To the source page.
    pub href: String,
    /// Short title, told apart from the other sources' by outlet or date when needed.
    pub label: String,
    /// Full title, date and grade.
    pub title: String,
    /// Each cited paragraph or range: link to it and `§4`, `§4–6`. Empty when the source
    /// is cited as a whole only.
    pub paragraphs: Vec<(String, String)>,
}

/// An event as listed on a page.
#[derive(Debug, Serialize)]
pub struct EventView<'a> {
    /// Its anchor on the chronology (`e-ID`).
    pub anchor: String,
    /// Link to it on the chronology.
    pub href: String,
    /// The date in words, at its precision, with `vers`/`c.` when approximate.
    pub date: String,
    /// The start date in ISO form, for `<time datetime>`.
    pub iso: String,
    /// Whether the date is uncertain.
    pub approximate: bool,
    /// One line.
    pub title: &'a str,
    /// The description, rendered (only where the page shows it).
    pub description: Option<String>,
    /// Actors involved.
    pub actors: Vec<Link>,
    /// Where.
    pub place: Option<Link>,
    /// What it rests on.
    pub citations: Vec<CitationView>,
    /// How many distinct and independent sources it rests on.
    pub support: crate::model::Support,
    /// Its tags.
    pub tags: Vec<Link>,
}

/// An event as a line of a list (profile, tag, home page): date, title, citations.
#[derive(Debug, Serialize)]
pub struct EventRow<'a> {
    /// Link to it on the chronology.
    pub href: String,
    /// The date in words, at its precision, with `vers`/`c.` when approximate.
    pub date: String,
    /// The start date in ISO form, for `<time datetime>`.
    pub iso: String,
    /// One line.
    pub title: &'a str,
    /// What it rests on.
    pub citations: Vec<CitationView>,
    /// How many distinct and independent sources it rests on.
    pub support: crate::model::Support,
}

impl Site<'_> {
    /// An event as a line of a list.
    pub fn event_row(&self, page: &PagePath, index: usize) -> EventRow<'_> {
        let event: &Event = &self.dossier.events[index];
        EventRow {
            href: href(
                page,
                &periods::event_page(self.dossier, index),
                Some(&event_anchor(&event.id)),
            ),
            date: date_span(
                &event.date,
                event.end.as_ref(),
                event.approximate,
                self.language,
            ),
            iso: event.date.iso(),
            title: &event.title,
            citations: self.citations(page, &event.sources),
            support: self.dossier.support.event(index),
        }
    }

    /// The common parts of a page at `page` whose section is `section`.
    pub fn chrome(&self, page: &PagePath, title: String, section: &'static str) -> Chrome<'_> {
        let mut chrome = self.bare_chrome(page, title, section);
        if let Some((header, footer)) = self.frames.get(&(section, page.depth())) {
            chrome.header = header;
            chrome.footer = footer;
        }
        chrome
    }

    /// The header and footer of every kind of page, rendered once: they depend only on
    /// the section and the depth of the page.
    pub fn render_frames(&self) -> Result<Frames, super::RenderError> {
        let mut frames = std::collections::BTreeMap::new();
        let kinds: [(&'static str, &[&str]); 7] = [
            ("home", &["index.html"]),
            ("", &["404.html"]),
            ("sources", &["sources/index.html", "sources/_/index.html"]),
            ("actors", &["actors/index.html", "actors/_/index.html"]),
            (
                "chronology",
                &["chronology/index.html", "chronology/_/index.html"],
            ),
            ("tags", &["tags/index.html", "tags/_/index.html"]),
            ("search", &["search/index.html"]),
        ];
        for (section, pages) in kinds {
            for page in pages {
                let page = PagePath::new(*page);
                let chrome = self.bare_chrome(&page, String::new(), section);
                let header = self
                    .templates
                    .render("header.html", self.language, &chrome)?;
                let footer = self
                    .templates
                    .render("footer.html", self.language, &chrome)?;
                frames.insert((section, page.depth()), (header, footer));
            }
        }
        Ok(frames)
    }

    /// The common parts of a page, without its header and footer.
    fn bare_chrome(&self, page: &PagePath, title: String, section: &str) -> Chrome<'_> {
        let l = self.labels;
        let nav = [
            ("sources", l.sources),
            ("actors", l.actors),
            ("chronology", l.chronology),
            ("tags", l.tags),
            ("briefing", l.briefing),
        ]
        .into_iter()
        .map(|(name, label)| NavItem {
            href: href(page, &PagePath::section(name), None),
            label,
            current: name == section,
        })
        .collect::<Vec<NavItem>>();
        let up = nav.iter().find(|item| item.current).cloned();
        let base_url = self.dossier.meta.base_url.as_deref();
        Chrome {
            header: "",
            footer: "",
            site_title: &self.dossier.meta.title,
            page_title: title,
            description: self.description.clone(),
            root: to_root(page),
            home: href(page, &PagePath::home(), None),
            nav,
            up,
            style: href(page, &PagePath::asset("style.css"), None),
            highlight_css: href(page, &PagePath::asset("highlight.css"), None),
            pictures_css: href(page, &PagePath::asset("pictures.css"), None),
            favicon: href(page, &PagePath::asset("favicon.svg"), None),
            site_js: href(page, &PagePath::asset("site.js"), None),
            search_action: href(page, &PagePath::section("search"), None),
            data: href(page, &PagePath::new("dossier.json"), None),
            exports: href(page, &PagePath::new("exports/README.txt"), None),
            feed: base_url.map(|_| href(page, &PagePath::new("atom.xml"), None)),
            canonical: base_url.map(|base| format!("{base}/{}", page.pretty())),
            base: None,
        }
    }

    /// A link to an actor's profile.
    pub fn actor_link(&self, page: &PagePath, actor: usize) -> Link {
        let a = &self.dossier.actors[actor];
        Link {
            href: href(page, &PagePath::actor(&a.id), None),
            label: a.name.clone(),
            title: None,
        }
    }

    /// A link to a source's page.
    pub fn source_link(&self, page: &PagePath, source: usize) -> Link {
        let s = &self.dossier.sources[source];
        Link {
            href: href(page, &PagePath::source(&s.id), None),
            label: s.title.clone(),
            title: None,
        }
    }

    /// A link to a tag's page.
    pub fn tag_link(&self, page: &PagePath, tag: &str) -> Link {
        Link {
            href: href(page, &PagePath::tag(self.cross.tag_slug(tag)), None),
            label: tag.to_string(),
            title: None,
        }
    }

    /// Citations as links, grouped by source in the order each source is first cited.
    pub fn citations(&self, page: &PagePath, citations: &[Citation]) -> Vec<CitationView> {
        let mut groups: Vec<(usize, CitationView)> = Vec::new();
        for citation in citations {
            let at = match groups.iter().position(|(s, _)| *s == citation.source) {
                Some(at) => at,
                None => {
                    let (short, title) = &self.cite_names[citation.source];
                    let href =
                        target_href(self.dossier, page, Target::Source(citation.source), None);
                    let view = CitationView {
                        href,
                        label: short.clone(),
                        title: title.clone(),
                        paragraphs: Vec::new(),
                    };
                    groups.push((citation.source, view));
                    groups.len() - 1
                }
            };
            if let Some((first, _)) = citation.paragraphs {
                let label = citation.paragraph_label();
                let group = &mut groups[at].1;
                if !group.paragraphs.iter().any(|(_, l)| *l == label) {
                    let href = target_href(
                        self.dossier,
                        page,
                        Target::Source(citation.source),
                        Some(first),
                    );
                    group.paragraphs.push((href, label));
                }
            }
        }
        groups.into_iter().map(|(_, view)| view).collect()
    }

    /// An event in full, for the chronology; `description` renders its Markdown.
    pub fn event(&self, page: &PagePath, index: usize, description: bool) -> EventView<'_> {
        let event: &Event = &self.dossier.events[index];
        let anchor = event_anchor(&event.id);
        EventView {
            href: href(
                page,
                &periods::event_page(self.dossier, index),
                Some(&anchor),
            ),
            anchor,
            date: date_span(
                &event.date,
                event.end.as_ref(),
                event.approximate,
                self.language,
            ),
            iso: event.date.iso(),
            approximate: event.approximate,
            title: &event.title,
            description: event
                .description
                .as_deref()
                .filter(|_| description)
                .map(|text| self.markdown.field_lean(text, page, &event.id, 2)),
            actors: event
                .actors
                .iter()
                .map(|&a| self.actor_link(page, a))
                .collect(),
            place: event.place.map(|p| self.actor_link(page, p)),
            citations: self.citations(page, &event.sources),
            support: self.dossier.support.event(index),
            tags: event.tags.iter().map(|t| self.tag_link(page, t)).collect(),
        }
    }

    /// Who refers, as a link from `page`.
    pub fn referrer(&self, page: &PagePath, referrer: Referrer) -> Link {
        let d: &Dossier = self.dossier;
        let l = self.labels;
        let (href, label) = match referrer {
            Referrer::Dossier => (
                href(page, &PagePath::home(), Some("summary")),
                l.dossier_summary.to_string(),
            ),
            Referrer::Judgment(k) => {
                let anchor = format!("kj-{}", k + 1);
                (
                    href(page, &PagePath::home(), Some(&anchor)),
                    format!("{} {}", l.judgment, k + 1),
                )
            }
            Referrer::Source(s) => (
                target_href(d, page, Target::Source(s), None),
                d.sources[s].title.clone(),
            ),
            Referrer::Actor(a) => (
                target_href(d, page, Target::Actor(a), None),
                d.actors[a].name.clone(),
            ),
            Referrer::Relation { actor, index } => {
                let holder = &d.actors[actor];
                let relation = &holder.relations[index];
                let anchor = format!("rel-{}", index + 1);
                let label = format!(
                    "{} — {} {}",
                    holder.name, relation.kind, d.actors[relation.to].name
                );
                (
                    href(page, &PagePath::actor(&holder.id), Some(&anchor)),
                    label,
                )
            }
            Referrer::Event(e) => {
                let event = &d.events[e];
                let date = date_span(
                    &event.date,
                    event.end.as_ref(),
                    event.approximate,
                    self.language,
                );
                (
                    target_href(d, page, Target::Event(e), None),
                    [&date, l.colon, " ", &event.title].concat(),
                )
            }
        };
        Link {
            href,
            label,
            title: None,
        }
    }

    /// A count in the dossier's language.
    pub fn count(&self, n: usize) -> String {
        labels::count(n, self.language)
    }
}
