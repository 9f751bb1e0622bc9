//! Plain text and Markdown articles: the title from their own front matter, else the
//! first line; the rest is the text.

use super::{Article, front};
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

/// The body of a plain-text article: each line is a paragraph, unless the text is
/// wrapped at a fixed width, when blank lines separate paragraphs.
fn plain_body(text: &str) -> String {
    if hard_wrapped(text) {
        paragraphs(text)
    } else {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join("\n\n")
    }
}

/// The article's front matter, when it opens with one, read into a new article; the text
/// after it.
fn with_front_matter(text: &str) -> Result<(Article, &str), front::Unreadable> {
    let text = text.trim_start_matches('\u{feff}');
    let mut article = Article::default();
    if let Some((yaml, rest)) = front::split_toml(text) {
        front::read(&yaml, &mut article)?;
        return Ok((article, rest));
    }
    match front::split(text) {
        Some((yaml, rest)) => {
            front::read(yaml, &mut article)?;
            Ok((article, rest))
        }
        None => Ok((article, text)),
    }
}

/// A plain-text article: its front matter if it has one, and the title there or else the
/// first line.
pub fn read_plain(text: &str) -> Result<Article, front::Unreadable> {
    let (mut article, mut rest) = with_front_matter(text)?;
    if article.title.is_empty() {
        let (title, after) = first_line(rest);
        article.title = title.to_string();
        rest = after;
    }
    article.body = plain_body(rest);
    Ok(article)
}

/// A Markdown article: its front matter if it has one, and the title there or else a
/// first `# heading` (or first line).
pub fn read_markdown(text: &str) -> Result<Article, front::Unreadable> {
    let (mut article, mut rest) = with_front_matter(text)?;
    if article.title.is_empty() {
        let (first, after) = first_line(rest);
        article.title = first.trim_start_matches('#').trim().to_string();
        rest = after;
    }
    article.body = paragraphs(rest);
    Ok(article)
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
