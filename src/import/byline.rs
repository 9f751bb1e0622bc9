//! The byline and dateline of a saved page as news sites print them, in French and in
//! English ("Par Claire Dumont", "Publié le 3 mars 2024 à 10h12, modifié le…",
//! "By Jane Doe | Published March 3, 2024"): the publication day read from them when the
//! page's tags give none, the author's name without the words around it, and the line
//! itself, which is no part of the article, left out of the text.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::Date;
use crate::suggest::dates::explicit_days_with_words;

/// The words that introduce the publication date, then the date's first characters.
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:publi[ée]e?|mis en ligne)\s+le|\b(?:published|posted)(?:\s+on)?)\s*:?\s*",
    )
    .unwrap_or_else(|e| unreachable!("{e}"))
});

/// A day written in digits: `14/09/2022`, `14.09.2022`.
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b").unwrap_or_else(|e| unreachable!("{e}"))
});

/// How a byline begins before the name.
const BY: [&str; 5] = ["par ", "by ", "écrit par ", "ecrit par ", "written by "];

/// How many characters after the marker the date may take.
const WINDOW: usize = 40;

/// Punctuation left around a name once the rest of its line is taken away.
fn separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '-' | '–' | '—' | '|' | '·' | '/')
}

/// The day in digits at the start of `text`: day first after a French marker, month
/// first after an English one, the other way when that reading is impossible.
fn numeric_day(text: &str, day_first: bool) -> Option<Date> {
    let caps = NUMERIC.captures(text)?;
    let (a, b, year) = (&caps[1], &caps[2], &caps[3]);
    let day = |month: &str, day: &str| Date::parse(&format!("{year}-{month:0>2}-{day:0>2}")).ok();
    if day_first {
        day(b, a).or_else(|| day(a, b))
    } else {
        day(a, b).or_else(|| day(b, a))
    }
}

/// The publication day that `line` gives after "Publié le", "Mis en ligne le",
/// "Published" or "Posted": `Publié le 14/09/2022 à 18h45`, `Publié le 1er octobre 2024`.
pub fn published_day(line: &str) -> Option<Date> {
    MARKER.find_iter(line).find_map(|marker| {
        let rest = &line[marker.end()..];
        let lower = marker.as_str().to_lowercase();
        let french = !(lower.starts_with("published") || lower.starts_with("posted"));
        let window: String = rest.chars().take(WINDOW).collect();
        numeric_day(&window, french).or_else(|| {
            explicit_days_with_words(&window)
                .into_iter()
                .next()
                .filter(|(_, words)| window.trim_start().starts_with(words.as_str()))
                .map(|(date, _)| date)
        })
    })
}

/// The author's name in a byline: without "Par"/"By", without the publication line
/// that follows it, without a full date, and without the outlet's name written first
/// (`Ouest-France Thomas Guérin. Publié le 14/09/2022` → `Thomas Guérin`,
/// `18 juin 2024 - AFP` → `AFP`). `None` when nothing is left.
pub fn author(byline: &str, outlet: Option<&str>) -> Option<String> {
    let mut name = match MARKER.find(byline) {
        Some(marker) => byline[..marker.start()].to_string(),
        None => byline.to_string(),
    };
    for (_, words) in explicit_days_with_words(&name) {
        name = name.replacen(&words, " ", 1);
    }
    let name = name.replace(['[', ']', '*', '_'], "");
    let mut name = name.trim_matches(separator).to_string();
    if let Some(by) = BY
        .iter()
        .find(|by| name.to_lowercase().starts_with(*by) && name.len() > by.len())
    {
        name = name
            .get(by.len()..)
            .unwrap_or_default()
            .trim_matches(separator)
            .to_string();
    }
    if let Some(outlet) = outlet
        && let Some(rest) = name.strip_prefix(outlet)
        && rest.starts_with(separator)
        && !rest.trim_matches(separator).is_empty()
    {
        name = rest.trim_matches(separator).to_string();
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    (name.chars().any(char::is_alphabetic)).then_some(name)
}

/// Whether a paragraph near the top of the text is the byline or the dateline rather
/// than the article: short, and giving the publication day after its marker, at its
/// start or after the author's name or "Par"/"By" (`Par Claire Dumont (Nantes)
/// Publié le 3 mars 2024 à 10h12, modifié le…`).
pub fn is_byline(paragraph: &str, author: Option<&str>, published: Option<Date>) -> bool {
    const LONGEST: usize = 300;
    let visible = super::clean::visible(paragraph);
    let text = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > LONGEST {
        return false;
    }
    let Some(marker) = MARKER.find(&text) else {
        return false;
    };
    let Some(day) = published_day(&text[marker.start()..]) else {
        return false;
    };
    if published.is_some_and(|p| p != day) {
        return false;
    }
    let before = text[..marker.start()].trim_start_matches(['[', '*', '_']);
    let lower = before.to_lowercase();
    before.trim().is_empty()
        || BY.iter().any(|by| lower.starts_with(by))
        || author.is_some_and(|a| before.contains(a))
}

/// The text without the byline or dateline paragraphs among its first few, and the
/// first of them (the author's name may be read from it).
pub fn without_bylines<'b>(
    body: &'b str,
    author: Option<&str>,
    published: Option<Date>,
) -> (String, Option<&'b str>) {
    const TOP: usize = 6;
    let (bylines, text): (Vec<_>, Vec<_>) = body
        .split("\n\n")
        .enumerate()
        .partition(|(at, p)| *at < TOP && is_byline(p, author, published));
    let text = text.into_iter().map(|(_, p)| p).collect::<Vec<_>>();
    (text.join("\n\n"), bylines.first().map(|(_, p)| *p))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| unreachable!("{e}"))
    }

    #[test]
    fn days_after_the_marker() {
        assert_eq!(
            published_day("Publié le 14/09/2022 à 18h45"),
            Some(day("2022-09-14"))
        );
        assert_eq!(
            published_day("Par Yann Kerbrat\nPublié le 1er octobre 2024 à 7h00"),
            Some(day("2024-10-01"))
        );
        assert_eq!(
            published_day("Published 03/14/2024, updated"),
            Some(day("2024-03-14"))
        );
        assert_eq!(
            published_day("Posted on March 3, 2024"),
            Some(day("2024-03-03"))
        );
        assert_eq!(published_day("Le rapport publié hier"), None);
        assert_eq!(published_day("publié le mois dernier, en mars 2024"), None);
    }

    #[test]
    fn names_without_their_line() {
        let of = |b: &str, o: Option<&str>| author(b, o);
        assert_eq!(
            of(
                "Ouest-France Thomas Guérin. Publié le 14/09/2022 à 18h45",
                Some("Ouest-France")
            )
            .as_deref(),
            Some("Thomas Guérin")
        );
        assert_eq!(of("18 juin 2024 - AFP", None).as_deref(), Some("AFP"));
        assert_eq!(
            of("Par Sophie Aubert et Karim Benali", None).as_deref(),
            Some("Sophie Aubert et Karim Benali")
        );
        assert_eq!(of("By Jane Doe", None).as_deref(), Some("Jane Doe"));
        assert_eq!(
            of("De Villiers Anne", None).as_deref(),
            Some("De Villiers Anne")
        );
        assert_eq!(of("Publié le 3 mars 2024", None), None);
        assert_eq!(
            of("Ouest-France", Some("Ouest-France")).as_deref(),
            Some("Ouest-France")
        );
    }

    #[test]
    fn bylines_apart_from_sentences() {
        let published = Some(day("2024-03-03"));
        assert!(is_byline(
            "Par [Claire Dumont](https://x.fr/c) (Nantes, correspondante) Publié le 3 mars 2024 à 10h12, modifié le 4 mars 2024 à 08h30",
            Some("Claire Dumont"),
            published
        ));
        assert!(is_byline("Publié le 3 mars 2024 à 10h12", None, published));
        assert!(!is_byline(
            "Le rapport, publié le 3 mars 2024, accable la direction.",
            None,
            published
        ));
        assert!(!is_byline("Publié le 5 mars 2024", None, published));
    }
}
