//! The templates and the static assets of the site: the defaults are embedded in the
//! binary; a file of the same name in the project's `templates/` replaces one.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;
use tera::{Context, ErrorKind, Tera, Value};

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
    /// Every label, in French and in English, for the templates that read `l` whole.
    all_labels: [Value; 2],
    /// The text of each template, to point at the line of an error.
    texts: HashMap<&'static str, String>,
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
        let all = [Language::Fr, Language::En].map(|language| {
            serde_json::to_value(crate::labels::site(language)).unwrap_or_default()
        });
        let labels = template_labels(&sources, &all);
        let mut tera = Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // Tera's default also escapes `/`, which bloats every href for no safety gain.
        tera.set_escape_fn(escape_html);
        // Filters must be known before the templates that use them are added.
        tera.register_filter("json_encode", json_encode);
        let texts: HashMap<&'static str, String> = sources.iter().cloned().collect();
        if let Err(e) = tera.add_raw_templates(sources) {
            return Err(template_error(&e, "templates/", &texts));
        }
        let mut assets = Vec::new();
        for (name, default) in ASSETS {
            assets.push(((*name).to_string(), read(name, default)?.into_bytes()));
        }
        Ok(Self {
            tera,
            assets,
            labels,
            all_labels: all.map(|labels| Value::from_serializable(&labels)),
            texts,
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
            .map_err(|e| template_error(&e, name, &self.texts))
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
            .map_err(|e| template_error(&e, name, &self.texts))?;
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

/// A tera error as a [`RenderError`]: one that tera locates in a template (syntax, an
/// unknown filter or variable…) as a diagnostic at `templates/NAME:LINE:COLUMN`, told like
/// a problem of the content; any other with its message, as from template `name`.
fn template_error(
    error: &tera::Error,
    name: &str,
    texts: &HashMap<&'static str, String>,
) -> RenderError {
    let located = match error.kind() {
        ErrorKind::SyntaxError(report) => diagnostic(report, texts, "invalid template"),
        ErrorKind::RenderingError(report) => {
            diagnostic(report, texts, "the template does not render")
        }
        _ => None,
    };
    located.map_or_else(
        || RenderError::Template {
            name: name.to_string(),
            message: chain(error),
        },
        |diagnostic| RenderError::TemplateSyntax(Box::new(diagnostic)),
    )
}

/// The diagnostic of an error tera located in one of `texts`, told as `what: why`.
fn diagnostic(
    report: &tera::ReportError,
    texts: &HashMap<&'static str, String>,
    what: &str,
) -> Option<crate::diagnostics::Diagnostic> {
    use crate::diagnostics::{Diagnostic, Severity, SourceFile, Span};
    let name = report.filename();
    let text = texts.get(name)?;
    let range = report.span().range.clone();
    // The mark covers the span, up to the end of its first line.
    let line_end = text
        .get(range.start..)?
        .find('\n')
        .map_or(text.len(), |i| range.start + i);
    let length = range.end.min(line_end).saturating_sub(range.start);
    let file = SourceFile::new(format!("templates/{name}").into(), text.clone());
    let diagnostic = Diagnostic::at(
        Severity::Error,
        &file,
        Span::new(range.start, length),
        format!("{what}: {}", report.message()),
    );
    // The tags of tera 1 that tera 2 no longer has.
    let hint = match text.get(range.start..range.start + length) {
        Some("macro" | "import") => {
            "tera 2 has components instead of macros: `{% component NAME(ARGS) %}`, called \
             from any template as `{{<NAME ARG={VALUE} />}}`, without an import"
        }
        _ => "fix the template, or delete it from templates/ to use the built-in one",
    };
    Some(diagnostic.with_hint(hint))
}
