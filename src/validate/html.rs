//! With `allow_html`, a warning for each fragment of a source's raw HTML that the
//! sanitizer cuts: the writer learns what the page will not show.

use crate::diagnostics::{Diagnostics, Span};
use crate::load::RawSource;
use crate::render::markdown::raw::dropped;

/// Warns about what the sanitizer drops from the raw HTML of one source body, each at
/// its fragment. `html` are the fragments' byte ranges in the body.
pub fn check(source: &RawSource, html: &[std::ops::Range<usize>], diagnostics: &mut Diagnostics) {
    let body: &str = &source.body;
    for range in html {
        let Some(fragment) = body.get(range.clone()) else {
            continue;
        };
        let lost = dropped(fragment);
        if lost.is_empty() {
            continue;
        }
        let mut shown = fragment.trim_end().len().min(200);
        while !fragment.is_char_boundary(shown) {
            shown -= 1;
        }
        let span = Span::new(source.body_offset + range.start, shown);
        diagnostics
            .warning(
                &source.file,
                span,
                format!("raw HTML not shown: {}", lost.join(", ")),
            )
            .hint = Some(
            "allow_html keeps only harmless elements and attributes (no scripts, styles, \
             forms, event handlers, classes); write it in Markdown, or remove it"
                .into(),
        );
    }
}
