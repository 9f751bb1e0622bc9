//! Whether the dossier already has the article being imported: a source with the same
//! address, or one that has the same paragraphs.

use rustc_hash::FxHashSet;

use super::Article;
use crate::model::Dossier;
use crate::paragraphs::number_blocks;

/// Paragraphs shorter than this (a dateline, "Photo: AFP") say nothing of a repeat.
const SHORTEST: usize = 40;

/// An address without its scheme, `www.`, trailing slash and case of the host.
fn address_key(url: &str) -> String {
    let rest = url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://")
        .trim_start_matches("www.");
    let (host, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    format!(
        "{}{}",
        host.to_ascii_lowercase(),
        path.trim_end_matches('/')
    )
}

/// A paragraph's text with its spacing folded.
fn text_key(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The warnings for the sources of `dossier` that have the article's address or text.
pub fn of(article: &Article, dossier: &Dossier) -> Vec<String> {
    let mut warnings = Vec::new();
    let address = article.url.as_deref().map(address_key);
    let texts: FxHashSet<String> = number_blocks(&article.body)
        .iter()
        .map(|p| text_key(&p.text))
        .filter(|t| t.chars().count() >= SHORTEST)
        .collect();
    for source in &dossier.sources {
        let path = source.path.display();
        if address.is_some() && source.url.as_deref().map(address_key) == address {
            warnings.push(format!(
                "source '{}' ({path}) has the same url: is this article already in the dossier?",
                source.id
            ));
        }
        let same = source
            .paragraphs
            .iter()
            .filter(|p| texts.contains(&text_key(&p.text)))
            .count();
        if same > 0 {
            warnings.push(format!(
                "source '{}' ({path}) has {same} of the same paragraphs: is this article already in the dossier?",
                source.id
            ));
        }
    }
    warnings
}
