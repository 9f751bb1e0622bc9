//! Identifiers (the stems of the content files) and the slugs made from names and tags.

/// Whether `id` is a valid identifier: `^[a-z0-9][a-z0-9-]{0,79}$`.
pub fn is_valid_id(id: &str) -> bool {
    let bytes = id.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 80
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An ASCII slug of `text` (`Le coup d'État` → `le-coup-d-etat`), at most `max` bytes,
/// cut at a word boundary.
pub fn slugify(text: &str, max: usize) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mut slug = String::new();
    let mut dash = false;
    let mut push = |c: char| {
        if c.is_ascii_alphanumeric() {
            if dash && !slug.is_empty() {
                slug.push('-');
            }
            dash = false;
            slug.push(c.to_ascii_lowercase());
        } else if c.is_ascii() {
            dash = true;
        }
    };
    // Only ASCII comes out, and decomposing never moves a base letter: each character is
    // decomposed alone, and plain ASCII is not decomposed at all.
    for c in text.chars() {
        match c {
            _ if c.is_ascii() => push(c),
            'œ' | 'Œ' => "oe".chars().for_each(&mut push),
            'æ' | 'Æ' => "ae".chars().for_each(&mut push),
            'ß' => "ss".chars().for_each(&mut push),
            _ => std::iter::once(c).nfkd().for_each(&mut push),
        }
    }
    if slug.len() > max {
        let cut = slug[..=max].rfind('-').unwrap_or(max);
        slug.truncate(cut);
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_pattern() {
        assert!(is_valid_id("ru-base-101"));
        assert!(is_valid_id("9a"));
        assert!(!is_valid_id("-a"));
        assert!(!is_valid_id("Abc"));
        assert!(!is_valid_id("a_b"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id(&"a".repeat(81)));
        assert!(is_valid_id(&"a".repeat(80)));
        assert!(!is_valid_id("../x"));
    }

    #[test]
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(
            slugify("Le coup d'État au Niger", 80),
            "le-coup-d-etat-au-niger"
        );
        assert_eq!(slugify("  Œuvre — été ", 80), "oeuvre-ete");
        assert_eq!(slugify("alpha beta gamma", 10), "alpha-beta");
        assert!(slugify(&"mot ".repeat(40), 80).len() <= 80);
        // Compatibility forms decompose to their letters; other scripts leave nothing.
        assert_eq!(slugify("ﬁnal Ⅻ № 5 Ὀδυσσεύς x²", 80), "final-xii-no-5-x2");
    }
}
