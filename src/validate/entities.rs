//! Turning each raw document into its model value, resolving what it points at.

use crate::diagnostics::{Diagnostics, SourceFile, Span};
use crate::load::fields::Located;
use crate::load::{RawActor, RawDossier, RawEvent, RawRelation, RawSource};
use crate::model::{
    Actor, ActorKind, Date, Event, ExternalLink, Judgment, Language, Meta, Paragraph, Referrer,
    Relation, Role, Source, SourceKind,
};
use crate::scan::BodyLink;
use crate::validate::references::{MarkdownOrigin, Placement, Resolver};

fn text(value: Option<&Located<String>>) -> Option<String> {
    value
        .map(|v| v.value.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn texts(values: &[Located<String>]) -> Vec<String> {
    values
        .iter()
        .map(|v| v.value.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// Checks the Markdown of an analyst-written field.
fn field_markdown(
    resolver: &mut Resolver<'_>,
    from: Referrer,
    value: Option<&Located<String>>,
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) {
    if let Some(value) = value {
        resolver.markdown(
            from,
            &value.value,
            MarkdownOrigin::Field,
            Placement::InField(value.span),
            file,
            diagnostics,
        );
    }
}

/// An end that comes before its start is an error.
fn check_order(
    start: Option<&Located<Date>>,
    end: Option<&Located<Date>>,
    names: (&str, &str),
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) {
    if let (Some(start), Some(end)) = (start, end)
        && end.value.last_day() < start.value.first_day()
    {
        diagnostics
            .error(
                file,
                end.span,
                format!(
                    "`{}` ({}) is before `{}` ({})",
                    names.1, end.value, names.0, start.value
                ),
            )
            .hint = Some(format!("`{}` must be on or after `{}`", names.1, names.0));
    }
}

/// `content/dossier.yaml`.
pub fn meta(raw: &RawDossier, resolver: &mut Resolver<'_>, diagnostics: &mut Diagnostics) -> Meta {
    let file = &raw.file;
    field_markdown(
        resolver,
        Referrer::Dossier,
        raw.summary.as_ref(),
        file,
        diagnostics,
    );
    let key_judgments = raw
        .key_judgments
        .iter()
        .enumerate()
        .map(|(index, j)| {
            let from = Referrer::Judgment(index);
            field_markdown(resolver, from, j.text.as_ref(), file, diagnostics);
            // A judgment whose confidence could not be read is not built: the error
            // about it fails the run.
            Judgment {
                text: text(j.text.as_ref()).unwrap_or_default(),
                confidence: j
                    .confidence
                    .as_ref()
                    .map_or(crate::model::Confidence::Low, |c| c.value),
                sources: resolver.citations(
                    Referrer::Judgment(index),
                    &j.sources,
                    file,
                    diagnostics,
                ),
            }
        })
        .collect();
    Meta {
        title: text(raw.title.as_ref()).unwrap_or_default(),
        subtitle: text(raw.subtitle.as_ref()),
        language: raw.language.as_ref().map_or(Language::En, |l| l.value),
        summary: text(raw.summary.as_ref()),
        key_judgments,
        authors: texts(&raw.authors),
        updated: raw.updated.as_ref().map(|d| d.value),
        marking: text(raw.marking.as_ref()),
        base_url: text(raw.base_url.as_ref()).map(|u| u.trim_end_matches('/').to_string()),
        allow_html: raw.allow_html,
    }
}

/// A source.
pub fn source(
    index: usize,
    raw: &RawSource,
    paragraphs: std::sync::Arc<[Paragraph]>,
    links: &[BodyLink],
    default_language: Language,
    resolver: &mut Resolver<'_>,
    diagnostics: &mut Diagnostics,
) -> Source {
    let file = &raw.file;
    let from = Referrer::Source(index);
    field_markdown(resolver, from, raw.note.as_ref(), file, diagnostics);
    resolver.links(
        from,
        &raw.body,
        links,
        MarkdownOrigin::Body,
        Placement::At(raw.body_offset),
        file,
        diagnostics,
    );
    if raw.body.trim().is_empty() {
        warn_of_no_text(raw, diagnostics);
    }
    Source {
        id: raw.id.clone(),
        path: file.path.clone(),
        title: text(raw.title.as_ref()).unwrap_or_default(),
        published: raw.published.as_ref().map_or(
            Date {
                year: 1,
                month: None,
                day: None,
            },
            |d| d.value,
        ),
        outlet: text(raw.outlet.as_ref()),
        author: text(raw.author.as_ref()),
        url: text(raw.url.as_ref()),
        language: raw
            .language
            .as_ref()
            .map_or_else(|| default_language.into(), |l| l.value.clone()),
        kind: raw.kind.as_ref().map_or(SourceKind::Article, |k| k.value),
        reliability: raw.reliability.as_ref().map(|r| r.value),
        credibility: raw.credibility.as_ref().map(|c| c.value),
        note: text(raw.note.as_ref()),
        tags: texts(&raw.tags),
        derived_from: raw
            .derived_from
            .iter()
            .filter_map(|id| resolver.source(id, file, diagnostics))
            .collect(),
        fingerprint: fingerprint(raw, diagnostics),
        fingerprint_recorded: raw.sha256.is_some(),
        body: raw.body.clone(),
        paragraphs,
    }
}

/// A source with no text has nothing to cite or find mentions in: most often the text
/// was not pasted after the front matter.
fn warn_of_no_text(raw: &RawSource, diagnostics: &mut Diagnostics) {
    let span = raw.title.as_ref().map_or(Span::new(0, 0), |t| t.span);
    diagnostics
        .warning(
            &raw.file,
            span,
            format!(
                "the source '{}' has no text: nothing follows its front matter",
                raw.id
            ),
        )
        .hint = Some(
        "paste the article's text after the closing `---`, as published; a source known by \
         its description only can say so in `note`"
            .into(),
    );
}

/// The fingerprint of a source's text, checked against its `sha256` key when given.
fn fingerprint(raw: &RawSource, diagnostics: &mut Diagnostics) -> String {
    let fingerprint = crate::fingerprint::sha256_hex(raw.body.as_bytes());
    if let Some(recorded) = &raw.sha256 {
        let written = recorded.value.trim();
        if !crate::fingerprint::is_sha256_hex(written) {
            diagnostics
                .error(
                    &raw.file,
                    recorded.span,
                    format!("`sha256` must be 64 hexadecimal digits, found `{written}`"),
                )
                .hint = Some(format!("the text's fingerprint is now `{fingerprint}`"));
        } else if !written.eq_ignore_ascii_case(&fingerprint) {
            diagnostics
                .error(
                    &raw.file,
                    recorded.span,
                    "the text changed since it was captured (its SHA-256 is not the one recorded)",
                )
                .hint = Some(format!(
                "compare the text with the original; if the change is meant, write \
                 `sha256: {fingerprint}`"
            ));
        }
    }
    fingerprint
}

/// Warns about a relation that cites no source (not about one whose `sources` could
/// not be read: that is reported as such).
fn warn_unsourced(
    relation: &RawRelation,
    to: &Located<String>,
    file: &SourceFile,
    diagnostics: &mut Diagnostics,
) {
    if !relation.sources.is_empty() || relation.unread.has("sources") {
        return;
    }
    let (span, message) = match relation.kind.as_ref() {
        Some(kind) => (
            kind.span,
            format!(
                "the relation '{}' to '{}' cites no source",
                kind.value.trim(),
                to.value.trim()
            ),
        ),
        None => (
            to.span,
            format!("the relation to '{}' cites no source", to.value.trim()),
        ),
    };
    diagnostics.warning(file, span, message).hint =
        Some("add `sources: [source-id#pN]` with the paragraph it rests on".into());
}

/// An actor.
pub fn actor(
    index: usize,
    raw: &RawActor,
    resolver: &mut Resolver<'_>,
    diagnostics: &mut Diagnostics,
) -> Actor {
    let file = &raw.file;
    field_markdown(
        resolver,
        Referrer::Actor(index),
        raw.summary.as_ref(),
        file,
        diagnostics,
    );
    let roles = raw
        .roles
        .iter()
        .map(|role| {
            check_order(
                role.from.as_ref(),
                role.to.as_ref(),
                ("from", "to"),
                file,
                diagnostics,
            );
            Role {
                title: text(role.title.as_ref()).unwrap_or_default(),
                of: role
                    .of
                    .as_ref()
                    .and_then(|of| resolver.actor(of, file, diagnostics))
                    .map(|(i, _)| i),
                from: role.from.as_ref().map(|d| d.value),
                to: role.to.as_ref().map(|d| d.value),
            }
        })
        .collect();
    let relations = raw
        .relations
        .iter()
        .enumerate()
        .filter_map(|(position, relation)| {
            let from = Referrer::Relation {
                actor: index,
                index: position,
            };
            check_order(
                relation.since.as_ref(),
                relation.until.as_ref(),
                ("since", "until"),
                file,
                diagnostics,
            );
            field_markdown(resolver, from, relation.note.as_ref(), file, diagnostics);
            let sources = resolver.citations(from, &relation.sources, file, diagnostics);
            let written = relation.to.as_ref()?;
            let (to, _) = resolver.actor(written, file, diagnostics)?;
            warn_unsourced(relation, written, file, diagnostics);
            if to == index {
                diagnostics.warning(file, written.span, "a relation of an actor to itself");
            }
            Some(Relation {
                to,
                kind: text(relation.kind.as_ref()).unwrap_or_default(),
                since: relation.since.as_ref().map(|d| d.value),
                until: relation.until.as_ref().map(|d| d.value),
                sources,
                note: text(relation.note.as_ref()),
            })
        })
        .collect();
    Actor {
        id: raw.id.clone(),
        path: file.path.clone(),
        name: text(raw.name.as_ref()).unwrap_or_else(|| raw.id.clone()),
        kind: raw.kind.as_ref().map_or(ActorKind::Other, |k| k.value),
        aliases: texts(&raw.aliases),
        summary: text(raw.summary.as_ref()),
        roles,
        relations,
        links: raw
            .links
            .iter()
            .map(|l| ExternalLink {
                label: text(l.label.as_ref()).unwrap_or_default(),
                url: text(l.url.as_ref()).unwrap_or_default(),
            })
            .collect(),
        tags: texts(&raw.tags),
    }
}

/// The actors of an event, each once: one listed twice is a warning.
fn event_actors(
    raw: &RawEvent,
    resolver: &Resolver<'_>,
    diagnostics: &mut Diagnostics,
) -> Vec<usize> {
    let mut actors: Vec<usize> = Vec::with_capacity(raw.actors.len());
    for written in &raw.actors {
        let Some((actor, _)) = resolver.actor(written, &raw.file, diagnostics) else {
            continue;
        };
        if actors.contains(&actor) {
            diagnostics
                .warning(
                    &raw.file,
                    written.span,
                    format!("'{}' is listed twice in `actors`", written.value.trim()),
                )
                .hint = Some("remove the second one".into());
        } else {
            actors.push(actor);
        }
    }
    actors
}

/// An event.
pub fn event(
    index: usize,
    id: String,
    raw: &RawEvent,
    resolver: &mut Resolver<'_>,
    diagnostics: &mut Diagnostics,
) -> Event {
    let file = &raw.file;
    let from = Referrer::Event(index);
    check_order(
        raw.date.as_ref(),
        raw.end.as_ref(),
        ("date", "end"),
        file,
        diagnostics,
    );
    field_markdown(resolver, from, raw.description.as_ref(), file, diagnostics);
    let actors = event_actors(raw, resolver, diagnostics);
    let place = raw.place.as_ref().and_then(|place| {
        let (index, kind) = resolver.actor(place, file, diagnostics)?;
        // An actor whose kind could not be read may be a place: its own error says why.
        let Some(kind) = kind else {
            return Some(index);
        };
        if kind == ActorKind::Place {
            Some(index)
        } else {
            diagnostics
                .error(
                    file,
                    place.span,
                    format!(
                        "'{}' is an actor of kind `{}`, not a place",
                        place.value,
                        kind.word()
                    ),
                )
                .hint = Some(
                "`place` names an actor of kind `place`; list other actors under `actors`".into(),
            );
            None
        }
    });
    let sources = resolver.citations(from, &raw.sources, file, diagnostics);
    // `sources` written but unreadable (`sources: x`) is reported as such, not as none.
    if raw.sources.is_empty() && !raw.unread.has("sources") {
        let (span, message) = match &raw.title {
            Some(title) => (
                title.span,
                format!("the event '{}' cites no source", title.value.trim()),
            ),
            None => (
                Span::new(raw.span.start, 0),
                "this event cites no source".into(),
            ),
        };
        diagnostics.warning(file, span, message).hint =
            Some("add `sources: [source-id#pN]` with the paragraph it rests on".into());
    }
    // An event whose date or title could not be read is not built: the error about it
    // fails the run.
    Event {
        id,
        path: file.path.clone(),
        date: raw.date.as_ref().map_or(
            Date {
                year: 1,
                month: None,
                day: None,
            },
            |d| d.value,
        ),
        end: raw.end.as_ref().map(|d| d.value),
        approximate: raw.approximate,
        title: text(raw.title.as_ref()).unwrap_or_default(),
        description: text(raw.description.as_ref()),
        actors,
        place,
        sources,
        tags: texts(&raw.tags),
        key: raw.key,
    }
}
