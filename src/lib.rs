//! `dossier` turns a folder of sources (kept verbatim) and hand-written YAML metadata into
//! a cross-linked static site: load → validate → render → write.

mod build_stub;
pub mod diagnostics;
pub mod init;
pub mod load;
pub mod mentions;
pub mod model;
pub mod paragraphs;
pub mod serve;
pub mod urls;
pub mod validate;

use std::path::Path;

use diagnostics::Diagnostics;
use model::Dossier;

/// Loads and validates the project at `root`. Returns the dossier when there is no
/// error, and every diagnostic either way.
pub fn check(root: &Path) -> (Option<Dossier>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let raw = load::load(root, &mut diagnostics);
    let dossier = validate::validate(raw, &mut diagnostics);
    (dossier, diagnostics)
}
