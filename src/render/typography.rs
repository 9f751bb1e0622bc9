//! French typography on rendered HTML: the space French writes before `:` `;` `!` `?`
//! `»`, after `«`, and between groups of digits (`1 000`) becomes a no-break space, so
//! that no line starts with the sign or splits the number. Only French text changes:
//! tags, attributes, the content of `pre`, `code`, `script`, `style` and `textarea`, and
//! that of an element whose `lang` is another language (a source's text in English or
//! German) are left as they are; a text with no such space is returned as it came.

use std::borrow::Cow;

/// Elements whose content is kept byte for byte.
const RAW: [&[u8]; 5] = [b"pre", b"code", b"script", b"style", b"textarea"];

/// Elements without content or end tag.
const VOID: [&[u8]; 13] = [
    b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta",
    b"source", b"track", b"wbr",
];

/// How many bytes are looked at together when skipping text that needs nothing.
const STRIDE: usize = 32;

/// `html` with French no-break spaces.
pub fn french(html: &str) -> Cow<'_, str> {
    match french_bytes(html.as_bytes()) {
        Cow::Borrowed(_) => Cow::Borrowed(html),
        // Only ASCII spaces were replaced, by whole characters: still UTF-8.
        Cow::Owned(bytes) => String::from_utf8(bytes).map_or(Cow::Borrowed(html), Cow::Owned),
    }
}

/// [`french`] on the bytes of an HTML page (UTF-8), for pages rendered as bytes.
pub fn french_bytes(html: &[u8]) -> Cow<'_, [u8]> {
    let mut out: Option<Vec<u8>> = None;
    let mut copied = 0;
    let mut at = 0;
    while let Some(found) = next_marker(html, at) {
        if html[found] == b'<' {
            at = after_tag(html, found);
            continue;
        }
        for space in spaces_beside(html, found) {
            if space < copied || html[space] != b' ' {
                continue;
            }
            if let Some(no_break) = no_break(html, space) {
                let out = out.get_or_insert_with(|| Vec::with_capacity(html.len() + 64));
                out.extend_from_slice(&html[copied..space]);
                out.extend_from_slice(no_break.as_bytes());
                copied = space + 1;
            }
        }
        at = found + 1;
    }
    match out {
        Some(mut out) => {
            out.extend_from_slice(&html[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    }
}

/// Whether `byte` opens a tag or may stand beside a space that becomes a no-break one:
/// `<`, a digit, `:` `;` `!` `?`, or the last byte of `«` or `»` (written so that the
/// compiler checks many bytes at once).
#[expect(
    clippy::needless_bitwise_bool,
    reason = "without branches, so that the compiler checks many bytes at once"
)]
fn is_marker(byte: u8) -> bool {
    // `0`–`9`, `:`, `;` and `<` are the thirteen bytes from 0x30.
    (byte.wrapping_sub(b'0') < 13) | (byte == b'!') | (byte == b'?') | ((byte | 0x10) == 0xBB)
}

/// The first marker ([`is_marker`]) at or after `at`.
fn next_marker(html: &[u8], mut at: usize) -> Option<usize> {
    while at + STRIDE <= html.len() {
        let chunk = &html[at..at + STRIDE];
        if chunk.iter().fold(false, |any, &b| any | is_marker(b)) {
            break;
        }
        at += STRIDE;
    }
    html.get(at..)?
        .iter()
        .position(|&b| is_marker(b))
        .map(|offset| at + offset)
}

/// Where a space that the marker at `at` may turn into a no-break one can be: before a
/// sign or a digit, two bytes before `»`, after `«`.
fn spaces_beside(html: &[u8], at: usize) -> impl Iterator<Item = usize> {
    let space = match html[at] {
        0xBB if at >= 2 && html[at - 1] == 0xC2 => Some(at - 2),
        0xAB if at >= 1 && html[at - 1] == 0xC2 => Some(at + 1),
        0xAB | 0xBB => None,
        _ => at.checked_sub(1),
    };
    space.filter(|&space| space < html.len()).into_iter()
}

/// The no-break space that the space at `at` should be, if any.
fn no_break(html: &[u8], at: usize) -> Option<&'static str> {
    let after = &html[at + 1..];
    match after {
        [b':', ..] | [0xC2, 0xBB, ..] => return Some("\u{a0}"),
        [b';' | b'!' | b'?', ..] => return Some("\u{202f}"),
        _ => {}
    }
    let before = &html[..at];
    if before.ends_with("«".as_bytes()) {
        return Some("\u{a0}");
    }
    let digits = after.len() >= 3 && after[..3].iter().all(u8::is_ascii_digit);
    let ends = after.get(3).is_none_or(|b| !b.is_ascii_digit());
    let after_digit = before.last().is_some_and(u8::is_ascii_digit);
    (after_digit && digits && ends).then_some("\u{202f}")
}

/// Where the text resumes after the tag opening at `at`: past its `>`, and past the
/// content of a raw element or of an element in another language, up to its end tag.
fn after_tag(html: &[u8], at: usize) -> usize {
    let rest = &html[at + 1..];
    let close = memchr::memchr(b'>', rest).map_or(html.len(), |end| at + 1 + end + 1);
    let name_len = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    let name = &rest[..name_len];
    let raw = RAW.iter().any(|r| r.eq_ignore_ascii_case(name));
    if html[..close].ends_with(b"/>") || name.is_empty() {
        return close;
    }
    if !raw {
        return if foreign(&html[at..close]) && !VOID.iter().any(|v| v.eq_ignore_ascii_case(name)) {
            end_of_element(html, close, name)
        } else {
            close
        };
    }
    // The generator and pulldown-cmark write their tags in lower case.
    let mut end = b"</".to_vec();
    end.extend(name.iter().map(u8::to_ascii_lowercase));
    memchr::memmem::find(&html[close..], &end).map_or(html.len(), |found| close + found)
}

/// Whether the start tag `tag` says its content is in a language other than French
/// (`lang="en"`, `lang="de-CH"`; `lang="fr-CA"` is French).
fn foreign(tag: &[u8]) -> bool {
    // Every tag is looked at: by its few `=`, not by a search for the whole word.
    for equals in memchr::memchr_iter(b'=', tag) {
        let named = equals >= 5
            && &tag[equals - 4..equals] == b"lang"
            // Not `hreflang`, `xml:lang`…: the element's own language.
            && tag[equals - 5].is_ascii_whitespace()
            && tag.get(equals + 1) == Some(&b'"');
        if named {
            let value = &tag[equals + 2..];
            let end = memchr::memchr(b'"', value).unwrap_or(value.len());
            let primary = value[..end]
                .split(|&b| b == b'-')
                .next()
                .unwrap_or_default();
            return !primary.eq_ignore_ascii_case(b"fr");
        }
    }
    false
}

/// Where the end tag of the element `name` whose content starts at `from` begins
/// (elements of the same name inside it counted), or the end of `html`.
fn end_of_element(html: &[u8], from: usize, name: &[u8]) -> usize {
    let mut depth = 1usize;
    let mut at = from;
    while let Some(offset) = memchr::memchr(b'<', &html[at..]) {
        let tag = at + offset;
        let rest = &html[tag + 1..];
        let (closing, rest) = match rest.split_first() {
            Some((b'/', rest)) => (true, rest),
            _ => (false, rest),
        };
        let named = rest.len() > name.len()
            && rest[..name.len()].eq_ignore_ascii_case(name)
            && matches!(rest[name.len()], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r');
        if named && closing {
            depth -= 1;
            if depth == 0 {
                return tag;
            }
        } else if named {
            depth += 1;
        }
        at = tag + 1;
    }
    html.len()
}

#[cfg(test)]
mod tests {
    use super::french;

    #[test]
    fn spaces_before_signs_after_quotes_and_in_numbers() {
        assert_eq!(
            french(
                "<p title=\"a : b\">Il dit : « oui » ; 1 000 soldats, 12 345 678 ! Vraiment ?</p>"
            ),
            "<p title=\"a : b\">Il dit\u{a0}: «\u{a0}oui\u{a0}»\u{202f}; 1\u{202f}000 soldats, 12\u{202f}345\u{202f}678\u{202f}! Vraiment\u{202f}?</p>"
        );
    }

    #[test]
    fn a_sign_anywhere_in_a_long_text() {
        for lead in 0..80 {
            let text = "x".repeat(lead);
            let html = format!("<p>{text} « a » b : c</p><pre>{text} d : e</pre>");
            let expected =
                format!("<p>{text} «\u{a0}a\u{a0}» b\u{a0}: c</p><pre>{text} d : e</pre>");
            assert_eq!(french(&html), expected, "after {lead} letters");
        }
    }

    #[test]
    fn code_and_years_stay() {
        let html = "<pre><code>a : b</code></pre><p>de 2023 2024, <code>x ; y</code> z ?</p>";
        assert_eq!(
            french(html),
            "<pre><code>a : b</code></pre><p>de 2023 2024, <code>x ; y</code> z\u{202f}?</p>"
        );
        assert!(matches!(
            french("<p>rien</p>"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn text_in_another_language_is_left_alone() {
        let html = "<p>Il dit : oui</p><div class=\"body\" lang=\"en\"><div>He said : yes 2024 100</div>\
                    <p>Why ?</p></div><p lang=\"fr-CA\">Quoi ?</p><img lang=\"de\" alt=\"\"><p>Non !</p>";
        let spaced = french(html);
        assert_eq!(
            spaced,
            html.replace("dit :", "dit\u{a0}:")
                .replace("Quoi ?", "Quoi\u{202f}?")
                .replace("Non !", "Non\u{202f}!")
        );
    }
}
