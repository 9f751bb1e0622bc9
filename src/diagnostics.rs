//! Diagnostics as data: every problem found in a run, with its file, position and hint,
//! collected across all stages and rendered together like a compiler does.

mod fold;
mod unknown;

pub use unknown::ActorNames;

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFiles;
use codespan_reporting::term::{self, Chars, Config};

use crate::printable::{printable, printable_with_range};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The content is wrong: the build fails.
    Error,
    /// The content is suspicious: the build goes on unless `--strict`.
    Warning,
}

/// A byte range inside one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Length in bytes (may be zero).
    pub len: usize,
}

impl Span {
    /// A span of `len` bytes starting at `start`.
    pub const fn new(start: usize, len: usize) -> Self {
        Self { start, len }
    }

    /// The same span moved `offset` bytes further into the file.
    #[must_use]
    pub const fn shifted(self, offset: usize) -> Self {
        Self {
            start: self.start + offset,
            len: self.len,
        }
    }
}

/// A file read from the project, kept to show the offending line of a diagnostic.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// Path as shown to the user, relative to the project root (`content/actors/x.yaml`).
    pub path: PathBuf,
    /// The whole text of the file, shared with the diagnostics that show it (the buffer
    /// read from disk, never copied).
    pub text: Arc<String>,
    /// Byte offset of the start of each line, computed for the first diagnostic.
    line_starts: OnceLock<Vec<usize>>,
}

impl SourceFile {
    /// Wraps the text of a file.
    pub fn new(path: PathBuf, text: impl Into<String>) -> Self {
        Self {
            path,
            text: Arc::new(text.into()),
            line_starts: OnceLock::new(),
        }
    }

    /// One-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line_starts = self.line_starts.get_or_init(|| {
            // A line ends at `\n`, and at a `\r` not followed by one (old Mac files).
            let bytes = self.text.as_bytes();
            let ends = bytes
                .iter()
                .enumerate()
                .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')));
            std::iter::once(0).chain(ends.map(|(i, _)| i + 1)).collect()
        });
        let line = line_starts.partition_point(|&s| s <= offset).max(1);
        let start = line_starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line, column)
    }
}

/// One problem found in the content.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the project root.
    pub path: PathBuf,
    /// One-based line; 0 when the problem concerns the whole file.
    pub line: usize,
    /// One-based column, in characters.
    pub column: usize,
    /// Where in the file, to underline it.
    pub span: Option<Span>,
    /// What is wrong, in one line.
    pub message: String,
    /// How to fix it, when there is something useful to say.
    pub hint: Option<String>,
    file: Option<Arc<String>>,
    /// Shown before the others: the reason a file could not be read.
    first: bool,
    /// A reference written here could not be resolved: what it points at is unknown.
    unresolved: bool,
    /// Another place that the problem involves, shown with its own label ("first used
    /// here").
    pub related: Option<Related>,
}

/// A second place of a problem, in the same file or another.
#[derive(Debug, Clone)]
pub struct Related {
    /// The file, relative to the project root.
    pub path: PathBuf,
    /// Its text.
    text: Arc<String>,
    /// Where in it.
    pub span: Span,
    /// What is there.
    pub label: String,
}

impl Related {
    /// The place `span` of `file`, labelled `label`.
    pub fn new(file: &SourceFile, span: Span, label: impl Into<String>) -> Self {
        Self {
            path: file.path.clone(),
            text: Arc::clone(&file.text),
            span,
            label: label.into(),
        }
    }
}

impl Diagnostic {
    /// A problem at a span of a file that was read.
    pub fn at(
        severity: Severity,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> Self {
        let (line, column) = file.line_column(span.start);
        Self {
            severity,
            path: file.path.clone(),
            line,
            column,
            span: Some(span),
            message: message.into(),
            hint: None,
            file: Some(Arc::clone(&file.text)),
            first: false,
            unresolved: false,
            related: None,
        }
    }

    /// A problem with a whole file (unreadable, misnamed…).
    pub fn file(severity: Severity, path: &Path, message: impl Into<String>) -> Self {
        Self {
            severity,
            path: path.to_path_buf(),
            line: 0,
            column: 0,
            span: None,
            message: message.into(),
            hint: None,
            file: None,
            first: false,
            unresolved: false,
            related: None,
        }
    }

    /// Adds a hint.
    #[must_use]
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// `path:line:column`, or just the path for whole-file problems.
    pub fn location(&self) -> String {
        if self.line == 0 {
            self.path.display().to_string()
        } else {
            format!("{}:{}:{}", self.path.display(), self.line, self.column)
        }
    }
}

/// Every diagnostic of a run, in the order found; sorted when rendered.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Records a diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records an error at a span.
    pub fn error(
        &mut self,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.items
            .push(Diagnostic::at(Severity::Error, file, span, message));
        self.items.last_mut().expect("just pushed")
    }

    /// Records a warning at a span.
    pub fn warning(
        &mut self,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        self.items
            .push(Diagnostic::at(Severity::Warning, file, span, message));
        self.items.last_mut().expect("just pushed")
    }

    /// Records the error of a reference (an id, a citation, a wiki-link) that could not
    /// be resolved, at a span.
    pub fn unresolved(
        &mut self,
        file: &SourceFile,
        span: Span,
        message: impl Into<String>,
    ) -> &mut Diagnostic {
        let diagnostic = self.error(file, span, message);
        diagnostic.unresolved = true;
        diagnostic
    }

    /// Whether a reference could not be resolved: then nothing can be said of what is
    /// cited or named nowhere.
    pub fn has_unresolved(&self) -> bool {
        self.items.iter().any(|d| d.unresolved)
    }

    /// Moves every diagnostic of `other` into this one.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Number of warnings.
    pub fn warning_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Warning)
            .count()
    }

    /// Whether the run failed: any error, or any warning when `strict`.
    pub fn failed(&self, strict: bool) -> bool {
        self.error_count() > 0 || (strict && self.warning_count() > 0)
    }

    /// True when nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The diagnostics sorted by file, line and column (errors first on a tie).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (!a.first, &a.path, a.line, a.column, a.severity, &a.message)
                .cmp(&(!b.first, &b.path, b.line, b.column, b.severity, &b.message))
        });
        items.dedup_by(|a, b| {
            a.path == b.path && a.line == b.line && a.column == b.column && a.message == b.message
        });
        items
    }

    /// Renders every diagnostic as rustc does, with the summary line last.
    /// `strict` counts warnings as errors in the summary's wording.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.render_listing(color, None);
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// Every diagnostic, sorted, as [`Diagnostics::render`] prints them, without the
    /// closing summary line; at most `per_kind` warnings of each kind (the same message
    /// but for the names quoted in it), then how many more there are and the counts by
    /// kind. Errors are all shown. `None` shows everything.
    pub fn render_listing(&self, color: bool, per_kind: Option<usize>) -> String {
        let mut out = Vec::new();
        let config = Config {
            chars: Chars::ascii(),
            ..Config::default()
        };
        let mut kinds = std::collections::BTreeMap::<String, usize>::new();
        for diagnostic in self.sorted() {
            let shown = if diagnostic.severity == Severity::Warning {
                let seen = kinds.entry(kind_of(&diagnostic.message)).or_default();
                *seen += 1;
                per_kind.is_none_or(|limit| *seen <= limit)
            } else {
                true
            };
            if shown {
                render_one(diagnostic, &config, color, &mut out);
            }
        }
        if let Some(limit) = per_kind {
            out.extend_from_slice(kinds_summary(&kinds, limit).as_bytes());
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// `N errors, M warnings`.
    pub fn summary(&self) -> String {
        let (errors, warnings) = (self.error_count(), self.warning_count());
        format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        )
    }
}

/// The kind of a message: the message with what it quotes left out, so that
/// `'Bazoum' is a name of both 'a' and 'b'` and `'Tiani' is a name of both 'c' and 'd'`
/// are of one kind.
fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        if c == '\'' {
            if !quoted {
                kind.push_str("'…'");
            }
            quoted = !quoted;
        } else if !quoted {
            kind.push(c);
        }
    }
    // A list of names is one kind however long: `'…', '…' and '…'` reads `'…' and '…'`.
    while kind.contains("'…', '…'") {
        kind = kind.replace("'…', '…'", "'…'");
    }
    kind
}

/// Warnings of a kind beyond `limit`, then the count of every kind of which more than
/// `limit` were found; empty when every warning was shown.
fn kinds_summary(kinds: &std::collections::BTreeMap<String, usize>, limit: usize) -> String {
    let hidden: usize = kinds.values().map(|n| n.saturating_sub(limit)).sum();
    if hidden == 0 {
        return String::new();
    }
    let mut out = format!(
        "{hidden} more warning{} not shown (--verbose shows them all); warnings by kind:\n",
        if hidden == 1 { "" } else { "s" }
    );
    let mut by_count: Vec<(&String, &usize)> = kinds.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (kind, count) in by_count {
        use std::fmt::Write as _;
        let _ = writeln!(out, "  {count:>7}  {kind}");
    }
    out
}

fn render_one(diagnostic: &Diagnostic, config: &Config, color: bool, out: &mut Vec<u8>) {
    if diagnostic.file.is_none() || diagnostic.span.is_none() {
        render_plain(diagnostic, out);
        return;
    }
    let lone = diagnostic
        .file
        .as_deref()
        .map(|text| lone_returns_as_line_feeds(text));
    let mut files = SimpleFiles::new();
    let name = printable(&diagnostic.path.display().to_string()).into_owned();
    let report = match diagnostic.severity {
        Severity::Error => Report::error(),
        Severity::Warning => Report::warning(),
    }
    .with_message(printable(&diagnostic.message));
    let report = match (&lone, diagnostic.span) {
        (Some(text), Some(span)) => {
            let end = (span.start + span.len).min(text.len());
            let start = span.start.min(end);
            let (text, start, end) = printable_with_range(text, start, end);
            let id = files.add(name.clone(), text.into_owned());
            let mut labels = vec![Label::primary(id, start..end)];
            if let Some(related) = &diagnostic.related {
                labels.push(related_label(related, &mut files, (&name, id)));
            }
            report.with_labels(labels)
        }
        _ => report,
    };
    let report = match &diagnostic.hint {
        Some(hint) => report.with_notes(vec![format!("hint: {}", printable(hint))]),
        None => report,
    };
    let written = if color {
        let mut buffer = term::termcolor::Buffer::ansi();
        let result = term::emit_to_write_style(&mut buffer, config, &files, &report);
        out.extend_from_slice(buffer.as_slice());
        result
    } else {
        term::emit_to_io_write(out, config, &files, &report)
    };
    if written.is_err() {
        render_plain(diagnostic, out);
    }
}

/// The secondary label of `related`, in the file of the primary one (`primary`: its name
/// and id) when it is the same file.
fn related_label(
    related: &Related,
    files: &mut SimpleFiles<String, String>,
    (primary_name, primary_id): (&str, usize),
) -> Label<usize> {
    let text = lone_returns_as_line_feeds(&related.text);
    let end = (related.span.start + related.span.len).min(text.len());
    let start = related.span.start.min(end);
    let (text, start, end) = printable_with_range(&text, start, end);
    let name = printable(&related.path.display().to_string()).into_owned();
    let id = if name == primary_name {
        primary_id
    } else {
        files.add(name, text.into_owned())
    };
    Label::secondary(id, start..end).with_message(printable(&related.label))
}

/// The text with each `\r` that ends a line alone made a `\n` (same length, so spans
/// hold), for the snippet printer, which knows only `\n`.
fn lone_returns_as_line_feeds(text: &str) -> std::borrow::Cow<'_, str> {
    let bytes = text.as_bytes();
    let lone = |i: usize| bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n');
    if !(0..bytes.len()).any(lone) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        out.push(if c == '\r' && next != Some('\n') {
            '\n'
        } else {
            c
        });
    }
    std::borrow::Cow::Owned(out)
}

/// A diagnostic without a line of the file to show (a whole-file problem).
fn render_plain(diagnostic: &Diagnostic, out: &mut Vec<u8>) {
    let mut text = format!(
        "{}: {}\n  --> {}\n",
        severity_word(diagnostic.severity),
        printable(&diagnostic.message),
        printable(&diagnostic.location())
    );
    if let Some(hint) = &diagnostic.hint {
        text.push_str("  = hint: ");
        text.push_str(&printable(hint));
        text.push('\n');
    }
    text.push('\n');
    out.extend_from_slice(text.as_bytes());
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// The known name closest to `word`, if it is close enough to be a likely typo; one that
/// differs from it only by case is the closest.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let word_lower = word.to_lowercase();
    if word.chars().count() <= 2 {
        return None;
    }
    known
        .into_iter()
        .map(|candidate| {
            (
                strsim::damerau_levenshtein(&word_lower, &candidate.to_lowercase()),
                candidate,
            )
        })
        // A name that differs only by case (`Events/`) is the likeliest of all.
        .filter(|&(distance, candidate)| {
            candidate != word
                && distance <= (candidate.chars().count().max(word.chars().count()) / 3).max(1)
        })
        .min_by_key(|&(distance, candidate)| (distance, candidate))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_of_names_is_one_kind_however_long() {
        assert_eq!(
            super::kind_of("'x' is an alias of both 'a', 'b', 'c' and 'd'"),
            super::kind_of("'y' is an alias of both 'e' and 'f'")
        );
        assert_eq!(
            super::kind_of("the event 'Bare 1' cites no source"),
            "the event '…' cites no source"
        );
    }

    #[test]
    fn line_and_column_count_characters_from_one() {
        let file = SourceFile::new("x".into(), "ab\nécd\n");
        assert_eq!(file.line_column(0), (1, 1));
        assert_eq!(file.line_column(3), (2, 1));
        assert_eq!(file.line_column(6), (2, 3));
        let old_mac = SourceFile::new("x".into(), "a\rbc\r\nd");
        assert_eq!(old_mac.line_column(3), (2, 2));
        assert_eq!(old_mac.line_column(6), (3, 1));
    }

    #[test]
    fn did_you_mean_finds_close_names_only() {
        assert_eq!(
            did_you_mean("alias", ["aliases", "name", "kind"]),
            Some("aliases")
        );
        assert_eq!(
            did_you_mean("tchani", ["abdourahamane-tchiani", "tchiani"]),
            Some("tchiani")
        );
        assert_eq!(did_you_mean("zzzzzz", ["aliases", "name"]), None);
    }
}
