//! From a request's target to a file of the site, refusing anything that tries to
//! reach outside it (`..`, encoded slashes, absolute paths). The site lives in memory,
//! so nothing on disk, symlinks included, can be served: only the built files.

use std::ops::Bound;

use percent_encoding::percent_decode_str;

use super::Paths;

/// What a request target names.
#[derive(Debug, PartialEq, Eq)]
pub enum Target {
    /// A file of the site, by its path inside it (`sources/x/index.html`).
    File(String),
    /// A folder asked for without its trailing slash: where to send the browser, so
    /// that the page's relative links resolve.
    Redirect(String),
    /// Nothing there.
    Missing,
    /// A path that tries to leave the site, or that no file of a site can have.
    Refused,
}

/// Resolves `target` (the path and query of an HTTP request) in `site`.
pub fn resolve(site: &Paths, target: &str) -> Target {
    let (path, query) = match target.find(['?', '#']) {
        Some(at) => target.split_at(at),
        None => (target, ""),
    };
    let Some(segments) = segments(path) else {
        return Target::Refused;
    };
    let key = segments.join("/");
    let trailing_slash = path.ends_with('/');
    if !key.is_empty() && site.contains(&key) {
        return if trailing_slash {
            Target::Missing
        } else {
            Target::File(key)
        };
    }
    let index = if key.is_empty() {
        String::from("index.html")
    } else {
        format!("{key}/index.html")
    };
    let folder = format!("{key}/");
    let is_folder = key.is_empty()
        || site
            .range::<str, _>((Bound::Included(folder.as_str()), Bound::Unbounded))
            .next()
            .is_some_and(|k| k.starts_with(&folder));
    match (is_folder, trailing_slash || key.is_empty()) {
        (true, false) => {
            let query = query.split('#').next().unwrap_or_default();
            Target::Redirect(format!("{path}/{query}"))
        }
        (true, true) if site.contains(&index) => Target::File(index),
        _ => Target::Missing,
    }
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

    fn site() -> Paths {
        [
            "index.html",
            "sources/a/index.html",
            "tags/é/index.html",
            "assets/site.css",
        ]
        .into_iter()
        .map(String::from)
        .collect()
    }

    fn file(path: &str) -> Target {
        Target::File(path.into())
    }

    #[test]
    fn folders_serve_their_index_and_files_themselves() {
        let site = site();
        assert_eq!(resolve(&site, "/"), file("index.html"));
        assert_eq!(resolve(&site, "/?x=1"), file("index.html"));
        assert_eq!(resolve(&site, "/index.html"), file("index.html"));
        assert_eq!(
            resolve(&site, "/sources/a/?x=1#p2"),
            file("sources/a/index.html")
        );
        assert_eq!(resolve(&site, "/tags/%C3%A9/"), file("tags/é/index.html"));
        assert_eq!(resolve(&site, "/assets/site.css"), file("assets/site.css"));
        assert_eq!(resolve(&site, "/nope.html"), Target::Missing);
        assert_eq!(resolve(&site, "/index.html/"), Target::Missing);
        assert_eq!(resolve(&site, "/assets/"), Target::Missing);
        assert_eq!(resolve(&site, "/sources/b/"), Target::Missing);
    }

    #[test]
    fn a_folder_without_its_slash_is_redirected() {
        let site = site();
        assert_eq!(
            resolve(&site, "/sources/a?x=1"),
            Target::Redirect("/sources/a/?x=1".into())
        );
        assert_eq!(
            resolve(&site, "/sources"),
            Target::Redirect("/sources/".into())
        );
        assert_eq!(resolve(&site, "/source"), Target::Missing);
    }

    #[test]
    fn paths_leaving_the_site_are_refused() {
        let site = site();
        for target in [
            "/../secret.txt",
            "/sources/../../secret.txt",
            "/sources/../index.html",
            "/%2e%2e/secret.txt",
            "/%2E%2E/secret.txt",
            "/sources%2f..%2f..%2fsecret.txt",
            "/sources%2Fa%2Findex.html",
            "/..%2fsecret.txt",
            "/..%5csecret.txt",
            "/..\\secret.txt",
            "//etc/passwd",
            "/%2fetc%2fpasswd",
            "/C:/Windows/win.ini",
            "/index.html%00.txt",
            "/./index.html",
            "/%ff.html",
            "../secret.txt",
            "secret.txt",
            "http://localhost/../secret.txt",
        ] {
            assert_eq!(resolve(&site, target), Target::Refused, "{target}");
        }
    }

    #[test]
    fn a_double_encoded_dot_is_a_name_not_a_step_up() {
        assert_eq!(resolve(&site(), "/%252e%252e/secret.txt"), Target::Missing);
    }
}
