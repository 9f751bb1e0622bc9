//! Reading typed fields out of a [`Yaml`] mapping, reporting every unknown key, missing
//! key and wrong type of the mapping at once, each at its own position.

use crate::diagnostics::{Diagnostics, SourceFile, Span, did_you_mean};
use crate::load::yaml::{Yaml, YamlKey, YamlValue};
use crate::model::Choice;

/// A value with the span where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was written.
    pub span: Span,
}

impl<T> Located<T> {
    /// Wraps a value.
    pub const fn new(value: T, span: Span) -> Self {
        Self { value, span }
    }
}

/// Reads the fields of one YAML mapping. Every problem goes to `diagnostics`; a field
/// with a problem reads as absent, so that checking goes on.
pub struct MapReader<'a> {
    file: &'a SourceFile,
    entries: &'a [(YamlKey<'a>, Yaml<'a>)],
    span: Span,
    what: &'a str,
    diagnostics: &'a mut Diagnostics,
}

impl<'a> MapReader<'a> {
    /// Starts reading `yaml` as the mapping of a `what` ("actor", "event"…) whose
    /// keys must be among `known`. Reports unknown keys with the nearest known one.
    /// Returns `None` (after reporting) when `yaml` is not a mapping.
    pub fn new(
        file: &'a SourceFile,
        yaml: &'a Yaml<'a>,
        what: &'a str,
        known: &[&'static str],
        diagnostics: &'a mut Diagnostics,
    ) -> Option<Self> {
        let YamlValue::Map(entries) = &yaml.value else {
            diagnostics
                .error(
                    file,
                    yaml.span,
                    format!(
                        "expected {what} as a mapping of keys to values, found {}",
                        yaml.value.shape()
                    ),
                )
                .hint = Some(format!("the keys of {what} are: {}", known.join(", ")));
            return None;
        };
        for (key, _) in entries {
            if !known.contains(&key.name.as_ref()) {
                let diagnostic = diagnostics.error(
                    file,
                    key.span,
                    format!("unknown key `{}` in {what}", key.name),
                );
                diagnostic.hint = Some(match did_you_mean(&key.name, known.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the keys of {what} are: {}", known.join(", ")),
                });
            }
        }
        Some(Self {
            file,
            entries,
            span: yaml.span,
            what,
            diagnostics,
        })
    }

    /// The span of the whole mapping.
    pub fn span(&self) -> Span {
        self.span
    }

    /// The diagnostics sink, for checks the caller makes itself.
    pub fn diagnostics(&mut self) -> &mut Diagnostics {
        self.diagnostics
    }

    /// The file being read.
    pub fn file(&self) -> &'a SourceFile {
        self.file
    }

    /// The raw value of a key, when present and not null.
    pub fn get(&self, key: &str) -> Option<&'a Yaml<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v.value, YamlValue::Null))
    }

    fn missing(&mut self, key: &str) {
        let (file, span, what) = (self.file, self.span, self.what);
        self.diagnostics
            .error(
                file,
                Span::new(span.start, 0),
                format!("missing required key `{key}` in {what}"),
            )
            .hint = Some(format!("add `{key}: …` to {what}"));
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &Yaml<'_>) {
        let (file, what) = (self.file, self.what);
        let example = match expected {
            "a list" => {
                format!("write `{key}: [first, second]`, or one `- item` per line under `{key}:`")
            }
            "`true` or `false`" => format!("write `{key}: true` or `{key}: false`"),
            _ => format!("write `{key}: …` with {expected} after the colon (quote it if needed)"),
        };
        self.diagnostics
            .error(
                file,
                found.span,
                format!(
                    "`{key}` of {what} must be {expected}, found {}",
                    found.value.shape()
                ),
            )
            .hint = Some(example);
    }

    /// A text field. Numbers and booleans are taken as written.
    pub fn text(&mut self, key: &str) -> Option<Located<String>> {
        let value = self.get(key)?;
        match scalar_text(value) {
            Some(text) => Some(Located::new(text, value.span)),
            None => {
                self.wrong_type(key, "text", value);
                None
            }
        }
    }

    /// A required text field.
    pub fn required_text(&mut self, key: &str) -> Option<Located<String>> {
        if self.get(key).is_none() {
            self.missing(key);
            return None;
        }
        self.text(key)
    }

    /// A boolean field (`true` or `false`).
    pub fn boolean(&mut self, key: &str) -> Option<Located<bool>> {
        let value = self.get(key)?;
        if let YamlValue::Bool(b) = value.value {
            Some(Located::new(b, value.span))
        } else {
            self.wrong_type(key, "`true` or `false`", value);
            None
        }
    }

    /// A field whose value is one word of a closed set.
    pub fn choice<T: Choice>(&mut self, key: &str) -> Option<Located<T>> {
        let value = self.get(key)?;
        let Some(text) = scalar_text(value) else {
            self.wrong_type(key, "one word", value);
            return None;
        };
        if let Some((_, choice)) = T::ALL.iter().find(|(word, _)| *word == text) {
            return Some(Located::new(*choice, value.span));
        }
        let allowed: Vec<&str> = T::ALL.iter().map(|(w, _)| *w).collect();
        let (file, what) = (self.file, self.what);
        let diagnostic = self.diagnostics.error(
            file,
            value.span,
            format!("`{text}` is not a valid `{key}` of {what}"),
        );
        diagnostic.hint = Some(match did_you_mean(&text, allowed.iter().copied()) {
            Some(near) => format!("did you mean `{near}`? allowed: {}", allowed.join(", ")),
            None => format!("allowed: {}", allowed.join(", ")),
        });
        None
    }

    /// A required field whose value is one word of a closed set.
    pub fn required_choice<T: Choice>(&mut self, key: &str) -> Option<Located<T>> {
        if self.get(key).is_none() {
            self.missing(key);
            return None;
        }
        self.choice(key)
    }

    /// A list whose items are read by `item`; a single scalar is an error.
    pub fn list<T>(
        &mut self,
        key: &str,
        mut item: impl FnMut(&'a Yaml<'a>, &mut Diagnostics) -> Option<T>,
    ) -> Vec<T> {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let YamlValue::List(items) = &value.value else {
            self.wrong_type(key, "a list", value);
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|yaml| item(yaml, self.diagnostics))
            .collect()
    }

    /// A list of texts.
    pub fn text_list(&mut self, key: &str) -> Vec<Located<String>> {
        let (file, what) = (self.file, self.what);
        let owned_key = key.to_string();
        self.list(key, |yaml, diagnostics| match scalar_text(yaml) {
            Some(text) => Some(Located::new(text, yaml.span)),
            None => {
                diagnostics.error(
                    file,
                    yaml.span,
                    format!(
                        "each item of `{owned_key}` of {what} must be text, found {}",
                        yaml.value.shape()
                    ),
                );
                None
            }
        })
    }
}

/// The text of a scalar: strings as they are, numbers and booleans as written.
pub fn scalar_text(yaml: &Yaml<'_>) -> Option<String> {
    match &yaml.value {
        YamlValue::String(s) | YamlValue::Number(s) => Some(String::from(s.as_ref())),
        YamlValue::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl MapReader<'_> {
    /// A date field (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`).
    pub fn date(&mut self, key: &str) -> Option<Located<crate::model::Date>> {
        let text = self.text(key)?;
        match crate::model::Date::parse(&text.value) {
            Ok(date) => Some(Located::new(date, text.span)),
            Err(message) => {
                let file = self.file;
                self.diagnostics
                    .error(
                        file,
                        text.span,
                        format!("invalid date in `{key}`: {message}"),
                    )
                    .hint = Some("write YYYY, YYYY-MM or YYYY-MM-DD".into());
                None
            }
        }
    }

    /// A required date field.
    pub fn required_date(&mut self, key: &str) -> Option<Located<crate::model::Date>> {
        if self.get(key).is_none() {
            self.missing(key);
            return None;
        }
        self.date(key)
    }

    /// An address field: `http` or `https` only when `web_only`, else also `mailto`.
    pub fn url(&mut self, key: &str, web_only: bool) -> Option<Located<String>> {
        let text = self.text(key)?;
        let scheme = crate::link_safety::scheme(&text.value);
        let ok = if web_only {
            crate::link_safety::is_web_address(&text.value)
        } else {
            crate::link_safety::is_web_address(&text.value) || scheme.as_deref() == Some("mailto")
        };
        if ok {
            return Some(text);
        }
        let allowed = if web_only {
            "`http` and `https`"
        } else {
            "`http`, `https` and `mailto`"
        };
        let message = match scheme {
            Some(s) if !matches!(s.as_str(), "http" | "https" | "mailto") => {
                format!("the address in `{key}` uses the scheme `{s}:`, which is not allowed")
            }
            _ => format!("`{}` in `{key}` is not an absolute address", text.value),
        };
        let file = self.file;
        self.diagnostics.error(file, text.span, message).hint = Some(format!(
            "only {allowed} addresses are allowed here, e.g. https://example.org/article"
        ));
        None
    }
}
