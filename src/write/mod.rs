//! The output folder, replaced atomically: the site is written into a fresh folder
//! beside it (`OUT.tmp-PID`), and swapped in only when the build succeeded. A failed
//! build leaves the previous output untouched and removes its own folder. A folder that
//! a previous build did not make (it has no [`MARKER`] file) is never replaced unless
//! forced. Paths are compared once resolved ([`guard`]), links are never followed
//! while deleting, and the swap is one step where the system allows ([`swap`]).

pub mod guard;
mod swap;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// The file every build writes into its output, to recognise it later.
pub const MARKER: &str = ".dossier-build";

/// What can go wrong with the output folder.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The output exists, is not empty, and was not made by `dossier build`.
    #[error(
        "{} exists and was not made by `dossier build` (no {MARKER} file in it); \
         refusing to replace it: choose another --out, or pass --force",
        path.display()
    )]
    NotOurs {
        /// The output folder.
        path: PathBuf,
    },
    /// An existing file that the command did not write.
    #[error(
        "{} exists and was not written by `dossier`; refusing to replace it: \
         choose another file, or pass --force",
        path.display()
    )]
    NotOursFile {
        /// The file.
        path: PathBuf,
    },
    /// A file was asked for, and the path is a folder.
    #[error("{} is a folder: give the path of the file to write in it", path.display())]
    IsFolder {
        /// The folder.
        path: PathBuf,
    },
    /// The output is a symbolic link.
    #[error(
        "refusing to write through the symbolic link {}: give the folder it points to instead",
        path.display()
    )]
    Link {
        /// The link.
        path: PathBuf,
    },
    /// The output would replace the project or its inputs.
    #[error(
        "refusing to write into {}: it is or holds the project's own files \
         (content/, templates/, static/)",
        path.display()
    )]
    Inputs {
        /// The output folder.
        path: PathBuf,
    },
    /// A path that would leave the output folder.
    #[error("refusing to write outside the output folder: {path}")]
    Outside {
        /// The offending relative path.
        path: String,
    },
    /// A file system operation failed.
    #[error("{action} {}: {source}", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// On what.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
}

pub(crate) fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> WriteError {
    let path = path.to_path_buf();
    move |source| WriteError::Io {
        action,
        path,
        source,
    }
}

/// Fills a file through a writer, for the big files that are better not held whole in
/// memory (`dossier.json`, the search index).
pub type Fill<'a> = &'a mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>;

/// Where the rendered files go. Called from several threads at once.
pub trait Sink: Sync {
    /// Writes one file; `path` is relative to the site's root, with `/` separators.
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError>;

    /// Writes one file through a writer; returns how many bytes were written.
    fn write_with(&self, path: &str, fill: Fill<'_>) -> Result<u64, WriteError> {
        let mut bytes = Vec::new();
        fill(&mut bytes).map_err(io("cannot render", Path::new(path)))?;
        self.write(path, &bytes)?;
        Ok(bytes.len() as u64)
    }
}

/// Checks that a relative output path stays inside the output.
fn checked(path: &str) -> Result<&Path, WriteError> {
    let relative = Path::new(path);
    let normal = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    if normal && !path.is_empty() {
        Ok(relative)
    } else {
        Err(WriteError::Outside {
            path: path.to_string(),
        })
    }
}

/// Writes files under a folder, creating sub-folders as needed.
#[derive(Debug)]
pub struct DirSink {
    root: PathBuf,
}

impl DirSink {
    /// Files go under `root`, which must exist.
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Self { root: root.into() }
    }
}

impl Sink for DirSink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        let target = self.root.join(checked(path)?);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
        }
        fs::write(&target, bytes).map_err(io("cannot write", &target))
    }

    fn write_with(&self, path: &str, fill: Fill<'_>) -> Result<u64, WriteError> {
        let target = self.root.join(checked(path)?);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
        }
        let created = fs::File::create(&target).map_err(io("cannot write", &target))?;
        let mut writer = Counting {
            inner: std::io::BufWriter::with_capacity(1 << 16, created),
            count: 0,
        };
        fill(&mut writer)
            .and_then(|()| writer.flush())
            .map_err(io("cannot write", &target))?;
        Ok(writer.count)
    }
}

/// A writer that counts what goes through it.
struct Counting<W> {
    inner: W,
    count: u64,
}

impl<W: Write> Write for Counting<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.count += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Keeps the files in memory, by path (for the preview server and tests).
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// An empty site.
    pub fn new() -> Self {
        Self::default()
    }

    /// The files written, by path relative to the site's root.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

impl Sink for MemorySink {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), WriteError> {
        checked(path)?;
        let mut files = crate::sync::lock(&self.files);
        files.insert(path.to_string(), bytes.to_vec());
        Ok(())
    }
}

/// A build in progress: a fresh folder beside the output, removed unless committed.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    tmp: PathBuf,
    committed: bool,
}

/// Whether `path` is a folder with something in it.
fn non_empty_dir(path: &Path) -> Result<bool, WriteError> {
    match fs::read_dir(path) {
        Ok(mut entries) => Ok(entries.next().is_some()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(WriteError::Io {
            action: "cannot read",
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// A sibling of `out` named `NAME.SUFFIX-PID`.
fn sibling(out: &Path, suffix: &str) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!("{name}.{suffix}-{}", std::process::id()))
}

impl Staging {
    /// Checks that `out` may be replaced and creates the fresh folder beside it.
    /// `root` is the project: the output may not be it, hold it, lie in its inputs or
    /// be a link, all compared on resolved paths. Clears what killed builds left.
    pub fn begin(root: &Path, out: &Path, force: bool) -> Result<Self, WriteError> {
        let shown = out.to_path_buf();
        let out = guard::output_allowed(root, out)?;
        if out.exists() && !out.is_dir() {
            return Err(WriteError::NotOurs { path: shown });
        }
        if !force && non_empty_dir(&out)? && !out.join(MARKER).is_file() {
            return Err(WriteError::NotOurs { path: shown });
        }
        if let Some(parent) = out.parent() {
            fs::create_dir_all(parent).map_err(io("cannot create", parent))?;
        }
        swap::sweep(&out);
        let tmp = sibling(&out, "tmp");
        if fs::symlink_metadata(&tmp).is_ok() {
            remove_tree(&tmp)?;
        }
        fs::create_dir(&tmp).map_err(io("cannot create", &tmp))?;
        Ok(Self {
            out,
            tmp,
            committed: false,
        })
    }

    /// The folder to write the site into.
    pub fn folder(&self) -> &Path {
        &self.tmp
    }

    /// Marks the new site as ours and puts it in place of the old one. The new site is
    /// in place once this returns `Ok`; the `Some` message then says that the previous
    /// output could not be removed, and where it was left.
    pub fn commit(mut self) -> Result<Option<String>, WriteError> {
        let marker = self.tmp.join(MARKER);
        fs::write(
            &marker,
            "made by `dossier build`; this whole folder is replaced by the next build\n",
        )
        .map_err(io("cannot write", &marker))?;
        let old = swap::swap_in(&self.tmp, &self.out, &sibling(&self.out, "old"))?;
        self.committed = true;
        Ok(old.and_then(|old| {
            remove_tree(&old).err().map(|error| {
                format!(
                    "the new site is in place, but the previous output could not be removed \
                     ({error}); it was left in {}, for you to delete",
                    old.display()
                )
            })
        }))
    }
}

/// Removes a folder and everything in it, its sub-folders in parallel (an output holds
/// thousands of small folders; removing them is most of a rebuild's system time).
/// Links are removed, never followed: a link itself is all that goes.
fn remove_tree(path: &Path) -> Result<(), WriteError> {
    use rayon::prelude::*;
    if guard::is_link(path) {
        return fs::remove_file(path).map_err(io("cannot remove", path));
    }
    let mut folders = Vec::new();
    for entry in fs::read_dir(path)
        .map_err(io("cannot read", path))?
        .flatten()
    {
        if entry.file_type().is_ok_and(|t| t.is_dir()) {
            match fs::read_dir(entry.path()) {
                Ok(children) => folders.extend(children.flatten()),
                Err(_) => {
                    let _ = fs::remove_dir_all(entry.path());
                }
            }
        }
    }
    folders.par_iter().for_each(|child| {
        let _ = if child.file_type().is_ok_and(|t| t.is_dir()) {
            fs::remove_dir_all(child.path())
        } else {
            fs::remove_file(child.path())
        };
    });
    fs::remove_dir_all(path).map_err(io("cannot remove the previous output", path))
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// A name no other run of this program uses at the same time.
pub fn unique_name(prefix: &str) -> String {
    static COUNTER: AtomicUsize = AtomicUsize::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!(
        "{prefix}{}-{nanos}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// One file (not a site) written beside its target under a temporary name: [`Pending::commit`]
/// renames it into place; dropped uncommitted, it is removed.
#[derive(Debug)]
pub struct Pending {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Pending {
    /// A temporary name beside `target`, nothing written yet.
    pub fn reserve(target: &Path) -> Result<Self, WriteError> {
        let name = target
            .file_name()
            .map_or_else(|| "briefing".into(), |n| n.to_string_lossy().into_owned());
        let folder = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        // Absolute, for the browser, whose idea of the current folder may differ.
        let folder = std::path::absolute(&folder).unwrap_or(folder);
        if !folder.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "no such folder");
            return Err(WriteError::Io {
                action: "cannot write into",
                path: folder,
                source,
            });
        }
        let temp = folder.join(unique_name(&format!(".{name}.tmp-")));
        Ok(Self {
            temp,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// Writes `bytes` beside `target` under a temporary name.
    pub fn write(target: &Path, bytes: &[u8]) -> Result<Self, WriteError> {
        let pending = Self::reserve(target)?;
        fs::write(&pending.temp, bytes).map_err(io("cannot write", target))?;
        Ok(pending)
    }

    /// Where the file is written until it is committed.
    pub fn temp(&self) -> &Path {
        &self.temp
    }

    /// The size of the file written, in bytes.
    pub fn len(&self) -> u64 {
        fs::metadata(&self.temp).map_or(0, |m| m.len())
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Renames the file into place.
    pub fn commit(mut self) -> Result<(), WriteError> {
        fs::rename(&self.temp, &self.target).map_err(io("cannot write", &self.target))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Pending {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_cannot_leave_the_output() {
        assert!(checked("sources/x/index.html").is_ok());
        assert!(checked("../x").is_err());
        assert!(checked("/etc/passwd").is_err());
        assert!(checked("a/../../b").is_err());
        assert!(checked("").is_err());
    }
}
