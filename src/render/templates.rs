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
        tera.add_raw_templates(sources)
            .map_err(|e| RenderError::Template {
                name: String::from("templates/"),
                message: chain(&e),
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

    /// Renders the template `name` with a view and the labels of `language`, as bytes
    /// (no UTF-8 check on the way).
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
        Ok(out)
    }

    /// The assets (stylesheet, scripts), by file name.
    pub fn assets(&self) -> &[(String, Vec<u8>)] {
        &self.assets
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
