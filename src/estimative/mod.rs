//! Estimative language: the words of certainty and the expressions of likelihood (the
//! words-of-estimative-probability scale) that key judgments are checked for, in one
//! data file per language (`en.txt`, `fr.txt`, embedded in the binary).

use std::sync::OnceLock;

use crate::model::Language;

/// The expressions checked in one language.
#[derive(Debug, Default)]
pub struct Lists {
    /// Words of certainty, which an assessment should not use.
    pub certainty: Vec<String>,
    /// Expressions of likelihood, one of which an assessment should use.
    pub likelihood: Vec<String>,
}

/// What a text says of likelihood.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Findings {
    /// The words of certainty found, in the list's order.
    pub certainty: Vec<String>,
    /// The expressions of likelihood found, in the list's order.
    pub likelihood: Vec<String>,
}

/// The data file of `language`, as written.
pub fn data(language: Language) -> &'static str {
    match language {
        Language::En => include_str!("en.txt"),
        Language::Fr => include_str!("fr.txt"),
    }
}

/// The lists of `language`, read once.
pub fn lists(language: Language) -> &'static Lists {
    static EN: OnceLock<Lists> = OnceLock::new();
    static FR: OnceLock<Lists> = OnceLock::new();
    let cell = match language {
        Language::En => &EN,
        Language::Fr => &FR,
    };
    cell.get_or_init(|| parse(data(language)))
}

/// Reads a data file: `[certainty]` and `[likelihood]` sections of one expression a
/// line; `#` starts a comment.
pub fn parse(text: &str) -> Lists {
    let mut lists = Lists::default();
    let mut certainty = true;
    let mut started = false;
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        match line {
            "" => {}
            "[certainty]" => (certainty, started) = (true, true),
            "[likelihood]" => (certainty, started) = (false, true),
            expression if started => {
                let list = if certainty {
                    &mut lists.certainty
                } else {
                    &mut lists.likelihood
                };
                list.push(normalize(expression));
            }
            _ => {}
        }
    }
    lists
}

/// Lower case, one kind of apostrophe, one space between words.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text
        .split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '’' | 'ʼ' | '‘' => out.push('\''),
                _ => out.extend(c.to_lowercase()),
            }
        }
    }
    out
}

/// The byte ranges where `expression` stands as whole words in `text`.
fn occurrences<'t>(
    text: &'t str,
    expression: &'t str,
) -> impl Iterator<Item = (usize, usize)> + 't {
    text.match_indices(expression)
        .filter_map(move |(start, found)| {
            let end = start + found.len();
            let before = text[..start].chars().next_back();
            let after = text[end..].chars().next();
            let edge = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
            (edge(before) && edge(after)).then_some((start, end))
        })
}

/// What `text` (a judgment, Markdown) says of likelihood, against the lists of
/// `language`. A word of certainty inside an expression of likelihood ("almost
/// certainly") does not count.
pub fn examine(text: &str, language: Language) -> Findings {
    let lists = lists(language);
    let text = normalize(text);
    let mut spans = Vec::new();
    let mut findings = Findings::default();
    for expression in &lists.likelihood {
        let before = spans.len();
        spans.extend(occurrences(&text, expression));
        if spans.len() > before {
            findings.likelihood.push(expression.clone());
        }
    }
    for expression in &lists.certainty {
        let inside = |(s, e): (usize, usize)| spans.iter().any(|&(a, b)| a <= s && e <= b);
        if occurrences(&text, expression).any(|found| !inside(found)) {
            findings.certainty.push(expression.clone());
        }
    }
    findings
}

/// The scale, written for a hint ("almost no chance, very unlikely, …").
pub fn scale(language: Language) -> &'static str {
    match language {
        Language::En => {
            "almost no chance, very unlikely, unlikely, roughly even chance, likely, very \
             likely, almost certain"
        }
        Language::Fr => {
            "presque aucune chance, très peu probable, peu probable, chances à peu près \
             égales, probable, très probable, presque certain"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_whole_words_in_both_languages() {
        let found = examine("Russia will certainly stay.", Language::En);
        assert_eq!(found.certainty, ["will certainly", "certainly"]);
        assert!(found.likelihood.is_empty());
        let found = examine("It is almost certainly temporary.", Language::En);
        assert!(found.certainty.is_empty());
        assert_eq!(found.likelihood, ["almost certainly"]);
        let found = examine("La présence est SANS AUCUN DOUTE durable.", Language::Fr);
        assert_eq!(found.certainty, ["sans aucun doute"]);
        let found = examine("Un retrait est improbable.", Language::Fr);
        assert_eq!(found.likelihood, ["improbable"]);
        let found = examine("Il est probable\u{a0}que la base reste.", Language::Fr);
        assert!(
            found
                .likelihood
                .contains(&"il est probable que".to_string())
        );
        assert!(examine("unlikelyhood", Language::En).likelihood.is_empty());
    }

    #[test]
    fn the_data_files_hold_both_lists() {
        for language in [Language::En, Language::Fr] {
            let lists = lists(language);
            assert!(lists.certainty.len() > 5 && lists.likelihood.len() > 5);
        }
    }
}
