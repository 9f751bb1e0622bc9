//! Escaping text from the content for the markup written around it: [`html`] for the
//! pages (tera's escaper too), [`xml`] for the XML files (the Atom feed, the sitemap,
//! SVG). Each has a `push_` form that appends to a string.

/// `text` with `&`, `<`, `>`, `"` and `'` escaped (and NUL written as U+FFFD, as a
/// browser shows it): safe in HTML element content and in quoted attribute values.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_html(&mut out, text);
    out
}

/// `text` escaped for an XML text node or a quoted attribute value.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_xml(&mut out, text);
    out
}

/// The bytes [`push_xml`] stops at: markup characters and quotes, the control
/// characters XML 1.0 forbids, and 0xEF, the first byte of U+FFFE and U+FFFF.
const XML_SPECIAL: [bool; 256] = {
    let mut special = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        special[byte] = !matches!(byte, 0x09 | 0x0A | 0x0D);
        byte += 1;
    }
    let mut k = 0;
    let markup = *b"&<>\"'\xEF";
    while k < markup.len() {
        special[markup[k] as usize] = true;
        k += 1;
    }
    special
};

/// Appends `text` escaped for XML to `out`: the five markup characters as in
/// [`push_html`], which is the XML rule too; a character XML 1.0 does not allow in a
/// document at all (control characters but tab and line ends, U+FFFE, U+FFFF) is
/// dropped, here and nowhere else. Runs of plain text are copied whole.
pub fn push_xml(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    let mut i = 0;
    while let Some(skip) = bytes[i..].iter().position(|&b| XML_SPECIAL[usize::from(b)]) {
        i += skip;
        let (replacement, length) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            // U+FFFE and U+FFFF (EF BF BE and EF BF BF in UTF-8).
            0xEF if matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])) => ("", 3),
            0xEF => {
                i += 1;
                continue;
            }
            _ => ("", 1),
        };
        out.push_str(&text[plain..i]);
        out.push_str(replacement);
        i += length;
        plain = i;
    }
    out.push_str(&text[plain..]);
}

/// Appends `text` escaped for HTML to `out`; runs of plain text are copied whole.
pub fn push_html(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut plain = 0;
    while let Some(skip) = next_markup(&bytes[plain..]) {
        let at = plain + skip;
        out.push_str(&text[plain..at]);
        out.push_str(match bytes[at] {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => "\u{FFFD}",
        });
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
}

/// The bytes that [`push_html`] replaces.
const MARKUP: [u8; 6] = *b"&<>\"'\0";

/// Where the first byte that needs escaping is in `bytes`.
///
/// Nearly every string of a page has none: the bytes are tested sixteen at a time
/// without branching, which the compiler turns into vector instructions (three times
/// faster than a byte-by-byte search on the text of articles).
fn next_markup(bytes: &[u8]) -> Option<usize> {
    let is_markup = |b: u8| MARKUP.contains(&b);
    let mut chunks = bytes.chunks_exact(16);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut found = 0u8;
        for &b in chunk {
            found |= MARKUP.iter().fold(0, |any, &m| any | u8::from(b == m));
        }
        if found != 0 {
            return chunk.iter().position(|&b| is_markup(b)).map(|p| offset + p);
        }
        offset += 16;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| is_markup(b))
        .map(|p| offset + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            html("<a href=\"x\">&'é"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;é"
        );
        assert_eq!(html("plain"), "plain");
        // Markup before, inside and after the sixteen-byte runs the search steps by.
        let long = "0123456789abcde<0123456789abcdef&'x\"0123456789>";
        assert_eq!(
            html(long),
            "0123456789abcde&lt;0123456789abcdef&amp;&#39;x&quot;0123456789&gt;"
        );
        assert_eq!(html(&"é".repeat(20)), "é".repeat(20));
        assert_eq!(html("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn xml_escapes_the_markup_characters() {
        assert_eq!(
            xml("AT&T <b> \"q\" 'a'"),
            "AT&amp;T &lt;b&gt; &quot;q&quot; &#39;a&#39;"
        );
        assert_eq!(xml("a\u{1}\0b\u{FFFE}\tc\u{1b}[31m<"), "ab\tc[31m&lt;");
    }
}
