//! What `Readability` leaves of a page that is not the article: an image glued to its
//! caption is split from it, and a few lines that no article has as a paragraph of its own
//! are dropped — a lone advertising label, a subscriber-only teaser, a "Lire aussi" link
//! to another article, the dateline repeated as a paragraph. Nothing else is touched: the text stays as published.

use std::sync::LazyLock;

use regex::Regex;

use super::text::paragraphs;
use crate::model::Date;
use crate::suggest::dates::{month_number, weekday_number};

/// A Markdown image, with an optional title.
static IMAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"!\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)"#).unwrap_or_else(|e| unreachable!("{e}"))
});

/// The target of a Markdown link or image.
static TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(([^)\s]+)").unwrap_or_else(|e| unreachable!("{e}")));

/// An address with a scheme (`https:`, `mailto:`).
static SCHEME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[A-Za-z][A-Za-z0-9+.\-]*:").unwrap_or_else(|e| unreachable!("{e}"))
});

/// Advertising labels, alone in a paragraph.
const AD_LABELS: [&str; 7] = [
    "advertisement",
    "advertisements",
    "advertising",
    "publicité",
    "publicite",
    "sponsored content",
    "contenu sponsorisé",
];

/// How subscriber-only teasers begin; each also names subscribing.
const TEASERS: [&str; 11] = [
    "cet article est réservé aux abonnés",
    "article réservé aux abonnés",
    "réservé aux abonnés",
    "la suite est réservée aux abonnés",
    "il vous reste",
    "abonnez-vous pour lire la suite",
    "this article is for subscribers",
    "this article is only available to subscribers",
    "subscribe to continue reading",
    "subscribe to read",
    "to continue reading, subscribe",
];

/// How a paragraph that only points at another article begins ("Lire aussi : [titre](…)").
const SEE_ALSO: [&str; 9] = [
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "sur le même sujet",
    "read more",
    "read also",
    "see also",
    "related",
];

/// Words a lone dateline may hold besides the date, the time and the day of the week.
const DATELINE_WORDS: [&str; 13] = [
    "le",
    "on",
    "publié",
    "published",
    "the",
    "à",
    "at",
    "am",
    "pm",
    "gmt",
    "utc",
    "cet",
    "cest",
];

/// A time of day as datelines write it: `2:32`, `14:32`, `18h45`, `7h`.
fn time_of_day(token: &str) -> bool {
    let Some((hours, minutes)) = token.split_once([':', 'h']) else {
        return false;
    };
    let digits = |t: &str, most: usize| t.len() <= most && t.bytes().all(|b| b.is_ascii_digit());
    !hours.is_empty() && digits(hours, 2) && digits(minutes, 2)
}

/// Each image on a block of its own, apart from the text (a caption) glued before or
/// after it; an image inside a link (`[![…](…)](…)`) stays in it.
fn images_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for image in IMAGE.find_iter(text) {
        let before = &text[last..image.start()];
        // A caption or a dateline on the same line, even with spaces between.
        let glued = before.trim_end_matches([' ', '\t']);
        if glued
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace() && c != '[')
        {
            out.push_str(glued);
            out.push_str("\n\n");
        } else {
            out.push_str(before);
        }
        out.push_str(image.as_str());
        let after = text[image.end()..].chars().next();
        if after.is_some_and(|c| !c.is_whitespace() && c != ']' && c != ')') {
            out.push_str("\n\n");
        }
        last = image.end();
    }
    out.push_str(&text[last..]);
    out
}

/// A lone advertising label ("ADVERTISEMENT", "— Publicité —").
fn ad_label(paragraph: &str) -> bool {
    let label = paragraph
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    AD_LABELS.contains(&label.as_str())
}

/// A short subscriber-only teaser ("Cet article est réservé aux abonnés…", "Il vous
/// reste 85 % de cet article à lire"), or a link alone that only asks to subscribe
/// ("[Je m’abonne](…)").
fn teaser(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase().replace('’', "'");
    let subscribing = lower.contains("abonn") || lower.contains("subscri");
    let short = paragraph.chars().count() < 200;
    let told = TEASERS.iter().any(|t| lower.starts_with(t))
        && (subscribing || lower.contains("de cet article à lire"));
    let reserved = lower.contains("réservé") && lower.contains("aux abonnés");
    let link_alone = lower.starts_with('[') && lower.ends_with(')') && !lower.contains("](#");
    short && (told || reserved || (link_alone && subscribing))
}

/// A paragraph that only points at another article: "Lire aussi", then one link.
fn see_also(paragraph: &str) -> bool {
    let lower = paragraph.to_lowercase();
    // The label may be in bold or italics: `**À lire aussi** : [titre](…)`.
    let lower = lower.trim_start_matches(['*', '_']);
    SEE_ALSO.iter().any(|label| {
        lower.strip_prefix(label).is_some_and(|rest| {
            let rest = rest.trim_start_matches(|c: char| {
                c.is_whitespace()
                    || matches!(
                        c,
                        ':' | '|' | '\\' | '-' | '–' | '—' | '›' | '>' | '*' | '_'
                    )
            });
            rest.starts_with('[') && rest.ends_with(')') && rest.matches("](").count() == 1
        })
    })
}

/// A note when the page carries a subscriber-only notice: the text may be cut short.
pub fn paywall_note(text: &str) -> Option<String> {
    let notice = paragraphs(text)
        .split("\n\n")
        .find(|p| !p.contains('\n') && teaser(p) && !p.starts_with('['))
        .map(str::to_string)?;
    Some(format!(
        "the page carries a subscriber-only notice (\"{notice}\"), left out: the text captured \
         may be cut short"
    ))
}

/// `12/04/2024` (day or month first) or `2024-04-12` as the date `published`.
fn numeric_date(token: &str, published: Date) -> bool {
    if let Ok(date) = Date::parse(token) {
        return date == published;
    }
    let parts: Vec<&str> = token.split('/').collect();
    let [a, b, year] = parts.as_slice() else {
        return false;
    };
    let (Ok(a), Ok(b), Ok(year)) = (a.parse::<u8>(), b.parse::<u8>(), year.parse::<u16>()) else {
        return false;
    };
    let (month, day) = (published.month, published.day);
    year == published.year
        && ((Some(a) == day && Some(b) == month) || (Some(a) == month && Some(b) == day))
}

/// A paragraph that only gives the publication date ("March 12, 2025", "12 mars 2025",
/// "12/04/2024").
fn dateline(paragraph: &str, published: Date) -> bool {
    let tokens: Vec<String> = paragraph
        .split_whitespace()
        .map(|t| {
            t.trim_matches(|c: char| matches!(c, ',' | '.' | '·' | '|' | '—' | '–' | '-'))
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
        .collect();
    if tokens.is_empty() || tokens.len() > 9 {
        return false;
    }
    let (mut year, mut month, mut day) = (None, None, None);
    for token in &tokens {
        let digits = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if numeric_date(token, published) {
            return tokens.len() == 1;
        } else if time_of_day(token) {
            // The hour says nothing of the day: it may stand beside the date.
        } else if let Some(m) = month_number(token) {
            month = Some(m);
        } else if token.len() == 4 && token.bytes().all(|b| b.is_ascii_digit()) {
            year = token.parse::<u16>().ok();
        } else if !digits.is_empty()
            && digits.len() <= 2
            && digits.bytes().all(|b| b.is_ascii_digit())
        {
            day = digits.parse::<u8>().ok();
        } else if !DATELINE_WORDS.contains(&token.as_str()) && weekday_number(token).is_none() {
            return false;
        }
    }
    year == Some(published.year) && month == published.month && day == published.day
}

/// Whether a paragraph is no part of the article.
fn junk(paragraph: &str, published: Option<Date>) -> bool {
    !paragraph.contains('\n')
        && (ad_label(paragraph)
            || teaser(paragraph)
            || see_also(paragraph)
            || published.is_some_and(|date| dateline(paragraph, date)))
}

/// The article text found in a page, cleaned as this module says.
pub fn article_text(text: &str, published: Option<Date>) -> String {
    paragraphs(&images_apart(text))
        .split("\n\n")
        .filter(|p| !junk(p, published))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A paragraph without the targets of its links and images (`[a](b)` → `[a]`).
pub fn visible(paragraph: &str) -> String {
    TARGET.replace_all(paragraph, "]").into_owned()
}

/// A note on the links and images left relative, when the page gives no address of its
/// own to resolve them against.
pub fn relative_addresses(body: &str) -> Option<String> {
    let relative: Vec<&str> = TARGET
        .captures_iter(body)
        .filter_map(|c| c.get(1))
        .map(|m| m.as_str())
        .filter(|t| !t.starts_with('#') && !SCHEME.is_match(t))
        .collect();
    let first = relative.first()?;
    Some(format!(
        "{} link or image address(es) left relative (first: {first}): the page names no \
         address of its own (canonical link, og:url) to resolve them against; complete them \
         by hand",
        relative.len()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_only_when_they_are_the_date() {
        let date = Date::parse("2025-03-12").unwrap_or_else(|e| unreachable!("{e}"));
        assert!(dateline("March 12, 2025", date));
        assert!(dateline("12 mars 2025", date));
        assert!(dateline("12/03/2025", date));
        assert!(!dateline("March 13, 2025", date));
        assert!(!dateline("On March 12, 2025, the bridge closed.", date));
        assert!(dateline("March 12, 2025 2:32 PM GMT", date));
        assert!(!dateline(
            "At 2:32 PM on March 12, 2025, the bridge closed",
            date
        ));
    }

    #[test]
    fn see_also_in_bold() {
        assert!(see_also("**À lire aussi** : [Le titre](https://x.org/a)"));
        assert!(!see_also(
            "**À lire aussi** : [a](https://x.org/a) et [b](https://x.org/b)"
        ));
    }

    #[test]
    fn images_leave_links_alone() {
        assert_eq!(images_apart("![a](b)Caption"), "![a](b)\n\nCaption");
        assert_eq!(
            images_apart("May 10, 2024 ![a](b)"),
            "May 10, 2024\n\n![a](b)"
        );
        assert_eq!(images_apart("[![a](b)](c)"), "[![a](b)](c)");
    }
}
