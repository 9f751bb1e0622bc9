//! YAML read through serde-saphyr into a small tree that keeps the byte span of every
//! key and value, so that later stages can point at the exact place of a problem and
//! report every problem of a file, not only the first.
//!
//! The tree borrows its keys and plain scalars from the text it was parsed from: only
//! scalars that YAML transforms (escapes, block scalars, folding) own a copy.

use std::borrow::Cow;
use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::diagnostics::Span;
use crate::load::positions::Positioned;

/// A YAML value with where it was written.
#[derive(Debug, Clone)]
pub struct Yaml<'t> {
    /// The value.
    pub value: YamlValue<'t>,
    /// Its bytes in the file (already shifted past any front matter offset).
    pub span: Span,
}

/// The shapes a YAML value can take.
#[derive(Debug, Clone)]
pub enum YamlValue<'t> {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, kept as written.
    Number(Cow<'t, str>),
    /// A string.
    String(Cow<'t, str>),
    /// A sequence.
    List(Vec<Yaml<'t>>),
    /// A mapping, keys in the order written.
    Map(Vec<(YamlKey<'t>, Yaml<'t>)>),
}

/// A mapping key with where it was written.
#[derive(Debug, Clone)]
pub struct YamlKey<'t> {
    /// The key text.
    pub name: Cow<'t, str>,
    /// Its bytes in the file.
    pub span: Span,
}

impl YamlValue<'_> {
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
    /// What to do about it, when the parser's message alone does not say.
    pub hint: Option<String>,
}

/// Parses `text`, whose first byte is at `offset` in its file, into a [`Yaml`] tree.
/// A file holds one YAML document: a `---` line after it that begins nothing but
/// comments is let be; one that begins a second document is an error at that line.
pub fn parse(text: &str, offset: usize) -> Result<Yaml<'_>, YamlError> {
    match second_document(text) {
        Some(at) if is_blank_yaml(&text[at..]) => parse_one(&text[..at], offset),
        Some(at) => Err(YamlError {
            message: "a second YAML document begins here".into(),
            span: Some(Span::new(offset + at, 3)),
            hint: Some(
                "a file holds one document: remove this `---` line (another actor goes in a \
                 file of its own; events continue the one list)"
                    .into(),
            ),
        }),
        None => parse_one(text, offset),
    }
}

/// The offset of a `---` line that ends the first document of `text`, if any: one
/// after a line that is neither blank, nor a comment, nor a directive.
fn second_document(text: &str) -> Option<usize> {
    let mut seen = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_end();
        let marker =
            trimmed == "---" || trimmed.starts_with("--- ") || trimmed.starts_with("---\t");
        if marker && seen {
            return Some(at);
        }
        seen |= !marker && !is_blank_yaml(line) && !trimmed.starts_with('%');
        at += line.len();
    }
    None
}

/// Whether `text` holds only blank lines, comments and document markers.
fn is_blank_yaml(text: &str) -> bool {
    text.lines().all(|line| {
        let line = line.trim();
        line.is_empty() || line.starts_with('#') || line == "---" || line == "..."
    })
}

fn parse_one(text: &str, offset: usize) -> Result<Yaml<'_>, YamlError> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        with_snippet: false,
        budget: Some(budget(text.len())),
    };
    let node = NodeSeed { text, offset };
    serde_saphyr::with_deserializer_from_str_with_options(text, options, |deserializer| {
        node.deserialize(deserializer)
    })
    .map_err(|error| {
        let span = error
            .location()
            .map(|location| span_of(&location, text, offset));
        if let Some(breach) = budget_breach(&error) {
            let (message, hint) = breach_message(breach);
            return YamlError {
                message,
                span,
                hint: Some(hint),
            };
        }
        let message = error.to_string();
        let message = message.lines().next().unwrap_or("invalid YAML").to_string();
        let message = own_words(&strip_position_prefix(&message));
        // A tab is reported where the scalar before it began: point at the tab itself.
        let span = match span {
            Some(span) if message.contains("tab") => {
                let at = span.start.saturating_sub(offset).min(text.len());
                let from = text[..at].rfind('\n').map_or(0, |i| i + 1);
                text[from..]
                    .find('\t')
                    .map_or(Some(span), |at| Some(Span::new(offset + from + at, 1)))
            }
            other => other,
        };
        let hint = if message.contains("tab") {
            Some(
                "YAML indents with spaces only: replace the tab with spaces (as many as the \
                 lines around it use)"
                    .to_string(),
            )
        } else if message.contains("merge") {
            Some(
                "`<<: *name` copies the keys of a mapping written `&name` before; here it \
                 names a list or a single value"
                    .to_string(),
            )
        } else {
            None
        };
        YamlError {
            message,
            span,
            hint,
        }
    })
}

/// The parser's message without what speaks of the parser rather than of the file: its
/// own position (`at line 1, column 7`, counted inside the front matter; the diagnostic
/// gives the file's), and advice to its programmer (`set DuplicateKeyPolicy in
/// Options if acceptable`).
fn own_words(message: &str) -> String {
    let mut message = message.to_string();
    if let Some(at) = message.find(" at line ") {
        let tail = &message[at + " at line ".len()..];
        let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
        let line = digits(tail);
        let rest = &tail[line..];
        if line > 0
            && let Some(column) = rest.strip_prefix(", column ")
        {
            let end = at + " at line ".len() + line + ", column ".len() + digits(column);
            message.replace_range(at..end, "");
        }
    }
    if let Some(at) = message.find(", set ")
        && message[at..].contains("Options")
    {
        message.truncate(at);
    }
    message.trim_end().to_string()
}

/// The limits of a file of `len` bytes. They are there against alias bombs (a few lines
/// that expand to billions of nodes) and nesting deep enough to exhaust the stack, never
/// against a large honest file: what a file can hold without aliases (nodes, events,
/// scalar bytes) grows with its size; what aliases may expand to and how deep it may
/// nest do not.
fn budget(len: usize) -> serde_saphyr::Budget {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = budget.max_nodes.max(len);
    budget.max_events = budget.max_events.max(len.saturating_mul(2));
    budget.max_total_scalar_bytes = budget.max_total_scalar_bytes.max(len);
    budget
}

/// The limit an error reports breaking, if it does (also under an alias or a snippet).
fn budget_breach(error: &serde_saphyr::Error) -> Option<&serde_saphyr::budget::BudgetBreach> {
    let mut current: &(dyn std::error::Error + 'static) = error;
    loop {
        if let Some(serde_saphyr::Error::Budget { breach, .. }) =
            current.downcast_ref::<serde_saphyr::Error>()
        {
            return Some(breach);
        }
        current = current.source()?;
    }
}

/// Which limit a file broke and why the limit is there, as message and hint.
fn breach_message(breach: &serde_saphyr::budget::BudgetBreach) -> (String, String) {
    use serde_saphyr::budget::BudgetBreach as B;
    let aliases = "aliases (`*name`) may repeat what an anchor (`&name`) holds only so many \
                   times, so that a few lines cannot expand to millions of values; write the \
                   repeated values out, or split the file";
    match breach {
        B::Depth { depth } => (
            format!("nested {depth} levels deep, more than the 64 allowed"),
            "lists and mappings may nest 64 levels deep at most; check the indentation \
             around this place"
                .into(),
        ),
        B::Aliases { .. }
        | B::AliasAnchorRatio { .. }
        | B::RecordedAnchorEvents { .. }
        | B::RecordedAnchorBytes { .. }
        | B::Anchors { .. }
        | B::MergeKeys { .. } => (
            format!("too many aliases or anchors ({breach:?})"),
            aliases.into(),
        ),
        B::Nodes { .. } | B::Events { .. } | B::ScalarBytes { .. } => (
            format!(
                "the file expands to more values than it could hold without aliases ({breach:?})"
            ),
            aliases.into(),
        ),
        B::Documents { documents } => (
            format!("{documents} YAML documents in one file"),
            "a file holds one YAML document: remove the `---` lines inside it".into(),
        ),
        other => (
            format!("the file exceeds a size limit of the YAML reader ({other:?})"),
            "split the file in smaller ones".into(),
        ),
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

/// Reads one node of `text` (and everything under it) into a [`Yaml`].
#[derive(Clone, Copy)]
struct NodeSeed<'t> {
    text: &'t str,
    offset: usize,
}

impl NodeSeed<'_> {
    fn span(self, location: &serde_saphyr::Location) -> Span {
        span_of(location, self.text, self.offset)
    }
}

impl<'t> DeserializeSeed<'t> for NodeSeed<'t> {
    type Value = Yaml<'t>;

    fn deserialize<D: Deserializer<'t>>(self, deserializer: D) -> Result<Yaml<'t>, D::Error> {
        let (value, location) = Positioned(ValueVisitor(self)).deserialize(deserializer)?;
        let span = self.span(&location);
        let value = match value {
            // Keep the number as written (`1.10` stays `1.10`), when the span says where.
            YamlValue::Number(parsed) => YamlValue::Number(
                self.text
                    .get(span.start - self.offset..span.start - self.offset + span.len)
                    .map_or(parsed, |written| Cow::Borrowed(written.trim())),
            ),
            value => value,
        };
        Ok(Yaml { value, span })
    }
}

/// Reads the value of one node; its position is read around it by [`Positioned`].
struct ValueVisitor<'t>(NodeSeed<'t>);

impl<'t> DeserializeSeed<'t> for ValueVisitor<'t> {
    type Value = YamlValue<'t>;

    fn deserialize<D: Deserializer<'t>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'t> Visitor<'t> for ValueVisitor<'t> {
    type Value = YamlValue<'t>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(YamlValue::Null)
    }
    fn visit_none<E>(self) -> Result<Self::Value, E> {
        Ok(YamlValue::Null)
    }
    fn visit_some<D: Deserializer<'t>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Self::Value, E> {
        Ok(YamlValue::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Self::Value, E> {
        Ok(YamlValue::Number(v.to_string().into()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Self::Value, E> {
        Ok(YamlValue::Number(v.to_string().into()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<Self::Value, E> {
        Ok(YamlValue::Number(v.to_string().into()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<Self::Value, E> {
        Ok(YamlValue::Number(v.to_string().into()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Self::Value, E> {
        Ok(YamlValue::Number(v.to_string().into()))
    }
    fn visit_char<E>(self, v: char) -> Result<Self::Value, E> {
        Ok(YamlValue::String(v.to_string().into()))
    }
    fn visit_borrowed_str<E>(self, v: &'t str) -> Result<Self::Value, E> {
        Ok(YamlValue::String(Cow::Borrowed(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(YamlValue::String(Cow::Owned(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(YamlValue::String(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'t>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element_seed(self.0)? {
            items.push(item);
        }
        Ok(YamlValue::List(items))
    }
    fn visit_map<A: MapAccess<'t>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some((name, location)) = map.next_key_seed(Positioned(KeyVisitor))? {
            let key = YamlKey {
                name,
                span: self.0.span(&location),
            };
            entries.push((key, map.next_value_seed(self.0)?));
        }
        Ok(YamlValue::Map(entries))
    }
}

/// Reads a mapping key as text, as a `String` key would be read.
struct KeyVisitor;

impl<'t> DeserializeSeed<'t> for KeyVisitor {
    type Value = Cow<'t, str>;

    fn deserialize<D: Deserializer<'t>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_string(self)
    }
}

impl<'t> Visitor<'t> for KeyVisitor {
    type Value = Cow<'t, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_borrowed_str<E>(self, v: &'t str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }
    fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Self::Value, E> {
        std::str::from_utf8(v)
            .map(|s| Cow::Owned(s.to_string()))
            .map_err(|_| E::invalid_value(serde::de::Unexpected::Bytes(v), &self))
    }
    fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Self::Value, E> {
        String::from_utf8(v).map(Cow::Owned).map_err(|error| {
            E::invalid_value(serde::de::Unexpected::Bytes(error.as_bytes()), &self)
        })
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
    fn plain_scalars_are_borrowed_and_transformed_ones_owned() {
        let text = "a: plain\nb: \"esc\\taped\"\nc: |\n  block\n";
        let yaml = parse(text, 0).expect("valid");
        let YamlValue::Map(entries) = yaml.value else {
            panic!("map")
        };
        assert!(matches!(entries[0].0.name, Cow::Borrowed("a")));
        assert!(matches!(
            &entries[0].1.value,
            YamlValue::String(Cow::Borrowed("plain"))
        ));
        assert!(matches!(&entries[1].1.value, YamlValue::String(s) if s == "esc\taped"));
        assert!(matches!(&entries[2].1.value, YamlValue::String(s) if s == "block\n"));
    }

    #[test]
    fn numbers_keep_their_spelling() {
        let yaml = parse("- 1.10\n- 0x1F\n", 0).expect("valid");
        let YamlValue::List(items) = yaml.value else {
            panic!("list")
        };
        assert!(matches!(&items[0].value, YamlValue::Number(n) if n == "1.10"));
        assert!(matches!(&items[1].value, YamlValue::Number(n) if n == "0x1F"));
    }

    #[test]
    fn spans_are_those_of_serde_saphyr_spanned() {
        #[derive(serde::Deserialize)]
        struct Document {
            a: serde_saphyr::Spanned<String>,
            b: serde_saphyr::Spanned<Vec<serde_saphyr::Spanned<String>>>,
            c: serde_saphyr::Spanned<String>,
        }
        let text = "a: &anchor first\nb:\n  - \"quoted\"\n  - |\n    block\nc: *anchor\n";
        let spanned: Document = serde_saphyr::from_str(text).expect("valid");
        let yaml = parse(text, 0).expect("valid");
        let YamlValue::Map(entries) = &yaml.value else {
            panic!("map")
        };
        let YamlValue::List(items) = &entries[1].1.value else {
            panic!("list")
        };
        let span = |location| span_of(location, text, 0);
        assert_eq!(entries[0].1.span, span(&spanned.a.referenced));
        assert_eq!(entries[1].1.span, span(&spanned.b.referenced));
        assert_eq!(items[0].span, span(&spanned.b.value[0].referenced));
        assert_eq!(items[1].span, span(&spanned.b.value[1].referenced));
        assert_eq!(entries[2].1.span, span(&spanned.c.referenced));
    }

    #[test]
    fn syntax_errors_have_a_position() {
        let error = parse("a: [\n", 0).expect_err("unclosed");
        assert!(error.span.is_some());
        assert!(error.message.contains("unclosed"), "{}", error.message);
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let error = parse("a: 1\na: 2\n", 0).expect_err("duplicate");
        assert_eq!(error.span.map(|s| s.start), Some(5), "{}", error.message);
    }
}
