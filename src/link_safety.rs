//! Which link addresses may appear in the output.

/// The scheme of an address (`https`, `javascript`…), lowercased, or `None` for a
/// relative address. Tabs, newlines and leading control characters, which browsers
/// ignore, are ignored here too, so `java\tscript:` is seen for what it is.
pub fn scheme(url: &str) -> Option<String> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c.is_control() || c == ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let candidate = &cleaned[..colon];
    // Before the first `/`, `?` or `#`: otherwise the colon is in a path or query.
    if candidate.contains(['/', '?', '#']) || candidate.is_empty() {
        return None;
    }
    let mut chars = candidate.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    // Anything else before a colon is not a scheme a browser would follow, but treat
    // it as unsafe rather than relative.
    Some(if valid {
        candidate.to_ascii_lowercase()
    } else {
        String::from("invalid")
    })
}

/// Whether an address is `http`, `https`, `mailto` or relative to the page. A path from
/// the site's root (`/img/a.jpg`) is not: it breaks when the site is published under a
/// sub-path, and in an article copied from the web it meant the original site's root.
pub fn is_safe_link(url: &str) -> bool {
    match scheme(url) {
        None => !url.trim_start().starts_with('/'),
        Some(s) => matches!(s.as_str(), "http" | "https" | "mailto"),
    }
}

/// Whether an address is a path from the root of whatever site shows it (`/img/a.jpg`,
/// not `//host/…`).
pub fn is_root_path(url: &str) -> bool {
    let url = url.trim_start();
    url.starts_with('/') && !url.starts_with("//")
}

/// Whether an address is absolute `http` or `https` with a host.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/') && !r.contains(char::is_whitespace))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn safe_links() {
        assert!(is_safe_link("https://example.org/a"));
        assert!(is_safe_link("mailto:a@b.c"));
        assert!(is_safe_link("../sources/x/"));
        assert!(is_safe_link("#p4"));
        assert!(is_safe_link("a/b:c"));
    }

    #[test]
    fn unsafe_links() {
        assert!(!is_safe_link("javascript:alert(1)"));
        assert!(!is_safe_link("JavaScript:alert(1)"));
        assert!(!is_safe_link("java\tscript:alert(1)"));
        assert!(!is_safe_link(" \u{1}javascript:alert(1)"));
        assert!(!is_safe_link("data:text/html,x"));
        assert!(!is_safe_link("vbscript:x"));
        assert!(!is_safe_link("//evil.example/"));
        assert!(!is_safe_link("ftp://x"));
        assert!(!is_safe_link("/img/a.jpg"));
        assert!(is_root_path("/img/a.jpg"));
        assert!(!is_root_path("//evil.example/"));
    }

    #[test]
    fn web_addresses() {
        assert!(is_web_address("https://example.org"));
        assert!(!is_web_address("https://"));
        assert!(!is_web_address("mailto:x@y"));
        assert!(!is_web_address("example.org"));
    }
}
