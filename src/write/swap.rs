//! Putting a new output in place of the old one, and clearing what killed builds left.
//!
//! On Linux the two folders are exchanged in one step (`renameat2` with
//! `RENAME_EXCHANGE`), so that a kill at any moment leaves a complete output in place;
//! elsewhere, or on a file system that cannot exchange, the old folder is moved aside
//! first. Folders named `OUT.tmp-PID` and `OUT.old-PID` whose process is gone are what
//! a killed build left: the next build removes them.

use std::fs;
use std::path::{Path, PathBuf};

use super::{WriteError, io};

/// Puts `new` at `out`. Returns where the previous output now is, to be removed.
pub fn swap_in(new: &Path, out: &Path, aside: &Path) -> Result<Option<PathBuf>, WriteError> {
    if fs::symlink_metadata(out).is_err() {
        fs::rename(new, out).map_err(io("cannot move into place", new))?;
        return Ok(None);
    }
    if exchange(new, out) {
        return Ok(Some(new.to_path_buf()));
    }
    fs::rename(out, aside).map_err(io("cannot move aside", out))?;
    if let Err(source) = fs::rename(new, out) {
        let _ = fs::rename(aside, out);
        return Err(WriteError::Io {
            action: "cannot move into place",
            path: new.to_path_buf(),
            source,
        });
    }
    Ok(Some(aside.to_path_buf()))
}

/// Exchanges two folders in one step, where the system can.
#[cfg(any(target_os = "linux", target_os = "android"))]
fn exchange(a: &Path, b: &Path) -> bool {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).is_ok()
}

/// Exchanges two folders in one step, where the system can.
#[cfg(not(any(target_os = "linux", target_os = "android")))]
fn exchange(_a: &Path, _b: &Path) -> bool {
    false
}

/// Removes the `OUT.tmp-PID` and `OUT.old-PID` folders beside `out` whose process is
/// no longer running (never a link, never this process's own).
pub fn sweep(out: &Path) {
    let (Some(parent), Some(name)) = (out.parent(), out.file_name()) else {
        return;
    };
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let name = name.to_string_lossy();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(pid) = stale_pid(&name, &file_name.to_string_lossy()) else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && pid != std::process::id() && !running(pid) {
            let _ = super::remove_tree(&entry.path());
        }
    }
}

/// The process id in `NAME.tmp-PID` or `NAME.old-PID`, if `entry` is named so.
fn stale_pid(name: &str, entry: &str) -> Option<u32> {
    let rest = entry.strip_prefix(name)?.strip_prefix('.')?;
    let digits = rest
        .strip_prefix("tmp-")
        .or_else(|| rest.strip_prefix("old-"))?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Whether a process with this id runs (when unsure: yes, so nothing is removed).
#[cfg(unix)]
fn running(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return true;
    };
    !matches!(
        rustix::process::test_kill_process(pid),
        Err(rustix::io::Errno::SRCH)
    )
}

/// Whether a process with this id runs (when unsure: yes, so nothing is removed).
#[cfg(not(unix))]
fn running(_pid: u32) -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_our_sibling_names_are_stale_candidates() {
        assert_eq!(stale_pid("public", "public.tmp-123"), Some(123));
        assert_eq!(stale_pid("public", "public.old-9"), Some(9));
        assert_eq!(stale_pid("public", "public.tmp-"), None);
        assert_eq!(stale_pid("public", "public.tmp-12x"), None);
        assert_eq!(stale_pid("public", "publicx.tmp-12"), None);
        assert_eq!(stale_pid("public", "other.tmp-12"), None);
    }
}
