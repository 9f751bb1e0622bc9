//! YAML read through serde-saphyr into a small tree that keeps the byte span of every
//! key and value, so that later stages can point at the exact place of a problem and
//! report every problem of a file, not only the first.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use crate::diagnostics::Span;

/// A YAML value with where it was written.
#[derive(Debug, Clone)]
pub struct Yaml {
    /// The value.
    pub value: YamlValue,
    /// Its bytes in the file (already shifted past any front matter offset).
    pub span: Span,
}

/// The shapes a YAML value can take.
#[derive(Debug, Clone)]
pub enum YamlValue {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written.
    Number(String),
    /// A string.
    String(String),
    /// A sequence.
    List(Vec<Yaml>),
    /// A mapping, keys in the order written.
    Map(Vec<(YamlKey, Yaml)>),
}

/// A mapping key with where it was written.
#[derive(Debug, Clone)]
pub struct YamlKey {
    /// The key text.
    pub name: String,
    /// Its bytes in the file.
    pub span: Span,
}

impl YamlValue {
    /// A word for the shape, for messages ("expected a list, found a string").
    pub fn shape(&self) -> &'static str {
        match self {
            Self::Null => "nothing",
            Self::Bool(_) => "a boolean",
            Self::Number(_) => "a number",
            Self::String(_) => "a string",
            Self::List(_) => "a list",
            Self::Map(_) => "a mapping",
        }
    }
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone)]
pub struct YamlError {
    /// What the parser said, first line only.
    pub message: String,
    /// Where, when the parser knew.
    pub span: Option<Span>,
}

/// Parses `text`, whose first byte is at `offset` in its file, into a [`Yaml`] tree.
pub fn parse(text: &str, offset: usize) -> Result<Yaml, YamlError> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
    };
    match serde_saphyr::from_str_with_options::<Spanned<RawNode>>(text, options) {
        Ok(node) => Ok(convert(node, text, offset)),
        Err(error) => {
            let span = error
                .location()
                .map(|location| span_of(&location, text, offset));
            let message = error.to_string();
            let message = message.lines().next().unwrap_or("invalid YAML").to_string();
            let message = strip_position_prefix(&message);
            Err(YamlError { message, span })
        }
    }
}

/// serde-saphyr prefixes messages with "error: line L column C: "; we print our own.
fn strip_position_prefix(message: &str) -> String {
    let message = message.strip_prefix("error: ").unwrap_or(message);
    if let Some(rest) = message.strip_prefix("line ")
        && let Some((_, tail)) = rest.split_once(": ")
    {
        return tail.to_string();
    }
    message.to_string()
}

fn span_of(location: &serde_saphyr::Location, text: &str, offset: usize) -> Span {
    let span = location.span();
    let start = span.byte_offset().map_or_else(
        || byte_of_line_column(text, location.line(), location.column()),
        |b| usize::try_from(b).unwrap_or(0),
    );
    let len = span
        .byte_len()
        .map_or(0, |l| usize::try_from(l).unwrap_or(0));
    let start = start.min(text.len());
    Span::new(start + offset, len.min(text.len() - start))
}

fn byte_of_line_column(text: &str, line: u64, column: u64) -> usize {
    let line_start = text
        .split_inclusive('\n')
        .take(usize::try_from(line.saturating_sub(1)).unwrap_or(0))
        .map(str::len)
        .sum::<usize>();
    let within = text[line_start.min(text.len())..]
        .char_indices()
        .nth(usize::try_from(column.saturating_sub(1)).unwrap_or(0))
        .map_or(0, |(i, _)| i);
    line_start + within
}

fn convert(node: Spanned<RawNode>, text: &str, offset: usize) -> Yaml {
    let span = span_of(&node.referenced, text, offset);
    let value = match node.value {
        RawNode::Null => YamlValue::Null,
        RawNode::Bool(b) => YamlValue::Bool(b),
        RawNode::Number(n) => {
            // Keep the number as written (`1.10` stays `1.10`), when the span says where.
            let written = text.get(span.start - offset..span.start - offset + span.len);
            YamlValue::Number(written.map_or(n, |w| w.trim().to_string()))
        }
        RawNode::String(s) => YamlValue::String(s),
        RawNode::List(items) => YamlValue::List(
            items
                .into_iter()
                .map(|item| convert(item, text, offset))
                .collect(),
        ),
        RawNode::Map(entries) => YamlValue::Map(
            entries
                .into_iter()
                .map(|(key, value)| {
                    let key_span = span_of(&key.referenced, text, offset);
                    (
                        YamlKey {
                            name: key.value,
                            span: key_span,
                        },
                        convert(value, text, offset),
                    )
                })
                .collect(),
        ),
    };
    Yaml { value, span }
}

/// The tree as serde-saphyr hands it over, before spans are turned into byte ranges.
enum RawNode {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    List(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<String>, Spanned<RawNode>)>),
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawNodeVisitor)
    }
}

struct RawNodeVisitor;

impl<'de> Visitor<'de> for RawNodeVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<RawNode, D::Error> {
        RawNode::deserialize(deserializer)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Number(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(RawNode::Number(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
        Ok(RawNode::Number(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
        Ok(RawNode::Number(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Number(v.to_string()))
    }
    fn visit_char<E>(self, v: char) -> Result<RawNode, E> {
        Ok(RawNode::String(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(RawNode::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(RawNode::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_point_at_values_and_keys() {
        let text = "title: Hello\nlist:\n  - a\n  - 12\n";
        let yaml = parse(text, 100).expect("valid");
        let YamlValue::Map(entries) = yaml.value else {
            panic!("map")
        };
        assert_eq!(entries[0].0.name, "title");
        assert_eq!(entries[0].0.span, Span::new(100, 5));
        assert_eq!(entries[0].1.span.start, 107);
        let YamlValue::List(items) = &entries[1].1.value else {
            panic!("list")
        };
        assert!(matches!(&items[1].value, YamlValue::Number(n) if n == "12"));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let error = parse("a: [\n", 0).expect_err("unclosed");
        assert!(error.span.is_some());
        assert!(error.message.contains("unclosed"), "{}", error.message);
    }
}
