//! The templates and the static assets of the site: the defaults are embedded in the
//! binary; a file of the same name in the project's `templates/` replaces one.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use tera::{Context, Tera, Value};

use super::RenderError;
use super::label_use::labels_used;
use crate::model::Language;

/// The default templates, by name.
const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/base.html")),
    ("header.html", include_str!("../../templates/header.html")),
    ("footer.html", include_str!("../../templates/footer.html")),
    ("macros.html", include_str!("../../templates/macros.html")),
    ("pager.html", include_str!("../../templates/pager.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("sources.html", include_str!("../../templates/sources.html")),
    ("source.html", include_str!("../../templates/source.html")),
    ("actors.html", include_str!("../../templates/actors.html")),
    ("actor.html", include_str!("../../templates/actor.html")),
    (
        "chronology.html",
        include_str!("../../templates/chronology.html"),
    ),
    (
        "chronology_year.html",
        include_str!("../../templates/chronology_year.html"),
    ),
    (
        "chronology_period.html",
        include_str!("../../templates/chronology_period.html"),
    ),
    ("tags.html", include_str!("../../templates/tags.html")),
    ("tag.html", include_str!("../../templates/tag.html")),
    ("search.html", include_str!("../../templates/search.html")),
    ("404.html", include_str!("../../templates/404.html")),
    (
        "briefing.html",
        include_str!("../../templates/briefing.html"),
    ),
    ("briefing.css", include_str!("../../templates/briefing.css")),
];

/// The default assets written under `assets/`, by name.
const ASSETS: &[(&str, &str)] = &[
    ("style.css", include_str!("../../templates/style.css")),
    ("site.js", include_str!("../../templates/site.js")),
    ("search.js", include_str!("../../templates/search.js")),
    ("favicon.svg", include_str!("../../templates/favicon.svg")),
    ("pictures.css", crate::pictures::PICTURES_CSS),
];

/// Every built-in template and asset that a file of the same name in the project's
/// `templates/` replaces, by name, with its default text.
pub fn defaults() -> impl Iterator<Item = (&'static str, &'static str)> {
    TEMPLATES.iter().chain(ASSETS).copied()
}

/// The templates of a project, ready to render, and its assets.
pub struct Templates {
    tera: Tera,
    assets: Vec<(String, Vec<u8>)>,
    /// For each template, the labels it reads as `l`, in French and in English.
    labels: HashMap<&'static str, [Value; 2]>,
}

impl Templates {
    /// The defaults, with the files of `root/templates/` of the same names instead.
    pub fn load(root: &Path) -> Result<Self, RenderError> {
        let folder = root.join("templates");
        let read = |name: &str, default: &str| -> Result<String, RenderError> {
            let path = folder.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(text),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(default.to_string()),
                Err(source) => Err(RenderError::Read { path, source }),
            }
        };
        let mut sources = Vec::new();
        for (name, default) in TEMPLATES {
            sources.push((*name, read(name, default)?));
        }
        let labels = template_labels(&sources);
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        // Tera's default also escapes `/`, which bloats every href for no safety gain.
        tera.set_escape_fn(crate::escape::html);
        let texts: HashMap<&str, String> = sources.iter().map(|(n, t)| (*n, t.clone())).collect();
        tera.add_raw_templates(sources).map_err(|e| {
            let message = chain(&e);
            syntax_error(&message, &texts).map_or_else(
                || RenderError::Template {
                    name: String::from("templates/"),
                    message,
                },
                |diagnostic| RenderError::TemplateSyntax(Box::new(diagnostic)),
            )
        })?;
        let mut assets = Vec::new();
        for (name, default) in ASSETS {
            assets.push(((*name).to_string(), read(name, default)?.into_bytes()));
        }
        Ok(Self {
            tera,
            assets,
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

    /// The assets (stylesheets, scripts, icon), by file name.
    pub fn assets(&self) -> &[(String, Vec<u8>)] {
        &self.assets
    }

    /// The asset `name` as text (the project's own when it has one), empty if unknown.
    pub fn asset_text(&self, name: &str) -> &str {
        self.assets
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
            .unwrap_or_default()
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

/// A template syntax error as a diagnostic at `templates/NAME:LINE:COLUMN`, from tera's
/// message (`Failed to parse 'base.html':   --> 10:7 … = expected …`).
fn syntax_error(
    message: &str,
    texts: &HashMap<&str, String>,
) -> Option<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::{Diagnostic, Severity, SourceFile, Span};
    let rest = message.split_once("Failed to parse '")?.1;
    let (name, rest) = rest.split_once('\'')?;
    let text = texts.get(name)?;
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
    Some(
        diagnostic
            .with_hint("fix the template, or delete it from templates/ to use the built-in one"),
    )
}
