//! The text of a source after its front matter, kept as a part of the file's text rather
//! than a copy of it: the bodies are most of a dossier's bytes.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// The Markdown body of a source: reads as the `str` it is, shares the file's buffer.
#[derive(Clone, PartialEq, Eq)]
pub struct Body {
    file: Arc<String>,
    start: usize,
}

impl Body {
    /// The text of `file` from byte `start` on (all of it if `start` is not the start of
    /// a character; nothing if it is past the end).
    pub fn new(file: Arc<String>, start: usize) -> Self {
        let start = if start >= file.len() {
            file.len()
        } else if file.is_char_boundary(start) {
            start
        } else {
            0
        };
        Self { file, start }
    }
}

impl From<&str> for Body {
    fn from(text: &str) -> Self {
        Self::new(Arc::new(text.to_string()), 0)
    }
}

impl Deref for Body {
    type Target = str;

    fn deref(&self) -> &str {
        self.file.get(self.start..).unwrap_or_default()
    }
}

impl AsRef<str> for Body {
    fn as_ref(&self) -> &str {
        self
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_as_the_text_after_its_start() {
        let file = Arc::new(String::from("---\ntitle: é\n---\nBody"));
        let body = Body::new(Arc::clone(&file), 18);
        assert_eq!(&*body, "Body");
        assert_eq!(&*Body::new(Arc::clone(&file), 99), "");
        assert_eq!(&*Body::new(file, 12), "---\ntitle: é\n---\nBody");
    }
}
