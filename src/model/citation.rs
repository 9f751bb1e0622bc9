//! Citations (`id`, `id#p4`, `id#p4-p6`).

use std::fmt;

use super::id::is_valid_id;
use crate::paragraphs::{ANCHOR_PREFIX, anchor, anchor_number};

/// A citation as written, before the source is looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CitationText {
    /// The id of the cited source.
    pub id: String,
    /// The first and last cited paragraph numbers, when paragraphs are cited.
    pub paragraphs: Option<(u32, u32)>,
}

impl CitationText {
    /// Parses `id`, `id#p4` or `id#p4-p6`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let (id, anchor) = match text.split_once('#') {
            Some((id, anchor)) => (id, Some(anchor)),
            None => (text, None),
        };
        if !is_valid_id(id) {
            return Err(format!(
                "`{id}` is not a valid id (lowercase letters, digits and `-`)"
            ));
        }
        let paragraphs = match anchor {
            None => None,
            Some(anchor) => {
                let bad = || {
                    if numbers_zero(anchor) {
                        return format!(
                            "`#{anchor}` is not a paragraph reference: paragraphs are \
                             numbered from `#p1`"
                        );
                    }
                    let fix = numbered(anchor).unwrap_or_else(|| "#p4` or `#p4-p6`".into());
                    format!("`#{anchor}` is not a paragraph reference: write `{fix}")
                };
                let number = anchor_number;
                let (first, last) = match anchor.split_once('-') {
                    Some((a, b)) => (number(a).ok_or_else(bad)?, number(b).ok_or_else(bad)?),
                    None => {
                        let n = number(anchor).ok_or_else(bad)?;
                        (n, n)
                    }
                };
                if last < first {
                    return Err(format!(
                        "the range `#{anchor}` ends before it starts: write `#p{last}-p{first}`"
                    ));
                }
                Some((first, last))
            }
        };
        Ok(Self {
            id: id.to_string(),
            paragraphs,
        })
    }
}

/// A resolved citation: a source, and optionally paragraphs of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Citation {
    /// Index of the source in [`crate::model::Dossier::sources`].
    pub source: usize,
    /// First and last paragraph, when paragraphs are cited.
    pub paragraphs: Option<(u32, u32)>,
}

impl Citation {
    /// The anchor of the first cited paragraph (`p4`), if any.
    pub fn anchor(&self) -> Option<String> {
        self.paragraphs.map(|(first, _)| anchor(first))
    }

    /// Whether the citation covers paragraph `number`.
    pub fn covers(&self, number: u32) -> bool {
        self.paragraphs
            .is_some_and(|(first, last)| (first..=last).contains(&number))
    }

    /// The paragraph part as written: `§4` or `§4–6`, empty for a whole source.
    pub fn paragraph_label(&self) -> String {
        match self.paragraphs {
            Some((a, b)) if a == b => format!("§{a}"),
            Some((a, b)) => format!("§{a}–{b}"),
            None => String::new(),
        }
    }
}

impl fmt::Display for CitationText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.id)?;
        match self.paragraphs {
            Some((a, b)) if a == b => write!(f, "#{ANCHOR_PREFIX}{a}"),
            Some((a, b)) => write!(f, "#{ANCHOR_PREFIX}{a}-{ANCHOR_PREFIX}{b}"),
            None => Ok(()),
        }
    }
}

/// Whether `anchor` names a paragraph 0 (`p0`, `p00`, `p0-p3`): numbers start at 1.
fn numbers_zero(anchor: &str) -> bool {
    anchor.split('-').any(|part| {
        let digits = part.strip_prefix(ANCHOR_PREFIX).unwrap_or(part);
        !digits.is_empty() && digits.bytes().all(|b| b == b'0')
    })
}

/// The paragraph reference that `anchor` likely means, when it is paragraph numbers
/// written another way (`§2` → `#p2`, `para 3-5` → `#p3-p5`), with its closing backquote.
fn numbered(anchor: &str) -> Option<String> {
    let number = |part: &str| {
        let digits = part
            .trim()
            .trim_start_matches(|c: char| !c.is_ascii_digit());
        (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.trim_start_matches('0').to_string())
            .filter(|d| !d.is_empty())
    };
    match anchor.split_once('-') {
        Some((a, b)) => Some(format!("#p{}-p{}`", number(a)?, number(b)?)),
        None => Some(format!("#p{}`", number(anchor)?)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_parse_all_three_forms() {
        assert_eq!(CitationText::parse("x").map(|c| c.paragraphs), Ok(None));
        assert_eq!(
            CitationText::parse("x#p4").map(|c| c.paragraphs),
            Ok(Some((4, 4)))
        );
        assert_eq!(
            CitationText::parse("x#p4-p6").map(|c| c.paragraphs),
            Ok(Some((4, 6)))
        );
        assert!(CitationText::parse("x#p6-p4").is_err());
        assert!(CitationText::parse("x#4").is_err());
        assert!(CitationText::parse("x#p0").is_err());
        assert!(CitationText::parse("x#p").is_err());
        assert!(CitationText::parse("X#p1").is_err());
        assert_eq!(
            CitationText::parse("x#p4-p6").map(|c| c.to_string()),
            Ok("x#p4-p6".into())
        );
    }
}
