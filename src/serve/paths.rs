//! From a request's target to a file of the site, refusing anything that could reach
//! outside it: `..`, encoded slashes, absolute paths, symlinks pointing out.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

/// What a request target names.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file inside the site (canonical path).
    File(PathBuf),
    /// A folder asked for without its trailing slash: where to send the browser, so
    /// that the page's relative links resolve.
    Redirect(String),
    /// Nothing there.
    Missing,
    /// A path that tries to leave the site, or that no page of the site can have.
    Refused,
}

/// Resolves `target` (the path and query of an HTTP request) inside `root`, which must
/// be canonical.
pub fn resolve(root: &Path, target: &str) -> Target {
    let (path, query) = match target.find(['?', '#']) {
        Some(at) => target.split_at(at),
        None => (target, ""),
    };
    let Some(segments) = segments(path) else {
        return Target::Refused;
    };
    let trailing_slash = path.ends_with('/');
    let candidate = segments.iter().fold(root.to_path_buf(), |p, s| p.join(s));
    let Ok(found) = candidate.canonicalize() else {
        return Target::Missing;
    };
    if !found.starts_with(root) {
        return Target::Refused;
    }
    if found.is_dir() {
        if !trailing_slash && !segments.is_empty() {
            let query = query.split('#').next().unwrap_or_default();
            return Target::Redirect(format!("{path}/{query}"));
        }
        return match found.join("index.html").canonicalize() {
            Ok(index) if !index.starts_with(root) => Target::Refused,
            Ok(index) if index.is_file() => Target::File(index),
            _ => Target::Missing,
        };
    }
    if trailing_slash || !found.is_file() {
        return Target::Missing;
    }
    Target::File(found)
}

/// The decoded segments of an absolute URL path, or `None` when one of them is not a
/// plain file name: empty (`//`), `.`, `..`, or holding a slash, a backslash, a colon
/// or a NUL, whether written as is or percent-encoded. Decoded once, so `%252e` stays
/// the harmless name `%2e`.
fn segments(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix('/')?;
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    if rest.is_empty() {
        return Some(Vec::new());
    }
    rest.split('/')
        .map(|raw| {
            let decoded = percent_decode_str(raw).decode_utf8().ok()?;
            let plain =
                !matches!(&*decoded, "" | "." | "..") && !decoded.contains(['/', '\\', ':', '\0']);
            plain.then(|| decoded.into_owned())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        fs::create_dir_all(root.join("sources/a")).expect("folders");
        fs::write(root.join("index.html"), "home").expect("index");
        fs::write(root.join("sources/a/index.html"), "a").expect("page");
        fs::write(root.join("tags-é.html"), "tag").expect("page");
        fs::write(dir.path().join("secret.txt"), "secret").expect("secret");
        let root = root.canonicalize().expect("canonical");
        (dir, root)
    }

    #[test]
    fn folders_serve_their_index_and_files_themselves() {
        let (_dir, root) = site();
        assert_eq!(resolve(&root, "/"), Target::File(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/sources/a/?x=1"),
            Target::File(root.join("sources/a/index.html"))
        );
        assert_eq!(
            resolve(&root, "/tags-%C3%A9.html"),
            Target::File(root.join("tags-é.html"))
        );
        assert_eq!(resolve(&root, "/nope.html"), Target::Missing);
        assert_eq!(resolve(&root, "/index.html/"), Target::Missing);
    }

    #[test]
    fn a_folder_without_its_slash_is_redirected() {
        let (_dir, root) = site();
        assert_eq!(
            resolve(&root, "/sources/a?x=1"),
            Target::Redirect("/sources/a/?x=1".into())
        );
    }

    #[test]
    fn paths_leaving_the_site_are_refused() {
        let (_dir, root) = site();
        for target in [
            "/../secret.txt",
            "/sources/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/sources%2f..%2f..%2fsecret.txt",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/..\\secret.txt",
            "//etc/passwd",
            "/%2fetc%2fpasswd",
            "/C:/Windows/win.ini",
            "/index.html%00.txt",
            "/./index.html",
            "../secret.txt",
            "secret.txt",
            "http://localhost/../secret.txt",
        ] {
            assert_eq!(resolve(&root, target), Target::Refused, "{target}");
        }
    }

    #[test]
    fn a_double_encoded_dot_is_a_name_not_a_step_up() {
        let (_dir, root) = site();
        assert_eq!(resolve(&root, "/%252e%252e/secret.txt"), Target::Missing);
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_pointing_out_are_refused_and_inside_ones_followed() {
        let (dir, root) = site();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("leak.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink(dir.path(), root.join("up")).expect("symlink");
        std::os::unix::fs::symlink(root.join("index.html"), root.join("home.html"))
            .expect("symlink");
        assert_eq!(resolve(&root, "/leak.txt"), Target::Refused);
        assert_eq!(resolve(&root, "/up/secret.txt"), Target::Refused);
        assert_eq!(resolve(&root, "/up/"), Target::Refused);
        assert_eq!(
            resolve(&root, "/home.html"),
            Target::File(root.join("index.html"))
        );
    }
}
