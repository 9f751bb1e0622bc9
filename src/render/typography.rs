//! French typography on rendered HTML: the space French writes before `:` `;` `!` `?`
//! `»`, after `«`, and between groups of digits (`1 000`) becomes a no-break space, so
//! that no line starts with the sign or splits the number. Only text changes: tags,
//! attributes and the content of `pre`, `code`, `script`, `style` and `textarea` are
//! left as they are; a text with no such space is returned as it came.

use std::borrow::Cow;

/// Elements whose content is kept byte for byte.
const RAW: [&str; 5] = ["pre", "code", "script", "style", "textarea"];

/// `html` with French no-break spaces.
pub fn french(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'<' => at = after_tag(html, at),
            b' ' => {
                if let Some(space) = no_break(html, at) {
                    let out = out.get_or_insert_with(|| String::with_capacity(html.len() + 64));
                    out.push_str(&html[copied..at]);
                    out.push(space);
                    copied = at + 1;
                }
                at += 1;
            }
            _ => at += 1,
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&html[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(html),
    }
}

/// The no-break space that the space at `at` should be, if any.
fn no_break(html: &str, at: usize) -> Option<char> {
    let before = html[..at].chars().next_back();
    let after = &html[at + 1..];
    match after.chars().next() {
        Some(':' | '»') => return Some('\u{a0}'),
        Some(';' | '!' | '?') => return Some('\u{202f}'),
        _ => {}
    }
    if before == Some('«') {
        return Some('\u{a0}');
    }
    let group = after.as_bytes();
    let digits = group.len() >= 3 && group[..3].iter().all(u8::is_ascii_digit);
    let ends = group.get(3).is_none_or(|b| !b.is_ascii_digit());
    (before.is_some_and(|c| c.is_ascii_digit()) && digits && ends).then_some('\u{202f}')
}

/// Where the text resumes after the tag opening at `at`: past its `>`, and past the
/// content of a raw element and its end tag.
fn after_tag(html: &str, at: usize) -> usize {
    let rest = &html[at + 1..];
    let close = rest.find('>').map_or(html.len(), |end| at + 1 + end + 1);
    let name_len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let name = &rest[..name_len];
    let raw = RAW.iter().any(|r| r.eq_ignore_ascii_case(name));
    if !raw || html[..close].ends_with("/>") {
        return close;
    }
    // The generator and pulldown-cmark write their tags in lower case.
    let end = format!("</{}", name.to_ascii_lowercase());
    html[close..]
        .find(&end)
        .map_or(html.len(), |found| close + found)
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
}
