//! Better words for an unknown id when the writer's mistake can be seen: a name or an
//! alias written where the id goes (`actors: [Washington]`), or paragraphs listed after
//! one source (`x#p1,p3`, which YAML reads as the two items `x#p1` and `p3`).

use super::{Diagnostics, Severity};

/// An actor's id with its name and aliases, to recognise them.
pub struct ActorNames {
    /// The id.
    pub id: String,
    /// The display name.
    pub name: String,
    /// The aliases.
    pub aliases: Vec<String>,
}

impl Diagnostics {
    /// Rewords the `unknown … 'X'` errors where `X` is an actor's name or alias, or a
    /// bare paragraph (`p3`) after a citation of a source's paragraph.
    pub fn explain_unknown_ids(&mut self, actors: &[ActorNames]) {
        for item in &mut self.items {
            if item.severity != Severity::Error {
                continue;
            }
            let Some(id) = super::fold::unknown_id(&item.message) else {
                continue;
            };
            let id = id.to_string();
            if let Some((actor, what)) = named(actors, &id) {
                item.message = format!("'{id}' is {what} of '{}', not its id", actor.id);
                item.hint = Some(format!("write the id: {}", actor.id));
            } else if is_paragraph(&id)
                && let (Some(text), Some(span)) = (&item.file, item.span)
                && let Some(source) = cited_before(text.get(..span.start).unwrap_or_default())
            {
                let previous = text
                    .get(..span.start)
                    .and_then(|t| t.rsplit_once('#'))
                    .map(|(_, p)| p.trim_end_matches([',', ' ']).to_string())
                    .unwrap_or_default();
                item.message = format!("'{id}' is a paragraph, not a source");
                item.hint = Some(format!("write {source}#{previous}, {source}#{id}"));
            }
        }
    }
}

/// The actor whose name or alias is `written` (case aside), and which of the two.
fn named<'a>(actors: &'a [ActorNames], written: &str) -> Option<(&'a ActorNames, &'static str)> {
    let same = |other: &String| other.trim().eq_ignore_ascii_case(written.trim());
    actors
        .iter()
        .find(|a| same(&a.name))
        .map(|a| (a, "the name"))
        .or_else(|| {
            actors
                .iter()
                .find(|a| a.aliases.iter().any(same))
                .map(|a| (a, "an alias"))
        })
}

/// `p3` or `p3-p5`.
fn is_paragraph(id: &str) -> bool {
    let number = |p: &str| {
        p.strip_prefix('p')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    match id.split_once('-') {
        Some((a, b)) => number(a) && number(b),
        None => number(id),
    }
}

/// The source of the citation written just before (`x#p1, ` → `x`), on the same line.
fn cited_before(before: &str) -> Option<&str> {
    let line = before.rsplit('\n').next()?;
    let trimmed = line.trim_end_matches([',', ' ']);
    let (head, paragraph) = trimmed.rsplit_once('#')?;
    if !is_paragraph(paragraph) {
        return None;
    }
    let start = head
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .map_or(0, |i| i + 1);
    let source = &head[start..];
    (!source.is_empty()).then_some(source)
}
