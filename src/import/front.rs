//! The front matter that a Markdown or text article may already have: the usual names
//! (`date`, `author`, `link`…) read as the keys of a source, the keys of the format kept
//! as they are, and every other key left out of the new front matter but named.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

use super::Article;
use super::text::{language, published};

/// The keys of a front matter, in the order of the file.
struct Ordered(Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Ordered {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Keys;
        impl<'de> Visitor<'de> for Keys {
            type Value = Ordered;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("keys and values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Ordered, A::Error> {
                let mut keys = Vec::new();
                while let Some(entry) = map.next_entry::<String, Value>()? {
                    keys.push(entry);
                }
                Ok(Ordered(keys))
            }
        }
        deserializer.deserialize_map(Keys)
    }
}

/// The front matter of `text` and the text after it, when `text` opens with one
/// (a `---` line, closed by a `---` or `...` line).
pub fn split(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix("---\n")?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if matches!(line.trim_end(), "---" | "...") {
            return Some((&rest[..at], &rest[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

/// The front matter of `text` in TOML (between `+++` lines, as Hugo and Zola write it)
/// written as YAML, line for line, and the text after it. Keys, strings, numbers, dates,
/// arrays and `[tables]` are turned over; what else TOML has is rare in front matter.
pub fn split_toml(text: &str) -> Option<(String, &str)> {
    let rest = text
        .strip_prefix("+++\n")
        .or_else(|| text.strip_prefix("+++\r\n"))?;
    let mut at = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "+++" {
            return Some((toml_as_yaml(&rest[..at]), &rest[at + line.len()..]));
        }
        at += line.len();
    }
    None
}

/// Simple TOML as YAML, one line for one line (see [`split_toml`]).
fn toml_as_yaml(toml: &str) -> String {
    let mut yaml = String::with_capacity(toml.len() + 16);
    let mut indent = "";
    let mut lines = toml.lines();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            yaml.push_str(trimmed);
        } else if let Some(table) = trimmed
            .strip_prefix('[')
            .and_then(|t| t.strip_suffix(']'))
            .filter(|t| !t.starts_with('['))
        {
            yaml.push_str(table.trim());
            yaml.push(':');
            indent = "  ";
        } else if let Some((key, value)) = trimmed.split_once('=') {
            let (key, value) = (key.trim(), value.trim());
            yaml.push_str(indent);
            yaml.push_str(key);
            yaml.push(':');
            let quotes = ["\"\"\"", "'''"].into_iter().find(|q| value.starts_with(q));
            match quotes {
                Some(quotes) => {
                    // A string over several lines: a YAML block, line for line.
                    yaml.push_str(" |-");
                    let mut part = &value[3..];
                    // A line break right after the opening quotes is not part of the text.
                    let mut first = true;
                    loop {
                        let (text, closed) = match part.find(quotes) {
                            Some(end) => (&part[..end], true),
                            None => (part, false),
                        };
                        if !text.is_empty() || !(closed || first) {
                            yaml.push('\n');
                            yaml.push_str(indent);
                            yaml.push_str("  ");
                            yaml.push_str(text);
                        }
                        if closed {
                            break;
                        }
                        first = false;
                        match lines.next() {
                            Some(next) => part = next,
                            None => break,
                        }
                    }
                }
                None => {
                    yaml.push(' ');
                    yaml.push_str(value);
                }
            }
        } else {
            yaml.push_str(line);
        }
        yaml.push('\n');
    }
    yaml
}

/// Which key of a source a front-matter key means, by its usual names.
fn meaning(key: &str) -> Option<&'static str> {
    let key = key.trim().to_ascii_lowercase().replace('-', "_");
    Some(match key.as_str() {
        "title" | "headline" => "title",
        "published" | "date" | "pubdate" | "pub_date" | "published_at" | "published_on"
        | "date_published" | "datepublished" | "publication_date" | "publish_date" => "published",
        "author" | "authors" | "byline" | "by" | "creator" => "author",
        "outlet" | "publication" | "publisher" | "site" | "site_name" | "source" | "newspaper"
        | "journal" => "outlet",
        "url" | "link" | "canonical" | "canonical_url" | "source_url" | "original_url"
        | "permalink" => "url",
        "language" | "lang" | "locale" => "language",
        "tags" | "keywords" => "tags",
        "kind" | "reliability" | "credibility" | "note" | "derived_from" | "sha256" => {
            return [
                "kind",
                "reliability",
                "credibility",
                "note",
                "derived_from",
                "sha256",
            ]
            .into_iter()
            .find(|k| *k == key);
        }
        _ => return None,
    })
}

/// A scalar as text; a list of scalars joined with commas.
fn text_of(value: &Value) -> Option<String> {
    let text = match value {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Array(items) => items
            .iter()
            .map(text_of)
            .collect::<Option<Vec<_>>>()?
            .join(", "),
        Value::Null | Value::Object(_) => return None,
    };
    (!text.is_empty()).then_some(text)
}

/// Fills `article` from one key read as `key` of a source; `false` when the value does
/// not fit (or the key was already given), and the key is then left out.
fn apply(article: &mut Article, key: &str, value: &Value) -> bool {
    let text = text_of(value);
    let slot = match key {
        "title" if article.title.is_empty() => {
            let Some(text) = text else { return false };
            article.title = text;
            return true;
        }
        "published" if article.published.is_none() => {
            article.published = text.as_deref().and_then(published);
            return article.published.is_some();
        }
        "language" if article.language.is_none() => {
            article.language = text.as_deref().and_then(language);
            return article.language.is_some();
        }
        "author" => &mut article.author,
        "outlet" => &mut article.outlet,
        "url" => &mut article.url,
        _ => return false,
    };
    if slot.is_some() {
        return false;
    }
    *slot = text;
    slot.is_some()
}

/// A key of the format kept as written (`tags`, `reliability`…), a lone tag made a list.
fn kept(key: &str, value: &Value) -> Option<Value> {
    match (key, value) {
        ("tags" | "derived_from", Value::String(s)) => Some(Value::Array(
            s.split(',')
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(|t| Value::String(t.to_string()))
                .collect(),
        )),
        (_, Value::Null) => None,
        _ => Some(value.clone()),
    }
}

/// Why a front matter cannot be read, and where in its file.
#[derive(Debug)]
pub struct Unreadable {
    /// The line in the file (the front matter's first key is on line 2).
    pub line: u64,
    /// The column.
    pub column: u64,
    /// What the YAML parser says.
    pub message: String,
}

/// The parser's error, placed in the file: its position prefix and snippet left out.
fn unreadable(error: &serde_saphyr::Error) -> Unreadable {
    let (line, column) = error
        .location()
        .map_or((1, 1), |at| (at.line().max(1), at.column().max(1)));
    let message = error.to_string();
    let first = message.lines().next().unwrap_or("not YAML");
    let first = first.strip_prefix("error: ").unwrap_or(first);
    let message = match first.strip_prefix("line ").and_then(|r| r.split_once(": ")) {
        Some((_, tail)) => tail,
        None => first,
    };
    let message = message
        .rfind(" at line ")
        .map_or(message, |at| &message[..at]);
    let message = if message.contains("expected mapping") {
        "it is not a list of `key: value` lines"
    } else {
        message
    };
    Unreadable {
        line: line + 1,
        column,
        message: message.to_string(),
    }
}

/// Reads the front matter `yaml` into `article`; the keys a source does not have, or
/// whose value does not fit, go to `article.dropped`.
pub fn read(yaml: &str, article: &mut Article) -> Result<(), Unreadable> {
    if yaml.trim().is_empty() {
        return Ok(());
    }
    let options = serde_saphyr::options! { with_snippet: false };
    let Ordered(keys) =
        serde_saphyr::from_str_with_options(yaml, options).map_err(|e| unreadable(&e))?;
    for (key, value) in keys {
        let fitted = match meaning(&key) {
            Some(to @ ("title" | "published" | "author" | "outlet" | "url" | "language")) => {
                apply(article, to, &value)
            }
            Some(to) if !article.kept.iter().any(|(k, _)| k == to) => match kept(to, &value) {
                Some(value) => {
                    article.kept.push((to.to_string(), value));
                    true
                }
                None => false,
            },
            _ => false,
        };
        if !fitted {
            article.dropped.push((key, value));
        }
    }
    Ok(())
}
