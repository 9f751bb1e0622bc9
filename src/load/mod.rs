//! Reading a dossier project from disk: walking `content/`, splitting front matter,
//! parsing YAML with positions into raw structs; and reading its theme (`templates/`,
//! `static/`). Nothing is resolved yet.

mod cache;
pub mod fields;
mod positions;
mod raw;
mod read;
pub mod theme;
mod walk;
pub mod yaml;

pub use cache::FileCache;
pub use raw::{
    RawActor, RawDossier, RawEvent, RawJudgment, RawLink, RawProject, RawRelation, RawRole,
    RawSource,
};
pub use read::{load, load_with};
pub use theme::Theme;

/// The lock of the cited paragraphs' fingerprints at the project root, read with the
/// content when present (written by `dossier lock`).
pub const LOCK_FILE: &str = "dossier.lock";
