//! Resolving what the content points at: ids, citations, wiki-links and links inside
//! Markdown, each checked against the index of every id.

use rustc_hash::FxHashMap as HashMap;

use crate::diagnostics::{Diagnostics, SourceFile, Span, did_you_mean};
use crate::link_safety;
use crate::load::fields::Located;
use crate::model::{ActorKind, Citation, CitationText, Reference, ReferenceKind, Referrer, Target};
use crate::scan::BodyLink;

/// What the resolver knows of each id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Entry {
    /// What the id names.
    pub target: Target,
    /// For a source, how many numbered paragraphs it has.
    pub paragraphs: u32,
    /// For an actor, its kind.
    pub actor_kind: Option<ActorKind>,
}

/// Checks references against every id of the dossier and records the good ones.
pub struct Resolver<'a> {
    /// Every id.
    pub ids: &'a HashMap<String, Entry>,
    /// Every reference resolved so far.
    pub references: Vec<Reference>,
    /// What the last run found in the same Markdown fields, when it is kept.
    pub memo: Option<&'a super::BodyMemo>,
}

/// Whether a Markdown text is kept verbatim (a source body: bad links are disarmed with a
/// warning) or written by the analyst (bad links are errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkdownOrigin {
    /// A source body.
    Body,
    /// A Markdown field of the YAML.
    Field,
}

impl<'a> Resolver<'a> {
    /// A resolver against `ids`, with no reference yet.
    pub fn new(ids: &'a HashMap<String, Entry>, memo: Option<&'a super::BodyMemo>) -> Self {
        Self {
            ids,
            references: Vec::new(),
            memo,
        }
    }

    fn unknown(
        &self,
        id: &str,
        wanted: &str,
        diagnostics: &mut Diagnostics,
        file: &SourceFile,
        span: Span,
    ) {
        let candidates = self
            .ids
            .iter()
            .filter(|(_, e)| wanted.is_empty() || kind_word(e.target) == wanted)
            .map(|(k, _)| k.as_str());
        let what = if wanted.is_empty() { "id" } else { wanted };
        let diagnostic = diagnostics.error(file, span, format!("unknown {what} '{id}'"));
        diagnostic.hint = Some(match did_you_mean(id, candidates) {
            Some(near) => format!("did you mean '{near}'?"),
            None => format!(
                "no {what} has this id: ids are file names without extension (content/{}s/{id}…)",
                if wanted.is_empty() { "actor" } else { wanted }
            ),
        });
    }

    /// Resolves an actor id (roles, relations, event actors, places).
    pub fn actor(
        &self,
        id: &Located<String>,
        file: &SourceFile,
        diagnostics: &mut Diagnostics,
    ) -> Option<(usize, ActorKind)> {
        match self.ids.get(id.value.trim()) {
            Some(Entry {
                target: Target::Actor(index),
                actor_kind,
                ..
            }) => Some((*index, actor_kind.unwrap_or(ActorKind::Other))),
            Some(entry) => {
                diagnostics
                    .error(
                        file,
                        id.span,
                        format!(
                            "'{}' is {}, not an actor",
                            id.value,
                            with_article(kind_word(entry.target))
                        ),
                    )
                    .hint = Some("only actors (content/actors/) can be named here".into());
                None
            }
            None => {
                self.unknown(id.value.trim(), "actor", diagnostics, file, id.span);
                None
            }
        }
    }

    /// Resolves a list of citations made by `from`.
    pub fn citations(
        &mut self,
        from: Referrer,
        texts: &[Located<String>],
        file: &SourceFile,
        diagnostics: &mut Diagnostics,
    ) -> Vec<Citation> {
        let mut citations = Vec::new();
        for text in texts {
            if let Some(citation) = self.citation(&text.value, file, text.span, diagnostics) {
                self.references.push(Reference {
                    from,
                    to: Target::Source(citation.source),
                    paragraphs: citation.paragraphs,
                    kind: ReferenceKind::Citation,
                });
                citations.push(citation);
            }
        }
        citations
    }

    fn citation(
        &self,
        text: &str,
        file: &SourceFile,
        span: Span,
        diagnostics: &mut Diagnostics,
    ) -> Option<Citation> {
        let parsed = match CitationText::parse(text) {
            Ok(parsed) => parsed,
            Err(message) => {
                diagnostics
                    .error(file, span, format!("invalid citation `{text}`: {message}"))
                    .hint = Some("write `source-id`, `source-id#p4` or `source-id#p4-p6`".into());
                return None;
            }
        };
        let Some(entry) = self.ids.get(&parsed.id) else {
            self.unknown(&parsed.id, "source", diagnostics, file, span);
            return None;
        };
        let Target::Source(source) = entry.target else {
            diagnostics.error(file, span, format!("'{}' is {}, not a source", parsed.id, with_article(kind_word(entry.target)))).hint =
                Some("citations point at sources (content/sources/); link to other things with [[id]] in Markdown".into());
            return None;
        };
        if let Some((_, last)) = parsed.paragraphs
            && last > entry.paragraphs
        {
            diagnostics
                .error(
                    file,
                    span,
                    format!("source '{}' has no paragraph p{last}", parsed.id),
                )
                .hint = Some(format!(
                "'{}' has {} numbered paragraphs (p1–p{})",
                parsed.id, entry.paragraphs, entry.paragraphs
            ));
            return None;
        }
        Some(Citation {
            source,
            paragraphs: parsed.paragraphs,
        })
    }

    /// Checks the wiki-links and links of a Markdown text that starts at byte `offset`
    /// of `file` (a body), or that was read from the YAML value at `field` (a field, whose
    /// positions inside the value are found by searching the file).
    pub fn markdown(
        &mut self,
        from: Referrer,
        text: &str,
        origin: MarkdownOrigin,
        place: Placement,
        file: &SourceFile,
        diagnostics: &mut Diagnostics,
    ) {
        let links = match self.memo {
            Some(memo) => memo.field_links(text),
            None => std::sync::Arc::new(crate::scan::links(text)),
        };
        self.links(from, text, &links, origin, place, file, diagnostics);
    }

    /// Checks the links that [`crate::scan::body`] or [`crate::scan::links`] found in a
    /// Markdown `text`.
    #[allow(clippy::too_many_arguments)]
    pub fn links(
        &mut self,
        from: Referrer,
        text: &str,
        links: &[BodyLink],
        origin: MarkdownOrigin,
        place: Placement,
        file: &SourceFile,
        diagnostics: &mut Diagnostics,
    ) {
        for link in links {
            let (range, dest_url) = (&link.range, &link.destination);
            let written = text.get(range.clone()).unwrap_or_default();
            let span = place.locate(file, written, range.start);
            if link.wiki {
                self.wiki_link(from, dest_url, file, span, diagnostics);
            } else if !link_safety::is_safe_link(dest_url) {
                let scheme = link_safety::scheme(dest_url).unwrap_or_default();
                let message = format!(
                    "link to `{}` uses the scheme `{scheme}:`, which is not allowed",
                    dest_url.trim()
                );
                match origin {
                    MarkdownOrigin::Body => {
                        diagnostics
                            .warning(file, span, format!("{message}; it is shown as text"))
                            .hint =
                            Some("only http, https, mailto and relative links are kept".into());
                    }
                    MarkdownOrigin::Field => {
                        diagnostics.error(file, span, message).hint =
                            Some("only http, https, mailto and relative links are allowed".into());
                    }
                }
            }
        }
    }

    fn wiki_link(
        &mut self,
        from: Referrer,
        dest: &str,
        file: &SourceFile,
        span: Span,
        diagnostics: &mut Diagnostics,
    ) {
        let dest = dest.trim();
        let (id, anchor) = dest
            .split_once('#')
            .map_or((dest, None), |(i, a)| (i, Some(a)));
        match self.ids.get(id) {
            None => self.unknown(id, "", diagnostics, file, span),
            Some(entry) => match (entry.target, anchor) {
                (Target::Source(_), Some(_)) => {
                    if let Some(citation) = self.citation(dest, file, span, diagnostics) {
                        self.references.push(Reference {
                            from,
                            to: entry.target,
                            paragraphs: citation.paragraphs,
                            kind: ReferenceKind::WikiLink,
                        });
                    }
                }
                (_, Some(anchor)) => {
                    diagnostics.error(file, span, format!("`#{anchor}`: only sources have paragraph anchors, and '{id}' is {}", with_article(kind_word(entry.target)))).hint =
                        Some(format!("write [[{id}]]"));
                }
                (target, None) => {
                    self.references.push(Reference {
                        from,
                        to: target,
                        paragraphs: None,
                        kind: ReferenceKind::WikiLink,
                    });
                }
            },
        }
    }
}

/// Where a Markdown text sits in its file, to turn a position in the text into a span.
#[derive(Debug, Clone, Copy)]
pub enum Placement {
    /// The text starts at this byte of the file (a body).
    At(usize),
    /// The text is the value of a YAML field at this span (possibly folded or indented).
    InField(Span),
}

impl Placement {
    fn locate(self, file: &SourceFile, written: &str, offset_in_text: usize) -> Span {
        match self {
            Self::At(start) => Span::new(start + offset_in_text, written.len()),
            Self::InField(field) => {
                let needle = written.lines().next().unwrap_or(written);
                file.text
                    .get(field.start..)
                    .and_then(|rest| rest.find(needle))
                    .map_or(Span::new(field.start, field.len), |at| {
                        Span::new(field.start + at, needle.len())
                    })
            }
        }
    }
}

/// "source", "actor" or "event".
pub fn kind_word(target: Target) -> &'static str {
    match target {
        Target::Source(_) => "source",
        Target::Actor(_) => "actor",
        Target::Event(_) => "event",
    }
}

/// "a source", "an actor", "an event".
fn with_article(word: &str) -> String {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {word}")
    } else {
        format!("a {word}")
    }
}
