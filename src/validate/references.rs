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
    pub reuse: &'a dyn super::Reuse,
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
    pub fn new(ids: &'a HashMap<String, Entry>, reuse: &'a dyn super::Reuse) -> Self {
        Self {
            ids,
            references: Vec::new(),
            reuse,
        }
    }

    /// "'x' is an event, not a source", at `span`, with `hint`.
    fn wrong_kind(
        diagnostics: &mut Diagnostics,
        (file, span): (&SourceFile, Span),
        (id, found): (&str, Target),
        wanted: &str,
        hint: &str,
    ) {
        let message = format!(
            "'{id}' is {}, not {}",
            with_article(kind_word(found)),
            with_article(wanted)
        );
        diagnostics.unresolved(file, span, message).hint = Some(hint.into());
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
        let diagnostic = diagnostics.unresolved(file, span, format!("unknown {what} '{id}'"));
        diagnostic.hint = Some(match did_you_mean(id, candidates) {
            Some(near) => format!("did you mean '{near}'?"),
            None => match wanted {
                "source" => format!(
                    "no source has the id '{id}': a source's id is its file name without \
                     extension (content/sources/{id}.md)"
                ),
                "actor" => format!(
                    "no actor has the id '{id}': an actor's id is its file name without \
                     extension (content/actors/{id}.yaml)"
                ),
                _ => format!(
                    "no source, actor or event has the id '{id}': a source's or an actor's id \
                     is its file name without extension (content/sources/{id}.md, \
                     content/actors/{id}.yaml)"
                ),
            },
        });
    }

    /// Resolves an actor id (roles, relations, event actors, places), with the actor's
    /// kind when it could be read.
    pub fn actor(
        &self,
        id: &Located<String>,
        file: &SourceFile,
        diagnostics: &mut Diagnostics,
    ) -> Option<(usize, Option<ActorKind>)> {
        match self.ids.get(id.value.trim()) {
            Some(Entry {
                target: Target::Actor(index),
                actor_kind,
                ..
            }) => Some((*index, *actor_kind)),
            Some(entry) => {
                let hint = "only actors (content/actors/) can be named here";
                let found = (id.value.as_str(), entry.target);
                Self::wrong_kind(diagnostics, (file, id.span), found, "actor", hint);
                None
            }
            None => {
                self.unknown(id.value.trim(), "actor", diagnostics, file, id.span);
                None
            }
        }
    }

    /// Resolves a source id (`derived_from`).
    pub fn source(
        &self,
        id: &Located<String>,
        file: &SourceFile,
        diagnostics: &mut Diagnostics,
    ) -> Option<usize> {
        match self.ids.get(id.value.trim()) {
            Some(Entry {
                target: Target::Source(index),
                ..
            }) => Some(*index),
            Some(entry) => {
                let hint = "only sources (content/sources/) can be named here";
                let found = (id.value.as_str(), entry.target);
                Self::wrong_kind(diagnostics, (file, id.span), found, "source", hint);
                None
            }
            None => {
                self.unknown(id.value.trim(), "source", diagnostics, file, id.span);
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
        let mut citations: Vec<Citation> = Vec::new();
        for text in texts {
            if let Some(citation) = self.citation(&text.value, file, text.span, diagnostics) {
                if citations.contains(&citation) {
                    diagnostics
                        .warning(
                            file,
                            text.span,
                            format!("`{}` is cited twice in this list", text.value.trim()),
                        )
                        .hint = Some("remove the second one".into());
                    continue;
                }
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
                    .unresolved(file, span, format!("invalid citation `{text}`: {message}"))
                    .hint = Some("write `source-id`, `source-id#p4` or `source-id#p4-p6`".into());
                return None;
            }
        };
        let Some(entry) = self.ids.get(&parsed.id) else {
            self.unknown(&parsed.id, "source", diagnostics, file, span);
            return None;
        };
        let Target::Source(source) = entry.target else {
            let hint = "citations point at sources (content/sources/); link to other things with [[id]] in Markdown";
            Self::wrong_kind(
                diagnostics,
                (file, span),
                (&parsed.id, entry.target),
                "source",
                hint,
            );
            return None;
        };
        if let Some((_, last)) = parsed.paragraphs
            && last > entry.paragraphs
        {
            diagnostics
                .unresolved(
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
        let links = self.reuse.field_links(text);
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
            if link.wiki && dest_url.trim().is_empty() {
                diagnostics
                    .unresolved(file, span, "a wiki-link without an id")
                    .hint = Some(
                    "write [[id]] or [[id|label]] with the id of a source, actor or event".into(),
                );
            } else if link.wiki && written.trim_end_matches(']').trim_end().ends_with('|') {
                diagnostics
                    .unresolved(file, span, "a wiki-link with an empty label")
                    .hint = Some(format!(
                    "write [[{}]] for the linked page's own name, or a label after `|`",
                    dest_url.trim()
                ));
            } else if link.wiki {
                self.wiki_link(from, dest_url, file, span, diagnostics);
            } else if link_safety::is_root_path(dest_url) {
                diagnostics
                    .warning(
                        file,
                        span,
                        format!(
                            "link to `{}` starts at the root of the site that shows it; it is \
                             shown as text",
                            dest_url.trim()
                        ),
                    )
                    .hint = Some(
                    "published under a sub-path (GitHub Pages) it would lead nowhere, and \
                     copied from an article it meant the original site: write its full \
                     address (https://…) or a path relative to the page"
                        .into(),
                );
            } else if !link_safety::is_safe_link(dest_url) {
                let message = match link_safety::scheme(dest_url) {
                    Some(scheme) => format!(
                        "link to `{}` uses the scheme `{scheme}:`, which is not allowed",
                        dest_url.trim()
                    ),
                    None => format!(
                        "link to `{}` has no scheme (`//host…` borrows the page's own), \
                         which is not allowed; write `https:` before it",
                        dest_url.trim()
                    ),
                };
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
                    diagnostics.unresolved(file, span, format!("`#{anchor}`: only sources have paragraph anchors, and '{id}' is {}", with_article(kind_word(entry.target)))).hint =
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
