//! Small text helpers for the pages: short titles, the sentence around a mention, and
//! Markdown reduced to plain text.

use pulldown_cmark::{Event, LinkType, Parser, Tag, TagEnd};

use crate::model::{Dossier, Target};
use crate::paragraphs::markdown_options;

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
    let from = text[..start]
        .char_indices()
        .rev()
        .find(|&(i, c)| ends_sentence(text, i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = text[end..]
        .char_indices()
        .find(|&(i, c)| ends_sentence(text, end + i, c))
        .map_or(text.len(), |(i, c)| end + i + c.len_utf8());
    let (mut from, mut to) = (from, to);
    let (mut before, mut after) = (false, false);
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

/// A Markdown field reduced to plain text, wiki-links replaced by what they name.
pub fn plain(markdown: &str, dossier: &Dossier) -> String {
    let mut out = String::new();
    let mut skip_label = false;
    for event in Parser::new_ext(markdown, markdown_options()) {
        match event {
            Event::Start(Tag::Link {
                link_type: LinkType::WikiLink { has_pothole: false },
                dest_url,
                ..
            }) => {
                let id = dest_url.split('#').next().unwrap_or_default();
                match dossier.lookup(id) {
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
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around(text: &str, word: &str) -> String {
        let start = text.find(word).expect("word in text");
        sentence_around(text, start, start + word.len())
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
}
