//! Which interface labels a template reads (`l.NAME`), through the templates it extends,
//! includes and imports: a page's context then carries those few labels instead of all
//! seventy, which tera would otherwise copy into every page of the site.

use std::collections::{BTreeSet, HashMap};

/// The label names that template `name` reads, found in the text of the templates
/// (`sources`, by name); `None` when it or one it uses reads `l` other than as `l.NAME`
/// or passes it to a macro (`{{ l | json_encode }}`, `l[key]`, `{% set x = l %}`), in
/// which case it needs every label.
pub fn labels_used(name: &str, sources: &HashMap<&str, &str>) -> Option<BTreeSet<String>> {
    let mut used = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let mut pending = vec![name.to_string()];
    while let Some(template) = pending.pop() {
        if !seen.insert(template.clone()) {
            continue;
        }
        let Some(text) = sources.get(template.as_str()) else {
            continue;
        };
        for tag in tags(text) {
            let tokens = tokens(tag);
            if matches!(
                tokens.first(),
                Some(Token::Word("extends" | "include" | "import"))
            ) {
                pending.extend(tokens.iter().filter_map(|t| match t {
                    Token::Text(other) => Some((*other).to_string()),
                    _ => None,
                }));
            }
            // A macro's parameters are declarations, not uses.
            if tokens.first() != Some(&Token::Word("macro")) {
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
        match (before, after) {
            // An attribute of something else (`x.l`), or passed whole to a macro, whose
            // own template says what it reads (`m::cite(l=l)`).
            (Some(Token::Punct('.')), _)
            | (Some(Token::Punct('=')), Some(Token::Punct(',' | ')'))) => {}
            (_, Some(Token::Punct('.'))) => match tokens.get(i + 2) {
                Some(Token::Word(label)) => {
                    used.insert((*label).to_string());
                }
                _ => return None,
            },
            // The name of a macro's argument (`l=l`): not a use.
            (_, Some(Token::Punct('='))) if tokens.get(i + 2) != Some(&Token::Punct('=')) => {}
            _ => return None,
        }
    }
    Some(())
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
                r#"{% extends "base.html" %}{% import "m.html" as m %}
                {{ l.title }} {% if x %}{{ l.other | lower }}{% endif %}
                {{ m::cite(list=x, l=l) }} {# {{ l | json_encode }} #} "l'armée" {{ x.l }}"#,
            ),
            (
                "base.html",
                "<title>{{ l.home }}</title>{% block b %}{% endblock %}",
            ),
            (
                "m.html",
                "{% macro cite(list, l) %}{{ l.evidence }}{% endmacro cite %}",
            ),
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
    fn any_other_use_of_the_labels_needs_them_all() {
        for page in [
            "{{ l | json_encode }}",
            "{{ l['title'] }}",
            "{% set x = l %}",
            "{% for k, v in l %}{{ v }}{% endfor %}",
            "{% if l == x %}{% endif %}",
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
