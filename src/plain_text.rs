//! Small text helpers for the pages and the exports: short titles, the sentence around a
//! mention, and Markdown reduced to plain text.

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};
use std::fmt::Write as _;

use crate::model::{Dossier, Target};

/// The longest a quoted sentence gets before it is cut around the mention.
const MAX_QUOTE: usize = 300;

/// A title cut to about `max` characters at a word boundary, with `…` when cut.
pub fn short_title(title: &str, max: usize) -> String {
    if title.chars().count() <= max {
        return title.to_string();
    }
    let cut: String = title.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > max / 2 => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([' ', ',', ';', ':']))
}

/// Whether the `.` ending at byte `at` of `text` ends an abbreviation or an initial
/// (`M.`, `J.`, `Dr.`) rather than a sentence.
fn is_abbreviation(text: &str, at: usize) -> bool {
    let word = text[..at]
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let short = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    short
        || matches!(
            word,
            "M" | "Mme" | "Mlle" | "MM" | "Dr" | "Mr" | "Mrs" | "Ms" | "St" | "Jr" | "etc" | "cf"
        )
}

/// Whether a sentence ends at byte `i` of `text` (which holds `.`, `!`, `?` or `…`
/// there, followed by a space or the end).
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    let next = text[i + c.len_utf8()..].chars().next();
    matches!(c, '.' | '!' | '?' | '…')
        && next.is_none_or(char::is_whitespace)
        && !(c == '.' && is_abbreviation(text, i))
}

/// The sentence of `text` that holds the bytes `start..end`, whitespace collapsed, cut
/// to about 300 characters around the mention with `…` where cut.
pub fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let (start, end) = (
        start.min(text.len()),
        end.min(text.len()).max(start.min(text.len())),
    );
    // The sentence's ends are looked for only this far (in bytes) from the mention, so
    // that a sentence of megabytes full of names costs no more than a short one.
    let window = 4 * MAX_QUOTE;
    let lo = floor_boundary(text, start.saturating_sub(window));
    let hi = ceil_boundary(text, end.saturating_add(window));
    let from = text[lo..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(text, lo + i, c))
        .map(|(i, c)| lo + i + c.len_utf8());
    let to = text[end..hi]
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, end + i, c))
        .map(|(i, c)| end + i + c.len_utf8());
    let mut before = from.is_none() && lo > 0;
    let mut after = to.is_none() && hi < text.len();
    let (mut from, mut to) = (from.unwrap_or(lo), to.unwrap_or(hi));
    let budget = MAX_QUOTE.saturating_sub(text[start..end].chars().count()) / 2;
    if text[from..start].chars().count() > budget {
        from = floor_word(text, start, budget);
        before = true;
    }
    if text[end..to].chars().count() > budget {
        to = ceil_word(text, end, budget);
        after = true;
    }
    let mut out = String::new();
    if before {
        out.push('…');
    }
    out.push_str(
        &text[from..to]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
    );
    if after {
        out.push('…');
    }
    out
}

/// The largest character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at`.
fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// A word start about `chars` characters before `at`.
fn floor_word(text: &str, at: usize, chars: usize) -> usize {
    let start = text[..at]
        .char_indices()
        .rev()
        .nth(chars)
        .map_or(0, |(i, _)| i);
    text[start..at]
        .find(' ')
        .map_or(start, |space| start + space + 1)
}

/// A word end about `chars` characters after `at`.
fn ceil_word(text: &str, at: usize, chars: usize) -> usize {
    let end = text[at..]
        .char_indices()
        .nth(chars)
        .map_or(text.len(), |(i, _)| at + i);
    text[at..end].rfind(' ').map_or(end, |space| at + space)
}

/// The display name of a target: an actor's name, a source's or an event's title.
pub fn target_name(dossier: &Dossier, target: Target) -> &str {
    match target {
        Target::Source(i) => &dossier.sources[i].title,
        Target::Actor(i) => &dossier.actors[i].name,
        Target::Event(i) => &dossier.events[i].title,
    }
}

/// A Markdown field reduced to plain text, wiki-links replaced by what they name; a
/// citation of a source (`[[id#p3]]` or `[[id]]` without a label of its own) is left
/// out, with the brackets around it, so that the text does not spell out titles.
pub fn plain(markdown: &str, dossier: &Dossier) -> String {
    let mut out = String::new();
    let mut skip_label = false;
    for (event, _) in crate::dialect::events(markdown) {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole: false },
                dest_url,
                ..
            }) => {
                let id = dest_url.split('#').next().unwrap_or_default();
                match dossier.lookup(id) {
                    Some(Target::Source(_)) => skip_label = true,
                    Some(target) => {
                        out.push_str(target_name(dossier, target));
                        skip_label = true;
                    }
                    None => out.push_str(id),
                }
            }
            Event::End(TagEnd::Link) => skip_label = false,
            Event::Text(text) | Event::Code(text) if !skip_label => out.push_str(&text),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph | TagEnd::Item) => {
                out.push(' ');
            }
            _ => {}
        }
    }
    without_empty_brackets(&out.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// `text` without the brackets left empty by citations taken out (`()`, `(, )`) and the
/// space before them.
fn without_empty_brackets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let inside = &rest[open + 1..];
        let close = inside.find(')');
        let empty = close.is_some_and(|c| {
            inside[..c]
                .chars()
                .all(|ch| matches!(ch, ' ' | ',' | ';' | '·' | '\u{a0}'))
        });
        match close {
            Some(c) if empty => {
                out.push_str(rest[..open].trim_end());
                rest = &inside[c + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
}

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
            '.' | '!' | '?' | '…'
                if !in_link
                    && next.is_none_or(char::is_whitespace)
                    && (c != '.' || !is_abbreviation(paragraph, i)) =>
            {
                return paragraph[..i + c.len_utf8()].trim_end();
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

    fn around(text: &str, word: &str) -> String {
        let start = text.find(word).expect("word in text");
        sentence_around(text, start, start + word.len())
    }

    #[test]
    fn empty_brackets_of_citations_go() {
        assert_eq!(
            without_empty_brackets("Chef du Niger (). Puis (, ) fin (vrai)."),
            "Chef du Niger. Puis fin (vrai)."
        );
    }

    #[test]
    fn takes_the_sentence_holding_the_mention() {
        let text = "Premier point. Le Niger a changé d’allié ! Puis autre chose.";
        assert_eq!(around(text, "Niger"), "Le Niger a changé d’allié !");
        assert_eq!(around(text, "Premier"), "Premier point.");
        assert_eq!(around(text, "Puis"), "Puis autre chose.");
    }

    #[test]
    fn initials_and_titles_do_not_end_sentences() {
        let text = "Fin. Selon M. Dupont, J. Martin a signé. Autre.";
        assert_eq!(
            around(text, "Martin"),
            "Selon M. Dupont, J. Martin a signé."
        );
        assert_eq!(
            around(text, "Dupont"),
            "Selon M. Dupont, J. Martin a signé."
        );
    }

    #[test]
    fn long_sentences_are_cut_around_the_mention() {
        let text = format!("{} Niger {}", "mot ".repeat(200), "autre ".repeat(200));
        let quote = around(&text, "Niger");
        assert!(quote.starts_with('…') && quote.ends_with('…'), "{quote}");
        assert!(quote.contains("Niger"));
        assert!(quote.chars().count() < 320, "{}", quote.chars().count());
    }

    #[test]
    fn short_titles_cut_at_words() {
        assert_eq!(short_title("Court", 40), "Court");
        assert_eq!(
            short_title(
                "Moscou soutient la junte militaire : les soldats russes",
                30
            ),
            "Moscou soutient la junte…"
        );
    }

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
