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

/// The keys of a mapping that were written but could not be read (a wrong type, a value
/// out of its set, an item of a list that is not text): later checks must not take such
/// a key for absent, nor for its default value.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Unread(Vec<Box<str>>);

/// Stands for every key in [`Unread`]: the item itself could not be read.
const EVERY_KEY: &str = "*";

impl Unread {
    /// Every key: for an item that could not be read at all.
    pub fn everything() -> Self {
        Self(vec![EVERY_KEY.into()])
    }

    /// Whether the value of `key` was written but could not be read, wholly or in part.
    pub fn has(&self, key: &str) -> bool {
        self.0.iter().any(|k| &**k == key || &**k == EVERY_KEY)
    }

    /// Whether any of `keys` could not be read.
    pub fn any(&self, keys: &[&str]) -> bool {
        keys.iter().any(|key| self.has(key))
    }

    /// Whether every value written was read.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Reads the fields of one YAML mapping. Every problem goes to `diagnostics`; a field
/// with a problem reads as absent, so that checking goes on, and is remembered as
/// [`Unread`]. The unknown and the missing keys are reported when the reader is dropped,
/// together: an unknown key that is a misspelling of a missing required key is one
/// mistake, reported once.
pub struct MapReader<'a> {
    file: &'a SourceFile,
    entries: &'a [(YamlKey<'a>, Yaml<'a>)],
    span: Span,
    what: &'a str,
    known: &'a [&'static str],
    missing: Vec<&'static str>,
    unread: Vec<Box<str>>,
    diagnostics: &'a mut Diagnostics,
}

/// Keys written for another of the same meaning, too far apart in spelling to be found
/// as a typo: (written, meant).
const SYNONYMS: &[(&str, &str)] = &[
    ("date", "published"),
    ("headline", "title"),
    ("type", "kind"),
    // As Hugo, Zola and Jekyll front matter name them.
    ("description", "summary"),
    ("description", "note"),
    ("categories", "tags"),
    ("keywords", "tags"),
    ("lang", "language"),
    ("link", "url"),
    ("publisher", "outlet"),
    ("publication", "outlet"),
    ("byline", "author"),
];

impl<'a> MapReader<'a> {
    /// Starts reading `yaml` as the mapping of a `what` ("actor", "event"…) whose
    /// keys must be among `known`; the unknown ones are reported, with the nearest known
    /// one, when the reader is dropped.
    /// Returns `None` (after reporting) when `yaml` is not a mapping.
    pub fn new(
        file: &'a SourceFile,
        yaml: &'a Yaml<'a>,
        what: &'a str,
        known: &'a [&'static str],
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
        Some(Self {
            file,
            entries,
            span: yaml.span,
            what,
            known,
            missing: Vec::new(),
            unread: Vec::new(),
            diagnostics,
        })
    }

    /// The keys written whose values could not be read.
    pub fn unread(&self) -> Unread {
        Unread(self.unread.clone())
    }

    /// Remembers that the value of `key` could not be read.
    fn failed(&mut self, key: &str) {
        if !self.unread.iter().any(|k| &**k == key) {
            self.unread.push(key.into());
        }
    }

    /// Reports the unknown keys, each with the known key it likely stands for, and the
    /// missing required keys that no unknown key stands for.
    fn report_keys(&mut self) {
        let (file, what, known) = (self.file, self.what, self.known);
        let unknown: Vec<&YamlKey<'_>> = self
            .entries
            .iter()
            .map(|(key, _)| key)
            .filter(|key| !known.contains(&key.name.as_ref()))
            .collect();
        // A synonym known to mean a key wins over a key of near spelling (`publisher`
        // means `outlet`, not `published`).
        let near = |name: &str| {
            SYNONYMS
                .iter()
                .find(|(written, meant)| *written == name && known.contains(meant))
                .map(|(_, meant)| *meant)
                .or_else(|| did_you_mean(name, known.iter().copied()))
        };
        for key in &unknown {
            let guess = near(&key.name);
            let stands_for_missing = guess.and_then(|g| self.missing.iter().position(|m| *m == g));
            let hint = match (guess, stands_for_missing) {
                (Some(near), Some(at)) => {
                    self.missing.remove(at);
                    format!("did you mean `{near}`? (`{near}` is required)")
                }
                (Some(near), None) => format!("did you mean `{near}`?"),
                (None, _) => format!("the keys of {what} are: {}", known.join(", ")),
            };
            self.diagnostics
                .error(
                    file,
                    key.span,
                    format!("unknown key `{}` in {what}", key.name),
                )
                .hint = Some(hint);
        }
        for key in std::mem::take(&mut self.missing) {
            // Written, but with nothing after its colon.
            let empty = self.entries.iter().find(|(k, _)| k.name == key);
            let (span, message, hint) = match empty {
                Some((written, _)) => (
                    written.span,
                    format!("`{key}` has no value in {what}, and it is required"),
                    format!("write its value after `{key}:` on the same line"),
                ),
                None => (
                    Span::new(self.span.start, 0),
                    format!("missing required key `{key}` in {what}"),
                    format!("add `{key}: …` to {what}"),
                ),
            };
            self.diagnostics.error(file, span, message).hint = Some(hint);
        }
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

    fn missing(&mut self, key: &'static str) {
        if !self.missing.contains(&key) {
            self.missing.push(key);
        }
    }

    fn wrong_type(&mut self, key: &str, expected: &str, found: &Yaml<'_>) {
        self.failed(key);
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
            Some(text) => {
                self.comment_cut(key, &text, value.span);
                Some(Located::new(text, value.span))
            }
            None => {
                self.wrong_type(key, "text", value);
                None
            }
        }
    }

    /// Warns when an unquoted value is followed on its line by ` #word`: YAML reads it
    /// as a comment, so a hashtag (`title: Le mot-dièse #SEMgate`) or a number
    /// (`#2`) silently leaves the value. A comment written as such (`# …`, with a
    /// space after the sign) is left alone.
    fn comment_cut(&mut self, key: &str, value: &str, span: Span) {
        let Some((at, comment)) = comment_after(&self.file.text, span) else {
            return;
        };
        let (file, what) = (self.file, self.what);
        let kept = format!("{value} {comment}")
            .replace('\\', "\\\\")
            .replace('"', "\\\"");
        self.diagnostics
            .warning(
                file,
                Span::new(at, comment.len()),
                format!(
                    "`{comment}` after `{key}` of {what} is a YAML comment: it is not part of the value"
                ),
            )
            .hint = Some(format!("quote the value to keep it: {key}: \"{kept}\""));
    }

    /// A required text field.
    pub fn required_text(&mut self, key: &'static str) -> Option<Located<String>> {
        if self.get(key).is_none() {
            self.missing(key);
            return None;
        }
        let text = self.text(key)?;
        // A blank value is an error; it names nothing, so nothing is unknown for it.
        if text.value.trim().is_empty() {
            let (file, what) = (self.file, self.what);
            self.diagnostics
                .error(file, text.span, format!("`{key}` of {what} is blank"))
                .hint = Some(format!("write the {key} between the quotes"));
            return None;
        }
        Some(text)
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
        self.failed(key);
        let allowed: Vec<&str> = T::ALL.iter().map(|(w, _)| *w).collect();
        let (file, what) = (self.file, self.what);
        let diagnostic = self.diagnostics.error(
            file,
            value.span,
            format!("`{text}` is not a valid `{key}` of {what}"),
        );
        let same_but_case = allowed.iter().find(|w| w.eq_ignore_ascii_case(&text));
        let named = crate::labels::value_named(&text).filter(|v| allowed.contains(v));
        // A language tag with its region (`fr-FR`, `en_US`), as Hugo's `languageCode` is.
        let primary = text.split(['-', '_']).next().unwrap_or_default();
        let first_part = allowed.iter().find(|w| w.eq_ignore_ascii_case(primary));
        diagnostic.hint = Some(
            match same_but_case
                .or(first_part)
                .copied()
                .or(named)
                .or_else(|| did_you_mean(&text, allowed.iter().copied()))
            {
                Some(near) => format!("did you mean `{near}`? allowed: {}", allowed.join(", ")),
                None => format!("allowed: {}", allowed.join(", ")),
            },
        );
        None
    }

    /// A required field whose value is one word of a closed set.
    pub fn required_choice<T: Choice>(&mut self, key: &'static str) -> Option<Located<T>> {
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
        let read: Vec<T> = items
            .iter()
            .filter_map(|yaml| item(yaml, self.diagnostics))
            .collect();
        if read.len() < items.len() {
            self.failed(key);
        }
        read
    }

    /// A list of texts.
    /// An empty item is an error, but reads as nothing rather than as unreadable: it
    /// names nothing.
    pub fn text_list(&mut self, key: &str) -> Vec<Located<String>> {
        let (file, what) = (self.file, self.what);
        let owned_key = key.to_string();
        let mut texts = self.list(key, |yaml, diagnostics| match scalar_text(yaml) {
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
        });
        texts.retain(|text| {
            let empty = text.value.trim().is_empty();
            if empty {
                self.diagnostics
                    .error(
                        file,
                        text.span,
                        format!("an empty item in `{key}` of {what}"),
                    )
                    .hint = Some("remove it, or write its value".into());
            }
            !empty
        });
        texts
    }
}

impl Drop for MapReader<'_> {
    fn drop(&mut self) {
        self.report_keys();
    }
}

/// The date that `written` likely means, when it is one written another way: digits
/// without their zeros (`2024-2-3`), a month by name (`February 2024`), a day with its
/// month by name (`1er mars 2024`, `March 3, 2024`), a time after the day
/// (`2023-09-15T10:00:00Z`).
fn date_meant(written: &str) -> Option<String> {
    use crate::model::Date;
    let written = written.trim();
    let valid = |text: String| Date::parse(&text).is_ok().then_some(text);
    if let Some((day, _time)) = written.split_once(['T', ' '])
        && Date::parse(day).is_ok()
    {
        return Some(day.to_string());
    }
    let parts: Vec<&str> = written.split('-').collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[0].len() == 4
        && (2..=3).contains(&parts.len())
    {
        let padded: Vec<String> = std::iter::once(parts[0].to_string())
            .chain(
                parts[1..]
                    .iter()
                    .map(|p| format!("{:0>2}", p.trim_start_matches('0'))),
            )
            .collect();
        return valid(padded.join("-"));
    }
    if let Some((month, year)) = written.rsplit_once(' ')
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && let Some(number) = crate::suggest::dates::month_number(month.trim())
    {
        return valid(format!("{year}-{number:02}"));
    }
    if let [day] = crate::suggest::dates::explicit_days(written).as_slice() {
        return Some(day.to_string());
    }
    None
}

/// The days that `03/04/2024` (or `03.04.2024`, `3-4-2024`) can mean: day first, as
/// French and most languages write it, and month first, as American English does; the
/// impossible readings left out.
fn numeric_days(written: &str) -> Vec<String> {
    let parts: Vec<&str> = written.trim().split(['/', '.', '-']).collect();
    let [a, b, year] = parts.as_slice() else {
        return Vec::new();
    };
    let digits = |p: &str| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(a) || !digits(b) || year.len() != 4 || !year.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let day = |month: &str, day: &str| format!("{year}-{month:0>2}-{day:0>2}");
    let mut days = vec![day(b, a), day(a, b)];
    days.dedup();
    days.retain(|d| crate::model::Date::parse(d).is_ok());
    days
}

/// The hint for a date that is not one: the fix when the date can be read another way.
fn date_hint(key: &str, written: &str) -> String {
    const FORMS: &str = "YYYY, YYYY-MM or YYYY-MM-DD";
    match numeric_days(written).as_slice() {
        [only] => return format!("write `{key}: {only}` ({FORMS})"),
        [day_first, month_first] => {
            return format!(
                "write `{key}: {day_first}` if it is day/month/year, \
                 `{key}: {month_first}` if it is month/day/year ({FORMS})"
            );
        }
        _ => {}
    }
    match date_meant(written) {
        Some(meant) => format!("write `{key}: {meant}` ({FORMS})"),
        None => format!("write {FORMS}"),
    }
}

/// The comment that directly follows a plain (unquoted, one-line-ending) scalar at
/// `span` of `text` on its line, when it begins with `#` and a character that is not a
/// space (`#SEMgate`): where it starts, and itself, without the line's end.
fn comment_after(text: &str, span: Span) -> Option<(usize, &str)> {
    let first = text.get(span.start..)?.chars().next()?;
    if matches!(first, '"' | '\'' | '|' | '>' | '[' | '{') {
        return None;
    }
    let end = span.start + span.len;
    let rest = text.get(end..)?;
    let line = rest.split(['\n', '\r']).next().unwrap_or_default();
    let spaces = line.len() - line.trim_start_matches([' ', '\t']).len();
    let comment = line[spaces..].trim_end();
    let mut chars = comment.chars();
    (spaces > 0 && chars.next() == Some('#') && chars.next().is_some_and(|c| !c.is_whitespace()))
        .then_some((end + spaces, comment))
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
                self.failed(key);
                let file = self.file;
                self.diagnostics
                    .error(
                        file,
                        text.span,
                        format!("invalid date in `{key}`: {message}"),
                    )
                    .hint = Some(date_hint(key, &text.value));
                None
            }
        }
    }

    /// A required date field.
    pub fn required_date(&mut self, key: &'static str) -> Option<Located<crate::model::Date>> {
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
        self.failed(key);
        let file = self.file;
        self.diagnostics.error(file, text.span, message).hint = Some(format!(
            "only {allowed} addresses are allowed here, e.g. https://example.org/article"
        ));
        None
    }
}
