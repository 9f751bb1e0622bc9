//! Hints for the mistakes a template written for tera 1, or edited in a hurry, makes in
//! tera 2: a tag left open (tera names only the tag it did not expect, often far below),
//! an item read by `.0`, a test given a value without its name, a filter tera 2 dropped.

/// The tags that a `{% endNAME %}` closes.
const BLOCK_TAGS: [&str; 6] = ["if", "for", "block", "filter", "component", "raw"];

/// A hint for tera's `message` about the place `at` of template `text`, when one of
/// the known mistakes explains it.
pub fn hint(text: &str, at: usize, message: &str) -> Option<String> {
    let word = word_at(text, at);
    let before = text.get(..at).unwrap_or_default();
    if message.starts_with("Unknown tag") && word.starts_with("end") {
        return open_tag(before).map(|(tag, line)| {
            format!(
                "`{{% {tag} %}}` at line {line} is not closed before this `{{% {word} %}}`: \
                 close it with `{{% end{tag} %}}`"
            )
        });
    }
    if message.starts_with("Unexpected end of input") {
        return open_tag(text).map(|(tag, line)| {
            format!("`{{% {tag} %}}` at line {line} is never closed: add `{{% end{tag} %}}`")
        });
    }
    if message.contains("but expected identifier") {
        if before.ends_with('.') && word.starts_with(|c: char| c.is_ascii_digit()) {
            return Some(format!(
                "an item is read by its index in brackets in tera 2: `[{word}]`, not `.{word}`"
            ));
        }
        if is_test_call(before) {
            return Some(
                "a test takes named arguments in tera 2: `is starting_with(pat=\"x\")`, \
                 `is divisible_by(divisor=3)`"
                    .to_string(),
            );
        }
    }
    if message.starts_with("Unknown filter") {
        return dropped_filter(word).map(str::to_string);
    }
    None
}

/// What replaces a filter of tera 1 that tera 2 no longer has.
fn dropped_filter(name: &str) -> Option<&'static str> {
    Some(match name {
        "map" => {
            "tera 2 has no `map` filter: write a list comprehension, \
             `[x.label for x in list]`"
        }
        "filter" => {
            "tera 2 has no `filter` filter: write a list comprehension, \
             `[x for x in list if x.kind == \"person\"]`"
        }
        "concat" => "tera 2 has no `concat` filter: spread the list, `[...list, item]`",
        "slice" => "tera 2 has no `slice` filter: slice the list, `list[1:3]`",
        _ => return None,
    })
}

/// The word (letters, digits, `_`) that starts at `at` in `text`.
fn word_at(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or_default();
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Whether `before` ends inside the arguments of a test: `… is starting_with(`.
fn is_test_call(before: &str) -> bool {
    let Some(open) = before.trim_end().strip_suffix('(') else {
        return false;
    };
    let name_start = open
        .rfind(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    open[..name_start].trim_end().ends_with(" is")
        || open[..name_start].trim_end().ends_with(" not")
}

/// The innermost tag left open at the end of `text`, with its line (1-based): the tags
/// that an `{% endNAME %}` closes, the text of a `{% raw %}` block and comments skipped.
fn open_tag(text: &str) -> Option<(&str, usize)> {
    let mut open: Vec<(&str, usize)> = Vec::new();
    let mut at = 0;
    while let Some(found) = text[at..].find("{%") {
        let start = at + found;
        if let Some(comment) = text[at..start].rfind("{#")
            && !text[at + comment..start].contains("#}")
        {
            at = text[start..]
                .find("#}")
                .map_or(text.len(), |i| start + i + 2);
            continue;
        }
        let end = text[start..]
            .find("%}")
            .map_or(text.len(), |i| start + i + 2);
        let inner = text[start + 2..end.saturating_sub(2).max(start + 2)]
            .trim_matches(|c: char| c == '-' || c.is_whitespace());
        let name = word_at(inner, 0);
        if let Some(closed) = name.strip_prefix("end") {
            if open.last().is_some_and(|(tag, _)| *tag == closed) {
                open.pop();
            }
        } else if BLOCK_TAGS.contains(&name) {
            let line = text[..start].matches('\n').count() + 1;
            open.push((name, line));
            if name == "raw" {
                let Some(close) = text[end..].find("endraw") else {
                    break;
                };
                open.pop();
                at = text[end + close..]
                    .find("%}")
                    .map_or(text.len(), |i| end + close + i + 2);
                continue;
            }
        }
        at = end;
    }
    open.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_if_left_open_is_named_at_the_endblock_that_tera_stops_at() {
        let text = "{% block main %}\n{% if x %}\n<p>{% for a in b %}{{ a }}{% endfor %}</p>\n{% endblock main %}";
        let at = text.find("endblock").expect("endblock");
        assert_eq!(
            hint(text, at, "Unknown tag").as_deref(),
            Some(
                "`{% if %}` at line 2 is not closed before this `{% endblock %}`: close it with `{% endif %}`"
            )
        );
    }

    #[test]
    fn comments_and_raw_text_are_not_read_as_tags() {
        let text =
            "{# {% if %} #}{% raw %}{% for %}{% endraw %}{% block a %}{%- if y -%}{% endif %}";
        assert_eq!(open_tag(text), Some(("block", 1)));
    }

    #[test]
    fn tera_1_idioms_get_the_tera_2_way() {
        let dot = "{{ list.0 }}";
        let hint_dot = hint(dot, 8, "Found float but expected identifier.");
        assert!(hint_dot.is_some_and(|h| h.contains("`[0]`")));
        let test = "{% if a is starting_with('x') %}";
        let at = test.find('\'').expect("quote");
        let hint_test = hint(test, at, "Found string but expected identifier.");
        assert!(hint_test.is_some_and(|h| h.contains("pat=")));
        assert!(hint("{{ a | map(attribute=\"x\") }}", 7, "Unknown filter `map`").is_some());
        assert_eq!(hint("{{ a | shout }}", 7, "Unknown filter `shout`"), None);
    }
}
