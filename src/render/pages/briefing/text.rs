//! Small text helpers of the briefing: the one-line profile of an actor, and user text
//! made safe inside a CSS string.

use std::fmt::Write as _;

/// The first sentence of the first paragraph of a Markdown text, as Markdown: cut at
/// the first `.`, `!` or `?` followed by a space, outside `[[…]]`, that does not end an
/// initial or a title (`M.`, `J.`, `Dr.`).
pub fn first_sentence(markdown: &str) -> &str {
    let text = markdown.trim_start();
    let paragraph = text.find("\n\n").map_or(text, |end| &text[..end]);
    let mut in_link = false;
    let mut chars = paragraph.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        match c {
            '[' if next == Some('[') => in_link = true,
            ']' if next == Some(']') => in_link = false,
            '.' | '!' | '?' | '…' if !in_link && next.is_none_or(char::is_whitespace) => {
                let word = paragraph[..i]
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
                let title = matches!(
                    word,
                    "M" | "Mme" | "MM" | "Dr" | "Mr" | "Mrs" | "Ms" | "St" | "Jr" | "cf"
                );
                if c != '.' || !(initial || title) {
                    return paragraph[..i + c.len_utf8()].trim_end();
                }
            }
            _ => {}
        }
    }
    paragraph.trim_end()
}

/// `text` as a double-quoted CSS string: safe inside `<style>` and in `content:`.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            // Markup characters and controls as hex escapes, so that nothing can close
            // the <style> element or the string.
            '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", u32::from(c));
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentences_skip_links_and_initials() {
        assert_eq!(
            first_sentence("Général, chef. Le 26 mars, autre."),
            "Général, chef."
        );
        assert_eq!(
            first_sentence("Selon M. Dupont, oui. Non."),
            "Selon M. Dupont, oui."
        );
        assert_eq!(
            first_sentence("Voir [[a|x. y]] ici. Puis."),
            "Voir [[a|x. y]] ici."
        );
        assert_eq!(first_sentence("Sans point\n\nDeux."), "Sans point");
        assert_eq!(first_sentence("  Fin…"), "Fin…");
    }

    #[test]
    fn css_strings_cannot_escape() {
        assert_eq!(css_string("SOURCES OUVERTES"), "\"SOURCES OUVERTES\"");
        assert_eq!(css_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
        assert_eq!(css_string("x</style>"), "\"x\\3c /style\\3e \"");
        assert_eq!(css_string("l1\nl2"), "\"l1 l2\"");
    }
}
