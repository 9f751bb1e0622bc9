//! The templates of the site, compiled from the project's theme (read by
//! [`crate::load::theme`]), and rendered with a view and the interface labels.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, ErrorKind, Tera, Value};

use super::RenderError;
use super::label_use::labels_used;
use crate::diagnostics::{Diagnostic, Severity, SourceFile, Span};
use crate::load::theme::Theme;
use crate::model::Language;

/// The theme of a project made ready to render: its templates compiled, beside the theme
/// itself (its assets and static files).
pub struct Templates {
    tera: Tera,
    theme: Theme,
    /// For each template, the labels it reads as `l`, in French and in English.
    labels: HashMap<&'static str, [Value; 2]>,
    /// Every label, in French and in English, for the templates that read `l` whole.
    all_labels: [Value; 2],
}

impl Templates {
    /// Compiles the templates of `theme`, which it keeps for its assets and static files.
    /// A template that does not compile is told as a diagnostic, at
    /// `templates/NAME:LINE:COLUMN` when tera says where.
    pub fn new(theme: Theme) -> Result<Self, Box<Diagnostic>> {
        let all = [Language::Fr, Language::En].map(|language| {
            serde_json::to_value(crate::labels::site(language)).unwrap_or_default()
        });
        let labels = template_labels(&theme.templates, &all);
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // Tera's default also escapes `/`, which bloats every href for no safety gain.
        tera.set_escape_fn(escape_html);
        // Filters must be known before the templates that use them are added.
        tera.register_filter("json_encode", json_encode);
        tera.add_raw_templates(theme.templates.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| {
                let message = chain(&e);
                let located = match e.kind() {
                    ErrorKind::SyntaxError(report) | ErrorKind::RenderingError(report) => {
                        syntax_error(report, &theme)
                    }
                    _ => reported(&message, &theme),
                };
                let diagnostic = located.unwrap_or_else(|| {
                    let path = named_template(&message, &theme).map_or_else(
                        || PathBuf::from("templates"),
                        |name| Path::new("templates").join(name),
                    );
                    let message = format!("invalid template: {message}");
                    Diagnostic::file(Severity::Error, &path, message).with_hint(FIX_HINT)
                });
                Box::new(diagnostic)
            })?;
        Ok(Self {
            tera,
            theme,
            labels,
            all_labels: all.map(|labels| Value::from_serializable(&labels)),
        })
    }

    /// The context of template `name`: the view, and the labels of `language` it reads
    /// as `l`.
    fn context(
        &self,
        name: &str,
        language: Language,
        view: &impl Serialize,
    ) -> Result<Context, RenderError> {
        let mut context = Context::from_serialize(view).map_err(|e| RenderError::Template {
            name: name.to_string(),
            message: chain(&e),
        })?;
        let index = usize::from(language == Language::En);
        let labels = self.labels.get(name).unwrap_or(&self.all_labels);
        // A value of tera shares its maps: this clone copies no label.
        context.insert_value("l", labels[index].clone());
        Ok(context)
    }

    /// Renders the template `name` with a view and the labels of `language`.
    pub fn render(
        &self,
        name: &str,
        language: Language,
        view: &impl Serialize,
    ) -> Result<String, RenderError> {
        let context = self.context(name, language, view)?;
        self.tera
            .render(name, &context)
            .map_err(|e| render_error(&e, name, &self.theme))
    }

    /// Renders the template `name` with a view and the labels of `language`, as bytes,
    /// a whole page: in French, with French no-break spaces ([`super::typography`]).
    pub fn render_bytes(
        &self,
        name: &str,
        language: Language,
        view: &impl Serialize,
    ) -> Result<Vec<u8>, RenderError> {
        let context = self.context(name, language, view)?;
        let mut out = Vec::with_capacity(16 * 1024);
        self.tera
            .render_to(name, &context, &mut out)
            .map_err(|e| render_error(&e, name, &self.theme))?;
        if language == Language::Fr
            && let std::borrow::Cow::Owned(spaced) = super::typography::french_bytes(&out)
        {
            return Ok(spaced);
        }
        Ok(out)
    }

    /// The theme the templates were compiled from.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }
}

/// For each template, the labels it reads in each language (of `all`, every label): only
/// those it names, or none listed when it uses `l` in another way and needs them all.
fn template_labels(
    sources: &[(&'static str, String)],
    all: &[serde_json::Value; 2],
) -> HashMap<&'static str, [Value; 2]> {
    let texts: HashMap<&str, &str> = sources.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let mut labels = HashMap::new();
    for (name, _) in sources {
        let Some(used) = labels_used(name, &texts) else {
            continue;
        };
        let subset = all.clone().map(|every| match every {
            serde_json::Value::Object(mut map) => {
                map.retain(|label, _| used.contains(label));
                Value::from_serializable(&map)
            }
            other => Value::from_serializable(&other),
        });
        labels.insert(*name, subset);
    }
    labels
}

/// The escaper of the pages: [`crate::escape::html`], written where tera renders.
fn escape_html(text: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    out.write_all(crate::escape::html(text).as_bytes())
}

/// The `json_encode` filter of tera 1, which tera 2 leaves to another crate: the value
/// as compact JSON, its keys in the order tera 1 wrote them.
fn json_encode(value: &Value, _: tera::Kwargs, _: &tera::State) -> tera::TeraResult<String> {
    serde_json::to_value(value)
        .and_then(|json| serde_json::to_string(&json))
        .map_err(|e| tera::Error::message(format!("cannot write the value as JSON: {e}")))
}

/// What went wrong rendering template `name`, at the place tera gives when it is in the
/// theme (`templates/base.html:12:7`, which may be a template that `name` extends).
fn render_error(error: &tera::Error, name: &str, theme: &Theme) -> RenderError {
    let message = match error.kind() {
        ErrorKind::RenderingError(report) | ErrorKind::SyntaxError(report) => {
            let message = format!("template {name}: {}", report.message());
            if let Some(located) = located(report, theme, message) {
                return RenderError::TemplateAt(Box::new(located.with_hint(RENDER_HINT)));
            }
            let span = report.span();
            format!(
                "{}, at templates/{}:{}:{}",
                report.message(),
                report.filename(),
                span.start_line,
                span.start_col + 1
            )
        }
        _ => chain(error),
    };
    RenderError::Template {
        name: name.to_string(),
        message,
    }
}

/// What to do with a template that does not render.
const RENDER_HINT: &str = "a template reads only what its page gives: fix it, or delete it from templates/ to use \
     the built-in one";

/// The first error of a report that tera wrote as text (its checks of the filters,
/// tests, functions and components a template calls: ``error: Unknown filter `x` ``,
/// then `--> base.html:3:41`), as a diagnostic at that place of the theme's template.
fn reported(message: &str, theme: &Theme) -> Option<Diagnostic> {
    let mut lines = message.lines();
    let what = lines.find_map(|l| l.split_once("error: ").map(|(_, w)| w))?;
    let what = what.rsplit("error: ").next().unwrap_or(what);
    let place = lines.find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let mut parts = place.rsplitn(3, ':');
    let column: usize = parts.next()?.parse().ok()?;
    let line: usize = parts.next()?.parse().ok()?;
    let name = parts.next()?;
    let (name, text) = theme.templates.iter().find(|(n, _)| *n == name)?;
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let line_text = text[line_start..].lines().next().unwrap_or_default();
    let start = line_start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
    let length = text[start..]
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(text.len() - start);
    let file = SourceFile::new(format!("templates/{name}").into(), text.clone());
    let diagnostic = Diagnostic::at(
        Severity::Error,
        &file,
        Span::new(start, length),
        format!("invalid template: {what}"),
    );
    let hint = super::template_hints::hint(text, start, what);
    Some(diagnostic.with_hint(hint.unwrap_or_else(|| FIX_HINT.to_string())))
}

/// What to do with a template that does not compile.
const FIX_HINT: &str = "fix the template, or delete it from templates/ to use the built-in one";

/// An error and its causes on one line: tera puts the useful part in the causes.
fn chain(error: &dyn std::error::Error) -> String {
    let mut message = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        message.push_str(": ");
        message.push_str(&cause.to_string());
        source = cause.source();
    }
    message
}

/// The template that tera's message names first (`Template 'tag.html' is inheriting…`).
fn named_template<'t>(message: &str, theme: &'t Theme) -> Option<&'t str> {
    let (name, _) = message.split_once("Template '")?.1.split_once('\'')?;
    theme
        .templates
        .iter()
        .map(|(known, _)| *known)
        .find(|known| *known == name)
}

/// The template of `theme` that `report` points into, and the span it marks there, up to
/// the end of its first line.
fn marked<'t>(
    report: &tera::ReportError,
    theme: &'t Theme,
) -> Option<(&'static str, &'t String, Span)> {
    let name = report.filename();
    let (name, text) = theme.templates.iter().find(|(n, _)| *n == name)?;
    let range = report.span().range.clone();
    let line_end = text
        .get(range.start..)?
        .find('\n')
        .map_or(text.len(), |i| range.start + i);
    let length = range.end.min(line_end).saturating_sub(range.start);
    Some((name, text, Span::new(range.start, length)))
}

/// A diagnostic with `message` at the place of `report` in a template of `theme`
/// (`templates/NAME:LINE:COLUMN`, the span marked up to the end of its first line).
fn located(report: &tera::ReportError, theme: &Theme, message: String) -> Option<Diagnostic> {
    let (name, text, span) = marked(report, theme)?;
    let file = SourceFile::new(format!("templates/{name}").into(), text.clone());
    Some(Diagnostic::at(Severity::Error, &file, span, message))
}

/// An error that tera locates in a template of `theme` (syntax, an unknown filter or
/// component…) as a diagnostic at `templates/NAME:LINE:COLUMN`.
fn syntax_error(report: &tera::ReportError, theme: &Theme) -> Option<Diagnostic> {
    let (_, text, span) = marked(report, theme)?;
    let diagnostic = located(
        report,
        theme,
        format!("invalid template: {}", report.message()),
    )?;
    // The tags of tera 1 that tera 2 no longer has.
    let hint = match text.get(span.start..span.start + span.len) {
        Some("macro" | "import") => "tera 2 has components instead of macros: \
                                     `{% component NAME(ARGS) %}`, called from any template \
                                     as `{{<NAME ARG={VALUE} />}}`, without an import"
            .to_string(),
        _ => super::template_hints::hint(text, span.start, report.message())
            .unwrap_or_else(|| FIX_HINT.to_string()),
    };
    Some(diagnostic.with_hint(hint))
}
