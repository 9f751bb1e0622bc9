//! Which interface labels a template reads (`l.NAME`), through the templates it extends
//! and includes and those that define components (which every template can call): a
//! page's context then carries those few labels instead of all
//! seventy, which tera would otherwise copy into every page of the site.

use std::collections::{BTreeSet, HashMap};

/// The label names that template `name` reads, found in the text of the templates
/// (`sources`, by name); `None` when it or one it uses reads `l` other than as `l.NAME`
/// or as a component's argument (`{{ l | json_encode }}`, `l[key]`, `{% set x = l %}`),
/// in which case it needs every label.
pub fn labels_used(name: &str, sources: &HashMap<&str, &str>) -> Option<BTreeSet<String>> {
    let mut used = BTreeSet::new();
    let mut seen = BTreeSet::new();
    // A component reads the labels it is given, or takes them from its caller (`@l`).
    let mut pending: Vec<String> = sources
        .iter()
        .filter(|(_, text)| defines_component(text))
        .map(|(other, _)| (*other).to_string())
        .collect();
    pending.push(name.to_string());
    while let Some(template) = pending.pop() {
        if !seen.insert(template.clone()) {
            continue;
        }
        let Some(text) = sources.get(template.as_str()) else {
            continue;
        };
        for tag in tags(text) {
            let tokens = tokens(tag);
            if matches!(tokens.first(), Some(Token::Word("extends" | "include"))) {
                pending.extend(tokens.iter().filter_map(|t| match t {
                    Token::Text(other) => Some((*other).to_string()),
                    _ => None,
                }));
            }
            // A component's parameters are declarations, not uses.
            if tokens.first() != Some(&Token::Word("component")) {
                read_labels(&tokens, &mut used)?;
            }
        }
    }
    Some(used)
}

/// Adds to `used` the labels that the tokens of one tag read; `None` on any other use
/// of `l`.
fn read_labels(tokens: &[Token<'_>], used: &mut BTreeSet<String>) -> Option<()> {
    for (i, token) in tokens.iter().enumerate() {
        if *token != Token::Word("l") {
            continue;
        }
        let before = i.checked_sub(1).map(|b| &tokens[b]);
        let after = tokens.get(i + 1);
        let two_before = i.checked_sub(2).map(|b| &tokens[b]);
        match (two_before, before, after) {
            // Spread into a map or a component's arguments (`{...l}`): read whole.
            (Some(Token::Punct('.')), Some(Token::Punct('.')), _) => return None,
            // An attribute of something else (`x.l`), or given whole to a component,
            // whose own template says what it reads (`{{<cite l={l} />}}`).
            (_, Some(Token::Punct('.')), _)
            | (Some(Token::Punct('=')), Some(Token::Punct('{')), Some(Token::Punct('}'))) => {}
            (_, _, Some(Token::Punct('.'))) => match tokens.get(i + 2) {
                Some(Token::Word(label)) => {
                    used.insert((*label).to_string());
                }
                _ => return None,
            },
            // The name of an argument (`l=…`): not a use.
            (_, _, Some(Token::Punct('='))) if tokens.get(i + 2) != Some(&Token::Punct('=')) => {}
            _ => return None,
        }
    }
    Some(())
}

/// Whether a template defines a component (`{% component name(…) %}`).
fn defines_component(text: &str) -> bool {
    tags(text)
        .into_iter()
        .any(|tag| tokens(tag).first() == Some(&Token::Word("component")))
}

/// The insides of the `{{ … }}` and `{% … %}` tags of a template; comments are not code.
fn tags(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.as_bytes().first() {
            Some(b'{') => "}}",
            Some(b'%') => "%}",
            Some(b'#') => "#}",
            _ => {
                rest = after;
                continue;
            }
        };
        let body = &after[1..];
        let Some(end) = body.find(close) else {
            // An unclosed tag: tera rejects the template anyway.
            found.push(body);
            break;
        };
        if close != "#}" {
            found.push(&body[..end]);
        }
        rest = &body[end + close.len()..];
    }
    found
}

/// A piece of the code inside a tag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Token<'a> {
    /// A name or keyword.
    Word(&'a str),
    /// The inside of a string literal.
    Text(&'a str),
    /// Any other character but spaces.
    Punct(char),
}

/// The tokens of the code inside a tag.
fn tokens(code: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if matches!(c, '"' | '\'' | '`') {
            let mut end = code.len();
            for (i, inner) in chars.by_ref() {
                if inner == c {
                    end = i;
                    break;
                }
            }
            tokens.push(Token::Text(&code[start + 1..end.max(start + 1)]));
        } else if c.is_alphanumeric() || c == '_' {
            let mut end = start + c.len_utf8();
            while let Some(&(i, next)) = chars.peek() {
                if !(next.is_alphanumeric() || next == '_') {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
            tokens.push(Token::Word(&code[start..end]));
        } else {
            tokens.push(Token::Punct(c));
        }
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(templates: &[(&'static str, &'static str)]) -> Option<Vec<String>> {
        let sources: HashMap<&str, &str> = templates.iter().copied().collect();
        labels_used(templates[0].0, &sources).map(|set| set.into_iter().collect())
    }

    #[test]
    fn finds_the_labels_of_a_page_and_of_what_it_uses() {
        let found = used(&[
            (
                "page.html",
                r#"{% extends "base.html" %}
                {{ l.title }} {% if x %}{{ l.other | lower }}{% endif %}
                {{<cite list={x} l={l} />}} {# {{ l | json_encode }} #} "l'armée" {{ x.l }}"#,
            ),
            (
                "base.html",
                "<title>{{ l.home }}</title>{% block b %}{% endblock %}",
            ),
            (
                "m.html",
                "{% component cite(list, l) %}{{ l.evidence }}{% endcomponent cite %}",
            ),
            ("unused.html", "{{ l.unused }}"),
        ]);
        assert_eq!(
            found,
            Some(vec![
                "evidence".to_string(),
                "home".to_string(),
                "other".to_string(),
                "title".to_string()
            ])
        );
    }

    #[test]
    fn a_component_that_takes_the_labels_of_its_caller_counts_for_every_page() {
        let found = used(&[
            ("page.html", "{{<note />}}"),
            (
                "m.html",
                "{% component note(@l) %}{{ l.evidence }}{% endcomponent note %}",
            ),
        ]);
        assert_eq!(found, Some(vec!["evidence".to_string()]));
    }

    #[test]
    fn any_other_use_of_the_labels_needs_them_all() {
        for page in [
            "{{ l | json_encode }}",
            "{{ l['title'] }}",
            "{% set x = l %}",
            "{% for k, v in l %}{{ v }}{% endfor %}",
            "{% if l == x %}{% endif %}",
            "{{ x | default(value=l) }}",
            "{{<cite {...l} />}}",
            "{{<cite l />}}",
        ] {
            assert_eq!(used(&[("page.html", page)]), None, "{page}");
        }
        assert_eq!(
            used(&[
                ("page.html", r#"{% include "part.html" %}"#),
                ("part.html", "{{ l }}")
            ]),
            None
        );
    }
}
