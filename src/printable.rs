//! Text made safe to print on a terminal: control characters (which could move the
//! cursor, recolour or retitle the terminal, or hide text) and the bidirectional
//! overrides are shown escaped (`\x1b`, `\u{202e}`) instead of being sent raw.

use std::borrow::Cow;

/// Whether a character must not reach a terminal as it is. Tab and line feed are
/// kept; a carriage return is kept only before a line feed.
fn unsafe_char(c: char, next: Option<char>) -> bool {
    match c {
        '\t' | '\n' => false,
        '\r' => next != Some('\n'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => true,
        c => c.is_control(),
    }
}

/// The escaped form of an unsafe character.
fn escaped(c: char) -> String {
    match u32::from(c) {
        n @ 0..=0x7f => format!("\\x{n:02x}"),
        n => format!("\\u{{{n:x}}}"),
    }
}

/// `text` with every unsafe character escaped; borrowed when there is none.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text
        .chars()
        .any(|c| c.is_control() && c != '\n' || is_bidi(c))
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if unsafe_char(c, chars.peek().copied()) {
            out.push_str(&escaped(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// A file's text made printable, with the byte range `start..end` of the original
/// moved to where it falls in the printable text.
pub fn printable_with_range(text: &str, start: usize, end: usize) -> (Cow<'_, str>, usize, usize) {
    let printable = printable(text);
    let Cow::Owned(_) = &printable else {
        return (printable, start, end);
    };
    let moved = |offset: usize| {
        let before = &text[..floor_boundary(text, offset)];
        printable_len(before) + (offset - before.len())
    };
    let (start, end) = (moved(start), moved(end));
    (printable, start, end)
}

/// The length of `text` once made printable.
fn printable_len(text: &str) -> usize {
    let mut length = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        // A carriage return at the end of the prefix: taken as kept, the next
        // character is not known here (a small shift of a marker at worst).
        let next = chars.peek().copied().or(Some('\n'));
        length += if unsafe_char(c, next) {
            escaped(c).len()
        } else {
            c.len_utf8()
        };
    }
    length
}

/// The largest character boundary of `text` at or before `offset`.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_escaped() {
        assert_eq!(printable("a\u{1b}]0;x\u{7}b"), "a\\x1b]0;x\\x07b");
        assert_eq!(printable("line\r\nnext\tend"), "line\r\nnext\tend");
        assert_eq!(printable("over\rwrite"), "over\\x0dwrite");
        assert_eq!(printable("\u{202e}cod"), "\\u{202e}cod");
        assert!(matches!(printable("plain é"), Cow::Borrowed(_)));
    }

    #[test]
    fn ranges_follow_the_escapes() {
        let text = "a\u{1b}b: bad";
        let (shown, start, end) = printable_with_range(text, 5, 8);
        assert_eq!(&shown[start..end], "bad");
    }
}
