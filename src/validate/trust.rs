//! The checks of how well the claims are sourced and worded: loops of `derived_from`,
//! each claim's corroboration, key judgments of high confidence resting on one
//! independent source, and the estimative language of the key judgments.

use std::sync::Arc;

use crate::diagnostics::Diagnostics;
use crate::estimative;
use crate::load::{RawDossier, RawSource};
use crate::model::{Actor, Confidence, Corroboration, Event, Meta, Source};
use crate::validate::corroboration;

/// What the trust checks read.
pub struct Claims<'a> {
    /// The sources, resolved.
    pub sources: &'a [Source],
    /// The same sources as written, in the same order.
    pub raw_sources: &'a [Arc<RawSource>],
    /// `content/dossier.yaml` as written, when read.
    pub raw_dossier: Option<&'a RawDossier>,
    /// The dossier's settings and judgments, resolved.
    pub meta: &'a Meta,
    /// The events, resolved.
    pub events: &'a [Event],
    /// The actors, resolved.
    pub actors: &'a [Actor],
}

/// Runs the checks and returns the corroboration of every claim (empty when
/// `derived_from` loops).
pub fn check(claims: &Claims<'_>, diagnostics: &mut Diagnostics) -> Corroboration {
    // The words are those of the dossier's language: not known while it is unreadable.
    if let Some(raw) = claims.raw_dossier
        && !raw.unread.has("language")
    {
        wording(raw, claims.meta, diagnostics);
    }
    corroboration::check_outlets(claims.raw_sources, diagnostics);
    if !corroboration::check_loops(claims.sources, claims.raw_sources, diagnostics) {
        return Corroboration::default();
    }
    let support = corroboration::compute(
        claims.sources,
        &claims.meta.key_judgments,
        claims.events,
        claims.actors,
    );
    if let Some(raw) = claims.raw_dossier {
        for (index, judgment) in raw.key_judgments.iter().enumerate() {
            let found = support.judgment(index);
            if judgment.sources.is_empty()
                && !judgment.unread.has("sources")
                && let Some(text) = &judgment.text
            {
                diagnostics
                    .warning(&raw.file, text.span, "a key judgment cites no source")
                    .hint =
                    Some("add `sources: [source-id#pN]` with the paragraphs it rests on".into());
                continue;
            }
            let Some(confidence) = &judgment.confidence else {
                continue;
            };
            if confidence.value == Confidence::High && found.independent < 2 {
                let back = claims
                    .meta
                    .key_judgments
                    .get(index)
                    .filter(|_| found.sources > 1)
                    .and_then(|j| corroboration::common_origin(claims.sources, &j.sources))
                    .map_or_else(String::new, |origin| {
                        format!(": its {} sources all go back to {origin}", found.sources)
                    });
                diagnostics
                    .warning(
                        &raw.file,
                        confidence.span,
                        format!(
                            "a judgment of high confidence rests on {} independent source{}{back}",
                            found.independent,
                            if found.independent == 1 { "" } else { "s" }
                        ),
                    )
                    .hint = Some(
                    "cite a second independent source (another outlet, not relaying the \
                     first), or lower the confidence to `moderate`"
                        .into(),
                );
            }
        }
    }
    support
}

/// Warns about words of certainty in a key judgment, and about a judgment with no
/// expression of likelihood.
fn wording(raw: &RawDossier, meta: &Meta, diagnostics: &mut Diagnostics) {
    let language = meta.language;
    let quoted = |words: &[String]| {
        words
            .iter()
            .map(|w| format!("“{w}”"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    for text in raw.key_judgments.iter().filter_map(|j| j.text.as_ref()) {
        let found = estimative::examine(&text.value, language);
        if !found.certainty.is_empty() {
            diagnostics
                .warning(
                    &raw.file,
                    text.span,
                    format!(
                        "a key judgment states a certainty: {}",
                        quoted(&found.certainty)
                    ),
                )
                .hint = Some(format!(
                "say how likely it is on the scale instead: {}",
                estimative::scale(language)
            ));
        }
        if found.likelihood.is_empty() {
            diagnostics
                .warning(
                    &raw.file,
                    text.span,
                    "a key judgment says nothing of how likely it is",
                )
                .hint = Some(format!(
                "add an expression of likelihood from the scale: {}",
                estimative::scale(language)
            ));
        }
    }
}
