//! A stand-in for the site builder, so that `dossier serve` can be written and tested
//! before `dossier build` lands: validates, then writes a bare home page, one page per
//! source and a `404.html`, atomically (a sibling folder swapped in on success).
//!
// TODO(merge): delete this module and call the real `dossier::build` from
// `serve::site::rebuild`; nothing else uses it.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};

/// What a successful build reports: its warnings.
#[derive(Debug, Default)]
pub struct BuildReport {
    /// Warnings of the content (the build went on).
    pub warnings: Diagnostics,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content has errors; nothing was written.
    #[error("{}", .0.summary())]
    Content(Diagnostics),
    /// The output could not be written.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
}

/// Validates the project at `root` and writes its (stand-in) site into `out`.
pub fn build(root: &Path, out: &Path, _force: bool) -> Result<BuildReport, BuildError> {
    let (dossier, diagnostics) = crate::check(root);
    let Some(dossier) = dossier else {
        return Err(BuildError::Content(diagnostics));
    };
    let title = escape(&dossier.meta.title);
    let mut pages = vec![(PathBuf::from("404.html"), page(&title, "<p>Not found.</p>"))];
    let mut list = String::from("<ul>");
    for source in &dossier.sources {
        let (id, headline) = (&source.id, escape(&source.title));
        let _ = write!(list, r#"<li><a href="sources/{id}/">{headline}</a></li>"#);
        let body = format!("<h2>{headline}</h2><pre>{}</pre>", escape(&source.body));
        pages.push((
            format!("sources/{id}/index.html").into(),
            page(&title, &body),
        ));
    }
    list.push_str("</ul>");
    pages.push(("index.html".into(), page(&title, &list)));

    let fresh = out.with_extension("building");
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| BuildError::Io { path, source }
    };
    let _ = fs::remove_dir_all(&fresh);
    for (path, html) in &pages {
        let file = fresh.join(path);
        if let Some(parent) = file.parent() {
            fs::create_dir_all(parent).map_err(io(parent))?;
        }
        fs::write(&file, html).map_err(io(&file))?;
    }
    if out.exists() {
        fs::remove_dir_all(out).map_err(io(out))?;
    }
    fs::rename(&fresh, out).map_err(io(out))?;
    Ok(BuildReport {
        warnings: diagnostics,
    })
}

impl BuildError {
    /// The error as diagnostics, to show them like content errors.
    pub fn into_diagnostics(self) -> Diagnostics {
        match self {
            Self::Content(diagnostics) => diagnostics,
            Self::Io { path, source } => {
                let mut diagnostics = Diagnostics::default();
                let message = format!("cannot write the site: {source}");
                diagnostics.push(Diagnostic::file(Severity::Error, &path, message));
                diagnostics
            }
        }
    }
}

fn page(title: &str, main: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title>\
         </head>\n<body><h1>{title}</h1><main>{main}</main></body></html>\n"
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
