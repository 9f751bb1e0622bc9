//! Reading a dossier project from disk: walking `content/`, splitting front matter,
//! parsing YAML with positions into raw structs. Nothing is resolved yet.

mod cache;
pub mod fields;
mod positions;
mod raw;
mod read;
mod walk;
pub mod yaml;

pub use cache::FileCache;
pub use raw::{
    RawActor, RawDossier, RawEvent, RawJudgment, RawLink, RawProject, RawRelation, RawRole,
    RawSource,
};
pub use read::{load, load_with};
