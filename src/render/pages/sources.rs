//! The source pages (metadata, note, numbered text with mention links and what cites
//! each paragraph) and the table of sources.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::labels::{Citing, citing, sort_key};
use crate::labels::{credibility, reliability, source_kind};
use crate::link_safety::is_web_address;
use crate::model::{Language, Referrer, Source};
use crate::plain_text::short_title;
use crate::render::crossref::{by_kind, referrers};
use crate::render::fragments::{self, SourceRow};
use crate::render::links::PagePath;
use crate::render::pager::{self, Pager};
use crate::render::views::{Chrome, Link};
use crate::render::{RenderError, Site};

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
    pub language: String,
    /// Its code, for `lang` on the text.
    pub lang: &'a str,
    /// `rtl` for a text written right to left, for `dir` on the text.
    pub dir: Option<&'static str>,
    /// Tags.
    pub tags: Vec<Link>,
    /// SHA-256 of the text, hex.
    pub fingerprint: &'a str,
    /// Its first 12 digits.
    pub fingerprint_short: &'a str,
    /// Whether the front matter records it (the text is the one captured).
    pub fingerprint_recorded: bool,
    /// The sources it relays or reprints (`derived_from`), each with its outlet.
    pub derived_from: Vec<Link>,
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
    /// The sources that relay or reprint it (derived from it), each with its outlet.
    pub relayed_by: Vec<Link>,
    /// Who cites the source as a whole.
    pub cited_whole: Vec<Link>,
    /// What cites some paragraph of the source, in short: each kind with its count and
    /// the paragraphs cited (`fragments::cited_paragraphs`), its own note left out;
    /// empty when nothing does. The items themselves are in the notes beside the
    /// paragraphs.
    pub cited_by_html: String,
    /// Actors mentioned, most mentioned first, with the paragraphs where they appear
    /// (`fragments::mentioned`); empty when none is.
    pub actors_html: String,
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
            source
                .reliability
                .map(|r| format!("{}{colon} {}", r.word(), reliability(r, language))),
            source
                .credibility
                .map(|c| format!("{}{colon} {}", c.word(), credibility(c, language))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let separator = if language == Language::Fr {
            "\u{a0}; "
        } else {
            "; "
        };
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
            language: source.language.name(language),
            lang: source.language.as_str(),
            dir: source.language.is_right_to_left().then_some("rtl"),
            tags: source.tags.iter().map(|t| self.tag_link(page, t)).collect(),
            fingerprint: &source.fingerprint,
            fingerprint_short: crate::fingerprint::short(&source.fingerprint),
            fingerprint_recorded: source.fingerprint_recorded,
            derived_from: source
                .derived_from
                .iter()
                .map(|&s| self.provenance_link(page, s))
                .collect(),
        }
    }

    /// A link to a source that another relays or is relayed by, its outlet beside its
    /// title: what makes sources count as one is their outlet and what they relay.
    pub fn provenance_link(&self, page: &PagePath, source: usize) -> Link {
        let mut link = self.source_link(page, source);
        if let Some(outlet) = &self.dossier.sources[source].outlet {
            link.label = format!("{} ({})", link.label, outlet.trim());
        }
        link
    }
}

/// What cites `referrers`, grouped by kind and linked from `page` (the source's own note
/// as `#note`).
fn grouped(
    site: &Site<'_>,
    page: &PagePath,
    index: usize,
    referrers: &[Referrer],
) -> Vec<(String, Vec<Link>)> {
    by_kind(referrers, index)
        .into_iter()
        .map(|(kind, list)| {
            let links: Vec<Link> = list
                .into_iter()
                .map(|r| {
                    if r == Referrer::Source(index) {
                        Link {
                            href: String::from("#note"),
                            label: site.labels.note.to_string(),
                            title: None,
                        }
                    } else {
                        site.referrer(page, r)
                    }
                })
                .collect();
            (citing(kind, links.len(), site.language), links)
        })
        .collect()
}

/// What cites some paragraph of source `index`, by kind (its own note left out, whose
/// links are beside the paragraphs): how many items, and the paragraphs they cite.
fn cited_paragraphs(site: &Site<'_>, index: usize) -> Vec<(String, Vec<u32>)> {
    let last = u32::try_from(site.dossier.sources[index].paragraphs.len()).unwrap_or(u32::MAX);
    let mut kinds: BTreeMap<Citing, (BTreeSet<Referrer>, BTreeSet<u32>)> = BTreeMap::new();
    for reference in &site.cross.refs_to_source[index] {
        let Some((first, end)) = reference.paragraphs else {
            continue;
        };
        let kind = Citing::of(reference.from, index);
        if kind == Citing::OwnNote {
            continue;
        }
        let (items, paragraphs) = kinds.entry(kind).or_default();
        items.insert(reference.from);
        paragraphs.extend(first..=end.min(last).max(first));
    }
    kinds
        .into_iter()
        .map(|(kind, (items, paragraphs))| {
            (
                citing(kind, items.len(), site.language),
                paragraphs.into_iter().collect(),
            )
        })
        .collect()
}

/// The note beside paragraph `number`: what cites it.
fn backrefs(site: &Site<'_>, page: &PagePath, index: usize, number: u32) -> String {
    let citing = referrers(site.cross.citing_paragraph(index, number));
    if citing.is_empty() {
        return String::new();
    }
    let language = &site.dossier.sources[index].language;
    let groups = grouped(site, page, index, &citing);
    if language.is(site.language) {
        return fragments::cited_note(number, &groups, site.labels, "");
    }
    // In a text of another language: the note says it is in the interface's, and gets
    // the interface's typography here, since the page's skips the text.
    let dir = if language.is_right_to_left() {
        " dir=\"ltr\""
    } else {
        ""
    };
    let attributes = format!(" lang=\"{}\"{dir}", site.labels.lang);
    let note = fragments::cited_note(number, &groups, site.labels, &attributes);
    match site.language {
        Language::Fr => crate::render::typography::french(&note).into_owned(),
        Language::En => note,
    }
}

/// A source in a sentence: outlet, date, and the start of its text.
fn describe(site: &Site<'_>, source: &Source) -> String {
    let mut out = String::new();
    if let Some(outlet) = &source.outlet {
        out.push_str(outlet);
        out.push_str(", ");
    }
    out.push_str(&source.published.human(site.language));
    if let Some(first) = source.paragraphs.first() {
        out.push_str(". ");
        out.push_str(&short_title(first.text.trim(), 160));
    }
    out
}

/// Renders `sources/ID/index.html`.
pub fn source(site: &Site<'_>, index: usize) -> Result<(RenderedSource, Vec<u8>), RenderError> {
    let dossier = site.dossier;
    let source = &dossier.sources[index];
    let page = PagePath::source(&source.id);
    let mentions = &dossier.mentions[site.cross.mentions_by_source[index].clone()];
    let rendered = site.markdown.body(source, &page, mentions, &|n| {
        backrefs(site, &page, index, n)
    });
    let mut counts: BTreeMap<usize, (usize, Vec<u32>)> = BTreeMap::new();
    for mention in mentions {
        let entry = counts.entry(mention.actor).or_default();
        entry.0 += 1;
        if let Some(p) = mention.paragraph
            && entry.1.last() != Some(&p)
        {
            entry.1.push(p);
        }
    }
    let mut actors: Vec<(Link, usize, Vec<u32>)> = counts
        .into_iter()
        .map(|(actor, (count, paragraphs))| (site.actor_link(&page, actor), count, paragraphs))
        .collect();
    actors.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then_with(|| sort_key(&a.0.label).cmp(&sort_key(&b.0.label)))
    });
    let cited_by = cited_paragraphs(site, index);
    let mut chrome = site.chrome(&page, source.title.clone(), "sources");
    chrome.description = describe(site, source);
    let view = SourcePage {
        chrome,
        source: site.source_meta(&page, source),
        note: source
            .note
            .as_deref()
            .map(|n| site.markdown.field_lean(n, &page, "note", 2)),
        // A French text gets French typography whatever the interface's language (the
        // page's own pass, in a French dossier, skips a text in another language).
        body: if source.language.is(Language::Fr) && site.language != Language::Fr {
            crate::render::typography::french(&rendered.html).into_owned()
        } else {
            rendered.html
        },
        relayed_by: site.cross.relayed_by[index]
            .iter()
            .map(|&s| site.provenance_link(&page, s))
            .collect(),
        cited_whole: referrers(site.cross.citing_whole(index))
            .into_iter()
            .map(|r| site.referrer(&page, r))
            .collect(),
        cited_by_html: if cited_by.is_empty() {
            String::new()
        } else {
            fragments::cited_paragraphs(&cited_by)
        },
        actors_html: if actors.is_empty() {
            String::new()
        } else {
            fragments::mentioned(&actors)
        },
    };
    let html = site
        .templates
        .render_bytes("source.html", site.language, &view)?;
    Ok((
        RenderedSource {
            path: page,
            quotes: rendered.quotes,
        },
        html,
    ))
}

/// `sources/index.html`.
#[derive(Debug, Serialize)]
pub struct SourcesPage<'a> {
    #[serde(flatten)]
    chrome: Chrome<'a>,
    /// How many sources.
    pub count: usize,
    /// The sources of this page, by date, as table rows (`fragments::source_rows`).
    pub rows_html: String,
    /// Links between the pages of a long list (none when it fits on one).
    pub pager: Option<Pager>,
}

/// Renders `sources/index.html`, or page `number` of the list.
pub fn index(site: &Site<'_>, number: usize) -> Result<(PagePath, Vec<u8>), RenderError> {
    let first = PagePath::section("sources");
    let page = pager::page_path(&first, number);
    let sources = &site.dossier.sources;
    let range = pager::page_items(sources.len(), pager::SOURCES_PER_PAGE, number);
    let rows: Vec<SourceRow<'_>> = sources[range.clone()]
        .iter()
        .zip(range)
        .map(|(source, i)| {
            let meta = site.source_meta(&page, source);
            SourceRow {
                href: crate::render::links::href(&page, &PagePath::source(&source.id), None),
                date: (meta.date, meta.iso),
                outlet: meta.outlet,
                title: meta.title,
                kind: meta.kind,
                grade: meta.grade.zip(meta.grade_title),
                language: (meta.language, meta.lang),
                mentions: site.cross.mentions_by_source[i].len(),
            }
        })
        .collect();
    let view = SourcesPage {
        chrome: site.chrome(
            &page,
            pager::title(site.labels.sources, number, site.sources_pages()),
            "sources",
        ),
        count: sources.len(),
        rows_html: fragments::source_rows(&rows, site.labels),
        pager: pager::pager(&first, number, site.sources_pages()),
    };
    Ok((
        page,
        site.templates
            .render_bytes("sources.html", site.language, &view)?,
    ))
}
