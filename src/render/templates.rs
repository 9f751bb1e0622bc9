//! The templates of the site, compiled from the project's theme (read by
//! [`crate::load::theme`]), and rendered with a view and the interface labels.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera, Value};

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
}

impl Templates {
    /// Compiles the templates of `theme`, which it keeps for its assets and static files.
    /// A template that does not compile is told as a diagnostic, at
    /// `templates/NAME:LINE:COLUMN` when tera says where.
    pub fn new(theme: Theme) -> Result<Self, Box<Diagnostic>> {
        let labels = template_labels(&theme.templates);
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's default also escapes `/`, which bloats every href for no safety gain.
        tera.set_escape_fn(crate::escape::html);
        tera.add_raw_templates(theme.templates.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| {
                let message = chain(&e);
                let diagnostic = syntax_error(&message, &theme).unwrap_or_else(|| {
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
        match self.labels.get(name) {
            Some(labels) => context.insert("l", &labels[index]),
            None => context.insert("l", crate::labels::site(language)),
        }
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
            .map_err(|e| RenderError::Template {
                name: name.to_string(),
                message: chain(&e),
            })
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
            .map_err(|e| RenderError::Template {
                name: name.to_string(),
                message: chain(&e),
            })?;
        if language == Language::Fr
            && let Ok(html) = std::str::from_utf8(&out)
            && let std::borrow::Cow::Owned(spaced) = super::typography::french(html)
        {
            return Ok(spaced.into_bytes());
        }
        Ok(out)
    }

    /// The theme the templates were compiled from.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }
}

/// For each template, the labels it reads in each language: only those it names, or
/// all of them when it uses `l` in another way.
fn template_labels(sources: &[(&'static str, String)]) -> HashMap<&'static str, [Value; 2]> {
    let texts: HashMap<&str, &str> = sources.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let all = [Language::Fr, Language::En]
        .map(|language| serde_json::to_value(crate::labels::site(language)).unwrap_or(Value::Null));
    let mut labels = HashMap::new();
    for (name, _) in sources {
        let Some(used) = labels_used(name, &texts) else {
            continue;
        };
        let subset = all.clone().map(|every| match every {
            Value::Object(mut map) => {
                map.retain(|label, _| used.contains(label));
                Value::Object(map)
            }
            other => other,
        });
        labels.insert(*name, subset);
    }
    labels
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

/// A template syntax error as a diagnostic at `templates/NAME:LINE:COLUMN`, from tera's
/// message (`Failed to parse 'base.html':   --> 10:7 … = expected …`).
fn syntax_error(message: &str, theme: &Theme) -> Option<Diagnostic> {
    let rest = message.split_once("Failed to parse '")?.1;
    let (name, rest) = rest.split_once('\'')?;
    let (_, text) = theme.templates.iter().find(|(n, _)| *n == name)?;
    let position = rest.split_once("--> ")?.1;
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let line: usize = position[..digits(position)].parse().ok()?;
    let after = position[digits(position)..].strip_prefix(':')?;
    let column: usize = after[..digits(after)].parse().ok()?;
    let why = rest
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("= "))
        .unwrap_or("the template does not parse");
    let start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let line_text = text[start..].lines().next().unwrap_or_default();
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(i, _)| i);
    let file = SourceFile::new(format!("templates/{name}").into(), text.clone());
    let diagnostic = Diagnostic::at(
        Severity::Error,
        &file,
        Span::new(start + within, 1.min(line_text.len() - within)),
        format!("invalid template: {why}"),
    );
    Some(diagnostic.with_hint(FIX_HINT))
}
