//! Reading a dossier project from disk: walking `content/`, splitting front matter,
//! parsing YAML with positions into raw structs. Nothing is resolved yet.

pub mod fields;
mod files;
mod positions;
mod raw;
pub mod yaml;

pub use files::load;
pub use raw::{
    RawActor, RawDossier, RawEvent, RawJudgment, RawLink, RawProject, RawRelation, RawRole,
    RawSource,
};
