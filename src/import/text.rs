//! Plain text and Markdown articles: the first line is the title, the rest the text.

use super::Article;
use crate::model::{Date, LanguageTag};

/// A publication date from the start of an ISO 8601 timestamp
/// (`2024-04-12T09:30:00+01:00` → `2024-04-12`).
pub fn published(timestamp: &str) -> Option<Date> {
    let timestamp = timestamp.trim();
    [10, 7, 4]
        .into_iter()
        .filter_map(|len| timestamp.get(..len))
        .find_map(|prefix| Date::parse(prefix).ok())
}

/// The language of a `lang` attribute (`fr-FR`, `de`, `pt_BR` → `pt-BR`), when it is a
/// language tag.
pub fn language(lang: &str) -> Option<LanguageTag> {
    LanguageTag::parse(&lang.trim().replace('_', "-")).ok()
}

/// The text as paragraphs separated by one blank line, each line's trailing spaces
/// removed, runs of blank lines folded.
pub fn paragraphs(text: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push_str("\n\n");
        } else if !out.is_empty() {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// Splits off the first non-empty line.
fn first_line(text: &str) -> (&str, &str) {
    let text = text.trim_start_matches(['\u{feff}', '\n', '\r', ' ', '\t']);
    match text.split_once('\n') {
        Some((first, rest)) => (first.trim(), rest),
        None => (text.trim(), ""),
    }
}

/// Whether a text is wrapped at a fixed width, its paragraphs separated by blank lines
/// (no line longer than 100 characters, and some blank line between lines).
fn hard_wrapped(text: &str) -> bool {
    let lines: Vec<&str> = text.trim().lines().collect();
    lines.iter().all(|l| l.chars().count() <= 100) && lines.iter().any(|l| l.trim().is_empty())
}

/// A plain-text article: the first line is the title; each other line is a paragraph,
/// unless the text is wrapped at a fixed width, when blank lines separate paragraphs.
pub fn read_plain(text: &str) -> Article {
    let (title, rest) = first_line(text);
    let body = if hard_wrapped(rest) {
        paragraphs(rest)
    } else {
        rest.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    Article {
        title: title.to_string(),
        body,
        ..Article::default()
    }
}

/// A Markdown article: a first `# heading` (or first line) is the title; front matter,
/// if the file has one, is left out (its keys are for the writer to copy).
pub fn read_markdown(text: &str) -> Article {
    let mut text = text.trim_start_matches('\u{feff}');
    if let Some(rest) = text.strip_prefix("---\n")
        && let Some(end) = rest.find("\n---\n")
    {
        text = &rest[end + 5..];
    }
    let (first, rest) = first_line(text);
    let title = first.trim_start_matches('#').trim();
    Article {
        title: title.to_string(),
        body: paragraphs(rest),
        ..Article::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_give_dates_at_their_precision() {
        assert_eq!(
            published("2024-04-12T09:30:00Z"),
            Date::parse("2024-04-12").ok()
        );
        assert_eq!(published("2024-04"), Date::parse("2024-04").ok());
        assert_eq!(published("avril"), None);
    }

    #[test]
    fn paragraphs_fold_blank_runs() {
        assert_eq!(paragraphs("a  \nb\n\n\n\nc\n"), "a\nb\n\nc");
    }
}
