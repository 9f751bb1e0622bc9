//! Where a command may write: paths are compared once every link in them is resolved,
//! so a symlinked parent folder, a `--root` given through a link or an output that is
//! itself a link cannot lead a write into the project's inputs.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::{WriteError, io};

/// The project's input folders, which no output may reach.
pub const INPUTS: [&str; 3] = ["content", "templates", "static"];

/// `path` with every link resolved: its nearest existing ancestor made canonical, the
/// part that does not exist yet appended (`..` in it taken lexically).
pub fn resolved(path: &Path) -> Result<PathBuf, WriteError> {
    let absolute = std::path::absolute(path).map_err(io("cannot resolve", path))?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    while fs::symlink_metadata(existing).is_err() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                missing.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(existing).map_err(io("cannot resolve", existing))?;
    for name in missing.iter().rev() {
        for component in Path::new(name).components() {
            match component {
                Component::ParentDir => {
                    out.pop();
                }
                Component::CurDir => {}
                other => out.push(other),
            }
        }
    }
    Ok(out)
}

/// Whether `path` itself (not what it points at) is a symbolic link.
pub fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

/// Refuses an output `out` that is a link, is the project or holds it, or lies inside
/// one of its input folders, all compared on resolved paths. Returns `out` resolved.
pub fn output_allowed(root: &Path, out: &Path) -> Result<PathBuf, WriteError> {
    if is_link(out) {
        return Err(WriteError::Link {
            path: out.to_path_buf(),
        });
    }
    let real_out = resolved(out)?;
    let real_root = resolved(root)?;
    let inputs = INPUTS.map(|d| real_root.join(d));
    let inside_input = inputs.iter().any(|input| real_out.starts_with(input));
    if real_root.starts_with(&real_out) || inside_input {
        return Err(WriteError::Inputs {
            path: out.to_path_buf(),
        });
    }
    Ok(real_out)
}

/// Refuses a single output file (`briefing --out`, `--pdf`) that is a link, lies inside
/// the project's input folders, or, unless `force`, exists without having been written
/// by the command itself (`ours` tells, from its content). Returns the file resolved.
pub fn file_allowed(
    root: &Path,
    file: &Path,
    force: bool,
    ours: fn(&Path) -> bool,
) -> Result<PathBuf, WriteError> {
    if is_link(file) {
        return Err(WriteError::Link {
            path: file.to_path_buf(),
        });
    }
    let real = resolved(file)?;
    let real_root = resolved(root)?;
    if INPUTS
        .iter()
        .any(|input| real.starts_with(real_root.join(input)))
    {
        return Err(WriteError::Inputs {
            path: file.to_path_buf(),
        });
    }
    match fs::symlink_metadata(&real) {
        Ok(meta) if meta.is_dir() => Err(WriteError::IsFolder {
            path: file.to_path_buf(),
        }),
        Ok(_) if !force && !ours(&real) => Err(WriteError::NotOursFile {
            path: file.to_path_buf(),
        }),
        _ => Ok(real),
    }
}

/// The first `limit` bytes of a file (empty if unreadable).
pub fn head(path: &Path, limit: u64) -> Vec<u8> {
    use std::io::Read;
    let mut bytes = Vec::new();
    if let Ok(file) = fs::File::open(path) {
        let _ = file.take(limit).read_to_end(&mut bytes);
    }
    bytes
}
