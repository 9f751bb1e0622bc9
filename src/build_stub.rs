//! A stand-in for the site builder, so that `dossier serve` can be written and tested
//! before `dossier build` lands: validates, then renders into memory a bare home page,
//! one page per source and a `404.html`. Same signature as the real
//! `dossier::build_in_memory` of branch `render`.
//!
// TODO(merge): delete this module and call the real `dossier::build_in_memory` from
// `serve::rebuild`; nothing else uses it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use crate::diagnostics::Diagnostics;

/// Why a build did not produce a site.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors: see the diagnostics.
    #[error("the content has problems: {0}")]
    Content(String),
}

/// Loads, checks and renders the project at `root` into memory: the files of the site
/// by path relative to its root (`sources/x/index.html`).
pub fn build_in_memory(
    root: &Path,
    strict: bool,
) -> (Result<BTreeMap<String, Vec<u8>>, BuildError>, Diagnostics) {
    let (dossier, diagnostics) = crate::check(root);
    let dossier = match dossier {
        Some(d) if !diagnostics.failed(strict) => d,
        _ => return (Err(BuildError::Content(diagnostics.summary())), diagnostics),
    };
    let title = escape(&dossier.meta.title);
    let mut site = BTreeMap::new();
    site.insert("404.html".into(), page(&title, "<p>Not found.</p>"));
    let mut list = String::from("<ul>");
    for source in &dossier.sources {
        let (id, headline) = (&source.id, escape(&source.title));
        let _ = write!(list, r#"<li><a href="sources/{id}/">{headline}</a></li>"#);
        let body = format!("<h2>{headline}</h2><pre>{}</pre>", escape(&source.body));
        site.insert(format!("sources/{id}/index.html"), page(&title, &body));
    }
    list.push_str("</ul>");
    site.insert("index.html".into(), page(&title, &list));
    (Ok(site), diagnostics)
}

fn page(title: &str, main: &str) -> Vec<u8> {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         </head>\n<body><h1>{title}</h1><main>{main}</main></body></html>\n"
    )
    .into_bytes()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
