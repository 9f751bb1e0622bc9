//! The home page: title, bottom line, key judgments with confidence and citations,
//! latest events, counts and the ways in.

use serde::Serialize;

use crate::labels::confidence;
use crate::model::Confidence;
use crate::render::fragments;
use crate::render::links::{PagePath, href};
use crate::render::views::{Chrome, CitationView, Link};
use crate::render::{RenderError, Site};

/// How many events the home page lists.
const LATEST: usize = 8;

/// A key judgment.
#[derive(Debug, Serialize)]
pub struct JudgmentView {
    /// Anchor (`kj-1`).
    pub anchor: String,
    /// Its number, from 1.
    pub number: usize,
    /// The text, rendered.
    pub text: String,
    /// `low`, `moderate` or `high`, for a class.
    pub level: &'static str,
    /// The confidence in words.
    pub confidence: &'static str,
    /// What it rests on.
    pub citations: Vec<CitationView>,
}

/// A count with where to see it.
#[derive(Debug, Serialize)]
pub struct CountView {
    /// The number, formatted.
    pub value: String,
    /// What is counted.
    pub label: &'static str,
    /// Where to see them.
    pub href: String,
}

/// `index.html`.
#[derive(Debug, Serialize)]
pub struct HomePage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// One line under the title.
    pub subtitle: Option<&'a str>,
    /// Authors.
    pub authors: &'a [String],
    /// Last revision, in words.
    pub updated: Option<String>,
    /// The bottom line, rendered.
    pub summary: Option<String>,
    /// Key judgments.
    pub judgments: Vec<JudgmentView>,
    /// The most recent events, latest first, as HTML (`fragments::event_rows`).
    pub latest_html: String,
    /// Counts.
    pub counts: Vec<CountView>,
    /// Ways in: sections of the site.
    pub entries: Vec<Link>,
}

fn level(c: Confidence) -> &'static str {
    c.word()
}

/// Renders `index.html`.
pub fn home(site: &Site<'_>) -> Result<(PagePath, Vec<u8>), RenderError> {
    let page = PagePath::home();
    let d = site.dossier;
    let l = site.labels;
    let judgments = d
        .meta
        .key_judgments
        .iter()
        .enumerate()
        .map(|(i, j)| JudgmentView {
            anchor: format!("kj-{}", i + 1),
            number: i + 1,
            text: site
                .markdown
                .field(&j.text, &page, &format!("kj-{}", i + 1), 2),
            level: level(j.confidence),
            confidence: confidence(j.confidence, site.language),
            citations: j.sources.iter().map(|c| site.citation(&page, c)).collect(),
        })
        .collect();
    let rows: Vec<_> = (0..d.events.len())
        .rev()
        .take(LATEST)
        .map(|e| site.event_row(&page, e))
        .collect();
    let latest_html = if rows.is_empty() {
        String::new()
    } else {
        fragments::event_rows(&rows, l)
    };
    let section = |name: &str| href(&page, &PagePath::section(name), None);
    let count = |n: usize, one: &'static str, many: &'static str, section: &str| CountView {
        value: site.count(n),
        label: if n == 1 { one } else { many },
        href: href(&page, &PagePath::section(section), None),
    };
    let counts = vec![
        count(d.sources.len(), l.source_one, l.sources, "sources"),
        count(d.actors.len(), l.actor_one, l.actors, "actors"),
        count(d.events.len(), l.event_one, l.events, "chronology"),
        count(d.mentions.len(), l.mention_one, l.mentions, "actors"),
    ];
    let briefing = ("briefing", crate::briefing::name(site.language));
    let entries = [
        ("sources", l.sources),
        ("actors", l.actors),
        ("chronology", l.chronology),
        ("tags", l.tags),
        ("search", l.search),
        briefing,
    ]
    .into_iter()
    .map(|(name, label)| Link {
        href: section(name),
        label: label.to_string(),
        title: None,
    })
    .collect();
    let view = HomePage {
        chrome: site.chrome(&page, d.meta.title.clone(), "home"),
        subtitle: d.meta.subtitle.as_deref(),
        authors: &d.meta.authors,
        updated: d.meta.updated.map(|u| u.human(site.language)),
        summary: d
            .meta
            .summary
            .as_deref()
            .map(|s| site.markdown.field(s, &page, "summary", 2)),
        judgments,
        latest_html,
        counts,
        entries,
    };
    Ok((
        page,
        site.templates
            .render_bytes("index.html", site.language, &view)?,
    ))
}
