//! The source pages (metadata, note, numbered text with mention links and what cites
//! each paragraph) and the table of sources.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Language, Referrer, Source};
use crate::render::crossref::referrers;
use crate::render::escape::push_escaped;
use crate::render::labels::{credibility, language_name, reliability, source_kind};
use crate::render::links::PagePath;
use crate::render::views::{Chrome, Link};
use crate::render::{RenderError, Site};
use crate::urls::is_web_address;

/// A source's metadata, formatted.
#[derive(Debug, Serialize)]
pub struct SourceMeta<'a> {
    /// The id.
    pub id: &'a str,
    /// Headline.
    pub title: &'a str,
    /// Publication date in words, at its precision.
    pub date: String,
    /// Publication date, ISO, for sorting and `<time>`.
    pub iso: String,
    /// Outlet.
    pub outlet: Option<&'a str>,
    /// Byline.
    pub author: Option<&'a str>,
    /// Original address (only `http` and `https`).
    pub url: Option<&'a str>,
    /// Kind, in words.
    pub kind: &'static str,
    /// Admiralty grade written together (`B2`).
    pub grade: Option<String>,
    /// What the grade means, for the hover.
    pub grade_title: Option<String>,
    /// Language of the text, in words.
    pub language: &'static str,
    /// `fr` or `en`, for `lang` on the text.
    pub lang: &'static str,
    /// Tags.
    pub tags: Vec<Link>,
}

/// An actor mentioned in a source, with how often.
#[derive(Debug, Serialize)]
pub struct MentionCount {
    /// The actor.
    pub actor: Link,
    /// How many mentions.
    pub count: usize,
    /// Paragraphs where it appears, as links (`§3`).
    pub paragraphs: Vec<Link>,
}

/// `sources/ID/index.html`.
#[derive(Debug, Serialize)]
pub struct SourcePage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Metadata.
    pub source: SourceMeta<'a>,
    /// The analyst's note, rendered.
    pub note: Option<String>,
    /// The text, rendered with anchors, mention links and backreferences.
    pub body: String,
    /// Who cites the source as a whole.
    pub cited_whole: Vec<Link>,
    /// Everything that cites some paragraph of the source.
    pub cited_by: Vec<Link>,
    /// Actors mentioned, most mentioned first.
    pub actors: Vec<MentionCount>,
}

/// A rendered source page, and the sentence around each of its mentions.
pub struct RenderedSource {
    /// Where it goes.
    pub path: PagePath,
    /// Quotes, aligned with the source's mentions.
    pub quotes: Vec<String>,
}

impl Site<'_> {
    /// The metadata of a source, formatted.
    pub fn source_meta<'s>(&'s self, page: &PagePath, source: &'s Source) -> SourceMeta<'s> {
        let language = self.language;
        let colon = self.labels.colon;
        let parts: Vec<String> = [
            source.reliability.map(|r| format!("{}{colon} {}", r.word(), reliability(r, language))),
            source.credibility.map(|c| format!("{}{colon} {}", c.word(), credibility(c, language))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let separator = if language == Language::Fr { "\u{a0}; " } else { "; " };
        let grade_title = (!parts.is_empty()).then(|| parts.join(separator));
        SourceMeta {
            id: &source.id,
            title: &source.title,
            date: source.published.human(language),
            iso: source.published.iso(),
            outlet: source.outlet.as_deref(),
            author: source.author.as_deref(),
            url: source.url.as_deref().filter(|u| is_web_address(u)),
            kind: source_kind(source.kind, language),
            grade: source.grade(),
            grade_title,
            language: language_name(source.language, language),
            lang: source.language.word(),
            tags: source.tags.iter().map(|t| self.tag_link(page, t)).collect(),
        }
    }
}

/// The backreferences written after paragraph `number`.
fn backrefs(site: &Site<'_>, page: &PagePath, index: usize, number: u32) -> String {
    let citing = referrers(site.cross.citing_paragraph(index, number));
    if citing.is_empty() {
        return String::new();
    }
    let mut html = String::from("<aside class=\"backrefs\"><span class=\"backrefs-label\">");
    push_escaped(&mut html, site.labels.cited_by);
    html.push_str("</span> ");
    for (i, referrer) in citing.into_iter().enumerate() {
        if i > 0 {
            html.push_str(" · ");
        }
        let link = if referrer == Referrer::Source(index) {
            Link { href: String::from("#note-title"), label: site.labels.note.to_string(), title: None }
        } else {
            site.referrer(page, referrer)
        };
        html.push_str("<a href=\"");
        push_escaped(&mut html, &link.href);
        html.push_str("\">");
        push_escaped(&mut html, &link.label);
        html.push_str("</a>");
    }
    html.push_str("</aside>\n");
    html
}

/// Renders `sources/ID/index.html`.
pub fn source(site: &Site<'_>, index: usize) -> Result<(RenderedSource, String), RenderError> {
    let dossier = site.dossier;
    let source = &dossier.sources[index];
    let page = PagePath::source(&source.id);
    let mentions = &dossier.mentions[site.cross.mentions_by_source[index].clone()];
    let rendered = site.markdown.body(source, &page, mentions, &|n| backrefs(site, &page, index, n));
    let mut counts: BTreeMap<usize, (usize, Vec<u32>)> = BTreeMap::new();
    for mention in mentions {
        let entry = counts.entry(mention.actor).or_default();
        entry.0 += 1;
        if let Some(p) = mention.paragraph {
            if entry.1.last() != Some(&p) {
                entry.1.push(p);
            }
        }
    }
    let mut actors: Vec<MentionCount> = counts
        .into_iter()
        .map(|(actor, (count, paragraphs))| MentionCount {
            actor: site.actor_link(&page, actor),
            count,
            paragraphs: paragraphs
                .into_iter()
                .map(|p| Link { href: format!("#p{p}"), label: format!("§{p}"), title: None })
                .collect(),
        })
        .collect();
    actors.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.actor.label.cmp(&b.actor.label)));
    let cited_by = referrers(site.cross.refs_to_source[index].iter().filter(|r| r.paragraphs.is_some()))
        .into_iter()
        .filter(|r| *r != Referrer::Source(index))
        .map(|r| site.referrer(&page, r))
        .collect();
    let view = SourcePage {
        chrome: site.chrome(&page, source.title.clone(), "sources"),
        source: site.source_meta(&page, source),
        note: source.note.as_deref().map(|n| site.markdown.field(n, &page, "note", 2)),
        body: rendered.html,
        cited_whole: referrers(site.cross.citing_whole(index)).into_iter().map(|r| site.referrer(&page, r)).collect(),
        cited_by,
        actors,
    };
    let html = site.templates.render("source.html", &view)?;
    Ok((RenderedSource { path: page, quotes: rendered.quotes }, html))
}

/// A row of the table of sources.
#[derive(Debug, Serialize)]
pub struct SourceRow<'a> {
    /// Metadata.
    #[serde(flatten)]
    pub meta: SourceMeta<'a>,
    /// Link to the page.
    pub href: String,
    /// How many mentions of actors.
    pub mentions: usize,
}

/// `sources/index.html`.
#[derive(Debug, Serialize)]
pub struct SourcesPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// Every source, by date.
    pub sources: Vec<SourceRow<'a>>,
}

/// Renders `sources/index.html`.
pub fn index(site: &Site<'_>) -> Result<(PagePath, String), RenderError> {
    let page = PagePath::section("sources");
    let sources = site
        .dossier
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| SourceRow {
            meta: SourceMeta { tags: Vec::new(), ..site.source_meta(&page, source) },
            href: crate::render::links::href(&page, &PagePath::source(&source.id), None),
            mentions: site.cross.mentions_by_source[i].len(),
        })
        .collect();
    let view = SourcesPage { chrome: site.chrome(&page, site.labels.sources.to_string(), "sources"), sources };
    Ok((page, site.templates.render("sources.html", &view)?))
}
